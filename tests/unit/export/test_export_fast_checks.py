"""The shortcuts that skip a regular expression over a report's text: each says
"nothing to change" only when the regular expression would change nothing."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.untrusted import safe_json
from factcheck.untrusted.safe_json import nothing_to_escape
from factcheck.untrusted.terminal_text import UNSAFE_CHARACTERS, _visible, printable

_PIECES = st.sampled_from(
    ["a", "é", " ", "\n", "\t", "\r\n", "\r", "\x1b", "\x7f", "\x9b", "\u200e", "\u202e",
     "\u2028", "\u00a0", "<", ">", "&", '"', "\\u003c", "“", "\ud800"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES | st.text(max_size=3), max_size=12).map("".join)


@given(_TEXTS)
@example("plain\nlines\n")
@example("tab\there")
@example("a,b\r\nc\r\r\n")
def test_printable_without_the_expression_is_printable_with_it(text: str) -> None:
    assert printable(text) == UNSAFE_CHARACTERS.sub(_visible, text.replace("\r\n", "\n"))


@given(_TEXTS)
@example('{\n  "a": "b"\n}')
@example('"\x7f"')
def test_nothing_to_escape_only_when_safe_json_changes_nothing(text: str) -> None:
    by_expression = safe_json._ESCAPED.sub(safe_json._unicode_escape, text)
    if nothing_to_escape(text):
        assert by_expression == text
    assert safe_json.escape(text) == by_expression


def test_the_common_texts_take_the_shortcut() -> None:
    assert printable("| a | 1 |\n- **“claim”**\n") == "| a | 1 |\n- **“claim”**\n"
    assert nothing_to_escape('{\n  "text": "Seoul’s mayor said so."\n}')
    assert printable("a,b\r\n") == "a,b\n"  # CSV line ends: printable rewrites them
    assert not nothing_to_escape('"<script>"')
