"""Web pages (saved .html files, fetched URLs, HTML reference files): the body and metadata.

trafilatura does the work: it keeps the article body and drops navigation, cookie
banners, newsletter boxes and comment sections, and reads title, author, site name and
date from meta tags and JSON-LD. We only add the canonical URL from JSON-LD when the
page has no <link rel=canonical>, and the full JSON-LD publication timestamp (trafilatura
keeps the date alone), because ClaimReview exports cite both.

The page is parsed once, by lxml (linear time whatever the markup), and that tree is
both searched for JSON-LD and handed to trafilatura: a regular expression over raw
HTML took quadratic time on a page of unclosed `<script` tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from factcheck.errors import InputError
from factcheck.ingest.article import Article, default_title, shorten_title
from factcheck.ingest.jsonld import page_json_ld, typed_nodes

_HTML_SNIFF_BYTES = 1024
_MIN_ARTICLE_WORDS = 10
_SHORT_ARTICLE_CHARS = 300
_ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BlogPosting",
        "Report",
        "ScholarlyArticle",
    }
)


def looks_like_html(data: bytes) -> bool:
    """True when bytes start like a web page (for stdin and files without a suffix)."""
    head = data[:_HTML_SNIFF_BYTES].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


@dataclass(frozen=True)
class PageText:
    """A web page's readable body, one block (paragraph, heading, list item) a
    paragraph, and what the page says about itself. Fields are None when it does not."""

    text: str
    title: str | None
    url: str | None
    author: str | None
    publisher: str | None
    published_at: str | None


def read_page(html: bytes | str, *, url: str | None = None) -> PageText:
    """The body of `html` as trafilatura finds it, without menus, cookie banners,
    newsletter boxes or comments; `url` is where it was fetched from, if it was.

    The one HTML reader of `add` (`article_from_html`) and of `refs add`
    (`ingest.reference_files`). The text is empty when the page holds none.
    """
    tree = load_html(html)
    if tree is None:
        return PageText("", None, url, None, None, None)
    # Read JSON-LD first: trafilatura drops <script> elements from the tree it cleans.
    linked_data = _news_article_json_ld(tree)
    extracted = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
    )
    body = getattr(extracted, "text", None) or ""
    # trafilatura puts one block (paragraph, heading, list item) per line; a blank line
    # between blocks makes the stored text read like an article typed in an editor.
    blocks = [" ".join(line.split()) for line in body.splitlines()]
    return PageText(
        text="\n\n".join(block for block in blocks if block),
        title=_clean(getattr(extracted, "title", None)),
        url=_clean(getattr(extracted, "url", None)) or _json_ld_url(linked_data) or url,
        author=_clean(getattr(extracted, "author", None)),
        publisher=_clean(getattr(extracted, "sitename", None)),
        published_at=_json_ld_timestamp(linked_data) or _clean(getattr(extracted, "date", None)),
    )


def article_from_html(
    html: bytes | str,
    *,
    source: str,
    name: str,
    title: str | None = None,
    url: str | None = None,
) -> Article:
    """Extract the article in `html`; `url` is where it was fetched from, if it was.

    Raises `InputError` when the page holds no article text (an empty page, a
    JavaScript-only app shell, a page of links).
    """
    page = read_page(html, url=url)
    text = page.text
    # On a page with no article, trafilatura's fallbacks return what is left: a menu
    # item, a "Loading..." placeholder. A few words are not an article to check.
    if len(text.split()) < _MIN_ARTICLE_WORDS:
        raise InputError(f"{name}: no article text found in the page")
    warnings = []
    if len(text) < _SHORT_ARTICLE_CHARS:
        warnings.append(
            f"{name}: only {len(text)} characters of article text kept; check with --dry-run"
        )
    return Article(
        text=text,
        source=source,
        title=title or (shorten_title(page.title) if page.title else default_title(text)),
        warnings=warnings,
        url=page.url,
        author=page.author,
        publisher=page.publisher,
        published_at=page.published_at,
    )


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _news_article_json_ld(tree: HtmlElement) -> dict[str, Any]:
    """The first JSON-LD object on the page typed as an article, or {}."""
    for data in page_json_ld(tree):
        for item in typed_nodes(data, _ARTICLE_TYPES):
            return item
    return {}


def _json_ld_url(item: dict[str, Any]) -> str | None:
    for key in ("url", "mainEntityOfPage"):
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value
    return None


def _json_ld_timestamp(item: dict[str, Any]) -> str | None:
    """`datePublished` when it is a valid ISO 8601 date or date-time."""
    value = item.get("datePublished")
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        if len(value) == len("2026-01-22"):
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None
