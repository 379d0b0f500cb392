"""Downloading an article URL, with the limits from config.toml's `[fetch]` section.

Only the download lives here; what the bytes are is decided by the content type and
read by `html.py`, `pdf.py` or `text.py`. The body is streamed and abandoned past the
size cap, so a link to a 50 MB video costs a few megabytes, not a full download, and
every failure (unreachable, HTTP error, redirect loop, not an article) is one line.

The server is not trusted either. Redirects are followed here, one hop at a time, so
each hop's host is checked (`addresses.py`: no private or local address unless
`[fetch] allow_private_hosts`), and the connection is made to the address that was
checked. `[fetch] timeout` bounds each read; `[fetch] deadline` bounds the whole
download, so a server trickling a byte a second is abandoned too. Both are enforced
in the socket layer (`_GuardedBackend`), headers included.
"""

from __future__ import annotations

import re
import time
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from factcheck.config import FetchConfig
from factcheck.errors import InputError
from factcheck.ingest.addresses import resolve_public
from factcheck.untrusted.urls import without_credentials

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")  # "[Errno 111] Connection refused" -> the words
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchedPage:
    """A downloaded response body and what the server said it is."""

    url: str
    """Where the download ended, after redirects (without user name or password)."""
    content: bytes
    content_type: str
    """The media type without parameters, lower case ("" when the server sent none)."""
    charset: str | None


def is_url(text: str) -> bool:
    """True for what `read_article` should fetch rather than open as a file."""
    return text.lower().startswith(("http://", "https://"))


class _DeadlineExceeded(Exception):
    """The whole download took longer than `[fetch] deadline`."""


