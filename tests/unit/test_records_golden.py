"""Every output made of claim, verdict and evidence records keeps its bytes: `show`,
`list` and `split` JSON, every export format, and a JSON report read back (files in
tests/fixtures/records, written before `factcheck.records` replaced the dict builders)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.untrusted import safe_json
from tests.unit.records_fixture import GOLDEN, SEED, build_records_db, render_records


def test_records_are_byte_identical_to_the_golden_files(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    build_records_db(db, SEED.read_text("utf-8"))
    outputs = render_records(db)
    assert sorted(f"{name}.out" for name in outputs) == sorted(p.name for p in GOLDEN.iterdir())
    for name, data in outputs.items():
        assert data == (GOLDEN / f"{name}.out").read_bytes(), name


def test_split_json_writes_the_listed_fields_of_unstored_claims(tmp_path: Path) -> None:
    # Independent of what the splitter finds: each object is the claim's listed fields,
    # in `list`'s order, with no id, document or date (nothing is stored).
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "none.db"), "split", str(SEED), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)
    assert claims
    text = SEED.read_text("utf-8")
    expected = [
        {
            "text": text[c["start"] : c["end"]],
            "start": c["start"],
            "end": c["end"],
            "sentence_start": c["sentence_start"],
            "sentence_end": c["sentence_end"],
            "kind": c["kind"],
            "score": c["score"],
            "id": None,
            "document_id": None,
            "status": "unverified",
            "updated_at": None,
        }
        for c in claims
    ]
    assert result.stdout == safe_json.dumps(expected) + "\n"
    assert not (tmp_path / "none.db").exists()
