"""Reading published fact-checks: schema.org ClaimReview JSON-LD and ClaimsKG-style CSV.

Called by `factcheck import-claimreview`. The whole file is parsed before anything is
stored; a file with no claim reviews at all is refused, so a wrong file (an article,
an export of something else) never half-imports. A saved fact-check page (.html) is
read for the ClaimReview JSON-LD its publisher embeds for search engines, through the
same JSON-LD reader `ingest.html` uses for articles (`ingest.jsonld`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.ingest import decode_text, read_file_bytes, read_text_file
from factcheck.ingest.jsonld import page_json_ld, typed_nodes
from factcheck.untrusted.json_input import NotJSON, load_json
from factcheck.untrusted.local_files import DEFAULT_MAX_MEGABYTES

# ClaimsKG extractor columns (../shared/data/claimreview-samples) -> our field names.
CSV_COLUMNS = {
    "claim": "claimReview_claimReviewed",
    "url": "claimReview_url",
    "rating": "rating_alternateName",
    "publisher": "claimReview_author_name",
    "reviewed_at": "claimReview_datePublished",
    "claimant": "creativeWork_author_name",
    "title": "extra_title",
}
_CLAIM_REVIEW = frozenset({"ClaimReview"})
_PAGE_SUFFIXES = frozenset({".html", ".htm"})


@dataclass(frozen=True)
class ClaimReviews:
    """Fact-checks read from one file, and how many entries lacked a claim or URL."""

    rows: list[dict[str, Any]]
    skipped: int


def read_claimreview_file(
    path: str | Path, *, max_megabytes: float = DEFAULT_MAX_MEGABYTES
) -> ClaimReviews:
    """Parse a .json/.jsonld (ClaimReview, lists, @graph), .html/.htm (a fact-check
    page's JSON-LD) or .csv file in full.

    A fact-check without `claimReviewed` is matched on its headline instead: some
    publishers (AAP in the ClaimsKG samples) leave the field empty, and the headline
    ("Vaccine 'transhuman' claims patently wrong ...") names the claim well enough.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix == ".csv":
        reviews = _from_csv(read_text_file(file, max_megabytes=max_megabytes), str(path))
    elif suffix in _PAGE_SUFFIXES:
        reviews = _from_nodes(_page_claim_reviews(file, str(path), max_megabytes))
    else:
        reviews = _from_nodes(_feed_claim_reviews(file, str(path), max_megabytes))
    if not reviews.rows:
        raise InputError(
            f"{path}: no fact-checks with a claim and a URL found "
            "(expected schema.org ClaimReview JSON-LD, a fact-check page carrying it, "
            "or a ClaimsKG-style CSV)"
        )
    return reviews


def _feed_claim_reviews(file: Path, name: str, max_megabytes: float) -> list[dict[str, Any]]:
    """The ClaimReview objects of a .json/.jsonld file, wherever it nests them."""
    text = read_text_file(file, max_megabytes=max_megabytes)
    try:
        document = load_json(text, name=name)
    except NotJSON as error:
        raise InputError(f"{name}:{error.line}: not valid JSON ({error.reason})") from None
    return list(typed_nodes(document, _CLAIM_REVIEW))


def _page_claim_reviews(file: Path, name: str, max_megabytes: float) -> list[dict[str, Any]]:
    """The ClaimReview objects in a saved page's JSON-LD blocks, in page order."""
    # Imported here: lxml (through trafilatura's loader, which `add` uses for pages
    # too) is a cost that importing CSV or JSON feeds should not pay.
    from trafilatura.utils import load_html

    data = read_file_bytes(file, max_megabytes=max_megabytes)
    decode_text(data, name)  # a binary file is refused by name, as any other
    tree = load_html(data)
    if tree is None:
        return []
    return [node for block in page_json_ld(tree) for node in typed_nodes(block, _CLAIM_REVIEW)]


def _from_csv(text: str, name: str) -> ClaimReviews:
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or CSV_COLUMNS["claim"] not in reader.fieldnames:
        raise InputError(f"{name}: no {CSV_COLUMNS['claim']} column: not a ClaimReview CSV")
    rows, skipped = [], 0
    for record in reader:
        row = {
            ours: (record.get(theirs) or "").strip() or None for ours, theirs in CSV_COLUMNS.items()
        }
        row["claim"] = row["claim"] or row["title"]
        if row["claim"] and row["url"]:
            rows.append(row)
        else:
            skipped += 1
    return ClaimReviews(rows, skipped)


def _from_nodes(nodes: list[dict[str, Any]]) -> ClaimReviews:
    found = [_from_jsonld(node) for node in nodes]
    for row in found:
        row["claim"] = row["claim"] or row["title"]
    rows = [row for row in found if row["claim"] and row["url"]]
    return ClaimReviews(rows, len(found) - len(rows))


def _from_jsonld(node: dict[str, Any]) -> dict[str, Any]:
    rating = node.get("reviewRating") or {}
    item = node.get("itemReviewed") or {}
    return {
        "claim": _text(node.get("claimReviewed")),
        "url": _text(node.get("url")),
        "rating": _text(rating.get("alternateName") or rating.get("ratingValue"))
        if isinstance(rating, dict)
        else None,
        "publisher": _name(node.get("author")) or _name(node.get("publisher")),
        "reviewed_at": _text(node.get("datePublished")),
        "claimant": _name(item.get("author")) if isinstance(item, dict) else None,
        "title": _text(node.get("name") or node.get("headline")),
    }


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text or None
