"""One way in: `ingest.add_article` splits and stores; the store only stores what it is
given; `add`, `add --dry-run` and `split` find the same claims through one split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import factcheck
import factcheck.claims.splitter
from factcheck.cli import cli
from factcheck.ingest import Article, add_article, article_claims
from factcheck.store import Store

REPEATED = (
    "The council spent 48 million euros on the bridge in 2025.\n\n"
    "Traffic on Quay Road fell by a third after the bridge opened in May.\n\n"
    "The council spent 48 million euros on the bridge in 2025.\n"
)
"""Three claims, the third a repeat of the first: stored as a group, shown once."""


def test_add_article_stores_the_split_claims_with_repeats_as_a_group(store: Store) -> None:
    result = add_article(store, Article(REPEATED, title="Bridge", source="bridge.txt"))
    assert result.created and result.claim_count == 2
    stored = store.list_claims(document_id=result.document.id, include_hidden=True)
    assert [(c.text, c.start) for c in stored] == [
        (c.text, c.start) for c in article_claims(Article(REPEATED, source="-", title="t")).claims
    ]
    first, _, repeat = stored
    assert repeat.duplicate_of == first.id and first.duplicate_of is None
    assert all(REPEATED[c.start : c.end] == c.text for c in stored)


def test_an_article_stored_before_is_not_split_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = Article(REPEATED, title="Bridge", source="bridge.txt")
    first = add_article(store, article)

    def no_split(*args: object, **kwargs: object) -> None:
        raise AssertionError("a stored text is split again")

    monkeypatch.setattr(factcheck.claims.splitter, "split_claim_groups", no_split)
    again = add_article(store, Article(REPEATED, title="Other", source="copy.txt"))
    assert not again.created
    assert (again.document.id, again.claim_count) == (first.document.id, 2)
    assert again.document.title == "Bridge"


def test_the_store_stores_the_claims_it_is_given_and_splits_nothing(store: Store) -> None:
    with pytest.raises(TypeError):
        store.add_document(REPEATED, title="t", source="-")  # type: ignore[call-arg]
    result = store.add_document(REPEATED, title="t", source="-", claims=[])
    assert result.created and result.claim_count == 0
    assert store.list_claims(document_id=result.document.id, include_hidden=True) == []


def test_the_python_api_adds_articles_the_same_way() -> None:
    assert factcheck.add_article is add_article
    assert factcheck.Article is Article
    assert {"Article", "add_article"} <= set(factcheck.__all__)


def test_add_dry_run_split_and_add_count_the_same_claims(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text(REPEATED, encoding="utf-8")
    runner = CliRunner()
    split = runner.invoke(cli, ["split", "bridge.txt", "--format", "json"])
    assert split.exit_code == 0, split.output
    assert [c["text"] for c in json.loads(split.stdout)] == [
        "The council spent 48 million euros on the bridge in 2025",
        "Traffic on Quay Road fell by a third after the bridge opened in May",
    ]
    dry_run = runner.invoke(cli, ["add", "--dry-run", "bridge.txt"])
    assert dry_run.exit_code == 0, dry_run.output
    assert "2 (dry run: not stored)" in dry_run.stdout
    added = runner.invoke(cli, ["add", "bridge.txt"])
    assert added.exit_code == 0, added.output
    assert added.stdout.startswith("added document 1: 2 claims,")
    with Store(tmp_path / "claims.db") as store:
        assert len(store.list_claims(document_id=1, include_hidden=True)) == 3
