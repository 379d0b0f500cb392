"""Messages that thread workers post back to the review screen.

Workers never touch widgets or the database: they return what they found as one of
these, and the screen (on the main thread) saves it and redraws.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from factcheck.models import Evidence


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
