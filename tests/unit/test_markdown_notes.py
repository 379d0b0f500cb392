"""Markdown notes: headings, list markers and emphasis are markup (title and claims)."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.parametrize(
    "first_line",
    [
        "# Reporter notes",
        "## Reporter notes ##",
        "**Reporter notes**",
        "*Reporter notes*",
        "__Reporter notes__",
        "# **Reporter notes**",
        "- Reporter notes",
    ],
)
def test_title_markup_is_not_part_of_the_title(tmp_path: Path, first_line: str) -> None:
    path = tmp_path / "notes.md"
    path.write_text(f"{first_line}\n\nThe mayor resigned on Friday.\n", encoding="utf-8")
    assert read_article(str(path)).title == "Reporter notes"


def test_every_list_marker_and_task_box_is_markup() -> None:
    notes = (
        "# Reporter notes\n\n"
        "* The mayor resigned on Friday.\n"
        "+ The council spent $4 million in 2023.\n"
        "1. Taxes rose 3% in 2022.\n"
        "- [ ] The bridge opened in 1990.\n"
        "- [x] Crime fell 5% last year.\n"
    )
    claims = split_claims(notes)
    assert [c.text for c in claims] == [
        "The mayor resigned on Friday",
        "The council spent $4 million in 2023",
        "Taxes rose 3% in 2022",
        "The bridge opened in 1990",
        "Crime fell 5% last year",
    ]
    assert all(notes[c.start : c.end] == c.text for c in claims)
