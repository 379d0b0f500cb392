"""The passage parsers of `signals` look for a hint before their full pattern
(`_YEAR_HINT`, `_DIGIT`, `_ORDINAL_HINT`, `_SUPERLATIVE_HINT`): a text without one
must be a text the full pattern finds nothing in, whatever its case or script."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.evidence import signals

TOKENS = [
    "first", "First", "FIRST", "twelfth", "Eleventh", "firſt", "1st", "2ND", "23rd", "4th",
    "٣rd", "largest", "LARGEST", "most", "Most", "least", "worst", "best", "bEst", "biggest",
    "smallest", "forest", "west", "interest", "ſmalleſt", "teſt", "1998", "2020", "1500",
    "1499", "20", "3,000", "3.5", "12.5%", "50 percent", "7 per cent", "$4", "£3 million",
    "٢٠٢٠", "١٩٩٨", "K", "İ", "ı", "é", "’s", "Korea", "the", "of", "a", "-", ",", ".",
]  # fmt: skip
SEPARATORS = [" ", "", ",", ".", "-", " ", "\n", "’"]


def texts() -> st.SearchStrategy[str]:
    pieces = st.tuples(st.sampled_from(TOKENS), st.sampled_from(SEPARATORS))
    return st.lists(pieces, max_size=14).map(lambda items: "".join(a + b for a, b in items))


def parsed(text: str) -> tuple[object, ...]:
    years = signals._years(text)
    return (
        years,
        signals._quantities(text, set(years)),
        signals._ordinals(text),
        signals._superlatives(text),
    )


@settings(max_examples=600, deadline=None)
@given(st.one_of(texts(), st.text(max_size=40)))
def test_a_hint_never_hides_a_match_of_the_full_pattern(text: str) -> None:
    hinted = parsed(text)
    always = re.compile("")  # a hint every text has: the full pattern reads every text
    with pytest.MonkeyPatch.context() as patch:
        for name in ("_YEAR_HINT", "_DIGIT", "_ORDINAL_HINT", "_SUPERLATIVE_HINT"):
            patch.setattr(signals, name, always)
        assert hinted == parsed(text)


def test_the_hints_skip_texts_with_nothing_to_find() -> None:
    plain = "Seoul is the capital of South Korea and its largest city."
    assert signals._YEAR_HINT.search(plain) is None and signals._DIGIT.search(plain) is None
    assert signals._ORDINAL_HINT.search(plain.lower()) is None
    assert parsed(plain) == ((), (), (), ("largest",))
    assert parsed("In 1998 it was the 3rd-largest, with 3,000 people.")[0] == ("1998",)


def test_an_ordinal_in_a_long_s_is_read_not_raised() -> None:
    # IGNORECASE matches "firſt"; its rank was looked up lower-cased only, then read
    # as digits: ValueError on every suggestion recalling such a passage
    (ordinal,) = signals.extract_details("It was the firſt time.").ordinals
    assert (ordinal.text, ordinal.rank) == ("firſt", 1)
    claim = signals.extract_details("It was the first time.")
    assert signals.compare(claim, "It was the firſt time.") == (("first",), ())
