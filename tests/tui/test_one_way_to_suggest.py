"""`factcheck match` and the review screen's `w` ask Wikipedia the same question for
the same claim (issue 16: the CLI sent the title and the sentence, the screen only the
sentence). The real WikipediaSource runs against a fake MediaWiki API."""

from __future__ import annotations

import httpx
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.config import WikipediaConfig
from factcheck.evidence.sources import wikipedia
from factcheck.evidence.sources.wikipedia import WikipediaSource
from factcheck.store import Store

from .test_review_suggestions import SIZE, settle

NO_RESULTS = {"batchcomplete": "", "query": {"searchinfo": {"totalhits": 0}, "search": []}}


class SearchRecorder:
    """A MediaWiki API that finds nothing and remembers every search it was sent."""

    def __init__(self) -> None:
        self.queries: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.url.host == "en.wikipedia.org"
        self.queries.append(request.url.params["srsearch"])
        return httpx.Response(200, json=NO_RESULTS)


async def test_match_and_w_send_wikipedia_the_same_query(make, review_store, tmp_path, monkeypatch):
    claim_id = 5  # "Asia's fourth-largest economy": names are in its sentence and title
    screen_searches = SearchRecorder()
    with Store(review_store.path) as lookup:
        source = WikipediaSource(
            lookup, WikipediaConfig(), transport=httpx.MockTransport(screen_searches)
        )
        app = make(sources=[source])
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "j", "j", "j")
            assert app.screen.selected_id == claim_id
            await pilot.press("w")
            await settle(app, pilot)
        with lookup.write() as db:  # forget the answers: the CLI must ask again
            db.execute("DELETE FROM wikipedia_searches")

    cli_searches = SearchRecorder()
    monkeypatch.setattr(wikipedia, "DEFAULT_TRANSPORT", httpx.MockTransport(cli_searches))
    monkeypatch.chdir(tmp_path)  # no config.toml of the repository
    result = CliRunner().invoke(
        cli,
        ["--db", str(review_store.path), "match", str(claim_id), "--source", "wikipedia"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert f"claim {claim_id}: no evidence found" in result.output

    # the query with the context's names, then (nothing found) the claim's words alone
    assert len(screen_searches.queries) == 2
    assert screen_searches.queries == cli_searches.queries
    with_names, words_only = screen_searches.queries
    assert with_names.startswith("Lee ") and with_names.endswith(words_only)
