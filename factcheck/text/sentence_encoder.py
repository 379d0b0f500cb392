"""Sentence embeddings from all-MiniLM-L6-v2 (int8 ONNX): what a passage means.

The evidence rerank's strongest signal (bench/RESULTS.md, issue 14): the cosine between
a claim's and a passage's MiniLM sentence embeddings (mean of the last layer over the
pieces, unit length; the pooling is inside the graph). The model is the
sentence-transformers checkpoint with its upper layers fine-tuned on FM2 and
Climate-FEVER dev claims against their gold passages (bench/train_sentence_encoder.py:
held out, recall@5 and recall@1 rise on both sets), exported and quantised by
bench/export_sentence_encoder.py to factcheck/data/sentence_encoder.onnx. Token ids come
from the package's one tokenizer (`factcheck.text.wordpiece`) and the session from its one
runtime (`factcheck.text.onnx_runtime`), shared with the check-worthiness model.

Passage vectors are stored in claims.db as int8 (`vector_bytes`: 384 bytes a passage),
computed when a passage is first reranked and cached (`sources.local`), beside the
`encoder_identity` of the model that made them: the store serves only vectors of the
shipped model's identity and drops the others when it next saves one, so a retrained
model needs no schema migration (`store.references`). This module is imported only
when evidence is ranked, so commands that need no model never load it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from factcheck.text.onnx_runtime import OnnxModel, length_batches
from factcheck.text.wordpiece import WordPiece, default_wordpiece

__all__ = [
    "MAX_PIECES",
    "MODEL_FILE",
    "SentenceEncoder",
    "cosines",
    "default_sentence_encoder",
    "encoder_identity",
    "load_sentence_encoder",
    "passage_text",
]

MODEL_FILE = "sentence_encoder.onnx"
MAX_PIECES = 128
"""Word pieces read of a text, [CLS] and [SEP] included: the length the model was
trained at (sentence-transformers' own limit is 256; evidence sentences rarely pass 60)."""
BATCH_SIZE = 16
"""Texts per onnxruntime call, sorted by length (little padding)."""
CLAIM_CACHE = 256
"""Claim vectors `SentenceEncoder.vector` remembers (1.5 KB each)."""


class SentenceEncoder:
    """Texts -> unit-length MiniLM sentence embeddings (numpy float32, 384 wide)."""

    def __init__(self, model_bytes: bytes, tokenizer: WordPiece) -> None:
        self._model = OnnxModel(model_bytes)
        self.tokenizer = tokenizer
        self.np = self._model.np
        self._recent: dict[str, Any] = {}

    def ids(self, text: str) -> list[int]:
        """`[CLS] pieces [SEP]`, at most MAX_PIECES long."""
        cls, sep = self.tokenizer.special("[CLS]"), self.tokenizer.special("[SEP]")
        return [cls, *self.tokenizer.pieces(text)[: MAX_PIECES - 2], sep]

    def encode(self, texts: Sequence[str]) -> Any:
        """An (n, 384) float32 array of unit vectors, in the order of `texts`."""
        np = self.np
        encoded = [self.ids(text) for text in texts]
        out = None
        for batch in length_batches([len(ids) for ids in encoded], BATCH_SIZE):
            vectors = self._model.run([encoded[i] for i in batch])
            if out is None:
                out = np.zeros((len(encoded), vectors.shape[1]), dtype=np.float32)
            out[batch] = vectors
        return out if out is not None else np.zeros((0, 0), dtype=np.float32)

    def vector(self, text: str) -> Any:
        """One text's unit vector, encoded alone; the last CLAIM_CACHE texts are
        remembered (the review screen asks again about a claim it showed before)."""
        found = self._recent.pop(text, None)
        if found is None:
            found = self.encode([text])[0]
            found.flags.writeable = False
            if len(self._recent) >= CLAIM_CACHE:
                # pop, not del: `LocalReferences.prepare` may fill it from a thread
                self._recent.pop(next(iter(self._recent)), None)
        self._recent[text] = found  # most recent last
        return found

    def passage_vector_bytes(self, passages: Sequence[tuple[str, str]]) -> list[bytes]:
        """`vector_bytes` of (title, text) passages, as `passage_text` joins them."""
        return self.vector_bytes([passage_text(title, text) for title, text in passages])

    def vector_bytes(self, texts: Sequence[str]) -> list[bytes]:
        """`encode(texts)` as int8 bytes each, scaled so a vector's peak is +-127 (the
        cosine needs no scale): a quarter of float32's size, cosines within ~0.005."""
        np = self.np
        vectors = self.encode(texts)
        if not len(vectors):
            return []
        peaks = np.abs(vectors).max(axis=1, keepdims=True)
        peaks[peaks == 0] = 1.0
        quantised = np.rint(vectors * (127 / peaks)).astype(np.int8)
        return [row.tobytes() for row in quantised]


def passage_text(title: str, text: str) -> str:
    """What is encoded of a passage: "title: text". Wikipedia sentences often name their
    subject only in the page title ("He was born in 1869."); with it, MiniLM alone
    finds FM2's gold sentences at recall@5 0.685 instead of 0.559 (bench/RESULTS.md)."""
    return f"{title}: {text}" if title.strip() else text


def cosines(claim: Any, stored: Sequence[bytes]) -> list[float]:
    """Cosine of a unit claim vector (`encode`) with each stored int8 vector
    (`vector_bytes`); 0.0 for a stored vector of another width."""
    import numpy as np

    width = len(claim)
    good = [i for i, blob in enumerate(stored) if len(blob) == width]
    result = [0.0] * len(stored)
    if good:
        matrix = np.frombuffer(b"".join(stored[i] for i in good), dtype=np.int8)
        matrix = matrix.reshape(len(good), width).astype(np.float32)
        norms = np.linalg.norm(matrix, axis=1)
        norms[norms == 0] = 1.0
        values = (matrix @ claim) / norms
        for i, value in zip(good, values.tolist(), strict=True):
            result[i] = value
    return result


def load_sentence_encoder(folder: Traversable | None = None) -> SentenceEncoder | None:
    """The packaged encoder, or None when its file or onnxruntime is missing (a broken
    install): the rerank then goes without the term, as the scorer falls back."""
    folder = folder or resources.files("factcheck.data")
    try:
        model_bytes = folder.joinpath(MODEL_FILE).read_bytes()
    except OSError:
        return None
    try:
        return SentenceEncoder(model_bytes, default_wordpiece())
    except ImportError:
        return None


@lru_cache(maxsize=1)
def default_sentence_encoder() -> SentenceEncoder | None:
    """The packaged encoder, loaded once per process (~0.3 s)."""
    return load_sentence_encoder()


@lru_cache(maxsize=1)
def encoder_identity() -> str | None:
    """Which model the packaged encoder is: "sha256:" and the hex digest of its file,
    None when the file is missing. Stored beside the passage vectors it makes, so
    vectors of another model (an older or newer package's) are never compared with
    this one's. A digest of the file rather than a version constant: it changes by
    itself whenever the model does, where a constant would change only if whoever
    retrained remembered to change it (and a forgotten one would mix vectors of two
    models silently). Read from disk, not the model: no model is loaded for it, and it
    is computed once per process, the first time stored vectors are read or written
    (~23 MB hashed, bench/RESULTS.md, session 28, encid14)."""
    digest = hashlib.sha256()
    try:
        with resources.files("factcheck.data").joinpath(MODEL_FILE).open("rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return "sha256:" + digest.hexdigest()
