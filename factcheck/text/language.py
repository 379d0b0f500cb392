"""Does a text read as English? A cheap test with a reason a reviewer can read.

Why: the splitter's rules and its check-worthiness models were built for English. An
article in Hausa, Arabic or Hindi is still split and scored, and the claims shown are
noise; the reviewer should be told so rather than left to wonder. `add` (`--dry-run`
and stdin too), `split`, `review FILE` and `serve FILE` print `not_english_warning` on
stderr (one line), and the review screen shows it as a notice
(`desk.session.ReviewSession.language_warning`). Nothing else changes: the claims and
their scores are the same either way.

The test reads two shares of a bounded sample (at most `SAMPLE_CHARS` characters:
the head, middle and tail of a long text), so it costs the same for a page or a book,
loads no model and needs no dependency:
- the share of its words that are common English function words ("the", "of", "was",
  ...): about a third of English prose, next to none in another language written in
  Latin letters (Hausa, Swahili, French). Judged from `MIN_WORDS_FOR_SHARE` words up:
  a headline or a list of tags has few function words and is English all the same;
- the share of its letters that are Latin: an article in Arabic, Devanagari or Tamil
  script has next to none. Judged from `MIN_WORDS` words up.
A text of fewer than `MIN_WORDS` words is never flagged: too few words to tell. The
thresholds were chosen on the distribution of real English and non-English article
bodies (bench/eval_language.py, bench/RESULTS.md "Session 30, lang11").

Pure, standard library and `text.lexicon` only: the CLI's `add` must stay light to start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.text.lexicon import words_of

__all__ = [
    "ENGLISH_FUNCTION_WORDS",
    "EnglishReading",
    "english_reading",
    "not_english_warning",
]

ENGLISH_FUNCTION_WORDS = words_of(
    """the of and to is was that for with are this by from have has it be were which
    not but they their he his she her at or been would will said who we you its than
    there these those had can more also about after into what when one"""
)
"""Common English words that are rarely words of other languages. Left out on purpose:
"a", "i", "in", "an", "as", "on", "so": words of Hausa, French, German or Swahili
too, which would make a page in those languages read as partly English."""

SAMPLE_CHARS = 12_000
"""Characters looked at: a long text is read at its head, middle and tail (a third
each), so an English byline or a boilerplate footer alone decides nothing."""

MIN_WORDS = 20
"""Fewer words than this are never judged (a title, a caption, a one-line claim)."""

MIN_WORDS_FOR_SHARE = 50
"""The function-word share is judged from this many words up: under it a tag list
("Posted in Fact Checks, Viral Content Tagged ...") or a run of headlines reads with
no function words and is English."""

MIN_ENGLISH_WORD_SHARE = 0.08
"""Below this share of common English function words a text does not read as English.
English article bodies of 50+ words measured 0.117 at the lowest (0.169 at the 1st
percentile, 3,082 bodies), the Hausa and Spanish ones 0.000; every threshold from 0.005
to 0.115 makes no error on any source held out (bench/eval_language.py). 0.08 leaves
room below for a language sharing a few of the words ("is", "was" in Dutch)."""

MIN_LATIN_LETTER_SHARE = 0.5
"""Below this share of Latin letters a text does not read as English: it is written
mostly in another script (Arabic, Devanagari, Tamil, Chinese, ...)."""

_WIDE_SCRIPT = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Japanese kana and Chinese characters: scripts written without spaces between words,
where each character counts as a word (so such a text is not "too short")."""

_WORD = re.compile(r"(?<!\S)(?=\S*?[^\W\d_])\S+")
"""A word: a whitespace-separated token holding a letter (a figure or a dash is none),
with its combining marks (Hindi's vowel signs are marks, not letters). Matched only
where a token starts, so a long run without a letter costs one pass, not one per
character (a letter between two greedy runs of non-spaces took 3 s on 12,000 digits)."""


_NOT_LETTERS = re.compile(r"[\W\d_]+")
_NOT_LATIN_LETTERS = re.compile(
    "[^A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af"
    "\u1e00-\u1eff\uff21-\uff3a\uff41-\uff5a]+"
)
"""Anything but a Latin letter: ASCII, Latin-1, Latin Extended-A/B (Hausa's ɓ ɗ ƙ),
IPA, Latin Extended Additional (Vietnamese) and fullwidth Latin. The letters are
counted by removing the rest in runs (one C pass), not one match a letter."""

