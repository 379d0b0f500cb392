"""Reviewing one document: which document to open, verdicts with undo, progress.

The review TUI (`factcheck.tui`) and `factcheck review` call these; they hold the rules
(what "undo" records, which document opens by default) so the screen stays a thin
layer of widgets over them and the rules are testable without a terminal. Nothing
here imports Textual.
"""

from __future__ import annotations

import contextlib
import re
from collections import deque
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from factcheck.config import Config
from factcheck.errors import FactcheckError, InputError, NotFoundError, StoreError, StoreLocked
from factcheck.models import Status, Verdict
from factcheck.store import DocumentSummary, Store
from factcheck.text.language import not_english_warning
from factcheck.untrusted.local_files import DEFAULT_MAX_MEGABYTES


@dataclass(frozen=True)
class Decision:
    """A verdict made in this session, remembered so it can be undone."""

    claim_id: int
    status: Status
    verdict: Verdict
    """The verdict recorded on `claim_id`."""
    verdicts: tuple[Verdict, ...] = ()
    """Every verdict the decision recorded: the claim's, then its repeats' (a verdict
    on a claim applies to all its occurrences). Undo withdraws them all."""


@dataclass(frozen=True)
class Undone:
    """What `ReviewSession.undo` did: the decision withdrawn and what is in force now."""

    decision: Decision
    in_force: Verdict | None
    """The claim's verdict in force after the undo (the new verdict: the one before
    the decision, or another reviewer's since); None when it is undecided again."""
    events: tuple[Verdict, ...] = ()
    """The undo events recorded (one per verdict of the decision, `Verdict.undoes`)."""

    @property
    def claim_id(self) -> int:
        return self.decision.claim_id

    @property
    def status(self) -> Status:
        """The claim's status now (`unverified` when undecided)."""
        return self.in_force.status if self.in_force is not None else Status.UNVERIFIED

    @property
    def decided(self) -> bool:
        return self.in_force is not None


LOCK_RETRY_SECONDS = 0.5
"""How soon a verdict waiting for a locked database is tried again: a lock passes."""
WRITE_ERROR_RETRY_SECONDS = 5.0
"""How soon a verdict that failed for another reason (a read-only file, a full disk) is
tried again: the reviewer may fix the cause without leaving the screen."""
RETRY_NOTICE_EVERY = 20
"""A waiting queue is worth a notice on its first failed try and every this many after
(not every half second)."""


@dataclass(frozen=True)
class PendingVerdict:
    """A verdict keyed in but not committed yet (the database could not be written)."""

    claim_id: int
    status: Status
    note: str | None = None
    evidence_id: int | None = None


@dataclass(frozen=True)
class Dropped:
    """What `ReviewSession.undo` did to a verdict still queued: dropped it unsaved (the
    database never saw it, so nothing is withdrawn)."""

    pending: PendingVerdict

    @property
    def claim_id(self) -> int:
        return self.pending.claim_id


@dataclass(frozen=True)
class Flushed:
    """What `ReviewSession.flush` did to the queue of verdicts keyed in."""

    saved: tuple[Decision, ...] = ()
    """Verdicts committed by this flush, oldest first."""
    refused: tuple[tuple[PendingVerdict, FactcheckError], ...] = ()
    """Verdicts dropped because no retry can save them (the claim or the cited
    evidence is gone), each with the line that says why."""
    waiting: StoreError | None = None
    """Why the rest of the queue still waits (the database locked, read-only or full);
    None when the queue is empty."""
    attempts: int = 0
    """Failed tries in a row while the queue waits (1 the first time)."""
    recovered: bool = False
    """The queue had been waiting and this flush saved its verdicts."""

    @property
    def locked(self) -> bool:
        """The queue waits for another process's lock (not for a broken database)."""
        return isinstance(self.waiting, StoreLocked)

    @property
    def retry_in(self) -> float | None:
        """Seconds until the queue should be flushed again; None when it is empty."""
        if self.waiting is None:
            return None
        return LOCK_RETRY_SECONDS if self.locked else WRITE_ERROR_RETRY_SECONDS

    @property
    def worth_telling(self) -> bool:
        """Whether the reviewer should hear that the queue waits (first and every
        `RETRY_NOTICE_EVERY`th failed try)."""
        return self.waiting is not None and (
            self.attempts == 1 or self.attempts % RETRY_NOTICE_EVERY == 0
        )


