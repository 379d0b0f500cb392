"""Stored passage sentence vectors carry the name of the encoder that made them: vectors of
another encoder (an older or newer package's, or of no recorded one) are never served,
and the first vector saved drops them all, so two encoders' vectors never meet."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factcheck.evidence.sources.local import LocalReferences, recalled_hits
from factcheck.store import MIGRATIONS, Store
from factcheck.store import references as store_references
from factcheck.text.sentence_encoder import encoder_identity
from tests.unit.test_impact_recall import FREE_TEXT, LIBRARY

CLAIM = "Seoul is the capital of South Korea"
OTHER = b"\x07" * 384
"""A vector "another encoder" made: no vector the shipped one makes is this flat."""


def _stored(path: Path) -> tuple[dict[str, bytes | None], str | None]:
    """Each passage's stored vector by ref_id, and the encoder named beside them."""
    with sqlite3.connect(path) as conn:
        vectors = dict(conn.execute("SELECT ref_id, sentence_vector FROM reference_passages"))
        name = conn.execute(
            "SELECT value FROM store_meta WHERE key = ?", [store_references.SENTENCE_ENCODER_KEY]
        ).fetchone()
    conn.close()
    return vectors, None if name is None else name[0]


def _as_another_encoder_left_it(path: Path, name: str | None) -> None:
    """Every passage with `OTHER` as its vector, under encoder `name` (None: no name, as
    a claims.db before schema 17 left them)."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE reference_passages SET sentence_vector = ?", [OTHER])
        conn.execute("DELETE FROM store_meta")
        if name is not None:
            conn.execute(
                "INSERT INTO store_meta (key, value) VALUES (?, ?)",
                [store_references.SENTENCE_ENCODER_KEY, name],
            )
    conn.close()


def test_the_identity_is_a_digest_of_the_shipped_file_computed_once() -> None:
    identity = encoder_identity()
    assert identity is not None and identity.startswith("sha256:") and len(identity) == 71
    assert encoder_identity() is identity


def test_the_previous_schemas_vectors_are_not_served_and_are_dropped_when_one_is_saved(
    old_database,
) -> None:
    path, conn = old_database(16)  # the schema before `store_meta`
    conn.executemany(
        "INSERT INTO reference_passages (ref_id, title, text, sentence_vector) VALUES (?, ?, ?, ?)",
        [("p1", "Korea", "Seoul is the capital.", OTHER), ("p2", "Nile", "A long river.", OTHER)],
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        # upgrading keeps the rows as they were: no name, so they are another encoder's
        assert _stored(path) == ({"p1": OTHER, "p2": OTHER}, None)
        ids = dict(store.conn.execute("SELECT ref_id, id FROM reference_passages"))
        (p1, p2) = store.ranked_hits([(ids["p1"], 1.0), (ids["p2"], 0.5)])
        assert p1.sentence_vector is None and p2.sentence_vector is None
        store.save_sentence_vectors([(p1.id, b"\x01" * 384)])
    assert _stored(path) == ({"p1": b"\x01" * 384, "p2": None}, encoder_identity())


@pytest.mark.parametrize("name", ["sha256:" + "0" * 64, None])
def test_another_encoders_vectors_are_dropped_and_recomputed_by_the_rerank(
    tmp_path: Path, name: str | None
) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as store:
        store.add_references(LIBRARY)
        fresh = LocalReferences(store).suggest(CLAIM, context=FREE_TEXT)
        made, _ = _stored(path)
    _as_another_encoder_left_it(path, name)
    with Store(path) as store:
        assert all(hit.sentence_vector is None for hit in recalled_hits(store, CLAIM))
        assert all(hit.sentence_vector is None for hit in store.search_references('"Seoul"'))
        # no user-visible error, and the same suggestions as the vectors of its own
        assert LocalReferences(store).suggest(CLAIM, context=FREE_TEXT) == fresh
    vectors, stored_name = _stored(path)
    assert stored_name == encoder_identity()
    assert OTHER not in vectors.values()
    assert {ref: blob for ref, blob in vectors.items() if blob} == {
        ref: blob for ref, blob in made.items() if blob
    }


def test_the_same_encoders_vectors_are_kept_across_reopening(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as store:
        store.add_references(LIBRARY)
        LocalReferences(store).suggest(CLAIM, context=FREE_TEXT)
        made = {hit.id: hit.sentence_vector for hit in recalled_hits(store, CLAIM)}
    assert any(made.values())
    with Store(path) as store:
        writes: list[str] = []
        store.conn.set_trace_callback(writes.append)
        again = {hit.id: hit.sentence_vector for hit in recalled_hits(store, CLAIM)}
        LocalReferences(store).suggest(CLAIM, context=FREE_TEXT)
        store.conn.set_trace_callback(None)
    assert again == made
    assert not [sql for sql in writes if "sentence_vector" in sql and "UPDATE" in sql]


def test_rows_kept_never_serve_a_vector_another_encoder_dropped(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as store:
        store.add_references(LIBRARY)
        LocalReferences(store).suggest(CLAIM, context=FREE_TEXT)
        kept = recalled_hits(store, CLAIM)
        assert any(hit.sentence_vector for hit in kept)  # the rows kept hold vectors
        # a newer package on another connection drops them and stores its own
        _as_another_encoder_left_it(path, "sha256:" + "1" * 64)
        assert all(hit.sentence_vector is None for hit in recalled_hits(store, CLAIM))


def test_a_save_under_another_name_drops_the_vectors_of_the_rows_kept(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_references(LIBRARY)
    LocalReferences(store).suggest(CLAIM, context=FREE_TEXT)
    first, *others = recalled_hits(store, CLAIM)
    assert any(hit.sentence_vector for hit in others)
    # this very connection saves a retrained encoder's vector (as a newer package would)
    monkeypatch.setattr(store_references, "shipped_encoder", lambda: "sha256:" + "2" * 64)
    store.save_sentence_vectors([(first.id, b"\x02" * 384)])
    again = {hit.id: hit.sentence_vector for hit in recalled_hits(store, CLAIM)}
    assert again[first.id] == b"\x02" * 384
    assert all(again[hit.id] is None for hit in others)


def test_fill_replaces_another_encoders_vectors(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as store:
        store.add_references(LIBRARY[:3])
    _as_another_encoder_left_it(path, "sha256:" + "3" * 64)
    with Store(path) as store:
        filled = store.fill_sentence_vectors(lambda pairs: [b"\x04" * 384 for _ in pairs])
    assert filled == 3
    assert _stored(path) == (dict.fromkeys(_stored(path)[0], b"\x04" * 384), encoder_identity())


def test_without_a_shipped_encoder_no_vector_is_served_or_saved(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_references(LIBRARY)
    (hit, *_) = recalled_hits(store, CLAIM)
    store.save_sentence_vectors([(hit.id, b"\x01" * 384)])
    monkeypatch.setattr(store_references, "shipped_encoder", lambda: None)  # a broken install
    store._reads = None
    assert all(hit.sentence_vector is None for hit in recalled_hits(store, CLAIM))
    store.save_sentence_vectors([(hit.id, b"\x02" * 384)])
    assert store.fill_sentence_vectors(lambda pairs: [b"\x03" * 384 for _ in pairs]) == 0
    stored = dict(store.conn.execute("SELECT id, sentence_vector FROM reference_passages"))
    assert stored[hit.id] == b"\x01" * 384 and set(stored.values()) == {b"\x01" * 384, None}


def test_storing_and_listing_references_does_not_hash_the_model(tmp_path: Path) -> None:
    encoder_identity.cache_clear()
    with Store(tmp_path / "claims.db") as store:
        store.add_references(LIBRARY, origin="library.jsonl")
        assert store.list_reference_files()
        store.remove_references("library.jsonl")
    assert encoder_identity.cache_info().misses == 0
