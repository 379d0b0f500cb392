"""Recent decisions and other reviewers' verdicts on the review screen: the Recent
panel (enter reopens a claim) and the poll that picks up verdicts written by anyone
else, flagging claims another reviewer decided meanwhile.

A mixin of `ReviewScreen` (the screen module holds the verdict workflow). What it uses
of the screen (`claims`, `session`, `decided_elsewhere`, `_set_status`...) is declared
in `review_host.ReviewHost`.
"""

from __future__ import annotations

import sqlite3

from factcheck.errors import FactcheckError
from factcheck.models import Verdict
from factcheck.tui.claim_view import group_of, is_decided
from factcheck.tui.screens.review_host import ReviewScreenPart
from factcheck.tui.widgets.recent import RecentStrip


class OutsideChanges(ReviewScreenPart):
    """The Recent panel and the poll for other reviewers' verdicts."""

    _polled_verdict_id: int
    """The newest verdict the poll has looked at (ours included)."""
    _written: set[int]
    """Verdict ids this screen wrote: already on screen, not news for the poll."""

    def _refresh_recent(self) -> None:
        verdicts = self.review_app.store.recent_verdicts(
            limit=self.query_one("#recent", RecentStrip).capacity, document_id=self.document_id
        )
        self.query_one("#recent", RecentStrip).show_verdicts(
            verdicts, self.claims, reviewer=self.session.reviewer
        )

    def on_recent_strip_chosen(self, event: RecentStrip.Chosen) -> None:
        self._reopen(event.claim_id)
        self.notify(f"Reopened claim #{event.claim_id}: s, d or u records a new verdict.")

    def _reopen(self, claim_id: int) -> None:
        """Select a claim (its group's first occurrence), clearing the filters and the
        search if they hide it."""
        claim_id = group_of(self.claims[claim_id]) if claim_id in self.claims else claim_id
        if self.table.select_claim(claim_id):
            self._select(claim_id)
        else:
            self.clear_view()
            if claim_id in self.claims and not self.view.listed(self.claims[claim_id]):
                self.view.show_low = True  # a low-scoring claim decided earlier
            self.apply_view(keep=claim_id)
        self.table.focus()

    def check_outside_changes(self) -> None:
        """Pick up verdicts written by anyone else since we last looked."""
        try:
            news = self.review_app.store.verdicts_since(self.document_id, self._polled_verdict_id)
        except (FactcheckError, sqlite3.Error):  # a poll: the next one will try again
            return
        if news:
            self._polled_verdict_id = news[-1].id
        news = [v for v in news if v.id not in self._written]
        self._written = {i for i in self._written if i > self._polled_verdict_id}
        if not news:
            return  # nothing new but our own: no redraw under the reviewer's cursor
        for verdict in news:
            if verdict.reviewer != self.session.reviewer:
                self._note_decided_elsewhere(verdict)
            else:
                self.decided_elsewhere.pop(verdict.claim_id, None)
        every = self.review_app.store.list_claims(document_id=self.document_id, include_hidden=True)
        for claim in every:
            known = self.claims.get(claim.id or 0)
            if known is not None and (
                claim.status != known.status or is_decided(claim) != is_decided(known)
            ):
                self._set_status(claim.id or 0, claim.status, is_decided(claim))
        self._refresh_progress()
        self._refresh_recent()

    def _note_decided_elsewhere(self, verdict: Verdict) -> None:
        """Remember another reviewer's verdict; if its claim is on screen, say so."""
        known = self.decided_elsewhere.get(verdict.claim_id)
        self.decided_elsewhere[verdict.claim_id] = verdict
        if verdict.claim_id in self.claims:
            self._set_status(verdict.claim_id, verdict.status)
        if self.selected_id == verdict.claim_id and known != verdict:
            self.notify(
                f"{verdict.reviewer} just marked this claim {verdict.status}.",
                title="Decided by someone else",
                severity="warning",
                markup=False,
            )
            self._show_evidence(verdict.claim_id)
