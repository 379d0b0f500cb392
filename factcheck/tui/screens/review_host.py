"""What the parts of the review screen may use of it: the `ReviewHost` protocol.

`ReviewScreen` is assembled from parts kept in their own modules (`ClaimListing`,
`OutsideChanges`, `SpanEditing`, `EvidenceLookups`), each a mixin of the screen. A
part reads the screen's state and calls the screen's (and its sibling parts')
methods; `ReviewHost` declares exactly that shared surface, in one place, with types.

The parts derive from `ReviewScreenPart`: for the type checker a `Screen` that meets
`ReviewHost`, so every use in a part is checked against the declaration, and
`ReviewScreen`, which derives from them all, is checked to implement it (a member it
lacks makes it abstract, an incompatible one is a bad override). At run time
`ReviewScreenPart` is plain `object`: the parts stay mixins without a second Textual
base, and nothing here changes how the screen runs. Importing `ReviewScreen` itself
as the parts' base would be an import cycle (the screen imports its parts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from textual.screen import Screen
from textual.timer import Timer

from factcheck.desk.session import ReviewSession
from factcheck.models import Claim, Evidence, Status, Verdict
from factcheck.tui.claim_view import ClaimView
from factcheck.tui.widgets.article import ArticleView
from factcheck.tui.widgets.claims import ClaimsTable
from factcheck.tui.widgets.evidence import EvidencePanel

if TYPE_CHECKING:
    from factcheck.tui.app import ReviewApp


class ReviewHost(Protocol):
    """The review screen's state and methods that its parts share."""

    # -- state (set up by `ReviewScreen.__init__` and `compose`) ----------------------

    document_id: int
    session: ReviewSession
    claims: dict[int, Claim]
    """Every claim of the document by id, with the status last seen."""
    order: list[int]
    """First occurrences (one per duplicate group) in document order."""
    view: ClaimView
    """What the list shows: threshold, filters, search."""
    listed: list[int]
    """Claim ids the list shows, in document order."""
    evidence_items: list[Evidence]
    """The evidence on screen for the selected claim, in its 1-9 order."""
    suggested: set[int]
    """Claims the automatic lookup has answered for in this session."""
    suggesting: int | None
    """The claim whose automatic lookup is scheduled or running."""
    _suggest_timer: Timer | None
    _told: set[str]
    """Problems already notified once (a failing source is not news per claim)."""
    decided_elsewhere: dict[int, Verdict]
    """Claims another reviewer decided since this screen opened: their verdict."""

    # -- widgets and the app ------------------------------------------------------------

    @property
    def review_app(self) -> ReviewApp: ...
    @property
    def table(self) -> ClaimsTable: ...
    @property
    def article(self) -> ArticleView: ...
    @property
    def evidence(self) -> EvidencePanel: ...
    @property
    def selected_id(self) -> int | None: ...

    # -- the screen's own methods (review.py) -------------------------------------------

    def _select(self, claim_id: int | None) -> None: ...
    def _show_strip(self, claim_id: int) -> None: ...
    def _show_evidence(self, claim_id: int | None) -> None: ...
    def _set_status(self, claim_id: int, status: Status, decided: bool = True) -> None: ...
    def _refresh_progress(self) -> None: ...

    # -- what one part calls of another -------------------------------------------------

    def apply_view(self, *, keep: int | None) -> None:
        """`ClaimListing`: rebuild the list under the view."""
        ...

    def clear_view(self) -> None:
        """`ClaimListing`: every claim listed again (but the threshold)."""
        ...

    def _reopen(self, claim_id: int) -> None:
        """`OutsideChanges`: select a claim, clearing filters that hide it."""
        ...


if TYPE_CHECKING:

    class ReviewScreenPart(ReviewHost, Screen[None]):
        """The base of a review screen part, as the type checker sees it."""

else:
    ReviewScreenPart = object
