"""Downloading an article URL, with the limits from config.toml's `[fetch]` section.

Only the download lives here; what the bytes are is decided by the content type and
read by `html.py`, `pdf.py` or `text.py`. The body is streamed and abandoned past the
size cap, so a link to a 50 MB video costs a few megabytes, not a full download, and
every failure (unreachable, HTTP error, redirect loop, not an article) is one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from factcheck.config import FetchConfig
from factcheck.errors import InputError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")  # "[Errno 111] Connection refused" -> the words
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1"


@dataclass(frozen=True)
class FetchedPage:
    """A downloaded response body and what the server said it is."""

    url: str
    """Where the download ended, after redirects."""
    content: bytes
    content_type: str
    """The media type without parameters, lower case ("" when the server sent none)."""
    charset: str | None


def is_url(text: str) -> bool:
    """True for what `read_article` should fetch rather than open as a file."""
    return text.lower().startswith(("http://", "https://"))


def fetch_url(
    url: str,
    *,
    config: FetchConfig | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchedPage:
    """GET `url` following redirects; refuse HTTP errors, non-articles and huge bodies.

    `transport` lets tests and embedding applications supply their own HTTP layer.
    """
    config = config or FetchConfig()
    cap = int(config.max_megabytes * 1_000_000)
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=config.max_redirects,
                timeout=config.timeout,
                headers={"User-Agent": config.user_agent, "Accept": _ACCEPT},
                transport=transport,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                reason = f" {response.reason_phrase}" if response.reason_phrase else ""
                raise InputError(f"{url}: the server answered HTTP {response.status_code}{reason}")
            content_type = _media_type(response.headers.get("content-type", ""))
            if content_type and content_type not in HTML_TYPES | PDF_TYPES | TEXT_TYPES:
                raise InputError(
                    f"{url} is not an article: the server sent {content_type}"
                    " (factcheck reads web pages, PDFs and plain text)"
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise InputError(_too_big(url, config))
            content = bytearray()
            for chunk in response.iter_bytes():
                content.extend(chunk)
                if len(content) > cap:
                    raise InputError(_too_big(url, config))
            return FetchedPage(
                url=str(response.url),
                content=bytes(content),
                content_type=content_type,
                charset=response.charset_encoding,
            )
    except httpx.TooManyRedirects:
        raise InputError(
            f"{url}: more than {config.max_redirects} redirects ([fetch] max_redirects)"
        ) from None
    except httpx.TimeoutException:
        raise InputError(
            f"{url}: no answer within {config.timeout:g} seconds ([fetch] timeout)"
        ) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        raise InputError(f"{url} is not a valid web address ({error})") from None
    except httpx.HTTPError as error:
        raise InputError(f"cannot reach {url}: {_describe(error)}") from None


def _media_type(header: str) -> str:
    return header.split(";", 1)[0].strip().lower()


def _too_big(url: str, config: FetchConfig) -> str:
    return (
        f"{url} is larger than {config.max_megabytes:g} MB, too big for an article"
        " ([fetch] max_megabytes)"
    )


def _describe(error: httpx.HTTPError) -> str:
    """httpx's message, or the error's kind when it has none (some connect errors)."""
    message = str(error).strip().splitlines()
    return _ERRNO.sub("", message[0]) if message else type(error).__name__
