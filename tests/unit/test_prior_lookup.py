"""The "checked before" lookup ranks first and joins after: same answers as joining
every match before ranking (the query it replaced, kept here as the reference)."""

from __future__ import annotations

import random

import pytest

from factcheck.evidence.matcher import fts_query
from factcheck.models import Claim, Status
from factcheck.store import Store

JOIN_THEN_RANK = """
    SELECT c.id, c.document_id, d.title, c.text, c.status, v.note, v.created_at
    FROM checked_claims_fts f
    JOIN claims c ON c.id = f.rowid
    JOIN documents d ON d.id = c.document_id
    JOIN verdicts v ON v.id = (
        SELECT id FROM verdicts WHERE claim_id = c.id ORDER BY created_at DESC, id DESC LIMIT 1
    )
    WHERE checked_claims_fts MATCH ? AND (? IS NULL OR c.document_id != ?)
    ORDER BY bm25(checked_claims_fts) LIMIT ?
"""

SUBJECTS = ["South Korea", "the ministry", "Exports", "The central bank", "Seoul's mayor"]
VERBS = ["grew by", "fell by", "reported", "doubled to", "promised"]
OBJECTS = ["4 percent", "a record trade surplus", "12,000 new homes", "the 2017 level", "jobs"]


def build(store: Store, documents: int = 12) -> list[int]:
    rng = random.Random(15)
    ids = []
    for number in range(documents):
        sentences = [
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {2000 + n}"
            for n in range(rng.randint(3, 8))
        ]
        text = ". ".join(sentences) + "."
        claims, at = [], 0
        for sentence in sentences:
            start = text.index(sentence, at)
            at = start + len(sentence)
            claims.append(Claim(sentence, start, at, start, at))
        ids.append(
            store.add_document(text, title=f"story {number}", source="-", claims=claims).document.id
        )
    all_claims = store.list_claims()
    for claim in rng.sample(all_claims, len(all_claims) * 2 // 3):
        store.mark([claim.id], rng.choice([Status.SUPPORTED, Status.DISPUTED]), reviewer="a")
        if rng.random() < 0.3:  # a later verdict: the latest one is the one reported
            store.mark([claim.id], Status.DISPUTED, reviewer="b", note=f"second look {claim.id}")
    return ids


@pytest.mark.parametrize("limit", [1, 3, 100])
def test_rank_first_lookup_returns_what_join_then_rank_returned(store: Store, limit: int) -> None:
    documents = build(store)
    queries = [fts_query(f"{s} {v} {o}") for s in SUBJECTS for v in VERBS[:2] for o in OBJECTS[:2]]
    for query in filter(None, queries):
        for excluded in (None, *documents[:3]):
            found = store.checked_claims_matching(query, limit=limit, exclude_document_id=excluded)
            expected = store.conn.execute(
                JOIN_THEN_RANK, [query, excluded, excluded, 10_000]
            ).fetchall()
            expected_rows = [(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in expected]
            got = [
                (
                    c.claim_id,
                    c.document_id,
                    c.document_title,
                    c.text,
                    str(c.status),
                    c.note,
                    c.decided_at,
                )
                for c in found
            ]
            assert len(got) == min(limit, len(expected_rows))
            assert all(row in expected_rows for row in got)
            assert all(c.document_id != excluded for c in found)
            # the best `limit` by bm25: nothing left out ranks strictly better
            scores = dict(
                store.conn.execute(
                    "SELECT rowid, bm25(checked_claims_fts) FROM checked_claims_fts"
                    " WHERE checked_claims_fts MATCH ?",
                    [query],
                ).fetchall()
            )
            kept = [scores[row[0]] for row in got]
            left_out = [scores[row[0]] for row in expected_rows if row not in got]
            assert kept == sorted(kept)
            if kept and left_out:
                assert max(kept) <= min(left_out)


def test_the_lookup_reports_the_verdict_in_force_not_the_last_recorded(store: Store) -> None:
    """An imported verdict dated before the local one is recorded later (a higher id)
    but is not in force: the lookup shows the verdict the claim's status follows."""
    text = "Exports grew by 4 percent in 2024."
    document = store.add_document(
        text, title="t", source="-", claims=[Claim(text, 0, len(text), 0, len(text))]
    ).document
    [claim] = store.list_claims(document_id=document.id)
    store.mark([claim.id], Status.SUPPORTED, reviewer="a", note="local and current")
    with store.write() as db:
        db.execute(
            "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id, created_at)"
            " VALUES (?, 'disputed', 'imported, older', 'b', NULL, '2020-01-01T00:00:00Z')",
            [claim.id],
        )
    [found] = store.checked_claims_matching(fts_query("exports grew"), limit=5)
    assert found.status is Status.SUPPORTED
    assert found.note == "local and current"
    assert found.note == store.verdict_in_force(claim.id).note
