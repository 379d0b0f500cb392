"""`json.dumps(value, indent=2, ensure_ascii=False)`, byte for byte, several times faster.

With `indent` set, the standard library encodes in pure Python (its C encoder only
writes compact JSON): a generator frame per value and an `isinstance` chain per leaf,
65% of a JSON export's time. Here strings go straight to the C string encoder and a
dict or list is one `join`; the layout rules are the standard library's (items on
their own lines, `": "` after keys, `[]` and `{}` for empty containers, `NaN` and
`Infinity` as it writes them). A value of any other type (a `str` or `int`
subclass, say) is handed to `json.dumps` itself, so its bytes cannot differ.
"""

from __future__ import annotations

import json
from json.encoder import (  # type: ignore[attr-defined]
    c_make_encoder,  # the C encoder, None without the accelerator
    encode_basestring,  # the C string encoder when available
)
from typing import Any

__all__ = ["dumps_indented", "encode_basestring", "json_leaf"]

_INDENT = "  "


def dumps_indented(value: Any, level: int = 0) -> str:
    """`value` as `json.dumps(value, indent=2, ensure_ascii=False)` writes it, placed
    `level` indents deep (its inner lines start `level` indents further in; the first
    line is not indented)."""
    return _dump(value, "\n" + _INDENT * level)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


_LEAVES: dict[type, Any] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: lambda value: "true" if value else "false",
    type(None): lambda _value: "null",
}


def json_leaf(value: Any) -> str:
    """A leaf value (string, number, boolean, None) as `dumps_indented` writes it; a
    value of any other type as `json.dumps` writes it (one line: it is a leaf)."""
    leaf = _LEAVES.get(type(value))
    if leaf is not None:
        return leaf(value)  # type: ignore[no-any-return]
    return json.dumps(value, ensure_ascii=False)


def _dump(value: Any, newline: str) -> str:
    """`value` encoded; `newline` is the line break and indent of the line it is on."""
    kind = type(value)
    leaf = _LEAVES.get(kind)
    if leaf is not None:
        return leaf(value)  # type: ignore[no-any-return]
    inner = newline + _INDENT
    if kind is dict:
        if not value:
            return "{}"
        if _FLAT_ENCODERS and _is_flat(value.values()):
            # one C call: the encoder puts each item on its own line by itself
            body = "".join(_flat_encoder(inner)(value, 0))
            return "{" + inner + body[1:-1] + newline + "}"
        leaves = _LEAVES
        items = [
            # a leaf value is encoded here: a call saved for most values of a report
            f"{encode_basestring(key) if type(key) is str else _key(key)}: "
            + (leaf(item) if (leaf := leaves.get(type(item))) else _dump(item, inner))
            for key, item in value.items()
        ]
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        return (
            "[" + inner + ("," + inner).join([_dump(item, inner) for item in value]) + newline + "]"
        )
    # anything else as the standard library writes it, moved to this depth (newlines
    # in its output are all structural: JSON strings escape theirs)
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", newline)


_CONTAINERS = (dict, list, tuple)
_FLAT_ENCODERS: dict[str, Any] = {}
"""C encoders by line indent (`c_make_encoder` writes compact JSON with the item
separator it is given; `",\n" + indent` lays a flat dict out as `indent=2` does);
empty when the C accelerator is missing."""


def _is_flat(values: Any) -> bool:
    """Whether every value is a plain leaf or an empty container (a claim of a big
    desk: no verdict, no history, no evidence), so the C encoder writes the same."""
    for value in values:
        kind = type(value)
        if kind not in _LEAVES and (kind not in _CONTAINERS or value):
            return False
    return True


def _flat_encoder(inner: str) -> Any:
    encoder = _FLAT_ENCODERS.get(inner)
    if encoder is None:
        encoder = _FLAT_ENCODERS[inner] = c_make_encoder(
            None, _unencodable, encode_basestring, None, ": ", "," + inner, False, False, True
        )
    return encoder


def _unencodable(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


if c_make_encoder is not None:
    _FLAT_ENCODERS["\n" + _INDENT] = _flat_encoder("\n" + _INDENT)


def _key(key: Any) -> str:
    """A non-string dict key, as `json.dumps` writes it (always as a string)."""
    return json.dumps({key: None}, ensure_ascii=False)[1:].rpartition(":")[0]
