"""schema.org ClaimReview JSON-LD: how fact-checks are published for search engines.

One ClaimReview per claim that has a verdict (claims never reviewed, or whose verdicts
were undone, are left out; dismissed claims and repeats are never in a report's
entries), and never two for the same claim text: of claims whose texts are the same
once normalised (`duplicates.normalise`), the one with the newest verdict in force
is published, naming every article where the text appears with that same verdict.
Following schema.org/ClaimReview and Google's fact-check markup guidelines. The
rating scale is numeric so aggregators can compare publishers:

    1 = disputed (worstRating), 2 = unverified, 3 = supported (bestRating)

with `alternateName` carrying our verdict's name. `claimReviewed` is a short summary
(under 75 characters, cut at a word); the full claim is `itemReviewed.text`.
"""

from __future__ import annotations

from typing import Any

from factcheck.claims.duplicates import normalise
from factcheck.config import PublisherConfig
from factcheck.export.report import ClaimEntry, Report, one_line, safe_url
from factcheck.models import Document, Status, Verdict
from factcheck.records import in_force_key
from factcheck.untrusted import safe_json

RATING_SCALE: dict[Status, int] = {Status.DISPUTED: 1, Status.UNVERIFIED: 2, Status.SUPPORTED: 3}
"""Verdict -> `ratingValue`; worst is 1, best is 3."""

SUMMARY_MAX_CHARS = 74
"""`claimReviewed` stays under 75 characters, as fact-check aggregators display it."""


def render_claimreview(
    report: Report,
    *,
    publisher: PublisherConfig | None = None,
    report_url: str | None = None,
) -> str:
    """A JSON-LD array with one ClaimReview per reviewed claim in the report.

    `<`, `>` and `&` in every string are written as `\\u003c`, `\\u003e`, `\\u0026`
    (`factcheck.untrusted.safe_json`), so the array can sit inside a `<script>` element whatever
    the article, notes or imported fact-checks say; it parses to the same data.
    """
    reviews = []
    for entry, agreeing in _one_per_text(report.entries):
        review = claim_review(
            entry, report.document_of(entry), publisher=publisher, report_url=report_url
        )
        appearances = review["itemReviewed"].setdefault("appearance", [])
        for other in agreeing:
            url = safe_url(report.document_of(other).url)
            if url and all(a["url"] != url for a in appearances):
                appearances.append(_appearance(report.document_of(other), url))
        if not appearances:
            del review["itemReviewed"]["appearance"]
        reviews.append(review)
    # Pasted into <script type="application/ld+json">: `</script>` must not end the block.
    return safe_json.dumps(reviews) + "\n"


def _one_per_text(
    entries: list[ClaimEntry],
) -> list[tuple[ClaimEntry, list[ClaimEntry]]]:
    """The reviewed entries to publish, in report order, each with the other entries
    of the same normalised text that carry the same rating (their articles are named
    as appearances); entries of that text with another rating are left out."""
    by_text: dict[str, list[tuple[Verdict, ClaimEntry]]] = {}
    for entry in entries:
        if entry.verdict is not None:
            by_text.setdefault(normalise(entry.claim.text), []).append((entry.verdict, entry))
    chosen: dict[int, list[ClaimEntry]] = {}
    for same_text in by_text.values():
        newest, published = max(same_text, key=lambda pair: in_force_key(pair[0]))
        chosen[id(published)] = [
            entry
            for verdict, entry in same_text
            if entry is not published and verdict.status is newest.status
        ]
    return [(entry, chosen[id(entry)]) for entry in entries if id(entry) in chosen]


def claim_review(
    entry: ClaimEntry,
    document: Document,
    *,
    publisher: PublisherConfig | None = None,
    report_url: str | None = None,
) -> dict[str, Any]:
    """One ClaimReview object (the claim must have a verdict)."""
    verdict = entry.verdict
    assert verdict is not None
    review: dict[str, Any] = {"@context": "https://schema.org", "@type": "ClaimReview"}
    url = _review_url(entry, document, report_url)
    if url:
        review["url"] = url
    review["claimReviewed"] = summarize(entry.claim.text)
    review["datePublished"] = verdict.created_at[:10]
    if publisher is not None and publisher.name:
        review["author"] = _organization(publisher.name, safe_url(publisher.url))
    review["reviewRating"] = {
        "@type": "Rating",
        "ratingValue": RATING_SCALE[verdict.status],
        "bestRating": max(RATING_SCALE.values()),
        "worstRating": min(RATING_SCALE.values()),
        "alternateName": verdict.status.capitalize(),
    }
    if verdict.note:
        review["reviewBody"] = verdict.note
    review["itemReviewed"] = _item_reviewed(entry, document)
    cited = entry.cited_evidence
    cited_url = safe_url(cited.url) if cited is not None else None
    if cited is not None and cited_url:
        review["citation"] = {"@type": "CreativeWork", "name": cited.title, "url": cited_url}
    return review


def summarize(text: str, limit: int = SUMMARY_MAX_CHARS) -> str:
    """Shorten a claim to at most `limit` characters, cut at a word, ending in `…`."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def _review_url(entry: ClaimEntry, document: Document, report_url: str | None) -> str | None:
    """Where the review is read: the published report's claim anchor, else the article."""
    base = safe_url(report_url)
    if base:
        return f"{base.split('#')[0]}#claim-{entry.claim.id}"
    return safe_url(document.url)


def _organization(name: str, url: str | None) -> dict[str, Any]:
    organization: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        organization["url"] = url
    return organization


def _item_reviewed(entry: ClaimEntry, document: Document) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim", "text": one_line(entry.claim.text)}
    if document.author:
        item["author"] = {"@type": "Person", "name": document.author}
    elif document.publisher:
        item["author"] = _organization(document.publisher, None)
    if document.published_at:
        item["datePublished"] = document.published_at
    url = safe_url(document.url)
    if url:
        item["appearance"] = [_appearance(document, url)]
    return item


def _appearance(document: Document, url: str) -> dict[str, Any]:
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": url}
    if document.title:
        appearance["headline"] = document.title
    if document.publisher:
        appearance["publisher"] = _organization(document.publisher, None)
    return appearance
