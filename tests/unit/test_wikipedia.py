"""The Wikipedia source against a fake MediaWiki API (httpx.MockTransport, no network).

The fake answers like the real API (list=search, prop=extracts, prop=info with
lastrevid and fullurl), so wikipedia-api's own client code runs in every test.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from factcheck.config import WikipediaConfig
from factcheck.errors import SourceUnavailable
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources.wikipedia import GARBLED, UNREACHABLE, WikipediaSource, search_query
from factcheck.models import SourceKind
from factcheck.store import Store

PAGE = "Economy of South Korea"
FREE_TEXT = ClaimContext.free_text()
IN_SEOUL = ClaimContext(document_id=1, title="South Korea", sentence="")
EXTRACT = (
    "The economy of South Korea is a highly developed mixed economy.\n\n"
    "== Overview ==\n"
    "South Korea has the fourth-largest economy in Asia and the 10th-largest in the world. "
    "In 2016 its GDP grew by 2.8 percent.\n"
)


def mediawiki(request: httpx.Request) -> httpx.Response:
    params = request.url.params
    assert request.url.host == "en.wikipedia.org"
    if params.get("list") == "search":
        return httpx.Response(
            200,
            json={
                "batchcomplete": "",
                "query": {
                    "searchinfo": {"totalhits": 1},
                    "search": [
                        {
                            "ns": 0,
                            "title": PAGE,
                            "pageid": 42,
                            "size": 900,
                            "wordcount": 120,
                            "snippet": "…",
                            "timestamp": "2026-10-01T00:00:00Z",
                        }
                    ],
                },
            },
        )
    page = {"pageid": 42, "ns": 0, "title": params.get("titles")}
    if params.get("prop") == "extracts":
        return httpx.Response(
            200,
            json={"batchcomplete": "", "query": {"pages": {"42": {**page, "extract": EXTRACT}}}},
        )
    if params.get("prop") == "info":
        info = {
            **page,
            "lastrevid": 1234567,
            "fullurl": "https://en.wikipedia.org/wiki/Economy_of_South_Korea",
            "touched": "2026-10-01T00:00:00Z",
            "length": 900,
        }
        return httpx.Response(200, json={"batchcomplete": "", "query": {"pages": {"42": info}}})
    return httpx.Response(400, json={"error": {"code": "badparams"}})


class Recorder:
    """A transport handler that counts requests and can fail the first few."""

    def __init__(self, fail: Callable[[int], httpx.Response | None] | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.fail = fail

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.fail is not None:
            failure = self.fail(len(self.requests))
            if failure is not None:
                return failure
        return mediawiki(request)


def source(store: Store, handler: Recorder, **config: object) -> WikipediaSource:
    settings = {
        "retry_wait": 0.001,
        "max_retries": 2,
        "user_agent": "factcheck-tests/0.1 (test@example.org)",
        **config,
    }
    return WikipediaSource(
        store, WikipediaConfig(**settings), transport=httpx.MockTransport(handler)
    )


def test_suggest_cites_title_url_revision_and_span(store: Store) -> None:
    recorder = Recorder()
    found = source(store, recorder).suggest(
        "Korea is Asia's fourth-largest economy", context=IN_SEOUL
    )
    best = found[0]
    assert best.source is SourceKind.WIKIPEDIA
    assert best.title == PAGE
    assert best.url == "https://en.wikipedia.org/wiki/Economy_of_South_Korea"
    assert best.revision_id == 1234567
    assert best.fetched_at
    assert "fourth-largest" in best.passage
    assert "fourth-largest" in best.agreements
    assert best.span is not None
    assert "factcheck-tests/0.1" in recorder.requests[0].headers["user-agent"]


def test_second_lookup_is_served_from_the_cache(store: Store) -> None:
    recorder = Recorder()
    source(store, recorder).suggest("Korea fourth-largest economy", context=IN_SEOUL)
    made = len(recorder.requests)
    assert made == 3  # search, extracts, info
    again = source(store, recorder).suggest("Korea fourth-largest economy", context=IN_SEOUL)
    assert again and len(recorder.requests) == made


def test_rate_limit_and_server_errors_are_retried_then_succeed(store: Store) -> None:
    recorder = Recorder(
        fail=lambda n: {
            1: httpx.Response(429, headers={"Retry-After": "0"}),
            2: httpx.Response(503),
        }.get(n)
    )
    found = source(store, recorder).suggest("Korea fourth-largest economy", context=FREE_TEXT)
    assert found and len(recorder.requests) == 5  # 2 failures + search, extracts, info


def test_retries_are_bounded_then_unavailable(store: Store) -> None:
    recorder = Recorder(fail=lambda n: httpx.Response(502))
    wiki = source(store, recorder, max_retries=2)
    with pytest.raises(SourceUnavailable, match=UNREACHABLE):
        wiki.suggest("Korea fourth-largest economy", context=FREE_TEXT)
    assert len(recorder.requests) == 3  # one try + two retries
    with pytest.raises(SourceUnavailable):  # later claims fail fast, no more requests
        wiki.suggest("Japan third-largest economy", context=FREE_TEXT)
    assert len(recorder.requests) == 3


def test_offline_and_timeouts_say_wikipedia_is_unreachable(store: Store) -> None:
    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route to host", request=request)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    for handler in (offline, slow):
        wiki = WikipediaSource(
            store,
            WikipediaConfig(retry_wait=0.001, max_retries=1),
            transport=httpx.MockTransport(handler),
        )
        with pytest.raises(SourceUnavailable) as error:
            wiki.suggest("Korea fourth-largest economy", context=FREE_TEXT)
        assert str(error.value) == "Wikipedia unreachable; showing local evidence"


def test_garbage_answers_are_reported_not_raised(store: Store) -> None:
    answers = [
        httpx.Response(200, text="<html>captive portal</html>"),
        httpx.Response(200, json={"unexpected": True, "query": {"search": [{"title": PAGE}]}}),
    ]
    for answer in answers:
        wiki = source(store, Recorder(fail=lambda n, a=answer: a))
        with pytest.raises(SourceUnavailable, match=GARBLED):
            wiki.suggest("Korea fourth-largest economy " + str(id(answer)), context=FREE_TEXT)


def test_search_uses_names_from_the_context() -> None:
    query = search_query(
        "It became Asia's fourth-largest economy",
        ClaimContext(document_id=1, title="", sentence="Seoul, South Korea: the economy grew"),
    )
    assert "Seoul" in query and "South Korea" in query
    assert {"fourth", "largest", "economy"} <= set(query.split())
    assert "it" not in query.split()
