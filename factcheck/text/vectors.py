"""Static text vectors: what a passage is about, beyond the words it shares with a claim.

Lexical matching cannot tell a passage that speaks to a claim from one that only uses
its words; a sentence model can, but a transformer costs ~1 GB of dependencies and
15 ms a sentence. This module ships the cheap part of one: all-MiniLM-L6-v2 distilled
to one 128-d vector per WordPiece of its vocabulary (weighted by IDF, int8, 3.9 MB,
built by bench/build_word_vectors.py). A text's vector is the sum of its pieces' rows;
two texts compare by cosine. Pure Python for one text (about 0.1 ms); a reference
import's batches (`vector_bytes_many`) scale and round with numpy, imported only
there, with the same integer sums and the same float steps, so the same bytes. The word
pieces come from `factcheck.text.wordpiece`, the tokenizer the check-worthiness model shares.

Used by the matcher's rerank (`matcher.rank_candidates`) and stored per reference
passage at import (`Store.add_references`) as `vector_bytes`. Pure; the only I/O is
reading the package data once.
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import repeat
from operator import mul, sub, truediv
from typing import Any

from factcheck.text.wordpiece import WordPiece, default_wordpiece

__all__ = [
    "VectorModel",
    "cosine",
    "default_vectors",
    "load_vectors",
    "vector_bytes",
    "vector_bytes_many",
    "wordpieces",
]


def _packaged_vocab() -> list[str]:
    """The package's vocabulary (the shared tokenizer's), to reuse that tokenizer and its
    word cache when the vectors come with the same vocabulary."""
    return default_wordpiece().vocab


class VectorModel:
    """WordPiece vocabulary and int8 rows (IDF folded in) with one scale per dimension."""

    def __init__(self, vocab: list[str], rows: bytes, scale: list[float]) -> None:
        self.dims = len(scale)
        if len(rows) != len(vocab) * self.dims:
            raise ValueError("word vectors do not match their vocabulary")
        self.scale = scale
        self.tokenizer = default_wordpiece() if vocab == _packaged_vocab() else WordPiece(vocab)
        self._rows = memoryview(rows).cast("b")
        self._packed = _Memo(self._packed_row)
        self._packed_words = _Memo(self._packed_word, limit=200_000)

    def pieces(self, text: str) -> list[int]:
        """The WordPiece ids of `text` (lower-cased, accents stripped), as BERT splits it."""
        return self.tokenizer.pieces(text)

    def _packed_row(self, piece_id: int) -> int:
        """A row as one integer of 32-bit lanes holding value + 128, and a last lane
        holding 1: summing rows is then one C-level big-integer addition per piece
        instead of 128 float additions, and the last lane counts the pieces."""
        start = piece_id * self.dims
        lanes = array("I", [v + _OFFSET for v in self._rows[start : start + self.dims]])
        lanes.append(1)
        return int.from_bytes(lanes.tobytes(), "little")

    def _packed_word(self, word: str) -> int:
        """The packed rows of a word's pieces, summed (0 for a word with no piece)."""
        return sum(map(self._packed.__getitem__, self.tokenizer.word_pieces(word)))

    def _summed(self, text: str) -> tuple[list[float], int]:
        """The sum of `text`'s piece rows (scaled to floats) and how many pieces."""
        total = self.packed_sum(text)
        lanes = array("I")
        lanes.frombytes(total.to_bytes(4 * (self.dims + 1), "little"))
        count = lanes.pop()
        shift = _OFFSET * count
        # (lane - shift) * scale as one C-level map: a reference import computes a
        # million of these (`vector_bytes`)
        return list(map(mul, map(sub, lanes, repeat(shift)), self.scale)), count

    def vector(self, text: str) -> list[float] | None:
        """Unit-length vector of `text`, or None when it has no known word piece."""
        values, count = self._summed(text)
        if not count:
            return None
        norm = math.sqrt(sum(map(mul, values, values)))
        if norm == 0.0:
            return None
        return list(map(truediv, values, repeat(norm)))

    def vector_bytes(self, text: str) -> bytes | None:
        """`vector(text)` as int8, scaled so its largest value is +-127 (the cosine does
        not need the scale, so the unit-length step is skipped)."""
        values, count = self._summed(text)
        if not count:
            return None
        peak = max(map(abs, values))
        if peak == 0.0:
            return None
        factor = 127 / peak
        return array("b", map(round, map(mul, values, repeat(factor)))).tobytes()

    def vector_bytes_many(self, texts: Sequence[str]) -> list[bytes | None]:
        """`vector_bytes` of each text, byte for byte, for a batch (a reference import
        of a million passages calls this). Each text's rows are summed as in `_summed`
        (exact integers); the per-value float work that costs `vector_bytes` most (scale,
        maximum, divide, round half to even) is then done by numpy for the whole batch,
        with the same float64 operations, so the same bytes."""
        if not texts or not self.dims:
            return [self.vector_bytes(text) for text in texts]
        return self.vector_bytes_of_sums([self.packed_sum(text) for text in texts])

    def packed_sum(self, text: str) -> int:
        """The packed rows (`_packed_row`) of all of `text`'s word pieces, summed.

        Sums add up across whitespace: no basic token spans it, so a text's sum is the
        sum of its whitespace-separated chunks' sums when the text is ASCII (beyond
        ASCII the tokenizer's path depends on the whole text; see
        `text.passage_terms.PassageTerms`)."""
        return sum(map(self._packed_words.__getitem__, self.tokenizer.words(text)))

    def vector_bytes_of_sums(self, sums: Sequence[int]) -> list[bytes | None]:
        """`vector_bytes` of texts given their `packed_sum`s (the numpy steps of
        `vector_bytes_many`)."""
        if not sums:
            return []
        if not self.dims:
            return [None] * len(sums)
        return self.vector_bytes_of_lanes(self.lanes_of_sums(sums))

    def lanes_of_sums(self, sums: Sequence[int]) -> Any:
        """`packed_sum`s as an int64 array, one row a text: its `dims` value sums, then
        its piece count (the lanes `text.passage_terms.PassageTerms` sums in numpy)."""
        import numpy as np

        width = 4 * (self.dims + 1)
        packed = b"".join([total.to_bytes(width, "little") for total in sums])
        lanes = np.frombuffer(packed, dtype="<u4").reshape(len(sums), self.dims + 1)
        lanes = lanes.astype(np.int64)
        lanes[:, :-1] -= _OFFSET * lanes[:, -1:]
        return lanes

    def vector_bytes_of_lanes(self, lanes: Any) -> list[bytes | None]:
        """`vector_bytes` of texts given their value sums and piece counts (an int64
        array, `lanes_of_sums`): scale, maximum, divide and round half to even as
        `vector_bytes` does them, in float64, for the whole batch."""
        import numpy as np

        if not len(lanes):
            return []
        if not self.dims:
            return [None] * len(lanes)
        counts = lanes[:, -1]
        values = lanes[:, :-1].astype(np.float64)
        values *= np.array(self.scale, dtype=np.float64)
        peaks = np.abs(values).max(axis=1)
        usable = (counts > 0) & (peaks > 0.0)
        factors = np.divide(127.0, peaks, out=np.ones_like(peaks), where=usable)
        scaled = np.rint(values * factors[:, None]).astype(np.int8)
        return [row.tobytes() if ok else None for row, ok in zip(scaled, usable, strict=True)]


