"""The review screen: claims, article, evidence and recent decisions, one key a verdict.

Every verdict goes through `factcheck.desk.session.ReviewSession` (so the same rules hold as
in the CLI) and is committed before the screen moves on. When another process holds
the database, the verdict waits in the session's queue and is retried on a timer with
a notice, so the screen never freezes and nothing is lost. A cheap poll (the verdicts newer than
the last it saw) notices other reviewers' changes; a claim another reviewer decided
meanwhile is flagged, and deciding it again asks first (`ConfirmOverride`). The queue
and its retry rules are the session's (`ReviewSession.submit`, `flush`); this screen
keeps the timer and says what happened.

Evidence arrives from thread workers as messages (`factcheck.tui.messages`): a claim
without stored evidence is looked up in the quick sources once the selection rests on
it, Wikipedia when `w` is pressed. Workers use only the sources (through
`factcheck.tui.lookups`); this screen saves what they found with its own store. That
plumbing lives in `evidence_lookups.EvidenceLookups`, a mixin of this screen.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from factcheck.desk.session import Dropped, Flushed, PendingVerdict, ReviewSession
from factcheck.errors import FactcheckError
from factcheck.models import CHECK_WORTHY, Claim, Evidence, Status, Verdict
from factcheck.store.review_reads import ListCounts, list_counts, review_head
from factcheck.text.wording import plural
from factcheck.tui.claim_view import (
    ClaimView,
    group_of,
    is_decided,
    occurrence_counts,
)
from factcheck.tui.screens.evidence_lookups import EvidenceLookups
from factcheck.tui.screens.language_notice import tell_language
from factcheck.tui.screens.review_layout import column_sizes
from factcheck.tui.screens.review_listing import ClaimListing
from factcheck.tui.screens.review_outside import OutsideChanges
from factcheck.tui.screens.review_progress import progress_text
from factcheck.tui.screens.span_editing import SpanEditing
from factcheck.tui.untrusted import safe_content
from factcheck.tui.widgets.article import ArticleView
from factcheck.tui.widgets.claim_strip import ClaimStrip
from factcheck.tui.widgets.claims import ClaimsTable
from factcheck.tui.widgets.evidence import EvidencePanel, PanelOptions
from factcheck.tui.widgets.footer import ReviewFooter
from factcheck.tui.widgets.progress import ProgressLine
from factcheck.tui.widgets.recent import RecentStrip

if TYPE_CHECKING:
    from factcheck.tui.app import ReviewApp

OUTSIDE_CHANGES_SECONDS = 1.0
"""How often to look for verdicts made by other reviewers (one indexed query)."""
HEAD_PAGE = 200
"""Claims read past the opening one before the first frame: a few screenfuls of the
list and the article around the selection. The rest are read after it is painted."""


class ReviewScreen(ClaimListing, OutsideChanges, SpanEditing, EvidenceLookups, Screen[None]):
    """One document under review; actions here are also in the command palette."""

    AUTO_FOCUS = None
    """`on_mount` focuses the list. Textual's default ("*") first focused the hidden
    search box, whose hiding could then pass the focus on to another panel."""

    BINDINGS = [  # noqa: RUF012 - Textual reads a plain class list
        Binding("s", "mark('supported')", "Supported", id="mark_supported"),
        Binding("d", "mark('disputed')", "Disputed", id="mark_disputed"),
        Binding("u", "mark('unverified')", "Unverified", id="mark_unverified"),
        Binding(
            "x",
            "mark('dismissed')",
            "Dismiss",
            id="dismiss",
            tooltip="Not a claim: hidden from lists, counts and reports (ctrl+z undoes)",
        ),
        Binding(
            "space",
            "next_undecided",
            "Next",
            id="next_undecided",
            tooltip="Next claim without a verdict (wraps)",
        ),
        Binding("ctrl+z", "undo", "Undo", id="undo", tooltip="Undo the last verdict"),
        Binding("n", "note", "Note", id="note", show=False, tooltip="Note for the next verdict"),
        *(
            Binding(str(n), f"cite({n})", f"Cite evidence {n}", id=f"cite_{n}", show=False)
            for n in range(1, 10)
        ),
        Binding("w", "wikipedia", "Wiki", id="wikipedia", tooltip="Look the claim up on Wikipedia"),
        Binding("slash", "search", "Search", id="search", tooltip="Search claims and article"),
        Binding("f", "filter", "Filter", id="filter", tooltip="Filter claims by status"),
        Binding(
            "e",
            "filter_kind",
            "Kind",
            id="filter_kind",
            show=False,
            tooltip="Filter claims by kind (cycles)",
        ),
        Binding(
            "t",
            "toggle_low",
            "Low scores",
            id="toggle_low",
            show=False,
            tooltip="Show or hide claims under the check-worthiness threshold",
        ),
        Binding(
            "r",
            "toggle_recent",
            "Recent",
            id="toggle_recent",
            show=False,
            tooltip="Show or hide the Recent panel",
        ),
        Binding("j", "cursor_down", "Next claim", id="cursor_down", show=False),
        Binding("k", "cursor_up", "Previous claim", id="cursor_up", show=False),
        Binding("escape", "close_search", "Close search", id="close_search", show=False),
        # span edits (span_editing.py): brackets move the start, braces the end
        Binding(
            "left_square_bracket",
            "move_span('start-left')",
            "Span start ←",
            id="span_start_left",
            show=False,
            tooltip="Widen the claim by the word before it",
        ),
        Binding(
            "right_square_bracket",
            "move_span('start-right')",
            "Span start →",
            id="span_start_right",
            show=False,
            tooltip="Narrow the claim by its first word",
        ),
        Binding(
            "left_curly_bracket",
            "move_span('end-left')",
            "Span end ←",
            id="span_end_left",
            show=False,
            tooltip="Narrow the claim by its last word",
        ),
        Binding(
            "right_curly_bracket",
            "move_span('end-right')",
            "Span end →",
            id="span_end_right",
            show=False,
            tooltip="Widen the claim by the word after it",
        ),
        Binding(
            "c",
            "claim_selection",
            "Claim selection",
            id="claim_selection",
            show=False,
            tooltip="Claim the text selected in the article",
        ),
    ]

    def __init__(self, document_id: int) -> None:
        super().__init__()
        self.document_id = document_id
        self.session: ReviewSession
        self.claims: dict[int, Claim] = {}
        """Every claim of the document by id, with the status last seen."""
        self.order: list[int] = []
        """First occurrences (one per duplicate group) in document order."""
        self.groups: dict[int, list[int]] = {}
        """Every claim of a duplicate group, by its first occurrence's id."""
        self.view = ClaimView(threshold=CHECK_WORTHY)
        """What the list shows: threshold, filters, search."""
        self.listed: list[int] = []
        self.notes: dict[int, str] = {}
        """Notes typed for a claim's next verdict."""
        self.citations: dict[int, int] = {}
        """Evidence id the claim's next verdict cites (chosen with 1-9)."""
        self.evidence_items: list[Evidence] = []
        """The evidence on screen for the selected claim, in its 1-9 order."""
        self.suggested: set[int] = set()
        """Claims the automatic lookup has answered for in this session."""
        self.suggesting: int | None = None
        """The claim whose automatic lookup is scheduled or running."""
        self._suggest_timer: Timer | None = None
        self._told: set[str] = set()
        """Problems already notified once (a failing source is not news per claim)."""
        self._retry_timer: Timer | None = None
        self._polled_verdict_id: int = 0
        """The newest verdict the poll has looked at (ours included)."""
        self._written: set[int] = set()
        """Verdict ids this screen wrote: already on screen, not news for the poll."""
        self.decided_elsewhere: dict[int, Verdict] = {}
        """Claims another reviewer decided since this screen opened: their verdict."""
        self.recent_folded = False
        """The Recent panel is hidden (`r`)."""
        self._evidence_on_screen: tuple[str | bool, list[Evidence], PanelOptions] | None = None
        """What the evidence panel was last given (`_evidence_shown`)."""
        self.loading = False
        """Only the head of the document's claims is read (`finish_loading` reads the rest)."""
        self.title_counts: ListCounts | None = None
        """The whole document's counts for the list's title while `loading`."""
        self._head_occurrences: dict[int, int] = {}
        self._had_input = False
        """A key or click has reached this screen (`before_input`)."""

    @property
    def review_app(self) -> ReviewApp:
        return self.app  # type: ignore[return-value]

    @property
    def pending(self) -> deque[PendingVerdict]:
        """Verdicts keyed in but not saved yet (the session's queue; empty before the
        screen is composed)."""
        session: ReviewSession | None = getattr(self, "session", None)
        return session.pending if session is not None else deque()

    # -- building ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        app = self.review_app
        self.session = ReviewSession(app.store, self.document_id, reviewer=app.reviewer)
        self._polled_verdict_id = self.session.opened_at_verdict_id
        # The claims down to where the screen opens, and a page more (repeats and
        # dismissed ones too: the article tints them all); the rest after first paint.
        head = review_head(
            app.store, self.document_id, threshold=self.view.threshold, page=HEAD_PAGE
        )
        claims = head.claims
        self.loading = not head.complete
        self._head_occurrences = head.occurrences
        self._load_claims(claims)
        yield ProgressLine(id="progress")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Input(placeholder="search claims (enter: done, esc: clear)", id="search")
                yield ClaimsTable(id="claims")
                yield RecentStrip(id="recent")
            with Vertical(id="right"):
                yield ArticleView(self.session.document.text, claims, id="article")
                yield EvidencePanel(id="evidence")
        yield ClaimStrip(id="strip")
        yield ReviewFooter()

    def _load_claims(self, claims: list[Claim]) -> None:
        self.claims = {c.id: c for c in claims if c.id is not None}
        self.groups = {}
        for claim in claims:
            if claim.id is not None:
                self.groups.setdefault(group_of(claim), []).append(claim.id)
        self.order = [c.id for c in claims if c.id is not None and c.duplicate_of is None]

    def on_mount(self) -> None:
        # Titles and search text are untrusted: plain printable Content (a str is markup).
        self.query_one("#article").border_title = safe_content(self.session.document.title)
        self.query_one("#evidence").border_title = "Evidence"
        self.query_one("#recent").border_title = "Recent (enter reopens, r hides)"
        tell_language(self, self.article, self.session.language_warning)
        self.table.occurrences = (
            self._head_occurrences if self.loading else occurrence_counts(self.claims.values())
        )
        self._fit_to_terminal()
        self._refresh_progress()
        self._refresh_recent()
        self.table.focus()
        if self.loading:
            counts = list_counts(
                self.review_app.store, self.document_id, threshold=self.view.threshold
            )
            self.table.expected_rows = counts.listed  # the scrollbar as it will be
            self.title_counts = counts
        self.apply_view(keep=self.next_undecided_in(self.view.visible(self.first_occurrences())))
        if self.loading:
            self.call_after_refresh(self.finish_loading_after_paint)
        else:
            self.set_interval(OUTSIDE_CHANGES_SECONDS, self.check_outside_changes)

    def before_input(self) -> None:
        """Called by the app before each key or click reaches the screen: the rest of
        the claims are read first (`finish_loading`), and before the very first one
        the list gets the focus back if Textual's opening layout passes moved it (a
        late `Hide` of the list blurs it; no reviewer has moved the focus yet)."""
        self.finish_loading()
        if not self._had_input:
            self._had_input = True
            if self.focused is not self.table:
                self.set_focus(self.table)

    def finish_loading_after_paint(self) -> None:
        """The first frame is out: read the rest now, unless a key already made us."""
        self.finish_loading()

    def finish_loading(self) -> None:
        """Read the rest of the document's claims (the screen opened on its head).

        Runs once the first frame is out, and before any key or click is handled
        (`ReviewApp.on_event` calls it first): every action sees every claim, and no
        key can act on a list that is still growing. The list keeps its rows (the head
        is its first rows, in the same order) and the claim selected stays selected.
        """
        if not self.loading:
            return
        self.loading = False
        claims = self.review_app.store.list_claims(
            document_id=self.document_id, include_hidden=True
        )
        self._load_claims(claims)
        self.article.add_claims(claims)
        self.table.occurrences = occurrence_counts(self.claims.values())
        self.table.expected_rows = 0
        self.title_counts = None  # the title stays: the SQL counts were the whole list's
        visible = self.view.visible(self.first_occurrences())
        self.listed = [c.id for c in visible if c.id is not None]
        self.table.show_claims(visible, keep=self.selected_id)
        self.set_interval(OUTSIDE_CHANGES_SECONDS, self.check_outside_changes)

    def next_undecided_in(self, visible: list[Claim]) -> int | None:
        """Where the screen opens: the first undecided listed claim (where the reviewer
        stopped last time), else the first listed one."""
        for claim in visible:
            if not is_decided(claim):
                return claim.id
        return visible[0].id if visible else None

    def on_resize(self) -> None:
        self._fit_to_terminal()

    def _fit_to_terminal(self) -> None:
        sizes = column_sizes(self.app.size.height)
        recent = self.query_one("#recent", RecentStrip)
        if recent.capacity != sizes.recent_rows:
            recent.set_capacity(sizes.recent_rows)
            self._refresh_recent()
        recent.display = not self.recent_folded
        self.strip.set_rows(sizes.strip_rows)

    def action_toggle_recent(self) -> None:
        """Fold the Recent panel away (more room for the list), or bring it back."""
        self.recent_folded = not self.recent_folded
        self.query_one("#recent", RecentStrip).display = not self.recent_folded

    @property
    def table(self) -> ClaimsTable:
        return self.query_one("#claims", ClaimsTable)

    @property
    def article(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def evidence(self) -> EvidencePanel:
        return self.query_one("#evidence", EvidencePanel)

    @property
    def progress_line(self) -> ProgressLine:
        return self.query_one("#progress", ProgressLine)

    @property
    def strip(self) -> ClaimStrip:
        return self.query_one("#strip", ClaimStrip)

    @property
    def selected_id(self) -> int | None:
        return self.table.selected_claim_id()

    # -- selection -----------------------------------------------------------------

    def on_claims_table_highlighted(self, event: ClaimsTable.Highlighted) -> None:
        self._select(event.claim_id)

    def _select(self, claim_id: int | None) -> None:
        """Show a claim: re-read its status (another reviewer may have changed it)."""
        if claim_id is None:
            self.article.show(None)
            self.strip.show(None, "")
            self._show_evidence(None)
            return
        try:
            fresh = self.review_app.store.get_claim(claim_id)
        except FactcheckError:
            fresh = self.claims[claim_id]
        if fresh.status != self.claims[claim_id].status or is_decided(fresh) != is_decided(
            self.claims[claim_id]
        ):
            self._set_status(claim_id, fresh.status, is_decided(fresh))
        self.article.show(claim_id)
        self._show_strip(claim_id)
        self._show_evidence(claim_id)
        self._schedule_suggestions(claim_id)

    def show_claim_changed(self, claim: Claim) -> None:
        """Show a claim whose span, text or score changed, or a claim just created
        (span edits: `factcheck.desk.span_edit`), in the list, the article and the strip,
        and select it. The claim keeps its id, status and verdicts."""
        if claim.id is None:
            return
        if claim.id not in self.claims:
            self.groups[claim.id] = [claim.id]
        self.claims[claim.id] = claim
        self.order = sorted(
            (c.id for c in self.claims.values() if c.id is not None and c.duplicate_of is None),
            key=lambda cid: (self.claims[cid].start, cid),
        )
        self.article.put_claim(claim)
        self.table.occurrences = occurrence_counts(self.claims.values())
        self.apply_view(keep=claim.id)

    def _show_strip(self, claim_id: int) -> None:
        occurrences = self.table.occurrences.get(claim_id, 1)
        self.strip.show(self.claims[claim_id], self.session.document.text, occurrences=occurrences)

    def _show_evidence(self, claim_id: int | None) -> None:
        if claim_id is None:
            self.evidence_items = []
            self._evidence_shown(None, [], {})
            return
        self.evidence_items = self.review_app.store.list_evidence(claim_id)[:9]
        if self.citations.get(claim_id) not in {e.id for e in self.evidence_items}:
            self.citations.pop(claim_id, None)  # replaced by a newer lookup
        self._evidence_shown(
            self.claims[claim_id],
            self.evidence_items,
            {
                "cited_id": self.citations.get(claim_id),
                "note": self.notes.get(claim_id),
                "empty_text": self._empty_evidence_text(claim_id),
                "notice": self._decided_elsewhere_text(claim_id),
                "hints": self._hints_for(claim_id, self.evidence_items),
            },
        )

    def _evidence_shown(
        self, claim: Claim | None, items: list[Evidence], options: PanelOptions
    ) -> None:
        """Fill the evidence panel, unless it would show exactly what it shows: from one
        claim without evidence to the next the panel reads the same, and redrawing it
        costs a layout pass of the whole screen (most of a keypress's repaint)."""
        shown = (claim.text if claim is not None and items else claim is None, items, options)
        if shown == self._evidence_on_screen:
            return
        self._evidence_on_screen = shown
        if claim is None:
            self.evidence.show(None, [])
        else:
            self.evidence.show(claim, items, **options)

    def _decided_elsewhere_text(self, claim_id: int) -> str | None:
        theirs = self.decided_elsewhere.get(claim_id)
        if theirs is None:
            return None
        return (
            f"decided by {theirs.reviewer}: {theirs.status} at {theirs.created_at}"
            " (while you were looking); s, d or u asks before overruling it"
        )

    def action_cursor_down(self) -> None:
        self._step(+1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, rows: int) -> None:
        """Move one row and show the claim in this handler: through the table's
        `Highlighted` message the list repainted in one frame and the claim in the next
        (two frames a `j`)."""
        table = self.table
        row = table.validate_cursor(table.cursor + rows)
        if row == table.cursor or not table.row_count:
            return
        table.move_cursor_quietly(row)
        self._select(self.selected_id)

    # -- verdicts ------------------------------------------------------------------

    def action_mark(self, status: str) -> None:
        """Commit a verdict on the selected claim now, then move to the next claim.

        If another reviewer decided the claim since this screen opened, ask first:
        overruling them is a choice, never a side effect of a fast key.
        """
        claim_id = self.selected_id
        if claim_id is None:
            return
        try:
            theirs = self.session.decided_by_someone_else(claim_id)
        except FactcheckError:
            theirs = None  # cannot tell: the verdict still goes through the queue
        if theirs is None:
            self._mark(claim_id, Status(status))
            return
        self._note_decided_elsewhere(theirs)

        def answered(overrule: bool | None) -> None:
            if overrule:
                self._mark(claim_id, Status(status))

        from factcheck.tui.screens.override import ConfirmOverride  # rare: imported then

        self.app.push_screen(ConfirmOverride(theirs, Status(status)), answered)

    def _mark(self, claim_id: int, status: Status) -> None:
        flushed = self.session.submit(
            claim_id,
            status,
            note=self.notes.pop(claim_id, None),
            evidence_id=self.citations.pop(claim_id, None),
        )
        self._show_flushed(flushed)
        if self.selected_id == claim_id:
            self.go_to_next_undecided(claim_id)

    def flush_pending(self) -> None:
        """Try the session's queued verdicts again (the retry timer's callback)."""
        self._show_flushed(self.session.flush())

    def _show_flushed(self, flushed: Flushed) -> None:
        """Show the verdicts a flush saved or refused; while the database cannot be
        written the rest stay queued in the session and a timer tries again."""
        self._retry_timer = None
        for _verdict, error in flushed.refused:
            self.notify(str(error), title="Verdict not saved", severity="error")
        if flushed.recovered:
            self.notify("Database free again: waiting verdicts saved.")
        for decision in flushed.saved:
            self._written.update(v.id for v in decision.verdicts)  # the group's, not news
            self._after_verdict(decision.claim_id, decision.status, decision.verdict.id)
        if flushed.retry_in is None:
            return
        if flushed.worth_telling:
            waiting = plural(len(self.pending), "verdict")
            self.notify(
                f"{'Another process holds the database' if flushed.locked else flushed.waiting};"
                f" retrying ({waiting} waiting).",
                title="Database busy" if flushed.locked else "Verdict not saved yet",
                severity="warning" if flushed.locked else "error",
            )
        self._retry_timer = self.set_timer(flushed.retry_in, self.flush_pending)

    def action_undo(self) -> None:
        """Undo the last verdict: a queued one is dropped, a saved one reversed."""
        try:
            undone = self.session.undo()
        except FactcheckError as error:
            self.notify(f"Undo failed: {error}", severity="error")
            return
        if undone is None:
            self.notify("Nothing to undo.", severity="warning")
            return
        if isinstance(undone, Dropped):
            self.notify(f"Dropped the unsaved verdict on claim #{undone.claim_id}.")
            self._reopen(undone.claim_id)
            return
        self._written.update(event.id for event in undone.events)  # ours: not news to poll
        self._after_verdict(
            undone.claim_id, undone.status, undone.events[-1].id, decided=undone.decided
        )
        now = undone.status if undone.decided else "undecided"
        self.notify(f"Undone: claim #{undone.claim_id} is {now} again.")
        self._reopen(undone.claim_id)

    def _after_verdict(
        self, claim_id: int, status: Status, verdict_id: int, *, decided: bool = True
    ) -> None:
        self._written.add(verdict_id)
        self.decided_elsewhere.pop(claim_id, None)
        self._set_status(claim_id, status, decided)
        self._refresh_progress()
        self._refresh_recent()

    def _set_status(self, claim_id: int, status: Status, decided: bool = True) -> None:
        """A claim's new status, on every occurrence of its duplicate group (the core
        applies a verdict to the whole group), in the list, the article and the strip."""
        first = group_of(self.claims[claim_id]) if claim_id in self.claims else claim_id
        was = self.claims.get(first)
        for member in self.groups.get(first, [claim_id]):
            if member in self.claims:
                self.claims[member] = replace(self.claims[member], status=status, decided=decided)
                self.article.set_status(member, status, decided)
        self.claim_changed(first, was)
        if self.selected_id == first:
            self._show_strip(first)

    def action_note(self) -> None:
        claim_id = self.selected_id
        if claim_id is None:
            return

        def save(note: str | None) -> None:
            if note is None:
                return
            if note:
                self.notes[claim_id] = note
            else:
                self.notes.pop(claim_id, None)
            if self.selected_id == claim_id:
                self._show_evidence(claim_id)

        from factcheck.tui.screens.note import NoteScreen  # on `n`: not before first paint

        self.app.push_screen(NoteScreen(self.claims[claim_id].text, self.notes.get(claim_id)), save)

    def action_cite(self, number: int) -> None:
        """Choose evidence `number` for the next verdict (again: unchoose it)."""
        claim_id = self.selected_id
        if claim_id is None:
            return
        if number > len(self.evidence_items):
            self.notify(f"No evidence [{number}] for this claim.", severity="warning")
            return
        evidence = self.evidence_items[number - 1]
        if self.citations.get(claim_id) == evidence.id:
            del self.citations[claim_id]
            self.notify(f"The verdict will not cite [{number}].")
        elif evidence.id is not None:
            self.citations[claim_id] = evidence.id
            self.notify(f"The verdict will cite [{number}] {evidence.title}.")
        self._show_evidence(claim_id)

    def _refresh_progress(self) -> None:
        # Not in `app.sub_title`: setting it repaints the whole screen, on every verdict.
        self.progress_line.show(progress_text(self.session, self.view))
