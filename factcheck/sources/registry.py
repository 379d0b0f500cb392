"""Which evidence sources a session uses, built from the configuration.

`default_sources` is the one place that knows every source: `factcheck match`, the
review TUI and `Store.suggest_evidence` all ask it, so "--source wikipedia" and the
TUI's source list mean the same thing. `suggest_from` runs sources and merges them,
carrying on when one is unavailable (Wikipedia offline) and reporting why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from factcheck.config import Config
from factcheck.errors import ConfigError, SourceUnavailable
from factcheck.matcher import merge_evidence
from factcheck.models import Evidence
from factcheck.sources import EvidenceSource

if TYPE_CHECKING:
    from factcheck.store import Store

log = logging.getLogger(__name__)

SOURCE_NAMES = ("local", "prior", "wikipedia")
"""Every source name `--source` and `names=` accept, in the order they are asked."""


def default_sources(
    store: Store,
    config: Config,
    *,
    offline: bool = False,
    names: Sequence[str] | None = None,
) -> list[EvidenceSource]:
    """The sources to ask, in order: local references, prior checks, Wikipedia.

    `offline` leaves Wikipedia out (nothing will try the network). `names` picks a
    subset; "all" or None means every source.
    """
    wanted = list(SOURCE_NAMES) if not names or "all" in names else list(dict.fromkeys(names))
    unknown = [name for name in wanted if name not in SOURCE_NAMES]
    if unknown:
        raise ConfigError(
            f"unknown evidence source {unknown[0]!r}; choose from {', '.join(SOURCE_NAMES)}, all"
        )
    sources: list[EvidenceSource] = []
    for name in SOURCE_NAMES:
        if name not in wanted:
            continue
        if name == "local":
            from factcheck.sources.local import LocalReferences

            sources.append(LocalReferences(store))
        elif name == "prior":
            from factcheck.sources.prior import PriorChecks

            sources.append(PriorChecks(store, config.prior))
        elif name == "wikipedia" and not offline:
            from factcheck.sources.wikipedia import WikipediaSource

            sources.append(WikipediaSource(store, config.wikipedia))
    return sources


def exclude_document(sources: Sequence[EvidenceSource], document_id: int | None) -> None:
    """Keep a document's own claims out of the earlier-verdicts source, so a claim is
    never offered as evidence for itself (or for its neighbours in the same article)."""
    from factcheck.sources.prior import PriorChecks

    for source in sources:
        if isinstance(source, PriorChecks):
            source.exclude_document_id = document_id


def suggest_from(
    store: Store,
    text: str,
    *,
    limit: int = 5,
    sources: Sequence[EvidenceSource | str] | None = None,
    context: str = "",
    score_cutoff: float | None = None,
    on_unavailable: Callable[[EvidenceSource, SourceUnavailable], None] | None = None,
) -> list[Evidence]:
    """Ask each source, merge their suggestions best first (see `Store.suggest_evidence`).

    A source raising `SourceUnavailable` is skipped; `on_unavailable` hears about it
    (the CLI prints the message once, the TUI shows a notification).
    """
    resolved = _resolve(store, sources)
    groups = []
    for source in resolved:
        try:
            groups.append(source.suggest(text, context=context, limit=limit))
        except SourceUnavailable as error:
            if on_unavailable is not None:
                on_unavailable(source, error)
            else:
                log.warning("%s", error)
    merged = merge_evidence(groups, limit=limit)
    if score_cutoff is not None:
        merged = [item for item in merged if item.score >= score_cutoff]
    return merged


def _resolve(store: Store, sources: Sequence[EvidenceSource | str] | None) -> list[EvidenceSource]:
    if sources is None:
        sources = ["local"]
    names = [s for s in sources if isinstance(s, str)]
    objects = [s for s in sources if not isinstance(s, str)]
    if names:
        from factcheck.config import load_config

        config = (
            load_config()
            if "prior" in names or "wikipedia" in names or "all" in names
            else Config()
        )
        objects = default_sources(store, config, names=names) + objects
    return objects
