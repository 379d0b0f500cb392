"""The claims list of the review screen: filters, search, the next undecided claim,
and the list's title, kept true the moment a verdict changes a claim.

A mixin of `ReviewScreen` (the screen module holds the verdict workflow; this one what
the list shows). The rules of which claims are listed are `factcheck.tui.claim_view`;
here they meet the widgets. What it uses of the screen (`claims`, `order`, `table`,
`article`, `_select`...) is declared in `review_host.ReviewHost`.
"""

from __future__ import annotations

from textual.widgets import Input

from factcheck.models import Claim, ClaimKind, Status
from factcheck.store.review_reads import ListCounts
from factcheck.tui.claim_view import ClaimView, StatusFilter, is_decided, status_filters
from factcheck.tui.screens.review_host import ReviewScreenPart
from factcheck.tui.untrusted import safe_content


class ClaimListing(ReviewScreenPart):
    """What the list shows, and moving through it."""

    view: ClaimView
    title_counts: ListCounts | None
    _title_shown: str = ""
    listed: list[int]
    """Claim ids the list shows, in document order."""

    # -- the list ---------------------------------------------------------------------

    def first_occurrences(self) -> list[Claim]:
        return [self.claims[cid] for cid in self.order]

    def apply_view(self, *, keep: int | None) -> None:
        """Rebuild the list under the view; stay on `keep` if it is still listed, else
        go to the first undecided claim after it (or the first listed claim)."""
        visible = self.view.visible(self.first_occurrences())
        self.listed = [c.id for c in visible if c.id is not None]
        if self.table.show_claims(visible, keep=keep) and keep is not None:
            self._select(keep)
        elif self.listed:
            target = self.next_undecided(keep) or self.listed[0]
            self.table.select_claim(target)
            self._select(target)
        else:
            self._select(None)
        self.update_title()

    def update_title(self) -> None:
        """The list's title: how many of how many, the filters, what the threshold hides."""
        counts = self.title_counts
        if counts is not None:  # only the head is read yet: the whole document's counts
            title = self.view.title(counts.listed, counts.total, counts.hidden_low)
        else:
            claims = self.first_occurrences()
            total = sum(1 for c in claims if ClaimView(show_low=True).listed(c))
            title = self.view.title(len(self.listed), total, self.view.hidden_low(claims))
        if title != self._title_shown:  # a new title repaints the whole list
            self._title_shown = title
            self.table.border_title = safe_content(title)

    def claim_changed(self, claim_id: int, was: Claim | None = None) -> None:
        """A claim's status changed (it was `was`): if the view no longer lists it (a
        marked claim under "only undecided"), or now lists it, the list is rebuilt; the
        title follows when its counts can have changed."""
        claim = self.claims.get(claim_id)
        if claim is None or claim_id not in self.order:
            return
        if self.view.listed(claim) != (claim_id in self.table._index):
            selected = self.selected_id
            keep = selected if selected != claim_id else None
            following = self.next_undecided(claim_id) if keep is None else None
            self.apply_view(keep=keep if keep is not None else following)
        else:
            self.table.set_status(claim_id, claim)
            dismissal = Status.DISMISSED in {claim.status, was.status if was else None}
            if self.view.status is not None or dismissal or was is None:
                self.update_title()  # counting is a pass over every claim

    # -- what is left -----------------------------------------------------------------

    def next_undecided(self, after: int | None) -> int | None:
        """The first listed undecided claim after claim `after` in document order
        (from the top when None), wrapping; None when every listed claim is decided.
        A scan from `after`'s place: usually the very next claim."""
        if not self.listed:
            return None
        start = 0
        if after is not None and after in self.claims:
            position = self.table._index.get(after)
            if position is None:  # not listed (it just left the list): by its offset
                offset = self.claims[after].start
                position = next(
                    (i - 1 for i, cid in enumerate(self.listed) if self.claims[cid].start > offset),
                    len(self.listed) - 1,
                )
            start = position + 1
        count = len(self.listed)
        for step in range(count):
            claim_id = self.listed[(start + step) % count]
            if claim_id != after and not is_decided(self.claims[claim_id]):
                return claim_id
        return None

    def go_to_next_undecided(self, after: int | None) -> bool:
        """Select the next undecided claim; say "all N decided" when there is none."""
        target = self.next_undecided(after)
        if target is None:
            self.notify(f"All {len(self.listed)} listed claims decided.", title="Done")
            return False
        self.table.select_claim(target)
        self._select(target)
        return True

    def action_next_undecided(self) -> None:
        """`space`: on to the next claim without a verdict (wrapping)."""
        self.go_to_next_undecided(self.selected_id)

    # -- filters ----------------------------------------------------------------------

    def action_filter(self) -> None:
        """Cycle the status filter: all, undecided, unverified, disputed, supported..."""
        cycle = status_filters()
        position = cycle.index(self.view.status) if self.view.status in cycle else -1
        self.set_filter(cycle[(position + 1) % len(cycle)])

    def set_filter(self, status: StatusFilter) -> None:
        self.view.status = status
        self.apply_view(keep=self.selected_id)

    @property
    def filter_status(self) -> StatusFilter:
        return self.view.status

    def action_filter_kind(self) -> None:
        """Cycle the kind filter through the kinds this document has (then all)."""
        kinds = [k for k in ClaimKind if any(c.kind == k for c in self.claims.values())]
        cycle: list[ClaimKind | None] = [None, *kinds]
        position = cycle.index(self.view.kind) if self.view.kind in cycle else 0
        self.set_kind(cycle[(position + 1) % len(cycle)])

    def set_kind(self, kind: ClaimKind | None) -> None:
        self.view.kind = kind
        self.apply_view(keep=self.selected_id)

    def action_toggle_low(self) -> None:
        """Show or hide the claims under the check-worthiness threshold."""
        self.view.show_low = not self.view.show_low
        self.apply_view(keep=self.selected_id)
        self._refresh_progress()  # the hidden claims are not "left"; shown, they are

    # -- search -----------------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def action_close_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.value = ""
            search.display = False
            self.table.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search":
            return
        self.view.query = event.value.strip().casefold()
        match = self.article.search(self.view.query)
        visible = self.view.visible(self.first_occurrences())
        # Jump to the first listed claim at or after the match in the article.
        target = next((c.id for c in visible if match is not None and c.end > match), None)
        self.apply_view(keep=target if target is not None else self.selected_id)
        if match is not None and not visible:
            self.article.show_offset(match)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            if not event.value.strip():
                event.input.display = False
            self.table.focus()

    def clear_view(self) -> None:
        """Every claim listed again (but the threshold): reopening a hidden claim."""
        self.view.status = None
        self.view.kind = None
        self.view.query = ""
        self.article.search("")
        self.query_one("#search", Input).value = ""