@dataclass(frozen=True)
class Progress:
    """How far the review of a document is: its shown claims (a group of repeats
    counts once, dismissed claims not at all), decided or left."""

    total: int
    """Claims shown: decided plus left."""
    decided: dict[Status, int]
    """Decided claims per status (`SHOWN_STATUSES`; unverified is a decision too)."""
    dismissed: int = 0
    """Claims dismissed as "not a claim" (not in `total`)."""
    low: int = 0
    """Undecided claims under the score the screen hides (not in `total`, not left)."""

    @property
    def reviewed(self) -> int:
        return sum(self.decided.values())

    @property
    def left(self) -> int:
        return self.total - self.reviewed


REVIEWER_NAME_MAX = 40
"""Longest reviewer name kept: it is shown in narrow panels and typed in browsers."""


def clean_reviewer_name(name: str) -> str:
    """A reviewer name fit to store and show: control characters and surrounding space
    removed, inner whitespace collapsed, at most `REVIEWER_NAME_MAX` characters.

    Names come from a browser's query string or a prompt, so they are not trusted; an
    empty result is an `InputError`.
    """
    printable = "".join(ch if ch.isprintable() else " " for ch in name)
    cleaned = " ".join(printable.split())[:REVIEWER_NAME_MAX].strip()
    if not cleaned:
        raise InputError("a reviewer name needs at least one visible character")
    return cleaned


def documents_to_review(
    store: Store, *, reviewer: str | None = None, among: Collection[int] | None = None
) -> list[DocumentSummary]:
    """Documents with undecided claims: those assigned to `reviewer` first, then most
    undecided first (ties: oldest first). `among` limits them to those ids."""
    summaries = [
        s
        for s in store.list_documents()
        if s.undecided > 0 and (among is None or s.document.id in among)
    ]
    assigned = store.assignments() if reviewer is not None else {}
    return sorted(
        summaries,
        key=lambda s: (assigned.get(s.document.id) != reviewer, -s.undecided),
    )


def resolve_review_target(
    store: Store,
    target: str | None,
    *,
    config: Config | None = None,
    warn: Callable[[str], None] | None = None,
) -> int | None:
    """The document id `factcheck review [TARGET]` opens, or None for "ask with a picker".

    TARGET is a document id, an article file or a URL; one not yet stored is added
    first, exactly as `factcheck add` would (metadata included). With no TARGET: the
    document with undecided claims when only one has any, None when several do (the
    caller shows a picker), and the newest document when none has. `warn` hears what
    reading a file or URL noticed (`target_document_id`).
    """
    if target is None:
        candidates = documents_to_review(store)
        if len(candidates) == 1:
            return candidates[0].document.id
        if candidates:
            return None
        summaries = store.list_documents()
        if not summaries:
            raise NotFoundError("no documents yet: give a file, e.g. `factcheck review FILE`")
        return summaries[-1].document.id
    return target_document_id(store, target, config=config, warn=warn)


def target_document_id(
    store: Store,
    target: str,
    *,
    config: Config | None = None,
    warn: Callable[[str], None] | None = None,
) -> int:
    """The document TARGET names: a document id, or an article file or URL added first
    (exactly as `factcheck add` would, metadata included) when not yet stored.

    `warn` is given each line `factcheck add` would print as a warning for a file or
    URL read here: the reader's own, then `text.language`'s when the text does not
    read as English (the review screen says that too, as a notice)."""
    if re.fullmatch(r"[0-9]+", target) and not Path(target).exists():
        document_id = int(target)
        if not 1 <= document_id <= 2**63 - 1:
            raise NotFoundError(f"no document with id {target[:20]}")
        return store.get_document(document_id).id
    # the readers (httpx, trafilatura, pypdf) load only when a file or URL is given
    from factcheck.ingest import add_article, is_url, read_article
    from factcheck.ingest.article import article_warnings

    if not is_url(target) and not Path(target).exists():
        raise InputError(f"{target!r} is neither a document id, a file nor a URL")
    article = read_article(
        target,
        fetch=config.fetch if config else None,
        max_megabytes=config.ingest.max_megabytes if config else DEFAULT_MAX_MEGABYTES,
    )
    if warn is not None:
        for warning in article_warnings(article):
            warn(warning)
    return add_article(store, article).document.id


