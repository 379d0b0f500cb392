"""`Article`: what every reader in `factcheck.ingest` returns, whatever the input kind.

Kept apart from the readers so that each of them (text, HTML, PDF, URL) and every
caller (the CLI's `add`, `factcheck review FILE`) share one definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_TITLE_MAX_CHARS = 200


@dataclass(frozen=True)
class Article:
    """Text ready to split, with where it came from, a title and what the source told us.

    `text` is exactly what gets stored: claim offsets point into it. The metadata fields
    are None when the source does not say (a plain text file never does).
    """

    text: str
    source: str
    """What the user handed us: a file path, a URL, or `-` for stdin."""
    title: str
    warnings: list[str] = field(default_factory=list)
    url: str | None = None
    """Canonical URL of the published article (from the page, or where a fetch ended)."""
    author: str | None = None
    """Author(s) as the source names them; several are joined with "; "."""
    publisher: str | None = None
    """Publisher or site name."""
    published_at: str | None = None
    """Publication date, ISO 8601."""


def article_warnings(article: Article) -> list[str]:
    """What a reader should hear about `article` before its claims, one line each: what
    the reader noticed (a guessed encoding, little text kept), then whether the text
    reads as English (`text.language`). `add`, `split`, `review FILE` and `serve FILE`
    print these on stderr after "warning: "; one function, so they word them alike."""
    from factcheck.text.language import not_english_warning

    name = "<stdin>" if article.source == "-" else article.source
    language = not_english_warning(article.text, name=name)
    return [*article.warnings, *([language] if language else [])]


def default_title(text: str) -> str:
    """The headline: the first non-blank line, unless it is a cut-off line.

    Text copied from a news page often starts with a breadcrumb or a teaser that ends
    in "..." ("Home China Chinese President Xi Calls For ... In Talk...") with the full
    headline on the next line; a reviewer expects the headline.
    """
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if not lines:
        return "untitled"
    for line in lines[:3]:
        if not line.endswith(("...", "…")):
            return shorten_title(line)
    return shorten_title(lines[0])


def shorten_title(title: str) -> str:
    """A title cut to a length a listing can show."""
    return title if len(title) <= _TITLE_MAX_CHARS else title[: _TITLE_MAX_CHARS - 1] + "…"
