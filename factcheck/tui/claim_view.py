"""Which claims the review list shows, and what its title says about the rest.

Kept apart from the screen (and from Textual) so the rules are plain functions over
claims: check-worthiness threshold (hidden below it unless `t` shows them), status
and kind filters, search text, dismissed claims and repeats of a claim (a duplicate
group is listed once, at its first occurrence, with how often it occurs).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from factcheck.models import CHECK_WORTHY, Claim, ClaimKind, Status

UNDECIDED = "undecided"
"""The status filter for claims with no verdict in force."""
StatusFilter = Status | str | None
"""None (all), `UNDECIDED`, or a `Status`."""


def is_decided(claim: Claim) -> bool:
    """Whether the claim has a verdict in force (unverified included, dismissal not)."""
    return claim.decided and claim.status != Status.DISMISSED


def is_dismissed(claim: Claim) -> bool:
    return claim.status == Status.DISMISSED


def group_of(claim: Claim) -> int:
    """The id of the claim shown for the claim's duplicate group (its own id if none)."""
    return claim.duplicate_of or claim.id or 0


def status_filters() -> list[StatusFilter]:
    """The order `f` cycles through."""
    return [
        None,
        UNDECIDED,
        Status.UNVERIFIED,
        Status.DISPUTED,
        Status.SUPPORTED,
        Status.DISMISSED,
    ]


@dataclass
class ClaimView:
    """The reviewer's current view of a document's claims."""

    threshold: float = CHECK_WORTHY
    """Claims scoring below this are hidden unless `show_low`."""
    show_low: bool = False
    status: StatusFilter = None
    kind: ClaimKind | None = None
    query: str = ""
    """Casefolded search text; empty: no search."""

    def listed(self, claim: Claim) -> bool:
        """Whether a first occurrence is listed under the current view."""
        if self.status is None:
            if is_dismissed(claim):
                return False
        elif self.status == UNDECIDED:
            if is_decided(claim) or is_dismissed(claim):
                return False
        elif claim.status != self.status or (
            self.status == Status.UNVERIFIED and not is_decided(claim)
        ):
            return False
        if self.kind is not None and claim.kind != self.kind:
            return False
        dismissed_listed = self.status == Status.DISMISSED
        if not self.show_low and claim.score < self.threshold and not dismissed_listed:
            return False
        return not self.query or self.query in claim.text.casefold()

    def visible(self, claims: Iterable[Claim]) -> list[Claim]:
        """First occurrences listed under the view, in the order given."""
        return [c for c in claims if c.duplicate_of is None and self.listed(c)]

    def hidden_low(self, claims: Iterable[Claim]) -> int:
        """First occurrences the threshold alone hides (what `t` would add)."""
        if self.show_low:
            return 0
        shown_low = ClaimView(self.threshold, True, self.status, self.kind, self.query)
        return sum(
            1
            for c in claims
            if c.duplicate_of is None and c.score < self.threshold and shown_low.listed(c)
        )

    def title(self, shown: int, total: int, hidden_low: int) -> str:
        """The list's border title: what is listed, of how many, and what is hidden."""
        parts = [f"Claims {shown}" if shown == total else f"Claims {shown} of {total}"]
        if self.status is not None:
            parts.append(f"only {self.status}")
        if self.kind is not None:
            parts.append(f"only {self.kind}")
        if self.query:
            parts.append(f"matching {self.query!r}")
        if hidden_low:
            parts.append(f"{hidden_low} low hidden (t)")
        elif self.show_low:
            parts.append(f"scores under {self.threshold:.2f} shown (t)")
        return " · ".join(parts)


def occurrence_counts(claims: Iterable[Claim]) -> Mapping[int, int]:
    """How many claims each duplicate group holds, by its first occurrence's id."""
    counts: dict[int, int] = {}
    for claim in claims:
        counts[group_of(claim)] = counts.get(group_of(claim), 0) + 1
    return counts