class _Memo(dict[Any, Any]):
    """`memo[key]` is `compute(key)`, computed once (while under `limit` entries):
    lookups stay a C-level dict hit, so they can run inside `map`."""

    def __init__(self, compute: Callable[[Any], Any], *, limit: int | None = None) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key: Any) -> Any:
        value = self._compute(key)
        if self._limit is None or len(self) < self._limit:
            self[key] = value
        return value


_OFFSET = 128
"""Added to each int8 value so packed lanes never go negative (see `_packed_row`)."""


def vector_bytes(text: str, model: VectorModel | None = None) -> bytes | None:
    """`text`'s vector as int8 bytes for storage (cosine does not need the scale)."""
    return (model or default_vectors()).vector_bytes(text)


def vector_bytes_many(texts: Sequence[str], model: VectorModel | None = None) -> list[bytes | None]:
    """`vector_bytes` of each of `texts` (the same bytes), faster for a batch."""
    return (model or default_vectors()).vector_bytes_many(texts)


def cosine(unit: list[float], stored: bytes) -> float:
    """Cosine between a unit vector and a stored int8 vector (`vector_bytes`)."""
    other = array("b", stored)
    if len(other) != len(unit):
        return 0.0
    norm = math.sqrt(sum(map(mul, other, other)))
    return sum(map(mul, unit, other)) / norm if norm else 0.0


def wordpieces(text: str) -> list[str]:
    """The word pieces of `text` as strings (for tests and curious readers)."""
    model = default_vectors()
    return [model.tokenizer.vocab[i] for i in model.pieces(text)]


@lru_cache(maxsize=1)
def default_vectors() -> VectorModel:
    """The packaged vectors, read once per process."""
    return load_vectors(resources.files("factcheck.data"))


def load_vectors(folder: Traversable) -> VectorModel:
    """Vectors from `folder` (word_vectors.json/.bin, wordpiece_vocab.txt). A broken
    install without them gives an empty model: every text then has no vector and the
    rerank simply goes without meaning, as `checkworthiness.default_model` goes neutral."""
    try:
        meta = json.loads(folder.joinpath("word_vectors.json").read_text(encoding="utf-8"))
        vocab = folder.joinpath("wordpiece_vocab.txt").read_text(encoding="utf-8").splitlines()
        rows = folder.joinpath("word_vectors.bin").read_bytes()
        return VectorModel(vocab, rows, [float(s) for s in meta["scale"]])
    except (OSError, ValueError, KeyError, TypeError):
        return VectorModel([], b"", [])
