"""Page debris and headlines (factcheck.claims.debris): form rules on made-up lines."""

from __future__ import annotations

import pytest

from factcheck.claims.debris import body_words_of, is_debris, is_headline, restates


@pytest.mark.parametrize(
    "line",
    [
        "Home Business Markets Oil Prices Slide As Demand Cools...",
        "Home > World > Europe",
        "Jane Mills WhatsApp Channel",
        "Share on Facebook",
        "(With inputs from PTI)",
        "(Reporting by Ana Ruiz; Editing by Tom Key)",
        "By Ana Ruiz and Tom Key, Reuters",
        "Updated: 4 June 2024 09:10 IST",
        "Photo: A flooded street in Porto Alegre.",
        "Workers clear debris in Kyiv on Monday. REUTERS/Valentyn Ogirenko",
        "Also Read: Budget talks stall again",
        "Oil Prices Slide As Demand Cools In Asia…",
    ],
)
def test_page_debris_alone_on_its_line(line: str) -> None:
    assert is_debris(line, alone_on_line=True)


@pytest.mark.parametrize(
    "line",
    [
        "By noon, rescuers had pulled 14 people from the rubble.",
        "Published data show prices rose 4% in May.",
        "Home sales fell 12% in March.",
        "The channel reported 3 million viewers.",
    ],
)
def test_sentences_are_not_debris(line: str) -> None:
    assert not is_debris(line, alone_on_line=True)


def test_formula_inside_a_paragraph_is_not_debris_unless_bracketed() -> None:
    assert not is_debris("Also read the report, which found 40 errors.", alone_on_line=False)
    assert is_debris("(With inputs from Reuters)", alone_on_line=False)


def test_the_page_promoting_itself_is_debris_anywhere() -> None:
    line = "Visit our coronavirus hub and follow our live updates page for the latest."
    assert is_debris(line, alone_on_line=False)
    assert is_debris("Sign up for our daily newsletter.", alone_on_line=False)
    assert not is_debris("Visitors to our city rose 8% in 2023.", alone_on_line=False)


def test_headline_form_and_restatement() -> None:
    headline = "Oil Prices Slide As Demand Cools In Asia"
    assert is_headline(headline)
    assert not is_headline("Oil prices slid as demand cooled in Asia.")
    body = body_words_of(["Oil prices slid on Monday as demand in Asia cooled for a third week."])
    assert restates(headline, body)
    assert not restates("Central Bank Governor Quits", body)
