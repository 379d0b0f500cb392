"""The highlighted span of a passage: whole words, the claim's own words at its edges.

rapidfuzz aligns characters; these pin what a reviewer sees on every face (TUI, `show`,
JSON): a span that starts and ends on word boundaries, inside the passage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

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


def _span_read_from_the_start(claim: str, passage: str, start: int, end: int):  # type: ignore[no-untyped-def]
    """`_claim_words_span` as it was: its first pass reads every word from the
    passage's start."""
    from factcheck.evidence import matcher
    from factcheck.evidence.matcher import _span_stems, _token_stems
    from factcheck.text.words import READER_WORD, words

    claim_stems = _span_stems(claim)
    found = []
    for match in READER_WORD.finditer(passage):
        first, last = match.span()
        if first >= end:
            break
        if last > start and not _token_stems(match.group()).isdisjoint(claim_stems):
            found.append((first, last))
    if found:
        return (found[0][0], found[-1][1])
    tokens, spans = matcher._reader_tokens(passage)
    if not tokens:
        return None
    shared = [not _token_stems(token).isdisjoint(claim_stems) for token in tokens]
    width = max(1, len(words(claim)))
    counts = [sum(shared[i : i + width]) for i in range(len(tokens))]
    best = max(range(len(tokens)), key=counts.__getitem__)
    if counts[best] == 0:
        return None
    hits = [i for i in range(best, min(best + width, len(tokens))) if shared[i]]
    return (spans[hits[0]][0], spans[hits[-1]][1])


@given(
    pieces=st.lists(
        st.sampled_from(
            [
                "Korea",
                "Korea's",
                "U.S.",
                "fourth-largest",
                "economy",
                "3.5",
                "the",
                "a.b-c",
                "(Asia)",
                "export,",
                "sector.",
                "—",
                "Seoul",
                "largest",
            ]
        ),
        min_size=1,
        max_size=12,
    ),
    gaps=st.lists(st.sampled_from([" ", "  ", "\n", " - ", ", "]), min_size=12, max_size=12),
    cut=st.tuples(st.floats(0, 1), st.floats(0, 1)),
)
def test_the_span_reads_only_the_words_around_the_aligned_characters(
    pieces: list[str], gaps: list[str], cut: tuple[float, float]
) -> None:
    from factcheck.evidence import matcher

    passage = "".join(word + gap for word, gap in zip(pieces, gaps, strict=False)).strip()
    start, end = sorted(int(share * len(passage)) for share in cut)
    claim = "South Korea's fourth-largest economy in Asia, the U.S. sector"
    expected = _span_read_from_the_start(claim, passage, start, end)
    span = matcher._claim_words_span(claim, passage, start, end)
    assert span == expected
