"""`factcheck add` on every input kind, `--dry-run`, and the `document` command."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_fixtures import ArticleServer, Route, encrypt_pdf, make_pdf, page, serve

from factcheck.cli import cli
from factcheck.store import Store


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, str]:
    """A saved page, a PDF, a text file and an encrypted PDF in the working folder."""
    pdf = make_pdf(
        [["Exports of machinery rose 4 percent in 2025, the trade office said on Monday."]],
        title="Export figures 2025",
        author="Office of Trade Statistics",
    )
    files = {
        "page": ("bridge.html", page("harbour-bridge.html")),
        "pdf": ("release.pdf", pdf),
        "text": ("note.txt", b"The council spent 48 million euros on the bridge in 2025.\n"),
        "locked": ("locked.pdf", encrypt_pdf(pdf, user_password="s3cret")),
    }
    for name, data in files.values():
        (tmp_path / name).write_bytes(data)
    return {key: name for key, (name, _) in files.items()}


@pytest.fixture
def server() -> Iterator[ArticleServer]:
    with serve(
        {
            "/meals": Route(body=page("school-meals.html")),
            "/photo": Route(body=b"\x89PNG", content_type="image/png"),
        }
    ) as running:
        yield running


def stored_documents(tmp_path: Path) -> list:
    with Store(tmp_path / "claims.db") as store:
        return [summary.document for summary in store.list_documents()]


def test_add_several_kinds_prints_what_each_kept(runner, inputs, tmp_path):
    result = runner.invoke(cli, ["add", inputs["page"], inputs["pdf"], inputs["text"]])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("added document 1: ")
    assert (
        "characters kept (Harbour bridge reopens after two-year repair) from bridge.html"
        in (lines[0])
    )
    assert lines[1].startswith("added document 2: ")
    assert "(Export figures 2025) from release.pdf" in lines[1]
    documents = stored_documents(tmp_path)
    bridge = documents[0]
    assert f"{len(bridge.text):,} characters kept" in lines[0]
    assert (bridge.author, bridge.publisher, bridge.published_at) == (
        "Mira Castellano",
        "The Lantern Gazette",
        "2026-03-14",
    )
    assert bridge.url == "https://lantern-gazette.example/city/harbour-bridge-reopens"
    assert documents[1].author == "Office of Trade Statistics"


def test_claim_offsets_point_into_the_stored_extracted_text(runner, inputs, tmp_path):
    assert runner.invoke(cli, ["add", inputs["page"]]).exit_code == 0
    with Store(tmp_path / "claims.db") as store:
        document = store.get_document(1)
        claims = store.list_claims(document_id=1)
    assert "<p>" not in document.text
    assert claims and all(document.text[c.start : c.end] == c.text for c in claims)


def test_one_failing_input_is_reported_and_the_others_go_in(runner, inputs, tmp_path):
    result = runner.invoke(
        cli, ["add", inputs["page"], inputs["locked"], "missing.html", inputs["text"]]
    )
    assert result.exit_code == 1
    assert "Error: locked.pdf is a password-protected PDF" in result.stderr
    assert "Error: no such file: missing.html" in result.stderr
    assert "Error: 2 of 4 inputs failed; nothing was stored for them" in result.stderr
    assert [d.source for d in stored_documents(tmp_path)] == ["bridge.html", "note.txt"]
    assert "Traceback" not in result.output


def test_a_single_bad_input_is_one_error_line(runner, inputs, tmp_path):
    result = runner.invoke(cli, ["add", inputs["locked"]])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: locked.pdf is a password-protected PDF: save an unprotected copy and add that"
    ]
    assert not (tmp_path / "claims.db").exists() or stored_documents(tmp_path) == []


def test_dry_run_shows_text_and_metadata_and_stores_nothing(runner, inputs, tmp_path):
    result = runner.invoke(cli, ["add", "--dry-run", inputs["page"]])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "author:    Mira Castellano" in out
    assert "publisher: The Lantern Gazette" in out
    assert "published: 2026-03-14" in out
    assert "(dry run: not stored)" in out
    assert "Quay Road by roughly a third" in out and "Accept all cookies" not in out
    assert not (tmp_path / "claims.db").exists()


def test_stdin_is_added(runner, tmp_path):
    result = runner.invoke(cli, ["add", "-"], input="The port handled 4 million containers.\n")
    assert result.exit_code == 0, result.output
    assert "from -" in result.stdout
    assert stored_documents(tmp_path)[0].source == "-"


def test_url_is_added_with_fetch_settings_from_config(runner, server, tmp_path):
    (tmp_path / "config.toml").write_text(
        '[fetch]\nuser_agent = "desk-test/2"\nallow_private_hosts = true\n'
    )
    result = runner.invoke(cli, ["add", server.url("/meals"), server.url("/photo")])
    assert result.exit_code == 1
    assert "is not an article: the server sent image/png" in result.stderr
    assert server.requests[0][1]["User-Agent"] == "desk-test/2"
    (document,) = stored_documents(tmp_path)
    assert document.source == server.url("/meals")
    assert document.published_at == "2026-01-22T06:00:00+00:00"


def test_url_option_sets_source_and_url_of_one_article(runner, inputs, tmp_path):
    result = runner.invoke(cli, ["add", inputs["text"], "--url", "https://news.example/a"])
    assert result.exit_code == 0, result.output
    (document,) = stored_documents(tmp_path)
    assert (document.source, document.url) == ("https://news.example/a", "https://news.example/a")
    refused = runner.invoke(cli, ["add", inputs["text"], inputs["page"], "--title", "Both"])
    assert refused.exit_code == 2
    assert "--title and --url describe one article" in refused.output


def test_adding_the_same_page_twice_is_reported(runner, inputs, tmp_path):
    runner.invoke(cli, ["add", inputs["page"]])
    again = runner.invoke(cli, ["add", inputs["page"]])
    assert again.exit_code == 0
    assert again.stdout.startswith("already added as document 1 (same text): ")
    assert len(stored_documents(tmp_path)) == 1


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_many_inputs_are_each_reported(runner, tmp_path, monkeypatch, terminal):
    # On a terminal a progress bar is drawn and the lines are held back until it ends.
    monkeypatch.setattr("factcheck.cli.claims.is_terminal", lambda stream: terminal)
    names = []
    for number in range(6):
        name = f"note{number}.txt"
        (tmp_path / name).write_text(f"Item {number}: the budget rose {number} percent.\n")
        names.append(name)
    result = runner.invoke(cli, ["add", *names[:3], "missing.txt", *names[3:]])
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        f"added document {n}" for n in range(1, 7)
    ]
    assert "Error: no such file: missing.txt" in result.stderr
    assert ("adding" in result.stderr) is terminal


def test_document_command_shows_metadata_length_and_counts(runner, inputs, tmp_path):
    runner.invoke(cli, ["add", inputs["page"]])
    (document,) = stored_documents(tmp_path)
    text = runner.invoke(cli, ["document", "1"])
    assert text.exit_code == 0, text.output
    assert "author:    Mira Castellano" in text.stdout
    assert f"text:      {len(document.text):,} characters" in text.stdout
    as_json = json.loads(runner.invoke(cli, ["document", "1", "--format", "json"]).stdout)
    assert as_json["publisher"] == "The Lantern Gazette"
    assert as_json["characters"] == len(document.text)
    assert as_json["claims"]["total"] == as_json["claims"]["unverified"] > 0


def test_document_command_unknown_id_is_one_line(runner, inputs):
    runner.invoke(cli, ["add", inputs["text"]])
    result = runner.invoke(cli, ["document", "99"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: no document with id 99"


@pytest.mark.parametrize("command", ["add", "document"])
def test_help_has_an_example(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_list_of_one_document_names_its_provenance_on_stderr(runner, inputs):
    runner.invoke(cli, ["add", inputs["page"]])
    result = runner.invoke(cli, ["list", "--doc", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "document 1: Harbour bridge reopens after two-year repair — Mira Castellano,"
        " The Lantern Gazette, 2026-03-14 <https://lantern-gazette.example/city/"
        "harbour-bridge-reopens>"
    ]
    assert json.loads(result.stdout)  # stdout stays plain JSON
