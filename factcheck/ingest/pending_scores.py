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

Each document is written in one transaction that re-checks, under the write lock,
that the document is still pending, so two processes finishing at once write it once.
The scoring itself runs outside the lock (a reviewer's verdict never waits for the
transformer); a Ctrl-C leaves the documents finished so far finished and the rest
pending. A claim whose span the split no longer finds (factcheck changed between the
add and the finish, or the span was edited) keeps its first-pass score.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from factcheck.errors import StoreError
from factcheck.text.wording import plural

if TYPE_CHECKING:
    from factcheck.store import Store

__all__ = ["finish_pending_scores"]


def finish_pending_scores(
    store: Store,
    *,
    on_document: Callable[[int], None] | None = None,
    only: Collection[int] | None = None,
) -> int:
    """Score every document `add` left pending (or those of them in `only`), one at a
    time; how many this call finished (a document another process finished meanwhile
    is not counted).

    Loads the transformer only when something is pending. `on_document(id)` is called
    after each document (a progress bar). A read-only database with pending scores is
    a one-line `StoreError`, raised before any scoring: its scores cannot be stored.
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
    from factcheck.ingest import text_claims  # the split `add` runs; loads the transformer

    finished = 0
    for document_id in documents:
        text = store.document_text(document_id)
        if text is not None:  # None: deleted meanwhile (its pending mark went with it)
            claims = text_claims(text).claims
            if store.finish_scores(document_id, [(c.start, c.end, c.score) for c in claims]):
                finished += 1
        if on_document is not None:
            on_document(document_id)
    return finished
