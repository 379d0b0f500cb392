"""The fast `vector_bytes` (word-level packed sums, C-level maps, no unit-length step)
and `content_stems` (whole-text lowering, memoised stems) give exactly what the plain
computations they replaced gave."""

from __future__ import annotations

import math
from array import array
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.text.lexicon import STOP_WORDS
from factcheck.text.vectors import default_vectors, vector_bytes
from factcheck.text.words import content_stems, words

SEED = Path(__file__).resolve().parents[2] / "seeds"


def plain_vector_bytes(text: str) -> bytes | None:
    """The computation as first written: sum the piece rows, unit length, int8."""
    model = default_vectors()
    ids = model.pieces(text)
    if not ids:
        return None
    rows = model._rows
    sums = [0] * model.dims
    for piece in ids:
        for dim in range(model.dims):
            sums[dim] += rows[piece * model.dims + dim]
    values = [s * scale for s, scale in zip(sums, model.scale, strict=True)]
    norm = math.sqrt(sum(v * v for v in values))
    if norm == 0.0:
        return None
    unit = [v / norm for v in values]
    peak = max(map(abs, unit)) or 1.0
    return array("b", [round(u * 127 / peak) for u in unit]).tobytes()


def test_the_seed_article_sentences_get_the_plain_bytes() -> None:
    text = next(SEED.glob("*.txt")).read_text(encoding="utf-8")
    for sentence in text.split(". "):
        assert vector_bytes(sentence) == plain_vector_bytes(sentence)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_any_text_gets_the_plain_bytes(text: str) -> None:
    assert vector_bytes(text) == plain_vector_bytes(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_content_stems_equal_the_plain_word_by_word_stemming(text: str) -> None:
    plain = [w[:6] for w in words(text) if w not in STOP_WORDS]
    assert content_stems(text) == plain
    assert content_stems(text.encode("ascii", "ignore").decode()) == [
        w[:6] for w in words(text.encode("ascii", "ignore").decode()) if w not in STOP_WORDS
    ]
