"""`vector_bytes_many` (numpy, a batch at a time) stores the bytes `vector_bytes` gives."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.text.vectors import VectorModel, vector_bytes, vector_bytes_many

CORPUS = Path(__file__).parent.parent / "fixtures" / "references" / "corpus.jsonl"
AWKWARD = [
    "",
    "   ",
    "!!! ??? ...",
    "\x00\x1b[2J",
    "東京 is Japan's capital",
    "Ærøskøbing naïve façade",
    "zzqxv " * 3,
    "a" * 150,  # longer than a word piece may be: one unknown piece
    "The WHO said 3.5% of U.S. cases were mild.",
]


def test_a_batch_gives_each_texts_bytes() -> None:
    texts = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines() if line]
    texts += AWKWARD
    assert vector_bytes_many(texts) == [vector_bytes(text) for text in texts]
    assert vector_bytes_many([]) == []
    assert vector_bytes_many(["", "!!!"]) == [vector_bytes(""), vector_bytes("!!!")]
    many = texts * 5  # more than one chunk
    assert vector_bytes_many(many) == [vector_bytes(text) for text in many]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=12))
def test_any_batch_gives_each_texts_bytes(texts: list[str]) -> None:
    assert vector_bytes_many(texts) == [vector_bytes(text) for text in texts]


def test_a_model_without_vectors_gives_none_in_a_batch() -> None:
    empty = VectorModel([], b"", [])
    assert vector_bytes_many(["words here", ""], empty) == [None, None]
