"""Span edits on the review screen: `[` `]` move the claim's start a word left or
right, `{` `}` its end; `c` makes a claim of the text selected in the article.

A mixin of `ReviewScreen` (the screen only lists the bindings; what this uses of it is
declared in `review_host.ReviewHost`). The rules live in
`factcheck.desk.span_edit`; this module only shows and saves.

Writes are debounced: each key moves the span on screen at once (list line and article
highlight, no I/O), and the new span is saved as one version when the keys rest for
`SPAN_SAVE_DELAY` seconds, when another claim's span is edited, or when the screen
closes. Holding `}` over ten words then records one version, not ten half-way spans,
and the re-scoring (the transformer, ~5 ms a span once loaded) runs once. The claim's
verdicts do not wait for it: a verdict belongs to the claim's id, whatever its span.
The scorer is loaded in a thread at the first edit key, so the first save does not
freeze the screen while onnxruntime starts.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from textual.timer import Timer

from factcheck.desk.span_edit import (
    SpanMove,
    create_claim,
    edit_claim_span,
    move_span,
    overlapping,
)
from factcheck.errors import FactcheckError, StoreError
from factcheck.models import Claim
from factcheck.tui.screens.review_host import ReviewScreenPart
from factcheck.tui.untrusted import safe_str

SPAN_SAVE_DELAY = 0.5
"""Seconds the span keys must rest before the edited span is saved (and re-scored)."""
SPAN_RETRY_SECONDS = 1.0
"""How often an edited span that could not be saved (a locked database) is tried again."""


class SpanEditing(ReviewScreenPart):
    """Widen or narrow the selected claim by a word; make a claim of a selection."""

    _span_draft: tuple[int, int, int] | None = None
    """(claim id, start, end) shown but not saved yet."""
    _span_timer: Timer | None = None
    _span_scorer_warm = False

    def action_move_span(self, move: str) -> None:
        """Move one edge of the selected claim's span by one word (saved when keys rest)."""
        claim_id = self.selected_id
        if claim_id is None:
            return
        if self._span_draft is not None and self._span_draft[0] != claim_id:
            self.save_span_draft()
        claim = self.claims[claim_id]
        moved = move_span(self.session.document.text, claim.start, claim.end, SpanMove(move))
        if moved is None:
            edge = "start" if move.startswith("start") else "end"
            self.notify(
                f"The {edge} cannot move that way: one word left, or the paragraph ends.",
                severity="warning",
            )
            return
        start, end = moved
        other = overlapping(self.claims.values(), start, end, but=claim_id)
        if other is not None:
            self.notify(
                f"The next word is in claim #{other.id}: claims never overlap;"
                " narrow that one first.",
                severity="warning",
            )
            return
        self._show_span(
            replace(claim, text=self.session.document.text[start:end], start=start, end=end)
        )
        self._span_draft = (claim_id, start, end)
        if self._span_timer is not None:
            self._span_timer.stop()
        self._span_timer = self.set_timer(SPAN_SAVE_DELAY, self.save_span_draft)
        if not self._span_scorer_warm:
            self._span_scorer_warm = True
            self.run_worker(_load_scorer, thread=True, group="span-scorer", exit_on_error=False)

    def save_span_draft(self, *, show: bool = True) -> None:
        """Save the span shown for a claim as its new version, re-scored (and shown,
        unless the screen is closing)."""
        if self._span_timer is not None:
            self._span_timer.stop()
            self._span_timer = None
        draft, self._span_draft = self._span_draft, None
        if draft is None:
            return
        claim_id, start, end = draft
        store = self.review_app.store
        try:
            saved = edit_claim_span(store, claim_id, start, end, reviewer=self.session.reviewer)
        except StoreError as error:
            self._span_draft = draft  # kept on screen; tried again
            self._span_timer = self.set_timer(SPAN_RETRY_SECONDS, self.save_span_draft)
            self.notify(safe_str(f"Span not saved yet: {error}"), severity="warning", markup=False)
            return
        except FactcheckError as error:
            self.notify(safe_str(f"Span not saved: {error}"), severity="error", markup=False)
            saved = store.get_claim(claim_id)
        if show:
            self._show_span(saved)

    def on_unmount(self) -> None:
        self.save_span_draft(show=False)  # quitting within SPAN_SAVE_DELAY of a key loses nothing

    def action_claim_selection(self) -> None:
        """Make a claim of the text selected in the article, scored, and select it."""
        self.save_span_draft()  # a span still on screen only must not be overlapped
        selected = self.article.selected_range()
        if selected is None:
            self.notify(
                "Select text in the article first (drag with the mouse), then press c.",
                severity="warning",
            )
            return
        try:
            claim = create_claim(
                self.review_app.store, self.document_id, *selected, reviewer=self.session.reviewer
            )
        except FactcheckError as error:
            self.notify(safe_str(f"No claim made: {error}"), severity="error", markup=False)
            return
        assert claim.id is not None
        self.clear_selection()
        self.claims[claim.id] = claim
        starts = [self.claims[cid].start for cid in self.order]
        self.order.insert(bisect.bisect_right(starts, claim.start), claim.id)
        self.article.move_claim(claim)
        self._reopen(claim.id)
        self._refresh_progress()
        self.notify(f"New claim #{claim.id}: {claim.kind}, score {claim.score:.2f}.")

    def _show_span(self, claim: Claim) -> None:
        assert claim.id is not None
        self.claims[claim.id] = claim
        self.table.update_claim(claim)
        self.article.move_claim(claim)
        if self.selected_id == claim.id:
            self._show_strip(claim.id)  # the claim strip reads the new span at once
            self._show_evidence(claim.id)


def _load_scorer() -> None:
    """Load the check-worthiness transformer ahead of the first save (thread worker)."""
    from factcheck.claims.checkworthiness.scoring import preload

    preload()
