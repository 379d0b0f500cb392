"""docs/report-json.schema.json stays in step with what the exporter writes.

The import validates against the schema (tests/unit/hostile); this checks the part
that drifts: every key the exporter writes is documented in the schema, and every
documented key is written.
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.export import FORMAT_VERSION, build_report, render_json
from factcheck.store import Store

VERSION_2_KEYS = {"duplicate_of", "undoes"}
"""Written (always) in version 2 reports only."""

SCHEMA = Path(__file__).resolve().parents[3] / "docs" / "report-json.schema.json"


def test_schema_documents_exactly_the_keys_written(store: Store, reviewed: dict[str, int]):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    data = json.loads(render_json(build_report(store)))
    document = data["documents"][0]
    claim = next(c for c in document["claims"] if c["id"] == reviewed["economy"])
    assert schema["properties"]["version"]["enum"] == [1, FORMAT_VERSION]
    assert data["version"] == 1  # nothing undone, dismissed or repeated: version 1
    assert set(data) == set(schema["properties"])
    assert set(document) == set(defs["document"]["properties"])
    assert set(claim) == set(defs["claim"]["properties"]) - VERSION_2_KEYS
    assert set(claim["history"][0]) == set(defs["verdict"]["properties"]) - VERSION_2_KEYS
    assert set(claim["verdict"]) == set(defs["verdict"]["properties"]) - VERSION_2_KEYS | {
        "evidence"
    }
    assert set(claim["evidence"][0]) == set(defs["evidence"]["properties"])
    assert set(data["totals"]) == set(defs["counts"]["properties"])
