"""Markdown notes: headings, list markers and emphasis are markup (title and claims)."""

from __future__ import annotations

from pathlib import Path

from factcheck import split_claims
from factcheck.ingest import read_article

NOTES = (
    "# Reporter notes\n\n"
    "- **Unemployment fell** to 3.5% in May, the bureau said.\n"
    "- The mayor resigned on Friday.\n\n"
    "## Background\n\n"
    "> The council spent $4.2 million on roads in 2023.\n"
)


def test_markdown_file_title_has_no_heading_marks(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    assert read_article(str(path)).title == "Reporter notes"


def test_markdown_headings_are_not_claims_and_offsets_point_into_the_text() -> None:
    claims = split_claims(NOTES)
    texts = [c.text for c in claims]
    assert texts == [
        "**Unemployment fell** to 3.5% in May, the bureau said",
        "The mayor resigned on Friday",
        "The council spent $4.2 million on roads in 2023",
    ]
    assert all(NOTES[c.start : c.end] == c.text for c in claims)
    assert not any(t.startswith(("#", "-", ">")) for t in texts)
    assert all(t.count("**") % 2 == 0 for t in texts)  # emphasis whole or not at all
