"""Page furniture that the new sentence ends (session 27, ends11) cut out of the
paragraph it was glued into: a share bar, a related box's dated byline and label, a
verdict heading. Each is debris even mid-paragraph; the sentences around it stay."""

from __future__ import annotations

import pytest

from factcheck.claims.debris import is_debris


@pytest.mark.parametrize(
    "line",
    [
        "Does This Video Show Flooding At An Airport?9:26 PM 07/27/2021Trevor Schakohl | "
        "Fact Check Reporter share on facebook tweet this show comments",
        "By Victoria Knight • June 24, 2021",
        "By Tom Kertscher • 25 June 2021",
        "Featured Fact-checkFacebook postsstated on June 29, 2021 in a Facebook post",
        "Conclusion: Video’s claims are false",
        "Verdict: Misleading",
    ],
)
def test_glued_page_furniture_is_debris_mid_paragraph(line: str) -> None:
    assert is_debris(line, alone_on_line=False)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of June 24, 2021 the number of cases had doubled.",
        "Featured Fact-checkInstagram postsstated on June 21, 2021 in an Instagram "
        "postmRNA technology in COVID-19 vaccines was never tested in humans.",
        "Conclusion: the study found that 45 people died in the hospital in the first week.",
        "Users can share on Facebook and tweet this video, the company said.",
    ],
)
def test_sentences_holding_a_claim_are_not_furniture(line: str) -> None:
    assert not is_debris(line, alone_on_line=False)


def test_a_glued_share_bar_and_byline_leave_the_claims_around_them() -> None:
    from factcheck import split_claims

    text = (
        "Is This True?2:26 PM 07/26/2021Elias Atienza | Fact Check Reporter share on facebook "
        "tweet this show commentsAn image shared on Instagram claims the agency has a course. "
        "By Victoria Knight • June 24, 2021  The lawsuit was filed on behalf of 45 doctors."
    )
    claims = [c.text for c in split_claims(text)]
    assert not any("share on facebook" in c or "Victoria Knight" in c for c in claims)
    assert any(c.startswith("An image shared on Instagram claims") for c in claims)
    assert any(c.startswith("The lawsuit was filed") for c in claims)
