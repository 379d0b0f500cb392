"""The optimised-graph cache of `OnnxModel`: same outputs to the bit, reused, rebuilt
when damaged, and skipped when no folder can be written."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from factcheck.text.onnx_runtime import CACHE_ENV, OnnxModel, model_source, optimized_model_cache

MODEL = resources.files("factcheck.data").joinpath("checkworthiness.onnx").read_bytes()
# Token ids of real words (BERT vocabulary), two rows of different lengths.
IDS = [[101, 1996, 2343, 2056, 2008, 3037, 2097, 4125, 2011, 2184, 3867, 102], [101, 7592, 102]]
SEGMENTS = [[0] * len(row) for row in IDS]


def _uncached():
    """Outputs of a session built the way it was before the cache (ORT_ENABLE_ALL)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = ort.InferenceSession(MODEL, sess_options=options, providers=["CPUExecutionProvider"])
    model = OnnxModel.__new__(OnnxModel)
    import numpy as np

    model.np = np
    model._session = session
    model._input_names = {i.name for i in session.get_inputs()}
    return model.run(IDS, SEGMENTS)


def test_cached_graph_gives_the_same_outputs_and_is_reused(tmp_path, monkeypatch):
    import onnxruntime as ort

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    cached = optimized_model_cache(MODEL, ort.__version__)
    assert cached is not None and not cached.exists()

    first = OnnxModel(MODEL).run(IDS, SEGMENTS)  # optimises and saves
    assert cached.is_file()
    written = cached.stat().st_mtime_ns
    second = OnnxModel(MODEL).run(IDS, SEGMENTS)  # loads the saved graph
    assert cached.stat().st_mtime_ns == written  # read, not written again
    reference = _uncached()
    assert first.tobytes() == reference.tobytes()
    assert second.tobytes() == reference.tobytes()
    assert not list(cached.parent.glob("*.partial"))


def test_damaged_cache_file_is_rebuilt(tmp_path, monkeypatch):
    import onnxruntime as ort

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    cached = optimized_model_cache(MODEL, ort.__version__)
    assert cached is not None
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"not a graph")
    out = OnnxModel(MODEL).run(IDS, SEGMENTS)
    assert out.tobytes() == _uncached().tobytes()
    assert cached.stat().st_size > 1_000_000  # replaced by the optimised graph


def test_another_model_or_runtime_gets_another_file(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    a = optimized_model_cache(MODEL, "1.0")
    assert a != optimized_model_cache(MODEL[:-1] + bytes([MODEL[-1] ^ 1]), "1.0")
    assert a != optimized_model_cache(MODEL, "1.1")


def test_unwritable_cache_folder_still_gives_a_model(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv(CACHE_ENV, str(blocker))
    out = OnnxModel(MODEL).run(IDS, SEGMENTS)
    assert out.tobytes() == _uncached().tobytes()


def test_no_home_means_no_cache(monkeypatch):
    for name in (CACHE_ENV, "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)
    assert optimized_model_cache(MODEL, "1.0") is None


def test_a_model_file_is_not_read_again_while_it_is_unchanged(tmp_path, monkeypatch):
    """Given as a file, the model's key is remembered: the next session loads the
    saved graph without reading the 23 MB (same outputs); a rewritten file is read."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    model_file = tmp_path / "model.onnx"
    model_file.write_bytes(MODEL)
    assert model_source(model_file) == model_file
    first = OnnxModel(model_file).run(IDS, SEGMENTS)  # reads, optimises, remembers
    reads: list[Path] = []
    real_read = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self)
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    second = OnnxModel(model_file).run(IDS, SEGMENTS)
    assert model_file not in reads  # the remembered key found the graph
    reference = _uncached()
    assert first.tobytes() == second.tobytes() == reference.tobytes()
    model_file.write_bytes(MODEL)  # same bytes, but a new ctime: read and hashed again
    third = OnnxModel(model_file).run(IDS, SEGMENTS)
    assert reads.count(model_file) == 1
    assert third.tobytes() == reference.tobytes()
    assert len(list((tmp_path / "cache" / "onnx").glob("*.onnx"))) == 1  # one graph


def test_a_damaged_or_foreign_key_note_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    model_file = tmp_path / "model.onnx"
    model_file.write_bytes(MODEL)
    OnnxModel(model_file)
    (note,) = (tmp_path / "cache" / "onnx" / "sources").glob("*.key")
    identity = note.read_text(encoding="utf-8").split("\n")[0]
    for text in ("garbage", f"{identity}\n../../elsewhere.onnx", f"{identity}\nmissing-0000.onnx"):
        note.write_text(text, encoding="utf-8")
        out = OnnxModel(model_file).run(IDS, SEGMENTS)  # read and rebuilt note
        assert out.tobytes() == _uncached().tobytes()
        assert note.read_text(encoding="utf-8").split("\n")[0] == identity


def test_a_missing_model_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        model_source(tmp_path / "absent.onnx")