def _finish_scores_of(store: Store, document_id: int) -> None:
    """Finish the scores `add` left pending for this document before a review of it
    reads them: one added after `factcheck review` started (the command finishes the
    others before the screen opens). A locked or read-only database leaves them to the
    next read that can write; the first-pass scores show meanwhile."""
    if not store.has_pending_scores():  # one lookup; nothing more imported
        return
    from factcheck.ingest.pending_scores import finish_pending_scores

    with contextlib.suppress(StoreError):
        finish_pending_scores(store, only={document_id})


class ReviewSession:
    """One reviewer's verdicts on one document, with an undo stack and a queue.

    Every verdict is written (one transaction) before `decide` returns, so closing the
    terminal loses nothing. Undo withdraws the verdict (an undo event naming it): the
    claim's history keeps both the mistake and its withdrawal, and the verdict before
    it (or none) is in force again.

    A screen that must not freeze `submit`s verdicts instead: each is queued and the
    queue flushed at once; when the database cannot be written (another process holds
    the lock, the file is read-only) the verdicts stay queued, in order, and the caller
    flushes again after `Flushed.retry_in` seconds. Nothing keyed in is lost, and undo
    drops a queued verdict before it withdraws a saved one.
    """

    def __init__(self, store: Store, document_id: int, *, reviewer: str) -> None:
        self.store = store
        self.document = store.get_document(document_id)
        self.reviewer = reviewer
        _finish_scores_of(store, document_id)
        self.language_warning = not_english_warning(self.document.text)
        """Why the claims may be noise when the document does not read as English
        (`text.language`: a bounded sample, no model); None for English text. The
        review screen shows it as a notice when it opens the document."""
        self.decisions: list[Decision] = []
        """This session's verdicts, oldest first; undo pops from the end."""
        latest = store.recent_verdicts(limit=1)
        self.opened_at_verdict_id = latest[0].id if latest else 0
        """The newest verdict id when the session began: later ones are news."""
        self.pending: deque[PendingVerdict] = deque()
        """Verdicts keyed in but not saved yet, oldest first (`submit`, `flush`)."""
        self.failed_attempts = 0
        """Failed flushes in a row since the queue last saved a verdict."""

    def decided_by_someone_else(self, claim_id: int) -> Verdict | None:
        """The verdict another reviewer gave this claim since the session began, if it
        is still the claim's verdict in force: deciding the claim again would overrule
        it, so the screen asks first. One indexed query; checked when the key is
        pressed, so a verdict that landed a moment ago counts even before the screen
        has polled.
        """
        latest = self.store.verdict_in_force(claim_id)
        if (
            latest is not None
            and latest.reviewer != self.reviewer
            and latest.id > self.opened_at_verdict_id
        ):
            return latest
        return None

    def decide(
        self,
        claim_id: int,
        status: Status | str,
        *,
        note: str | None = None,
        evidence_id: int | None = None,
    ) -> Decision:
        """Commit a verdict now (on the claim and every repeat of it) and remember it.

        `Status.DISMISSED` ("not a claim") is a decision like the others: recorded with
        the reviewer, undone the same way.
        """
        verdicts = self.store.mark(
            [claim_id], status, reviewer=self.reviewer, note=note, evidence_id=evidence_id
        )
        own = next(v for v in verdicts if v.claim_id == claim_id)
        decision = Decision(claim_id, Status(status), own, tuple(verdicts))
        self.decisions.append(decision)
        return decision

    def submit(
        self,
        claim_id: int,
        status: Status | str,
        *,
        note: str | None = None,
        evidence_id: int | None = None,
    ) -> Flushed:
        """Queue a verdict behind any still waiting and flush the queue: saved now if
        the database can be written, else kept until a later `flush` saves it."""
        self.pending.append(PendingVerdict(claim_id, Status(status), note, evidence_id))
        return self.flush()

    def flush(self) -> Flushed:
        """Commit the queued verdicts in order, stopping at the first the database
        refuses (`StoreError`: it and those after it wait for the next flush).

        A verdict refused for another reason (its claim deleted meanwhile) can never
        be saved: it leaves the queue and is reported in `Flushed.refused`.
        """
        saved: list[Decision] = []
        refused: list[tuple[PendingVerdict, FactcheckError]] = []
        recovered = False
        while self.pending:
            verdict = self.pending[0]
            try:
                decision = self.decide(
                    verdict.claim_id,
                    verdict.status,
                    note=verdict.note,
                    evidence_id=verdict.evidence_id,
                )
            except StoreError as error:
                self.failed_attempts += 1
                return Flushed(tuple(saved), tuple(refused), error, self.failed_attempts, recovered)
            except FactcheckError as error:
                self.pending.popleft()
                refused.append((verdict, error))
                continue
            self.pending.popleft()
            if self.failed_attempts:
                self.failed_attempts = 0
                recovered = True
            saved.append(decision)
        return Flushed(tuple(saved), tuple(refused), recovered=recovered)

    def undo(self) -> Undone | Dropped | None:
        """Drop the last verdict still queued, else withdraw this session's last
        decision; None if there is nothing to undo.

        The claim (and its repeats) is back to the verdict in force before it, or
        undecided when it had none (`Undone.in_force`). Withdrawing a verdict that
        another reviewer has since overruled leaves theirs in force.
        """
        if self.pending:
            dropped = Dropped(self.pending.pop())
            if not self.pending:
                self.failed_attempts = 0  # nothing waits: no "saved again" to announce
            return dropped
        if not self.decisions:
            return None
        decision = self.decisions[-1]
        events = self.store.undo(
            [v.id for v in decision.verdicts or (decision.verdict,)], reviewer=self.reviewer
        )
        self.decisions.pop()
        return Undone(decision, self.store.verdict_in_force(decision.claim_id), tuple(events))

    def progress(self, *, min_score: float | None = None) -> Progress:
        """The document's progress (one grouped query).

        With `min_score` (the check-worthiness threshold while the screen hides the
        claims under it), undecided claims scoring lower are not counted as left: a
        reviewer who has decided every listed claim is done. Decided ones count
        whatever their score.
        """
        counts = self.store.review_counts(self.document.id, min_score=min_score)
        return Progress(
            total=sum(counts.decided.values()) + counts.undecided,
            decided=counts.decided,
            dismissed=counts.dismissed,
            low=counts.low,
        )

    def next_undecided(
        self, after: int | None = None, *, among: Collection[int] | None = None
    ) -> int | None:
        """The first undecided claim after claim `after` in document order, wrapping
        round to the start; None when every shown claim is decided.

        `after=None` gives the document's first undecided claim: where the screen
        opens, so a reviewer who quits and comes back lands where they stopped. The
        claim `after` itself comes back only when it is the last undecided one.
        `among` limits the answer to those claim ids (the screen's filtered list).
        """
        undecided = [
            (start, claim_id)
            for start, claim_id in self.store.undecided_positions(self.document.id)
            if among is None or claim_id in among
        ]
        if not undecided:
            return None
        if after is not None:
            claim = self.store.get_claim(after)
            later = next((p for p in undecided if p > (claim.start, after)), None)
            if later is not None:
                return later[1]
        return undecided[0][1]


def progress_line(progress: Progress) -> str:
    """ "reviewed 12 of 19 · 5 supported · 3 disputed · 4 unverified · 7 left".

    Reviewed means decided, marked unverified ("cannot tell") included; left is what
    nobody has decided yet. Repeats count once and dismissed claims not at all.
    """
    decided = progress.decided
    return (
        f"reviewed {progress.reviewed} of {progress.total}"
        f" · {decided[Status.SUPPORTED]} supported · {decided[Status.DISPUTED]} disputed"
        f" · {decided[Status.UNVERIFIED]} unverified · {progress.left} left"
    )
