"""factcheck.evidence.stance_model: the learned stance hint shown beside each passage."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from factcheck.evidence import stance_model
from factcheck.evidence.stance import Stance, StanceHint, evidence_hint, explain, stance_cues
from factcheck.evidence.stance_model import (
    CUE_FEATURES,
    LABELS,
    StanceModel,
    default_stance_model,
    load_stance_model,
    pair_features,
)
from factcheck.models import Claim, Evidence, SourceKind
from factcheck.store import Store
from tests.unit.test_cli_startup import imported_after

CLAIM = "Arctic sea ice has been shrinking rapidly over the last decades."
RESTATED = Evidence(
    SourceKind.REFERENCE,
    "Arctic sea ice decline",
    "Arctic sea ice has been shrinking rapidly over the last few decades.",
    0.9,
)
UNRELATED = Evidence(SourceKind.REFERENCE, "Banana", "Bananas are a good source of potassium.", 0.2)


def test_the_packaged_model_loads_with_a_row_per_label() -> None:
    model = default_stance_model()
    assert model is not None
    assert model.weights.shape[0] == len(LABELS) == 3
    assert model.width in (len(CUE_FEATURES) + 1, len(CUE_FEATURES) + 1 + 384)
    assert np.isfinite(model.weights).all() and np.isfinite(model.bias).all()


def test_a_passage_restating_the_claim_is_hinted_to_support_it() -> None:
    hint = evidence_hint(CLAIM, RESTATED)
    assert hint.stance is Stance.SUPPORTS
    assert hint.reasons[0].startswith("shares ")


def test_an_unrelated_passage_is_neither() -> None:
    assert evidence_hint(CLAIM, UNRELATED) == StanceHint(Stance.NEITHER, ())


def test_never_supports_beside_a_contradiction_the_matcher_flagged() -> None:
    flagged = Evidence(
        RESTATED.source,
        RESTATED.title,
        RESTATED.passage,
        0.9,
        contradictions=("claim: 1979; passage: 1981",),
    )
    assert evidence_hint(CLAIM, RESTATED).stance is Stance.SUPPORTS
    assert evidence_hint(CLAIM, flagged).stance is not Stance.SUPPORTS


def test_a_model_contradiction_gives_the_cues_as_reasons() -> None:
    cues = stance_cues(
        "Carbon dioxide does not trap heat.", "Carbon dioxide traps heat in the atmosphere."
    )
    hint = explain(Stance.CONTRADICTS, cues)
    assert hint == StanceHint(Stance.CONTRADICTS, ("negation differs",))


def test_the_pair_features_are_cues_cosine_then_products() -> None:
    cues = stance_cues(CLAIM, RESTATED.passage)
    u = np.zeros(384)
    v = np.zeros(384)
    u[0], u[1], v[0], v[1] = 0.6, 0.8, 1.0, 0.0
    row = pair_features(cues, u, v)
    assert row.shape == (len(CUE_FEATURES) + 1 + 384,)
    assert row[0] == pytest.approx(cues.overlap)
    assert row[len(CUE_FEATURES)] == pytest.approx(0.6)  # the cosine
    assert row[len(CUE_FEATURES) + 1 :].sum() == pytest.approx(0.6)


def test_a_model_reads_only_its_leading_columns() -> None:
    """A cues + cosine model (width 6) ignores the products it was not trained on."""
    weights = np.zeros((3, 6), dtype=np.float32)
    weights[0, 5] = 10.0  # supports grows with the cosine
    model = StanceModel(weights, np.array([-5.0, -20.0, 0.0], dtype=np.float32))
    close = np.concatenate([np.zeros(5), [0.9], np.full(384, 100.0)])
    far = np.concatenate([np.zeros(5), [0.1], np.full(384, 100.0)])
    assert model.stances(np.vstack([close, far])) == [Stance.SUPPORTS, Stance.NEITHER]
    assert model.probabilities(close).sum() == pytest.approx(1.0)


def write_model(folder: Path, **arrays: np.ndarray) -> None:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)  # type: ignore[arg-type]
    (folder / stance_model.MODEL_FILE).write_bytes(buffer.getvalue())


def test_a_missing_or_malformed_model_file_loads_as_none(tmp_path: Path) -> None:
    assert load_stance_model(tmp_path) is None  # type: ignore[arg-type]
    (tmp_path / stance_model.MODEL_FILE).write_bytes(b"not a zip")
    assert load_stance_model(tmp_path) is None  # type: ignore[arg-type]
    write_model(tmp_path, weights=np.zeros((2, 6)), bias=np.zeros(3))
    assert load_stance_model(tmp_path) is None  # type: ignore[arg-type]
    write_model(tmp_path, weights=np.zeros((3, 6)), bias=np.zeros(3))
    assert load_stance_model(tmp_path) is not None  # type: ignore[arg-type]


def test_without_the_model_the_hint_falls_back_to_the_cue_rule(monkeypatch) -> None:
    monkeypatch.setattr(stance_model, "default_stance_model", lambda: None)
    claim = "The Eiffel Tower was finished in 1889 for the World Fair."
    passage = "The Eiffel Tower was finished in 1887 for the World Fair."
    hint = evidence_hint(claim, Evidence(SourceKind.REFERENCE, "Eiffel Tower", passage, 0.9))
    assert hint == StanceHint(Stance.CONTRADICTS, ("claim: 1889; passage: 1887",))


def test_only_commands_that_show_evidence_load_the_stance_model(tmp_path: Path) -> None:
    db = str(tmp_path / "claims.db")
    with Store(db) as store:
        text = CLAIM
        store.add_document(
            text, title="t", source="-", claims=[Claim(text, 0, len(text), 0, len(text))]
        )
        store.save_evidence(1, [RESTATED])
    listed = imported_after(["--db", db, "list"], tmp_path)
    assert "factcheck.evidence.stance_model" not in listed
    assert "onnxruntime" not in {m.split(".")[0] for m in listed}
    shown = imported_after(["--db", db, "show", "1", "--format", "json"], tmp_path)
    assert "factcheck.evidence.stance_model" in shown
    assert "onnxruntime" in {m.split(".")[0] for m in shown}


def test_show_json_carries_the_learned_hint(tmp_path: Path) -> None:
    db = str(tmp_path / "claims.db")
    with Store(db) as store:
        store.add_document(
            CLAIM, title="t", source="-", claims=[Claim(CLAIM, 0, len(CLAIM), 0, len(CLAIM))]
        )
        store.save_evidence(1, [RESTATED, UNRELATED])
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "--db", db, "show", "1", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    hints = {e["passage"]: e["stance_hint"] for e in json.loads(done.stdout)["evidence"]}
    assert hints[RESTATED.passage]["stance"] == "supports"
    assert hints[UNRELATED.passage] == {"stance": "neither", "reasons": []}
