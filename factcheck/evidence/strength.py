"""How strongly an earlier check matches a claim: "strong match" or "suggested match".

Earlier verdicts and published fact-checks (`sources.prior`) are matched by similarity
in [0, 1] against the thresholds of config.toml [prior]. The strength is worked out on
display from the stored score, beside it, and kept out of the agreement flags: those
name the claim's facts (numbers, dates, ranks, names) that the passage repeats, and how
alike two claims read is not one of them. Light on purpose (no matcher, no rapidfuzz):
the review screen's evidence panel uses it on first paint.
"""

from __future__ import annotations

from factcheck.config import PriorConfig
from factcheck.models import Evidence, SourceKind

STRONG = "strong match"
SUGGESTED = "suggested match"
EARLIER_CHECKS = frozenset({SourceKind.PRIOR, SourceKind.FACTCHECK})
"""The sources whose score is a claim-to-claim similarity with thresholds."""


def match_strength(evidence: Evidence, config: PriorConfig) -> str | None:
    """`STRONG` or `SUGGESTED` for an earlier check (by `config`'s thresholds), None for
    passages from the library or Wikipedia (their score is a relevance, no threshold)."""
    if evidence.source not in EARLIER_CHECKS:
        return None
    return STRONG if evidence.score >= config.strong_threshold else SUGGESTED


def fact_agreements(agreements: tuple[str, ...]) -> tuple[str, ...]:
    """The agreement flags without a match strength: evidence stored by earlier
    versions carries the strength among them."""
    return tuple(a for a in agreements if a not in (STRONG, SUGGESTED))
