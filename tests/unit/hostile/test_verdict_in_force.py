"""Issue 12 items 10 and 11: one verdict in force everywhere; merges never overturn a
newer local verdict and importing your own export adds nothing."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from factcheck.errors import InputError
from factcheck.export import build_report, import_json_report, render, render_json
from factcheck.models import Status
from factcheck.store import Store


def _stamp(delta: timedelta) -> str:
    return (datetime.now(UTC) + delta).strftime("%Y-%m-%dT%H:%M:%SZ")


def _statuses_everywhere(store: Store, claim_id: int) -> dict[str, str]:
    """The status of claim_id as the store, `list`, and every export format say it."""
    report = build_report(store)
    [entry] = [e for e in report.entries if e.claim.id == claim_id]
    found = {
        "status": str(store.get_claim(claim_id).status),
        "list": next(str(c.status) for c in store.list_claims() if c.id == claim_id),
        "in_force": str(store.verdict_in_force(claim_id).status),
        "report_verdict": str(entry.verdict.status),
    }
    data = json.loads(render_json(report))
    claim = next(c for d in data["documents"] for c in d["claims"] if c["id"] == claim_id)
    found["json_status"] = claim["status"]
    found["json_verdict"] = claim["verdict"]["status"]
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    found["csv"] = next(r["status"] for r in rows if r["claim"] == entry.claim.text)
    markdown = render(report, "markdown")
    section = markdown.split(entry.claim.text.split(" ")[0])[0]
    found["markdown"] = section.rsplit("## ", 1)[1].split(" ")[0].lower()
    claimreview = json.loads(render(report, "claimreview"))
    reviews = claimreview if isinstance(claimreview, list) else claimreview.get("@graph", [])
    found["claimreview"] = next(
        r["reviewRating"]["alternateName"].lower()
        for r in reviews
        if entry.claim.text[:30] in json.dumps(r, ensure_ascii=False)
    )
    html = render(report, "html")
    anchor = html.index(f'id="claim-{claim_id}"')
    found["html"] = html[anchor - 40 : anchor].rsplit('class="entry ', 1)[1].split('"')[0]
    return found


def test_local_mark_after_a_future_dated_import_is_in_force_everywhere(
    store, reviewed, fresh_store, tmp_path
):
    data = json.loads(render_json(build_report(store)))
    claim = next(c for c in data["documents"][0]["claims"] if c["id"] == reviewed["tuesday"])
    claim["history"][-1]["created_at"] = _stamp(timedelta(hours=1))  # disputed, an hour ahead
    report = json.dumps(data)
    import_json_report(fresh_store, report)
    [local] = [c for c in fresh_store.list_claims() if c.text == claim["text"]]
    assert local.status is Status.DISPUTED
    fresh_store.mark([local.id], Status.SUPPORTED, reviewer="me")
    assert set(_statuses_everywhere(fresh_store, local.id).values()) == {"supported"}
    # exports read histories set-based (store/report_reads.py): the same events in the
    # same order as `history`, the local verdict last although stamped after the import's
    bulk = fresh_store.verdicts_for_claims([local.id])[local.id]
    assert bulk == fresh_store.history(local.id)
    assert [str(v.status) for v in bulk][-1] == "supported"
    before = fresh_store.history(local.id)
    result = import_json_report(fresh_store, report)  # re-importing changes nothing
    assert result.verdicts_added == 0
    assert fresh_store.history(local.id) == before
    assert set(_statuses_everywhere(fresh_store, local.id).values()) == {"supported"}


def test_merge_of_an_older_verdict_keeps_the_newer_local_one(store, reviewed):
    data = json.loads(render_json(build_report(store)))
    claim = next(c for c in data["documents"][0]["claims"] if c["id"] == reviewed["tuesday"])
    claim["history"][-1].update(status="supported", created_at="2020-01-01T00:00:00Z")
    import_json_report(store, json.dumps(data))
    assert set(_statuses_everywhere(store, reviewed["tuesday"]).values()) == {"disputed"}


def test_a_verdict_more_than_a_day_ahead_is_refused(store, reviewed, fresh_store):
    data = json.loads(render_json(build_report(store)))
    claim = next(c for c in data["documents"][0]["claims"] if c["history"])
    claim["history"][0]["created_at"] = _stamp(timedelta(days=1, hours=1))
    with pytest.raises(InputError, match="more than a day in the future"):
        import_json_report(fresh_store, json.dumps(data))


def test_importing_your_own_export_adds_nothing_even_with_cross_claim_evidence(store, reviewed):
    # Older versions let a verdict cite evidence stored under another claim.
    store.db.execute(
        "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id, created_at)"
        " VALUES (?, 'supported', 'see economy', 'old', ?, '2026-01-01T00:00:00Z')",
        [reviewed["trading"], reviewed["wiki_evidence"]],
    )
    store.db.conn.commit()
    counts = {t: store.db[t].count for t in ("verdicts", "evidence", "claims", "documents")}
    for _ in range(2):
        result = import_json_report(store, render_json(build_report(store)))
        assert (result.verdicts_added, result.evidence_added, result.claims_added) == (0, 0, 0)
    assert {t: store.db[t].count for t in counts} == counts


def test_mark_refuses_evidence_of_another_claim(store, reviewed):
    with pytest.raises(InputError, match="belongs to claim"):
        store.mark(
            [reviewed["trading"]], "supported", reviewer="x", evidence_id=reviewed["wiki_evidence"]
        )
    assert store.get_claim(reviewed["trading"]).status is Status.UNVERIFIED


def test_mark_records_one_event_per_distinct_claim(store, reviewed):
    before = len(store.history(reviewed["trading"]))
    verdicts = store.mark([reviewed["trading"]] * 3, "disputed", reviewer="x")
    assert len(verdicts) == 1
    assert len(store.history(reviewed["trading"])) == before + 1
