"""Whole documents split in worker processes, their results back in order.

Why: splitting and scoring is CPU-bound Python and onnxruntime (one intra-op thread: a
document's transformer batches are small), so a bulk job uses a second core only by
running a second process. Called by `ingest.add_articles` (a bulk `factcheck add`) and
`pending_scores.finish_pending_scores` when many documents wait. The workers start when
`in_order` is called, not when the first item is read, and each runs `prepare` (loading
the model) at its start: a worker's start-up (~0.2 s of imports, ~0.3 s of model load)
then overlaps the caller's own (opening the database, reading the first files) instead
of following it (bench/RESULTS.md, "Session 28, bulk11b"). A document is
always split whole in one worker, exactly as one process splits it, so the results do
not depend on the number of workers (int8 dynamic quantisation makes a score depend on
its batch: documents are never batched together).

Workers are spawned, not forked: a fresh interpreter shares no SQLite connection, lock or
thread with the caller. They ignore Ctrl-C: the caller gets it, stops handing out work
and keeps what was written so far; the workers end after the document in hand. A caller
killed outright (SIGTERM, SIGKILL) cannot tell them to stop, and each spawned worker
holds both ends of its work queue, so it would wait for work forever: each watches its
parent instead and exits within a second of it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

__all__ = ["in_order"]

Key = TypeVar("Key")
Item = TypeVar("Item")
Result = TypeVar("Result")

IN_FLIGHT_PER_WORKER = 4
"""Items handed out ahead per worker: enough that a worker never waits for the next
one while the oldest (results come back in order) is a long document, few enough that
texts are not all held in memory at once."""


def in_order(
    function: Callable[[Item], Result],
    items: Iterable[tuple[Key, Item]],
    *,
    workers: int,
    prepare: Callable[[], object] | None = None,
) -> Iterator[tuple[Key, Result]]:
    """`(key, function(item))` for each `(key, item)`, in the order given, computed by
    `workers` processes (`function` and `prepare` must be importable by name:
    module-level functions). The processes start now, each calling `prepare()` first;
    `items` is read only as results are taken. An exception raised by `function` is
    raised here, at its item; a `prepare` that raises breaks the pool
    (`BrokenProcessPool` at the first item)."""
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(), prepare),
    )
    # The pool spawns a process per task while none is idle: one task each starts them all.
    for _ in range(workers):
        pool.submit(_started)
    return _results(pool, function, items, workers)


def _results(
    pool: ProcessPoolExecutor,
    function: Callable[[Item], Result],
    items: Iterable[tuple[Key, Item]],
    workers: int,
) -> Iterator[tuple[Key, Result]]:
    pending: deque[tuple[Key, Future[Result]]] = deque()
    try:
        for key, item in items:
            pending.append((key, pool.submit(function, item)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                done_key, future = pending.popleft()
                yield done_key, future.result()
        while pending:
            done_key, future = pending.popleft()
            yield done_key, future.result()
    finally:
        # Normal end, an error or Ctrl-C in the caller: nothing more is started.
        pool.shutdown(wait=False, cancel_futures=True)


def _started() -> None:
    """The task that makes the pool start a worker."""


PARENT_CHECK_SECONDS = 1.0
"""How often a worker looks whether the process that started it is still there."""


def _start_worker(parent: int, prepare: Callable[[], object] | None) -> None:
    """In each worker: Ctrl-C is the caller's to handle; exit when the caller is gone;
    then `prepare`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_without, args=(parent,), daemon=True).start()
    if prepare is not None:
        prepare()


def _exit_without(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)  # orphaned: nobody reads the results
