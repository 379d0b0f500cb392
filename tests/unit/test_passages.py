"""Passages of reference files and Wikipedia pages: cut only where a sentence ends."""

from __future__ import annotations

from pathlib import Path

import httpx

from factcheck.config import WikipediaConfig
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources.wikipedia import WikipediaSource
from factcheck.ingest.reference_files import read_reference_file
from factcheck.store import Store
from factcheck.text.passages import split_passages
from factcheck.text.sentences import split_sentences


def test_no_passage_ends_after_an_abbreviation() -> None:
    text = (
        "Trade with the U.S. Senate's approval grew by 4 percent in 2023. "
        "Dr. Lee said the St. Louis plant opened on Jan. 5 that year."
    )
    # max_chars=1 makes every sentence end a cut, so each passage is one sentence
    assert split_passages(text, max_chars=1) == [
        "Trade with the U.S. Senate's approval grew by 4 percent in 2023.",
        "Dr. Lee said the St. Louis plant opened on Jan. 5 that year.",
    ]


def test_a_sentence_ending_in_an_abbreviation_still_ends_the_passage() -> None:
    text = "Its largest market is the U.S. The second is China."
    assert split_passages(text, max_chars=1) == [
        "Its largest market is the U.S.",
        "The second is China.",
    ]


def test_a_quotation_is_cut_between_its_sentences() -> None:
    # The claim splitter holds a quotation together (a claim must not end inside one);
    # a passage is cut there, so a stray quotation mark (12" pipes) cannot run a passage
    # on for 1,500 characters.
    text = 'He said: "Exports rose. Imports fell." A 12" pipe burst. Water rose.'
    assert split_passages(text, max_chars=1) == [
        'He said: "Exports rose.',
        'Imports fell."',
        'A 12" pipe burst.',
        "Water rose.",
    ]
    said = text[: text.index(" A 12")]
    assert [said[a:b] for a, b in split_sentences(said)] == [said]


def test_every_word_is_kept_in_order_and_headings_are_dropped() -> None:
    text = (
        "== Economy ==\n"
        "- Exports rose.\n- Imports fell.\n\n"
        "# Population\n"
        "Seoul has 9.4 million\npeople. Busan has 3.3 million."
    )
    passages = split_passages(text, max_chars=20)
    assert passages == [
        "- Exports rose.",
        "- Imports fell.",
        "Seoul has 9.4 million people.",
        "Busan has 3.3 million.",
    ]


def test_a_sentence_longer_than_the_limit_is_never_cut() -> None:
    sentence = "The " + " ".join(["very"] * 100) + " long sentence ends here."
    assert split_passages(f"{sentence} Short one.", max_chars=50) == [sentence, "Short one."]


def test_reference_files_use_the_same_passages(tmp_path: Path) -> None:
    path = tmp_path / "trade.md"
    text = "Trade with the U.S. Senate's approval grew. " * 12
    path.write_text(text)
    rows = read_reference_file(path).rows
    assert [row["text"] for row in rows] == split_passages(text)
    assert not any(row["text"].endswith("U.S.") for row in rows)


# 359 characters of filler: "Its trade with the U.S." still fits in the first 400-character
# passage and the rest does not, so a splitter that ends sentences at "U.S." cuts there.
PAGE_TEXT = (
    "Korea exports cars and ships. " * 12
    + "Its trade with the U.S. Senate's blessing grew by 4 percent in 2016."
)


def _mediawiki(request: httpx.Request) -> httpx.Response:
    """One page, answered like the real API, so wikipedia-api's own client code runs."""
    params = request.url.params
    if params.get("list") == "search":
        hit = {"ns": 0, "title": "Korea", "pageid": 7, "snippet": "…"}
        return httpx.Response(200, json={"query": {"search": [hit]}})
    page = {"pageid": 7, "ns": 0, "title": params.get("titles")}
    if params.get("prop") == "extracts":
        return httpx.Response(200, json={"query": {"pages": {"7": {**page, "extract": PAGE_TEXT}}}})
    if params.get("prop") == "info":
        info = {**page, "lastrevid": 99, "fullurl": "https://en.wikipedia.org/wiki/Korea"}
        return httpx.Response(200, json={"query": {"pages": {"7": info}}})
    return httpx.Response(400, json={"error": {"code": "badparams"}})


def test_wikipedia_pages_use_the_same_passages(tmp_path: Path) -> None:
    store = Store(tmp_path / "claims.db")
    source = WikipediaSource(store, WikipediaConfig(), transport=httpx.MockTransport(_mediawiki))
    claim = "Trade with the U.S. Senate's blessing grew by 4 percent"
    found = source.suggest(claim, context=ClaimContext.free_text(), limit=20)
    passages = [evidence.passage for evidence in found]
    assert passages
    assert set(passages) <= set(split_passages(PAGE_TEXT))
    assert any(p.endswith("U.S. Senate's blessing grew by 4 percent in 2016.") for p in passages)
