"""Turn what a journalist hands us into article text: a file, a URL, or stdin.

Called by the CLI's `add` and `split`, by `factcheck review FILE` and by the Python API,
all through `read_article`, which picks the reader from the input: a URL is fetched (`fetch.py`),
then read by its content type; a file by its suffix (`.html`/`.htm` -> `html.py`,
`.pdf` -> `pdf.py`, `.txt`/`.md` -> `text.py`); stdin (`-`) is pasted text, or a web
page when it starts like one. Every refusal is a one-line `InputError`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from factcheck.errors import InputError
from factcheck.ingest.article import Article, default_title
from factcheck.ingest.pending_scores import finish_pending_scores, load_the_scorer
from factcheck.ingest.text import (
    article_from_text,
    decode_text,
    read_file_bytes,
    read_text_file,
)
from factcheck.untrusted.local_files import DEFAULT_MAX_MEGABYTES, read_stream_capped
from factcheck.untrusted.urls import without_credentials

if TYPE_CHECKING:  # only for hints: reading an article needs no database code
    import httpx

    from factcheck.claims.splitter import ClaimGroups
    from factcheck.config import FetchConfig
    from factcheck.ingest.fetch import FetchedPage
    from factcheck.models import Claim
    from factcheck.store import AddResult, Store

# The URL, web-page and PDF readers import httpx, trafilatura (lxml) and pypdf: a third
# of a second that a command adding a .txt file, or not reading articles at all, should
# not pay. They are imported where used, and these names on first access (PEP 562).
_LAZY = {
    "FetchedPage": "factcheck.ingest.fetch",
    "fetch_url": "factcheck.ingest.fetch",
    "is_url": "factcheck.ingest.fetch",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'factcheck.ingest' has no attribute {name!r}")


TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED = "a URL, .html, .htm, .pdf, .txt, .md, or - for stdin"

__all__ = [
    "SUPPORTED",
    "Article",
    "FetchedPage",
    "add_article",
    "add_articles",
    "article_claims",
    "decode_text",
    "default_title",
    "fetch_url",
    "finish_pending_scores",
    "is_url",
    "read_article",
    "read_file_bytes",
    "read_text_file",
    "text_claims",
]


def read_article(
    path: str,
    *,
    title: str | None = None,
    stdin: BinaryIO | None = None,
    fetch: FetchConfig | None = None,
    transport: httpx.BaseTransport | None = None,
    max_megabytes: float = DEFAULT_MAX_MEGABYTES,
) -> Article:
    """Read `path` (a file, an http(s) URL, or "-" for stdin) as an article.

    `title` overrides the title found in the source. `fetch` holds the download limits
    for URLs (config.toml's `[fetch]`); `transport` replaces the HTTP layer (tests).
    `max_megabytes` caps a file or stdin (`[ingest] max_megabytes`).
    """
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = read_stream_capped(stream, name="stdin", max_megabytes=max_megabytes)
        return _public_urls(_article_from_bytes(data, source="-", name="<stdin>", title=title))
    if "://" in path:
        from factcheck.ingest.fetch import fetch_url, is_url

        if not is_url(path):
            raise InputError(f"cannot read {path}: only http:// and https:// addresses are fetched")
        page = fetch_url(path, config=fetch, transport=transport)
        article = _article_from_page(page, source=without_credentials(path), title=title)
        return _public_urls(article)
    data = read_file_bytes(path, max_megabytes=max_megabytes)
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:  # a saved page's canonical URL may carry a password
        from factcheck.ingest.html import article_from_html

        return _public_urls(article_from_html(data, source=path, name=path, title=title))
    if suffix in PDF_SUFFIXES:
        from factcheck.ingest.pdf import article_from_pdf

        return article_from_pdf(data, source=path, name=path, title=title)
    if suffix in TEXT_SUFFIXES:
        return article_from_text(data, source=path, name=path, title=title)
    if not suffix:
        return _public_urls(_article_from_bytes(data, source=path, name=path, title=title))
    raise InputError(f"{path}: unknown file type {suffix!r}; factcheck reads {SUPPORTED}")


def _public_urls(article: Article) -> Article:
    """The article with no `user:password@` in its URLs: they are stored and shown."""
    if article.url is None or "@" not in article.url:
        return article
    return dataclasses.replace(article, url=without_credentials(article.url))


def _article_from_bytes(data: bytes, *, source: str, name: str, title: str | None) -> Article:
    """Input with no suffix to go by (stdin, `notes`): sniff for a PDF or a web page."""
    from factcheck.ingest.html import article_from_html, looks_like_html
    from factcheck.ingest.pdf import article_from_pdf, looks_like_pdf

    if looks_like_pdf(data):
        return article_from_pdf(data, source=source, name=name, title=title)
    if looks_like_html(data):
        return article_from_html(data, source=source, name=name, title=title)
    return article_from_text(data, source=source, name=name, title=title)


def _article_from_page(page: FetchedPage, *, source: str, title: str | None) -> Article:
    from factcheck.ingest.fetch import HTML_TYPES, PDF_TYPES
    from factcheck.ingest.html import article_from_html
    from factcheck.ingest.pdf import article_from_pdf

    if page.content_type in HTML_TYPES:
        html: bytes | str = page.content
        if page.charset:
            # An unknown charset name: leave bytes and let trafilatura detect the encoding.
            with contextlib.suppress(LookupError):
                html = page.content.decode(page.charset, errors="replace")
        return article_from_html(html, source=source, name=source, title=title, url=page.url)
    if page.content_type in PDF_TYPES:
        article = article_from_pdf(page.content, source=source, name=source, title=title)
    else:  # plain text, or no content type at all: sniff like stdin
        article = _article_from_bytes(page.content, source=source, name=source, title=title)
    return article if article.url else dataclasses.replace(article, url=page.url)


def article_claims(article: Article, *, first_pass: bool = False) -> ClaimGroups:
    """The claims `add_article` stores for `article`, repeats of a statement included
    (`ClaimGroups.shown` leaves them out): the one split of an article, shared by
    `add`, `add --dry-run`, `split` and `review FILE` so all of them find the same
    claims. Offsets point into `article.text` (and into the stored text: storing
    replaces a lone surrogate with one code point).

    `first_pass` scores with the linear model only (plain Python: no numpy, no
    onnxruntime); the spans are the same, only the scores differ, and
    `pending_scores.finish_pending_scores` replaces them with the full ones later.
    """
    return text_claims(article.text, first_pass=first_pass)


def text_claims(text: str, *, first_pass: bool = False) -> ClaimGroups:
    """`article_claims` of an article with this text: what finishing a stored
    document's scores splits again (the stored text, the same split)."""
    from factcheck.claims.splitter import split_claim_groups  # loads the scorer: only here

    if first_pass:
        from factcheck.claims.checkworthiness import default_model

        return split_claim_groups(text, model=default_model())
    return split_claim_groups(text)


def add_article(store: Store, article: Article, *, defer_scores: bool = False) -> AddResult:
    """Split `article` and store it with its claims and metadata; the one way the
    CLI, the TUI and the Python API add an article.

    The text is stored exactly as read, so claim offsets point into the stored text.
    Text stored before comes back (`created=False`) without being split again.

    The claims are scored now. With `defer_scores` (what `factcheck add` passes) they
    are stored with first-pass scores and the document is marked pending, without
    loading the transformer: a process that adds one file costs its start-up, not
    onnxruntime's (docs/architecture.md, "Scores finished by the first read"). Whatever
    reads scores next calls `finish_pending_scores(store)` first (every CLI command that
    shows scores does), which stores the scores an immediate add stores, to the bit. A
    Python script keeps the default: it pays for the model once in its one process, and
    its reads through `Store` see final scores. A text holding lone surrogates is always
    scored now: its stored copy (U+FFFD) would not score the same.
    """
    from factcheck.store.text import has_surrogates  # the store is imported by now

    existing = store.added_before(article.text)
    if existing is not None:
        return existing
    defer = defer_scores and not has_surrogates(article.text)
    return _store_article(store, article, article_claims(article, first_pass=defer), defer)


def _store_article(
    store: Store, article: Article, groups: ClaimGroups | SplitClaims, scores_pending: bool
) -> AddResult:
    """`article` stored with its text, metadata and split (`groups`) in one transaction:
    what `add_article` and `add_articles` both write."""
    claims, duplicate_of = groups
    return store.add_document(
        article.text,
        title=article.title,
        source=article.source,
        claims=claims,
        duplicate_of=duplicate_of,
        url=article.url,
        author=article.author,
        publisher=article.publisher,
        published_at=article.published_at,
        scores_pending=scores_pending,
    )


Key = TypeVar("Key")
Unread = TypeVar("Unread")


def add_articles(
    store: Store | Callable[[], Store],
    entries: Iterable[tuple[Key, Article | Unread]],
    *,
    workers: int,
) -> Iterator[tuple[Key, Article | Unread, AddResult | None]]:
    """`add_article` for each article of `entries`, scored now, in the order given,
    the splitting done by `workers` processes (`factcheck.ingest.workers`); what a
    bulk `factcheck add` runs (issue 11: 1,000 articles in under a minute on two cores).

    Each entry is `(key, article)`; an entry whose second item is not an `Article` (an
    input that could not be read: the caller's error) passes through in its place with
    no result, so the caller reports every input in order. Why scored now: each worker
    loads the model once for many articles, so deferring (`add_article(defer_scores=
    True)`) would only split every article twice. Each article is split whole in one
    worker, exactly as `add_article` splits it, and stored here in one transaction, so
    the database holds what `add_article` one by one stores, to the bit.

    The workers start, and load the model, when this is called; `store` may be a
    function that opens the database (the CLI's), called only when the first entry is
    read: the workers' start-up then overlaps opening it.
    """
    opened: Callable[[], Store] = store if callable(store) else lambda: store
    from factcheck.ingest.workers import in_order

    work = ((entry, _text_to_split(opened(), entry[1])) for entry in entries)
    split = in_order(_claims_of_text, work, workers=workers, prepare=load_the_scorer)
    return _stored(opened, split)


def _stored(
    opened: Callable[[], Store],
    split: Iterator[tuple[tuple[Key, Article | Unread], SplitClaims | None]],
) -> Iterator[tuple[Key, Article | Unread, AddResult | None]]:
    for (key, article), groups in split:
        if not isinstance(article, Article):
            yield key, article, None
        elif groups is None:  # stored before: the existing document, not split again
            yield key, article, add_article(opened(), article)
        else:
            yield key, article, _store_article(opened(), article, groups, False)


def _text_to_split(store: Store, article: object) -> str | None:
    """The text a worker splits for `article`; None when there is nothing to split
    (not an article, or its text is stored already)."""
    if not isinstance(article, Article) or store.added_before(article.text) is not None:
        return None
    return article.text


SplitClaims = tuple[list["Claim"], list[int | None]]
"""`ClaimGroups` as a plain tuple: what a worker sends back. Unpickling a `ClaimGroups`
would import the splitter (its class's module, with the scorer's) into the process that
only stores the claims."""


def _claims_of_text(text: str | None) -> SplitClaims | None:
    """`text_claims(text)` in a worker process (None: nothing to split)."""
    if text is None:
        return None
    claims, duplicate_of = text_claims(text)
    return claims, duplicate_of
