"""`escape_markdown` escapes in one `str.translate` now: the same text as the chain of
replacements and regular expressions it had before (kept here as the reference)."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.export.markdown import escape_markdown
from factcheck.export.report import one_line
from factcheck.untrusted.terminal_text import printable

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_BARE_LINK = re.compile(r"(?i)\b(https?|ftp)(:)|\b(www)(\.)")


def escape_markdown_before(text: object) -> str:
    text = printable(one_line(None if text is None else str(text)))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return _BARE_LINK.sub(lambda m: f"{m.group(1) or m.group(3)}\\{m.group(2) or m.group(4)}", text)


_PIECES = st.sampled_from(
    [
        "&",
        "<",
        ">",
        "\\",
        "`",
        "*",
        "_",
        "[",
        "]",
        "|",
        "~",
        "http:",
        "HTTPS:",
        "ftp:",
        "www.",
        "\x1b",
        "\x9b",
        "\u202e",
        "\u2028",
        "\r\n",
        "\t",
        " ",
        "a",
        "é",
        "1",
        ":",
        ".",
        # pieces of the bare-link prefixes, for the boundary before them
        "h",
        "H",
        "ttp",
        "tTpS",
        "f",
        "tp",
        "w",
        "W",
        "ww",
        "wW",
        "_",
        "ß",
        "ſ",  # folds to s under IGNORECASE, as in `https`
    ]
)


@given(st.lists(_PIECES | st.text(max_size=4), max_size=20).map("".join))
@example("<script>x</script> & *bold* [a](javascript:b) www.evil.com\x1b[2J\u202e")
@example("xhttp: _www. éftp: -HTTPs: wwww. www.: 1http:")
@example("claim ending in a space ")
@example("httpſ: wwW. FTP: hTTp: xwww. 1www.")
@example(" claim starting with one")
def test_same_text_as_before(text: str) -> None:
    assert escape_markdown(text) == escape_markdown_before(text)


def test_values_that_are_not_text() -> None:
    for value in (None, 3, -4, 0, True, 2.5, "2026-11-28 01:45 UTC"):
        assert escape_markdown(value) == escape_markdown_before(value)
