"""An article that does not read as English: the commands that split it say so in one
line on stderr and still do their whole job; the commands that do not split never
run the test. The desk tells `review FILE` and the review screen the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from language_texts import ARABIC, ENGLISH, HAUSA_LIKE

from factcheck.cli import cli
from factcheck.desk.session import ReviewSession, target_document_id
from factcheck.ingest import text_claims
from factcheck.store import Store
from factcheck.text import language

HAUSA_WARNING = (
    "warning: hausa.txt: this article does not read as English (0% common English"
    " words); claims are spotted and scored for English text and may be noise"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def hausa(tmp_path: Path) -> str:
    (tmp_path / "hausa.txt").write_text(HAUSA_LIKE + "\n", encoding="utf-8")
    return "hausa.txt"


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning:")]


def test_add_warns_once_and_stores_every_claim_as_without_the_warning(runner, hausa, tmp_path):
    result = runner.invoke(cli, ["add", hausa])
    assert result.exit_code == 0, result.output
    assert warnings(result.stderr) == [HAUSA_WARNING]
    assert result.stdout.startswith("added document 1: ")
    with Store(tmp_path / "claims.db") as store:
        stored = [(c.text, c.start, c.end, c.kind) for c in store.list_claims(document_id=1)]
    split = text_claims(HAUSA_LIKE + "\n", first_pass=True).claims
    assert stored == [(c.text, c.start, c.end, c.kind) for c in split]
    assert stored  # the splitter still finds its (noisy) claims: nothing is dropped


def test_add_of_english_articles_warns_about_none(runner, tmp_path, sample_text):
    (tmp_path / "seed.txt").write_text(sample_text, encoding="utf-8")
    (tmp_path / "council.txt").write_text(ENGLISH, encoding="utf-8")
    result = runner.invoke(cli, ["add", "seed.txt", "council.txt"])
    assert result.exit_code == 0, result.output
    assert warnings(result.stderr) == []


def test_add_names_each_input_it_warns_about(runner, hausa, tmp_path):
    (tmp_path / "arabic.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "council.txt").write_text(ENGLISH, encoding="utf-8")
    result = runner.invoke(cli, ["add", hausa, "council.txt", "arabic.txt"])
    assert result.exit_code == 0, result.output
    assert warnings(result.stderr) == [
        HAUSA_WARNING,
        "warning: arabic.txt: this article does not read as English (0% common English"
        " words, 0% Latin letters); claims are spotted and scored for English text and may"
        " be noise",
    ]
    assert len(result.stdout.splitlines()) == 3  # all three added


def test_add_dry_run_and_stdin_warn_too(runner, hausa):
    dry = runner.invoke(cli, ["add", hausa, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert warnings(dry.stderr) == [HAUSA_WARNING]
    piped = runner.invoke(cli, ["add", "-"], input=HAUSA_LIKE)
    assert piped.exit_code == 0, piped.output
    assert warnings(piped.stderr) == [HAUSA_WARNING.replace("hausa.txt", "<stdin>")]


def test_split_keeps_its_json_on_stdout_and_warns_on_stderr(runner, hausa):
    result = runner.invoke(cli, ["split", hausa, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert warnings(result.stderr) == [HAUSA_WARNING]
    claims = json.loads(result.stdout)
    shown = text_claims(HAUSA_LIKE + "\n").shown()
    assert [(c["text"], c["score"]) for c in claims] == [(c.text, c.score) for c in shown]


def test_commands_that_do_not_split_never_run_the_test(runner, hausa, monkeypatch):
    assert runner.invoke(cli, ["add", hausa]).exit_code == 0

    def refuse(text: str) -> language.EnglishReading:
        raise AssertionError("the language test ran")

    monkeypatch.setattr(language, "english_reading", refuse)
    for command in (
        ["list"],
        ["show", "1"],
        ["mark", "supported", "1"],
        ["documents"],
        ["document", "1"],
        ["export", "--format", "json"],
    ):
        result = runner.invoke(cli, command)
        assert result.exit_code == 0, (command, result.output)
        assert warnings(result.stderr) == [], command
    assert runner.invoke(cli, ["add", hausa]).exit_code == 1  # `add` does run it


def test_review_of_a_file_hears_the_warning_and_the_session_carries_it(store, hausa):
    heard: list[str] = []
    document_id = target_document_id(store, hausa, warn=heard.append)
    assert heard == [HAUSA_WARNING.removeprefix("warning: ")]
    assert target_document_id(store, str(document_id), warn=heard.append) == document_id
    assert len(heard) == 1  # a document id is not read again
    session = ReviewSession(store, document_id, reviewer="ana")
    assert session.language_warning == HAUSA_WARNING.removeprefix("warning: hausa.txt: ")


def test_the_session_of_the_seed_carries_no_warning(store, sample_text):
    document = store.add_document(sample_text, title="seed", source="seed.txt", claims=[]).document
    assert document.id is not None
    assert ReviewSession(store, document.id, reviewer="ana").language_warning is None


def test_review_and_serve_of_a_file_print_the_warning_before_the_screen(runner, hausa, monkeypatch):
    from factcheck.tui.app import ReviewApp
    from factcheck.web_server import DeskServer

    opened: list[ReviewApp] = []
    monkeypatch.setattr(ReviewApp, "run", lambda self, *args, **kwargs: opened.append(self))
    reviewed = runner.invoke(cli, ["review", hausa, "--reviewer", "ana"])
    assert reviewed.exit_code == 0, reviewed.output
    assert warnings(reviewed.stderr) == [HAUSA_WARNING]
    assert len(opened) == 1  # the screen still opens
    monkeypatch.setattr(DeskServer, "serve", lambda self, debug=False: None)
    served = runner.invoke(cli, ["serve", hausa])
    assert served.exit_code == 0, served.output
    assert warnings(served.stderr) == [HAUSA_WARNING]
    again = runner.invoke(cli, ["review", "1", "--reviewer", "ana"])
    assert again.exit_code == 0, again.output
    assert warnings(again.stderr) == []  # a document id: nothing read, the screen tells
