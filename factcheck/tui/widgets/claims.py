"""The claims list: one line per claim in document order, with glyph, kind and score.

A line-API `ScrollView` rather than a `DataTable`: it renders only the lines on
screen and measures nothing up front, so a 10,000-claim document opens as fast as a
ten-claim one (DataTable measured every cell of every row: seconds, not milliseconds).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import replace

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from factcheck.models import Claim, ClaimKind, Status
from factcheck.tui.untrusted import safe_str

STATUS_GLYPH = {
    Status.SUPPORTED: "✓",
    Status.DISPUTED: "✗",
    Status.UNVERIFIED: "·",
    Status.DISMISSED: "-",
}
STATUS_STYLE = {
    Status.SUPPORTED: "bold green",
    Status.DISPUTED: "bold red",
    Status.UNVERIFIED: "yellow",
    Status.DISMISSED: "dim",
}
_WIDE_KIND_FROM = 45
"""Below this width kinds shrink to the four-letter labels of `SHORT_KIND`."""
SHORT_KIND = {
    ClaimKind.QUANTITY: "qty",
    ClaimKind.RANKING: "rank",
    ClaimKind.TEMPORAL: "date",
    ClaimKind.ATTRIBUTION: "said",
    ClaimKind.COMPARISON: "comp",
    ClaimKind.CAUSAL: "why",
    ClaimKind.PREDICTION: "will",
    ClaimKind.OTHER: "",
}
"""Kinds in a narrow list (an 80-column terminal): words a desk reads at a glance, where
cut names read as "othe" and "temp"; "other" says nothing, so it is left blank."""


class ClaimsTable(ScrollView, can_focus=True):
    """Claims of one document; posts `Highlighted` when the cursor lands on a claim."""

    COMPONENT_CLASSES = {"claims-table--cursor"}  # noqa: RUF012
    DEFAULT_CSS = """
    ClaimsTable > .claims-table--cursor { background: $accent 40%; text-style: bold; }
    ClaimsTable:focus > .claims-table--cursor { background: $accent; color: $text; }
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
    """Index of the selected line in the shown claims."""

    class Highlighted(Message):
        """The cursor moved onto claim `claim_id`."""

        def __init__(self, claim_id: int) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._claims: list[Claim] = []
        self._index: dict[int, int] = {}

    # -- content -----------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._claims)

    def show_claims(self, claims: Iterable[Claim]) -> None:
        """Replace the shown claims (after a filter or a search); cursor to the top."""
        self._claims = list(claims)
        self._index = {c.id: i for i, c in enumerate(self._claims) if c.id is not None}
        self.virtual_size = Size(self.size.width, len(self._claims))
        self.set_reactive(ClaimsTable.cursor, 0)
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def set_status(self, claim_id: int, status: Status) -> None:
        """Redraw one line's glyph, if the claim is shown."""
        index = self._index.get(claim_id)
        if index is not None:
            self._claims[index] = replace(self._claims[index], status=status)
            self.refresh()

    def update_claim(self, claim: Claim) -> None:
        """Redraw one line with a claim's new text, kind and score (a span edit)."""
        index = self._index.get(claim.id) if claim.id is not None else None
        if index is not None:
            self._claims[index] = claim
            self.refresh()

    def selected_claim_id(self) -> int | None:
        if not self._claims:
            return None
        return self._claims[self.cursor].id

    def select_claim(self, claim_id: int) -> bool:
        """Move the cursor to a claim; False when the claim is filtered out."""
        index = self._index.get(claim_id)
        if index is None:
            return False
        self.cursor = index
        return True

    # -- cursor ------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._claims) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif height and new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()
        claim_id = self.selected_claim_id()
        if claim_id is not None:
            self.post_message(self.Highlighted(claim_id))

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
        self.cursor = len(self._claims) - 1

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self.cursor = round(self.scroll_offset.y) + offset.y

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._claims))

    # -- rendering ---------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = round(self.scroll_offset.y) + y
        if row >= len(self._claims):
            return Strip.blank(width, self.rich_style)
        claim = self._claims[row]
        if width >= _WIDE_KIND_FROM:
            kind = f"{claim.kind:<11}"
        else:
            kind = f"{SHORT_KIND.get(claim.kind, str(claim.kind)[:4]):<4}"
        line = Text(no_wrap=True, overflow="crop")
        line.append(f" {STATUS_GLYPH[claim.status]} ", style=STATUS_STYLE[claim.status])
        line.append(f"{kind} ", style="dim")
        # Below the splitter's 0.5 threshold: still listed (the reviewer decides), but
        # dimmed, so the eye goes to the check-worthy claims first.
        low = "dim" if claim.score < CHECK_WORTHY else ""
        line.append(f"{claim.score:.2f}  ", style=low)
        room = max(0, width - line.cell_len)
        line.append(safe_str(" ".join(claim.text[: room * 2].split()))[:room], style=low)
        base: Style = self.rich_style
        if row == self.cursor:
            base = base + self.get_component_rich_style("claims-table--cursor")
        segments = [Segment(s.text, base + s.style if s.style else base) for s in _render(line)]
        return Strip(segments).extend_cell_length(width, base).crop(0, width)


CHECK_WORTHY = 0.5
"""The check-worthiness score from which a claim is shown at full strength."""


def _render(text: Text) -> list[Segment]:
    """A one-line Text as segments, without a console (no wrapping, no newline)."""
    segments = []
    plain = text.plain
    offsets = sorted({0, len(plain), *(p for s in text.spans for p in (s.start, s.end))})
    for start, end in itertools.pairwise(offsets):
        style = Style()
        for span in text.spans:
            if span.start <= start and span.end >= end:
                style += Style.parse(span.style) if isinstance(span.style, str) else span.style
        segments.append(Segment(plain[start:end], style or None))
    return segments
