"""Published fact-checks read from a saved fact-check page's ClaimReview JSON-LD."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import InputError
from factcheck.ingest.claimreview import read_claimreview_file
from factcheck.store import Store

REVIEW = {
    "@type": "ClaimReview",
    "url": "https://checkers.example/fact-checks/bridge-cost",
    "claimReviewed": "The Harbour Street bridge repair cost 480 million euros",
    "datePublished": "2026-03-20",
    "author": {"@type": "Organization", "name": "Checkers"},
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Poster"}},
}


def fact_check_page(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{block}</script>' for block in blocks)
    return (
        f"<!DOCTYPE html><html><head><title>Fact check</title>{scripts}</head><body>"
        "<article><h1>No, the bridge did not cost 480 million euros</h1>"
        "<p>The council's accounts show 48 million euros.</p></article></body></html>"
    )


def write(name: str, html: str) -> Path:
    path = Path(name)
    path.write_text(html, encoding="utf-8")
    return path


def test_a_fact_check_page_yields_its_claim_review() -> None:
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, REVIEW]}
    page = write("check.html", fact_check_page(json.dumps(graph)))
    reviews = read_claimreview_file(page)
    assert reviews.skipped == 0
    assert reviews.rows == [
        {
            "claim": "The Harbour Street bridge repair cost 480 million euros",
            "url": "https://checkers.example/fact-checks/bridge-cost",
            "rating": "False",
            "publisher": "Checkers",
            "reviewed_at": "2026-03-20",
            "claimant": "A. Poster",
            "title": None,
        }
    ]


def test_broken_and_hostile_blocks_are_skipped_and_the_good_one_kept() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    page = write("check.htm", fact_check_page("{not json", deep, json.dumps(REVIEW)))
    rows = read_claimreview_file(page).rows
    assert [row["url"] for row in rows] == [REVIEW["url"]]


def test_import_claimreview_reads_a_page_and_stores_it() -> None:
    write("check.html", fact_check_page(json.dumps([REVIEW])))
    result = CliRunner().invoke(cli, ["--db", "claims.db", "import-claimreview", "check.html"])
    assert result.exit_code == 0, result.output
    assert "imported 1 fact-check from check.html" in result.output
    with Store("claims.db") as store:
        stored = [row[0] for row in store.db.execute("SELECT url FROM factchecks")]
    assert stored == [REVIEW["url"]]


def test_a_page_without_claim_review_is_refused_and_nothing_is_stored() -> None:
    article = {"@type": "NewsArticle", "headline": "Bridge reopens"}
    write("article.html", fact_check_page(json.dumps(article)))
    with pytest.raises(InputError, match=r"article\.html: no fact-checks with a claim and a URL"):
        read_claimreview_file("article.html")
    result = CliRunner().invoke(cli, ["--db", "claims.db", "import-claimreview", "article.html"])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    with Store("claims.db") as store:
        assert list(store.db.execute("SELECT url FROM factchecks")) == []


def test_a_binary_page_is_refused_by_name() -> None:
    Path("scan.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 10)
    with pytest.raises(InputError, match=r"scan\.html.*binary"):
        read_claimreview_file("scan.html")


def test_unclosed_script_tags_cost_time_in_proportion_to_the_page() -> None:
    # The page is parsed once by lxml, as `add` parses it: 40,000 unclosed ld+json
    # script tags after the real block take well under the 5 s a quadratic scan passed.
    junk = '<script type="application/ld+json">' * 40_000
    page = write("check.html", fact_check_page(json.dumps(REVIEW)).replace("</body>", junk))
    started = time.monotonic()
    rows = read_claimreview_file(page).rows
    assert time.monotonic() - started < 5
    assert [row["url"] for row in rows] == [REVIEW["url"]]
