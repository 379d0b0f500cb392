"""The word tokenizer, and the crude stems the matcher and the reference index count.

One definition of "a word" for every rule that reads words: the matcher's queries,
stems and title matches, the agreement signals' context words, the mood rules' gates,
the debris rules' headline tests. `WORD` is a run of letters or digits with an inner
apostrophe ("asia's", "won't"); `READER_WORD` is the same word as a reader sees it,
hyphens and dots kept inside ("fourth-largest", "U.S", "3.5"), for spans a reviewer
reads. Two tokenizers stay apart on purpose: `checkworthiness.linear`'s (its tokens are
the features the shipped model was trained on; changing them means retraining) and
`spans`' (it also yields punctuation and whole figures, which its clause rules read).

`content_stems` and `TermStats` live here, under the store, because claims.db keeps
stem counts of the reference library (`store.references`): the stems are part of the
data, so the code that makes them must not sit above the store. Pure; no I/O.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from factcheck.text.lexicon import STOP_WORDS

__all__ = [
    "READER_WORD",
    "WORD",
    "TermStats",
    "content_stems",
    "reader_words",
    "stem_of",
    "words",
]

WORD = re.compile(r"\w+(?:['’]\w+)?")
"""A word: letters or digits, with an inner apostrophe ("asia's", "don't");
hyphens and dots separate words ("fourth-largest" is two)."""

READER_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
"""A word as a reader sees it: "fourth-largest", "Korea's", "U.S", "3.5"."""

STEM_LENGTH = 6
"""Letters a content word is cut to (`content_stems`)."""


def words(text: str) -> list[str]:
    """Lower-cased `WORD` tokens, in order (apostrophes kept inside words: "asia's")."""
    return [w.lower() for w in WORD.findall(text)]


def reader_words(text: str) -> list[str]:
    """`READER_WORD` tokens as written (case kept), in order."""
    return READER_WORD.findall(text)


def stem_of(word: str) -> str:
    """A lower-case word's stem: "" for a stop word, else its first six letters."""
    return "" if word in STOP_WORDS else word[:STEM_LENGTH]


def content_stems(text: str) -> list[str]:
    """Content words cut to six letters, in order: a crude stemmer ("warming" ~
    "warmer" no, "emissions" ~ "emission" yes) that needs no language data.

    These stems are stored (the reference library's `reference_stems` counts): a change
    here needs a migration that recounts them."""
    # ASCII text lowers to the same tokens whole as word by word; each token's stem
    # ("" for a stop word) is one dict hit, in C: a reference import stems every passage
    tokens = WORD.findall(text.lower()) if text.isascii() else words(text)
    return list(filter(None, map(_STEMS.__getitem__, tokens)))


class _StemMemo(dict[str, str]):
    """word -> its stem, or "" for a stop word; remembered up to 200,000 words."""

    def __missing__(self, word: str) -> str:
        stem = stem_of(word)
        if len(self) < 200_000:
            self[word] = stem
        return stem


_STEMS = _StemMemo()


@dataclass(frozen=True, slots=True)
class TermStats:
    """How common a claim's content stems are in the collection candidates come from.

    The local library keeps these counts in claims.db (`Store.reference_term_stats`);
    a source without a collection (Wikipedia pages) uses `TermStats.of_texts` over its
    candidates."""

    documents: int
    """Passages in the collection."""
    stems: int
    """Content-word stems in the collection (all occurrences)."""
    doc_freq: Mapping[str, int]
    """Passages holding each stem (title or text)."""
    stem_freq: Mapping[str, int]
    """Occurrences of each stem in the collection."""

    @classmethod
    def of_texts(cls, texts: Iterable[str]) -> TermStats:
        doc_freq: Counter[str] = Counter()
        stem_freq: Counter[str] = Counter()
        documents = 0
        for text in texts:
            found = content_stems(text)
            documents += 1
            stem_freq.update(found)
            doc_freq.update(set(found))
        return cls(documents, sum(stem_freq.values()), doc_freq, stem_freq)

    def idf(self, stem: str) -> float:
        """BM25's IDF (never negative); 0 for a stem the collection lacks."""
        found = self.doc_freq.get(stem, 0)
        if not found:
            return 0.0
        return math.log(1 + (self.documents - found + 0.5) / (found + 0.5))
