"""An article paragraph keeps its wrapped lines between repaints (a scroll redraws
every paragraph it exposes), but never shows stale ones: a new text, a re-tint after a
verdict or a new width draws it again."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from factcheck.tui.widgets.article import ParagraphView


class OneParagraph(App[None]):
    def compose(self) -> ComposeResult:
        yield ParagraphView(Text("The fountain first opened in 2008."))


def first_line(app: OneParagraph):
    return app.query_one(ParagraphView).render_line(0)


async def test_a_repaint_reuses_the_lines_and_a_change_redraws_them():
    app = OneParagraph()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        paragraph = app.query_one(ParagraphView)
        drawn = first_line(app)
        assert drawn.text.startswith("The fountain first opened in 2008.")
        paragraph.refresh()  # what a scroll does to an exposed paragraph
        assert first_line(app) is drawn
        retinted = Text("The fountain first opened in 2008.")
        retinted.stylize("bold red", 0, 12)
        paragraph.update(retinted, layout=False)  # a verdict re-tints the claim
        await pilot.pause()
        styled = first_line(app)
        assert styled is not drawn
        assert any(s.style and s.style.bold for s in styled if s.text.startswith("The"))
        paragraph.update(Text("Another text."), layout=False)
        await pilot.pause()
        assert first_line(app).text.startswith("Another text.")
        await pilot.resize_terminal(10, 5)  # narrower: wrapped again
        await pilot.pause()
        assert first_line(app).text.strip() == "Another"
