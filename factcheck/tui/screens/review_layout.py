"""How the review screen shares the terminal's height.

The claims list gets what the claim strip (under both panes) and the Recent panel
leave. At 120x40 the Recent panel shows 4 decisions and the strip 4 lines; at 80x24
the panel shows 2 and the strip 3, so the list keeps about ten lines. `r` folds the
Recent panel away entirely.
"""

from __future__ import annotations

from dataclasses import dataclass

SMALL_TERMINAL_ROWS = 30
"""Terminals lower than this get the compact sizes (an 80x24 terminal is)."""


@dataclass(frozen=True)
class ColumnSizes:
    recent_rows: int
    """Rows of decisions the Recent panel shows."""
    strip_rows: int
    """Lines of text the claim strip shows."""


def column_sizes(terminal_rows: int) -> ColumnSizes:
    """The sizes for a terminal `terminal_rows` high."""
    if terminal_rows < SMALL_TERMINAL_ROWS:
        return ColumnSizes(recent_rows=2, strip_rows=3)
    return ColumnSizes(recent_rows=4, strip_rows=4)
