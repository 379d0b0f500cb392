"""Report text worked out from a document's status counts alone (a summary row's number
cells, a count phrase), remembered by the counts: documents mostly hold a few claims,
so a few hundred distinct counts cover the thousands of documents of a large export.
Pure; no I/O."""

from __future__ import annotations

from factcheck.models import Status

__all__ = ["ByCounts", "CountsKey"]

CountsKey = tuple[tuple[Status, int], ...]
"""A document's counts as `tuple(counts.items())`."""


class ByCounts(dict[CountsKey, str]):
    """Text by the counts it was worked out from; emptied when it holds `limit`
    entries, so memory stays flat however many documents a report has."""

    limit: int = 4096

    def remember(self, key: CountsKey, text: str) -> str:
        """Keep `text` for `key` (emptying the memory first when full); returns it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = text
        return text
