"""The shipped path's top-20 candidates per dev claim, the pool a cross-encoder reranks.

`bench/train_cross_encoder.py` and `bench/eval_cross_encoder.py` both need, for every
FM2 / Climate-FEVER dev claim: its fold (`eval_retrieval.fold`, sha256 of the claim id),
the strongest plain baseline's ranking (bm25s title+text, `eval_retrieval.bm25_rankings`)
and the shipped path's best `SENTENCE_DEPTH` passages with their shipped scores (the
matcher, then the int8 MiniLM bi-encoder rerank at w 3). Those come from
`bench/eval_retrieval.py` and `bench/corpora.py` by import, so the pooling, recall and
folds are the ones every other retrieval figure uses. Building them runs the shipped
path cold (0.3-0.6 s a claim on a loaded machine), so the result is cached in a pickle
outside the repo.
"""

from __future__ import annotations

import pickle
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from corpora import Query, climate_fever, fm2
from eval_retrieval import Ranked, bm25_rankings, fold

from factcheck.config import Config
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.source_factory import make_sources
from factcheck.evidence.sources.local import SENTENCE_DEPTH
from factcheck.evidence.suggest import suggest
from factcheck.store import Store

CACHE = Path(tempfile.gettempdir()) / "factcheck-xenc-candidates.pickle"


@dataclass
class DevCandidates:
    """One dev set: its claims, folds, the baseline's metrics and the shipped top 20."""

    name: str
    passages: dict[str, tuple[str, str]]
    """passage id -> (title, text)"""
    queries: list[Query]
    folds: np.ndarray
    strong: Ranked
    """bm25s title+text, English stop words (the issue's baseline), same pooled passages."""
    candidates: list[list[str]]
    """Per claim: the shipped path's best SENTENCE_DEPTH passage ids, shipped order."""
    shipped_scores: list[np.ndarray]
    """Per claim: the shipped score of each candidate (matcher + w 3 cosine, in [0, 1])."""
    seconds_a_claim: float


def build(name: str, passages: list[dict[str, str]], queries: list[Query]) -> DevCandidates:
    ids = [p["id"] for p in passages]
    strong = Ranked(
        bm25_rankings([p["title"] + " " + p["text"] for p in passages], ids, queries), queries
    )
    candidates, scores = [], []
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "claims.db") as store:
        store.add_references(passages)
        shipped = make_sources(store, Config(), names=["local"])
        free_text = ClaimContext.free_text()
        started = time.perf_counter()
        for query in queries:
            found = suggest(shipped, query.claim, context=free_text, limit=SENTENCE_DEPTH)
            candidates.append([e.reference_id or "" for e in found])
            scores.append(np.array([e.score for e in found]))
        seconds = (time.perf_counter() - started) / max(len(queries), 1)
    return DevCandidates(
        name=name,
        passages={p["id"]: (p["title"], p["text"]) for p in passages},
        queries=queries,
        folds=np.array([fold(q.id) for q in queries]),
        strong=strong,
        candidates=candidates,
        shipped_scores=scores,
        seconds_a_claim=seconds,
    )


def load(data: Path, *, rebuild: bool = False) -> list[DevCandidates]:
    """Both dev sets' candidates, from the cache when it is there."""
    if CACHE.exists() and not rebuild:
        with CACHE.open("rb") as handle:
            cached: list[DevCandidates] = pickle.load(handle)
        return cached
    devs = []
    for name, loader in (("FM2 dev", fm2), ("Climate-FEVER dev", climate_fever)):
        passages, queries = loader(data)
        devs.append(build(name, passages, queries))
        print(f"{name}: {len(queries)} claims, shipped top {SENTENCE_DEPTH} built", flush=True)
    with CACHE.open("wb") as handle:
        pickle.dump(devs, handle)
    return devs


if __name__ == "__main__":
    # Through the module's own name, so the pickle names the class by it, not __main__.
    from corpora import data_or_skip
    from cross_encoder_candidates import load as load_by_name

    for dev in load_by_name(data_or_skip(), rebuild=True):
        print(f"{dev.name}: {dev.seconds_a_claim * 1000:.0f} ms a claim (shipped, cold)")
