"""JSON report: versioned and complete; import merges it, idempotently, all or nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from factcheck.errors import InputError
from factcheck.export import FORMAT_VERSION, build_report, import_json_report, render_json
from factcheck.models import Status
from factcheck.store import Store


def _export(store: Store) -> str:
    return render_json(build_report(store, generated_at="2026-11-28T09:00:00Z"))


def _content(text: str) -> Any:
    """The report without database ids (which differ between databases)."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in {"id", "evidence_id"}}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(json.loads(text))


def _row_counts(store: Store) -> dict[str, int]:
    return {
        table: store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("documents", "claims", "verdicts", "evidence")
    }


def test_json_has_format_version_and_everything(store: Store, reviewed: dict[str, int]):
    data = json.loads(_export(store))
    assert data["format"] == "factcheck-report" and data["version"] == 1 < FORMAT_VERSION
    assert data["totals"] == {"supported": 2, "disputed": 2, "unverified": 1, "total": 5}
    doc = data["documents"][0]
    assert doc["url"] == "https://example.com/news/xi-lee-call"
    assert doc["counts"]["supported"] == 2
    claim = next(c for c in doc["claims"] if c["id"] == reviewed["economy"])
    assert claim["text"] == doc["text"][claim["start"] : claim["end"]]
    assert claim["verdict"]["status"] == "supported"
    assert claim["verdict"]["evidence"]["revision_id"] == 1234567
    assert [v["status"] for v in claim["history"]] == ["unverified", "supported"]
    assert claim["verdict"]["evidence_id"] == claim["evidence"][0]["id"]


def test_round_trip_gives_the_same_content(store, reviewed, fresh_store: Store):
    first = _export(store)
    result = import_json_report(fresh_store, first)
    assert (result.documents_added, result.claims_added, result.verdicts_added) == (2, 5, 5)
    second = _export(fresh_store)
    assert _content(second) == _content(first)


def test_import_twice_adds_nothing(store, reviewed, fresh_store: Store):
    text = _export(store)
    import_json_report(fresh_store, text)
    before = _row_counts(fresh_store)
    again = import_json_report(fresh_store, text)
    assert _row_counts(fresh_store) == before
    assert (again.documents_added, again.claims_added, again.verdicts_added) == (0, 0, 0)
    assert again.documents_matched == 2 and again.verdicts_present == 5


def test_import_into_the_same_database_changes_nothing(store, reviewed):
    before, text = _row_counts(store), _export(store)
    import_json_report(store, text)
    assert _row_counts(store) == before
    assert _content(_export(store)) == _content(text)


def test_merge_keeps_both_histories_and_the_newest_verdict_wins(store, reviewed, fresh_store):
    text = _export(store)
    import_json_report(fresh_store, text)
    [economy_here] = [
        c for c in fresh_store.list_claims() if c.text == "Asia’s fourth-largest economy"
    ]
    fresh_store.mark([economy_here.id], "disputed", reviewer="cy", note="IMF revised")
    # an older export merged back does not undo the newer verdict
    import_json_report(fresh_store, text)
    assert fresh_store.get_claim(economy_here.id).status is Status.DISPUTED
    # and the newer verdict travels back to the first database
    import_json_report(store, _export(fresh_store))
    economy = store.get_claim(reviewed["economy"])
    assert economy.status is Status.DISPUTED
    assert [v.reviewer for v in store.history(economy.id)] == ["ana", "ana", "cy"]


def test_import_matches_existing_document_by_text(store, reviewed, fresh_store, sample_text):
    fresh_store.add_document(sample_text, title="my title", source="here", claims=[])
    result = import_json_report(fresh_store, _export(store))
    assert result.documents_matched == 1 and result.documents_added == 1
    [summary, _] = fresh_store.list_documents()
    assert summary.document.title == "my title"  # kept, not overwritten
    assert summary.document.url == "https://example.com/news/xi-lee-call"  # gap filled
    assert summary.claim_count == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json {", r"is not JSON \(line 1"),
        ("[1, 2]", "is not a factcheck JSON report"),
        ('{"format": "factcheck-report", "version": 99, "documents": []}', "version 99"),
        ('{"format": "factcheck-report", "version": 1}', "documents: is missing"),
    ],
)
def test_bad_files_are_refused_with_one_line(fresh_store: Store, text: str, message: str):
    with pytest.raises(InputError, match=message) as caught:
        import_json_report(fresh_store, text, name="r.json")
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("r.json")


def test_a_bad_claim_late_in_the_file_changes_nothing(store, reviewed, fresh_store):
    data = json.loads(_export(store))
    data["documents"][1]["claims"][0]["history"][0]["status"] = "maybe"
    with pytest.raises(InputError, match=r"documents\[1\]\.claims\[0\]\.history\[0\]\.status"):
        import_json_report(fresh_store, json.dumps(data))
    assert _row_counts(fresh_store) == dict.fromkeys(
        ("documents", "claims", "verdicts", "evidence"), 0
    )


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("claims", 0, "start"), "3", "start: must be an integer"),
        (("claims", 0, "start"), 0, r"claims\[0\]: offsets must satisfy sentence_start <= start"),
        (("claims", 0, "text"), "not in it", "text does not match the document text"),
        (("sha256",), "0" * 64, "sha256: does not match"),
        (("claims", 0, "history", 0, "evidence_id"), 999, "cites evidence 999"),
        (("claims", 0, "kind"), "gossip", "'gossip' is not one of"),
        (("title",), True, "title: must be a string"),
    ],
)
def test_invalid_fields_name_where_they_are(store, reviewed, fresh_store, path, value, message):
    data = json.loads(_export(store))
    target = data["documents"][0]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(InputError, match=message):
        import_json_report(fresh_store, json.dumps(data))
    assert _row_counts(fresh_store)["documents"] == 0
