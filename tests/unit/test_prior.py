"""Earlier verdicts and published fact-checks (ClaimReview) as evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.config import PriorConfig
from factcheck.errors import InputError
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources.prior import PriorChecks
from factcheck.evidence.strength import STRONG, SUGGESTED, match_strength
from factcheck.ingest.claimreview import read_claimreview_file
from factcheck.models import Claim, SourceKind
from factcheck.store import Store

CLAIM = "South Korea is Asia's fourth-largest economy"
FREE_TEXT = ClaimContext.free_text()


def in_document(document_id: int) -> ClaimContext:
    """The context of a claim of `document_id` (title and sentence do not matter here)."""
    return ClaimContext(document_id=document_id, title="", sentence=CLAIM)


def add_doc(store: Store, text: str, title: str) -> int:
    claim = Claim(text=text, start=0, end=len(text), sentence_start=0, sentence_end=len(text))
    result = store.add_document(text, title=title, source="-", claims=[claim])
    return result.document.id


def test_an_earlier_verdict_in_another_document_is_suggested(store: Store) -> None:
    first = add_doc(store, CLAIM + ".", "Monday story")
    [claim] = store.list_claims(document_id=first)
    store.mark([claim.id], "disputed", reviewer="ana", note="IMF says fifth")
    second = add_doc(store, "Elsewhere: " + CLAIM, "Tuesday story")
    source = PriorChecks(store)
    [found] = source.suggest(CLAIM, context=in_document(second))
    assert found.source is SourceKind.PRIOR
    assert found.title.startswith("checked before: disputed on ")
    assert "IMF says fifth" in found.title
    assert found.reference_id == str(claim.id)
    assert match_strength(found, PriorConfig()) == STRONG
    assert STRONG not in found.agreements  # flags are the claim's facts, not the strength
    # the document's own claims are not evidence for themselves
    assert source.suggest(CLAIM, context=in_document(first)) == []


def test_unverified_claims_and_short_claims_are_not_matched(store: Store) -> None:
    add_doc(store, CLAIM + ".", "Monday story")
    assert PriorChecks(store).suggest(CLAIM, context=FREE_TEXT) == []  # no verdict yet
    [claim] = store.list_claims()
    store.mark([claim.id], "supported", reviewer="ana")
    assert (
        PriorChecks(store, PriorConfig(min_claim_words=10)).suggest(CLAIM, context=FREE_TEXT) == []
    )


def test_thresholds_separate_suggested_from_strong(store: Store) -> None:
    store.add_factchecks(
        [
            {"claim": CLAIM, "url": "https://fc.example/1", "rating": "False", "publisher": "AFP"},
            {
                "claim": "South Korea economy is fourth in Asia, says minister",
                "url": "https://fc.example/2",
            },
            {"claim": "Cats are liquid", "url": "https://fc.example/3"},
        ]
    )
    found = PriorChecks(store, PriorConfig(suggested_threshold=0.5)).suggest(
        CLAIM, context=FREE_TEXT
    )
    by_url = {e.url: e for e in found}
    config = PriorConfig(suggested_threshold=0.5)
    assert match_strength(by_url["https://fc.example/1"], config) == STRONG
    assert by_url["https://fc.example/1"].title == "AFP: False"
    assert match_strength(by_url["https://fc.example/2"], config) == SUGGESTED
    assert not {STRONG, SUGGESTED} & {a for e in found for a in e.agreements}
    assert "https://fc.example/3" not in by_url
    assert all(e.source is SourceKind.FACTCHECK for e in found)


def test_claimreview_jsonld_in_a_graph(tmp_path: Path) -> None:
    path = tmp_path / "reviews.jsonld"
    path.write_text(
        json.dumps(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebPage", "name": "not a review"},
                    {
                        "@type": "ClaimReview",
                        "claimReviewed": CLAIM,
                        "url": "https://fc.example/a",
                        "datePublished": "2026-11-02",
                        "author": {"@type": "Organization", "name": "Full Fact"},
                        "reviewRating": {"@type": "Rating", "alternateName": "Misleading"},
                        "itemReviewed": {"@type": "Claim", "author": {"name": "A Minister"}},
                    },
                    {"@type": "ClaimReview", "url": "https://fc.example/b"},
                ],
            }
        )
    )
    reviews = read_claimreview_file(path)
    assert reviews.skipped == 1
    [row] = reviews.rows
    assert row["rating"] == "Misleading" and row["publisher"] == "Full Fact"
    assert row["claimant"] == "A Minister" and row["reviewed_at"] == "2026-11-02"


def test_claimreview_csv_like_claimskg(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "sample.csv"
    path.write_text(
        ",rating_alternateName,creativeWork_author_name,claimReview_author_name,claimReview_url,"
        "claimReview_claimReviewed,claimReview_datePublished,extra_title\n"
        f'0,False,Someone,fullfact,https://fullfact.org/x,"{CLAIM}",2021-07-27,Title\n'
        "1,True,,fullfact,https://fullfact.org/y,,2021-07-28,Headline names the claim\n"
        "2,True,,fullfact,,,2021-07-29,No URL\n"
    )
    reviews = read_claimreview_file(path)
    assert reviews.skipped == 1  # no URL
    # No claimReviewed (as in AAP's feed): the headline stands in for the claim.
    assert [row["claim"] for row in reviews.rows] == [CLAIM, "Headline names the claim"]
    assert store.add_factchecks(reviews.rows) == (2, 0)
    assert store.add_factchecks(reviews.rows) == (0, 2)  # same url and claim: an update
    assert store.factcheck_count() == 2


def test_files_without_claims_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "none.json"
    empty.write_text(json.dumps({"@type": "NewsArticle", "headline": "x"}))
    with pytest.raises(InputError, match="no fact-checks with a claim and a URL"):
        read_claimreview_file(empty)
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="not a ClaimReview CSV"):
        read_claimreview_file(other)
    broken = tmp_path / "broken.json"
    broken.write_text('{"@type": \n')
    with pytest.raises(InputError, match=r"broken.json:\d+: not valid JSON"):
        read_claimreview_file(broken)


def test_a_fact_check_without_url_aborts_the_batch(store: Store) -> None:
    with pytest.raises(InputError, match="fact-check 2"):
        store.add_factchecks([{"claim": CLAIM, "url": "https://a"}, {"claim": "x", "url": ""}])
    assert store.factcheck_count() == 0


def test_the_earlier_verdict_index_follows_undo_and_redecision(store: Store) -> None:
    first = add_doc(store, CLAIM + ".", "Monday story")
    [claim] = store.list_claims(document_id=first)
    source = PriorChecks(store)
    store.mark([claim.id], "disputed", reviewer="ana")
    assert [e.reference_id for e in source.suggest(CLAIM, context=FREE_TEXT)] == [str(claim.id)]
    store.mark([claim.id], "unverified", reviewer="ana", note="undo")
    assert source.suggest(CLAIM, context=FREE_TEXT) == []
    store.mark([claim.id], "supported", reviewer="ana")
    store.mark([claim.id], "disputed", reviewer="ana")  # decided to decided: indexed once
    [found] = source.suggest(CLAIM, context=FREE_TEXT)
    assert found.title.startswith("checked before: disputed on ")


def test_an_earlier_verdict_is_found_among_many_decided_claims(store: Store) -> None:
    noise = [f"Japan exported {n} million cars to Europe in {1990 + n % 30}" for n in range(300)]
    text = ". ".join(noise) + ". " + CLAIM + "."
    claims = []
    for sentence in [*noise, CLAIM]:
        start = text.index(sentence)
        claims.append(Claim(sentence, start, start + len(sentence), start, start + len(sentence)))
    result = store.add_document(text, title="Archive", source="-", claims=claims)
    ids = [c.id for c in store.list_claims(document_id=result.document.id)]
    store.mark(ids, "supported", reviewer="ana")
    [found] = PriorChecks(store).suggest(
        "Analysts call South Korea Asia's fourth-largest economy", context=FREE_TEXT
    )
    assert found.passage == CLAIM


def test_decided_claims_of_an_older_database_are_indexed_on_upgrade(old_database) -> None:
    path, conn = old_database(4)
    conn.execute(
        "INSERT INTO documents (id, title, source, text, sha256, added_at)"
        " VALUES (1, 'Monday story', '-', ?, 'x', '2026-11-02T00:00:00Z')",
        [CLAIM],
    )
    for claim_id, status in ((1, "disputed"), (2, "unverified")):
        conn.execute(
            "INSERT INTO claims (id, document_id, text, start, end, sentence_start,"
            " sentence_end, kind, score, status, updated_at)"
            " VALUES (?, 1, ?, 0, 10, 0, 10, 'other', 0.9, ?, '2026-11-02T00:00:00Z')",
            [claim_id, CLAIM, status],
        )
        conn.execute(
            "INSERT INTO verdicts (claim_id, status, reviewer, created_at)"
            " VALUES (?, ?, 'ana', '2026-11-02T00:00:00Z')",
            [claim_id, status],
        )
    conn.commit()
    conn.close()
    with Store(path) as store:
        found = PriorChecks(store).suggest(CLAIM, context=FREE_TEXT)
    assert [e.reference_id for e in found] == ["1"]
