"""`factcheck list` and `documents` stream, and still write exactly what they wrote
before they streamed (files in tests/fixtures/listings, from the old renderers)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from factcheck.cli import claim_listing
from factcheck.store import Store
from tests.unit.listing_fixture import GOLDEN, LISTINGS, build_listing_db, render_listings


@pytest.fixture
def listing_db(tmp_path: Path, sample_text: str) -> Path:
    path = tmp_path / "listing.db"
    build_listing_db(path, sample_text)
    return path


@pytest.mark.parametrize("chunk_rows", [1, 2, 7, claim_listing.CHUNK_ROWS])
def test_listings_are_byte_identical_to_the_old_renderers(
    listing_db: Path, chunk_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claim_listing, "CHUNK_ROWS", chunk_rows)
    outputs = render_listings(listing_db)
    assert outputs.keys() == LISTINGS.keys()
    for name, data in outputs.items():
        assert data == (GOLDEN / f"{name}.out").read_bytes(), name


def test_json_listing_matches_json_dumps_for_awkward_values() -> None:
    rows = [
        (
            'quote " back\\slash \n newline \t tab \x01 ctrl ünï 😀',
            0,
            5,
            0,
            9,
            "other",
            0.1 + 0.2,
            1,
            2,
            "unverified",
            None,
        ),
        ("", 10**20, -1, 0, 0, "quantity", 1.0, 3, 4, "disputed", "2026-01-01T00:00:00Z"),
        ("nan score", 0, 1, 0, 1, "other", float("nan"), 5, 6, "supported", None),
    ]
    out: list[str] = []
    claim_listing.write_json(rows, out.append)
    expected = [dict(zip(claim_listing.LISTED_CLAIM_FIELDS, row, strict=True)) for row in rows]
    assert "".join(out) == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


def test_csv_listing_matches_dict_writer() -> None:
    rows = [('a, "b"\nc', 0, 5, 0, 9, "other", 0.25, 1, 2, "unverified", None)]
    out: list[str] = []
    claim_listing.write_csv(rows, out.append)
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=claim_listing.LISTED_CLAIM_FIELDS, lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(dict(zip(claim_listing.LISTED_CLAIM_FIELDS, row, strict=True)) for row in rows)
    assert "".join(out) == buffer.getvalue()


def test_claim_rows_are_read_as_they_are_consumed(listing_db: Path) -> None:
    with Store(listing_db) as store:
        rows = store.claim_rows(status="unverified")
        first = next(rows)
        assert first[claim_listing.CLAIM_FIELDS.index("status")] == "unverified"
        # the cursor is still open on the rest: nothing was read ahead into a list
        assert sum(1 for _ in rows) == len(store.list_claims(status="unverified")) - 1


def test_listing_by_status_walks_the_index_in_document_order(listing_db: Path) -> None:
    """No sort of all matching rows (what made 900k unverified claims cost a gigabyte)."""
    with Store(listing_db) as store:
        plan = " ".join(
            str(row[-1])
            for row in store.conn.execute(
                "EXPLAIN QUERY PLAN SELECT * FROM claims WHERE status = ?"
                ' ORDER BY document_id, "start", id',
                ["unverified"],
            )
        )
    assert "claims_status_document" in plan
    assert "TEMP B-TREE" not in plan


def _columns_read(store: Store, action) -> set[tuple[str, str]]:
    """(table, column) pairs SQLite reads while `action()` runs (its authorizer)."""
    read: set[tuple[str, str]] = set()

    def authorize(code: int, table: str | None, column: str | None, *_: object) -> int:
        if code == sqlite3.SQLITE_READ and table and column is not None:
            read.add((table, column))
        return sqlite3.SQLITE_OK

    store.conn.set_authorizer(authorize)
    try:
        action()
    finally:
        store.conn.set_authorizer(None)
    return read


def test_documents_listing_never_reads_article_text(listing_db: Path) -> None:
    with Store(listing_db) as store:
        rows: list = []
        read = _columns_read(store, lambda: rows.extend(store.document_counts()))
        assert ("document_tallies", "title") in read  # the title kept with the counts
        assert not {column for column in read if column[0] == "documents"}
        # the per-reviewer lines under each document: verdicts and claims, no text
        shares: dict = {}
        read = _columns_read(store, lambda: shares.update(store.reviewer_progress()))
        assert not {column for column in read if column[0] == "documents"}
        assert {r.id: r.assigned_to for r in rows} == {1: "ana", 2: "ben", 3: None, 4: "ana"}
        assert shares == {p.document_id: p.reviewers for p in store.progress() if p.reviewers}
        assigned: list = []
        read = _columns_read(
            store, lambda: assigned.extend(store.document_counts(assigned_to="ben"))
        )
        assert [r.id for r in assigned] == [2] and ("documents", "text") not in read
        assert [(r.id, r.claim_count, r.unverified, r.supported, r.disputed) for r in rows] == [
            (
                s.document.id,
                s.claim_count,
                *(s.counts[k] for k in ("unverified", "supported", "disputed")),
            )
            for s in store.list_documents()
        ]
