"""The store: documents and claims in one transaction, verdict history, migrations."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.errors import NotFoundError, StoreError, StoreLocked
from factcheck.ingest import Article, add_article
from factcheck.models import Claim, ClaimKind, Status
from factcheck.store import SCHEMA_VERSION, Store


def _claims(text: str, *words: str) -> list[Claim]:
    """Explicit claims at the first occurrence of each word (independent of the splitter)."""
    result = []
    for word in words:
        start = text.index(word)
        result.append(Claim(word, start, start + len(word), 0, len(text), ClaimKind.OTHER, 0.7))
    return result


def test_add_document_stores_claims_with_offsets_into_the_text(store: Store, sample_text: str):
    result = add_article(store, Article(sample_text, title="Xi and Lee", source="seed"))
    assert result.created
    claims = store.list_claims(document_id=result.document.id)
    assert len(claims) == result.claim_count > 0
    assert all(sample_text[c.start : c.end] == c.text for c in claims)
    assert all(c.status is Status.UNVERIFIED for c in claims)
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_same_text_twice_is_reported_not_duplicated(store: Store, sample_text: str):
    first = add_article(store, Article(sample_text, title="a", source="one.txt"))
    second = add_article(store, Article(sample_text, title="b", source="two.txt"))
    assert not second.created
    assert second.document.id == first.document.id
    assert second.claim_count == first.claim_count
    assert len(store.list_documents()) == 1
    assert len(store.list_claims()) == first.claim_count


def test_mark_records_history_and_moves_status(store: Store):
    text = "Alpha rose 5%. Beta fell."
    doc = store.add_document(text, title="t", source="s", claims=_claims(text, "Alpha", "Beta"))
    alpha, beta = store.list_claims(document_id=doc.document.id)
    store.mark([alpha.id], Status.SUPPORTED, reviewer="ana", note="checked")
    store.mark([alpha.id], "disputed", reviewer="ben")
    assert store.get_claim(alpha.id).status is Status.DISPUTED
    assert store.get_claim(beta.id).status is Status.UNVERIFIED
    history = store.history(alpha.id)
    assert [(v.status, v.reviewer, v.note) for v in history] == [
        (Status.SUPPORTED, "ana", "checked"),
        (Status.DISPUTED, "ben", None),
    ]
    assert store.counts() == {Status.SUPPORTED: 0, Status.DISPUTED: 1, Status.UNVERIFIED: 1}
    assert [c.id for c in store.list_claims(status="unverified")] == [beta.id]


def test_mark_with_an_unknown_claim_changes_nothing(store: Store):
    text = "Alpha rose 5%."
    store.add_document(text, title="t", source="s", claims=_claims(text, "Alpha"))
    (alpha,) = store.list_claims()
    with pytest.raises(NotFoundError, match="no claim with id 999"):
        store.mark([alpha.id, 999], "supported", reviewer="ana")
    assert store.get_claim(alpha.id).status is Status.UNVERIFIED
    assert store.history(alpha.id) == []


def test_a_failing_import_leaves_the_database_as_it_was(store: Store):
    def claims_then_failure():
        yield Claim("Alpha", 0, 5, 0, 5)
        raise RuntimeError("splitter crashed")

    with pytest.raises(RuntimeError):
        store.add_document("Alpha beta.", title="t", source="s", claims=claims_then_failure())
    assert store.list_documents() == []
    assert store.list_claims() == []


def test_a_process_killed_mid_import_leaves_the_database_as_it_was(tmp_path: Path):
    db = tmp_path / "claims.db"
    Store(db).close()
    script = textwrap.dedent(
        f"""
        import os
        from factcheck.models import Claim
        from factcheck.store import Store

        def claims():
            for i in range(2000):
                if i == 1500:
                    os._exit(9)  # killed mid-import, no cleanup
                yield Claim("x", 0, 1, 0, 1)

        Store({str(db)!r}).add_document("x " * 10, title="t", source="s", claims=claims())
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == 9, result.stderr
    with Store(db) as reopened:
        assert reopened.list_documents() == []
        assert reopened.list_claims() == []


def test_concurrent_markers_lose_nothing(tmp_path: Path):
    db = tmp_path / "claims.db"
    text = "Alpha. Beta."
    with Store(db) as store:
        store.add_document(text, title="t", source="s", claims=_claims(text, "Alpha", "Beta"))
    script = textwrap.dedent(
        """
        import sys
        from factcheck.store import Store
        store = Store(sys.argv[1], timeout=30)
        for i in range(40):
            store.mark([int(sys.argv[2])], "supported" if i % 2 else "disputed",
                       reviewer=sys.argv[3])
        """
    )
    workers = [
        subprocess.Popen([sys.executable, "-c", script, str(db), str(claim_id), name])
        for claim_id, name in ((1, "ana"), (2, "ben"), (1, "cy"))
    ]
    assert [w.wait(timeout=120) for w in workers] == [0, 0, 0]
    with Store(db) as store:
        assert len(store.history(1)) == 80
        assert len(store.history(2)) == 40
        assert {v.reviewer for v in store.history(1)} == {"ana", "cy"}


def test_an_older_database_opens_and_upgrades(old_database):
    path, conn = old_database(1)
    conn.execute(
        "INSERT INTO documents (title, source, text, sha256, added_at)"
        " VALUES ('t', 's', 'Alpha.', 'abc', '2026-01-01T00:00:00Z')"
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION > 1
        (summary,) = store.list_documents()
        assert summary.document.title == "t"
        assert summary.document.url is None


def test_wal_mode_and_foreign_keys_are_on(store: Store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path: Path):
    notes = tmp_path / "notes.db"
    notes.write_text("my precious notes\n" * 100)
    before = notes.read_bytes()
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(notes)
    assert notes.read_bytes() == before


def test_a_corrupt_database_is_a_clear_error(tmp_path: Path):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(StoreError, match="corrupt"):
        Store(corrupt)


def test_a_directory_is_not_a_database(tmp_path: Path):
    with pytest.raises(StoreError, match="is a directory"):
        Store(tmp_path)


def test_a_database_locked_past_the_timeout_is_a_clear_error(tmp_path: Path):
    db = tmp_path / "claims.db"
    text = "Alpha."
    with Store(db) as store:
        store.add_document(text, title="t", source="s", claims=_claims(text, "Alpha"))
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store(db, timeout=0.2) as store, pytest.raises(StoreLocked, match="locked"):
            store.mark([1], "supported", reviewer="ana")
    finally:
        holder.rollback()
        holder.close()
    with Store(db) as store:
        assert store.history(1) == []


def test_a_second_connection_keeps_the_first_ones_locks(tmp_path):
    """Opening a second Store on a file (as `factcheck review` does for its lookups)
    must not drop the first one's locks: another process closing its connection would
    then delete the WAL both still write to, and their writes would vanish from view."""
    path = tmp_path / "claims.db"
    with Store(path) as first, Store(path):
        add_article(first, Article("One claim here. It says 42 things.", title="t", source="-"))
        closer = "import sys; from factcheck.store import Store; Store(sys.argv[1]).close()"
        subprocess.run([sys.executable, "-c", closer, str(path)], check=True)
        assert (tmp_path / "claims.db-wal").exists()
