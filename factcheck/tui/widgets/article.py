"""The article, with the selected claim highlighted and the other claims tinted.

Only a window of paragraphs around the selection is mounted (one `Static` each), so
a book-length document with thousands of claims paints as fast as a short one; the
window moves when the selection nears its edge.

The text is selectable with the mouse (Textual's text selection on each paragraph):
`selected_range()` turns the selection into offsets into the document, which is how
the review screen's `c` makes a claim of it. `move_claim` redraws a claim whose span a
reviewer is widening or narrowing, key by key.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from rich.text import Text
from textual.containers import VerticalScroll
from textual.geometry import Offset
from textual.widgets import Static

from factcheck.models import Claim, Status
from factcheck.tui.untrusted import safe_text
from factcheck.untrusted.terminal_text import printable

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
WINDOW_PARAGRAPHS = 8
"""Paragraphs mounted on each side of the selected one."""
MOUNT_ALL_UP_TO = 60
"""An article of at most this many paragraphs is mounted whole, once: moving through
it never remounts a window (a layout pass of the whole screen)."""

TINT_STYLE = {
    Status.SUPPORTED: "green underline",
    Status.DISPUTED: "red underline",
    Status.UNVERIFIED: "yellow underline",
    Status.DISMISSED: "dim",
}
"""Claims by their verdict in force; undecided claims are `UNDECIDED_STYLE`."""
UNDECIDED_STYLE = "yellow"
SELECTED_STYLE = "bold black on #e6c84f"
MATCH_STYLE = "bold white on #7a3e9d"
"""The search text wherever it occurs in the article (`/`)."""


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


class ParagraphView(Static):
    """One paragraph. Its wrapped lines are kept until the text, size, style or mouse
    selection changes: Textual redraws a widget in full whenever it comes into view, so
    every article scroll re-wrapped each paragraph it exposed (about 3 ms each)."""

    def __init__(self, content: Text, **kwargs: object) -> None:
        super().__init__(content, **kwargs)  # type: ignore[arg-type]
        self._drawn: tuple[object, ...] | None = None
        self._kept: object = None
        """The visual drawn (held, so its id cannot be reused by another)."""

    def _render_content(self) -> None:
        # The visual by identity: `update` makes a new one, and Textual's Content
        # compares equal on its plain text alone (a re-tint would look unchanged).
        drawn = (id(self.visual), self.size, self.visual_style, self.text_selection)
        if drawn == self._drawn and self._kept is self.visual:
            self._dirty_regions.clear()  # what Textual's own render would leave
            return
        super()._render_content()
        self._drawn, self._kept = drawn, self.visual


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
        self.search_query = ""
        """Search text highlighted in the article (casefolded; empty: none)."""
        folded = text.casefold()
        self._folded = folded if len(folded) == len(text) else None
        """The text casefolded for search, when offsets survive casefolding (a
        "ß" or "İ" changes lengths: then search matches are not highlighted)."""
        self._window: range = range(0)
        self._widgets: dict[int, ParagraphView] = {}

    def add_claims(self, claims: list[Claim]) -> None:
        """Every claim of the document, after the screen opened on the first ones:
        the claims not known yet are tinted in the paragraphs on screen."""
        known = self.claims
        self.claims = {c.id: known.get(c.id, c) for c in claims if c.id is not None}
        touched = set()
        for claim in claims:
            if claim.id not in known:
                index = self.paragraph_of(claim.start)
                self._claims_by_paragraph.setdefault(index, []).append(claim)
                touched.add(index)
        for index in touched & set(self._widgets):
            self._redraw(index)

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    # -- span edits and mouse selection (the review screen's [ ] { } and c) ----------

    def move_claim(self, claim: Claim) -> None:
        """Redraw a claim with a new span (an edit, live), or add a new claim."""
        if claim.id is None:
            return
        self.claims[claim.id] = claim
        index = self.paragraph_of(claim.start)  # a span never leaves its paragraph
        listed = self._claims_by_paragraph.setdefault(index, [])
        listed[:] = [c for c in listed if c.id != claim.id] + [claim]
        self._redraw(index)

    def selected_range(self) -> tuple[int, int] | None:
        """The text selected with the mouse, as offsets into the document (from the
        first selected paragraph's start to the last one's end); None if none."""
        chosen = sorted(
            (i, widget.text_selection)
            for i, widget in self._widgets.items()
            if widget.text_selection is not None
        )
        if not chosen:
            return None
        first, selection = chosen[0]
        start = self._offset_in(first, selection.start, default_end=False)
        last, selection = chosen[-1]
        end = self._offset_in(last, selection.end, default_end=True)
        return (start, end) if start < end else None

    def _offset_in(self, index: int, at: Offset | None, *, default_end: bool) -> int:
        """A selection point (line, column of the shown paragraph) as a document offset.
        Control characters are shown wider than they are (`printable`), so columns
        are counted back through what each raw character became."""
        paragraph = self.paragraphs[index]
        raw = self.text[paragraph.start : paragraph.end]
        if at is None:
            return paragraph.end if default_end else paragraph.start
        line, column = at.y, at.x
        position = 0
        for _ in range(line):  # the shown text keeps the paragraph's line breaks
            found = raw.find("\n", position)
            if found < 0:
                return paragraph.end
            position = found + 1
        shown = 0
        while position < len(raw) and raw[position] != "\n" and shown < column:
            shown += len(printable(raw[position]))
            position += 1
        return paragraph.start + position

    def render_paragraph(self, index: int) -> Text:
        """One paragraph as styled text: claims tinted by status, the selection marked."""
        paragraph = self.paragraphs[index]
        spans = []
        for claim in self._claims_by_paragraph.get(index, ()):
            current = self.claims.get(claim.id or -1, claim)
            if claim.id == self.selected:
                style = SELECTED_STYLE
            elif current.decided or current.status == Status.DISMISSED:
                style = TINT_STYLE[current.status]
            else:
                style = UNDECIDED_STYLE
            spans.append(
                (
                    max(0, claim.start - paragraph.start),
                    min(paragraph.end, claim.end) - paragraph.start,
                    style,
                )
            )
        spans.extend((start, end, MATCH_STYLE) for start, end in self._matches(paragraph))
        # article text: control characters shown (the tints follow), never markup
        return safe_text(self.text[paragraph.start : paragraph.end], spans=spans)

    def show(self, claim_id: int | None) -> None:
        """Highlight a claim and scroll its paragraph into view."""
        previous = self.selected
        self.selected = claim_id
        claim = self.claims.get(claim_id) if claim_id is not None else None
        if claim is None and self._window:
            # Nothing listed (a search matching no claim): unmark, stay where we are.
            if previous in self.claims:
                self._redraw(self.paragraph_of(self.claims[previous].start))
            return
        target = self.paragraph_of(claim.start) if claim else 0
        if target not in self._window or not self._near_centre(target):
            self._mount_window(target)
            return
        for cid in (previous, claim_id):
            if cid is not None and cid in self.claims:
                self._redraw(self.paragraph_of(self.claims[cid].start))
        self._scroll_to_paragraph(target)

    def set_status(self, claim_id: int, status: Status, decided: bool) -> None:
        """Re-tint one claim after a verdict (its own or another reviewer's)."""
        claim = self.claims.get(claim_id)
        if claim is None or (claim.status, claim.decided) == (status, decided):
            return
        self.claims[claim_id] = replace(claim, status=status, decided=decided)
        self._redraw(self.paragraph_of(claim.start))

    def put_claim(self, claim: Claim) -> None:
        """Show a claim whose span changed, or a new one (span edits): its old and new
        paragraphs are redrawn with the highlight where the claim now is."""
        if claim.id is None:
            return
        old = self.claims.get(claim.id)
        touched = {self.paragraph_of(claim.start)}
        if old is not None:
            touched.add(self.paragraph_of(old.start))
            for listed in self._claims_by_paragraph.values():
                listed[:] = [c for c in listed if c.id != claim.id]
        self.claims[claim.id] = claim
        paragraph = self._claims_by_paragraph.setdefault(self.paragraph_of(claim.start), [])
        paragraph.append(claim)
        paragraph.sort(key=lambda c: c.start)
        for index in touched:
            if index in self._widgets:
                self._widgets[index].update(self.render_paragraph(index))

    # -- search --------------------------------------------------------------------

    def search(self, query: str) -> int | None:
        """Highlight `query` (casefolded) everywhere; the offset of its first match
        at or after the selected claim (wrapping), None when the text has none."""
        self.search_query = query
        for index in self._window:
            self._redraw(index)
        if not query:
            return None
        if self._folded is None:
            return None
        haystack = self._folded
        selected = self.claims.get(self.selected) if self.selected is not None else None
        begin = selected.start if selected is not None else 0
        found = haystack.find(query, begin)
        if found < 0:
            found = haystack.find(query)
        return found if found >= 0 else None

    def show_offset(self, offset: int) -> None:
        """Scroll to the paragraph holding `offset` (a search match outside any claim)."""
        target = self.paragraph_of(offset)
        if target not in self._window or not self._near_centre(target):
            self._mount_window(target)
        else:
            self._scroll_to_paragraph(target)

    def _matches(self, paragraph: Paragraph) -> list[tuple[int, int]]:
        """Spans of the search text in a paragraph (offsets within the paragraph)."""
        if not self.search_query or self._folded is None:
            return []
        folded = self._folded[paragraph.start : paragraph.end]
        spans, at = [], folded.find(self.search_query)
        while at >= 0:
            spans.append((at, at + len(self.search_query)))
            at = folded.find(self.search_query, at + len(self.search_query))
        return spans

    def on_resize(self) -> None:
        """Keep the selected claim in view when the terminal changes size."""
        claim = self.claims.get(self.selected) if self.selected is not None else None
        if claim is not None:
            self.call_after_refresh(self._scroll_to_paragraph, self.paragraph_of(claim.start))

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
        if len(self.paragraphs) <= MOUNT_ALL_UP_TO:
            start, stop = 0, len(self.paragraphs)
        self._window = range(start, stop)
        self.remove_children()
        self._widgets = {
            i: ParagraphView(self.render_paragraph(i), classes="paragraph") for i in self._window
        }
        self.mount_all(self._widgets.values())
        self.call_after_refresh(self._scroll_to_paragraph, centre)

    def _redraw(self, index: int) -> None:
        """Re-style one paragraph; its text and so its height are unchanged, so no
        layout pass (a screen-wide reflow per verdict was most of a keypress)."""
        if index in self._widgets:
            self._widgets[index].update(self.render_paragraph(index), layout=False)

    def _scroll_to_paragraph(self, index: int) -> None:
        """Centre a paragraph, unless it is already wholly in view: most moves to the
        next claim then scroll nothing, and a scroll repaints the whole panel."""
        widget = self._widgets.get(index)
        if widget is None or not widget.is_mounted:
            return
        region = widget.virtual_region_with_margin
        top = round(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if region.y >= top and region.bottom <= top + height:
            return
        # This panel only (`scroll_to_center` scrolls every ancestor too: a full repaint),
        # and now (`immediate`): a scroll deferred to after the refresh is a second frame.
        self.scroll_to(
            y=max(0, region.y - max(0, height - region.height) // 2),
            animate=False,
            immediate=True,
        )
