"""Evidence lookups of the review screen: automatic suggestions and the `w` Wikipedia
lookup, run in thread workers, their answers saved and shown when they arrive.

A mixin of `ReviewScreen` (kept apart so the screen module holds the verdict workflow
and this one the evidence plumbing). What it uses of the screen (`claims`, `session`,
`evidence_items`, `_show_evidence`...) is declared in `review_host.ReviewHost`.
Workers use only the sources (through `factcheck.tui.lookups`); what they find is
saved here with the screen's own store, on the UI thread.

What the panel says when a claim has no evidence is decided here too
(`_empty_evidence_text`): an empty library says how to fill it, and after `w` the
panel tells what Wikipedia answered instead of inviting the same key again. A
running Wikipedia lookup is a line above the items, never a spinner hiding them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

from factcheck.errors import FactcheckError
from factcheck.evidence.context import ClaimContext, claim_context
from factcheck.evidence.sources import EvidenceSource
from factcheck.models import Evidence
from factcheck.tui.lookups import Cancelled, ask_sources
from factcheck.tui.messages import (
    EvidenceFound,
    HintKey,
    HintsFound,
    LookupFailed,
    SuggestionsFound,
    hint_key,
)
from factcheck.tui.screens.review_host import ReviewScreenPart

if TYPE_CHECKING:
    from factcheck.evidence.stance import StanceHint

SUGGEST_DELAY_SECONDS = 0.2
"""How long the selection must rest on a claim before its automatic lookup starts
(holding j down then asks once, for the claim it stops on)."""
SUGGEST_LIMIT = 9
"""Suggestions kept per automatic lookup: one for each of the 1-9 keys."""
PREPARE_AHEAD = 3
"""Listed claims after the answered one whose sentence vectors its worker then encodes
(a source's `prepare`, `LocalReferences.prepare`): moving on to the next claim then runs
no transformer for the claim (bench/RESULTS.md, session 21 fastsuggest)."""
FILL_THE_LIBRARY = (
    "No references or fact-checks yet. Add your texts and published fact-checks:\n"
    " factcheck refs add FILE...\n"
    " factcheck import-claimreview FILE"
)
"""The empty panel of a desk with no references and no fact-checks: what to run."""


class EvidenceLookups(ReviewScreenPart):
    """Automatic suggestions for the selected claim, and the Wikipedia lookup."""

    suggested: set[int]
    """Claims the automatic lookup has answered for in this session."""
    suggesting: int | None
    """The claim whose automatic lookup is scheduled or running."""
    _suggest_timer: Timer | None
    _told: set[str]
    """Problems already notified once (a failing source is not news per claim)."""

    def __init__(self) -> None:
        super().__init__()
        self.wikipedia_claim: int | None = None
        """The claim whose `w` lookup is running (None: no lookup running)."""
        self.wikipedia_outcome: dict[int, str] = {}
        """What the last finished `w` lookup answered for a claim, when it found nothing
        or failed: the empty panel says it instead of "Press w"."""
        self._library_filled = False
        """Whether the library was seen holding references or fact-checks (it is asked
        again while empty: `refs add` may run in another terminal meanwhile)."""
        self.hints: dict[HintKey, StanceHint] = {}
        """Stance hints worked out by a worker, for the panel to show (`_hints_for`)."""
        self._hints_asked: set[HintKey] = set()
        """Hints a worker was asked for (a failed one is not asked again)."""

    # -- what the empty panel says -------------------------------------------------------

    def _empty_evidence_text(self, claim_id: int) -> str:
        """The panel's text for a claim without evidence: what is being looked up, what
        was found missing, and what the reviewer can do about it."""
        app = self.review_app
        if self.suggesting == claim_id or (
            app.suggestion_sources and claim_id not in self.suggested
        ):
            return "Looking in the reference library and earlier checks…"
        if self._library_empty():
            found = FILL_THE_LIBRARY
        elif claim_id in self.suggested:
            found = "Nothing in the reference library or earlier checks."
        else:
            found = "No evidence yet for this claim."
        return found + self._wikipedia_text(claim_id)

    def _wikipedia_text(self, claim_id: int) -> str:
        if self.review_app.wikipedia_source is None:
            return ""
        if self.wikipedia_claim == claim_id:
            return ""  # the activity line above says so
        outcome = self.wikipedia_outcome.get(claim_id)
        if outcome is not None:
            return "\n" + outcome
        return f"\nPress {self._wikipedia_key()} to look this claim up on Wikipedia."

    def _wikipedia_key(self) -> str:
        """The key of the `wikipedia` binding, as [keymap] may have remapped it."""
        keys = self.review_app.config.keymap.get("wikipedia", "w")
        return keys.split(",")[0].strip()

    def _library_empty(self) -> bool:
        if not self._library_filled:
            store = self.review_app.store
            self._library_filled = bool(store.reference_count() or store.factcheck_count())
        return not self._library_filled

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
        ahead = self._claims_after(claim_id)
        self.suggest(claim_id, claim.text, self._claim_context(claim_id), ahead)

    def _claims_after(self, claim_id: int) -> list[str]:
        """The texts of the next PREPARE_AHEAD listed claims not answered yet."""
        if claim_id not in self.listed:
            return []
        after = self.listed[self.listed.index(claim_id) + 1 :]
        return [self.claims[i].text for i in after if i not in self.suggested][:PREPARE_AHEAD]

    def _claim_context(self, claim_id: int) -> ClaimContext:
        """The claim's context, built as `factcheck match` builds it: the document the
        claim is in (whichever way it was opened: target, picker), so its own decided
        claims are never "checked before" for it."""
        document = self.session.document
        return claim_context(self.review_app.store, self.claims[claim_id], document=document)

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest")
    def suggest(
        self, claim_id: int, text: str, context: ClaimContext, ahead: Sequence[str] = ()
    ) -> None:
        """Runs in a thread: asks the quick sources, posts the answer; touches no widget
        and not the screen's store (the sources read through their own connection).
        Then, while the reviewer reads it, lets each source that can prepare the claims
        `ahead` (a new selection cancels that as it cancels the lookup)."""
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
        self.post_message(HintsFound(claim_id, _work_out_hints(text, answers.items)))
        self.post_message(SuggestionsFound(claim_id, answers.items, answers.failures))
        for source in app.suggestion_sources if ahead else ():
            prepare = getattr(source, "prepare", None)
            if prepare is not None and not worker.is_cancelled:
                prepare(ahead, is_cancelled=lambda: worker.is_cancelled)

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
        context = self._claim_context(claim_id)
        self.wikipedia_outcome.pop(claim_id, None)
        # A line above the items, not Textual's loading spinner over the panel: what
        # the library found stays readable while Wikipedia is asked.
        self._wikipedia_running(claim_id)
        self.lookup(source, claim_id, claim.text, context)

    def _wikipedia_running(self, claim_id: int | None) -> None:
        """Show (or, with None, clear) the running lookup above the evidence."""
        self.wikipedia_claim = claim_id
        self.evidence.activity = None if claim_id is None else f"Wikipedia: looking up #{claim_id}…"
        self._show_evidence(self.selected_id)

    def _wikipedia_done(self, claim_id: int, outcome: str | None) -> None:
        """A `w` lookup finished: remember what it said, repaint the selected claim."""
        if outcome is None:
            self.wikipedia_outcome.pop(claim_id, None)
        else:
            self.wikipedia_outcome[claim_id] = outcome
        if self.wikipedia_claim == claim_id:
            self._wikipedia_running(None)  # repaints
        elif self.selected_id == claim_id:
            self._show_evidence(claim_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="lookup")
    def lookup(
        self, source: EvidenceSource, claim_id: int, text: str, context: ClaimContext
    ) -> None:
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
            self.post_message(HintsFound(claim_id, _work_out_hints(text, answers.items)))
            self.post_message(EvidenceFound(claim_id, source.name, answers.items))

    def on_evidence_found(self, message: EvidenceFound) -> None:
        claim_id = message.claim_id
        try:
            saved = self.review_app.store.save_evidence(claim_id, message.items)
        except FactcheckError as error:
            self.notify(f"Evidence not saved: {error}", severity="error")
            self._wikipedia_done(claim_id, f"Wikipedia's answer was not saved ({error}).")
            return
        count = len(saved)
        if saved:
            passages = "passage" if count == 1 else "passages"
            self.notify(f"{message.source_name}: {count} {passages} for #{claim_id}.")
            self._wikipedia_done(claim_id, None)
        else:
            self.notify(f"{message.source_name} found nothing for claim #{claim_id}.")
            self._wikipedia_done(claim_id, "Wikipedia found nothing for this claim.")

    def on_lookup_failed(self, message: LookupFailed) -> None:
        self.notify(message.reason, title=f"{message.source_name} unavailable", severity="error")
        self._wikipedia_done(
            message.claim_id,
            f"Wikipedia lookup failed: {message.reason} ({self._wikipedia_key()} tries again).",
        )

    # -- stance hints ---------------------------------------------------------------------

    def _hints_for(self, claim_id: int, items: Sequence[Evidence]) -> tuple[StanceHint | None, ...]:
        """The hints of `items` worked out so far (None: not yet). Evidence saved in an
        earlier session has none at first: a worker works them out and the panel shows
        them when it is done, so the first claim shown never loads the stance model and
        the sentence encoder on the UI thread."""
        text = self.claims[claim_id].text
        keys = [hint_key(text, item) for item in items]
        asked = self._hints_asked
        missing = [item for key, item in zip(keys, items, strict=True) if key not in asked]
        if missing:
            asked.update(keys)
            self.work_out_hints(claim_id, text, missing)
        return tuple(self.hints.get(key) for key in keys)

    @work(thread=True, exit_on_error=False, group="hints")
    def work_out_hints(self, claim_id: int, text: str, items: Sequence[Evidence]) -> None:
        """Runs in a thread: the hints of stored evidence; touches no widget or db."""
        self.post_message(HintsFound(claim_id, _work_out_hints(text, items)))

    def on_hints_found(self, message: HintsFound) -> None:
        self.hints.update(message.hints)
        self._hints_asked.update(message.hints)
        if self.selected_id == message.claim_id:
            self._show_evidence(message.claim_id)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        if event.worker.group == "lookup":
            self.notify(f"Lookup failed: {event.worker.error}", title="Wikipedia", severity="error")
            if self.wikipedia_claim is not None:
                self._wikipedia_done(
                    self.wikipedia_claim,
                    f"Wikipedia lookup failed: {event.worker.error}"
                    f" ({self._wikipedia_key()} tries again).",
                )
        elif event.worker.group == "suggest":
            if self.suggesting is not None:  # answered, if only by the crash notice
                self.suggested.add(self.suggesting)
            self.suggesting = None
            self._notify_once("suggest-crash", f"Evidence suggestions failed: {event.worker.error}")


def _work_out_hints(text: str, items: Sequence[Evidence]) -> dict[HintKey, StanceHint]:
    """In a worker: the stance hints of `items` for the claim `text`, so the model loads
    and the passages are encoded there and the evidence panel's paint on the UI thread
    only shows them. Imported here so the screen's first paint does not load the stance
    cues."""
    from factcheck.evidence.stance import evidence_hint

    return {hint_key(text, item): evidence_hint(text, item) for item in items}
