"""The MiniLM sentence encoder and the evidence rerank it feeds: meaning, caching, laziness."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from factcheck.config import Config
from factcheck.errors import StoreError
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.source_factory import make_sources
from factcheck.evidence.sources.local import LocalReferences
from factcheck.evidence.suggest import suggest
from factcheck.models import Evidence
from factcheck.store import Store
from factcheck.text.sentence_encoder import (
    MAX_PIECES,
    cosines,
    default_sentence_encoder,
    load_sentence_encoder,
)
from factcheck.text.wordpiece import default_wordpiece

CLAIM = "Global warming is caused by humans."
WORDY = {
    "id": "wordy",
    "title": "",
    "text": "The global panic was caused by humans warming milk in microwaves.",
}
"""Every word of the claim, about something else."""
MEANT = {
    "id": "meant",
    "title": "",
    "text": "Climate change is driven mainly by humans burning coal, oil and gas.",
}
"""Few of the claim's words, its meaning."""
FREE_TEXT = ClaimContext.free_text()


def suggest_local(store: Store, text: str, *, limit: int = 5) -> list[Evidence]:
    """What `factcheck search` asks: the local library, for text of no document."""
    local = make_sources(store, Config(), names=["local"])
    return suggest(local, text, context=ClaimContext.free_text(), limit=limit)


@pytest.fixture(scope="module")
def encoder():
    found = default_sentence_encoder()
    assert found is not None, "the packaged sentence encoder must load"
    return found


