"""Reviewing one document: which document to open, verdicts with undo, progress.

The review TUI (`factcheck.tui`) and `factcheck review` call these; they hold the rules
(what "undo" records, which document opens by default) so the screen stays a thin
layer of widgets over them and the rules are testable without a terminal. Nothing
here imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from factcheck.config import Config
from factcheck.errors import InputError, NotFoundError
from factcheck.local_files import DEFAULT_MAX_MEGABYTES
from factcheck.models import Status, Verdict
from factcheck.store import DocumentSummary, Store


@dataclass(frozen=True)
class Decision:
    """A verdict made in this session, remembered so it can be undone."""

    claim_id: int
    status: Status
    previous: Status
    """The claim's status just before the verdict: what undo gives back."""
    verdict: Verdict


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
    """Documents with unverified claims: those assigned to `reviewer` first, then most
    unverified first (ties: oldest first). `among` limits them to those ids."""
    summaries = [
        s
        for s in store.list_documents()
        if s.counts[Status.UNVERIFIED] > 0 and (among is None or s.document.id in among)
    ]
    assigned = store.assignments() if reviewer is not None else {}
    return sorted(
        summaries,
        key=lambda s: (assigned.get(s.document.id) != reviewer, -s.counts[Status.UNVERIFIED]),
    )


def resolve_review_target(
    store: Store, target: str | None, *, config: Config | None = None
) -> int | None:
    """The document id `factcheck review [TARGET]` opens, or None for "ask with a picker".

    TARGET is a document id, an article file or a URL; one not yet stored is added
    first, exactly as `factcheck add` would (metadata included). With no TARGET: the
    document with unverified claims when only one has any, None when several do (the
    caller shows a picker), and the newest document when none has.
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
    if re.fullmatch(r"[0-9]+", target) and not Path(target).exists():
        document_id = int(target)
        if not 1 <= document_id <= 2**63 - 1:
            raise NotFoundError(f"no document with id {target[:20]}")
        return store.get_document(document_id).id
    # the readers (httpx, trafilatura, pypdf) load only when a file or URL is given
    from factcheck.ingest import add_article, is_url, read_article

    if not is_url(target) and not Path(target).exists():
        raise InputError(f"{target!r} is neither a document id, a file nor a URL")
    article = read_article(
        target,
        fetch=config.fetch if config else None,
        max_megabytes=config.ingest.max_megabytes if config else DEFAULT_MAX_MEGABYTES,
    )
    return add_article(store, article).document.id


class ReviewSession:
    """One reviewer's verdicts on one document, with an undo stack.

    Every verdict is written (one transaction) before `decide` returns, so closing the
    terminal loses nothing. Undo is itself a verdict event: the claim's history keeps
    both the mistake and its correction.
    """

    def __init__(self, store: Store, document_id: int, *, reviewer: str) -> None:
        self.store = store
        self.document = store.get_document(document_id)
        self.reviewer = reviewer
        self.decisions: list[Decision] = []
        """This session's verdicts, oldest first; undo pops from the end."""
        latest = store.recent_verdicts(limit=1)
        self.opened_at_verdict_id = latest[0].id if latest else 0
        """The newest verdict id when the session began: later ones are news."""

    def decided_by_someone_else(self, claim_id: int) -> Verdict | None:
        """The verdict another reviewer gave this claim since the session began, if it
        is still the claim's latest: deciding the claim again would overrule it, so the
        screen asks first. One indexed query; checked when the key is pressed, so a
        verdict that landed a moment ago counts even before the screen has polled.
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
        """Commit a verdict now and remember the status it replaced."""
        previous = self.store.get_claim(claim_id).status
        (verdict,) = self.store.mark(
            [claim_id], status, reviewer=self.reviewer, note=note, evidence_id=evidence_id
        )
        decision = Decision(claim_id, Status(status), previous, verdict)
        self.decisions.append(decision)
        return decision

    def undo(self) -> Decision | None:
        """Give the last decided claim its previous status back; None if nothing to undo.

        The restoring verdict's note names the verdict it undoes, so `factcheck show`
        tells an undo from a change of mind.
        """
        if not self.decisions:
            return None
        decision = self.decisions[-1]
        note = f"undo of verdict #{decision.verdict.id} ({decision.status})"
        self.store.mark([decision.claim_id], decision.previous, reviewer=self.reviewer, note=note)
        self.decisions.pop()
        return decision

    def progress(self) -> dict[Status, int]:
        """Claims of this document per status (one grouped query)."""
        return self.store.counts(document_id=self.document.id)


def progress_line(counts: dict[Status, int]) -> str:
    """ "reviewed 3 of 12 · 2 supported · 1 disputed · 9 unverified".

    Reviewed means decided either way (supported or disputed); `unverified` is where
    every claim starts, so a claim marked unverified still counts as open.
    """
    total = sum(counts.values())
    reviewed = counts[Status.SUPPORTED] + counts[Status.DISPUTED]
    return (
        f"reviewed {reviewed} of {total} · {counts[Status.SUPPORTED]} supported"
        f" · {counts[Status.DISPUTED]} disputed · {counts[Status.UNVERIFIED]} unverified"
    )
