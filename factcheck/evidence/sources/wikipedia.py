"""Wikipedia as an evidence source, through wikipedia-api (MediaWiki API over httpx).

For a claim, search Wikipedia with the claim's informative words plus the names in its
`ClaimContext` (the sentence, then the document title): "Asia's fourth-largest economy" in an
article about South Korea should reach "Economy of South Korea". Fetch the best pages,
split them into passages, and rank them with the same matcher as every other source.

Each page is cached in claims.db with its URL, revision id (`lastrevid`) and fetch
time, so a verdict cites the exact revision and a second lookup makes no request.
Timeouts, 429 and 5xx are retried by wikipedia-api with bounded back-off
([wikipedia] max_retries, retry_wait); when Wikipedia still cannot answer, the source
raises `SourceUnavailable` and review goes on with local evidence. Tests pass an
`httpx.MockTransport` as `transport`, so the real client code runs without a network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import wikipediaapi

from factcheck.config import WikipediaConfig
from factcheck.errors import SourceUnavailable
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.matcher import Candidate, informative_terms, rank_candidates
from factcheck.evidence.signals import extract_entities
from factcheck.models import Evidence, SourceKind
from factcheck.store.wikipedia_cache import CachedPage
from factcheck.text.passages import split_passages
from factcheck.text.words import words

if TYPE_CHECKING:
    from factcheck.store import Store

UNREACHABLE = "Wikipedia unreachable; showing local evidence"
GARBLED = "Wikipedia sent an answer factcheck cannot read; showing local evidence"
DEFAULT_TRANSPORT: httpx.BaseTransport | None = None
"""Transport used when none is passed (None: real HTTP). Tests of the CLI set it to an
`httpx.MockTransport`, since the CLI builds its sources itself."""
_QUERY_TERMS = 6
_CONTEXT_NAMES = 2


def search_query(text: str, context: ClaimContext) -> str:
    """The claim's informative words plus up to two names from its context the claim
    does not already use: the sentence's first, then the title's
    (`ClaimContext.name_texts` says why)."""
    terms = informative_terms(text, limit=_QUERY_TERMS)
    claim_words = set(words(text))
    found = (name for part in context.name_texts for name in extract_entities(part))
    names = list(dict.fromkeys(name for name in found if not set(words(name)) <= claim_words))
    return " ".join(names[:_CONTEXT_NAMES] + terms)


class WikipediaSource:
    """Evidence from Wikipedia pages, fetched once and cached in claims.db."""

    name = "wikipedia"

    def __init__(
        self,
        store: Store,
        config: WikipediaConfig | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.store = store
        self.config = config or WikipediaConfig()
        self._transport = transport if transport is not None else DEFAULT_TRANSPORT
        self._client: wikipediaapi.Wikipedia | None = None
        self._unreachable = False
        """Set after retries ran out: later claims fail fast instead of retrying again."""

    @property
    def client(self) -> wikipediaapi.Wikipedia:
        if self._client is None:
            options: dict[str, Any] = {
                "timeout": self.config.timeout,
                "max_retries": self.config.max_retries,
                "retry_wait": self.config.retry_wait,
            }
            if self._transport is not None:
                options["transport"] = self._transport
            self._client = wikipediaapi.Wikipedia(
                user_agent=self.config.user_agent, language=self.config.language, **options
            )
        return self._client

    def suggest(self, text: str, *, context: ClaimContext, limit: int = 5) -> list[Evidence]:
        query = search_query(text, context)
        if not query:
            return []
        if self._unreachable:
            raise SourceUnavailable(UNREACHABLE)
        try:
            titles = self.search(query)
            if not titles and context.text:  # the names narrowed it to nothing
                titles = self.search(search_query(text, ClaimContext.free_text()))
            pages = [self.page(title) for title in titles[: self.config.pages]]
        except (wikipediaapi.WikiInvalidJsonError, KeyError, TypeError, ValueError):
            raise SourceUnavailable(GARBLED) from None
        except (wikipediaapi.WikipediaException, httpx.HTTPError):
            self._unreachable = True
            raise SourceUnavailable(UNREACHABLE) from None
        terms = set(informative_terms(text, limit=50))
        candidates = []
        for position, page in enumerate(page for page in pages if page is not None):
            for passage in split_passages(page.text):
                candidates.append(
                    Candidate(
                        source=SourceKind.WIKIPEDIA,
                        title=page.title,
                        passage=passage,
                        # No index score here: share of claim words in the passage,
                        # nudged by the page's place in Wikipedia's own ranking.
                        recall=_overlap(terms, passage) + 0.1 / (position + 1),
                        url=page.url,
                        reference_id=page.title,
                        revision_id=page.revision_id,
                        fetched_at=page.fetched_at,
                    )
                )
        return rank_candidates(text, candidates, context=context.text, limit=limit)

    def search(self, query: str) -> list[str]:
        """Page titles for a query, best first (cached per language and query)."""
        language = self.config.language
        cached = self.store.cached_search(language, query)
        if cached is not None:
            return cached
        results = self.client.search(query, limit=max(self.config.pages, 1))
        titles = [str(title) for title in results.pages]
        self.store.cache_search(language, query, titles)
        return titles

    def page(self, title: str) -> CachedPage | None:
        """A page's text, URL and revision: from the cache, else fetched and cached."""
        language = self.config.language
        cached = self.store.cached_page(language, title)
        if cached is not None:
            return cached
        page = self.client.page(title)
        text = page.text  # one prop=extracts request (plain text, sections in wiki format)
        if not text.strip():
            return None
        self.client.info(page)
        revision = getattr(page, "lastrevid", None)
        url = getattr(page, "fullurl", None) or (
            f"https://{language}.wikipedia.org/wiki/{title.replace(' ', '_')}"
        )
        return self.store.cache_page(
            language,
            title,
            url=str(url),
            revision_id=int(revision) if revision is not None else None,
            text=text,
        )


def _overlap(terms: set[str], passage: str) -> float:
    if not terms:
        return 0.0
    found = set(words(passage))
    return sum(term in found for term in terms) / len(terms)
