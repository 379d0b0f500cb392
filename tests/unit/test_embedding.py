"""Static text vectors (factcheck.text.vectors) and their part in the evidence rerank."""

from __future__ import annotations

from pathlib import Path

from factcheck.config import Config
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.matcher import Candidate, rank_candidates
from factcheck.evidence.source_factory import make_sources
from factcheck.evidence.suggest import suggest
from factcheck.models import SourceKind
from factcheck.store import Store
from factcheck.text.vectors import cosine, default_vectors, load_vectors, vector_bytes, wordpieces

CLAIM = "Global warming is caused by human emissions of carbon dioxide"


def test_text_splits_into_the_models_word_pieces_as_bert_does() -> None:
    # The same pieces as the model's own (Rust) tokenizer gives for this text.
    assert wordpieces("South Korea's unaffable GDP grew 2.5% — café") == [
        "south", "korea", "'", "s", "una", "##ffa", "##ble", "gdp", "grew",
        "2", ".", "5", "%", "—", "cafe",
    ]  # fmt: skip


def test_a_paraphrase_is_closer_than_a_text_on_another_subject() -> None:
    claim = default_vectors().vector(CLAIM)
    assert claim is not None
    paraphrase = vector_bytes("Burning coal emits CO2, which heats the planet.")
    other = vector_bytes("The Korean War began in 1950.")
    assert paraphrase is not None and other is not None
    assert cosine(claim, paraphrase) > cosine(claim, other) + 0.3


def test_text_without_any_word_has_no_vector() -> None:
    assert vector_bytes("") is None
    assert default_vectors().vector("   ") is None
    assert cosine([1.0, 0.0], b"\x01") == 0.0  # a vector of another size compares as 0


def test_a_broken_install_without_vectors_ranks_without_meaning(tmp_path: Path) -> None:
    (tmp_path / "word_vectors.json").write_text("{not json")
    empty = load_vectors(tmp_path)
    assert empty.vector(CLAIM) is None
    assert vector_bytes(CLAIM, empty) is None
    assert load_vectors(tmp_path / "missing").vector(CLAIM) is None


def test_the_rerank_prefers_the_passage_whose_meaning_matches() -> None:
    # Same words, so every lexical feature ties; only the stored vectors differ.
    on_topic = vector_bytes(
        "Carbon dioxide released by burning fossil fuels drives climate change."
    )
    off_topic = vector_bytes("The Korean War began in 1950.")
    passage = "Emissions of carbon dioxide by humans and global warming."
    candidates = [
        Candidate(SourceKind.REFERENCE, "T", passage, 1.0, reference_id=ref_id, vector=vector)
        for ref_id, vector in (("off", off_topic), ("on", on_topic))
    ]
    ranked = rank_candidates(CLAIM, candidates)
    assert [e.reference_id for e in ranked] == ["on", "off"]
    assert ranked[0].score > ranked[1].score


def test_imported_passages_carry_their_vector(store: Store) -> None:
    store.add_references([{"id": "kr", "title": "Korea", "text": "Seoul is the capital."}])
    [hit] = store.search_references('"seoul"')
    assert hit.vector == vector_bytes("Seoul is the capital.")


def test_passages_imported_before_vectors_existed_are_still_ranked(old_database) -> None:
    path, conn = old_database(5)
    for ref_id, text in (("a", "The Korean War began in 1950."), ("b", CLAIM + ".")):
        cursor = conn.execute(
            "INSERT INTO reference_passages (ref_id, title, text) VALUES (?, 'Climate', ?)",
            [ref_id, text],
        )
        conn.execute(
            "INSERT INTO reference_fts (rowid, title, text) VALUES (?, 'Climate', ?)",
            [cursor.lastrowid, text],
        )
    conn.commit()
    conn.close()
    with Store(path) as store:
        hits = store.search_references('"carbon" OR "war"')
        assert {h.vector for h in hits} == {None}
        local = make_sources(store, Config(), names=["local"])
        [best, *_] = suggest(local, CLAIM, context=ClaimContext.free_text())
    assert best.reference_id == "b"
