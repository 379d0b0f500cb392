"""Fetching article URLs from a web server on 127.0.0.1 that the tests run (no internet)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest
from ingest_fixtures import ArticleServer, Route, make_pdf, page, serve

from factcheck.config import FetchConfig
from factcheck.errors import InputError
from factcheck.ingest import read_article

FIFTY_MB = 50_000_000
LOCAL = FetchConfig(allow_private_hosts=True)
"""The test server is on 127.0.0.1, which the desk refuses by default."""


@pytest.fixture
def server() -> Iterator[ArticleServer]:
    routes = {
        "/city/bridge": Route(body=page("harbour-bridge.html")),
        "/meals": Route(body=page("school-meals.html")),
        "/short-link": Route(status=302, headers={"Location": "/meals"}),
        "/loop": Route(status=302, headers={"Location": "/loop"}),
        "/broken": Route(status=500, body=b"<h1>Internal error</h1>"),
        "/photo": Route(body=b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        "/video": Route(
            content_type="text/html", headers={"Content-Length": str(FIFTY_MB)}, body=b""
        ),
        "/endless": Route(content_type="text/html", stream_bytes=FIFTY_MB),
        "/slow": Route(body=page("school-meals.html"), delay=1.0),
        "/release": Route(
            body=make_pdf([["Exports of machinery rose 4 percent in 2025, the office said."]]),
            content_type="application/pdf",
        ),
        "/menu": Route(body=b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
    }
    with serve(routes) as running:
        yield running


def test_url_is_fetched_and_extracted_with_metadata(server: ArticleServer):
    article = read_article(server.url("/city/bridge"), fetch=LOCAL)
    assert "cost the city 48 million euros" in article.text
    assert "Accept all cookies" not in article.text and "waste of money" not in article.text
    assert article.source == server.url("/city/bridge")
    assert article.url == "https://lantern-gazette.example/city/harbour-bridge-reopens"
    assert article.author == "Mira Castellano"


def test_user_agent_comes_from_the_fetch_config(server: ArticleServer):
    read_article(
        server.url("/meals"),
        fetch=FetchConfig(allow_private_hosts=True, user_agent="desk-test/1.0"),
    )
    assert server.requests[-1][1]["User-Agent"] == "desk-test/1.0"


def test_redirects_are_followed_and_the_final_page_is_read(server: ArticleServer):
    article = read_article(server.url("/short-link"), fetch=LOCAL)
    assert article.publisher == "Northfield Courier"
    assert article.source == server.url("/short-link")
    assert [path for path, _ in server.requests] == ["/short-link", "/meals"]


def test_a_page_without_canonical_url_keeps_the_address_it_was_read_from(server: ArticleServer):
    server.routes["/plain"] = Route(
        body=b"<html><body><article><p>"
        + b"The port handled 4 million containers. " * 5
        + b"</p></article></body></html>"
    )
    assert read_article(server.url("/plain"), fetch=LOCAL).url == server.url("/plain")


def test_pdf_links_are_read_as_pdfs(server: ArticleServer):
    article = read_article(server.url("/release"), fetch=LOCAL)
    assert "Exports of machinery rose 4 percent" in article.text
    assert article.url == server.url("/release")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/nowhere", r"/nowhere: the server answered HTTP 404 Not Found$"),
        ("/broken", r"/broken: the server answered HTTP 500"),
        ("/photo", r"/photo is not an article: the server sent image/png"),
        ("/video", r"/video is larger than 10 MB, too big for an article"),
        ("/endless", r"/endless is larger than 10 MB"),
        ("/loop", r"/loop: more than 5 redirects \(\[fetch\] max_redirects\)"),
        ("/menu", r"/menu: no article text found in the page"),
    ],
)
def test_bad_urls_get_one_line_errors(server: ArticleServer, path: str, message: str):
    with pytest.raises(InputError, match=message) as caught:
        read_article(server.url(path), fetch=LOCAL)
    assert "\n" not in str(caught.value)


def test_a_huge_download_is_abandoned_near_the_cap(server: ArticleServer):
    with pytest.raises(InputError):
        read_article(
            server.url("/endless"), fetch=FetchConfig(allow_private_hosts=True, max_megabytes=1.0)
        )
    # The server may have buffered a little more, but nowhere near the 50 MB on offer.
    assert server.bytes_sent.get("/endless", 0) < 10_000_000


def test_a_slow_server_times_out(server: ArticleServer):
    with pytest.raises(InputError, match=r"no answer within 0.2 seconds \(\[fetch\] timeout\)"):
        read_article(server.url("/slow"), fetch=FetchConfig(allow_private_hosts=True, timeout=0.2))


def test_an_unreachable_host_is_one_line():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match=rf"^cannot reach http://127.0.0.1:{port}/story: [A-Z]"):
        read_article(f"http://127.0.0.1:{port}/story", fetch=LOCAL)


def test_a_custom_transport_replaces_the_network():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            content=page("school-meals.html"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )

    article = read_article(
        "https://news.example/meals", fetch=LOCAL, transport=httpx.MockTransport(handler)
    )
    assert article.author == "Anouk Verhagen; Dev Raman"
