"""One tokenizer pass for a passage's vector and stems (`PassageTerms`, issue 15):
the same vector lanes, vector bytes and stem counts as the whole-text functions, for texts
that stress the chunking (punctuation glued to words, apostrophes, underscores, control
characters, every kind of whitespace, accents, final sigma, CJK, long words)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from factcheck.store.references import stem_counts
from factcheck.text import passage_terms
from factcheck.text.passage_terms import PassageTerms
from factcheck.text.vectors import default_vectors

TEXTS = [
    "The city council reported that carbon emissions rose 32% since 2019.",
    "Asia's \"safer-at-home\" order (47 days) — won't end; U.S. officials said so.",
    "snake_case_words and __dunder__ plus a_b_c, e-mail: x@y.org #tag $5.50 ~approx",
    "tabs\tnew\nlines\r\nvertical\x0bfeed\x0cfile\x1cgroup\x1drecord\x1eunit\x1fend",
    "control\x01chars\x07inside\x7fwords and\x00nul",
    "Café naïve résumé façade coöperate ΟΔΟΣ ΣΟΦΟΣ İstanbul straße",
    "non\u00a0breaking\u2003em\u2028line\u2029para\u0085next\u3000ideographic space",
    "漢字テキスト mixed with English words 中文",
    "apostrophes ’curly’ and 'straight' and dangling' 'quotes",
    "a" * 150 + " supercalifragilisticexpialidocious " + "x" * 99,
    "",
    "   ",
    "The The the THE the. the, the; (the) [the] {the}",
]


def _random_texts(count: int) -> list[str]:
    """Random strings over the characters that matter: ASCII only (the chunked path)
    for even numbers, with characters beyond ASCII for odd ones."""
    rng = random.Random(15)
    ascii_only = [*"aAbZ09_'-.,;:!?\"()  \t\n\x0b\x1c\x01", "covid", "said", "the"]
    wider = [*ascii_only, *"’\xa0éΣς漢"]
    return [
        "".join(rng.choice(wider if n % 2 else ascii_only) for _ in range(rng.randrange(60)))
        for n in range(count)
    ]


def _expected(model, title: str, texts: list[str]):
    """What the whole-text functions give: lanes of `packed_sum`, `stem_counts` rows."""
    lanes = model.lanes_of_sums([model.packed_sum(text) for text in texts])
    return lanes.tolist(), sorted(stem_counts((title, text) for text in texts))


@pytest.mark.parametrize("title", ["", "Sample 0", "Σίσυφος ΟΔΟΣ", "title_with_underscore's"])
def test_lanes_and_stem_counts_equal_the_whole_text_functions(title: str) -> None:
    model = default_vectors()
    terms = PassageTerms(model)
    texts = TEXTS + _random_texts(400)
    lanes, stems = _expected(model, title, texts)
    for _ in range(2):  # the second round comes from the table
        pairs = [(title, text) for text in texts]
        assert terms.add(pairs).tolist() == lanes
        assert sorted(terms.rows()) == stems
    assert model.vector_bytes_of_lanes(np.array(lanes)) == [
        model.vector_bytes(text) for text in texts
    ]


def test_small_groups_and_a_full_table_give_the_same_terms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(PassageTerms, "CHUNKS", 5)
    monkeypatch.setattr(PassageTerms, "GROUP", 7)
    monkeypatch.setattr(PassageTerms, "STEMS", 3)
    model = default_vectors()
    terms = PassageTerms(model)
    texts = TEXTS + _random_texts(100)
    lanes, stems = _expected(model, "T", texts)
    for _ in range(2):
        assert terms.add([("T", text) for text in texts]).tolist() == lanes
        assert sorted(terms.rows()) == stems
        assert terms._size < 5 + 7 + 60  # the table started again soon after its limit


@pytest.mark.parametrize("group", [7, 200, 16_384])
def test_ascii_groups_joined_in_one_split_give_the_same_terms(
    monkeypatch: pytest.MonkeyPatch, group: int
) -> None:
    """An all-ASCII group without NUL takes the joined path (never `_add_each`), with
    whitespace-only texts and texts ending in whitespace among them."""
    monkeypatch.setattr(PassageTerms, "GROUP", group)

    def refused(*_args: object) -> None:
        raise AssertionError("an ASCII group went passage by passage")

    monkeypatch.setattr(PassageTerms, "_add_each", refused)
    model = default_vectors()
    texts = [
        text
        for text in [*TEXTS, " \t", "ends with space ", *_random_texts(400)]
        if text.isascii() and "\x00" not in text
    ]
    lanes, stems = _expected(model, "Sample 0", texts)
    terms = PassageTerms(model)
    for _ in range(2):
        assert terms.add([("Sample 0", text) for text in texts]).tolist() == lanes
        assert sorted(terms.rows()) == stems


def test_long_chunks_and_texts_are_summed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passage_terms, "LONG_TEXT", 300)
    model = default_vectors()
    texts = [
        "short words " + "x" * 300 + " then more words",  # a chunk past LONG_CHUNK
        "many short words " * 30,  # a text past LONG_TEXT
        "vaccines work " + "ab" * 200,
        "plain text after them",
    ]
    lanes, stems = _expected(model, "T", texts)
    terms = PassageTerms(model)
    assert terms.add([("T", text) for text in texts]).tolist() == lanes
    assert sorted(terms.rows()) == stems


def test_stems_are_counted_once_a_passage_and_every_time_they_occur() -> None:
    terms = PassageTerms(default_vectors())
    terms.add([("Vaccines", "vaccines vaccines, measles."), ("", "measles again")])
    counts = {stem: (documents, occurrences) for stem, documents, occurrences in terms.rows()}
    assert counts["vaccin"] == (1, 3)
    assert counts["measle"] == (2, 2)
    assert counts[""] == (2, 5)  # "again" is a stop word
    assert terms.rows() == []  # counted once: the counts start again


def test_the_import_uses_one_pass(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """The import no longer tokenizes whole texts twice: `content_stems` runs on
    chunks and titles only (for ASCII passages)."""
    from factcheck.store import Store

    seen: list[str] = []
    original = passage_terms.content_stems

    def spy(text: str) -> list[str]:
        seen.append(text)
        return original(text)

    monkeypatch.setattr(passage_terms, "content_stems", spy)
    rows = [{"id": str(n), "title": "T", "text": f"passage {n} about vaccines."} for n in range(5)]
    with Store(tmp_path / "c.db") as store:
        store.add_references(rows, origin="x.jsonl")
    assert not any(" " in text for text in seen)
