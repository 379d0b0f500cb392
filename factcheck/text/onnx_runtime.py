"""The one onnxruntime runtime of the package's MiniLM models.

Two int8 ONNX graphs of all-MiniLM-L6-v2 ship in factcheck/data: the fine-tuned
check-worthiness classifier (`factcheck.claims.checkworthiness.transformer`) and the plain
sentence encoder that reranks evidence (`factcheck.text.sentence_encoder`). Both read token
ids from the package's one WordPiece tokenizer (`factcheck.text.wordpiece`), and both run
through `OnnxModel` here: one way to open a session, pad a batch and feed it.

onnxruntime and numpy are imported inside `OnnxModel` only, and the modules that make
one are imported only when a model is needed, so commands that need no model (`list`,
`export`, `--help`) never load them (tests/unit/test_cli_startup.py).

Start-up: optimising a graph costs ~0.45 s of every session (most of a one-file
`factcheck add`), so the optimised graph is kept in the user's cache folder
(`optimized_model_cache`) and later sessions load it with no optimisation pass: the
same graph, so the same outputs to the bit (tests/unit/test_onnx_model_cache.py).
Finding that graph needs the model's key (length + CRC-32 of its 23 MB): given the
model as a file (`model_source`), the key is remembered next to the graph under the
file's path, size, mtime, ctime and inode, so a later process that finds the file
unchanged loads the graph without reading or hashing the model (~7% of the CPU of a
one-file `factcheck add`). A file replaced or rewritten changes its ctime (which no
program can set back), so it is read and hashed again.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

__all__ = [
    "CACHE_ENV",
    "ModelSource",
    "OnnxModel",
    "length_batches",
    "model_source",
    "optimized_model_cache",
]

ModelSource = bytes | Path
"""A model as its bytes, or as the file holding them (read only when needed)."""

CACHE_ENV = "FACTCHECK_CACHE_DIR"
"""Where optimised graphs are kept; default `$XDG_CACHE_HOME/factcheck` (`~/.cache`)."""


class OnnxModel:
    """An onnxruntime session over a BERT-shaped graph (input_ids, attention_mask and,
    if the graph takes it, token_type_ids), one intra-op thread.

    One thread: the callers parallelise across documents or queries, not inside one,
    and the machine's other cores belong to the desk's other work."""

    def __init__(self, model: ModelSource) -> None:
        import numpy as np
        import onnxruntime as ort

        self.np = np
        self._session = _session(ort, model)
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


def _options(ort: Any, level: Any) -> Any:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = level
    options.log_severity_level = 3  # errors only: warnings would reach the terminal
    return options


def model_source(model_file: Traversable) -> ModelSource:
    """`model_file` as a path when it is a file on disk (its key can then be remembered),
    else its bytes (a zipped install). OSError when it cannot be read."""
    if isinstance(model_file, Path) and model_file.is_file():
        return model_file
    return model_file.read_bytes()


def _session(ort: Any, model: ModelSource) -> Any:
    """A session over `model`, from the cached optimised graph when there is one.

    ORT_ENABLE_EXTENDED holds every fusion these BERT graphs get (attention, layer norm,
    GELU); ORT_ENABLE_ALL adds only NCHWc layouts for convolutions, which they lack, and
    would make the saved graph specific to this CPU. A cache file that does not load is
    replaced."""
    levels = ort.GraphOptimizationLevel
    providers = ["CPUExecutionProvider"]
    version = ort.__version__
    if isinstance(model, Path):
        session = _cached_session(ort, _remembered_cache(model, version))
        if session is not None:
            return session
        model_bytes = model.read_bytes()
    else:
        model_bytes = model
    cached = optimized_model_cache(model_bytes, version)
    if isinstance(model, Path) and cached is not None:
        _remember_cache(model, version, cached)
    session = _cached_session(ort, cached)
    if session is not None:
        return session
    options = _options(ort, levels.ORT_ENABLE_EXTENDED)
    partial = None
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_name(f"{cached.name}.{os.getpid()}.partial")
            options.optimized_model_filepath = str(partial)
        except OSError:
            partial = None
    session = ort.InferenceSession(model_bytes, sess_options=options, providers=providers)
    if partial is not None and cached is not None:
        try:
            os.replace(partial, cached)  # whole or absent: never a half-written graph
        except OSError:
            partial.unlink(missing_ok=True)
    return session


def _cached_session(ort: Any, cached: Path | None) -> Any:
    """A session over the saved optimised graph `cached`, or None when there is none or
    it does not load (a damaged or foreign file: the caller rebuilds it)."""
    if cached is None or not cached.is_file():
        return None
    try:
        return ort.InferenceSession(
            str(cached),
            sess_options=_options(ort, ort.GraphOptimizationLevel.ORT_DISABLE_ALL),
            providers=["CPUExecutionProvider"],
        )
    except Exception:
        return None


_GRAPH_NAME = re.compile(r"[0-9a-f]+-[0-9a-f]{8}-ort[\w.+-]+\.onnx")
"""What `optimized_model_cache` names a graph: a remembered name must look like one."""


def _fingerprint(model_file: Path, version: str) -> tuple[Path, str] | None:
    """(where the key of `model_file` is remembered, the file's identity as one line:
    runtime version, path, size, mtime, ctime, inode), or None without a cache folder or
    when the file cannot be looked at."""
    folder = _cache_folder()
    if folder is None:
        return None
    try:
        path = model_file.resolve()
        stat = path.stat()
    except OSError:
        return None
    identity = "\t".join(
        map(
            str,
            (f"ort{version}", path, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino),
        )
    )
    name = f"{zlib.crc32(f'{version}{path}'.encode()):08x}.key"
    return folder / "onnx" / "sources" / name, identity


def _remembered_cache(model_file: Path, version: str) -> Path | None:
    """The cached graph of `model_file` by its remembered key, or None when the key is
    not remembered for the file as it is now."""
    found = _fingerprint(model_file, version)
    if found is None:
        return None
    memo, identity = found
    try:
        lines = memo.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if len(lines) != 2 or lines[0] != identity or not _GRAPH_NAME.fullmatch(lines[1]):
        return None
    return memo.parent.parent / lines[1]


def _remember_cache(model_file: Path, version: str, cached: Path) -> None:
    """Write the key of `model_file` (as it is now) next to the graphs, whole or not at
    all; a folder that cannot be written only means the model is read next time."""
    found = _fingerprint(model_file, version)
    if found is None:
        return
    memo, identity = found
    partial = memo.with_name(f"{memo.name}.{os.getpid()}.partial")
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(f"{identity}\n{cached.name}", encoding="utf-8")
        os.replace(partial, memo)
    except OSError:
        partial.unlink(missing_ok=True)


def _cache_folder() -> Path | None:
    """`$FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck` or `~/.cache/factcheck`;
    None when none can be named."""
    folder = os.environ.get(CACHE_ENV)
    if folder:
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or (
        str(Path.home() / ".cache") if "HOME" in os.environ else ""
    )
    return Path(base) / "factcheck" if base else None


def optimized_model_cache(model_bytes: bytes, runtime_version: str) -> Path | None:
    """The cache file for `model_bytes` optimised by onnxruntime `runtime_version`, or
    None when no cache folder can be named. The name holds the graph's length and CRC-32
    (a new model never meets an old graph; CRC-32 of 23 MB is ~6x faster than sha256)
    and the runtime's version (a saved graph is read back by the runtime that wrote it)."""
    folder = _cache_folder()
    if folder is None:
        return None
    key = f"{len(model_bytes):x}-{zlib.crc32(model_bytes):08x}-ort{runtime_version}"
    return folder / "onnx" / f"{key}.onnx"


def length_batches(lengths: Sequence[int], batch_size: int) -> Iterator[list[int]]:
    """Positions of `lengths` in batches of similar length (sorted, shortest first), so
    padding, which costs as much run time as real pieces, stays small."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    for first in range(0, len(order), batch_size):
        yield order[first : first + batch_size]
