"""The review rules without a terminal: which document opens, verdicts, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.desk.session import (
    ReviewSession,
    documents_to_review,
    progress_line,
    resolve_review_target,
)
from factcheck.errors import InputError, NotFoundError
from factcheck.models import Claim, Status
from factcheck.store import Store

TEXT = "Prices rose 4% in 2023. Rents fell. Wages rose 2%."


def _add(store: Store, text: str = TEXT) -> int:
    claims = [Claim("Prices rose 4% in 2023.", 0, 23, 0, 23), Claim("Rents fell.", 24, 35, 24, 35)]
    if text != TEXT:
        claims = [Claim(text, 0, len(text), 0, len(text))]
    return store.add_document(text, title="t", source="-", claims=claims).document.id


def test_decide_commits_and_undo_withdraws_it(store):
    session = ReviewSession(store, _add(store), reviewer="ana")
    (theirs,) = store.mark([1], Status.DISPUTED, reviewer="bo")
    decision = session.decide(1, Status.SUPPORTED, note="readout")
    assert store.get_claim(1).status == Status.SUPPORTED
    undone = session.undo()
    assert undone.decision == decision and undone.in_force == theirs
    assert store.get_claim(1).status == Status.DISPUTED
    last = store.history(1)[-1]
    assert (last.reviewer, last.undoes, last.note) == ("ana", decision.verdict.id, None)
    assert session.undo() is None


def test_progress_line_counts_decided_claims(store):
    session = ReviewSession(store, _add(store), reviewer="ana")
    session.decide(2, Status.DISPUTED)
    assert progress_line(session.progress()) == (
        "reviewed 1 of 2 · 0 supported · 1 disputed · 0 unverified · 1 left"
    )


def test_target_file_is_added_once(store, tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Exports grew 5% in 2024.\n", encoding="utf-8")
    first = resolve_review_target(store, str(article))
    assert resolve_review_target(store, str(article)) == first
    assert len(store.list_documents()) == 1


def test_target_id_and_errors(store):
    doc = _add(store)
    assert resolve_review_target(store, str(doc)) == doc
    with pytest.raises(NotFoundError):
        resolve_review_target(store, "99")
    with pytest.raises(InputError, match="neither a document id, a file nor a URL"):
        resolve_review_target(store, "nope.txt")


def test_no_target_picks_the_only_open_document_or_asks(store):
    with pytest.raises(NotFoundError, match="no documents yet"):
        resolve_review_target(store, None)
    first = _add(store)
    assert resolve_review_target(store, None) == first
    second = _add(store, "Unemployment fell to 3%.")
    assert resolve_review_target(store, None) is None  # several: the picker decides
    assert [s.document.id for s in documents_to_review(store)] == [first, second]
    store.mark([1, 2, 3], Status.SUPPORTED, reviewer="ana")
    assert resolve_review_target(store, None) == second  # none open: the newest


def test_review_command_reports_a_bad_target_in_one_line(tmp_path: Path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "review", "missing.txt"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "Error: 'missing.txt' is neither a document id, a file nor a URL"
    )
    assert len(result.stderr.splitlines()) == 2  # after the notice that c.db is new


def test_review_command_reports_a_bad_keymap(tmp_path: Path):
    (tmp_path / "config.toml").write_text('[keymap]\nmark_suported = "x"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Exports grew 5% in 2024.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", str(article)])
    assert result.exit_code == 1
    assert "unknown binding id 'mark_suported' in [keymap] (did you mean 'mark_supported'?)" in (
        result.output
    )


def test_review_help_has_an_example():
    result = CliRunner().invoke(cli, ["review", "--help"])
    assert "Example:" in result.output and "factcheck review seeds/xi-lee-call.txt" in result.output


def test_keymap_values_must_be_strings(tmp_path: Path):
    from factcheck.config import load_config
    from factcheck.errors import ConfigError

    path = tmp_path / "config.toml"
    path.write_text("[keymap]\nquit = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"config.toml:2: \[keymap\] quit must be a string"):
        load_config(path)
    path.write_text('[keymap]\nquit = "ctrl+q"\n', encoding="utf-8")
    assert load_config(path).keymap == {"quit": "ctrl+q"}
