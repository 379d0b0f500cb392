"""Issue 13 in reports: an undone claim is "not reviewed yet", dismissed claims and
repeats are left out (a group is listed once, with where it occurs), ClaimReview never
rates one claim text twice, and the JSON report carries all of it to another desk."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from factcheck.desk.session import ReviewSession
from factcheck.errors import InputError
from factcheck.export import build_report, import_json_report, render, render_json
from factcheck.export.report import stream_report
from factcheck.models import Claim, Status
from factcheck.store import Store

LEAD = "Exports rose 4% in 2023 to a record high, the ministry said."
TEXT = f"{LEAD}\n\nRents fell in May.\n\nThe port handled 9 million containers.\n\n{LEAD}\n"


def _claim(text: str, phrase: str, start: int = 0) -> Claim:
    at = text.index(phrase, start)
    return Claim(phrase, at, at + len(phrase), at, at + len(phrase))


def _desk(store: Store, *, text: str = TEXT, url: str | None = None) -> list[int]:
    claims = [
        _claim(text, LEAD),
        _claim(text, "Rents fell in May."),
        _claim(text, "The port handled 9 million containers."),
        _claim(text, LEAD, 1),
    ]
    document = store.add_document(
        text, title="Trade", source="-", url=url, claims=claims, duplicate_of=[None, None, None, 0]
    ).document
    return [c.id for c in store.list_claims(document_id=document.id, include_hidden=True)]


def _formats(store: Store) -> dict[str, str]:
    report = build_report(store)
    return {fmt: render(report, fmt) for fmt in ("markdown", "html", "csv", "claimreview")}


def test_undoing_the_first_verdict_leaves_no_fake_verdict_in_any_report(store: Store) -> None:
    _lead, rents, _port, _ = _desk(store)
    session = ReviewSession(store, 1, reviewer="ana")
    session.decide(rents, Status.DISPUTED, note="ONS: rents rose")
    session.undo()
    out = _formats(store)
    markdown = out["markdown"]
    item = markdown[markdown.index("“Rents fell in May.”") :].split("\n- ")[0]
    assert "Verdict: not reviewed yet" in item
    assert "ONS: rents rose" not in markdown and "undo" not in markdown
    assert not re.search(r"verdict #\d", markdown + out["html"])
    html = out["html"]
    entry = html[html.index(f'id="claim-{rents}"') :].split('<div class="entry ')[0]
    assert "Not reviewed yet" in entry
    assert "disputed by ana — ONS: rents rose (undone)" in entry
    assert "undo by ana of the disputed verdict of" in entry
    rows = {r["claim"]: r for r in csv.DictReader(io.StringIO(out["csv"]))}
    assert (rows["Rents fell in May."]["status"], rows["Rents fell in May."]["reviewer"]) == (
        "unverified",
        "",
    )
    assert json.loads(out["claimreview"]) == []
    data = json.loads(render_json(build_report(store)))
    claim = next(c for c in data["documents"][0]["claims"] if c["id"] == rents)
    assert data["version"] == 2 and claim["verdict"] is None
    assert claim["history"][1]["undoes"] == claim["history"][0]["id"]


def test_undoing_a_later_verdict_reports_the_earlier_one_with_its_note(store: Store) -> None:
    _, rents, _, _ = _desk(store)
    store.mark([rents], Status.DISPUTED, reviewer="bo", note="ONS: rents rose")
    session = ReviewSession(store, 1, reviewer="ana")
    session.decide(rents, Status.SUPPORTED, note="misread")
    session.undo()
    markdown = _formats(store)["markdown"]
    assert "## Disputed (1)" in markdown
    assert "Verdict: **disputed** by bo" in markdown and "Note: ONS: rents rose" in markdown
    assert "misread" not in markdown


def test_dismissed_claims_are_left_out_of_reports_but_kept_in_json(store: Store) -> None:
    _, rents, port, _ = _desk(store)
    store.mark([port], Status.DISMISSED, reviewer="ana")
    store.mark([rents], Status.SUPPORTED, reviewer="ana")
    out = _formats(store)
    for fmt in ("markdown", "csv", "claimreview"):
        assert "9 million containers" not in out[fmt], fmt
    assert f'id="claim-{port}"' not in out["html"] and f'id="in-text-{port}"' not in out["html"]
    assert "| Trade | 2 | 1 | 0 | 1 |" in out["markdown"]  # two claims: the lead once
    data = json.loads(render_json(build_report(store)))
    assert data["documents"][0]["counts"] == {
        "supported": 1,
        "disputed": 0,
        "unverified": 1,
        "total": 2,
    }
    dismissed = next(c for c in data["documents"][0]["claims"] if c["id"] == port)
    assert dismissed["status"] == "dismissed" and dismissed["number"] is None
    with pytest.raises(InputError, match="left out of reports"):
        stream_report(store, status=Status.DISMISSED)


def test_a_group_is_listed_once_with_where_it_occurs(store: Store) -> None:
    lead, _, _, repeat = _desk(store, url="https://example.com/trade")
    ReviewSession(store, 1, reviewer="ana").decide(repeat, Status.SUPPORTED, note="customs data")
    out = _formats(store)
    markdown = out["markdown"]
    assert markdown.count("“Exports rose 4% in 2023") == 1
    first = TEXT.index(LEAD)
    second = TEXT.index(LEAD, 1)
    where = f"2 times: characters {first}–{first + len(LEAD)} and {second}–{second + len(LEAD)}"
    assert f"  - Occurs {where}" in markdown
    html = out["html"]
    assert html.count(f'href="#claim-{lead}"') == 2  # both places in the article link to it
    assert f'id="in-text-{repeat}"' in html and f'id="claim-{repeat}"' not in html
    assert len([r for r in csv.DictReader(io.StringIO(out["csv"]))]) == 3
    reviews = json.loads(out["claimreview"])
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Supported"]


def test_claimreview_never_rates_one_claim_text_twice(store: Store) -> None:
    other = "Rents fell  in MAY.\n\nWages rose."
    _, rents, _, _ = _desk(store, url="https://example.com/a")
    store.add_document(
        other,
        title="B",
        source="-",
        url="https://example.com/b",
        claims=[_claim(other, "Rents fell  in MAY."), _claim(other, "Wages rose.")],
    )
    third = "Rents fell in May!\n"
    store.add_document(
        third,
        title="C",
        source="-",
        url="https://example.com/c",
        claims=[_claim(third, "Rents fell in May!")],
    )
    b_rents, c_rents = 5, 7
    store.mark([rents], Status.SUPPORTED, reviewer="ana")
    store.mark([c_rents], Status.SUPPORTED, reviewer="ana")
    with store.write() as db:  # b's verdict is the newest: disputed wins, a and c agree
        db.execute("UPDATE verdicts SET created_at = '2000-01-01T00:00:00Z'")
    store.mark([b_rents], Status.DISPUTED, reviewer="bo")
    reviews = json.loads(render(build_report(store), "claimreview"))
    rents_reviews = [r for r in reviews if "rents" in r["itemReviewed"]["text"].lower()]
    assert len(rents_reviews) == 1
    assert rents_reviews[0]["reviewRating"]["alternateName"] == "Disputed"
    assert [a["url"] for a in rents_reviews[0]["itemReviewed"]["appearance"]] == [
        "https://example.com/b"
    ]
    store.mark([b_rents], Status.SUPPORTED, reviewer="bo")  # now all three agree
    reviews = json.loads(render(build_report(store), "claimreview"))
    [review] = [r for r in reviews if "rents" in r["itemReviewed"]["text"].lower()]
    assert {a["url"] for a in review["itemReviewed"]["appearance"]} == {
        f"https://example.com/{name}" for name in "abc"
    }


def test_json_carries_withdrawals_dismissals_and_groups_to_another_desk(
    store: Store, fresh_store: Store
) -> None:
    lead, rents, port, repeat = _desk(store)
    session = ReviewSession(store, 1, reviewer="ana")
    session.decide(lead, Status.SUPPORTED)
    session.decide(rents, Status.DISPUTED)
    session.undo()
    session.decide(port, Status.DISMISSED)
    text = render_json(build_report(store))
    result = import_json_report(fresh_store, text)
    assert result.claims_added == 4
    copied = {c.start: c for c in fresh_store.list_claims(include_hidden=True)}
    original = {c.id: c for c in store.list_claims(include_hidden=True)}
    for claim in original.values():
        mine = copied[claim.start]
        assert (mine.status, mine.decided) == (claim.status, claim.decided), claim.text
        assert (mine.duplicate_of is None) == (claim.duplicate_of is None)
    assert copied[original[repeat].start].duplicate_of == copied[original[lead].start].id
    assert fresh_store.verdict_in_force(copied[original[rents].start].id) is None
    again = import_json_report(fresh_store, text)
    assert (again.verdicts_added, again.claims_added) == (0, 0)
    assert render_json(build_report(fresh_store)).count('"undoes": ') == text.count('"undoes": ')


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c[1]["history"][1].update(undoes=999), "is not a verdict of this history"),
        (
            lambda c: c[1]["history"].append(dict(c[1]["history"][1], id=77)),
            "undone twice",
        ),
        (lambda c: c[3].update(duplicate_of=999), "is not the id of another claim"),
        (lambda c: c[3].update(duplicate_of=c[3]["id"]), "is not the id of another claim"),
    ],
)
def test_import_refuses_dangling_withdrawals_and_groups(
    store: Store, fresh_store: Store, change, message: str
) -> None:
    _lead, rents, _, _ = _desk(store)
    session = ReviewSession(store, 1, reviewer="ana")
    session.decide(rents, Status.DISPUTED)
    session.undo()
    data = json.loads(render_json(build_report(store)))
    change(data["documents"][0]["claims"])
    with pytest.raises(InputError, match=message):
        import_json_report(fresh_store, json.dumps(data))
    assert fresh_store.list_claims(include_hidden=True) == []
