"""Untrusted text made safe for the screen: never markup, never terminal controls.

Titles, claims, passages, notes, URLs, reviewer names and error messages come from
articles, imports and browsers that may be hostile. Two things must not happen when
the TUI shows them: `[b]` or `[@click=app.quit]` parsed as Textual markup (it would
style, act or crash), and escape sequences reaching the terminal. Textual strips only
BEL, BS, VT, FF and CR, so an OSC (`ESC ] 0;title BEL`), a CSI (`ESC [2J`) or a C1
byte (`\\x9b`) would otherwise be written out as is. Every widget that shows such
text builds it here: plain `Text`/`Content` (no markup) of
`factcheck.untrusted.terminal_text.printable` (controls shown as ␛, ␇, `\\x9b`, ...).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from rich.text import Text
from textual.content import Content

from factcheck.untrusted.terminal_text import UNSAFE_CHARACTERS, printable

__all__ = ["safe_content", "safe_str", "safe_text"]


def safe_str(text: object) -> str:
    """`text` with control characters shown, for APIs that take plain strings
    (notifications, `markup=False` labels); the caller still must not parse markup."""
    return printable(text)


def safe_content(text: object) -> Content:
    """Textual `Content` for labels, options and border titles: plain, printable."""
    return Content(printable(text))


def safe_text(text: object, style: str = "", *, spans: Iterable[tuple[int, int, str]] = ()) -> Text:
    """A Rich `Text` of `text`, made printable, with `spans` (start, end, style) in the
    offsets of the original string: a control character shown as `\\x9b` is four
    characters wide, so the highlight of a claim or passage still covers what it did.
    """
    raw = text if isinstance(text, str) else str(text)
    spans = [(max(0, start), min(len(raw), end), span) for start, end, span in spans]
    if UNSAFE_CHARACTERS.search(raw) is None and "\r\n" not in raw:
        result = Text(raw, style=style)
        for start, end, span in spans:
            result.stylize(span, start, end)
        return result
    cuts = sorted({0, len(raw), *(p for start, end, _ in spans for p in (start, end))})
    result = Text(style=style)
    moved = {0: 0}
    for start, end in itertools.pairwise(cuts):
        result.append(printable(raw[start:end]))
        moved[end] = len(result.plain)
    for start, end, span in spans:
        if start < end:
            result.stylize(span, moved[start], moved[end])
    return result
