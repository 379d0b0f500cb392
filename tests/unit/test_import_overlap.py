"""An imported claim that overlaps a claim already here is refused, whole: claims of a
document never overlap, and a span narrowed in one database only must not come back as
a second claim beside the first (found by test_document_tallies' random writes)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.export import build_report, import_json_report, render_json
from factcheck.models import Claim, Status
from factcheck.store import Store

TEXT = "Seoul has ten million people. The bridge opened in 1932."


def _claims(store: Store) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.status.value) for c in store.list_claims()]


def _report(store: Store) -> str:
    return render_json(build_report(store, generated_at="2026-11-30T00:00:00Z"))


def test_a_span_narrowed_elsewhere_is_refused_and_nothing_is_imported(tmp_path: Path) -> None:
    first_claim = Claim("Seoul has ten million people.", 0, 29, 0, 29)
    second_claim = Claim("The bridge opened in 1932.", 30, 56, 30, 56)
    with Store(tmp_path / "a.db") as mine, Store(tmp_path / "b.db") as theirs:
        mine.add_document(TEXT, title="t", source="s", claims=[first_claim, second_claim])
        import_json_report(theirs, _report(mine))
        before = _claims(theirs)
        claim = mine.get_claim(mine.list_claims()[0].id)
        mine.replace_claim_span(dataclasses.replace(claim, end=28, text=TEXT[0:28]), reviewer="ana")
        mine.mark([mine.list_claims()[1].id], Status.DISPUTED, reviewer="ana")

        with pytest.raises(
            InputError, match=r"characters 0-28 .* overlaps claim \d+ here \(0-29\)"
        ):
            import_json_report(theirs, _report(mine))

        assert _claims(theirs) == before  # the verdict on the other claim came in neither
        theirs.replace_claim_span(  # and the claims here can still be edited
            dataclasses.replace(
                theirs.get_claim(theirs.list_claims()[0].id), end=28, text=TEXT[0:28]
            ),
            reviewer="ben",
        )
        import_json_report(theirs, _report(mine))  # the same spans now: it merges
        assert _claims(theirs) == [(0, 28, "unverified"), (30, 56, "disputed")]


def test_a_claim_that_touches_no_claim_here_is_still_added(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as mine, Store(tmp_path / "b.db") as theirs:
        mine.add_document(TEXT, title="t", source="s", claims=[Claim(TEXT[:29], 0, 29, 0, 29)])
        import_json_report(theirs, _report(mine))
        mine.add_claim(
            mine.list_claims()[0].document_id or 0, Claim(TEXT[30:], 30, 56, 30, 56), reviewer="cy"
        )
        import_json_report(theirs, _report(mine))
        assert [(s, e) for s, e, _ in _claims(theirs)] == [(0, 29), (30, 56)]
