"""Parsing JSON that came from outside: reports, fact-check feeds, JSONL, JSON-LD.

`json.loads` on hostile text can raise more than `JSONDecodeError`: `RecursionError`
on deep nesting (`[` * 100000), `ValueError` on an integer of more than 4,300 digits,
and it accepts `NaN`/`Infinity` (and `1e999` becomes infinity), which no JSON writer
can write back. `load_json` turns every one of these into an `InputError` naming the
input, so callers have one exception to handle.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from factcheck.errors import InputError

MAX_INTEGER_DIGITS = 100
"""Longer integers are refused: nothing factcheck reads is larger than 64 bits."""

MAX_DEPTH = 64
"""Deeper nesting is refused: reports nest 6 levels, real JSON-LD rarely 10, and the
code that walks parsed JSON (JSON-LD @graph, ClaimReview nodes) may recurse."""


class NotJSON(InputError):
    """The text is not JSON at all; `line` and `reason` let callers word it their way."""

    def __init__(self, message: str, *, line: int, reason: str) -> None:
        super().__init__(message)
        self.line = line
        self.reason = reason


class _Refused(ValueError):
    """Raised inside the decoder's hooks; carries the one-line reason."""


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _Refused(f"an integer of {len(text.lstrip('-')):,} digits")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"the number {text[:40]} is out of range")
    return value


def _parse_constant(name: str) -> float:
    raise _Refused(f"{name} is not a number JSON allows")


def load_json(text: str, *, name: str = "input", max_depth: int = MAX_DEPTH) -> Any:
    """Parse `text` as JSON, or raise `InputError` with one line saying why not."""
    try:
        data = json.loads(
            text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant
        )
    except json.JSONDecodeError as error:
        raise NotJSON(
            f"{name} is not JSON (line {error.lineno}, column {error.colno}: {error.msg})",
            line=error.lineno,
            reason=error.msg,
        ) from None
    except _Refused as error:
        raise InputError(f"{name}: {error}") from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply to read") from None
    except ValueError as error:  # anything else the decoder refuses
        raise InputError(f"{name} is not JSON ({error})") from None
    if _depth_exceeds(data, max_depth):
        raise InputError(f"{name}: JSON nested more than {max_depth} levels deep")
    return data


def _depth_exceeds(data: Any, limit: int) -> bool:
    """Whether lists/objects nest deeper than `limit` (iterative: no recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children: Iterable[Any]
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