def fetch_url(
    url: str,
    *,
    config: FetchConfig | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchedPage:
    """GET `url` following redirects; refuse HTTP errors, non-articles and huge bodies.

    `transport` lets tests and embedding applications supply their own HTTP layer;
    the address check still runs before each hop, but the transport decides where it
    connects, and the deadline is then checked between chunks only.
    """
    config = config or FetchConfig()
    shown = without_credentials(url)
    deadline = time.monotonic() + config.deadline
    if transport is None and not _uses_environment_proxy(url):
        # the backend checks again the address it connects to, and bounds every read
        transport = _GuardedTransport(_GuardedBackend(config, deadline, shown))
    try:
        with httpx.Client(
            follow_redirects=False,
            timeout=config.timeout,
            headers={"User-Agent": config.user_agent, "Accept": _ACCEPT},
            transport=transport,
        ) as client:
            return _follow(client, url, shown, config, deadline)
    except _DeadlineExceeded:
        raise InputError(_too_slow(shown, config)) from None
    except httpx.TimeoutException:
        if time.monotonic() >= deadline:
            raise InputError(_too_slow(shown, config)) from None
        raise InputError(
            f"{shown}: no answer within {config.timeout:g} seconds ([fetch] timeout)"
        ) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        raise InputError(f"{shown} is not a valid web address ({error})") from None
    except httpx.HTTPError as error:
        cause = error.__context__
        if isinstance(cause, InputError):  # our address check, raised inside httpcore
            raise cause from None
        raise InputError(f"cannot reach {shown}: {_describe(error)}") from None


def _follow(
    client: httpx.Client,
    url: str,
    shown: str,
    config: FetchConfig,
    deadline: float,
) -> FetchedPage:
    """Request `url`, then each redirect target, up to `[fetch] max_redirects` hops."""
    current = url
    for _hop in range(config.max_redirects + 1):
        if time.monotonic() >= deadline:
            raise _DeadlineExceeded
        try:
            parts = urlsplit(current)
            port = parts.port or _default_port(parts.scheme)
        except ValueError as error:  # bad IPv6 brackets, a port out of range
            raise InputError(
                f"{without_credentials(current)} is not a valid web address ({error})"
            ) from None
        if current == url and not parts.hostname:
            raise InputError(f"{shown} is not a valid web address (no host name)")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(
                f"{shown} redirects to {without_credentials(current)}:"
                " only http:// and https:// addresses are fetched"
            )
        if not config.allow_private_hosts:  # before httpx parses the host its own way
            resolve_public(shown, parts.hostname, port)
        with client.stream("GET", current) as response:
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                current = urljoin(current, location.strip())
                continue
            return _read_page(response, current, shown, config, deadline)
    raise InputError(f"{shown}: more than {config.max_redirects} redirects ([fetch] max_redirects)")


def _read_page(
    response: httpx.Response, url: str, shown: str, config: FetchConfig, deadline: float
) -> FetchedPage:
    cap = int(config.max_megabytes * 1_000_000)
    if response.status_code >= 400:
        reason = f" {response.reason_phrase}" if response.reason_phrase else ""
        raise InputError(f"{shown}: the server answered HTTP {response.status_code}{reason}")
    content_type = _media_type(response.headers.get("content-type", ""))
    if content_type and content_type not in HTML_TYPES | PDF_TYPES | TEXT_TYPES:
        raise InputError(
            f"{shown} is not an article: the server sent {content_type}"
            " (factcheck reads web pages, PDFs and plain text)"
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise InputError(_too_big(shown, config))
    content = bytearray()
    for chunk in response.iter_bytes():
        content.extend(chunk)
        if len(content) > cap:
            raise InputError(_too_big(shown, config))
        if time.monotonic() >= deadline:
            raise _DeadlineExceeded
    return FetchedPage(
        url=without_credentials(url),
        content=bytes(content),
        content_type=content_type,
        charset=response.charset_encoding,
    )


class _GuardedBackend(httpcore.NetworkBackend):
    """Sockets that connect only to checked addresses and never outlive the deadline."""

    def __init__(self, config: FetchConfig, deadline: float, shown: str) -> None:
        self._inner = httpcore.SyncBackend()
        self._config = config
        self._deadline = deadline
        self._shown = shown

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        if self._config.allow_private_hosts:
            targets = [host]
        else:  # connect to what was checked: no second lookup for a rebinding DNS to answer
            targets = [str(a) for a in resolve_public(self._shown, host.strip("[]"), port)]
        error: Exception | None = None
        for target in targets:
            try:
                stream = self._inner.connect_tcp(
                    target,
                    port,
                    timeout=_bounded(timeout, self._deadline),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as failed:
                error = failed
                continue
            return _DeadlineStream(stream, self._deadline)
        assert error is not None
        raise error

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write also stops at the overall deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout=_bounded(timeout, self._deadline))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout=_bounded(timeout, self._deadline))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, timeout=_bounded(timeout, self._deadline)
        )
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


def _bounded(timeout: float | None, deadline: float) -> float:
    """The per-operation timeout, cut to what is left before the deadline."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the download deadline has passed")
    return left if timeout is None else min(timeout, left)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport (request mapping, error mapping) over `_GuardedBackend`.

    Used unless a proxy from the environment applies (`_uses_environment_proxy`).
    """

    def __init__(self, backend: _GuardedBackend) -> None:
        super().__init__(retries=0)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=backend, retries=0
        )


def _uses_environment_proxy(url: str) -> bool:
    """True when HTTP_PROXY/HTTPS_PROXY (and not NO_PROXY) send `url` through a proxy.

    The proxy then makes the connection: each hop's host is still checked here before
    the request, and the deadline between chunks, but the socket is the proxy's.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    proxies = urllib.request.getproxies()
    return bool(proxies.get(parts.scheme)) and not urllib.request.proxy_bypass(parts.hostname or "")


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def _media_type(header: str) -> str:
    return header.split(";", 1)[0].strip().lower()


def _too_big(url: str, config: FetchConfig) -> str:
    return (
        f"{url} is larger than {config.max_megabytes:g} MB, too big for an article"
        " ([fetch] max_megabytes)"
    )


def _too_slow(url: str, config: FetchConfig) -> str:
    return f"{url}: the download took longer than {config.deadline:g} seconds ([fetch] deadline)"


def _describe(error: httpx.HTTPError) -> str:
    """httpx's message, or the error's kind when it has none (some connect errors)."""
    message = str(error).strip().splitlines()
    return _ERRNO.sub("", message[0]) if message else type(error).__name__
