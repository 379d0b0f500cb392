"""Issue 13 on the command line: repeats listed once with how often they occur,
dismissed claims only on request, undo events in `show`, counts that leave both out."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.models import Status
from factcheck.store import Store
from tests.conftest import SAMPLE_ARTICLE


def run(*args: str):
    return CliRunner().invoke(cli, ["--db", "claims.db", *args], catch_exceptions=False)


@pytest.fixture
def grouped() -> dict[str, int]:
    """The seed added through the CLI: it repeats its lead, so one claim is a repeat."""
    assert run("add", str(SAMPLE_ARTICLE)).exit_code == 0
    with Store("claims.db") as store:
        [repeat] = [c for c in store.list_claims(include_hidden=True) if c.duplicate_of]
        shown = store.list_claims()
        other = next(c for c in shown if c.id != repeat.duplicate_of)
        return {
            "repeat": repeat.id,
            "head": repeat.duplicate_of,
            "other": other.id,
            "shown": len(shown),
        }


def test_list_shows_a_repeated_claim_once_and_says_how_often(grouped) -> None:
    table = run("list").output.splitlines()
    assert len(table) == 1 + grouped["shown"]
    [line] = [row for row in table if row.split()[0] == str(grouped["head"])]
    assert "(×2) In their first phone call" in line
    assert str(grouped["repeat"]) not in [row.split()[0] for row in table]
    listed = json.loads(run("list", "--format", "json").output)
    assert [c["id"] for c in listed].count(grouped["head"]) == 1
    assert set(listed[0]) == {
        "text",
        "start",
        "end",
        "sentence_start",
        "sentence_end",
        "kind",
        "score",
        "id",
        "document_id",
        "status",
        "updated_at",
    }  # the listing's columns are unchanged


def test_marking_a_repeat_marks_its_group_and_show_says_where_it_occurs(grouped) -> None:
    marked = run("mark", "disputed", str(grouped["repeat"]), "--reviewer", "ana")
    assert marked.output == (f"marked disputed: claims {grouped['repeat']}, {grouped['head']}\n")
    shown = run("show", str(grouped["head"])).output
    assert "occurs 2 times in the document: claim" in shown and "a verdict applies to all" in shown
    data = json.loads(run("show", str(grouped["repeat"]), "--format", "json").output)
    assert data["duplicate_of"] == grouped["head"] and data["decided"] is True
    assert sorted(data["occurrences"]) == sorted([grouped["head"], grouped["repeat"]])


def test_dismissed_claims_are_listed_only_on_request_and_counted_apart(grouped) -> None:
    other = str(grouped["other"])
    assert run("mark", "dismissed", other, "--reviewer", "ana").exit_code == 0
    assert other not in [row.split()[0] for row in run("list").output.splitlines()]
    dismissed = run("list", "--status", "dismissed").output.splitlines()
    assert [row.split()[:3] for row in dismissed[1:]] == [[other, "1", "dismissed"]]
    documents = run("documents").output.splitlines()
    assert documents[1].split()[:3] == ["1", str(grouped["shown"] - 1), str(grouped["shown"] - 1)]
    described = run("document", "1").output
    assert "; 1 dismissed as not a claim" in described
    assert "dismissed" not in run("export", "--format", "markdown").output.split("## Summary")[1]
    refused = CliRunner().invoke(cli, ["--db", "claims.db", "export", "--status", "dismissed"])
    assert refused.exit_code == 2 and "'dismissed' is not one of" in refused.output


def test_show_tells_an_undo_from_a_verdict_without_verdict_ids(grouped) -> None:
    other = grouped["other"]
    with Store("claims.db") as store:
        (verdict,) = store.mark([other], Status.SUPPORTED, reviewer="ana", note="wire copy")
        store.undo([verdict.id], reviewer="ana")
    shown = run("show", str(other)).output
    assert "history (no verdict in force: not decided yet):" in shown
    lines = shown.split("history")[1].splitlines()[1:]
    assert lines[0].endswith("supported   by ana — wire copy (undone)")
    assert f"undo        by ana: withdrew the supported verdict of {verdict.created_at}" in lines[1]
    assert "#" not in shown.split("history")[1]
    data = json.loads(run("show", str(other), "--format", "json").output)
    assert data["decided"] is False and data["history"][1]["undoes"] == verdict.id
