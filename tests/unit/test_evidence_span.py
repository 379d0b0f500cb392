"""The highlighted span of a passage: whole words, the claim's own words at its edges.

rapidfuzz aligns characters; these pin what a reviewer sees on every face (TUI, `show`,
JSON): a span that starts and ends on word boundaries, inside the passage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.evidence.matcher import Candidate, aligned_span, rank_candidates
from factcheck.models import Claim, SourceKind
from factcheck.store import Store

ECONOMY = "South Korea has the fourth-largest economy in Asia and a large export sector."
TRADE = "Since 2004, China has been South Korea's largest trading partner by far."
LONG_CLAIM = (
    "Lee’s decisive victory in last week’s snap election stands to usher in a sea-change"
    " in Asia’s fourth-largest economy, where China is South Korea’s biggest trading partner."
)


def on_word_boundaries(passage: str, span: tuple[int, int]) -> bool:
    start, end = span
    starts = start == 0 or not passage[start - 1].isalnum()
    ends = end == len(passage) or not passage[end].isalnum()
    return 0 <= start < end <= len(passage) and starts and ends and passage[start:end].strip()


def test_the_span_does_not_start_inside_a_word() -> None:
    # rapidfuzz alone aligns "as the fourth-largest economy" (the end of "has")
    span = aligned_span("Asia’s fourth-largest economy", ECONOMY)
    assert span is not None
    assert ECONOMY[slice(*span)] == "fourth-largest economy"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        ("China is South Korea’s biggest trading partner", TRADE, "largest trading partner"),
        # a claim longer than the passage: the offsets are the passage's, not the claim's
        (LONG_CLAIM, TRADE, "China has been South Korea's largest trading partner"),
        (LONG_CLAIM, ECONOMY, "South Korea has the fourth-largest economy in Asia"),
    ],
)
def test_the_span_is_whole_words_of_the_passage(claim: str, passage: str, expected: str) -> None:
    span = aligned_span(claim, passage)
    assert span is not None and on_word_boundaries(passage, span)
    assert expected in passage[slice(*span)] or passage[slice(*span)] in expected
    # the edges are words the claim has, not filler ("the", "has")
    first, *_, last = passage[slice(*span)].split() or [""]
    assert first.lower() not in {"the", "has", "been", "a", "in", "and"}
    assert last.lower() not in {"the", "has", "been", "a", "in", "and"}


def test_no_span_when_no_word_of_the_claim_is_there() -> None:
    assert aligned_span("Kimchi is a side dish", "The weather was mild all week.") is None
    assert aligned_span("", ECONOMY) is None


def test_ranked_evidence_carries_the_word_span() -> None:
    candidates = [Candidate(SourceKind.REFERENCE, "Economy of South Korea", ECONOMY, 1.0)]
    [best] = rank_candidates("Asia’s fourth-largest economy", candidates)
    assert best.span is not None and on_word_boundaries(ECONOMY, best.span)


def test_show_json_gives_the_word_span(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    library = tmp_path / "korea.md"
    library.write_text(f"# Economy of South Korea\n\n{ECONOMY}\n")
    claim_text = "Asia’s fourth-largest economy"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", "claims.db", "refs", "add", str(library)]).exit_code == 0
    with Store("claims.db") as store:
        claim = Claim(claim_text, 0, len(claim_text), 0, len(claim_text))
        store.add_document(claim_text, title="t", source="-", claims=[claim])
    matched = runner.invoke(cli, ["--db", "claims.db", "match", "1", "--offline"])
    assert matched.exit_code == 0, matched.output
    shown = json.loads(
        runner.invoke(cli, ["--db", "claims.db", "show", "1", "--format", "json"]).stdout
    )
    best = shown["evidence"][0]
    assert on_word_boundaries(best["passage"], tuple(best["span"]))
