"""`factcheck match --doc 1` on the sample article, with every source and a fake Wikipedia."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.evidence.sources import wikipedia

PAGE = "China–South Korea relations"
EXTRACT = (
    "China–South Korea relations are the bilateral relations between China and South Korea.\n\n"
    "== Trade ==\n"
    "China is South Korea's largest trading partner. Relations worsened in 2016 after "
    "South Korea agreed to deploy the THAAD missile defence system, which Beijing opposed.\n"
)


def fake_mediawiki(request: httpx.Request) -> httpx.Response:
    params = request.url.params
    if params.get("list") == "search":
        hits = [{"ns": 0, "title": PAGE, "pageid": 7}]
        return httpx.Response(200, json={"query": {"searchinfo": {"totalhits": 1}, "search": hits}})
    page = {"pageid": 7, "ns": 0, "title": PAGE}
    if params.get("prop") == "extracts":
        return httpx.Response(200, json={"query": {"pages": {"7": {**page, "extract": EXTRACT}}}})
    info = {
        **page,
        "lastrevid": 555,
        "fullurl": "https://en.wikipedia.org/wiki/China–South_Korea_relations",
    }
    return httpx.Response(200, json={"query": {"pages": {"7": info}}})


def test_match_doc_gives_every_claim_ranked_evidence(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(wikipedia, "DEFAULT_TRANSPORT", httpx.MockTransport(fake_mediawiki))
    sample = Path(__file__).resolve().parents[2] / "seeds" / "xi-lee-call.txt"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", "claims.db", "add", str(sample)]).exit_code == 0
    result = runner.invoke(
        cli, ["--db", "claims.db", "match", "--doc", "1"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    listed = json.loads(
        runner.invoke(cli, ["--db", "claims.db", "list", "--format", "json"]).output
    )
    with_evidence = 0
    for claim in listed:
        shown = json.loads(
            runner.invoke(
                cli, ["--db", "claims.db", "show", str(claim["id"]), "--format", "json"]
            ).output
        )
        evidence = shown["evidence"]
        if evidence:
            with_evidence += 1
            assert all(e["source"] == "wikipedia" and e["revision_id"] == 555 for e in evidence)
            # the claim's words highlighted, whole; none when it shares no word
            for item in evidence:
                if item["span"] is not None:
                    start, end = item["span"]
                    assert not item["passage"][start - 1 : start].isalnum()
                    assert not item["passage"][end : end + 1].isalnum()
            assert [e["score"] for e in evidence] == sorted(
                (e["score"] for e in evidence), reverse=True
            )
    assert with_evidence >= len(listed) // 2
    assert "possible contradiction" in result.output  # the article's 2017 vs the page's 2016
