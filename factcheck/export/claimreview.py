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

import hashlib
import operator
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from factcheck.claims.duplicates import normalise
from factcheck.config import PublisherConfig
from factcheck.export.report import ClaimEntry, Report, ReportStream, one_line, safe_url
from factcheck.models import Document, Status
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
    documents = {doc.document.id: doc.document for doc in report.documents}
    reviewed = (
        (
            entry.claim.id,
            entry.claim.document_id,
            entry.claim.text,
            entry.verdict.status,
            in_force_key(entry.verdict),
        )
        for entry in report.entries
        if entry.verdict is not None
    )
    return "".join(
        iter_claimreview(
            report, reviewed, documents.__getitem__, publisher=publisher, report_url=report_url
        )
    )


Reviewed = tuple[int | None, int | None, str, Status, tuple[Any, ...]]
"""(claim id, document id, text, status, in-force rank) of a listed claim's verdict in
force, in report order (`Store.reviewed_claims`)."""


def iter_claimreview(
    report: Report | ReportStream,
    reviewed: Iterable[Reviewed],
    document_by_id: Callable[[int], Document],
    *,
    publisher: PublisherConfig | None = None,
    report_url: str | None = None,
) -> Iterator[str]:
    """`render_claimreview`'s exact bytes a review at a time. `reviewed` (the report's
    claims that have a verdict, read before the report: a streamed one must see the
    same data, as inside `Store.snapshot`) decides, per normalised text, the claim to
    publish and the claims agreeing with it; then the report is rendered as it streams.

    Memory: the choice keeps ~200 bytes per reviewed claim (a digest of its text, ids
    and the verdict's rank) while it is made, then only the repeats' ids; never the
    claims. `document_by_id` looks up the article of an agreeing claim."""
    plan = _publication_plan(reviewed)
    yield "["
    separator = "\n"
    for doc in report.documents:
        for entry in doc.entries:
            claim_id = entry.claim.id
            if entry.verdict is None or claim_id in plan.skipped:
                continue
            review = claim_review(entry, doc.document, publisher=publisher, report_url=report_url)
            appearances = review["itemReviewed"].setdefault("appearance", [])
            for document_id in plan.agreeing.get(claim_id, ()):
                other = document_by_id(document_id)
                url = safe_url(other.url)
                if url and all(a["url"] != url for a in appearances):
                    appearances.append(_appearance(other, url))
            if not appearances:
                del review["itemReviewed"]["appearance"]
            # Pasted into <script type="application/ld+json">: `</script>` must not end
            # the block. Indented to its place in the array, as `dumps(reviews)` would.
            text = safe_json.dumps(review).replace("\n", "\n  ")
            yield f"{separator}  {text}"
            separator = ",\n"
    yield "]\n" if separator == "\n" else "\n]\n"


@dataclass
class _Plan:
    skipped: set[int | None] = field(default_factory=set)
    """Reviewed claims not published: another entry of the same text is."""
    agreeing: dict[int | None, list[int]] = field(default_factory=dict)
    """Published claim id -> the documents (report order) of the other entries of its
    text with the same rating, named as appearances."""


def _publication_plan(reviewed: Iterable[Reviewed]) -> _Plan:
    """Of reviewed claims whose texts are the same once normalised, the one with the
    newest verdict in force is published (the first such in report order on a tie),
    naming the articles of the others with the same rating; the rest are left out."""
    # digest of the normalised text -> [(rank, claim id, document id, status)], in report order
    by_text: dict[bytes, list[tuple[tuple[Any, ...], int | None, int | None, Status]]] = {}
    for claim_id, document_id, text, status, rank in reviewed:
        digest = hashlib.blake2b(
            normalise(text).encode("utf-8", "surrogatepass"), digest_size=16
        ).digest()
        by_text.setdefault(digest, []).append((rank, claim_id, document_id, status))
    plan = _Plan()
    for same_text in by_text.values():
        if len(same_text) == 1:
            continue
        newest = max(same_text, key=operator.itemgetter(0))
        _, published, _, status = newest
        plan.skipped.update(member[1] for member in same_text if member is not newest)
        agreeing = [
            document_id
            for _, claim_id, document_id, member_status in same_text
            if claim_id != published and member_status is status and document_id is not None
        ]
        if agreeing:
            plan.agreeing[published] = agreeing
    return plan


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
