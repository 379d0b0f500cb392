"""The plain data the whole of factcheck passes around.

Every layer (splitter, store, CLI, TUI, exports) speaks in these dataclasses, so none
of them needs to know how another stores or computes things. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """A reviewer's verdict on a claim; every claim starts `unverified` (undecided).

    `unverified` is also a decision ("checked, cannot tell"): `Claim.decided` tells a
    claim marked unverified from one nobody has decided yet. `dismissed` says the
    span is not a claim at all (a splitter mistake): recorded like any verdict, but
    such claims are left out of listings, counts and reports unless asked for.
    """

    SUPPORTED = "supported"
    DISPUTED = "disputed"
    UNVERIFIED = "unverified"
    DISMISSED = "dismissed"


SHOWN_STATUSES: tuple[Status, ...] = (Status.SUPPORTED, Status.DISPUTED, Status.UNVERIFIED)
"""The statuses listings, counts and reports show by default: every status but
`dismissed`. Counts keyed by status hold these keys only."""

CHECK_WORTHY = 0.5
"""The check-worthiness score from which a claim is shown by default. The review screen
hides lower ones until `t` shows them (dimmed); the splitter keeps shown, when it cuts a
quotation at its sentences, what the whole quotation showed (`claims.quotations`)."""


class ClaimKind(StrEnum):
    """What sort of statement a claim is, after Full Fact's claim types (adapted)."""

    QUANTITY = "quantity"
    RANKING = "ranking"
    TEMPORAL = "temporal"
    ATTRIBUTION = "attribution"
    COMPARISON = "comparison"
    CAUSAL = "causal"
    PREDICTION = "prediction"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable span of an article.

    `text == source[start:end]` always holds for the document's text; the sentence
    offsets give the reviewer context. The splitter returns claims with no `id`;
    the store fills `id`, `document_id`, `status`, `updated_at`, `decided` and
    `duplicate_of`.
    """

    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    kind: ClaimKind = ClaimKind.OTHER
    score: float = 0.5
    """Check-worthiness in [0, 1]; 0.5 is the default threshold."""
    id: int | None = None
    document_id: int | None = None
    status: Status = Status.UNVERIFIED
    updated_at: str | None = None
    decided: bool = False
    """Whether the claim has a verdict in force (`unverified` included); an undecided
    claim's status is `unverified`."""
    duplicate_of: int | None = None
    """The id of the claim this one repeats in the same document (a repeated paragraph,
    a headline the body restates), None for a claim shown in its own right. A verdict
    on one claim of such a group is recorded on every one of them."""


@dataclass(frozen=True, slots=True)
class Document:
    """An article as stored: its full text is what claim offsets point into."""

    id: int
    title: str
    source: str
    """Where it came from: a file path, a URL, or `-` for stdin."""
    text: str
    sha256: str
    added_at: str
    url: str | None = None
    """Canonical URL of the published article, when known."""
    author: str | None = None
    publisher: str | None = None
    published_at: str | None = None
    """Publication date as ISO 8601 (date or date-time), when the source gives it."""


class SourceKind(StrEnum):
    """Where a piece of evidence came from; the review screen shows it as a badge."""

    REFERENCE = "reference"
    """The local reference library (`factcheck refs add`)."""
    PRIOR = "prior"
    """A claim in another document of this database that already has a verdict."""
    FACTCHECK = "factcheck"
    """A published fact-check imported from ClaimReview."""
    WIKIPEDIA = "wikipedia"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage suggested as evidence for a claim.

    Returned by the sources and the matcher (no `id`), stored per claim by the store
    (with `id` and `claim_id`), and cited by a verdict through `Verdict.evidence_id`.
    """

    source: SourceKind
    title: str
    passage: str
    score: float
    """Relevance in [0, 1], comparable across sources."""
    url: str | None = None
    span: tuple[int, int] | None = None
    """The part of `passage` that matches the claim, as offsets into `passage`."""
    agreements: tuple[str, ...] = ()
    """Claim details the passage repeats, e.g. ("2017", "fourth-largest")."""
    contradictions: tuple[str, ...] = ()
    """Details the passage states differently, e.g. ("claim: 2017; passage: 2016",)."""
    reference_id: str | None = None
    """The id of the row in its source (reference row id, claim id, fact-check URL, page)."""
    revision_id: int | None = None
    """Wikipedia `lastrevid` of the page the passage was read from."""
    fetched_at: str | None = None
    id: int | None = None
    claim_id: int | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """One event in a claim's append-only verdict history."""

    id: int
    claim_id: int
    status: Status
    note: str | None
    reviewer: str
    evidence_id: int | None
    created_at: str
    undoes: int | None = None
    """Set on an undo event: the id of the verdict it withdraws. An undo event is never
    in force, and the verdict it names is no longer in force either."""
