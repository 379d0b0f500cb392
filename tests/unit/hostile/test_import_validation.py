"""Issue 12 item 2, 20 and "smaller": every field of an imported report is validated
(schema, then by hand), with one line naming the field, and nothing is written."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import InputError
from factcheck.export import build_report, import_json_report, render_json
from factcheck.store import Store


def _export(store: Store) -> dict:
    return json.loads(render_json(build_report(store)))


def _rows(store: Store) -> dict[str, int]:
    return {
        table: store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("documents", "claims", "verdicts", "evidence")
    }


def _set(data: dict, path: tuple, value: object) -> None:
    target = data["documents"][0]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


# (path inside documents[0], value, what the one-line error must say)
HOSTILE_FIELDS = [
    (("claims", 0, "history", 0, "created_at"), "9999-<img src=x onerror=alert(1)>", "ISO 8601"),
    (("claims", 0, "history", 0, "created_at"), "2026-13-45T99:00:00Z", "ISO 8601"),
    (("claims", 0, "history", 0, "created_at"), "3026-01-01T00:00:00Z", "in the future"),
    (("claims", 0, "history", 0, "created_at"), "0001-01-01T00:00:00+14:00", "ISO 8601"),
    (("claims", 0, "history", 0, "created_at"), "9999-12-31T23:59:59-14:00", "ISO 8601"),
    (("claims", 0, "history", 0, "created_at"), 20261128, "must be a string"),
    (("claims", 0, "updated_at"), "yesterday", "ISO 8601"),
    (("added_at",), "<script>", "ISO 8601"),
    (("published_at",), "[x](javascript:alert(1))", "ISO 8601"),
    (("claims", 0, "evidence", 0, "fetched_at"), "soon", "ISO 8601"),
    (("claims", 0, "sentence_start"), 10**30, "out of range"),
    (("claims", 0, "sentence_end"), -1, "out of range"),
    (("claims", 0, "start"), 2**63, "out of range"),
    (("claims", 0, "evidence", 0, "revision_id"), 10**30, "out of range"),
    (("claims", 0, "evidence", 0, "span"), [0, 10**30], "out of range"),
    (("claims", 0, "evidence", 0, "span"), [5, 2], "inside the passage"),
    (("claims", 0, "evidence", 0, "id"), 0, "out of range"),
    (("claims", 0, "score"), 7, "out of range"),
    (("claims", 0, "score"), "high", "must be a number"),
    (("title",), "a\x00b", "NUL"),
    (("claims", 0, "history", 0, "note"), "bad \ud800 half", "lone surrogate"),
    (("claims", 0, "history", 0, "reviewer"), "\udcff", "lone surrogate"),
    (("claims", 0, "history", 0, "status"), "maybe", "'maybe' is not one of"),
    (("claims", 0, "evidence", 0, "source"), "rumour", "'rumour' is not one of"),
    (("sha256",), "not-hex", "64 lowercase hex"),
    (("claims", 0, "history", 0, "reviewer"), None, "must be a string"),
]


@pytest.mark.parametrize(("path", "value", "message"), HOSTILE_FIELDS)
def test_hostile_field_is_refused_naming_it_and_nothing_is_written(
    store, reviewed, fresh_store, path, value, message
):
    data = _export(store)
    claims = data["documents"][0]["claims"]
    # claim 0 of document 0 must have history and evidence for the paths above
    economy = next(c for c in claims if c["history"] and c["evidence"])
    claims.remove(economy)
    claims.insert(0, economy)
    _set(data, path, value)
    with pytest.raises(InputError) as caught:
        import_json_report(fresh_store, json.dumps(data), name="r.json")
    line = str(caught.value)
    assert "\n" not in line and len(line) < 300
    assert line.startswith("r.json: documents[0]")
    assert message in line
    assert _rows(fresh_store) == dict.fromkeys(("documents", "claims", "verdicts", "evidence"), 0)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            '{"format": "factcheck-report", "version": 1, "x": Infinity, "documents": []}',
            "Infinity",
        ),
        ('{"format": "factcheck-report", "version": 1, "x": NaN, "documents": []}', "NaN"),
        (
            '{"format": "factcheck-report", "version": 1, "x": 1e999, "documents": []}',
            "out of range",
        ),
        ('{"format": "factcheck-report", "version": 1, "x": ' + "9" * 5000 + "}", "digits"),
        ("[" * 100000, "nested too deeply"),
    ],
)
def test_json_that_python_would_choke_on_is_one_line(fresh_store, raw, message):
    with pytest.raises(InputError, match=message):
        import_json_report(fresh_store, raw, name="r.json")


def test_score_infinity_in_a_claim_is_refused(store, reviewed, fresh_store):
    text = json.dumps(_export(store)).replace('"score": 0.8', '"score": Infinity', 1)
    with pytest.raises(InputError, match="Infinity"):
        import_json_report(fresh_store, text)
    assert _rows(fresh_store)["documents"] == 0


def test_overlapping_claims_are_refused(store, reviewed, fresh_store):
    data = _export(store)
    claims = data["documents"][0]["claims"]
    copy = dict(claims[0], history=[], evidence=[], verdict=None)
    copy["end"] = copy["end"] - 1
    copy["sentence_end"] = copy["end"]
    copy["text"] = data["documents"][0]["text"][copy["start"] : copy["end"]]
    claims.append(copy)
    with pytest.raises(InputError, match="overlaps"):
        import_json_report(fresh_store, json.dumps(data))


def test_evidence_ids_must_be_unique_within_a_claim(store, reviewed, fresh_store):
    data = _export(store)
    claim = next(c for c in data["documents"][0]["claims"] if c["evidence"])
    claim["evidence"].append(dict(claim["evidence"][0], passage="another passage"))
    with pytest.raises(InputError, match="is used twice"):
        import_json_report(fresh_store, json.dumps(data))


def test_sentence_offsets_must_surround_the_claim(store, reviewed, fresh_store):
    data = _export(store)
    claim = data["documents"][0]["claims"][0]
    claim["sentence_end"] = claim["end"] - 1
    with pytest.raises(InputError, match="sentence_start <= start < end <= sentence_end"):
        import_json_report(fresh_store, json.dumps(data))


def test_a_valid_report_still_imports_and_dates_are_stored_in_one_form(
    store, reviewed, fresh_store
):
    data = _export(store)
    verdict = data["documents"][0]["claims"][0]
    verdict = next(c for c in data["documents"][0]["claims"] if c["history"])["history"][0]
    verdict["created_at"] = "2026-01-02T03:04:05+02:00"
    import_json_report(fresh_store, json.dumps(data))
    dates = [row[0] for row in fresh_store.db.execute("SELECT created_at FROM verdicts")]
    assert "2026-01-02T01:04:05Z" in dates


def test_cli_import_of_a_hostile_report_is_one_line_exit_1(store, reviewed, tmp_path):
    data = _export(store)
    next(c for c in data["documents"][0]["claims"] if c["history"])["history"][0]["created_at"] = (
        "9999-<img src=x onerror=alert(1)>[x](javascript:alert(1))"
    )
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "new.db"), "import", str(bad)])
    assert result.exit_code == 1
    [created, error] = result.stderr.splitlines()  # new.db is new: its path, then the error
    assert created.startswith("created a new database ") and error.startswith("Error: ")
    assert "created_at" in result.stderr and "ISO 8601" in result.stderr


def test_every_export_validates_against_the_shipped_schema(store, reviewed):
    from factcheck.export.json_report import _first_schema_error

    assert _first_schema_error(_export(store)) is None
    assert _first_schema_error({"format": "factcheck-report", "version": 1, "documents": [1]})
