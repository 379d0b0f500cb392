"""Issue 12 item 3: no control character from untrusted text reaches the terminal.

Every command is run on a database and files full of escape sequences (OSC window
title and clipboard, clear screen, C1 CSI, BEL, backspace, DEL, bidi overrides), with
colour kept on as on a real terminal, and its stdout and stderr must hold none of them
except our own bold/underline/red styles. The stored text keeps them as they were.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.store import Store
from factcheck.untrusted.terminal_text import printable

HOSTILE = "\x1b]0;owned\x07\x1b]52;c;ZXZpbA==\x1b\\\x1b[2J\x9b2J\x08\x7f\u202eevil\u202c\r\x0b"
CLI_DIR = Path(__file__).resolve().parents[3] / "factcheck" / "cli"
_OUR_STYLES = re.compile(r"\x1b\[(?:0|1|4|31)m")  # what click.style emits for our emphasis
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

ARTICLE = (
    f"Trade minister {HOSTILE} said exports rose 4 percent in 2025 to 12 billion euros.\n\n"
    f"The port {HOSTILE} handled 4 million containers in 2024, the authority said.\n"
)


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", "claims.db", *args], input=stdin, color=True)


def assert_clean(result: Result) -> None:
    for stream in (result.stdout, result.stderr):
        leftover = _FORBIDDEN.findall(_OUR_STYLES.sub("", stream))
        assert not leftover, (leftover, stream)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


@pytest.fixture
def hostile_desk(tmp_path: Path) -> Path:
    """A database whose document, claims, verdict and evidence all carry escape codes."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    added = run(
        "add", str(article), "--title", f"Title {HOSTILE}", "--url", f"https://x.example/{HOSTILE}"
    )
    assert added.exit_code == 0, added.output
    assert_clean(added)
    library = tmp_path / "library.jsonl"
    library.write_text(
        json.dumps(
            {
                "id": "1",
                "title": f"Ref {HOSTILE}",
                "text": f"Exports rose 4 percent in 2025 {HOSTILE}.",
                "url": f"https://ref.example/{HOSTILE}",
            }
        )
        + "\n"
    )
    assert_clean(run("refs", "add", str(library)))
    assert_clean(run("match", "1", "--offline", "--source", "local"))
    assert_clean(
        run("mark", "disputed", "1", "--note", f"note {HOSTILE}", "--reviewer", f"rev {HOSTILE}")
    )
    return article


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--format", "json"],
        ["list", "--format", "csv"],
        ["list", "--doc", "1"],
        ["show", "1"],
        ["show", "1", "--format", "json"],
        ["documents"],
        ["document", "1"],
        ["document", "1", "--format", "json"],
        ["refs", "list"],
        ["search", "exports rose 4 percent", "--offline"],
        ["search", "exports rose 4 percent", "--offline", "--format", "json"],
        ["export"],
        ["export", "--format", "csv"],
        ["export", "--format", "html"],
        ["export", "--format", "json"],
        ["export", "--format", "claimreview"],
    ],
)
def test_commands_show_hostile_data_without_control_characters(hostile_desk: Path, args: list[str]):
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert_clean(result)
    # the hostile text is shown, made visible, not dropped (refs list shows only paths)
    assert args == ["refs", "list"] or any(
        mark in result.stdout for mark in ("␛", "\\x9b", "\\u009b", "\\u202e")
    )


def test_stored_text_keeps_its_control_characters(hostile_desk: Path):
    with Store("claims.db") as store:
        document = store.get_document(1)
    assert HOSTILE in document.text and document.title == f"Title {HOSTILE}"


def test_json_output_parses_back_to_the_stored_text(hostile_desk: Path):
    data = json.loads(run("document", "1", "--format", "json").stdout)
    assert data["title"] == f"Title {HOSTILE}"


def test_split_add_dry_run_and_stdin_are_clean(hostile_desk: Path):
    for args, stdin in (
        (["split", str(hostile_desk)], None),
        (["split", "-", "--format", "json"], ARTICLE),
        (["add", "--dry-run", str(hostile_desk)], None),
        (["add", "-", "--title", HOSTILE], ARTICLE + "More text.\n"),
    ):
        result = run(*args, stdin=stdin)
        assert result.exit_code == 0, result.output
        assert_clean(result)


@pytest.mark.parametrize(
    "args",
    [
        ["add", f"missing-{HOSTILE}.txt"],
        ["add", f"missing-{HOSTILE}.txt", "also-missing.txt"],
        ["add", f"file-{HOSTILE}.exe"],
        ["import", f"report-{HOSTILE}.json"],
        ["refs", "add", f"ref-{HOSTILE}.md"],
        ["show", f"1{HOSTILE}"],
        ["list", f"--bogus{HOSTILE}"],
        [f"nocommand{HOSTILE}"],
        ["--config", f"missing-{HOSTILE}.toml", "list"],
    ],
)
def test_error_messages_are_clean(tmp_path: Path, args: list[str]):
    (tmp_path / f"file-{HOSTILE}.exe").write_text("x")
    result = run(*args)
    assert result.exit_code != 0
    assert_clean(result)


def test_printable_shows_every_control_character_but_newline_and_tab():
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x202E, 0x2066, 0x200F, 0x061C, 0x2028]:
        char = chr(code)
        shown = printable(f"a{char}b")
        if char in "\n\t":
            assert shown == f"a{char}b"
        else:
            assert char not in shown and shown.startswith("a") and shown.endswith("b")
    assert printable("line\r\nnext") == "line\nnext"
    assert printable("\x1b]0;x\x07") == "␛]0;x␇"
    assert printable("\ud800") == "\ufffd"


def test_cli_modules_print_only_through_the_sanitising_echo():
    """A direct click.echo/secho/print would bypass `printable`: only output.py may."""
    offenders = []
    for path in sorted(CLI_DIR.glob("*.py")):
        if path.name == "output.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(
                r"\bclick\.(echo|secho|style)\(|(?<![.\w])print\(|sys\.std(out|err)\.write", line
            ):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert not offenders, offenders


def test_library_warnings_are_printed_printable(capsys: pytest.CaptureFixture[str]):
    import logging

    assert run("documents").exit_code == 0  # any command installs the filter
    # what Python does with a library warning when nothing configured logging
    # (pytest configures it, so the record is handed to the fallback handler directly)
    record = logging.LogRecord(
        "trafilatura", logging.WARNING, __file__, 1, "page says %s", (HOSTILE,), None
    )
    assert logging.lastResort is not None
    logging.lastResort.handle(record)
    err = capsys.readouterr().err
    assert "page says" in err and not _FORBIDDEN.search(err)
