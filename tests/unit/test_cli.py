"""The command line end to end: add, list, show, mark, and every bad input."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.conftest import SAMPLE_ARTICLE


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def _all_commands(group: click.Group, prefix: str = ""):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # lazily loaded commands too
        command = group.get_command(ctx, name)
        assert command is not None
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _all_commands(command, f"{prefix}{name} ")


@pytest.mark.parametrize("name, command", list(_all_commands(cli)))
def test_every_command_has_help_with_an_example(name: str, command: click.Command):
    result = run(*name.split(), "--help")
    assert result.exit_code == 0
    assert command.help and "Example" in command.help, f"{name} --help lacks an example"
    assert "factcheck " in result.output


def test_add_then_list_mark_show_end_to_end():
    added = run("add", str(SAMPLE_ARTICLE))
    assert added.exit_code == 0, added.output
    assert "document 1" in added.output
    assert Path("claims.db").exists()  # created where we stand, on first use

    listed = run("list", "--status=unverified", "--format", "json")
    claims = json.loads(listed.output)
    assert claims and {"id", "document_id", "text", "start", "end", "kind", "score", "status"} <= (
        claims[0].keys()
    )
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    assert all(text[c["start"] : c["end"]] == c["text"] for c in claims)
    first = claims[0]["id"]

    marked = run("mark", "supported", str(first), "--note", "matches CCTV", "--reviewer", "ana")
    assert marked.exit_code == 0, marked.output
    supported = json.loads(run("list", "--status=supported", "--format", "json").output)
    assert [c["id"] for c in supported] == [first]
    unverified = json.loads(run("list", "--status=unverified", "--format", "json").output)
    assert first not in [c["id"] for c in unverified]

    shown = json.loads(run("show", str(first), "--format", "json").output)
    assert shown["status"] == "supported"
    assert [(h["status"], h["note"], h["reviewer"]) for h in shown["history"]] == [
        ("supported", "matches CCTV", "ana")
    ]
    assert claims[0]["text"] in shown["sentence"]


def test_list_table_and_csv_formats():
    run("add", str(SAMPLE_ARTICLE))
    table = run("list", "--limit", "2")
    assert table.exit_code == 0
    assert table.output.splitlines()[0].split()[:5] == ["id", "doc", "status", "kind", "score"]
    assert len(table.output.splitlines()) == 3
    csv_rows = run("list", "--format", "csv").output.splitlines()
    assert csv_rows[0].startswith("text,start,end")


def test_list_min_score_keeps_the_check_worthy_claims():
    run("add", str(SAMPLE_ARTICLE))
    every = json.loads(run("list", "--format", "json").output)
    worthy = json.loads(run("list", "--min-score", "0.5", "--format", "json").output)
    assert worthy == [c for c in every if c["score"] >= 0.5]
    assert 0 < len(worthy) < len(every)
    assert _invoke("list", "--min-score", "2").exit_code == 2


def test_show_text_lists_history():
    run("add", str(SAMPLE_ARTICLE))
    run("mark", "disputed", "1", "--note", "wrong year", "--reviewer", "ben")
    shown = run("show", "1")
    assert shown.exit_code == 0
    assert "disputed" in shown.output and "by ben — wrong year" in shown.output


def test_mark_several_claims_at_once_uses_the_configured_reviewer(tmp_path: Path):
    (tmp_path / "config.toml").write_text('[review]\nreviewer = "desk editor"\n')
    run("add", str(SAMPLE_ARTICLE))
    assert run("mark", "disputed", "1", "2").exit_code == 0
    for claim_id in ("1", "2"):
        history = json.loads(run("show", claim_id, "--format", "json").output)["history"]
        assert [h["reviewer"] for h in history] == ["desk editor"]


def test_adding_the_same_article_twice_is_reported():
    run("add", str(SAMPLE_ARTICLE))
    count = len(json.loads(run("list", "--format", "json").output))
    again = run("add", str(SAMPLE_ARTICLE))
    assert again.exit_code == 0
    assert "already" in again.output
    assert len(json.loads(run("list", "--format", "json").output)) == count
    documents = run("documents").output.splitlines()
    assert len(documents) == 2  # header + one document


def test_add_from_stdin():
    result = run("add", "-", input="Seoul said exports rose 12% in May.\n")
    assert result.exit_code == 0, result.output
    claims = json.loads(run("list", "--format", "json").output)
    assert claims and "12%" in " ".join(c["text"] for c in claims)


def test_non_utf8_file_is_read_as_cp1252_with_a_warning(tmp_path: Path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Café owners said prices rose “sharply” in 2024.".encode("cp1252"))
    result = CliRunner().invoke(cli, ["add", str(legacy)])
    assert result.exit_code == 0
    assert "not valid UTF-8" in result.stderr
    claims = json.loads(run("list", "--format", "json").output)
    assert "Café owners" in " ".join(c["text"] for c in claims)


def test_split_prints_claims_without_storing():
    result = run("split", str(SAMPLE_ARTICLE), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)
    assert not Path("claims.db").exists()


# -- bad input: one line, exit 1 (or click's 2 for usage), nothing changed -------------------


def _error(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def _bad_file(folder: Path, kind: str) -> Path:
    folder.mkdir(exist_ok=True)
    if kind == "missing":
        return folder / "missing.txt"
    if kind == "directory":
        return folder
    path = folder / f"{kind}.txt"
    contents = {"empty": b"", "whitespace": b"  \n\t\n", "binary": b"\x89PNG\r\n\x1a\n\x00\x00"}
    path.write_bytes(contents[kind])
    return path


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("missing", "no such file"),
        ("empty", "is empty"),
        ("whitespace", "is empty"),
        ("binary", "binary"),
        ("directory", "directory"),
    ],
)
def test_bad_article_files(tmp_path: Path, kind: str, expected: str):
    line = _error(_invoke("add", str(_bad_file(tmp_path / "in", kind))))
    assert expected in line
    assert json.loads(run("list", "--format", "json").stdout) == []


def test_one_bad_file_among_good_ones_is_reported_and_the_others_go_in(tmp_path: Path):
    result = _invoke("add", str(tmp_path / "missing.txt"), str(SAMPLE_ARTICLE))
    assert result.exit_code == 1
    assert "no such file" in result.stderr and "1 of 2 inputs failed" in result.stderr
    stored = json.loads(run("list", "--format", "json").output)
    assert {c["document_id"] for c in stored} == {1}


@pytest.mark.parametrize("claim_id", ["99", "0"])
def test_unknown_claim_id(claim_id: str):
    run("add", str(SAMPLE_ARTICLE))
    assert "no claim with id" in _error(_invoke("show", claim_id))
    assert "no claim with id" in _error(_invoke("mark", "supported", "1", claim_id))
    assert json.loads(run("show", "1", "--format", "json").output)["history"] == []


@pytest.mark.parametrize(
    "args",
    [
        ["show", "abc"],
        ["mark", "maybe", "1"],
        ["list", "--status", "maybe"],
        ["list", "--format", "xml"],
        ["mark", "supported", "one"],
    ],
)
def test_usage_errors_exit_2_without_traceback(args: list[str]):
    result = _invoke(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "Error:" in result.stderr


def test_unknown_document_id():
    run("add", str(SAMPLE_ARTICLE))
    assert "no document with id 7" in _error(_invoke("list", "--doc", "7"))


def test_broken_config_toml(tmp_path: Path):
    (tmp_path / "config.toml").write_text("[store]\npth = 'x.db'\n")
    line = _error(_invoke("list"))
    assert "config.toml:2" in line and "did you mean 'path'" in line


def test_a_database_that_is_not_sqlite_is_never_overwritten(tmp_path: Path):
    precious = tmp_path / "thesis.docx"
    precious.write_bytes(b"PK\x03\x04 precious" * 50)
    before = precious.read_bytes()
    assert "not a SQLite database" in _error(
        _invoke("--db", str(precious), "add", str(SAMPLE_ARTICLE))
    )
    assert precious.read_bytes() == before


def test_db_that_is_a_directory(tmp_path: Path):
    assert "is a directory" in _error(_invoke("--db", str(tmp_path), "list"))


def test_db_env_and_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "env.db"))
    run("add", str(SAMPLE_ARTICLE))
    assert (tmp_path / "env.db").exists()
    run("--db", str(tmp_path / "flag.db"), "add", "-", input="Exports rose 5% in 2024.")
    assert (tmp_path / "flag.db").exists()
    assert not Path("claims.db").exists()


def test_locked_database_is_a_clear_error(tmp_path: Path):
    (tmp_path / "config.toml").write_text("[store]\ntimeout = 0.2\n")
    run("add", str(SAMPLE_ARTICLE))
    holder = sqlite3.connect("claims.db")
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert "locked" in _error(_invoke("mark", "supported", "1"))
    finally:
        holder.rollback()
        holder.close()
    assert json.loads(run("show", "1", "--format", "json").output)["history"] == []


def test_title_skips_a_cut_off_breadcrumb_line():
    run("add", str(SAMPLE_ARTICLE))
    listed = run("documents").output
    assert "Chinese President Xi Calls For Mutual Respect And Right Direction In Talk With" in (
        listed
    )
    assert "Home China" not in listed
