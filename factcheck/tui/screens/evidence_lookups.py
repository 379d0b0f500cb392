"""Evidence lookups of the review screen: automatic suggestions and the `w` Wikipedia
lookup, run in thread workers, their answers saved and shown when they arrive.

A mixin of `ReviewScreen` (kept apart so the screen module holds the verdict workflow
and this one the evidence plumbing). It uses the screen's state: `claims`, `session`,
`evidence_items`, `selected_id`, `evidence`, `_show_evidence` and `review_app`.
Workers use only the sources (through `factcheck.tui.lookups`); what they find is
saved here with the screen's own store, on the UI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

from factcheck.errors import FactcheckError
from factcheck.sources import EvidenceSource
from factcheck.tui.lookups import Cancelled, ask_sources
from factcheck.tui.messages import EvidenceFound, LookupFailed, SuggestionsFound

if TYPE_CHECKING:
    from factcheck.tui.screens.review import ReviewScreen

    _Base = ReviewScreen
else:
    _Base = object

SUGGEST_DELAY_SECONDS = 0.2
"""How long the selection must rest on a claim before its automatic lookup starts
(holding j down then asks once, for the claim it stops on)."""
SUGGEST_LIMIT = 9
"""Suggestions kept per automatic lookup: one for each of the 1-9 keys."""


class EvidenceLookups(_Base):
    """Automatic suggestions for the selected claim, and the Wikipedia lookup."""

    suggested: set[int]
    """Claims the automatic lookup has answered for in this session."""
    suggesting: int | None
    """The claim whose automatic lookup is scheduled or running."""
    _suggest_timer: Timer | None
    _told: set[str]
    """Problems already notified once (a failing source is not news per claim)."""

    # -- automatic suggestions ------------------------------------------------------------

    def _schedule_suggestions(self, claim_id: int) -> None:
        """Ask the quick sources about a claim with no evidence once the selection
        rests on it; a new selection supersedes the scheduled or running lookup."""
        if self.suggesting == claim_id:
            return  # already scheduled or running
        self._cancel_suggestions()
        if (
            claim_id in self.suggested
            or self.evidence_items
            or not self.review_app.suggestion_sources
        ):
            return
        self.suggesting = claim_id
        self._suggest_timer = self.set_timer(
            SUGGEST_DELAY_SECONDS, lambda: self._start_suggestions(claim_id)
        )
        self._show_evidence(claim_id)  # "Looking in the reference library…"

    def _cancel_suggestions(self) -> None:
        if self._suggest_timer is not None:
            self._suggest_timer.stop()
            self._suggest_timer = None
        if self.suggesting is not None:
            self.workers.cancel_group(self, "suggest")
            self.suggesting = None

    def _start_suggestions(self, claim_id: int) -> None:
        self._suggest_timer = None
        if self.selected_id != claim_id:
            self.suggesting = None
            return
        claim = self.claims[claim_id]
        context = self.session.document.text[claim.sentence_start : claim.sentence_end]
        self.suggest(claim_id, claim.text, context)

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest")
    def suggest(self, claim_id: int, text: str, context: str) -> None:
        """Runs in a thread: asks the quick sources, posts the answer; touches no widget
        and not the screen's store (the sources read through their own connection)."""
        worker = get_current_worker()
        app = self.review_app
        try:
            answers = ask_sources(
                app.suggestion_sources,
                app.source_gate,
                text,
                context=context,
                limit=SUGGEST_LIMIT,
                is_cancelled=lambda: worker.is_cancelled,
            )
        except Cancelled:
            return
        self.post_message(SuggestionsFound(claim_id, answers.items, answers.failures))

    def on_suggestions_found(self, message: SuggestionsFound) -> None:
        claim_id = message.claim_id
        if self.suggesting == claim_id:
            self.suggesting = None
        self.suggested.add(claim_id)
        for source_name, reason in message.failures:
            self._notify_once(f"source:{source_name}", reason, title=f"{source_name} unavailable")
        if message.items:
            try:
                self.review_app.store.save_evidence(claim_id, message.items)
            except FactcheckError as error:
                self._notify_once("save", f"Evidence not saved: {error}")
        if self.selected_id == claim_id:
            self._show_evidence(claim_id)

    def _notify_once(self, key: str, message: str, *, title: str = "") -> None:
        if key not in self._told:
            self._told.add(key)
            self.notify(message, title=title, severity="error")

    # -- Wikipedia lookup ----------------------------------------------------------------

    def action_wikipedia(self) -> None:
        """Look the selected claim up on Wikipedia without freezing the screen."""
        claim_id = self.selected_id
        source = self.review_app.wikipedia_source
        if claim_id is None:
            return
        if source is None:
            self.notify(
                "No Wikipedia source is configured (offline?); reviewing goes on.",
                severity="warning",
            )
            return
        claim = self.claims[claim_id]
        text = self.session.document.text
        context = text[claim.sentence_start : claim.sentence_end]
        self.evidence.loading = True
        self.lookup(source, claim_id, claim.text, context)

    @work(thread=True, exclusive=True, exit_on_error=False, group="lookup")
    def lookup(self, source: EvidenceSource, claim_id: int, text: str, context: str) -> None:
        """Runs in a thread: asks the source, posts the answer; touches no widget or db."""
        worker = get_current_worker()
        try:
            answers = ask_sources(
                [source],
                self.review_app.source_gate,
                text,
                context=context,
                limit=5,
                is_cancelled=lambda: worker.is_cancelled,
            )
        except Cancelled:
            return
        for source_name, reason in answers.failures:
            self.post_message(LookupFailed(claim_id, source_name, reason))
        if not answers.failures:
            self.post_message(EvidenceFound(claim_id, source.name, answers.items))

    def on_evidence_found(self, message: EvidenceFound) -> None:
        self.evidence.loading = False
        try:
            saved = self.review_app.store.save_evidence(message.claim_id, message.items)
        except FactcheckError as error:
            self.notify(f"Evidence not saved: {error}", severity="error")
            return
        if saved:
            self.notify(f"{message.source_name}: {len(saved)} passage(s) for #{message.claim_id}.")
        else:
            self.notify(f"{message.source_name} found nothing for claim #{message.claim_id}.")
        if self.selected_id == message.claim_id:
            self._show_evidence(message.claim_id)

    def on_lookup_failed(self, message: LookupFailed) -> None:
        self.evidence.loading = False
        self.notify(message.reason, title=f"{message.source_name} unavailable", severity="error")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        if event.worker.group == "lookup":
            self.evidence.loading = False
            self.notify(f"Lookup failed: {event.worker.error}", title="Wikipedia", severity="error")
        elif event.worker.group == "suggest":
            self.suggesting = None
            self._notify_once("suggest-crash", f"Evidence suggestions failed: {event.worker.error}")
