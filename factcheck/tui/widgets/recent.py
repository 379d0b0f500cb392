"""The Recent panel: the last decisions on this document; enter reopens one's claim.

A `LineList` of a few rows (4 at 120x40, 2 at 80x24, hidden with `r`): refilling it
after a verdict repaints its own lines only, never the screen's layout.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from factcheck.models import Claim, Verdict
from factcheck.tui.untrusted import safe_str
from factcheck.tui.widgets.claims import STATUS_GLYPH, STATUS_STYLE
from factcheck.tui.widgets.line_list import LineList

RECENT_ROWS = 4
"""Decisions the panel lists at most (at 120x40; the screen sets 2 at 80x24)."""


class RecentStrip(LineList):
    """Newest first; choosing a row (enter) posts `Chosen` with its claim id."""

    BINDINGS = [Binding("enter", "choose", "Reopen", show=False)]  # noqa: RUF012
    DEFAULT_CSS = """
    RecentStrip > .line-list--cursor { background: transparent; text-style: none; }
    RecentStrip:focus > .line-list--cursor { background: $accent; text-style: bold; }
    """

    class Chosen(Message):
        """The reviewer asked to reopen claim `claim_id`."""

        def __init__(self, claim_id: int) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Text] = []
        self.claim_ids: list[int] = []
        self._version = 0
        """Bumped whenever the rows change (the row cache's key)."""
        self.capacity = RECENT_ROWS
        """How many decisions the panel lists (`set_capacity`)."""

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def virtual_rows(self) -> int:
        """Always `capacity`: the panel's scroll area never changes size, so a new
        decision repaints its rows and nothing else."""
        return self.capacity

    def set_capacity(self, rows: int) -> None:
        """List at most `rows` decisions, all visible (the panel is that high)."""
        self.capacity = rows
        self.styles.height = rows + self.styles.gutter.height
        del self.rows[rows:], self.claim_ids[rows:]
        self._version += 1
        self.rows_changed(cursor=self.cursor)

    def show_verdicts(
        self, verdicts: list[Verdict], claims: dict[int, Claim], *, reviewer: str | None = None
    ) -> None:
        """List `verdicts`; those not by `reviewer` (you) name who decided."""
        rows, claim_ids = [], []
        for verdict in verdicts:
            claim = claims.get(verdict.claim_id)
            label = Text(no_wrap=True, overflow="ellipsis")
            if verdict.undoes is not None:
                label.append("↶ ", style="bold")
                label.append(f"#{verdict.claim_id} undone    ")
            else:
                glyph = STATUS_GLYPH[verdict.status]
                label.append(f"{glyph} ", style=STATUS_STYLE[verdict.status])
                label.append(f"#{verdict.claim_id} {verdict.status:<10} ")
            if reviewer is not None and verdict.reviewer != reviewer:
                label.append(f"{safe_str(verdict.reviewer)}: ", style="bold")
            if claim is not None:
                label.append(safe_str(" ".join(claim.text[:300].split())), style="dim")
            rows.append(label)
            claim_ids.append(verdict.claim_id)
        if rows == self.rows and claim_ids == self.claim_ids:
            return  # nothing new (a poll that found only our own verdicts)
        self.rows, self.claim_ids = rows, claim_ids
        self._version += 1
        self.rows_changed(cursor=self.cursor)

    def row_key(self, row: int) -> object:
        return (self._version, row)

    def row_text(self, row: int, width: int) -> Text:
        return self.rows[row]

    def action_choose(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self.claim_ids[self.cursor]))
