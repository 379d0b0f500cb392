"""The line-API list under the claims table and the Recent panel: when its rows change
it resizes its scroll area without a screen-wide layout pass, so its scrollbar and
its lines must still follow the new length."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from factcheck.tui.widgets.line_list import LineList


class Rows(LineList):
    DEFAULT_CSS = "Rows { height: 10; }"

    def __init__(self, count: int) -> None:
        super().__init__()
        self.rows = [f"row {n}" for n in range(count)]

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def row_key(self, row: int) -> object:
        return self.rows[row]

    def row_text(self, row: int, width: int) -> Text:
        return Text(self.rows[row][:width])


class RowsApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Rows(50)


def shown_lines(app: RowsApp) -> list[str]:
    rows = app.query_one(Rows)
    return [rows.render_line(y).text.strip() for y in range(rows.size.height)]


async def test_a_shorter_list_drops_its_scrollbar_and_stale_rows():
    app = RowsApp()
    async with app.run_test(size=(40, 20)) as pilot:
        rows = app.query_one(Rows)
        await pilot.pause()
        assert rows.show_vertical_scrollbar
        assert rows.vertical_scrollbar.window_virtual_size == 50
        rows.action_last()
        await pilot.pause()
        assert rows.scroll_offset.y > 0
        rows.rows = rows.rows[:4]
        rows.rows_changed(cursor=3)
        await pilot.pause()
        assert rows.virtual_size.height == 4
        assert rows.scroll_offset.y == 0
        assert not rows.show_vertical_scrollbar
        assert shown_lines(app)[:5] == ["row 0", "row 1", "row 2", "row 3", ""]


async def test_a_longer_list_gets_a_scrollbar_sized_to_it():
    app = RowsApp()
    async with app.run_test(size=(40, 20)) as pilot:
        rows = app.query_one(Rows)
        rows.rows = rows.rows[:4]
        rows.rows_changed()
        await pilot.pause()
        assert not rows.show_vertical_scrollbar
        rows.rows = [f"row {n}" for n in range(30)]
        rows.rows_changed(cursor=29)
        await pilot.pause()
        assert rows.show_vertical_scrollbar
        assert rows.vertical_scrollbar.window_virtual_size == 30
        assert "row 29" in shown_lines(app)  # the cursor's row came into view
        rows.rows = rows.rows[:20]  # still longer than the view: no layout at all
        rows.rows_changed(cursor=19)
        await pilot.pause()
        assert rows.vertical_scrollbar.window_virtual_size == 20
        assert "row 19" in shown_lines(app)
        assert "row 20" not in shown_lines(app)
