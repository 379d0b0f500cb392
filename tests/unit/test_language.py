"""`factcheck.text.language`: whether a text reads as English, and the line that says why
not. Made-up texts (tests/unit/language_texts.py); the thresholds are measured on real
bodies by bench/eval_language.py."""

from __future__ import annotations

import time

import pytest
from language_texts import ARABIC, ENGLISH, HAUSA_LIKE, HINDI

from factcheck.text import language
from factcheck.text.language import english_reading, not_english_warning

CHINESE = "卫生部长周二表示，一周内登记的病例数量翻了一番，自本月初以来已有两千多人住院。"


def test_english_prose_reads_as_english_with_no_warning() -> None:
    reading = english_reading(ENGLISH)
    assert reading.reads_as_english
    assert reading.english_word_share > 0.3
    assert reading.latin_letter_share == 1.0
    assert not_english_warning(ENGLISH) is None


def test_hausa_in_latin_letters_is_told_by_its_missing_english_words() -> None:
    reading = english_reading(HAUSA_LIKE)
    assert reading.latin_letter_share == 1.0  # the script alone would pass it
    assert not reading.reads_as_english
    assert not_english_warning(HAUSA_LIKE) == (
        "this article does not read as English (0% common English words); claims are"
        " spotted and scored for English text and may be noise"
    )


@pytest.mark.parametrize("text", [ARABIC, HINDI, CHINESE], ids=["arabic", "hindi", "chinese"])
def test_another_script_is_told_by_its_letters(text: str) -> None:
    warning = not_english_warning(text)
    assert warning is not None
    assert "(0% common English words, 0% Latin letters)" in warning


def test_hindi_words_keep_their_vowel_signs() -> None:
    """A vowel sign is a mark, not a letter: "स्वास्थ्य" is one word, not four."""
    assert english_reading("स्वास्थ्य मंत्री").words == 2


def test_a_chinese_sentence_counts_a_word_a_character() -> None:
    assert english_reading(CHINESE).words >= language.MIN_WORDS


def test_an_english_article_quoting_another_language_reads_as_english() -> None:
    quoted = f"{ENGLISH} The sign read: “{HINDI[:60]}” {ENGLISH}"
    assert not_english_warning(quoted) is None


def test_an_article_in_another_script_quoting_english_is_flagged() -> None:
    text = f"{HINDI} “The bridge cost 48 million euros,” he said. {HINDI} {HINDI}"
    reading = english_reading(text)
    assert 0 < reading.latin_letter_share < language.MIN_LATIN_LETTER_SHARE
    assert not reading.reads_as_english


def test_a_few_english_words_in_a_long_hausa_text_say_under_one_percent() -> None:
    text = f"{HAUSA_LIKE} {HAUSA_LIKE} {HAUSA_LIKE} the end"
    assert "(under 1% common English words)" in (not_english_warning(text) or "")


@pytest.mark.parametrize(
    "text",
    [
        " ".join(HAUSA_LIKE.split()[:12]),
        " ".join(ARABIC.split()[:12]),
        "Gwamnati",
        "",
        "   \n\t ",
        "2021 — 48 % · 3.5",
    ],
    ids=["hausa-12-words", "arabic-12-words", "one-word", "empty", "blank", "figures"],
)
def test_too_few_words_to_tell_are_never_flagged(text: str) -> None:
    reading = english_reading(text)
    assert reading.too_short
    assert reading.reads_as_english
    assert not_english_warning(text) is None


def test_the_function_word_share_waits_for_fifty_words() -> None:
    """A tag list has no function words and is English; so are 20-49 Hausa words left
    alone, while 20 words of another script are enough."""
    tags = (
        "Posted in Fact Checks, Viral Content Tagged bridge costs, city council, floods,"
        " mayor, tender rules, viral facebook posts, viral tweets, public works budget,"
        " regional firms, traffic, winter storms, opposition claims"
    )
    assert language.MIN_WORDS <= english_reading(tags).words < language.MIN_WORDS_FOR_SHARE
    assert not_english_warning(tags) is None
    hausa_30 = " ".join(HAUSA_LIKE.split()[:30])
    assert not_english_warning(hausa_30) is None
    arabic_25 = " ".join(ARABIC.split()[:25])
    assert not_english_warning(arabic_25) is not None


@pytest.mark.parametrize(
    "controls",
    ["\x1b[31m", "\x1b]0;pwned\x07", "\x00", "\x9b2J", "\u202e", "\ud800", "\r\x08\x7f"],
    ids=["csi", "osc-title", "nul", "c1-csi", "bidi-override", "lone-surrogate", "cr-bs-del"],
)
def test_hostile_control_characters_between_words_reach_no_warning(controls: str) -> None:
    """The test still tells English from Hausa, and its line holds no control
    character (it is made of figures only)."""
    assert not_english_warning(f" {controls} ".join(ENGLISH.split(" "))) is None
    hausa = f" {controls} ".join(HAUSA_LIKE.split(" "))
    warning = not_english_warning(hausa, name="page.txt")
    assert warning is not None
    assert warning.startswith("page.txt: this article does not read as English (")
    assert warning.isprintable()
    assert not_english_warning(controls * 5000) is None  # no words at all


@pytest.mark.parametrize("invisible", ["\x00", "\x07", "\x9b", "\u202e", "\u200b", "\ud800"])
def test_an_invisible_character_glued_to_every_word_hides_none(invisible: str) -> None:
    english = " ".join(f"{invisible}{word}{invisible}" for word in ENGLISH.split(" "))
    assert english_reading(english) == english_reading(ENGLISH)


def test_a_long_text_is_read_at_its_head_middle_and_tail() -> None:
    """An English opening does not decide for a text in another script after it."""
    text = ENGLISH * 30 + ARABIC * 2000
    assert len(text) > 40 * language.SAMPLE_CHARS
    reading = english_reading(text)
    assert reading.words <= language.SAMPLE_CHARS // 2
    assert 0 < reading.latin_letter_share < language.MIN_LATIN_LETTER_SHARE
    assert not_english_warning(ENGLISH * 30) is None


@pytest.mark.parametrize(
    "text",
    ["1" * 12_000, "-" * 5_999 + "a" + "1" * 6_000, "1" * 12_000 + "字", "x" * 5_000_000],
    ids=["digits", "one-letter-inside", "one-wide-character-after", "five-megabytes"],
)
def test_long_runs_without_spaces_cost_one_pass(text: str) -> None:
    """The word pattern matches only where a token starts: a letter searched between
    two greedy runs of non-spaces took seconds on 12,000 digits."""
    started = time.perf_counter()
    english_reading(text)
    assert time.perf_counter() - started < 0.5


def test_the_python_api_offers_the_same_test() -> None:
    import factcheck

    assert {"english_reading", "not_english_warning"} <= set(factcheck.__all__)
    assert factcheck.not_english_warning(HAUSA_LIKE) == not_english_warning(HAUSA_LIKE)
