"""The stance hint in `show`, `match` and `search` (text and JSON): shown beside each
passage, worked out on display, and never the verdict."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.cli.evidence_format import evidence_lines
from factcheck.cli.output import render
from factcheck.evidence import stance_model
from factcheck.models import Claim, Evidence, SourceKind
from factcheck.store import Store
from tests.unit.stance_fixture import contradicting_when_close

CLAIM = "South Korea became Asia's fourth-largest economy in 2017."
CONTRADICTING = "South Korea is the fourth-largest economy in Asia. It overtook Russia in 2016."
UNRELATED = "Kimchi is a traditional side dish."
THRESHOLD = 0.65
"""Cosine above which the set model below hints "contradicts"."""


@pytest.fixture(autouse=True)
def set_model(monkeypatch: pytest.MonkeyPatch) -> None:
    model = contradicting_when_close(THRESHOLD)
    monkeypatch.setattr(stance_model, "default_stance_model", lambda: model)


def run(*args: str) -> click.testing.Result:
    result = CliRunner().invoke(cli, ["--db", "claims.db", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def matched(tmp_path: Path) -> click.testing.Result:
    """A claim matched against a library with one contradicting and one unrelated passage."""
    library = tmp_path / "korea.md"
    library.write_text(f"# Economy of South Korea\n\n{CONTRADICTING}\n\n{UNRELATED}\n")
    run("refs", "add", str(library))
    with Store("claims.db") as store:
        claim = Claim(CLAIM, 0, len(CLAIM), 0, len(CLAIM))
        store.add_document(CLAIM, title="Seoul report", source="-", claims=[claim])
    return run("match", "1", "--source", "local")


def by_passage(items: list[dict]) -> dict[str, dict]:
    return {item["passage"]: item for item in items}


def test_match_summary_counts_the_passages_hinted_to_contradict(matched) -> None:
    assert "claim 1: 2 suggestions" in matched.output
    assert "hint: 1 may contradict (see `show 1`)" in matched.output


def test_show_json_has_a_stance_hint_per_evidence(matched) -> None:
    evidence = by_passage(json.loads(run("show", "1", "--format", "json").output)["evidence"])
    assert evidence[CONTRADICTING]["stance_hint"] == {
        "stance": "contradicts",
        "reasons": ["claim: 2017; passage: 2016"],
    }
    assert evidence[UNRELATED]["stance_hint"] == {"stance": "neither", "reasons": []}


def test_show_text_prints_a_hint_line_only_for_the_contradicting_passage(matched) -> None:
    lines = run("show", "1").output.splitlines()
    hints = [line.strip() for line in lines if line.strip().startswith("hint:")]
    assert hints == ["hint: contradicts? (claim: 2017; passage: 2016)"]
    # the hint follows its own passage, not the unrelated one
    passage_at = next(i for i, line in enumerate(lines) if "overtook Russia" in line)
    kimchi_at = next(i for i, line in enumerate(lines) if "Kimchi" in line)
    hint_at = next(i for i, line in enumerate(lines) if "hint: contradicts?" in line)
    assert passage_at < hint_at < kimchi_at or kimchi_at < passage_at < hint_at


def test_search_uses_the_search_text_as_the_claim(matched) -> None:
    items = by_passage(json.loads(run("search", CLAIM, "--format", "json").output))
    assert items[CONTRADICTING]["stance_hint"]["stance"] == "contradicts"
    text = run("search", CLAIM).output
    assert "hint: contradicts? (claim: 2017; passage: 2016)" in text
    kimchi = run("search", "kimchi side dish", "--limit", "1").output
    assert "Kimchi" in kimchi and "hint:" not in kimchi.split("Kimchi", 1)[0]


def test_a_hostile_passage_reason_is_printable(tmp_path: Path) -> None:
    library = tmp_path / "bad.md"
    library.write_text(
        "# Bad\n\nSouth Korea became Asia's \x1b[31mfourth-largest economy in 2016.\n"
    )
    run("refs", "add", str(library))
    shown = run("search", CLAIM).output
    assert "hint: contradicts?" in shown
    assert "\x1b[31m" not in shown
    assert "\x1b" not in json.dumps(json.loads(run("search", CLAIM, "--format", "json").output))


def test_the_hint_never_decides_the_verdict(matched) -> None:
    """A passage hinted to contradict does not stop a "supported" verdict, nor set one."""
    before = json.loads(run("show", "1", "--format", "json").output)
    assert before["status"] == "unverified" and before["history"] == []
    contradicting = by_passage(before["evidence"])[CONTRADICTING]
    run("mark", "supported", "1", "--evidence", str(contradicting["id"]))
    after = json.loads(run("show", "1", "--format", "json").output)
    assert after["status"] == "supported"
    assert [v["status"] for v in after["history"]] == ["supported"]
    assert by_passage(after["evidence"])[CONTRADICTING]["stance_hint"]["stance"] == "contradicts"


def test_a_span_ending_in_a_space_keeps_the_words_apart() -> None:
    passage = "South Korea is the fourth-largest economy in Asia."
    item = Evidence(SourceKind.REFERENCE, "Korea", passage, 0.9, span=(0, 45))
    assert passage[44] == " "
    shown = click.unstyle(render(*evidence_lines(item)[1]))
    assert shown.strip() == passage
