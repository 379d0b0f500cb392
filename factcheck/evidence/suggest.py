"""The one way to ask evidence sources about a claim: `suggest`.

`factcheck match` and `factcheck search`, the review screen's lookups
(`tui.lookups.ask_sources`) and the Python API (`factcheck.suggest`) all call it, so
they ask the same sources with the same context and merge the answers the same way.
What differs between callers is a parameter, not a copy: the review screen waits its
turn for the sources' shared connection (`turn`), hears about each failing source
(`on_unavailable`) and carries on after any `FactcheckError` (`carry_on_after`); the
CLI carries on only when a source is unavailable and prints why once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext

from factcheck.errors import FactcheckError, SourceUnavailable
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.matcher import merge_evidence
from factcheck.evidence.sources import EvidenceSource
from factcheck.models import Evidence

log = logging.getLogger(__name__)


def suggest(
    sources: Sequence[EvidenceSource],
    text: str,
    *,
    context: ClaimContext,
    limit: int = 5,
    score_cutoff: float | None = None,
    on_unavailable: Callable[[EvidenceSource, FactcheckError], None] | None = None,
    carry_on_after: tuple[type[FactcheckError], ...] = (SourceUnavailable,),
    turn: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> list[Evidence]:
    """Up to `limit` pieces of evidence for the claim `text`, merged from every source
    (`make_sources`), best first; those scoring under `score_cutoff` are dropped.

    `context` is the claim's (`claim_context`), or `ClaimContext.free_text()` for text
    that belongs to no document. A source raising one of `carry_on_after` is skipped
    and the others carry on; `on_unavailable` hears about it (without one, it is
    logged). Any other error propagates. Each source is asked inside `turn()`, which
    may wait for the source's connection or raise to abandon the question.
    """
    groups = []
    for source in sources:
        with turn():
            try:
                groups.append(source.suggest(text, context=context, limit=limit))
            except carry_on_after as error:
                if on_unavailable is not None:
                    on_unavailable(source, error)
                else:
                    log.warning("%s", error)
    merged = merge_evidence(groups, limit=limit)
    if score_cutoff is not None:
        merged = [item for item in merged if item.score >= score_cutoff]
    return merged