def test_sentence_vectors_are_unit_length_and_close_for_close_meanings(encoder) -> None:
    vectors = encoder.encode(
        [
            "The Eiffel Tower was completed in 1889.",
            "Construction of the Eiffel Tower finished in 1889.",
            "Penguins live in the Southern Hemisphere.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > 0.8
    assert vectors[0] @ vectors[2] < 0.3


def test_the_encoder_reads_the_shared_tokenizer_with_cls_and_sep(encoder) -> None:
    tokenizer = default_wordpiece()
    assert encoder.tokenizer is tokenizer
    ids = encoder.ids("Sea levels rose.")
    assert ids == [tokenizer.special("[CLS]"), *tokenizer.pieces("Sea levels rose."), 102]
    assert len(encoder.ids("word " * 500)) == MAX_PIECES


def test_stored_int8_vectors_keep_the_cosine(encoder) -> None:
    texts = [CLAIM, WORDY["text"], MEANT["text"], "Paris is the capital of France."]
    vectors = encoder.encode(texts)
    stored = encoder.vector_bytes(texts)
    assert all(len(blob) == 384 for blob in stored)
    exact = vectors[1:] @ vectors[0]
    assert np.allclose(cosines(vectors[0], stored[1:]), exact, atol=0.01)
    # a vector of another width (a future model) counts as no similarity, not an error
    assert cosines(vectors[0], [b"\x01\x02"]) == [0.0]


def test_a_claim_vector_is_encoded_once_then_remembered(encoder) -> None:
    first = encoder.vector("A claim asked about twice.")
    assert encoder.vector("A claim asked about twice.") is first
    assert np.allclose(first, encoder.encode(["A claim asked about twice."])[0])
    assert not first.flags.writeable  # a caller cannot spoil the remembered copy


def test_a_broken_install_without_the_model_loads_none(tmp_path: Path) -> None:
    assert load_sentence_encoder(tmp_path) is None


def test_meaning_lifts_the_passage_that_says_the_claim_over_one_that_repeats_its_words(
    store: Store,
) -> None:
    store.add_references([WORDY, MEANT])
    lexical = LocalReferences(store, sentence_weight=0.0).suggest(CLAIM, context=FREE_TEXT, limit=2)
    assert [e.reference_id for e in lexical] == ["wordy", "meant"]
    reranked = LocalReferences(store, sentence_weight=4.0).suggest(
        CLAIM, context=FREE_TEXT, limit=2
    )
    assert [e.reference_id for e in reranked] == ["meant", "wordy"]
    assert all(0 < e.score <= 1 for e in reranked)


def _stored_vectors(store: Store) -> dict[str, bytes | None]:
    return dict(store.conn.execute("SELECT ref_id, sentence_vector FROM reference_passages"))


def test_import_computes_no_sentence_vector_the_first_rerank_caches_them(
    store: Store, encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_references([WORDY, MEANT, {"id": "far", "title": "", "text": "Penguins swim."}])
    assert set(_stored_vectors(store).values()) == {None}
    first = suggest_local(store, CLAIM, limit=2)
    cached = _stored_vectors(store)
    assert cached["wordy"] and cached["meant"]
    assert cached["far"] is None  # never recalled, never encoded
    # the passage's own vector (int8, and batched with the other: dynamic quantisation
    # lets batch mates move it a little)
    alone = encoder.encode([MEANT["text"]])[0]
    assert cosines(alone, [cached["meant"]])[0] > 0.98

    encoded: list[str] = []
    original = type(encoder).vector_bytes

    def counting(self, texts):
        encoded.extend(texts)
        return original(self, texts)

    monkeypatch.setattr(type(encoder), "vector_bytes", counting)
    assert suggest_local(store, CLAIM, limit=2) == first
    assert encoded == []  # the second query reads the cached vectors


def test_a_library_that_cannot_be_written_still_gets_the_rerank(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_references([WORDY, MEANT])

    def refuse(vectors) -> None:
        raise StoreError("claims.db is read-only")

    monkeypatch.setattr(store, "save_sentence_vectors", refuse)
    reranked = LocalReferences(store, sentence_weight=4.0).suggest(
        CLAIM, context=FREE_TEXT, limit=2
    )
    assert [e.reference_id for e in reranked] == ["meant", "wordy"]
    assert set(_stored_vectors(store).values()) == {None}


def test_fill_sentence_vectors_embeds_what_is_missing_in_batches(store: Store, encoder) -> None:
    rows = [{"id": f"r{i}", "title": "", "text": f"Passage {i} about rivers."} for i in range(30)]
    store.add_references(rows)
    suggest_local(store, "rivers passage 3", limit=1)  # caches the twenty it reranks
    already = sum(v is not None for v in _stored_vectors(store).values())
    assert 0 < already < 30
    seen: list[tuple[int, int]] = []
    done = store.fill_sentence_vectors(
        encoder.passage_vector_bytes, batch=3, progress=lambda n, total: seen.append((n, total))
    )
    assert done == 30 - already
    assert seen[-1] == (done, done) and len(seen) == -(-done // 3)
    assert None not in _stored_vectors(store).values()
    assert store.fill_sentence_vectors(encoder.passage_vector_bytes) == 0


def _modules_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_refs_add_loads_no_model(tmp_path: Path) -> None:
    source = tmp_path / "refs.jsonl"
    source.write_text(json.dumps(MEANT) + "\n", encoding="utf-8")
    code = (
        "from factcheck.cli import cli\n"
        "try:\n"
        f"    cli(['--db', {str(tmp_path / 'c.db')!r}, 'refs', 'add', {str(source)!r}])\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
    )
    loaded = _modules_after(code)
    assert "factcheck.store.references" in loaded  # it did import
    assert "onnxruntime" not in loaded
    assert "factcheck.text.sentence_encoder" not in loaded


def test_the_check_would_notice_the_encoder_being_loaded(tmp_path: Path) -> None:
    code = (
        "from factcheck.store import Store\n"
        f"store = Store({str(tmp_path / 'c.db')!r})\n"
        f"store.add_references([{MEANT!r}])\n"
        "from factcheck import ClaimContext, Config, make_sources, suggest\n"
        "local = make_sources(store, Config(), names=['local'])\n"
        "suggest(local, 'humans burning coal', context=ClaimContext.free_text())\n"
    )
    loaded = _modules_after(code)
    assert {"onnxruntime", "factcheck.text.sentence_encoder"} <= loaded


def test_a_suggestion_inside_a_read_snapshot_survives_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    with Store(path) as setup:
        setup.add_references([WORDY, MEANT])
    with Store(path, timeout=0.1) as reader, Store(path) as writer, reader.snapshot():
        reader.reference_count()  # the read transaction has begun
        writer.conn.execute("BEGIN IMMEDIATE")  # someone else holds the write lock
        try:
            found = LocalReferences(reader, sentence_weight=4.0).suggest(
                CLAIM, context=FREE_TEXT, limit=2
            )
        finally:
            writer.conn.execute("ROLLBACK")
    assert [e.reference_id for e in found] == ["meant", "wordy"]


def test_the_suggestion_is_the_matcher_ranking_reranked_by_meaning(store: Store) -> None:
    """`suggest` makes `Evidence` of the kept few only (`score_candidates`,
    `meaning_order`): the same answers, scores and spans as ranking every candidate
    with `rank_candidates` and reordering them with `rerank_by_meaning`."""
    from factcheck.evidence.matcher import rank_candidates
    from factcheck.evidence.sources.local import _candidate, recalled_hits, rerank_by_meaning
    from factcheck.text.words import content_stems

    store.add_references(
        [
            WORDY,
            MEANT,
            {"id": "co2", "title": "Carbon dioxide", "text": "CO2 rose to 415 ppm in 2019."},
            {"id": "ice", "title": "Ice", "text": "Arctic sea ice fell to a record low in 2012."},
            {"id": "sun", "title": "Sun", "text": "Solar output has not risen since 1980."},
            {"id": "gas", "title": "Methane", "text": "Humans emit methane from farms and gas."},
        ]
    )
    source = LocalReferences(store, sentence_depth=4)
    for claim in (CLAIM, "CO2 reached 415 ppm in 2019", "Sea ice hit a record low in 2012"):
        hits = recalled_hits(store, claim)
        ranked = rank_candidates(
            claim,
            map(_candidate, hits),
            limit=4,
            stats=store.reference_term_stats(content_stems(claim)),
            spans=False,
        )
        expected = rerank_by_meaning(
            store, claim, ranked, hits, source.sentence_weight, limit=2, spans=True
        )
        assert expected
        assert source.suggest(claim, context=ClaimContext.free_text(), limit=2) == expected
