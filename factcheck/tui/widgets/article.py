"""The article, with the selected claim highlighted and the other claims tinted.

Only a window of paragraphs around the selection is mounted (one `Static` each), so
a book-length document with thousands of claims paints as fast as a short one; the
window moves when the selection nears its edge.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from factcheck.models import Claim, Status
from factcheck.tui.untrusted import safe_text

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
WINDOW_PARAGRAPHS = 8
"""Paragraphs mounted on each side of the selected one."""

TINT_STYLE = {
    Status.SUPPORTED: "green underline",
    Status.DISPUTED: "red underline",
    Status.UNVERIFIED: "yellow",
    Status.DISMISSED: "dim",
}
SELECTED_STYLE = "bold black on #e6c84f"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraph offsets into `text` (blank lines separate paragraphs)."""
    paragraphs, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            paragraphs.append(Paragraph(start, match.start()))
        start = match.end()
    if text[start:].strip():
        paragraphs.append(Paragraph(start, len(text)))
    return paragraphs or [Paragraph(0, len(text))]


class ArticleView(VerticalScroll, can_focus=True):
    """Scrolls through the article; `show(claim_id)` follows the selection."""

    def __init__(self, text: str, claims: list[Claim], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.text = text
        self.paragraphs = split_paragraphs(text)
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self.claims: dict[int, Claim] = {c.id: c for c in claims if c.id is not None}
        self._claims_by_paragraph: dict[int, list[Claim]] = {}
        for claim in claims:
            index = self.paragraph_of(claim.start)
            self._claims_by_paragraph.setdefault(index, []).append(claim)
        self.selected: int | None = None
        self._window: range = range(0)
        self._widgets: dict[int, Static] = {}

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    def render_paragraph(self, index: int) -> Text:
        """One paragraph as styled text: claims tinted by status, the selection marked."""
        paragraph = self.paragraphs[index]
        spans = []
        for claim in self._claims_by_paragraph.get(index, ()):
            current = self.claims.get(claim.id or -1, claim)
            style = SELECTED_STYLE if claim.id == self.selected else TINT_STYLE[current.status]
            spans.append(
                (
                    max(0, claim.start - paragraph.start),
                    min(paragraph.end, claim.end) - paragraph.start,
                    style,
                )
            )
        # article text: control characters shown (the tints follow), never markup
        return safe_text(self.text[paragraph.start : paragraph.end], spans=spans)

    def show(self, claim_id: int | None) -> None:
        """Highlight a claim and scroll its paragraph into view."""
        previous = self.selected
        self.selected = claim_id
        claim = self.claims.get(claim_id) if claim_id is not None else None
        target = self.paragraph_of(claim.start) if claim else 0
        if target not in self._window or not self._near_centre(target):
            self._mount_window(target)
            return
        for cid in (previous, claim_id):
            if cid is not None and cid in self.claims:
                self._redraw(self.paragraph_of(self.claims[cid].start))
        self._scroll_to_paragraph(target)

    def set_status(self, claim_id: int, status: Status) -> None:
        """Re-tint one claim after a verdict (its own or another reviewer's)."""
        claim = self.claims.get(claim_id)
        if claim is None or claim.status == status:
            return
        self.claims[claim_id] = replace(claim, status=status)
        self._redraw(self.paragraph_of(claim.start))

    def _near_centre(self, index: int) -> bool:
        margin = WINDOW_PARAGRAPHS // 2
        at_start = self._window.start == 0
        at_end = self._window.stop == len(self.paragraphs)
        return (at_start or index - self._window.start >= margin) and (
            at_end or self._window.stop - index > margin
        )

    def _mount_window(self, centre: int) -> None:
        start = max(0, centre - WINDOW_PARAGRAPHS)
        stop = min(len(self.paragraphs), centre + WINDOW_PARAGRAPHS + 1)
        self._window = range(start, stop)
        self.remove_children()
        self._widgets = {
            i: Static(self.render_paragraph(i), classes="paragraph") for i in self._window
        }
        self.mount_all(self._widgets.values())
        self.call_after_refresh(self._scroll_to_paragraph, centre)

    def _redraw(self, index: int) -> None:
        if index in self._widgets:
            self._widgets[index].update(self.render_paragraph(index))

    def _scroll_to_paragraph(self, index: int) -> None:
        widget = self._widgets.get(index)
        if widget is not None and widget.is_mounted:
            self.scroll_to_center(widget, animate=False)
