"""A report's claim items sorted into status groups in one pass, parked on disk.

The Markdown report lists claims by verdict (disputed, supported, unverified), each
group in document order, while the store reads claims in document order. Reading the
claims once per group decoded every claim three times; instead each item is rendered
once, as its document is read, and appended to its group's temporary file (spooled:
small reports stay in memory), and the groups are then written back in order. Memory
stays flat in the claim count; the disk holds the report's text until it is written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from factcheck.models import Status

__all__ = ["StatusGroups"]

SPOOL_CHARS = 256 * 1024
"""Characters a group keeps in memory before it moves to a temporary file."""
_READ_CHARS = 64 * 1024
_BATCH_ITEMS = 256
"""Items a group gathers before it writes them (a few hundred KB at most)."""


class StatusGroups:
    """`groups(status)` for `iter_markdown`: the texts of the items with `status`.

    The first call reads all of `items` ((status, text) pairs, in report order);
    each group can then be read once.
    """

    def __init__(self, items: Iterable[tuple[Status, str]]) -> None:
        self._items = items
        self._files: dict[Status, IO[str]] | None = None

    def __call__(self, status: Status) -> Iterator[str]:
        if self._files is None:
            self._files = self._sorted()
        handle = self._files.pop(status, None)
        if handle is None:
            return
        with handle:
            handle.seek(0)
            while chunk := handle.read(_READ_CHARS):
                yield chunk

    def _sorted(self) -> dict[Status, IO[str]]:
        files: dict[Status, IO[str]] = {}
        # each group's items gathered in a list and written _BATCH_ITEMS at a time, in
        # one join: a write per item cost more than rendering it (the spooled file's
        # Python `write`, then the text codec's)
        pending: dict[Status, list[str]] = {}
        for status, text in self._items:
            batch = pending.get(status)
            if batch is None:
                batch = pending[status] = []
                files[status] = tempfile.SpooledTemporaryFile(  # noqa: SIM115
                    max_size=SPOOL_CHARS, mode="w+", encoding="utf-8", newline=""
                )
            batch.append(text)
            if len(batch) >= _BATCH_ITEMS:
                files[status].write("".join(batch))
                batch.clear()
        for status, batch in pending.items():
            files[status].write("".join(batch))
        return files
