"""`factcheck.records`: the one serializer of claims, verdicts and evidence, and the one
rule for the verdict in force (with its SQL twin in the store)."""

from __future__ import annotations

import dataclasses
import random
import sqlite3
from typing import TYPE_CHECKING

import pytest

from factcheck.models import Claim, ClaimKind, Evidence, SourceKind, Status, Verdict
from factcheck.records import (
    IN_FORCE_ORDER_FIELDS,
    LISTED_CLAIM_FIELDS,
    in_force_key,
    record,
    record_writer,
    verdict_in_force,
)
from factcheck.store import IN_FORCE_ORDER, Store
from factcheck.store.claims import set_status_in_force


def _verdict(id_: int, at: str, status: Status = Status.SUPPORTED, undoes: int | None = None):
    return Verdict(id_, 1, status, None, "ana", None, at, undoes)


def test_a_record_writes_enums_as_values_and_tuples_as_lists_in_field_order() -> None:
    evidence = Evidence(SourceKind.WIKIPEDIA, "T", "P", 0.5, span=(1, 2), agreements=("a",), id=3)
    data = record(evidence, ("id", "source", "span", "agreements", "contradictions"))
    assert data == {
        "id": 3,
        "source": "wikipedia",
        "span": [1, 2],
        "agreements": ["a"],
        "contradictions": [],
    }
    assert list(data) == ["id", "source", "span", "agreements", "contradictions"]
    assert type(data["source"]) is str  # not the enum: json and csv see a plain string


def test_values_replace_a_field_in_place_and_extra_values_follow() -> None:
    claim = Claim("x", 0, 1, 0, 1, ClaimKind.QUANTITY, id=7, status=Status.DISPUTED)
    data = record(claim, ("id", "number", "kind"), number=2, kind="changed", extra=[1])
    assert list(data.items()) == [("id", 7), ("number", 2), ("kind", "changed"), ("extra", [1])]


def test_without_fields_a_record_has_every_field_in_declaration_order() -> None:
    verdict = _verdict(1, "2026-01-01T00:00:00Z", Status.DISMISSED)
    data = record(verdict)
    assert list(data) == [
        "id",
        "claim_id",
        "status",
        "note",
        "reviewer",
        "evidence_id",
        "created_at",
        "undoes",
    ]
    assert data["status"] == "dismissed"
    listed = record(Claim("x", 0, 1, 0, 1), LISTED_CLAIM_FIELDS)
    assert list(listed) == list(LISTED_CLAIM_FIELDS) and "decided" not in listed


def test_a_writer_gives_what_record_gives_for_every_kind_of_field() -> None:
    evidence = Evidence(SourceKind.PRIOR, "T", "P", 1, span=None, contradictions=("c",))
    keys = ("id", "url", "source", "span", "contradictions", "score")
    write = record_writer(Evidence, keys, given=("url",))
    assert write(evidence, url="u") == record(evidence, keys, url="u")
    assert write(evidence, url="u") == {
        "id": None,
        "url": "u",
        "source": "prior",
        "span": None,
        "contradictions": ["c"],
        "score": 1,
    }
    # a string where the model declares an enum is written as that string
    claim = Claim("x", 0, 1, 0, 1, kind="quantity")  # type: ignore[arg-type]
    assert record(claim, ("kind",)) == {"kind": "quantity"}


if TYPE_CHECKING:
    from decimal import Decimal  # a hint that cannot be resolved at run time


@dataclasses.dataclass
class _Odd:
    steps: tuple[Status, ...]
    amount: Decimal | None = None
    nested: list[tuple[int, ClaimKind]] = dataclasses.field(default_factory=list)


def test_fields_of_undeclared_or_nested_types_go_through_json_ready() -> None:
    odd = _Odd((Status.DISPUTED,), None, [(1, ClaimKind.OTHER)])
    assert record(odd) == {"steps": ["disputed"], "amount": None, "nested": [[1, "other"]]}


@pytest.mark.parametrize(
    ("fields", "given"),
    [(("id", "class"), ()), (("id", "_x"), ()), (("id",), ("note",)), (("item",), ("item",))],
)
def test_a_writer_refuses_names_it_cannot_write(fields, given) -> None:
    with pytest.raises(ValueError):
        record_writer(Verdict, fields, given=given)


def test_the_latest_standing_verdict_is_in_force_ties_going_to_the_last_recorded() -> None:
    early, late = "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"
    assert verdict_in_force([]) is None
    history = [_verdict(5, late), _verdict(9, early)]  # a higher id recorded earlier
    assert verdict_in_force(history).id == 5
    assert verdict_in_force([_verdict(5, late), _verdict(6, late)]).id == 6
    undone = [_verdict(5, late), _verdict(6, late), _verdict(7, late, undoes=6)]
    assert verdict_in_force(undone).id == 5  # the undo withdrew 6 and is not in force
    assert verdict_in_force([_verdict(5, late), _verdict(6, late, undoes=5)]) is None


def test_the_sql_order_is_built_from_the_same_ranking() -> None:
    assert IN_FORCE_ORDER == "created_at DESC, id DESC"
    assert IN_FORCE_ORDER.replace(" DESC", "").split(", ") == list(IN_FORCE_ORDER_FIELDS)
    verdict = _verdict(4, "2026-01-01T00:00:00Z")
    assert in_force_key(verdict) == ("2026-01-01T00:00:00Z", 4)


def test_the_store_and_the_pure_rule_agree_on_random_histories(store: Store) -> None:
    # The store decides a claim's status in SQL (`set_status_in_force`); exports decide
    # it in Python (`verdict_in_force`). Random dates (ties included), statuses and
    # undos, written straight into the table: both must name the same verdict.
    text = "One claim here."
    store.add_document(text, title="t", source="s", claims=[Claim(text, 0, 15, 0, 15)])
    rng = random.Random(16)
    conn = sqlite3.connect(store.path)
    for _ in range(60):
        with conn:
            conn.execute("DELETE FROM verdicts")
            ids: list[int] = []
            for _ in range(rng.randint(0, 6)):
                day = f"2026-01-0{rng.randint(1, 3)}T00:00:00Z"
                status = rng.choice(list(Status))
                standing = [
                    i
                    for i in ids
                    if not conn.execute(
                        "SELECT 1 FROM verdicts WHERE undoes = ? OR (id = ? AND undoes > 0)",
                        [i, i],
                    ).fetchone()
                ]
                undoes = rng.choice(standing) if standing and rng.random() < 0.3 else None
                cursor = conn.execute(
                    "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id,"
                    " created_at, undoes) VALUES (1, ?, NULL, 'r', NULL, ?, ?)",
                    [str(status), day, undoes],
                )
                ids.append(cursor.lastrowid)
            set_status_in_force(conn, 1)
        expected = verdict_in_force(store.history(1))
        assert store.verdict_in_force(1) == expected
        claim = store.get_claim(1)
        assert claim.decided is (expected is not None)
        assert claim.status is (expected.status if expected else Status.UNVERIFIED)
    conn.close()


def test_records_import_nothing_of_factcheck_but_the_models() -> None:
    # The bottom layer: every layer above (store, exports, CLI) may import it.
    import subprocess
    import sys

    code = (
        "import sys, factcheck.records; "
        "print(sorted(m for m in sys.modules if m.startswith('factcheck')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "['factcheck', 'factcheck.models', 'factcheck.records']"
