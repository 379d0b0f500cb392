"""Issue 12 items 12, 13, 22 (store side): concurrent adds of one text, a database
from a newer factcheck, a full disk, a symlink loop, an empty --db."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import StoreError
from factcheck.ingest import Article, add_article
from factcheck.store import SCHEMA_VERSION, Store
from tests.conftest import SAMPLE_ARTICLE


def test_concurrent_adds_of_one_text_in_threads_all_say_already_added(tmp_path, sample_text):
    path = tmp_path / "claims.db"
    Store(path).close()
    barrier = threading.Barrier(6)
    results, errors = [], []

    def add() -> None:
        with Store(path, timeout=30) as store:
            barrier.wait()
            try:
                results.append(
                    add_article(store, Article(sample_text, title="t", source="s")).created
                )
            except Exception as error:
                errors.append(error)

    threads = [threading.Thread(target=add) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == [False] * 5 + [True]
    with Store(path) as store:
        assert store.db["documents"].count == 1


def test_concurrent_add_processes_all_exit_0(tmp_path):
    db = tmp_path / "claims.db"
    Store(db).close()
    command = [sys.executable, "-m", "factcheck", "--db", str(db), "add", str(SAMPLE_ARTICLE)]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outcomes = [(p.wait(timeout=60), *p.communicate()) for p in processes]
    assert [code for code, _, _ in outcomes] == [0] * 4, outcomes
    outputs = sorted(out.split(" ")[0] for _, out, _ in outcomes)
    assert outputs == ["added", "already", "already", "already"], outcomes
    assert all(err == "" for _, _, err in outcomes)


def _newer_database(tmp_path: Path) -> Path:
    path = tmp_path / "claims.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.commit()
    conn.close()
    return path


def test_a_newer_schema_is_refused_for_reading_and_writing(tmp_path, sample_text):
    path = _newer_database(tmp_path)
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(caught.value) == (
        f"claims.db was written by a newer factcheck (schema {SCHEMA_VERSION + 3});"
        " upgrade factcheck"
    )
    for args in (["list"], ["add", str(SAMPLE_ARTICLE)], ["documents"], ["export"]):
        result = CliRunner().invoke(cli, ["--db", str(path), *args])
        assert result.exit_code == 1
        assert "written by a newer factcheck" in result.stderr
    assert path.read_bytes() == before


def test_full_disk_on_commit_reports_the_disk_not_a_rollback_error(tmp_path, sample_text):
    store = Store(tmp_path / "claims.db")

    class FullDisk:
        """A connection whose COMMIT fails the way SQLite does on a full disk."""

        def __init__(self, conn: sqlite3.Connection) -> None:
            self._conn = conn

        def execute(self, sql: str, *args: object) -> object:
            if sql == "COMMIT":
                self._conn.execute("ROLLBACK")  # SQLite has already rolled back
                raise sqlite3.OperationalError("database or disk is full")
            return self._conn.execute(sql, *args)

        def __getattr__(self, name: str) -> object:
            return getattr(self._conn, name)

    real = store.conn  # the connection every write goes through (`transaction`)
    store.conn = FullDisk(real)  # type: ignore[assignment]
    with pytest.raises(StoreError, match="database or disk is full"):
        add_article(store, Article(sample_text, title="t", source="s"))
    store.conn = real
    assert store.db["documents"].count == 0
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_error_inside_a_transaction_sqlite_already_rolled_back_is_not_masked(tmp_path):
    store = Store(tmp_path / "claims.db")
    with pytest.raises(StoreError, match="disk is full"), store.write() as db:
        db.execute("ROLLBACK")  # what SQLite does by itself on SQLITE_FULL
        raise sqlite3.OperationalError("database or disk is full")
    store.close()


def test_db_on_a_symlink_loop_is_one_line(tmp_path):
    loop = tmp_path / "loop.db"
    os.symlink(loop, loop)
    result = CliRunner().invoke(cli, ["--db", str(loop), "list"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot open database")
    assert "Traceback" not in result.output


def test_empty_db_path_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["--db", "", "documents"])
    assert result.exit_code != 0
    assert "--db" in result.stderr and "empty" in result.stderr
    assert not (tmp_path / "claims.db").exists()


def test_lone_surrogates_are_stored_replaced_with_offsets_unchanged(store):
    """PDF text layers, JSON-LD and non-UTF-8 file names can carry lone surrogates."""
    from factcheck.models import Evidence, SourceKind

    text = "Exports rose \ud800 12% in 2024, the minister said.\n"
    result = add_article(store, Article(text, title="T \udcff", source="caf\udce9.txt"))
    stored = store.get_document(result.document.id)
    assert stored.text == text.replace("\ud800", "\ufffd")
    assert (stored.title, stored.source) == ("T \ufffd", "caf\ufffd.txt")
    for claim in store.list_claims(document_id=stored.id):
        assert stored.text[claim.start : claim.end] == claim.text
    claim_id = store.list_claims()[0].id
    [item] = store.save_evidence(
        claim_id,
        [Evidence(SourceKind.REFERENCE, "t\ud800", "p\udfff", 0.5, agreements=("\ud800",))],
    )
    assert (item.title, item.passage, item.agreements) == ("t\ufffd", "p\ufffd", ("\ufffd",))
    [verdict] = store.mark([claim_id], "disputed", reviewer="r\udcff", note="n\ud800")
    assert (verdict.reviewer, verdict.note) == ("r\ufffd", "n\ufffd")
    store.add_references([{"id": "x\ud800", "title": "\udc80", "text": "GDP \ud800 grew"}])
    store.add_factchecks(
        [{"claim": "c \ud800", "url": "https://e.org/\udcff", "rating": "F\ud800"}]
    )


def test_db_that_is_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "claims.db"
    os.mkfifo(fifo)
    result = CliRunner().invoke(cli, ["--db", str(fifo), "list"])
    assert result.exit_code == 1
    assert "is not a regular file" in result.stderr


def test_list_limit_beyond_sqlite_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "list", "--limit", "9" * 30])
    assert result.exit_code == 2
    assert "--limit" in result.stderr


def test_python_api_ids_beyond_sqlite_are_not_found_not_overflow(store, sample_text):
    from factcheck.errors import NotFoundError

    add_article(store, Article(sample_text, title="t", source="s"))
    for call in (
        lambda: store.get_claim(10**30),
        lambda: store.get_document(2**63),
        lambda: store.get_evidence(-(10**30)),
        lambda: store.list_claims(document_id=10**30),
        lambda: store.mark([1, 10**30], "supported", reviewer="r"),
        lambda: store.mark([1], "supported", reviewer="r", evidence_id=10**30),
    ):
        with pytest.raises(NotFoundError, match=r"no (claim|document|evidence) with id"):
            call()
    assert store.history(1) == []


def test_a_really_full_database_reports_the_disk_and_keeps_nothing(tmp_path, sample_text):
    """SQLite's own SQLITE_FULL (max_page_count reached), raised inside the transaction."""
    store = Store(tmp_path / "claims.db")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(StoreError, match="database or disk is full") as caught:
        add_article(store, Article(sample_text * 20, title="t", source="s"))
    assert "rollback" not in str(caught.value)
    assert store.db["documents"].count == 0 and store.db["claims"].count == 0
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()
