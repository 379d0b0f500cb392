"""One word tokenizer (factcheck.text.words) for the matcher, the signals, the mood
rules and the debris rules; the stems the reference index stores come from it."""

from __future__ import annotations

import subprocess
import sys

from factcheck.claims.debris import content_words, is_headline
from factcheck.claims.mood import mood_shift
from factcheck.evidence.signals import compare, extract_details
from factcheck.text.words import TermStats, content_stems, reader_words, words


def test_a_word_keeps_its_inner_apostrophe_and_splits_at_hyphens() -> None:
    assert words("Asia’s fourth-largest economy, don't") == [
        "asia’s",
        "fourth",
        "largest",
        "economy",
        "don't",
    ]


def test_a_reader_word_keeps_hyphens_and_dots_inside() -> None:
    assert reader_words("The U.S. grew 3.5% in Asia’s fourth-largest economy.") == [
        "The",
        "U.S",
        "grew",
        "3.5",
        "in",
        "Asia’s",
        "fourth-largest",
        "economy",
    ]


def test_content_stems_drop_stop_words_and_cut_to_six_letters() -> None:
    assert content_stems("The emissions said to be rising in Korea") == [
        "emissi",
        "rising",
        "korea",
    ]
    stats = TermStats.of_texts(["carbon emissions", "carbon dioxide", "sea level"])
    assert stats.documents == 3 and stats.doc_freq["carbon"] == 2
    assert stats.idf("carbon") < stats.idf("dioxid") and stats.idf("absent") == 0.0


def test_the_store_counts_stems_without_loading_the_matcher() -> None:
    code = (
        "import sys, factcheck.store.references; "
        "print(sorted(m for m in sys.modules"
        " if m.startswith(('factcheck.evidence.matcher', 'rapidfuzz'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_mood_gates_read_curly_and_straight_apostrophes_alike() -> None:
    assert mood_shift("They won’t announce a decision") == mood_shift(
        "They won't announce a decision"
    )
    assert mood_shift("They won’t announce a decision") < 0


def test_a_lone_dash_is_not_a_word_of_a_headline() -> None:
    # "-" once counted as a lower-case word, pulling the Title-Case share down
    assert is_headline("Oil - Gas - Coal - Power Prices Rise")
    assert content_words("U.S. officials' claims") == {"u.s", "official", "claim"}


def test_words_near_a_year_split_at_hyphens_like_everywhere_else() -> None:
    # "wage-freeze" near the year is "wage" and "freeze": a passage dating a freeze to
    # another year speaks of the same thing, so its year contradicts the claim's
    claim = extract_details("The wage-freeze started in 2017.")
    _, contra = compare(claim, "The freeze ended in 2016.")
    assert contra == ("claim: 2017; passage: 2016",)
