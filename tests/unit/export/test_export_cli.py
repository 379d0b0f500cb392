"""`factcheck export` and `factcheck import`: thin commands, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.store import Store


@pytest.fixture
def db(tmp_path: Path, sample_text: str) -> str:
    """A claims.db made through the CLI: the sample article with two verdicts."""
    path = tmp_path / "desk.db"
    article = tmp_path / "article.txt"
    article.write_text(sample_text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(path), "add", str(article)]).exit_code == 0
    with Store(path) as store:
        first, second = (c.id for c in store.list_claims()[:2])
    for args in (["disputed", str(first), "--note", "<b>wrong</b>"], ["supported", str(second)]):
        result = runner.invoke(cli, ["--db", str(path), "mark", *args, "--reviewer", "ana"])
        assert result.exit_code == 0, result.output
    return str(path)


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "csv", "claimreview"])
def test_each_format_goes_to_stdout(db: str, fmt: str):
    result = run("--db", db, "export", "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "markdown":
        assert out.startswith("# Fact-check report") and "## Disputed (1)" in out
    elif fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and "&lt;b&gt;wrong&lt;/b&gt;" in out
    elif fmt == "json":
        assert json.loads(out)["totals"]["disputed"] == 1
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        assert sorted(r["status"] for r in rows if r["reviewer"]) == ["disputed", "supported"]
    else:
        assert len(json.loads(out)) == 2
        assert "warning: [publisher] name is not set" in result.stderr


def test_filters_and_output_file(db: str, tmp_path: Path):
    out = tmp_path / "report.csv"
    result = run("--db", db, "export", "--format", "csv", "--status", "disputed", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "wrote csv report to" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [r["status"] for r in rows] == ["disputed"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report.csv.")]


def test_publisher_from_config_is_the_claimreview_author(db: str, tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text('[publisher]\nname = "Desk Check"\nurl = "https://dc.example"\n')
    result = run("--config", str(config), "--db", db, "export", "--format", "claimreview")
    assert result.exit_code == 0, result.output
    assert {r["author"]["name"] for r in json.loads(result.stdout)} == {"Desk Check"}
    assert "warning" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--doc", "42"], "Error: no document with id 42"),
        (["export", "-o", "missing/dir/r.md"], "Error: folder missing/dir does not exist"),
        (["import", "nowhere.json"], "Error: no such file: nowhere.json"),
    ],
)
def test_errors_are_one_line(db: str, args: list[str], message: str):
    result = run("--db", db, *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.output


def test_import_round_trip_and_twice(db: str, tmp_path: Path):
    report = tmp_path / "report.json"
    assert run("--db", db, "export", "--format", "json", "-o", str(report)).exit_code == 0
    other = str(tmp_path / "other.db")
    first = run("--db", other, "import", str(report))
    assert first.exit_code == 0, first.output
    # the seed repeats its lead: the verdict on it is recorded on both occurrences
    assert "1 new document," in first.stdout and "3 verdicts added" in first.stdout
    second = run("--db", other, "import", str(report))
    assert "0 new documents, 1 already here" in second.stdout
    assert "0 verdicts added, 3 already present" in second.stdout
    a = json.loads(run("--db", db, "export", "--format", "json").stdout)
    b = json.loads(run("--db", other, "export", "--format", "json").stdout)
    assert a["totals"] == b["totals"]
    assert [c["text"] for c in a["documents"][0]["claims"]] == [
        c["text"] for c in b["documents"][0]["claims"]
    ]


def test_import_of_a_bad_file_is_an_error_and_changes_nothing(db: str, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "factcheck-report", "version": 3, "documents": []}')
    before = run("--db", db, "export", "--format", "json").stdout
    result = run("--db", db, "import", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad}: report format version 3 is not supported")
    after = run("--db", db, "export", "--format", "json").stdout
    assert json.loads(after)["documents"] == json.loads(before)["documents"]


def test_commands_have_help_with_an_example():
    for name in ("export", "import"):
        result = run(name, "--help")
        assert result.exit_code == 0 and "Example:" in result.output


def test_output_file_gets_ordinary_permissions(db: str, tmp_path: Path):
    out = tmp_path / "report.html"
    old = os.umask(0o022)
    try:
        assert run("--db", db, "export", "--format", "html", "-o", str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
