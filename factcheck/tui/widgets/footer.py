"""The review screen's footer: key hints that fit the terminal's width.

At 80 columns every hint cannot fit, and Textual's footer cuts off the last ones
(`?` and `q`). When the hints are wider than the terminal, this footer leaves out those
for the secondary actions and the command palette, keeping the verdict keys, `space`
(next undecided), undo, Wikipedia, `?` (which lists every key) and `q`.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

SECONDARY_ACTIONS = frozenset({"search", "filter", "note", "mark('dismissed')", "command_palette"})
"""Actions whose hints a narrow footer leaves out (`?` still lists them)."""


def hint_width(widget: Widget) -> int:
    """Columns a compact footer key takes: key, space, description, margin."""
    key = getattr(widget, "key_display", "")
    description = getattr(widget, "description", "")
    return len(key) + len(description) + 2 + (1 if widget.has_class("-command-palette") else 0)


class ReviewFooter(Footer):
    """A compact footer that drops the secondary hints when they would not fit."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._width = 0

    def compose(self) -> ComposeResult:
        self._width = self.app.size.width
        widgets = list(super().compose())
        if sum(hint_width(w) for w in widgets) > self._width:
            widgets = [w for w in widgets if getattr(w, "action", None) not in SECONDARY_ACTIONS]
        yield from widgets

    async def on_resize(self, event: events.Resize) -> None:
        if self.app.size.width != self._width:
            await self.recompose()
