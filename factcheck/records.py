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
import functools
import keyword
import operator
import types
import typing
from collections.abc import Callable, Hashable, Iterable, Sequence
from enum import Enum
from typing import Any

from factcheck.models import Claim, Verdict

_PLAIN = frozenset({str, int, float, bool, type(None)})
"""Types JSON writes as they are."""

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
    as the sentence `show` adds, or one the caller cleans, such as a URL without its
    password), else from the item, with enum members written as their values and
    tuples as lists. `values` whose keys are not in `fields` follow, in their order.
    For many items of one shape (an export), `record_writer` is faster.
    """
    kind = typing.cast(Hashable, type(item))  # a class is hashable; mypy doubts it
    names = tuple(fields) if fields is not None else _all_fields(kind)
    given = tuple(name for name in values if name in names)
    data = record_writer(kind, names, given=given)(item, **{name: values[name] for name in given})
    if len(given) < len(values):
        data.update(values)  # the values not among `fields`, after them
    return data


@functools.cache
def record_writer(
    kind: type, fields: Sequence[str] | None = None, /, *, given: Sequence[str] = ()
) -> Callable[..., dict[str, Any]]:
    """`record` for items of class `kind` with the keys `fields`, the values of the
    names in `given` passed as keywords: `record_writer(Evidence, KEYS, given=("url",))
    (item, url=...)`. Its dict is built in one display, as a hand-written serializer
    would (an export writes millions; a loop over the fields made it twice as slow).

    Made once per shape, the way `dataclasses` makes `__init__`: a field declared as a
    plain type (`str | None`...) is read as it is, a `StrEnum` as its string, a tuple of
    plain values as a list, anything else through `json_ready`. `fields` and `given`
    must be tuples (they are cache keys).
    """
    names = tuple(fields) if fields is not None else _all_fields(kind)
    for name in (*names, *given):
        if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
            raise ValueError(f"not a field name: {name!r}")
    if "item" in given:
        raise ValueError("`item` names the record's item; give that field another way")
    if not set(given) <= set(names):
        raise ValueError(f"given names that are not keys: {sorted(set(given) - set(names))}")
    hints = _type_hints(kind)
    parts = [
        f"{name!r}: {name if name in given else _read(name, hints.get(name))}" for name in names
    ]
    keywords = f", *, {', '.join(given)}" if given else ""
    source = f"def write(item, /{keywords}):\n    return {{{', '.join(parts)}}}\n"
    scope: dict[str, Any] = {"_json_ready": json_ready, "_str": str, "_list": list}
    exec(compile(source, f"<record of {kind.__name__}>", "exec"), scope)
    return scope["write"]  # type: ignore[no-any-return]


def json_ready(value: Any) -> Any:
    """A field's value as JSON writes it: an enum member as its value, a tuple (or
    list) as a list of such values, anything else unchanged."""
    kind = type(value)
    if kind in _PLAIN:  # most values: checked first (an enum member's type is its enum)
        return value
    if kind is tuple or kind is list:
        return [item if type(item) in _PLAIN else json_ready(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [json_ready(item) for item in value]
    return value


@functools.cache
def _all_fields(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def _type_hints(kind: type) -> dict[str, Any]:
    """The declared field types, or none (every value then goes through `json_ready`)
    when a hint cannot be resolved at run time."""
    try:
        return typing.get_type_hints(kind)
    except (NameError, TypeError):
        return {}


def _read(name: str, hint: Any) -> str:
    """The expression that reads field `name` JSON-ready, by its declared type: plain
    as it is, an enum as its value, a tuple of plain values as a list (None kept when
    the type is optional), anything else through `json_ready`."""
    field = f"item.{name}"
    members = typing.get_args(hint) if typing.get_origin(hint) in _UNIONS else (hint,)
    optional = type(None) in members
    rest = [member for member in members if member is not type(None)]
    if all(member in _PLAIN for member in rest):
        return field
    if len(rest) != 1:
        return f"_json_ready({field})"
    [member] = rest
    if isinstance(member, type) and issubclass(member, Enum):
        # str() of a StrEnum member is its value, and a plain string stays itself
        ready = f"_str({field})" if issubclass(member, str) else f"{field}.value"
    elif typing.get_origin(member) is tuple and all(
        item in _PLAIN or item is Ellipsis for item in typing.get_args(member)
    ):
        ready = f"_list({field})"
    else:
        return f"_json_ready({field})"
    return f"(None if {field} is None else {ready})" if optional else ready


_UNIONS = (typing.Union, types.UnionType)


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


in_force_key: Callable[[Verdict], tuple[Any, ...]] = operator.attrgetter(*IN_FORCE_ORDER_FIELDS)
"""Sort key of the in-force ranking: among standing verdicts, the maximum is the
verdict in force (and sorting by it replays a history in the order that leaves the
same verdict in force)."""


def standing_verdicts(history: Iterable[Verdict]) -> list[Verdict]:
    """A claim's verdicts that are neither undo events nor undone."""
    events = list(history)
    withdrawn = {v.undoes for v in events if v.undoes is not None}
    return [v for v in events if v.undoes is None and v.id not in withdrawn]


def verdict_in_force(history: Iterable[Verdict]) -> Verdict | None:
    """The verdict in force among a claim's verdict events (None when it is undecided)."""
    return max(standing_verdicts(history), key=in_force_key, default=None)
