"""Span edits by hand (`factcheck.desk.span_edit`): word boundaries, paragraphs, versions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.desk.span_edit import (
    SpanMove,
    create_claim,
    edit_claim_span,
    move_span,
    overlapping,
    snap_to_words,
)
from factcheck.errors import InputError
from factcheck.ingest import Article, add_article
from factcheck.models import ClaimKind, Status
from factcheck.store import Store

TEXT = (
    "# Park history\n\n"
    "The fountain first opened in 2008. It cost $1,250,000 in the U.S. town.\n\n"
    "Next, the mayor said “the park is safe” on Friday.\n"
)


def span(start: int, end: int) -> str:
    return TEXT[start:end]


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


@pytest.mark.parametrize(
    ("phrase", "move", "expected"),
    [
        ("The fountain first", SpanMove.END_RIGHT, "The fountain first opened"),
        ("fountain first", SpanMove.START_LEFT, "The fountain first"),
        ("The fountain first", SpanMove.START_RIGHT, "fountain first"),
        ("The fountain first", SpanMove.END_LEFT, "The fountain"),
        ("opened in 2008", SpanMove.END_RIGHT, "opened in 2008. It"),  # crosses a sentence
        ("It cost", SpanMove.END_RIGHT, "It cost $1,250,000"),  # a figure is one word
        ("in the", SpanMove.END_RIGHT, "in the U.S."),  # dotted initials whole
        ("the mayor said", SpanMove.END_RIGHT, "the mayor said “the"),
        ("said “the park is", SpanMove.END_RIGHT, "said “the park is safe”"),  # quote closes
    ],
)
def test_a_move_takes_or_gives_back_one_whole_word(
    phrase: str, move: SpanMove, expected: str
) -> None:
    moved = move_span(TEXT, *at(phrase), move)
    assert moved is not None
    assert span(*moved) == expected


def test_a_span_never_leaves_its_paragraph_nor_shrinks_below_one_word() -> None:
    assert move_span(TEXT, *at("The fountain"), SpanMove.START_LEFT) is None  # blank line above
    assert move_span(TEXT, *at("in the U.S. town"), SpanMove.END_RIGHT) is None  # blank below
    assert move_span(TEXT, *at("fountain"), SpanMove.END_LEFT) is None
    assert move_span(TEXT, *at("fountain"), SpanMove.START_RIGHT) is None


def test_a_range_inside_words_takes_the_whole_words() -> None:
    start, end = at("fountain first")
    assert span(*snap_to_words(TEXT, start + 3, end - 2)) == "fountain first"
    assert span(*snap_to_words(TEXT, start - 1, end + 1)) == "fountain first"  # spaces trimmed
    with pytest.raises(InputError, match="no word"):
        snap_to_words(TEXT, 14, 16)  # only the blank line


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "claims.db")
    add_article(store, Article(TEXT, title="Park history", source="park.md"))
    return store


def test_an_edit_keeps_id_and_verdicts_and_every_earlier_span(store: Store) -> None:
    claim = next(c for c in store.list_claims() if c.text.startswith("The fountain"))
    assert claim.id is not None
    store.mark([claim.id], Status.DISPUTED, reviewer="ana")
    short = edit_claim_span(store, claim.id, *at("The fountain first"), reviewer="bo")
    fixed = edit_claim_span(
        store, claim.id, *at("The fountain first opened in 2008"), reviewer="bo"
    )
    assert (short.id, fixed.id) == (claim.id, claim.id)
    assert fixed.text == "The fountain first opened in 2008" == span(fixed.start, fixed.end)
    assert fixed.status is Status.DISPUTED
    assert [v.status for v in store.history(claim.id)] == [Status.DISPUTED]
    versions = store.claim_versions(claim.id)
    assert [(v.text, v.set_by) for v in versions] == [
        (claim.text, "splitter"),
        ("The fountain first", "bo"),
        ("The fountain first opened in 2008", "bo"),
    ]
    # re-scored as itself: the stub is no claim, the whole statement is
    assert short.score < 0.5 <= fixed.score


def test_an_edit_to_the_same_span_writes_no_version(store: Store) -> None:
    claim = store.list_claims()[0]
    assert claim.id is not None
    again = edit_claim_span(store, claim.id, claim.start, claim.end, reviewer="bo")
    assert again == claim
    assert store.claim_versions(claim.id) == []


def test_the_checked_before_index_follows_an_edited_decided_claim(store: Store) -> None:
    claim = store.list_claims()[0]
    assert claim.id is not None
    store.mark([claim.id], Status.SUPPORTED, reviewer="ana")
    assert claim.text == "The fountain first opened in 2008"
    edit_claim_span(store, claim.id, *at("The fountain"), reviewer="bo")
    found = store.conn.execute(
        "SELECT rowid FROM checked_claims_fts WHERE checked_claims_fts MATCH 'fountain'"
    ).fetchall()
    gone = store.conn.execute(
        "SELECT rowid FROM checked_claims_fts WHERE checked_claims_fts MATCH 'opened'"
    ).fetchall()
    assert found == [(claim.id,)]
    assert gone == []
    undecided = store.list_claims()[1]  # an edit of an unindexed claim leaves the index be
    edit_claim_span(store, undecided.id or 0, undecided.start, undecided.end - 3, reviewer="bo")
    store.conn.execute(
        "INSERT INTO checked_claims_fts (checked_claims_fts) VALUES ('integrity-check')"
    )
    for word, expected in (("fountain", [(claim.id,)]), ("mayor", []), ("friday", [])):
        assert (
            store.conn.execute(
                "SELECT rowid FROM checked_claims_fts WHERE checked_claims_fts MATCH ?", [word]
            ).fetchall()
            == expected
        )


def test_a_created_claim_is_scored_classified_and_never_overlaps(store: Store) -> None:
    document = store.add_document(TEXT + "\n", title="unsplit", source="-", claims=[]).document
    before = len(store.list_claims())
    start, end = at("It cost $1,250,000 in the U.S. town")
    # a range that starts and ends inside words takes the whole words
    claim = create_claim(store, document.id, start + 1, end - 1, reviewer="bo")
    assert claim.text == "It cost $1,250,000 in the U.S. town" == span(claim.start, claim.end)
    assert claim.kind is ClaimKind.QUANTITY
    assert claim.score >= 0.5
    assert claim.status is Status.UNVERIFIED
    assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
    assert len(store.list_claims()) == before + 1
    assert [v.set_by for v in store.claim_versions(claim.id or 0)] == ["bo"]
    for again in ((start, end), at("U.S. town"), at("cost")):
        with pytest.raises(InputError, match=f"overlaps claim {claim.id} "):
            create_claim(store, document.id, *again, reviewer="bo")
    fountain = create_claim(store, document.id, *at("The fountain first"), reviewer="bo")
    with pytest.raises(InputError, match=f"overlaps claim {claim.id} "):
        edit_claim_span(store, fountain.id or 0, *at("in 2008. It"), reviewer="bo")
    assert store.get_claim(fountain.id or 0).text == "The fountain first"


def test_overlapping_names_the_first_claim_in_the_way() -> None:
    from factcheck.models import Claim

    claims = [Claim("a", 0, 5, 0, 9, id=1), Claim("b", 10, 20, 10, 20, id=2)]
    assert overlapping(claims, 4, 12, but=None) == claims[0]
    assert overlapping(claims, 4, 12, but=1) == claims[1]
    assert overlapping(claims, 5, 10, but=None) is None  # touching is not overlapping


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (40, 40, "START must be below END"),
        (16, 10_000, "document's end"),
        (16, 120, "one paragraph"),
    ],
)
def test_bad_ranges_are_one_line_errors(store: Store, start: int, end: int, message: str) -> None:
    with pytest.raises(InputError, match=message):
        create_claim(store, 1, start, end, reviewer="bo")


def test_the_store_refuses_offsets_that_do_not_hold_the_text(store: Store) -> None:
    from dataclasses import replace

    claim = store.list_claims()[0]
    with pytest.raises(InputError, match="do not hold"):
        store.replace_claim_span(replace(claim, start=claim.start + 1), reviewer="bo")
    assert store.get_claim(claim.id or 0) == claim


def test_moving_a_span_loads_no_model_and_no_textual() -> None:
    """The scorer loads when an edit is saved, not when the module is imported or a
    span moves on screen (`move_span` is plain text work)."""
    code = (
        "import sys; from factcheck import move_span, SpanMove; "
        "import factcheck.cli.claim_spans; "
        "move_span('The fountain first opened.', 0, 18, SpanMove.END_RIGHT); "
        "print(sorted(m for m in ('onnxruntime', 'textual') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_emphasis_and_straight_quotes_stay_paired() -> None:
    text = '- **Unemployment fell** to 3.5% in May, he said "at once" today.\n'
    start = text.index("**Unemployment")
    end = text.index(" in May")
    narrowed = move_span(text, start, end, SpanMove.END_LEFT)
    assert narrowed is not None
    assert text[slice(*narrowed)] == "**Unemployment fell** to"
    said = text.index("he said")
    widened = move_span(text, said, text.index(" once"), SpanMove.END_RIGHT)
    assert widened is not None
    assert text[slice(*widened)] == 'he said "at once"'


def test_a_long_paragraph_is_cut_between_words_never_inside_one() -> None:
    from factcheck.desk.span_edit import paragraph_bounds

    text = "Lorem ipsumdolor " * 600  # ~10,000 characters, no blank line
    middle = text.index("Lorem", 5000)
    start, end = paragraph_bounds(text, middle, middle + 5)
    assert 0 < start < middle < end < len(text)
    assert text[start - 1] == " " and text[end] == " "
    moved = move_span(text, middle, middle + 5, SpanMove.START_LEFT)
    assert moved is not None and text[moved[0] : moved[1]] == "ipsumdolor Lorem"
