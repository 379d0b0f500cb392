"""Issue 12 items 16-19, 22 and the main() net: hostile paths, ids, bytes and JSON end
in one line and exit 1, never a traceback. These run the real entry point
(`python -m factcheck`) in a subprocess where a traceback would show."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.conftest import SAMPLE_ARTICLE


def factcheck(*args: str | bytes, cwd: Path, prefix: tuple[str, ...] = (), stdout=None):
    return subprocess.run(
        [*prefix, sys.executable, "-m", "factcheck", *args],
        capture_output=stdout is None,
        stdout=stdout,
        stderr=subprocess.PIPE if stdout is not None else None,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def without_new_database_notice(err: str) -> list[str]:
    """stderr's lines but the notice of a database created on first use (`--db` new)."""
    return [line for line in err.splitlines() if not line.startswith("created a new database ")]


def assert_one_line_error(result: subprocess.CompletedProcess, *needles: str) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, (result.returncode, err)
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert err.startswith("Error: ")
    for needle in needles:
        assert needle in err, err
    return err


# -- 16: a path inside a folder we may not enter ---------------------------------------


DROP_ROOTS_OVERRIDE = (
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search",
    "--inh-caps=-dac_override,-dac_read_search",
)
"""Run a command as root without the capabilities that let root ignore permission
bits, so a mode-000 folder stops it as it stops any user."""


@pytest.fixture
def unreadable(tmp_path: Path) -> Iterator[tuple[Path, tuple[str, ...]]]:
    """(a work folder, a command prefix): `work/locked` cannot be entered."""
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root without setpriv: permission bits cannot be tested")
        prefix = DROP_ROOTS_OVERRIDE
    locked = tmp_path / "locked"
    locked.mkdir()
    for name in ("a.txt", "a.md", "r.json", "c.json", "config.toml"):
        (locked / name).write_text("text", encoding="utf-8")
    (tmp_path / "good.txt").write_text(SAMPLE_ARTICLE.read_text(encoding="utf-8"))
    locked.chmod(0o000)
    yield tmp_path, prefix
    locked.chmod(0o700)


PERMISSION_CASES = [
    ["add", "locked/a.txt"],
    ["refs", "add", "locked/a.md"],
    ["import", "locked/r.json"],
    ["import-claimreview", "locked/c.json"],
    ["export", "-o", "locked/out.md"],
    ["--db", "locked/claims.db", "documents"],
    ["--config", "locked/config.toml", "documents"],
    ["add", "locked/a.txt", "good.txt"],
]

_RUN_CASES = """
import json, sys
from click.testing import CliRunner
from factcheck.cli import cli
out = []
for args in json.loads(sys.argv[1]):
    r = CliRunner().invoke(cli, ["--db", "claims.db", *args])
    out.append([r.exit_code, r.stdout, r.stderr, repr(r.exception)])
print(json.dumps(out))
"""


def test_permission_denied_is_one_line_everywhere(unreadable):
    root, prefix = unreadable
    result = subprocess.run(
        [*prefix, sys.executable, "-c", _RUN_CASES, json.dumps(PERMISSION_CASES)],
        capture_output=True,
        cwd=root,
        timeout=120,
        check=True,
    )
    outcomes = json.loads(result.stdout)
    for args, (code, out, err, exception) in zip(PERMISSION_CASES, outcomes, strict=True):
        assert code == 1, (args, err, exception)
        assert exception == "SystemExit(1)", (args, exception)
        assert "ermission denied" in err, (args, err)
        if args[-1] == "good.txt":  # one unreadable input does not stop the others
            assert "added document 1" in out
        else:  # one line of error, after the notice of a database created on first use
            assert len(without_new_database_notice(err)) == 1, (args, err)


# -- 17: ids beyond SQLite's range ------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("mark", "supported", "99999999999999999999"),
        ("mark", "supported", "1", "--evidence", "99999999999999999999"),
        ("show", "99999999999999999999"),
        ("document", "99999999999999999999"),
        ("list", "--doc", "99999999999999999999"),
        ("export", "--doc", "99999999999999999999"),
        ("match", "99999999999999999999"),
        ("match", "--doc", "9223372036854775808"),
        ("show", "1" * 5000),
        ("assign", "99999999999999999999", "--to", "ana"),
        ("review", "9" * 30),
        ("serve", "9" * 30),
    ],
)
def test_ids_beyond_sqlite_are_a_usage_error(tmp_path, args):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), *args])
    assert result.exit_code == 2, result.output
    assert "out of range" in result.stderr or "is not an id" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_review_target_beyond_sqlite_is_one_line(tmp_path):
    CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "add", str(SAMPLE_ARTICLE)])
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "review", "9" * 30])
    assert result.exit_code == 2
    assert "is not an id" in result.stderr or "out of range" in result.stderr


def test_a_file_named_with_digits_is_still_a_review_target(tmp_path, monkeypatch):
    from factcheck.cli.params import DOCUMENT_OR_FILE

    monkeypatch.chdir(tmp_path)
    (tmp_path / ("9" * 30)).write_text("a file, not an id", encoding="utf-8")
    assert DOCUMENT_OR_FILE.convert("9" * 30, None, None) == "9" * 30
    assert DOCUMENT_OR_FILE.convert("12", None, None) == "12"


