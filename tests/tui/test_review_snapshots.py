"""Snapshots of the review screen (pytest-textual-snapshot). Update with
`pytest tests/tui --snapshot-update`, then look at every changed SVG before committing."""

from __future__ import annotations

from factcheck.models import Evidence, SourceKind

from .conftest import WIKI_EVIDENCE


def _with_evidence(review_store) -> None:
    review_store.save_evidence(3, WIKI_EVIDENCE)
    review_store.save_evidence(
        3,
        [
            Evidence(
                SourceKind.FACTCHECK,
                "Is China South Korea's top trading partner?",
                "Customs data show China took a quarter of South Korea's exports in 2023.",
                0.66,
                span=(0, 24),
                contradictions=("claim: biggest; passage: a quarter of exports",),
            )
        ],
    )


def test_main_screen_120x40(snap_compare, make, review_store):
    _with_evidence(review_store)
    # two verdicts, then onto the claim with evidence: every status colour is on screen
    assert snap_compare(make(), press=["s", "d"], terminal_size=(120, 40))


def test_main_screen_80x24(snap_compare, make, review_store):
    _with_evidence(review_store)
    assert snap_compare(make(), press=["s", "d"], terminal_size=(80, 24))


def test_filters_and_triage_80x24(snap_compare, make, review_store):
    """Low scores shown (t), one claim dismissed (x), the list on "only undecided"."""
    _with_evidence(review_store)
    assert snap_compare(make(), press=["t", "x", "f", "s"], terminal_size=(80, 24))


def test_help_screen(snap_compare, make):
    assert snap_compare(make(), press=["question_mark"], terminal_size=(120, 40))
