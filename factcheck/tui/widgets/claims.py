"""The claims table: one row per claim in document order, with glyph, kind and score.

A `DataTable` because it renders only the rows on screen, so a 10,000-claim document
opens as fast as a ten-claim one.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import DataTable

from factcheck.models import Claim, Status

STATUS_GLYPH = {Status.SUPPORTED: "✓", Status.DISPUTED: "✗", Status.UNVERIFIED: "·"}
STATUS_STYLE = {
    Status.SUPPORTED: "bold green",
    Status.DISPUTED: "bold red",
    Status.UNVERIFIED: "yellow",
}
_CLAIM_COLUMN_CHARS = 200


def status_cell(status: Status) -> Text:
    """The status glyph in its colour (colour alone would fail colour-blind reviewers)."""
    return Text(STATUS_GLYPH[status], style=STATUS_STYLE[status], justify="center")


class ClaimsTable(DataTable[Text | str]):
    """Claims of one document; row keys are claim ids as strings."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_column(" ", key="status", width=1)
        self.add_column("kind", key="kind", width=11)
        self.add_column("score", key="score", width=5)
        self.add_column("claim", key="claim")
        self.call_after_refresh(self.fit_columns)

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Give the claim text whatever width the fixed columns leave (no side-scrolling)."""
        column = self.columns.get("claim")  # type: ignore[call-overload]
        if column is None:
            return
        kind = self.columns.get("kind")  # type: ignore[call-overload]
        if kind is not None:  # narrow: "attr", "temp", "rank"... still tell kinds apart
            kind.width = 11 if self.scrollable_content_region.width >= 45 else 4
        fixed = sum(c.get_render_width(self) for key, c in self.columns.items() if key != "claim")
        column.auto_width = False
        column.width = max(10, self.scrollable_content_region.width - fixed - 2 * self.cell_padding)
        self._require_update_dimensions = True
        self._clear_caches()  # cached rows still have the old column widths
        self.refresh()

    def show_claims(self, claims: Iterable[Claim]) -> None:
        """Replace the rows (after a filter or a search)."""
        self.clear()
        self.add_rows_with_keys(claims)

    def add_rows_with_keys(self, claims: Iterable[Claim]) -> None:
        for claim in claims:
            text = " ".join(claim.text.split())[:_CLAIM_COLUMN_CHARS]
            self.add_row(
                status_cell(claim.status),
                str(claim.kind),
                f"{claim.score:.2f}",
                text,
                key=str(claim.id),
            )

    def set_status(self, claim_id: int, status: Status) -> None:
        """Redraw one row's glyph, if the row is shown."""
        key = str(claim_id)
        if key in self.rows:
            self.update_cell(key, "status", status_cell(status))

    def selected_claim_id(self) -> int | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    def select_claim(self, claim_id: int) -> bool:
        """Move the cursor to a claim's row; False when the row is filtered out."""
        key = str(claim_id)
        if key not in self.rows:
            return False
        self.move_cursor(row=self.get_row_index(key), animate=False)
        return True