_EDGE_PUNCTUATION = "".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum()) + (
    "“”‘’«»„‚‹›…—–¡¿·•"
)
"""Stripped from a word's ends before it is looked up ("(the", "said," and "“was")."""

_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
"""Control characters (not the whitespace ones), zero-width and bidi format characters
and lone surrogates: removed from the sample first, so one glued to a word does not
hide the word (a bidi override before "the" leaves "the")."""


@dataclass(frozen=True)
class EnglishReading:
    """What `english_reading` found in a text's sample."""

    words: int
    """Words in the sample."""
    english_word_share: float
    """Share of those words that are common English function words (0-1)."""
    latin_letter_share: float
    """Share of the sample's letters that are Latin letters (0-1; 1 with no letters)."""

    @property
    def too_short(self) -> bool:
        """Too few words to tell: never flagged."""
        return self.words < MIN_WORDS

    @property
    def reads_as_english(self) -> bool:
        """False only when the sample is long enough and one share is too low."""
        if self.too_short:
            return True
        if self.latin_letter_share < MIN_LATIN_LETTER_SHARE:
            return False
        return not (
            self.words >= MIN_WORDS_FOR_SHARE and self.english_word_share < MIN_ENGLISH_WORD_SHARE
        )

    @property
    def reason(self) -> str:
        """The shares, in words a reviewer reads: "3% common English words" (and the
        Latin share when the text is mostly in another script)."""
        words = f"{_percent(self.english_word_share)} common English words"
        if self.latin_letter_share < MIN_LATIN_LETTER_SHARE:
            return f"{words}, {_percent(self.latin_letter_share)} Latin letters"
        return words


def english_reading(text: str) -> EnglishReading:
    """The two shares of `text`'s sample; linear in the sample, at most `SAMPLE_CHARS`.

    A word is a whitespace-separated token holding a letter, so it keeps its marks and
    counts once whatever its script; a run of Chinese or Japanese counts a word a
    character. Looked up with its edge punctuation stripped ("(the", "said,").
    """
    sample = _INVISIBLE.sub("", _sample(text))
    words = len(_WORD.findall(sample))
    if sample and max(sample) >= _WIDE_SCRIPT[0]:  # else no character to count alone
        wide_character, wide_token = _wide_patterns()
        wide = len(wide_character.findall(sample))
        words += wide - len(wide_token.findall(sample))  # a word a character, not a run
    english = sum(
        1
        for token in sample.lower().split()
        if token.strip(_EDGE_PUNCTUATION) in ENGLISH_FUNCTION_WORDS
    )
    letters = _NOT_LETTERS.sub("", sample)
    latin = len(_NOT_LATIN_LETTERS.sub("", letters))
    return EnglishReading(
        words=words,
        english_word_share=english / words if words else 0.0,
        latin_letter_share=latin / len(letters) if letters else 1.0,
    )


def not_english_warning(text: str, *, name: str | None = None) -> str | None:
    """The one line that tells a reviewer the text does not read as English, or None.

    The same words on the command line (after "warning: ", with the input's `name`
    first, as the readers' other warnings) and on the review screen (no name).
    """
    reading = english_reading(text)
    if reading.reads_as_english:
        return None
    where = f"{name}: " if name else ""
    return (
        f"{where}this article does not read as English ({reading.reason}); claims are"
        " spotted and scored for English text and may be noise"
    )


@cache
def _wide_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A Chinese or Japanese character, and a token holding one: compiled on first use
    (4 ms for their large character classes, which an English text never needs)."""
    return (
        re.compile(f"[{_WIDE_SCRIPT}]"),
        re.compile(f"(?<!\\S)(?=\\S*?[{_WIDE_SCRIPT}])\\S+"),
    )


def _sample(text: str) -> str:
    """At most `SAMPLE_CHARS` characters: the whole text, or its head, middle and tail."""
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3
    middle = (len(text) - third) // 2
    # Joined by a space: a word cut at a window's edge is not glued to the next window's.
    return " ".join((text[:third], text[middle : middle + third], text[-third:]))


def _percent(share: float) -> str:
    """A share as a whole percentage; "under 1%" rather than a misleading "0%" when
    some were found."""
    if 0 < share < 0.005:
        return "under 1%"
    return f"{round(share * 100)}%"
