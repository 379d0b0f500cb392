"""The evidence commands end to end through click's CliRunner (no network)."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.config import Config
from factcheck.errors import ConfigError
from factcheck.evidence.source_factory import make_sources
from factcheck.models import Claim
from factcheck.store import Store

CLAIM = "South Korea became Asia's fourth-largest economy in 2017."


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, ["--db", "claims.db", *args], catch_exceptions=False)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "korea.md"
    path.write_text(
        "# Economy of South Korea\n\n"
        "South Korea is the fourth-largest economy in Asia. It overtook Russia in 2016.\n\n"
        "Kimchi is a traditional side dish.\n"
    )
    return path


def add_article() -> int:
    with Store("claims.db") as store:
        claim = Claim(
            text=CLAIM, start=0, end=len(CLAIM), sentence_start=0, sentence_end=len(CLAIM)
        )
        return store.add_document(
            CLAIM, title="Seoul report", source="-", claims=[claim]
        ).document.id


def test_refs_add_list_readd_remove(library: Path) -> None:
    result = run("refs", "add", str(library))
    assert result.exit_code == 0
    assert "added 2 passages from" in result.output
    assert "replaced 2" in run("refs", "add", str(library)).output
    listing = run("refs", "list").output
    assert str(library.resolve()) in listing and "       2  " in listing
    assert "removed 2 passages" in run("refs", "remove", "1").output
    assert "no references yet" in run("refs", "list").output


def test_bad_reference_file_is_one_line_error_and_nothing_added(
    tmp_path: Path, library: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "fine"}\nnot json\n')
    result = CliRunner().invoke(cli, ["--db", "claims.db", "refs", "add", str(library), str(bad)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: ")
    assert "bad.jsonl:2: not valid JSON" in result.output
    assert "Traceback" not in result.output
    assert "no references yet" in run("refs", "list").output  # the good file was not added either


def test_match_show_and_mark_with_evidence(library: Path) -> None:
    run("refs", "add", str(library))
    document_id = add_article()
    result = run("match", "--doc", str(document_id), "--source", "local")
    assert result.exit_code == 0
    assert "claim 1: 2 suggestions" in result.output
    assert "1 possible contradiction" in result.output  # 2017 vs 2016
    shown = json.loads(run("show", "1", "--format", "json").output)
    best = shown["evidence"][0]
    assert best["title"] == "Economy of South Korea"
    assert best["source"] == "reference"
    assert "claim: 2017; passage: 2016" in best["contradictions"]
    assert best["span"] and best["id"]
    text = run("show", "1").output
    assert "possible contradiction: claim: 2017; passage: 2016" in text
    marked = run("mark", "disputed", "1", "--evidence", str(best["id"]))
    assert marked.exit_code == 0
    history = json.loads(run("show", "1", "--format", "json").output)["history"]
    assert history[-1]["evidence_id"] == best["id"]
    assert "disputed    by " in run("show", "1").output
    assert f"(cites evidence [{best['id']}])" in run("show", "1").output
    missing = CliRunner().invoke(
        cli, ["--db", "claims.db", "mark", "supported", "1", "--evidence", "999"]
    )
    assert missing.exit_code == 1 and "no evidence with id 999" in missing.output


def test_match_needs_claims_or_a_document() -> None:
    result = CliRunner().invoke(cli, ["--db", "claims.db", "match"])
    assert result.exit_code == 2 and "give claim ids or --doc ID" in result.output


def test_search_json_and_table(library: Path) -> None:
    run("refs", "add", str(library))
    data = json.loads(run("search", "fourth-largest economy in Asia", "--format", "json").output)
    assert data[0]["title"] == "Economy of South Korea"
    assert set(data[0]) >= {"reference_id", "title", "passage", "score", "source", "url", "span"}
    table = run("search", "kimchi side dish", "--limit", "1").output
    assert table.startswith("1. ") and "Kimchi" in table


def test_import_claimreview_csv(tmp_path: Path) -> None:
    path = tmp_path / "fc.csv"
    path.write_text(
        "claimReview_claimReviewed,claimReview_url,rating_alternateName,claimReview_author_name\n"
        f'"{CLAIM}",https://fc.example/1,False,AFP\n'
    )
    assert "imported 1 fact-check from" in run("import-claimreview", str(path)).output
    assert "(1 updated)" in run("import-claimreview", str(path)).output
    found = json.loads(run("search", CLAIM, "--source", "prior", "--format", "json").output)
    assert found[0]["source"] == "factcheck" and found[0]["title"] == "AFP: False"
    empty = tmp_path / "empty.json"
    empty.write_text("[]")
    result = CliRunner().invoke(cli, ["--db", "claims.db", "import-claimreview", str(empty)])
    assert result.exit_code == 1 and "no fact-checks with a claim and a URL" in result.output


def test_every_evidence_command_has_help_with_an_example() -> None:
    for args in (
        ["refs"],
        ["refs", "add"],
        ["refs", "list"],
        ["refs", "remove"],
        ["import-claimreview"],
        ["match"],
        ["search"],
    ):
        result = CliRunner().invoke(cli, [*args, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output, args


def test_source_names_and_offline(store: Store) -> None:
    assert [s.name for s in make_sources(store, Config())] == ["local", "prior", "wikipedia"]
    assert [s.name for s in make_sources(store, Config(), offline=True)] == ["local", "prior"]
    assert [s.name for s in make_sources(store, Config(), names=["wikipedia", "local"])] == [
        "local",
        "wikipedia",
    ]
    with pytest.raises(ConfigError, match="unknown evidence source 'web'"):
        make_sources(store, Config(), names=["web"])


def test_repository_config_documents_the_new_keys() -> None:
    from factcheck.config import load_config

    config = load_config(Path(__file__).resolve().parents[2] / "config.toml")
    assert config.prior.min_claim_words == 4
    assert config.prior.suggested_threshold < config.prior.strong_threshold
    assert config.wikipedia.pages == 3 and config.wikipedia.max_retries == 3
