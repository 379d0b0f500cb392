"""Which evidence sources a session asks, built from the configuration.

`make_sources` is the one place that knows every source: `factcheck match`, `factcheck
search`, `factcheck review` and the Python API all build theirs here, so
"--source wikipedia" and the review screen's sources mean the same thing. The
configuration is passed in: nothing here reads ./config.toml.

Sources hold no per-claim state: what differs between claims (the document to leave
out of earlier verdicts, the names for Wikipedia) travels with each question as a
`ClaimContext`, so one set of sources serves every document of a session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.errors import ConfigError

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.evidence.sources import EvidenceSource
    from factcheck.store import Store

SOURCE_NAMES = ("local", "prior", "wikipedia")
"""Every source name `--source` and `names=` accept, in the order they are asked."""


def make_sources(
    store: Store,
    config: Config,
    *,
    names: Sequence[str] | None = None,
    offline: bool = False,
) -> list[EvidenceSource]:
    """The sources to ask, in order: local references, prior checks, Wikipedia.

    `names` picks a subset ("all" or None: every source); `offline` leaves Wikipedia
    out, so nothing will try the network. An unknown name is a `ConfigError`.
    """
    wanted = list(SOURCE_NAMES) if not names or "all" in names else list(dict.fromkeys(names))
    unknown = [name for name in wanted if name not in SOURCE_NAMES]
    if unknown:
        raise ConfigError(
            f"unknown evidence source {unknown[0]!r}; choose from {', '.join(SOURCE_NAMES)}, all"
        )
    sources: list[EvidenceSource] = []
    # Imported on demand: a session without Wikipedia does not import httpx and
    # wikipedia-api.
    if "local" in wanted:
        from factcheck.evidence.sources.local import LocalReferences

        sources.append(LocalReferences(store))
    if "prior" in wanted:
        from factcheck.evidence.sources.prior import PriorChecks

        sources.append(PriorChecks(store, config.prior))
    if "wikipedia" in wanted and not offline:
        from factcheck.evidence.sources.wikipedia import WikipediaSource

        sources.append(WikipediaSource(store, config.wikipedia))
    return sources
