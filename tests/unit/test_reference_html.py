"""HTML reference files are read as `add` reads a page: the body, not the cookie banner."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_fixtures import page

from factcheck.cli import cli
from factcheck.errors import InputError
from factcheck.ingest import read_article
from factcheck.ingest.reference_files import read_reference_file
from factcheck.store import Store
from factcheck.text.passages import split_passages

PAGE_DEBRIS = (
    "cookies",  # the consent banner
    "Manage preferences",
    "Subscribe today",  # the menu
    "council spin",  # a reader's comment
    "morning newsletter",
    "All rights reserved",  # the footer
)


@pytest.fixture
def bridge() -> Path:
    path = Path("bridge.html")
    path.write_bytes(page("harbour-bridge.html"))
    return path


def test_html_reference_keeps_the_body_and_drops_banner_menu_comments(bridge: Path) -> None:
    rows = read_reference_file(bridge).rows
    text = " ".join(row["text"] for row in rows)
    assert "Quay Road by roughly a third" in text
    assert "installed a new drainage system designed to last at least 60 years" in text
    for debris in PAGE_DEBRIS:
        assert debris not in text
    assert {row["title"] for row in rows} == {"Harbour bridge reopens after two-year repair"}


def test_html_reference_passages_are_those_of_the_article_add_stores(bridge: Path) -> None:
    rows = read_reference_file(bridge).rows
    assert [row["text"] for row in rows] == split_passages(read_article(str(bridge)).text)


def test_refs_add_of_a_page_indexes_no_cookie_banner(bridge: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", "claims.db", "refs", "add", str(bridge)])
    assert result.exit_code == 0, result.output
    with Store("claims.db") as store:
        passages = [row[0] for row in store.db.execute("SELECT text FROM reference_passages")]
    assert passages
    assert not [p for p in passages if "cookie" in p.lower()]


def test_a_page_without_text_is_refused_and_nothing_is_stored() -> None:
    shell = Path("app.html")
    shell.write_text('<html><head><title>App</title></head><body><div id="root"></div></body>')
    with pytest.raises(InputError, match=r"app\.html holds no text to index"):
        read_reference_file(shell)
    result = CliRunner().invoke(cli, ["--db", "claims.db", "refs", "add", str(shell)])
    assert result.exit_code != 0
    assert result.output.strip().splitlines() == [
        "Error: app.html holds no text to index",
    ]
    with Store("claims.db") as store:
        assert store.list_reference_files() == []


def test_a_hostile_page_is_read_in_time_in_proportion_to_its_size(bridge: Path) -> None:
    hostile = Path("hostile.html")
    junk = b"<script" * 40_000 + b"<div>" * 20_000
    hostile.write_bytes(bridge.read_bytes().replace(b"</body>", junk + b"</body>"))
    started = time.monotonic()
    rows = read_reference_file(hostile).rows
    assert time.monotonic() - started < 5
    assert "Quay Road by roughly a third" in " ".join(row["text"] for row in rows)
