"""Untrusted text made harmless for a terminal: control characters become visible.

Article text, titles, URLs, notes, file names and imported reports can carry escape
sequences (OSC 0 sets the window title, OSC 52 writes the clipboard, `ESC[2J` clears
the screen), C1 controls (`\\x9b` is a one-byte CSI on some terminals) and bidi
overrides that make text read differently from what it is. Every line the CLI prints
goes through `printable` (via `factcheck.cli.output.echo`), and the text reports use
it too, so a report written to a file matches the one printed. Stored text is never
changed: only what is shown.
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE_CHARACTERS", "printable"]

UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but tab and newline), DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u2028\u2029"  # line and paragraph separators: a line break some terminals obey
    "\ud800-\udfff]"  # lone surrogates (from undecodable bytes): no terminal can print them
)
"""Characters `printable` replaces; also used by tests to assert clean output."""


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC -> ␛, BEL -> ␇
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0x9F:
        return f"\\x{code:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` with every control character but newline and tab shown, not obeyed.

    A Windows line end (CR LF) becomes a plain newline; a lone CR, which would let
    text overwrite its own line, shows as ␍.
    """
    string = text if isinstance(text, str) else str(text)
    if "\r\n" in string:
        string = string.replace("\r\n", "\n")
    if string.isprintable() or all(map(str.isprintable, string.split("\n"))):
        # Every character UNSAFE_CHARACTERS matches fails `str.isprintable`, so most
        # text (a report's hundred thousand values) is returned without the expression.
        return string
    return UNSAFE_CHARACTERS.sub(_visible, string)
