"""Asking evidence sources from the review screen's thread workers.

The sources `make_app` receives read (and, for Wikipedia, write their page cache)
through one Store connection of their own. Workers of two groups use them: the
automatic suggestions for a newly selected claim (local library, earlier checks) and
the `w` Wikipedia lookup. Both ask through `factcheck.evidence.suggest`, the one way
the CLI and the Python API ask too; what is the screen's own is here: `SourceGate` lets
one worker at a time in, and a worker that has been cancelled (the selection moved on)
gives up its turn instead of queueing. Nothing here touches a widget or the screen's
own Store.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.errors import FactcheckError
from factcheck.models import Evidence

if TYPE_CHECKING:
    from factcheck.evidence.context import ClaimContext
    from factcheck.evidence.sources import EvidenceSource

GATE_POLL_SECONDS = 0.05
"""How often a worker waiting for the sources checks whether it was cancelled."""


class Cancelled(Exception):
    """The worker was cancelled while waiting for its turn or between sources."""


class SourceGate:
    """One worker at a time uses the sources (they share one database connection)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @contextmanager
    def turn(self, is_cancelled: Callable[[], bool]) -> Iterator[None]:
        """Wait for the sources; raise `Cancelled` if the worker is cancelled first."""
        while not self._lock.acquire(timeout=GATE_POLL_SECONDS):
            if is_cancelled():
                raise Cancelled
        try:
            if is_cancelled():
                raise Cancelled
            yield
        finally:
            self._lock.release()


@dataclass
class Answers:
    """What the sources said about one claim: merged evidence and per-source failures."""

    items: list[Evidence] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(source name, one-line reason) for each source that could not answer."""


def ask_sources(
    sources: Sequence[EvidenceSource],
    gate: SourceGate,
    text: str,
    *,
    context: ClaimContext,
    limit: int,
    is_cancelled: Callable[[], bool],
) -> Answers:
    """Ask each source in turn (in a worker thread), merged best first.

    A source raising a `FactcheckError` (`SourceUnavailable`, a store error) is recorded
    in `failures` and the others carry on: reviewing goes on whatever a source does.
    Anything else is a bug and propagates to the worker. Raises `Cancelled` when the
    worker is cancelled before it finishes.
    """
    # imported here, in the worker: the matcher (rapidfuzz) is not needed for first paint
    from factcheck.evidence.suggest import suggest

    answers = Answers()
    answers.items = suggest(
        sources,
        text,
        context=context,
        limit=limit,
        on_unavailable=lambda source, error: answers.failures.append((source.name, str(error))),
        carry_on_after=(FactcheckError,),
        turn=lambda: gate.turn(is_cancelled),
    )
    if is_cancelled():
        raise Cancelled
    return answers
