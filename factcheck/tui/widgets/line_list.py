"""A focusable list of one-line rows with a cursor, drawn through Textual's line API.

The claims list and the Recent panel are both this: only the lines on screen are
rendered, and changing a row repaints without a layout pass (an `OptionList` re-lays
out the whole screen on every `clear_options`/`add_options`, which cost the review
screen a reflow per verdict). Subclasses say how a row reads (`row_text`) and what
the cursor landing on a row means (`cursor_moved`).
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget


class LineList(ScrollView, can_focus=True):
    """Rows `0 .. row_count - 1`; `cursor` is the selected one."""

    COMPONENT_CLASSES = {"line-list--cursor"}  # noqa: RUF012
    DEFAULT_CSS = """
    LineList > .line-list--cursor { background: $accent 40%; text-style: bold; }
    LineList:focus > .line-list--cursor { background: $accent; color: $text; }
    """
    BINDINGS = [  # noqa: RUF012
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(0, repaint=False)
    """Index of the selected row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._strips: dict[tuple[object, ...], Strip] = {}
        """Rendered rows by (row_key, width, is cursor): a repaint of an unchanged row
        (after a scroll, a focus change) costs a dict look-up."""
        self._bases: dict[bool, Style] = {}
        """The row style, plain and under the cursor (computing it walks the DOM)."""

    def row_key(self, row: int) -> object:
        """What row `row` shows, hashable: equal keys render the same line."""
        raise NotImplementedError

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def row_text(self, row: int, width: int) -> Text:
        """Row `row` as one line of styled text, at most `width` cells."""
        raise NotImplementedError

    def cursor_moved(self, row: int) -> None:
        """The cursor came to rest on `row` (a valid index)."""

    # -- content -------------------------------------------------------------------

    def rows_changed(self, *, cursor: int = 0) -> None:
        """The rows were replaced: size the scroll area and put the cursor at `cursor`
        without announcing it (the caller knows what it selected)."""
        rows = Size(self.size.width, self.virtual_rows())
        if rows != self.virtual_size:
            # Not `self.virtual_size = rows`: that reactive lays out the whole screen
            # (25-40 ms, the cost of every `x` that shrinks the list). A line list has
            # no children to place: resizing its scrollbars is all a new length needs
            # (a scrollbar that appears or goes still lays out, through its reactive).
            self.set_reactive(Widget.virtual_size, rows)
            self._scroll_update(rows)
        self.set_reactive(LineList.cursor, self.validate_cursor(cursor))
        self.scroll_cursor_into_view()
        self.refresh()

    def scroll_cursor_into_view(self) -> None:
        """Bring the cursor row on screen (also after a resize). Leaving the bottom
        edge puts it a third of the way down, so working down the list scrolls once
        a screenful, not on every row (each scroll repaints the list)."""
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif height and self.cursor >= top + height:
            self.scroll_to(
                y=max(self.cursor - height + 1, self.cursor - height // 3),
                animate=False,
                immediate=True,  # in this frame: a deferred scroll is a second frame
            )

    # -- cursor --------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.row_count - 1))

    def move_cursor_quietly(self, row: int) -> None:
        """Put the cursor on `row` without `cursor_moved`: the caller shows the row's
        item itself, in the same handler, so the key costs one frame, not two."""
        old = self.cursor
        self.set_reactive(LineList.cursor, self.validate_cursor(row))
        self._repaint_cursor(old, self.cursor)

    def watch_cursor(self, old: int, new: int) -> None:
        self._repaint_cursor(old, new)
        if self.row_count:
            self.cursor_moved(new)

    def _repaint_cursor(self, old: int, new: int) -> None:
        top = round(self.scroll_offset.y)
        self.scroll_cursor_into_view()
        if round(self.scroll_offset.y) == top:
            self.refresh_row(old)  # only the two rows whose highlight changed
            self.refresh_row(new)
        else:
            self.refresh()

    def refresh_row(self, row: int) -> None:
        """Repaint one row if it is on screen."""
        y = row - round(self.scroll_offset.y)
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.row_count - 1

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self.cursor = round(self.scroll_offset.y) + offset.y

    def virtual_rows(self) -> int:
        """Rows of the scroll area."""
        return self.row_count

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.virtual_rows())
        self.call_after_refresh(self.scroll_cursor_into_view)

    # -- rendering -----------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # focus, theme or CSS changed: every row looks different
        self._bases.clear()

    def _base(self, under_cursor: bool) -> Style:
        base = self._bases.get(under_cursor)
        if base is None:
            base = self.rich_style
            if under_cursor:
                base = base + self.get_component_rich_style("line-list--cursor")
            self._bases[under_cursor] = base
        return base

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = round(self.scroll_offset.y) + y
        if row >= self.row_count:
            return Strip.blank(width, self._base(False))
        key = (self.row_key(row), width, row == self.cursor)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 1000:
                self._strips.clear()
            base = self._base(row == self.cursor)
            segments = [
                Segment(s.text, base + s.style if s.style else base)
                for s in text_segments(self.row_text(row, width))
            ]
            strip = Strip(segments).extend_cell_length(width, base).crop(0, width)
            self._strips[key] = strip
        return strip


@lru_cache(maxsize=256)
def parse_style(style: str) -> Style:
    """`Style.parse`, remembered: rows reuse a handful of style strings."""
    return Style.parse(style)


def text_segments(text: Text) -> list[Segment]:
    """A one-line Text as segments, without a console (no wrapping, no newline)."""
    plain = text.plain
    if not text.spans:
        return [Segment(plain)]
    segments = []
    offsets = sorted({0, len(plain), *(p for s in text.spans for p in (s.start, s.end))})
    for start, end in itertools.pairwise(offsets):
        style = Style()
        for span in text.spans:
            if span.start <= start and span.end >= end:
                style += parse_style(span.style) if isinstance(span.style, str) else span.style
        segments.append(Segment(plain[start:end], style or None))
    return segments
