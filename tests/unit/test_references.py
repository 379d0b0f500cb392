"""The local reference library: importing files, updating, removing, suggesting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.errors import InputError, NotFoundError
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.matcher import Candidate, rank_candidates
from factcheck.evidence.source_factory import make_sources
from factcheck.evidence.suggest import suggest
from factcheck.ingest.reference_files import read_reference_file
from factcheck.models import Evidence, SourceKind
from factcheck.store import SCHEMA_VERSION, Store
from factcheck.text.passages import split_passages
from factcheck.text.words import TermStats, content_stems

ROWS = [
    {
        "id": "kr-1",
        "title": "Economy of South Korea",
        "text": "South Korea is the fourth-largest economy in Asia.",
        "url": "https://example.org/kr",
    },
    {
        "id": "jp-1",
        "title": "Economy of Japan",
        "text": "Japan has the third-largest economy in the world.",
    },
    {"id": "fr-1", "title": "France", "text": "Paris is the capital of France."},
]


def suggest_local(store: Store, text: str, *, limit: int = 5) -> list[Evidence]:
    """What `factcheck search` asks: the local library, for text of no document."""
    local = make_sources(store, Config(), names=["local"])
    return suggest(local, text, context=ClaimContext.free_text(), limit=limit)


def test_suggest_returns_the_matching_row_with_span(store: Store) -> None:
    store.add_references(ROWS)
    best = suggest_local(store, "South Korea is Asia's fourth-largest economy", limit=2)[0]
    assert best.reference_id == "kr-1"
    assert best.title == "Economy of South Korea"
    assert best.url == "https://example.org/kr"
    assert best.source is SourceKind.REFERENCE
    assert 0 < best.score <= 1
    start, end = best.span
    assert "fourth-largest" in best.passage[start:end]


def test_same_ids_again_update_instead_of_duplicating(store: Store) -> None:
    store.add_references(ROWS)
    result = store.add_references(
        [{**ROWS[0], "text": "South Korea is the tenth-largest economy."}]
    )
    assert result.replaced == 1
    assert store.reference_count() == 3
    hits = suggest_local(store, "South Korea economy", limit=5)
    assert [h.passage for h in hits if h.reference_id == "kr-1"] == [
        "South Korea is the tenth-largest economy."
    ]


def test_a_bad_row_aborts_the_whole_import(store: Store) -> None:
    with pytest.raises(InputError, match="row 2"):
        store.add_references([ROWS[0], {"id": "x", "title": "no text"}])
    assert store.reference_count() == 0
    assert suggest_local(store, "South Korea economy") == []


def test_claim_with_fts_syntax_is_searched_literally(store: Store) -> None:
    store.add_references(ROWS)
    for text in ['"NOT" OR AND (capital:) * France -Paris', "NEAR(a b)", "'"]:
        suggest_local(store, text)  # no sqlite3.OperationalError
    assert suggest_local(store, "the of and") == []


def test_an_abbreviation_finds_the_passage_that_spells_it_out(store: Store) -> None:
    store.add_references(
        [
            {"id": "co2", "title": "Greenhouse gas", "text": "Carbon dioxide absorbs infrared."},
            {"id": "other", "title": "Weather", "text": "Clouds absorb little infrared."},
        ]
    )
    found = suggest_local(store, "CO2 absorbs heat", limit=2)
    assert [item.reference_id for item in found][:1] == ["co2"]


def test_markdown_file_is_split_and_readding_it_replaces_it(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Korea notes\n\nSeoul is the capital.\n\nBusan is a port city.\n")
    first = read_reference_file(path)
    assert [r["text"] for r in first.rows] == ["Seoul is the capital.", "Busan is a port city."]
    assert first.rows[0]["title"] == "Korea notes"
    store.add_references(first.rows, origin=first.origin, sha256=first.sha256)
    path.write_text("# Korea notes\n\nSeoul is the largest city.\n")
    again = read_reference_file(path)
    result = store.add_references(again.rows, origin=again.origin, sha256=again.sha256)
    assert result.replaced == 2
    assert store.reference_count() == 1
    assert [(f.origin, f.passage_count) for f in store.list_reference_files()] == [
        (first.origin, 1)
    ]
    assert store.remove_references(first.origin) == 1
    assert store.reference_count() == 0
    assert suggest_local(store, "Seoul capital") == []


def _library_stats(store: Store) -> TermStats:
    passages = store.db.execute("SELECT title, text FROM reference_passages").fetchall()
    stems = {stem for title, text in passages for stem in content_stems(f"{title} {text}")}
    return store.reference_term_stats(stems | {"absent"})


def test_stem_counts_follow_adds_updates_and_removals(store: Store, tmp_path: Path) -> None:
    store.add_references(ROWS)
    path = tmp_path / "notes.md"
    path.write_text("# Korea notes\n\nSeoul is the capital of Korea.\n\nBusan is a port.\n")
    notes = read_reference_file(path)
    store.add_references(notes.rows, origin=notes.origin)
    store.add_references([{**ROWS[2], "text": "Lyon is a city in France."}])  # an update
    path.write_text("# Korea notes\n\nSeoul is the largest city in Korea.\n")
    notes = read_reference_file(path)
    store.add_references(notes.rows, origin=notes.origin)  # the file again: replaced
    passages = store.db.execute("SELECT title, text FROM reference_passages").fetchall()
    expected = TermStats.of_texts(f"{title} {text}" for title, text in passages)
    stats = _library_stats(store)
    assert (stats.documents, stats.stems) == (expected.documents, expected.stems)
    assert stats.documents == 4
    assert stats.doc_freq == dict(expected.doc_freq)
    assert stats.stem_freq == dict(expected.stem_freq)
    assert stats.doc_freq["korea"] == 2 and stats.idf("absent") == 0.0
    store.remove_references(notes.origin)
    assert store.reference_term_stats(["korea"]).doc_freq == {"korea": 1}
    assert store.reference_term_stats(["seoul"]).doc_freq == {}  # its rows are gone


def test_an_older_library_gets_its_stem_counts_on_upgrade(old_database) -> None:
    path, conn = old_database(3)
    conn.execute(
        "INSERT INTO reference_passages (ref_id, title, text) VALUES ('a', 'Korea', 'Seoul.')"
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 6
        stats = store.reference_term_stats(["korea", "seoul"])
        assert (stats.documents, stats.stems) == (1, 2)
        assert stats.doc_freq == {"korea": 1, "seoul": 1}


def test_the_claims_rarest_word_lifts_a_passage() -> None:
    candidates = [
        Candidate(SourceKind.REFERENCE, "Sea", "Decline of fish.", recall=1.0, reference_id="fish"),
        Candidate(
            SourceKind.REFERENCE, "Sea", "Decline of krill.", recall=1.0, reference_id="krill"
        ),
    ]
    stats = TermStats(
        documents=1000,
        stems=20000,
        doc_freq={"fish": 400, "krill": 3, "declin": 50},
        stem_freq={"fish": 500, "krill": 3, "declin": 60},
    )
    # Alike in every other way (fuzz ratios even favour "fish", named first); the
    # collection says krill is the rare word, so its passage is the better lead.
    ranked = rank_candidates("Fish and krill decline", candidates, stats=stats)
    assert [e.reference_id for e in ranked] == ["krill", "fish"]
    assert ranked[0].score > ranked[1].score


def test_html_is_reduced_to_its_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Korea facts</title><style>p{}</style></head><body>"
        "<script>var x = 1;</script><p>Seoul has 9.4 million people.</p><p>Busan &amp; Incheon.</p>"
        "</body></html>"
    )
    read = read_reference_file(path)
    assert {r["title"] for r in read.rows} == {"Korea facts"}
    assert [r["text"] for r in read.rows] == ["Seoul has 9.4 million people.", "Busan & Incheon."]


def test_malformed_jsonl_names_the_line_and_stores_nothing(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(ROWS[0]) + "\n\n" + '{"id": "b", "text": \n')
    with pytest.raises(InputError, match=r"corpus.jsonl:3: not valid JSON"):
        read_reference_file(path)
    path.write_text(json.dumps(ROWS[0]) + "\n" + json.dumps({"id": "b"}) + "\n")
    with pytest.raises(InputError, match=r"corpus.jsonl:2: missing text"):
        read_reference_file(path)


def test_binary_and_unsupported_files_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match="binary"):
        read_reference_file(binary)
    with pytest.raises(InputError, match=r"unsupported file type \.pdf"):
        (tmp_path / "a.pdf").write_text("x")
        read_reference_file(tmp_path / "a.pdf")
    with pytest.raises(InputError, match="no such file"):
        read_reference_file(tmp_path / "missing.txt")


def test_remove_unknown_file_is_a_clear_error(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no reference file"):
        store.remove_references("nope.md")


def test_long_paragraphs_are_cut_at_sentence_ends() -> None:
    text = " ".join(f"Sentence number {n} is here." for n in range(40))
    passages = split_passages(text, max_chars=100)
    assert len(passages) > 5
    assert all(len(p) <= 100 for p in passages)
    assert " ".join(passages) == text
