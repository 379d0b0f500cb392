"""ClaimReview JSON-LD: the schema.org fields fact-check aggregators read."""

from __future__ import annotations

import json

from factcheck.config import PublisherConfig
from factcheck.export import build_report, render_claimreview
from factcheck.export.claimreview import RATING_SCALE, summarize
from factcheck.models import Claim, Status
from factcheck.store import Store

PUBLISHER = PublisherConfig(name="Desk Check", url="https://dc.example")


def _reviews(store: Store, **options) -> list[dict]:
    return json.loads(render_claimreview(build_report(store), **options))


def test_one_review_per_claim_with_a_verdict(store: Store, reviewed: dict[str, int]):
    reviews = _reviews(store, publisher=PUBLISHER)
    texts = {review["itemReviewed"]["text"] for review in reviews}
    assert len(reviews) == 4  # the trading-partner claim has no verdict
    assert "China is South Korea’s biggest trading partner" not in texts
    assert all(r["@context"] == "https://schema.org" for r in reviews)
    assert all(r["@type"] == "ClaimReview" for r in reviews)


def test_review_fields(store: Store, reviewed: dict[str, int]):
    review = next(
        r
        for r in _reviews(store, publisher=PUBLISHER)
        if r["itemReviewed"]["text"] == "Asia’s fourth-largest economy"
    )
    assert review["url"] == "https://example.com/news/xi-lee-call"
    assert review["claimReviewed"] == "Asia’s fourth-largest economy"
    assert len(review["datePublished"]) == 10 and review["datePublished"][4] == "-"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Desk Check",
        "url": "https://dc.example",
    }
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 3,
        "bestRating": 3,
        "worstRating": 1,
        "alternateName": "Supported",
    }
    assert review["reviewBody"] == "IMF 2024"
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "text": "Asia’s fourth-largest economy",
        "author": {"@type": "Person", "name": "Nitin A Gokhale"},
        "datePublished": "2025-06-10",
        "appearance": [
            {
                "@type": "CreativeWork",
                "url": "https://example.com/news/xi-lee-call",
                "headline": "Xi calls for mutual respect in talk with Lee",
                "publisher": {"@type": "Organization", "name": "StratNews Global"},
            }
        ],
    }
    assert review["citation"]["url"] == "https://en.wikipedia.org/wiki/Economy_of_South_Korea"


def test_rating_scale_orders_verdicts():
    assert RATING_SCALE[Status.DISPUTED] < RATING_SCALE[Status.UNVERIFIED]
    assert RATING_SCALE[Status.UNVERIFIED] < RATING_SCALE[Status.SUPPORTED]


def test_disputed_rating(store: Store, reviewed: dict[str, int]):
    review = next(r for r in _reviews(store) if r["itemReviewed"]["text"].startswith("On Tuesday"))
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["reviewRating"]["alternateName"] == "Disputed"


def test_long_claim_is_summarised_and_kept_whole_elsewhere(store: Store):
    text = (
        "The ministry said that unemployment among young people in the northern regions "
        "fell by more than a third between 2019 and 2023, the fastest fall on record."
    )
    store.add_document(
        text, title="t", source="s", claims=[Claim(text, 0, len(text), 0, len(text))]
    )
    [claim] = store.list_claims()
    store.mark([claim.id], "disputed", reviewer="r")
    [review] = _reviews(store)
    assert len(review["claimReviewed"]) < 75
    assert review["claimReviewed"].endswith("…")
    assert text.startswith(review["claimReviewed"][:-1])
    assert review["itemReviewed"]["text"] == text
    # no article URL or author known: those keys are left out, not invented
    assert "url" not in review and "appearance" not in review["itemReviewed"]
    assert "author" not in review and "author" not in review["itemReviewed"]


def test_report_url_points_each_review_at_its_claim(store: Store, reviewed: dict[str, int]):
    reviews = _reviews(store, report_url="https://dc.example/reports/xi.html")
    urls = {r["url"] for r in reviews}
    assert f"https://dc.example/reports/xi.html#claim-{reviewed['economy']}" in urls


def test_unsafe_urls_are_left_out(store: Store, reviewed: dict[str, int]):
    hostile = next(r for r in _reviews(store) if "crime fell" in r["itemReviewed"]["text"])
    assert "url" not in hostile and "citation" not in hostile
    assert "javascript" not in json.dumps(hostile["itemReviewed"].get("appearance", ""))


def test_summarize_cuts_at_a_word():
    assert summarize("short claim") == "short claim"
    long = "word " * 30
    assert len(summarize(long)) <= 74
    assert summarize(long).endswith("word…")
