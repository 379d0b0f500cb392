"""The recalled passages' rows a connection keeps once read (`Store.ranked_hits`):
never stale after this or another connection changes the library, never more than
`PASSAGE_ROWS`, and the sentence vectors the rerank caches reach them."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import StoreError
from factcheck.evidence.sources.local import LocalReferences, recalled_hits
from factcheck.store import Store
from factcheck.store import references as store_references
from tests.unit.test_impact_recall import FREE_TEXT, LIBRARY

SEOUL_AGAIN = {"id": "seoul", "title": "Seoul", "text": "Seoul is the capital of the Republic."}


def _passage_reads(store: Store, call: object) -> list[str]:
    """The statements reading `reference_passages` rows while `call()` runs."""
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        call()  # type: ignore[operator]
    finally:
        store.conn.set_trace_callback(None)
    return [sql for sql in statements if "FROM reference_passages p" in sql]


def _fresh(path: Path, claim: str) -> list[object]:
    """What a connection that read nothing answers."""
    with Store(path) as fresh:
        return list(recalled_hits(fresh, claim))


def test_a_connection_reads_each_recalled_passage_once_while_the_library_is_unchanged(
    store: Store,
) -> None:
    store.add_references(LIBRARY)
    claim = "Seoul is the capital of Korea"
    first = recalled_hits(store, claim)
    assert _passage_reads(store, lambda: recalled_hits(store, claim)) == []
    assert recalled_hits(store, claim) == first
    # a claim recalling passages read before and new ones reads only the new ones
    with Store(store.path) as other:
        seen = {hit.id for hit in recalled_hits(other, "Seoul is the capital of Korea")}
        (read,) = _passage_reads(other, lambda: recalled_hits(other, "penguins eat rice"))
        asked = {int(number) for number in read.rsplit("IN (", 1)[1].rstrip(")").split(",")}
        recalled = {hit.id for hit in recalled_hits(other, "penguins eat rice")}
        assert seen & recalled and asked == recalled - seen
        assert recalled_hits(other, "penguins eat rice") == _fresh(store.path, "penguins eat rice")


def test_a_file_added_again_by_this_connection_is_recalled_as_it_is_now(store: Store) -> None:
    store.add_references(LIBRARY, origin="a.jsonl")
    before = {hit.ref_id: hit for hit in recalled_hits(store, "Seoul capital")}
    # the file's passages are replaced: new rows, which may take the old rows' ids
    store.add_references([SEOUL_AGAIN, *LIBRARY[1:]], origin="a.jsonl")
    after = {hit.ref_id: hit for hit in recalled_hits(store, "Seoul capital")}
    assert before["seoul"].text != after["seoul"].text == SEOUL_AGAIN["text"]
    assert list(after.values()) == _fresh(store.path, "Seoul capital")
    store.remove_references("a.jsonl")
    assert recalled_hits(store, "Seoul capital") == []


def test_rows_read_are_dropped_when_another_connection_changes_the_library(
    tmp_path: Path,
) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as reader, Store(path) as writer:
        writer.add_references(LIBRARY, origin="a.jsonl")
        before = {hit.ref_id: hit.text for hit in recalled_hits(reader, "Seoul capital")}
        writer.add_references([SEOUL_AGAIN, *LIBRARY[1:]], origin="a.jsonl")
        after = recalled_hits(reader, "Seoul capital")
        assert {hit.ref_id: hit.text for hit in after}["seoul"] != before["seoul"]
        assert after == _fresh(path, "Seoul capital")
        writer.remove_references("a.jsonl")
        assert recalled_hits(reader, "Seoul capital") == []


def test_at_most_passage_rows_are_kept_the_least_recently_recalled_dropped_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_references, "PASSAGE_ROWS", 3)
    store.add_references(LIBRARY)
    for claim in ("Seoul capital Korea", "penguins birds winter", "Danube Sahara desert"):
        assert recalled_hits(store, claim) == _fresh(store.path, claim)
        assert store._reads is not None and len(store._reads.rows) <= 3
    latest = recalled_hits(store, "Etna volcano Sicily")
    assert latest and list(store._reads.rows)[-len(latest[:3]) :] == [h.id for h in latest[:3]]


def test_sentence_vectors_the_rerank_caches_reach_the_rows_kept(store: Store) -> None:
    store.add_references(LIBRARY)
    references = LocalReferences(store)
    first = references.suggest("Seoul is the capital of South Korea", context=FREE_TEXT)
    kept = store._reads.rows if store._reads is not None else {}
    stored = dict(
        store.conn.execute("SELECT id, sentence_vector FROM reference_passages").fetchall()
    )
    assert kept and all(row[5] == stored[passage_id] for passage_id, row in kept.items())
    assert any(row[5] is not None for row in kept.values())
    # kept, they are not computed again: the same answer, no vector written
    writes: list[str] = []
    store.conn.set_trace_callback(writes.append)
    try:
        again = references.suggest("Seoul is the capital of South Korea", context=FREE_TEXT)
    finally:
        store.conn.set_trace_callback(None)
    assert again == first
    assert not [sql for sql in writes if "SET sentence_vector" in sql]


def test_vectors_saved_inside_a_transaction_rolled_back_are_not_kept(store: Store) -> None:
    store.add_references(LIBRARY)
    (hit, *_) = recalled_hits(store, "Seoul capital")
    assert hit.sentence_vector is None
    with pytest.raises(StoreError), store.transaction():
        store.save_sentence_vectors([(hit.id, b"\x01" * 384)])
        raise StoreError("the caller gives up")
    (again, *_) = recalled_hits(store, "Seoul capital")
    assert again.id == hit.id and again.sentence_vector is None
    store.save_sentence_vectors([(hit.id, b"\x02" * 384)])
    (saved, *_) = recalled_hits(store, "Seoul capital")
    assert saved.sentence_vector == b"\x02" * 384


def test_vectors_another_connection_saves_reach_this_connections_rows(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as reader, Store(path) as writer:
        writer.add_references(LIBRARY)
        (hit, *_) = recalled_hits(reader, "Seoul capital")
        assert hit.sentence_vector is None
        # another desk's rerank caches a vector: the library's passages and index stay
        writer.save_sentence_vectors([(hit.id, b"\x03" * 384)])
        (again, *_) = recalled_hits(reader, "Seoul capital")
        assert again.id == hit.id and again.sentence_vector == b"\x03" * 384
