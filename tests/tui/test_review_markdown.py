"""Pilot: a Markdown file reviewed as a reporter wrote it: markup is not text."""

from __future__ import annotations

from pathlib import Path

from factcheck.config import Config, ReviewConfig
from factcheck.ingest import add_article, read_article
from factcheck.store import Store
from factcheck.tui import make_app
from factcheck.tui.widgets.claims import ClaimsTable

NOTES = (
    "# Reporter notes ##\n\n"
    "+ The fountain first opened in 2008.\n"
    "- [x] The council spent $4.2 million on roads in 2023.\n"
)


async def test_markdown_notes_title_and_claims_carry_no_markup(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    with Store(tmp_path / "claims.db") as store:
        add_article(store, read_article(str(path)))
        app = make_app(store, Config(review=ReviewConfig(reviewer="tester")), [], document_id=1)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert str(app.screen.query_one("#article").border_title) == "Reporter notes"
            table = app.screen.query_one("#claims", ClaimsTable)
            texts = [c.text for c in table._claims]
            assert texts == [
                "The fountain first opened in 2008",
                "The council spent $4.2 million on roads in 2023",
            ]
            assert table._claims[0].kind == "temporal"  # "first" says when
