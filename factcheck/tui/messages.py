"""Messages that thread workers post back to the review screen.

Workers never touch widgets or the database: they return what they found as one of
these, and the screen (on the main thread) saves it and redraws.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from factcheck.models import Evidence

if TYPE_CHECKING:
    from factcheck.evidence.stance import StanceHint

HintKey = tuple[str, str, str, tuple[str, ...]]
"""What a stance hint depends on: the claim's text, the passage's title, the passage
and the contradictions the matcher flagged on it (`hint_key`)."""


def hint_key(claim_text: str, evidence: Evidence) -> HintKey:
    """The key under which the screen keeps the hint of `evidence` for a claim: the same
    passage saved again (new id, same text) keeps its hint."""
    return (claim_text, evidence.title, evidence.passage, tuple(evidence.contradictions))


@dataclass
class EvidenceFound(Message):
    """A lookup finished: `items` (maybe empty) for claim `claim_id`, not yet saved."""

    claim_id: int
    source_name: str
    items: list[Evidence]


@dataclass
class LookupFailed(Message):
    """A source could not answer (offline, rate-limited); `reason` is one line."""

    claim_id: int
    source_name: str
    reason: str


@dataclass
class SuggestionsFound(Message):
    """The automatic lookup (local library, earlier checks) for a newly selected claim
    finished: `items` (maybe empty) not yet saved, and `failures` as (source, reason)."""

    claim_id: int
    items: list[Evidence]
    failures: list[tuple[str, str]]


@dataclass
class HintsFound(Message):
    """A worker worked out stance hints (the model loaded and the passages encoded off
    the UI thread): the evidence panel of `claim_id` can show them."""

    claim_id: int
    hints: dict[HintKey, StanceHint]
