"""The claims list: one line per claim in document order, with mark, kind and score.

A `LineList` (Textual's line API) rather than a `DataTable`: it renders only the lines
on screen and measures nothing up front, so a 10,000-claim document opens as fast as
a ten-claim one (DataTable measured every cell of every row: seconds, not milliseconds).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.text import Text
from textual.message import Message

from factcheck.models import CHECK_WORTHY, Claim, ClaimKind, Status
from factcheck.tui.claim_view import is_decided
from factcheck.tui.untrusted import safe_str
from factcheck.tui.widgets.line_list import LineList

UNDECIDED_MARK = ("·", "dim")
"""No verdict in force yet: what is left to do."""
STATUS_GLYPH = {
    Status.SUPPORTED: "✓",
    Status.DISPUTED: "✗",
    Status.UNVERIFIED: "?",
    Status.DISMISSED: "–",
}
"""Marks of the verdicts in force; "unverified" is a decision too, so it has its own."""
STATUS_STYLE = {
    Status.SUPPORTED: "bold green",
    Status.DISPUTED: "bold red",
    Status.UNVERIFIED: "bold yellow",
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


def claim_mark(claim: Claim) -> tuple[str, str]:
    """(glyph, style) of a claim in the list: its verdict in force, or undecided."""
    if not is_decided(claim) and claim.status != Status.DISMISSED:
        return UNDECIDED_MARK
    return STATUS_GLYPH[claim.status], STATUS_STYLE[claim.status]


class ClaimsTable(LineList):
    """Claims of one document; posts `Highlighted` when the cursor lands on a claim."""

    class Highlighted(Message):
        """The cursor moved onto claim `claim_id`."""

        def __init__(self, claim_id: int) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._claims: list[Claim] = []
        self._index: dict[int, int] = {}
        self.occurrences: Mapping[int, int] = {}
        """How often each listed claim occurs in the document (duplicate groups)."""
        self.expected_rows = 0
        """How many rows the list will have once every claim is read (0: as many as it
        has): while the screen holds only the head, the scrollbar is already right."""

    # -- content -------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._claims)

    def show_claims(self, claims: Iterable[Claim], *, keep: int | None = None) -> bool:
        """Replace the shown claims (after a filter or a search). The cursor stays on
        claim `keep` if it is still listed (True), else goes to the top (False); either
        way quietly: the caller shows what it selected."""
        self._claims = list(claims)
        self._index = {c.id: i for i, c in enumerate(self._claims) if c.id is not None}
        kept = keep in self._index
        self.rows_changed(cursor=self._index[keep] if kept and keep is not None else 0)
        return kept

    def set_status(self, claim_id: int, claim: Claim) -> None:
        """Redraw one line's mark, if the claim is shown."""
        index = self._index.get(claim_id)
        if index is not None:
            self._claims[index] = claim
            self.refresh_row(index)  # a verdict changes one mark, not the list

    def update_claim(self, claim: Claim) -> None:
        """Redraw one line with a claim's new text, kind and score (a span edit)."""
        index = self._index.get(claim.id) if claim.id is not None else None
        if index is not None:
            self._claims[index] = claim
            self.refresh_row(index)

    def virtual_rows(self) -> int:
        return max(self.row_count, self.expected_rows)

    def selected_claim_id(self) -> int | None:
        if not self._claims:
            return None
        return self._claims[self.cursor].id

    def select_claim(self, claim_id: int) -> bool:
        """Move the cursor to a claim, quietly (the caller shows it); False when the
        claim is not listed."""
        index = self._index.get(claim_id)
        if index is None:
            return False
        self.move_cursor_quietly(index)
        return True

    def cursor_moved(self, row: int) -> None:
        claim_id = self._claims[row].id
        if claim_id is not None:
            self.post_message(self.Highlighted(claim_id))

    # -- rendering -----------------------------------------------------------------

    def row_key(self, row: int) -> object:
        claim = self._claims[row]
        times = self.occurrences.get(claim.id or 0, 1)
        return (claim.id, claim.status, claim.decided, claim.start, claim.end, claim.kind, times)

    def row_text(self, row: int, width: int) -> Text:
        claim = self._claims[row]
        if width >= _WIDE_KIND_FROM:
            kind = f"{claim.kind:<11}"
        else:
            kind = f"{SHORT_KIND.get(claim.kind, str(claim.kind)[:4]):<4}"
        glyph, glyph_style = claim_mark(claim)
        line = Text(no_wrap=True, overflow="crop")
        line.append(f" {glyph} ", style=glyph_style)
        line.append(f"{kind} ", style="dim")
        low = "dim" if claim.score < CHECK_WORTHY else ""
        line.append(f"{claim.score:.2f} ", style=low)
        times = self.occurrences.get(claim.id or 0, 1)
        if times > 1:
            line.append(f"×{times} ", style="bold cyan")
        line.append(" ")
        room = max(0, width - line.cell_len)
        line.append(safe_str(" ".join(claim.text[: room * 2].split()))[:room], style=low)
        return line
