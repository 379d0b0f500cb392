"""One tokenizer pass for a passage's vector and stems (`PassageTerms`, issue 15):
the same packed sums, vector bytes and stems as the whole-text functions, for texts
that stress the chunking (punctuation glued to words, apostrophes, underscores, control
characters, every kind of whitespace, accents, final sigma, CJK, long words)."""

from __future__ import annotations

import random

import pytest

from factcheck.store import references
from factcheck.store.references import PassageTerms
from factcheck.text.vectors import default_vectors
from factcheck.text.words import content_stems

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


@pytest.mark.parametrize("title", ["", "Sample 0", "Σίσυφος ΟΔΟΣ", "title_with_underscore's"])
def test_sums_and_stems_equal_the_whole_text_functions(title: str) -> None:
    model = default_vectors()
    terms = PassageTerms(model)
    texts = TEXTS + _random_texts(400)
    for _ in range(2):  # the second round comes from the memo
        for text in texts:
            total, stems = terms.of(title, text)
            assert total == model.packed_sum(text), repr(text)
            assert stems == content_stems(f"{title} {text}"), repr(text)
    sums = [terms.of(title, text)[0] for text in texts]
    assert model.vector_bytes_of_sums(sums) == [model.vector_bytes(text) for text in texts]


def test_a_full_memo_gives_the_same_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PassageTerms, "CHUNKS", 5)
    model = default_vectors()
    terms = PassageTerms(model)
    for text in TEXTS + _random_texts(100):
        assert terms.of("T", text) == (model.packed_sum(text), content_stems(f"T {text}"))
    assert len(terms._sums) < 5 + 60  # stopped learning soon after the limit


def test_the_import_uses_one_pass(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """The import no longer tokenizes whole texts twice: `content_stems` runs on
    chunks and titles only (for ASCII passages)."""
    from factcheck.store import Store

    seen: list[str] = []
    original = references.content_stems

    def spy(text: str) -> list[str]:
        seen.append(text)
        return original(text)

    monkeypatch.setattr(references, "content_stems", spy)
    rows = [{"id": str(n), "title": "T", "text": f"passage {n} about vaccines."} for n in range(5)]
    with Store(tmp_path / "c.db") as store:
        store.add_references(rows, origin="x.jsonl")
    assert not any(" " in text for text in seen)
