"""Wikipedia pages and searches cached in claims.db.

Called only by `sources.wikipedia`. A page is kept with its revision id and fetch
time, so a verdict cites the revision the reviewer read, and a second lookup of the
same page (or the same search) makes no request at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from factcheck.store.connection import StoreBase, utc_now
from factcheck.store.text import clean_text


@dataclass(frozen=True, slots=True)
class CachedPage:
    """A Wikipedia page's plain text as fetched, with where and when it came from."""

    language: str
    title: str
    url: str
    revision_id: int | None
    text: str
    fetched_at: str


class WikipediaCacheMixin(StoreBase):
    """Queries on `wikipedia_pages` and `wikipedia_searches`."""

    def cached_page(self, language: str, title: str) -> CachedPage | None:
        row = self.db.execute(
            "SELECT language, title, url, revision_id, text, fetched_at FROM wikipedia_pages"
            " WHERE language = ? AND title = ?",
            [language, title],
        ).fetchone()
        return CachedPage(*row) if row else None

    def cache_page(
        self, language: str, title: str, *, url: str, revision_id: int | None, text: str
    ) -> CachedPage:
        page = CachedPage(language, title, url, revision_id, text, utc_now())
        with self.write() as db:
            db.execute(
                "INSERT OR REPLACE INTO wikipedia_pages"
                " (language, title, url, revision_id, text, fetched_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    language,
                    clean_text(title),
                    clean_text(url),
                    revision_id,
                    clean_text(text),
                    page.fetched_at,
                ],
            )
        return page

    def cached_search(self, language: str, query: str) -> list[str] | None:
        row = self.db.execute(
            "SELECT titles FROM wikipedia_searches WHERE language = ? AND query = ?",
            [language, query],
        ).fetchone()
        return list(json.loads(row[0])) if row else None

    def cache_search(self, language: str, query: str, titles: list[str]) -> None:
        with self.write() as db:
            db.execute(
                "INSERT OR REPLACE INTO wikipedia_searches (language, query, titles, fetched_at)"
                " VALUES (?, ?, ?, ?)",
                [language, clean_text(query), json.dumps(titles), utc_now()],
            )
