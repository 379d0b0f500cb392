"""`factcheck add-claim` and `edit-span`: the shell's way to the span edits of review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

TEXT = "# Park history\n\nThe fountain first opened in 2008. It cost $1.2 million.\n"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(autouse=True)
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "park.md").write_text(TEXT, encoding="utf-8")
    assert run("add", "park.md").exit_code == 0


def test_edit_span_keeps_the_claim_and_show_lists_the_earlier_span() -> None:
    claim = json.loads(run("list", "--format", "json").output)[0]
    start = TEXT.index("The fountain")
    edited = run("edit-span", str(claim["id"]), str(start), str(start + 15), "--reviewer", "ana")
    assert edited.exit_code == 0, edited.output
    assert f"edited claim {claim['id']}" in edited.output
    assert "The fountain first\n" in edited.output  # "fir" snapped to the whole word
    shown = run("show", str(claim["id"]))
    assert "span set by ana" in shown.output
    assert "by splitter" in shown.output and claim["text"] in shown.output
    data = json.loads(run("show", str(claim["id"]), "--format", "json").output)
    assert data["text"] == "The fountain first"
    assert [v["set_by"] for v in data["versions"]] == ["splitter", "ana"]


def test_add_claim_makes_a_scored_claim_listed_with_the_others() -> None:
    before = json.loads(run("list", "--format", "json").output)
    start = TEXT.index("It cost")
    added = run("add-claim", "1", str(start), str(start + len("It cost $1.2 million")))
    assert added.exit_code == 0, added.output
    after = json.loads(run("list", "--format", "json").output)
    new = [c for c in after if c["id"] not in {b["id"] for b in before}]
    assert [c["text"] for c in new] == ["It cost $1.2 million"]
    assert new[0]["kind"] == "quantity"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add-claim", "1", "20", "20"), "START must be below END"),
        (("add-claim", "1", "0", "9999"), "document's end"),
        (("add-claim", "7", "0", "5"), "no document with id 7"),
        (("edit-span", "99", "0", "5"), "no claim with id 99"),
        (("add-claim", "1", "0", "2"), "no word"),  # "# " only
    ],
)
def test_bad_offsets_are_one_line_errors(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
