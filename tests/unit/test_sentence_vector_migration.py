"""Passage vectors of the plain encoder never meet the fine-tuned encoder's claim vectors."""

from __future__ import annotations

from factcheck.store import MIGRATIONS, Store


def test_upgrading_clears_vectors_stored_by_the_previous_encoder(old_database) -> None:
    version = 15  # the 15 -> 16 step; later steps keep the (now NULL) vectors NULL
    path, conn = old_database(version)
    conn.executemany(
        "INSERT INTO reference_passages (ref_id, title, text, sentence_vector) VALUES (?, ?, ?, ?)",
        [("p1", "Korea", "Seoul is the capital.", bytes(384)), ("p2", "", "Plain text.", None)],
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        rows = list(store.db.execute("SELECT ref_id, sentence_vector FROM reference_passages"))
        assert store.schema_version() == len(MIGRATIONS)
    assert sorted(rows) == [("p1", None), ("p2", None)]


def test_vectors_saved_after_the_upgrade_are_kept_on_reopening(tmp_path) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as store:
        store.add_references([{"id": "p1", "title": "Korea", "text": "Seoul is the capital."}])
        (row_id,) = store.db.execute("SELECT id FROM reference_passages").fetchone()
        store.save_sentence_vectors([(row_id, b"\x01" * 384)])
    with Store(path) as store:
        (blob,) = store.db.execute("SELECT sentence_vector FROM reference_passages").fetchone()
    assert blob == b"\x01" * 384
