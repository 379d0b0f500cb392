"""Finishing the check-worthiness scores that `add` left pending.

Why: the transformer that scores check-worthiness needs numpy, onnxruntime and an ONNX
session, ~300 ms of CPU before the first sentence. A script that runs `factcheck add
FILE` once per file would pay that 1,000 times for 1,000 files. So `add_article` stores
the claims with the linear model's first-pass scores and marks the document pending
(`Store.add_document(scores_pending=True)`), and the first command that shows or uses
scores (`list`, `show`, `export`, `match`, `review`, ...) calls `finish_pending_scores`:
the model is loaded once, in that one process, for every pending document.

The final scores are the ones `add` stored before this existed, to the bit: each pending
document is split again, alone, exactly as `add` splits it (`ingest.article_claims`'s
split over the stored text: the same sentences, spans and transformer batches), and the
score of every claim with the same span is replaced. Documents are never batched
together: int8 dynamic quantisation makes a sentence's score depend on its batch.

Many pending documents (a bulk `add`: issue 11 asks 1,000 articles in under a minute
on two cores) are split in worker processes, one a core (`factcheck.ingest.workers`):
each loads the model once and splits whole documents, exactly as above, so the scores
are the same to the bit whatever the number of workers; this process reads the texts
and writes the scores in document order, so a progress bar advances per document.

Each document is written in one transaction that re-checks, under the write lock,
that the document is still pending, so two processes finishing at once write it once.
The scoring itself runs outside the lock (a reviewer's verdict never waits for the
transformer); a Ctrl-C leaves the documents finished so far finished and the rest
pending. A claim whose span the split no longer finds (factcheck changed between the
add and the finish, or the span was edited) keeps its first-pass score.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING

from factcheck.errors import StoreError
from factcheck.text.wording import plural

if TYPE_CHECKING:
    from factcheck.store import Store

__all__ = ["final_scores", "finish_pending_scores", "load_the_scorer"]

WORKERS_FROM = 8
"""Pending documents from which the split runs in worker processes: below, starting a
worker and loading the model in it costs more than the worker saves."""


def finish_pending_scores(
    store: Store,
    *,
    on_document: Callable[[int], None] | None = None,
    only: Collection[int] | None = None,
    workers: int | None = None,
) -> int:
    """Score every document `add` left pending (or those of them in `only`), one at a
    time; how many this call finished (a document another process finished meanwhile
    is not counted).

    Loads the transformer only when something is pending. `on_document(id)` is called
    after each document (a progress bar). `workers`: processes that split (None: one
    a core from `WORKERS_FROM` documents on; 0 or 1: this process). A read-only
    database with pending scores is a one-line `StoreError`, raised before any scoring:
    its scores cannot be stored.
    """
    documents = store.pending_score_documents()
    if only is not None:
        documents = [document_id for document_id in documents if document_id in only]
    if not documents:
        return 0
    if store.is_read_only():
        raise StoreError(
            f"database {store.path} is read-only and the scores of"
            f" {plural(len(documents), 'added document')} are not finished yet;"
            " run any `factcheck list` where it is writable first"
        )
    texts = _texts(store, documents)
    if workers is None:
        workers = default_workers() if len(documents) >= WORKERS_FROM else 1
    if workers > 1:
        from factcheck.ingest.workers import in_order

        scored = in_order(final_scores, texts, workers=workers, prepare=load_the_scorer)
    else:
        scored = ((document_id, final_scores(text)) for document_id, text in texts)
    finished = 0
    for document_id, scores in scored:
        if scores is not None and store.finish_scores(document_id, scores):
            finished += 1
        if on_document is not None:
            on_document(document_id)
    return finished


def final_scores(text: str | None) -> list[tuple[int, int, float]] | None:
    """(start, end, score) of every claim of a stored text as `add` scores it at once
    (None for a document deleted meanwhile). Runs in a worker process, or here."""
    if text is None:
        return None
    from factcheck.ingest import text_claims  # the split `add` runs; loads the transformer

    return [(c.start, c.end, c.score) for c in text_claims(text).claims]


def load_the_scorer() -> None:
    """A worker's start (`workers.in_order`'s `prepare`): the transformer loaded before
    the first document arrives, while the caller still reads its first texts."""
    from factcheck.claims.checkworthiness.scoring import preload

    preload()


def _texts(store: Store, documents: list[int]) -> Iterator[tuple[int, str | None]]:
    """Each document with its stored text, read when it is its turn (None: deleted
    meanwhile; its pending mark went with it)."""
    for document_id in documents:
        yield document_id, store.document_text(document_id)


MAX_WORKERS = 8
"""Each worker holds its own onnxruntime session and model (~100 MB resident)."""


def default_workers() -> int:
    """One worker a core this process may run on, at most `MAX_WORKERS`."""
    import os

    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(cores, MAX_WORKERS)
