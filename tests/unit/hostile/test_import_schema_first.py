"""Issue 16: an imported report is validated by the shipped schema, and by hand only
for what a schema cannot say (sha256, offsets, dates that parse, references); every
refusal is still one line naming the field, and nothing is written."""

from __future__ import annotations

import json

import pytest

from factcheck.errors import InputError
from factcheck.export import build_report, import_json_report, render_json
from factcheck.export.json_report import FORMAT_VERSIONS, report_schema
from factcheck.store import Store


def _refusal(store: Store, data: object) -> str:
    with pytest.raises(InputError) as caught:
        import_json_report(store, json.dumps(data), name="r.json")
    line = str(caught.value)
    assert "\n" not in line and line.startswith("r.json")
    assert store.list_documents() == []
    return line


@pytest.mark.parametrize(
    "data",
    [
        {"documents": []},
        {"format": "claimreview", "version": 1, "documents": []},
        {"@context": "https://schema.org", "@type": "ClaimReview"},
        "factcheck-report",
        None,
    ],
)
def test_a_file_that_is_no_report_is_told_so_with_what_to_do(fresh_store, data) -> None:
    line = _refusal(fresh_store, data)
    assert line == (
        'r.json is not a factcheck JSON report (no "format": "factcheck-report");'
        " make one with `factcheck export --format json`"
    )


@pytest.mark.parametrize(("version", "shown"), [(3, "3"), (True, "true"), ("2", '"2"')])
def test_an_unknown_version_names_the_versions_read(fresh_store, version, shown) -> None:
    data = {"format": "factcheck-report", "version": version, "documents": []}
    assert _refusal(fresh_store, data) == (
        f"r.json: report format version {shown} is not supported"
        " (this factcheck reads versions 1, 2)"
    )


def test_the_versions_read_are_the_schemas() -> None:
    assert list(FORMAT_VERSIONS) == report_schema()["properties"]["version"]["enum"]


def test_an_undo_in_a_history_without_verdict_ids_is_refused(store, reviewed, fresh_store):
    # The schema makes verdict ids optional; an undo event refers to one, so a history
    # with undo events needs them: a check only code can make.
    data = json.loads(render_json(build_report(store)))
    claim = next(c for c in data["documents"][0]["claims"] if c["history"])
    first = claim["history"][0]
    claim["history"] = [
        {key: value for key, value in first.items() if key != "id"},
        dict(first, id=50, undoes=first["id"]),
    ]
    data["version"] = 2
    line = _refusal(fresh_store, data)
    assert line.endswith(".history[0].id: is missing (the history has undos)")


def test_a_date_the_pattern_allows_but_no_calendar_has_is_refused(store, reviewed, fresh_store):
    data = json.loads(render_json(build_report(store)))
    data["documents"][0]["published_at"] = "2026-02-30"
    assert _refusal(fresh_store, data) == (
        "r.json: documents[0].published_at: '2026-02-30' is not an ISO 8601 date"
    )
