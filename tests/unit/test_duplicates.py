"""Near-duplicate detection (factcheck.claims.duplicates), reused by the splitter and issue 13."""

from __future__ import annotations

from factcheck.claims.duplicates import duplicate_of, normalise


def test_normalise_ignores_case_quotes_and_punctuation() -> None:
    assert normalise("“On the Right  Track,” he said.") == normalise('"on the right track" he said')


def test_exact_repeat_points_at_the_first() -> None:
    texts = [
        "The river rose 3 metres overnight in the city.",
        "Other.",
        "The river rose 3 metres overnight in the city.",
    ]
    assert duplicate_of(texts) == [None, None, 0]


def test_fuller_later_copy_is_kept() -> None:
    texts = [
        "The river rose 3 metres overnight in the city.",
        "The river rose 3 metres overnight in the city, the mayor said.",
    ]
    assert duplicate_of(texts) == [1, None]


def test_small_wording_change_is_still_a_duplicate() -> None:
    texts = [
        "The river rose three metres overnight in the old city centre.",
        "The river rose three metres overnight in the old city center.",
    ]
    assert duplicate_of(texts) == [None, 0]


def test_different_statements_and_short_texts_are_kept() -> None:
    texts = [
        "The river rose 3 metres overnight in the city.",
        "The river fell 2 metres by noon in the suburbs.",
        "He said.",
        "He said.",
    ]
    assert duplicate_of(texts) == [None, None, None, None]


def test_many_similar_openings_stay_fast() -> None:
    texts = [f"I think that we should fund item number {i} this year" for i in range(20_000)]
    result = duplicate_of(texts)
    assert result.count(None) >= 1 and len(result) == 20_000
