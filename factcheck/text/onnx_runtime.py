"""The one onnxruntime runtime of the package's MiniLM models.

Two int8 ONNX graphs of all-MiniLM-L6-v2 ship in factcheck/data: the fine-tuned
check-worthiness classifier (`factcheck.claims.checkworthiness.transformer`) and the plain
sentence encoder that reranks evidence (`factcheck.text.sentence_encoder`). Both read token
ids from the package's one WordPiece tokenizer (`factcheck.text.wordpiece`), and both run
through `OnnxModel` here: one way to open a session, pad a batch and feed it.

onnxruntime and numpy are imported inside `OnnxModel` only, and the modules that make
one are imported only when a model is needed, so commands that need no model (`list`,
`export`, `--help`) never load them (tests/unit/test_cli_startup.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["OnnxModel", "length_batches"]


class OnnxModel:
    """An onnxruntime session over a BERT-shaped graph (input_ids, attention_mask and,
    if the graph takes it, token_type_ids), one intra-op thread.

    One thread: the callers parallelise across documents or queries, not inside one,
    and the machine's other cores belong to the desk's other work."""

    def __init__(self, model_bytes: bytes) -> None:
        import numpy as np
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.np = np
        self._session = ort.InferenceSession(
            model_bytes, sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._input_names = {i.name for i in self._session.get_inputs()}

    def run(
        self, ids: Sequence[Sequence[int]], segments: Sequence[Sequence[int]] | None = None
    ) -> Any:
        """The graph's first output for a batch of token id lists (padded with 0 to the
        longest, attention mask 1 over each list); `segments` default to all 0."""
        np = self.np
        width = max(len(row) for row in ids)
        id_array = np.zeros((len(ids), width), dtype=np.int64)
        segment_array = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for row, piece_ids in enumerate(ids):
            n = len(piece_ids)
            id_array[row, :n] = piece_ids
            mask[row, :n] = 1
            if segments is not None:
                segment_array[row, :n] = segments[row]
        feeds = {"input_ids": id_array, "attention_mask": mask, "token_type_ids": segment_array}
        feeds = {k: v for k, v in feeds.items() if k in self._input_names}
        return self._session.run(None, feeds)[0]


def length_batches(lengths: Sequence[int], batch_size: int) -> Iterator[list[int]]:
    """Positions of `lengths` in batches of similar length (sorted, shortest first), so
    padding, which costs as much run time as real pieces, stays small."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    for first in range(0, len(order), batch_size):
        yield order[first : first + batch_size]
