"""Claims, verdicts and evidence as JSON-ready records, and which verdict is in force.

Every output that writes these dataclasses as data (`list`, `show` and `split` with
`--format json`, the evidence `search` prints, the JSON report) builds its objects with
`record`, so an enum is always written as its value, a tuple as a list, and each shape's
key order is stated once, as a tuple of field names: the bytes of those outputs follow
from it (tests/fixtures/records holds them).

The rule for the verdict in force lives here too, as a pure function over a claim's
history, next to the ordering its SQL twin (`factcheck.store.claims.IN_FORCE_ORDER`) is
built from, so a claim's stored status, the merge of imported reports and every export
cannot disagree about it.

Pure data: imports only `factcheck.models`, so every layer may use it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from factcheck.models import Claim, Verdict

# -- records -------------------------------------------------------------------------

CLAIM_FIELDS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(Claim))
"""A claim's fields in declaration order: the order of `Store.claim_rows` tuples, and of
the keys of every JSON and CSV listing of claims."""

LISTED_CLAIM_FIELDS: tuple[str, ...] = CLAIM_FIELDS[: CLAIM_FIELDS.index("updated_at") + 1]
"""The fields `factcheck list` shows (its JSON keys and CSV columns, `split` and `show`
JSON start with them): a `claim_rows` tuple's first fields. `decided` and
`duplicate_of` are the review's business."""


def record(item: Any, fields: Sequence[str] | None = None, /, **values: Any) -> dict[str, Any]:
    """`item` (a dataclass instance) as a JSON-ready dict with the keys `fields`, in
    that order (default: all its fields, in declaration order).

    A key's value is taken from `values` when given there (a field the item lacks, such
    as a report's claim number, or one the caller cleans, such as a URL without its
    password), else from the item, with enum members written as their values and
    tuples as lists. `values` whose keys are not in `fields` follow, in their order.
    """
    names = fields if fields is not None else [field.name for field in dataclasses.fields(item)]
    data = {
        name: values[name] if name in values else json_ready(getattr(item, name)) for name in names
    }
    for name, value in values.items():
        data.setdefault(name, value)
    return data


def json_ready(value: Any) -> Any:
    """A field's value as JSON writes it: an enum member as its value, a tuple (or
    list) as a list of such values, anything else unchanged."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [json_ready(item) for item in value]
    return value


# -- the verdict in force ------------------------------------------------------------
#
# One rule, used by the store (a claim's status), the merge of imported reports, the
# listings and every export: an undo event (`Verdict.undoes` set) withdraws the verdict
# it names, and is itself never in force. Of the verdicts left standing, the one in
# force is the one with the latest `created_at`, and of verdicts recorded in the same
# second the one recorded last (highest id). A claim with no standing verdict is
# undecided. The store keeps `claims.status` and `claims.decided` equal to that
# (`factcheck.store.claims.set_status_in_force`). See docs/reports.md.

IN_FORCE_ORDER_FIELDS: tuple[str, ...] = ("created_at", "id")
"""The `Verdict` fields that rank a claim's standing verdicts, most significant first:
the greatest is in force. `in_force_key` and the store's SQL `IN_FORCE_ORDER` are both
built from this tuple."""


def in_force_key(verdict: Verdict) -> tuple[Any, ...]:
    """Sort key of the in-force ranking: among standing verdicts, the maximum is the
    verdict in force (and sorting by it replays a history in the order that leaves the
    same verdict in force)."""
    return tuple(getattr(verdict, name) for name in IN_FORCE_ORDER_FIELDS)


def standing_verdicts(history: Iterable[Verdict]) -> list[Verdict]:
    """A claim's verdicts that are neither undo events nor undone."""
    events = list(history)
    withdrawn = {v.undoes for v in events if v.undoes is not None}
    return [v for v in events if v.undoes is None and v.id not in withdrawn]


def verdict_in_force(history: Iterable[Verdict]) -> Verdict | None:
    """The verdict in force among a claim's verdict events (None when it is undecided)."""
    return max(standing_verdicts(history), key=in_force_key, default=None)