# -- 18: bytes that are not UTF-8 in arguments, lone surrogates in inputs -------------------


def run(*args: str):
    return CliRunner().invoke(cli, ["--db", "c.db", *args])


def test_non_utf8_arguments_are_one_line_errors(tmp_path):
    # Bytes that are not UTF-8 in argv reach Python as lone surrogates (\udcff).
    assert run("add", str(SAMPLE_ARTICLE)).exit_code == 0
    for args in (
        ["mark", "disputed", "1", "--note", "\udcff"],
        ["mark", "disputed", "1", "--reviewer", "\udcfe\udcff"],
        ["add", str(SAMPLE_ARTICLE), "--title", "T\udcff"],
        ["add", str(SAMPLE_ARTICLE), "--url", "http://x/\udcff"],
        ["search", "\udcff\udcfe"],
        ["assign", "1", "--to", "an\udcff"],
        ["status", "--assigned", "\udcff"],
        ["documents", "--assigned", "\udcff"],
        ["review", "1", "--reviewer", "\udcff"],
    ):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "not valid UTF-8" in result.stderr


def test_file_name_that_is_not_utf8_is_added_with_a_readable_source(tmp_path):
    name = os.fsdecode(b"caf\xe9-\xff.txt")
    (tmp_path / name).write_text(SAMPLE_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("add", name)
    assert result.exit_code == 0, result.output
    assert "added document 1" in result.stdout
    listed = run("document", "1", "--format", "json")
    assert json.loads(listed.stdout)["source"] == "caf\ufffd-\ufffd.txt"
    missing = run("add", os.fsdecode(b"nope-\xff.txt"))
    assert missing.exit_code == 1 and "no such file" in missing.stderr


def test_surrogates_in_jsonl_references_and_claimreview_are_stored_replaced(tmp_path):
    jsonl = tmp_path / "refs.jsonl"
    jsonl.write_text('{"id": "r1", "title": "T \\ud800", "text": "GDP grew \\udcff 3%"}\n')
    reviews = tmp_path / "reviews.json"
    reviews.write_text(
        json.dumps(
            {
                "@type": "ClaimReview",
                "claimReviewed": "Crime fell \ud800 40%",
                "url": "https://example.org/check",
                "reviewRating": {"alternateName": "False"},
            }
        )
    )
    for args in (("refs", "add", str(jsonl)), ("import-claimreview", str(reviews))):
        result = run(*args)
        assert result.exit_code == 0, result.output
    searched = run("search", "GDP grew", "--format", "json")
    assert "\ufffd" in json.loads(searched.stdout)[0]["passage"]


# -- 19: deeply nested JSON everywhere ----------------------------------------------------


def test_deep_json_is_one_line_in_import_claimreview_and_jsonl(tmp_path):
    deep = "[" * 100000
    (tmp_path / "deep.json").write_text(deep)
    (tmp_path / "deep.jsonl").write_text(deep + "\n")
    (tmp_path / "nested.json").write_text('{"@graph": ' * 500 + "1" + "}" * 500)
    for args in (
        ("import", "deep.json"),
        ("import-claimreview", "deep.json"),
        ("import-claimreview", "nested.json"),
        ("refs", "add", "deep.jsonl"),
    ):
        result = run(*args)
        assert result.exit_code == 1, (args, result.output)
        errors = without_new_database_notice(result.stderr)
        assert len(errors) == 1 and "nested" in errors[0]


def test_deep_json_ld_in_a_page_does_not_stop_a_multi_input_add(tmp_path):
    body = "<p>" + "The minister said unemployment fell to 4 percent in 2024. " * 20 + "</p>"
    page = (
        "<html><head><title>Jobs</title><script type='application/ld+json'>"
        + "[" * 100000
        + "</script><script type='application/ld+json'>"
        + '{"@graph": ' * 300
        + "{}"
        + "}" * 300
        + f"</script></head><body><article>{body}</article></body></html>"
    )
    (tmp_path / "deep.html").write_text(page)
    result = run("add", "deep.html", str(SAMPLE_ARTICLE))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("added document") == 2


# -- 22: full disk on stdout, the catch-all -------------------------------------------------


def test_export_to_a_full_disk_is_one_line(tmp_path):
    db = str(tmp_path / "c.db")
    assert run("add", str(SAMPLE_ARTICLE)).exit_code == 0
    with open("/dev/full", "wb") as full:
        result = factcheck("--db", db, "export", "--format", "json", cwd=tmp_path, stdout=full)
    assert_one_line_error(result, "No space left on device")


def test_an_unexpected_exception_is_one_line_with_a_hint(tmp_path):
    code = (
        "import factcheck.cli as c\n"
        "import factcheck.claims.splitter as splitter\n"
        "def boom(*a, **k):\n"
        "    raise KeyError('surprise')\n"
        "splitter.split_claim_groups = boom  # `split` calls it (through ingest) when it runs\n"
        "import sys; sys.argv = ['factcheck', 'split', sys.argv[1]]\n"
        "c.main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLE_ARTICLE)],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    err = assert_one_line_error(result, "unexpected KeyError", "report")
    assert "surprise" in err
