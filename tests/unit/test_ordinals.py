"""Ordinals: "The fountain first opened in 2008." is a whole statement about when.

An ordinal is a rank ("the third-largest", "came second") or an adverb of time ("first
opened", "was first published"): either way it neither ends a claim early nor swallows
what follows it, and only a rank makes the claim a ranking.
"""

from __future__ import annotations

import pytest

from factcheck import split_claims
from factcheck.models import ClaimKind


class TestOrdinalsKeepTheStatementWhole:
    @pytest.mark.parametrize(
        ("text", "claim"),
        [
            ("The fountain first opened in 2008.", "The fountain first opened in 2008"),
            ("The bridge was first opened to traffic in 1932.", "in 1932"),
            ("The paper first published the letter on May 3, 2019.", "on May 3, 2019"),
            ("Lee first took office last week.", "Lee first took office last week"),
            ("The fountain first\nopened in 2008.", "opened in 2008"),  # hard-wrapped
            ("# Park history\n\nThe fountain first opened in 2008.\n", "opened in 2008"),
            ("The team finished third in 2021 and second in 2022.", "second in 2022"),
        ],
    )
    def test_the_span_runs_past_the_ordinal(self, text: str, claim: str) -> None:
        found = [c.text for c in split_claims(text)]
        assert any(claim in c for c in found), found
        assert not any(c.split()[-1] in {"first", "second", "third"} for c in found), found

    @pytest.mark.parametrize(
        "text",
        [
            "The fountain first opened in 2008.",
            "The museum was first opened in 1990.",
            "Lee first took office last week.",
        ],
    )
    def test_an_ordinal_adverb_is_not_a_ranking(self, text: str) -> None:
        (claim,) = split_claims(text)
        assert claim.kind is ClaimKind.TEMPORAL

    @pytest.mark.parametrize(
        "text",
        [
            "She came second in the 2019 race.",
            "China is the first country to do so.",
            "Asia’s fourth-largest economy grew 2% in 2024.",
            "Its first results showed a 5% rise.",
        ],
    )
    def test_an_ordinal_that_ranks_is_a_ranking(self, text: str) -> None:
        (claim,) = split_claims(text)
        assert claim.kind is ClaimKind.RANKING
