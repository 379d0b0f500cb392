"""Speeding up `refs add` must not change what it stores.

`tests/fixtures/references/stored.json` was written by the import as it was before the
speed work (issue 15): every passage row with its vector, every stem count, every FTS5
index entry (term, passage, column, position) and the hits of a few searches. The import
of today must store exactly that, whatever its batch size and however often it
writes the stem counts it sums.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from factcheck.ingest.reference_files import read_reference_file
from factcheck.store import Store
from factcheck.store import references as references_module

FIXTURES = Path(__file__).parent.parent / "fixtures" / "references"
CORPUS = FIXTURES / "corpus.jsonl"
GOLDEN = FIXTURES / "stored.json"
QUERIES = ["vaccine", "covid OR cases", "emission*", '"safer at home"', "title:Sample", "dup"]


def import_fixture(path: Path) -> dict[str, Any]:
    """Import the fixture corpus (twice, the second replacing the first, plus rows
    through the Python API) and dump everything the import stored."""
    with Store(path) as store:
        for _ in range(2):
            read = read_reference_file(CORPUS)
            store.add_references(read.rows, origin="corpus.jsonl", sha256=read.sha256)
        store.add_references(
            [
                {"id": "api-1", "title": "API", "text": "Rows added through the Python API."},
                {"id": "api-1", "title": "API", "text": "The same id again replaces it."},
            ]
        )
        conn = store.conn
        passages = [
            [*row[:-1], row[-1].hex() if row[-1] is not None else None]
            for row in conn.execute(
                "SELECT id, file_id, ref_id, title, text, url, vector"
                " FROM reference_passages ORDER BY id"
            )
        ]
        stems = [list(row) for row in conn.execute("SELECT * FROM reference_stems ORDER BY stem")]
        conn.execute(
            "CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, reference_fts, instance)"
        )
        index = [list(row) for row in conn.execute("SELECT * FROM temp.fts_terms")]
        index.sort()
        hits = {
            query: [[hit.id, round(hit.relevance, 9)] for hit in store.search_references(query)]
            for query in QUERIES
        }
        files = [
            list(row) for row in conn.execute("SELECT sha256, passage_count FROM reference_files")
        ]
        conn.execute("INSERT INTO reference_fts (reference_fts) VALUES ('integrity-check')")
    return {"files": files, "passages": passages, "stems": stems, "index": index, "hits": hits}


@pytest.mark.parametrize(("batch", "stem_flush"), [(None, None), (7, None), (7, 1)])
def test_the_import_stores_what_it_stored_before_the_speed_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int | None, stem_flush: int | None
) -> None:
    if batch is not None:
        monkeypatch.setattr(references_module, "_BATCH", batch)
    if stem_flush is not None:  # stem counts written after every batch
        monkeypatch.setattr(references_module, "STEM_FLUSH", stem_flush)
    stored = import_fixture(tmp_path / "claims.db")
    if os.environ.get("FACTCHECK_WRITE_GOLDEN"):  # only to record the "before" once
        GOLDEN.write_text(json.dumps(stored, ensure_ascii=False) + "\n", "utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert stored["files"] == expected["files"]
    assert stored["passages"] == expected["passages"]
    assert stored["stems"] == expected["stems"]
    assert stored["index"] == expected["index"]
    assert stored["hits"] == expected["hits"]
    assert len(stored["passages"]) == 72  # 70 corpus rows, two API rows in one call
    assert any(hits for hits in stored["hits"].values())
