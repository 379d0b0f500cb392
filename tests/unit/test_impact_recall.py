"""The reference library's recall stage: the impact index (issue 14 speed), its BM25
sums, its cache in claims.db, and its invalidation when the library changes."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from pathlib import Path

import pytest

from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources import local as local_source
from factcheck.evidence.sources.local import LocalReferences, recall_stems, recalled_hits
from factcheck.store import MIGRATIONS, Store, impact_index, schema
from factcheck.text.words import content_stems

LIBRARY = [
    {"id": "seoul", "title": "Seoul", "text": "Seoul is the capital of South Korea."},
    {"id": "busan", "title": "Busan", "text": "Busan is a port city in South Korea."},
    {"id": "penguin", "title": "Penguin", "text": "Penguins are flightless birds."},
    {"id": "emperor", "title": "Penguin", "text": "The emperor penguin breeds in winter."},
    {"id": "volcano", "title": "Etna", "text": "Etna is an active volcano in Sicily."},
    {"id": "glacier", "title": "Glaciers", "text": "Glaciers retreat as the climate warms."},
    {"id": "carbon", "title": "Climate", "text": "Carbon dioxide emissions warm the climate."},
    {"id": "river", "title": "Danube", "text": "The Danube flows through ten countries."},
    {"id": "desert", "title": "Sahara", "text": "The Sahara is the largest hot desert."},
    {"id": "moon", "title": "Moon", "text": "The Moon orbits the Earth every month."},
    {"id": "rice", "title": "Rice", "text": "Rice is the staple food of Korea and Japan."},
    {"id": "coffee", "title": "Coffee", "text": "Coffee grows in the tropics of Brazil."},
]
FREE_TEXT = ClaimContext.free_text()


def oracle(passages: list[dict[str, str]], query: str, depth: int) -> list[tuple[str, float]]:
    """FTS5's BM25 over six-letter stems, the title counted twice, written out plainly
    one passage at a time: what the index's pruned lists must sum to when nothing is
    pruned."""
    counts = []
    for p in passages:
        tf: Counter[str] = Counter(content_stems(p["text"]))
        title = content_stems(p["title"])
        for stem in title:
            tf[stem] += 2.0
        counts.append((tf, len(content_stems(p["text"])) + len(title)))
    size = len(passages)
    average = sum(length for _, length in counts) / size
    doc_freq: Counter[str] = Counter(stem for tf, _ in counts for stem in tf)
    known = [s for s in dict.fromkeys(recall_stems(query)) if doc_freq[s]]
    known = sorted(known, key=doc_freq.__getitem__)[: impact_index.MAX_TERMS]
    scored = []
    for p, (tf, length) in zip(passages, counts, strict=True):
        score = 0.0
        for stem in known:
            if tf[stem]:
                idf = max(math.log((size - doc_freq[stem] + 0.5) / (doc_freq[stem] + 0.5)), 1e-6)
                score += idf * tf[stem] * 2.2 / (tf[stem] + 1.2 * (0.25 + 0.75 * length / average))
        if score:
            scored.append((p["id"], score))
    return sorted(scored, key=lambda item: -item[1])[:depth]


@pytest.mark.parametrize(
    "query",
    [
        "Seoul is the capital of Korea",
        "penguins breed in winter",
        "CO2 warms the climate and glaciers retreat",  # CO2 -> carbon dioxide
        "Etna volcano",
    ],
)
def test_recall_is_fts5_bm25_over_the_stems_summed_per_passage(store: Store, query: str) -> None:
    store.add_references(LIBRARY)
    got = [(hit.ref_id, hit.relevance) for hit in recalled_hits(store, query, depth=5)]
    expected = oracle(LIBRARY, query, 5)
    assert [ref for ref, _ in got] == [ref for ref, _ in expected]
    assert all(
        math.isclose(a, b, rel_tol=1e-9) for (_, a), (_, b) in zip(got, expected, strict=True)
    )


def test_a_passage_of_the_page_a_claim_names_is_recalled_by_its_title(store: Store) -> None:
    store.add_references(LIBRARY)
    found = [hit.ref_id for hit in recalled_hits(store, "Sahara facts", depth=3)]
    assert found[0] == "desert"  # "Sahara" is in its title and text


def test_each_stem_keeps_only_its_best_passages() -> None:
    rows = [(n, "", "penguin " * (n + 1) + "bird filler words here") for n in range(6)]
    kept = impact_index.build(rows, keep=2).lists
    documents, (ids, impacts) = kept[content_stems("penguin")[0]]
    assert documents == 6  # the document frequency counts every passage
    full = impact_index.build(rows, keep=100).lists[content_stems("penguin")[0]][1]
    assert list(ids) == list(full[0][:2]) and list(impacts) == list(full[1][:2])
    assert list(impacts) == sorted(impacts, reverse=True)


def test_a_claim_with_no_known_stem_recalls_nothing(store: Store) -> None:
    store.add_references(LIBRARY)
    assert recalled_hits(store, "the of and") == []
    assert recalled_hits(store, "zyxwvut quorble") == []
    assert LocalReferences(store).suggest("zyxwvut", context=FREE_TEXT) == []


def test_the_index_is_built_at_the_first_recall_then_read_from_claims_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as store:
        store.add_references(LIBRARY)
        assert _cached_stems(store) == 0  # `refs add` builds nothing
        first = recalled_hits(store, "South Korea capital")
        assert _cached_stems(store) > 10
    built = []
    original = impact_index.build
    monkeypatch.setattr(impact_index, "build", lambda *a, **k: built.append(1) or original(*a, **k))
    with Store(path) as again:  # a new connection, as a new process would open
        assert recalled_hits(again, "South Korea capital") == first
    assert built == []


def test_added_passages_are_recallable_after_the_index_was_built(store: Store) -> None:
    store.add_references(LIBRARY)
    assert "kimchi" not in [h.ref_id for h in recalled_hits(store, "fermented cabbage Korea")]
    store.add_references(
        [{"id": "kimchi", "title": "Kimchi", "text": "Kimchi is fermented cabbage from Korea."}],
        origin="food.jsonl",
    )
    assert _cached_stems(store) == 0  # the write emptied the cache
    found = recalled_hits(store, "fermented cabbage Korea")
    assert found[0].ref_id == "kimchi"
    # every impact moved (the library's size and lengths did): the rebuilt index says so
    assert found == recalled_hits(store, "fermented cabbage Korea")
    assert [(h.ref_id, pytest.approx(h.relevance)) for h in found[:3]] == oracle(
        [
            *LIBRARY,
            {"id": "kimchi", "title": "Kimchi", "text": "Kimchi is fermented cabbage from Korea."},
        ],
        "fermented cabbage Korea",
        3,
    )
    store.remove_references("food.jsonl")
    assert "kimchi" not in [h.ref_id for h in recalled_hits(store, "fermented cabbage Korea")]


def test_a_library_changed_by_another_process_is_recalled_as_it_is_now(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as reader, Store(path) as writer:
        writer.add_references(LIBRARY)
        assert recalled_hits(reader, "Danube countries")[0].ref_id == "river"
        writer.add_references([{"id": "rhine", "title": "Rhine", "text": "The Rhine flows north."}])
        assert recalled_hits(reader, "Rhine flows")[0].ref_id == "rhine"


def test_a_read_only_library_builds_in_memory_once_and_does_not_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as setup:
        setup.add_references(LIBRARY)
    built = []
    original = impact_index.build
    monkeypatch.setattr(impact_index, "build", lambda *a, **k: built.append(1) or original(*a, **k))
    with Store(path) as store:
        store.conn.execute("PRAGMA query_only = ON")  # writes fail as on a read-only file
        first = LocalReferences(store, sentence_weight=0.0).suggest(
            "Seoul capital", context=FREE_TEXT, limit=2
        )
        assert first[0].reference_id == "seoul"
        assert recalled_hits(store, "penguin birds")[0].ref_id in {"penguin", "emperor"}
        assert built == [1]  # the second recall used the index kept in memory
        assert _cached_stems(store) == 0


def test_a_recall_inside_a_read_snapshot_with_another_writer_answers(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as setup:
        setup.add_references(LIBRARY)
    with Store(path, timeout=0.1) as reader, Store(path) as writer, reader.snapshot():
        reader.reference_count()  # the read transaction has begun
        writer.conn.execute("BEGIN IMMEDIATE")  # someone else holds the write lock
        try:
            found = recalled_hits(reader, "Seoul capital")
        finally:
            writer.conn.execute("ROLLBACK")
    assert found[0].ref_id == "seoul"
    with Store(path) as after:
        assert _cached_stems(after) == 0  # nothing was written inside the caller's read


def test_a_database_of_the_previous_version_upgrades_and_recalls(old_database) -> None:
    path, conn = old_database(MIGRATIONS.index(schema._add_reference_impacts))
    conn.executemany(
        "INSERT INTO reference_passages (ref_id, title, text) VALUES (?, ?, ?)",
        [(p["id"], p["title"], p["text"]) for p in LIBRARY[:3]],
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert recalled_hits(store, "Seoul capital")[0].ref_id == "seoul"  # rows of before
        store.add_references(LIBRARY[3:])
        assert recalled_hits(store, "Moon orbits Earth")[0].ref_id == "moon"


def test_fts5_recall_stays_for_its_callers(store: Store) -> None:
    store.add_references(LIBRARY)
    assert local_source.fts_recalled_hits(store, "Seoul capital")[0].ref_id == "seoul"
    assert store.search_references('"volcano"')[0].ref_id == "volcano"


def test_a_library_too_large_to_build_in_memory_recalls_with_fts5(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.store import references

    store.add_references(LIBRARY)
    monkeypatch.setattr(references, "IMPACT_MAX_PASSAGES", len(LIBRARY) - 1)
    monkeypatch.setattr(impact_index, "build", lambda *a, **k: pytest.fail("built"))
    fts = local_source.fts_recalled_hits(store, "Seoul capital South Korea")
    assert recalled_hits(store, "Seoul capital South Korea") == fts
    assert fts[0].ref_id == "seoul"
    assert _cached_stems(store) == 0


def test_a_cached_index_serves_a_library_that_grew_past_the_limit_until_it_changes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.store import references

    store.add_references(LIBRARY)
    recalled_hits(store, "Seoul capital")  # builds and caches
    monkeypatch.setattr(references, "IMPACT_MAX_PASSAGES", 1)
    assert store.impact_hits(recall_stems("Seoul capital")) is not None
    store.add_references([{"id": "kimchi", "title": "Kimchi", "text": "Kimchi is cabbage."}])
    assert store.impact_hits(recall_stems("kimchi cabbage")) is None
    assert recalled_hits(store, "kimchi cabbage")[0].ref_id == "kimchi"


UNICODE_LIBRARY = [
    *LIBRARY,
    {"id": "mixed", "title": "Café", "text": "Ça coûte 3,5 € à São Paulo’s café, won't it?"},
    {"id": "stops", "title": "", "text": "It is what it was."},  # stop words only: no stems
]


def test_the_stems_kept_with_the_index_are_the_live_content_stems(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as store:
        store.add_references(UNICODE_LIBRARY)
        recalled_hits(store, "Seoul capital")  # builds the index and keeps the stems
        kept = dict(store.conn.execute("SELECT passage_id, stems FROM reference_passage_stems"))
        rows = store.conn.execute("SELECT id, text FROM reference_passages").fetchall()
        assert len(kept) == len(rows) == len(UNICODE_LIBRARY)
        for passage_id, text in rows:
            assert impact_index.split_stems(kept[passage_id]) == tuple(content_stems(text))
    with Store(path) as again:  # read back from claims.db with the recalled rows
        for query in ("café São Paulo", "Seoul capital Korea", "what it was"):
            for hit in recalled_hits(again, query):
                assert hit.stems == tuple(content_stems(hit.text))


def test_the_rerank_of_kept_stems_is_the_rerank_of_live_stems(store: Store) -> None:
    from factcheck.evidence import matcher

    store.add_references(UNICODE_LIBRARY)
    for claim in ("Seoul is the capital of South Korea", "penguins breed in winter", "café"):
        candidates = local_source.recalled_candidates(store, claim)
        assert candidates and all(c.stems is not None for c in candidates)
        live = [dataclasses.replace(c, stems=None) for c in candidates]
        matcher.forget()
        kept_ranking = matcher.rank_candidates(claim, candidates, limit=10)
        matcher.forget()
        assert matcher.rank_candidates(claim, live, limit=10) == kept_ranking


def test_refs_add_and_remove_drop_the_kept_stems_and_the_next_recall_keeps_new_ones(
    store: Store,
) -> None:
    store.add_references(LIBRARY)
    recalled_hits(store, "Seoul capital")
    assert _kept_stems(store) == len(LIBRARY)
    kimchi = {"id": "kimchi", "title": "Kimchi", "text": "Kimchi is fermented cabbage."}
    store.add_references([kimchi], origin="food.jsonl")
    assert _kept_stems(store) == 0  # emptied in the write's own transaction
    hit = recalled_hits(store, "fermented cabbage")[0]
    assert hit.ref_id == "kimchi" and hit.stems == tuple(content_stems(kimchi["text"]))
    assert _kept_stems(store) == len(LIBRARY) + 1
    store.remove_references("food.jsonl")
    assert _kept_stems(store) == 0
    assert "kimchi" not in [h.ref_id for h in recalled_hits(store, "fermented cabbage")]
    assert _kept_stems(store) == len(LIBRARY)


def test_a_read_only_library_hands_the_stems_of_its_index_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as setup:
        setup.add_references(LIBRARY)
    with Store(path) as store:
        store.conn.execute("PRAGMA query_only = ON")
        hits = recalled_hits(store, "penguin birds winter")
        assert hits and all(hit.stems == tuple(content_stems(hit.text)) for hit in hits)
        assert _kept_stems(store) == 0
        again = recalled_hits(store, "penguin birds winter")  # the index kept in memory
        assert again == hits


def test_passages_without_kept_stems_are_stemmed_by_the_rerank(store: Store) -> None:
    store.add_references(LIBRARY)
    recalled_hits(store, "Seoul capital")
    # an index cached before the stems were kept, as another process left it (this
    # connection's own writes go through the store, which drops the rows it read)
    with Store(store.path) as other, other.transaction() as conn:
        conn.execute("DELETE FROM reference_passage_stems")
    hits = recalled_hits(store, "Seoul capital")
    assert hits and all(hit.stems is None for hit in hits)
    found = LocalReferences(store, sentence_weight=0.0).suggest(
        "Seoul capital", context=FREE_TEXT, limit=1
    )
    assert found[0].reference_id == "seoul"


def test_the_upgrade_drops_an_index_cached_without_stems(old_database) -> None:
    path, conn = old_database(MIGRATIONS.index(schema._add_reference_passage_stems))
    conn.executemany(
        "INSERT INTO reference_passages (ref_id, title, text) VALUES (?, ?, ?)",
        [(p["id"], p["title"], p["text"]) for p in LIBRARY],
    )
    conn.execute(  # an index the previous version cached
        "INSERT INTO reference_impacts (stem, documents, passages, impacts)"
        " VALUES ('', 1000, x'', x'')"
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert _cached_stems(store) == 0
        hit = recalled_hits(store, "Seoul capital")[0]
        assert hit.ref_id == "seoul" and hit.stems == tuple(content_stems(hit.text))


def _kept_stems(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM reference_passage_stems").fetchone()[0])


def _cached_stems(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM reference_impacts").fetchone()[0])


def test_a_connection_reads_each_stems_list_once_while_the_library_is_unchanged(
    store: Store,
) -> None:
    store.add_references(LIBRARY)
    recalled_hits(store, "Seoul is the capital of Korea")  # builds and caches the index
    first = recalled_hits(store, "Seoul is the capital of Korea")  # reads its lists
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        again = recalled_hits(store, "Seoul is the capital of Korea")
        other = recalled_hits(store, "Korea rice")  # "korea" read already, "rice" not
    finally:
        store.conn.set_trace_callback(None)
    assert again == first
    lists_read = [sql for sql in statements if "reference_impacts" in sql]
    assert len(lists_read) == 1 and "'rice'" in lists_read[0] and "'korea'" not in lists_read[0]
    with Store(store.path) as fresh:  # what a connection that read nothing answers
        assert recalled_hits(fresh, "Korea rice") == other


def test_lists_read_are_dropped_when_another_connection_changes_the_library(
    tmp_path: Path,
) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as reader, Store(path) as writer:
        writer.add_references(LIBRARY, origin="a.jsonl")
        before = recalled_hits(reader, "Danube countries")
        counted = reader.reference_term_stats(["danube", "countr"])  # read once, kept
        assert [hit.ref_id for hit in before][:1] == ["river"]
        writer.add_references(
            [{"id": "danube2", "title": "Danube", "text": "The Danube delta is in Romania."}],
            origin="b.jsonl",
        )
        after = recalled_hits(reader, "Danube countries")
        assert "danube2" in [hit.ref_id for hit in after]
        # every impact and count moved with the library: the reader answers as a new
        # connection does
        with Store(path) as fresh:
            assert after == recalled_hits(fresh, "Danube countries")
            assert reader.reference_term_stats(["danube", "countr"]) == (
                fresh.reference_term_stats(["danube", "countr"])
            )
        assert reader.reference_term_stats(["danube", "countr"]) != counted
        writer.remove_references("b.jsonl")
        assert recalled_hits(reader, "Danube countries") == before
