"""BERT's WordPiece tokenizer for the all-MiniLM-L6-v2 vocabulary, in plain Python.

One tokenizer for the two users of that vocabulary: the static word vectors
(`factcheck.text.vectors`) and the check-worthiness transformer
(`factcheck.claims.checkworthiness.transformer`), which must see exactly the ids the model was
trained on. It reproduces Hugging Face's `BertTokenizer` (lower-case, accents stripped,
punctuation and CJK characters split off, greedy longest-match word pieces); a test
checks it against ids that tokenizer produced (tests/unit/data/wordpiece_ids.json).
Pure; the vocabulary is read once from the package data.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

__all__ = ["WordPiece", "default_wordpiece", "load_wordpiece"]

_MAX_WORD_CHARS = 100
"""Longer words are one unknown piece, as in BERT's WordPiece."""
_ASCII_WORD = re.compile(r"[^\W_]+|[^\w\s]|_")
"""BERT's basic split of ASCII text: runs of letters and digits; every punctuation mark
(every other printable character, "_" included) on its own."""
_CACHE_LIMIT = 200_000


class WordPiece:
    """A WordPiece vocabulary: text -> piece ids, with a per-word cache."""

    def __init__(self, vocab: list[str]) -> None:
        self.vocab = vocab
        # dict(zip()) builds the 30k-entry table in C (~3x faster than a comprehension:
        # it is made once per process, in every one-file `factcheck add`); a repeated
        # piece keeps its last id, as the comprehension did.
        self.ids = dict(zip(vocab, range(len(vocab)), strict=True))
        self.unknown = self.ids.get("[UNK]")
        self._word_cache: dict[str, tuple[int, ...]] = {}

    def special(self, name: str) -> int:
        """The id of a special token such as "[CLS]" (KeyError when the vocab lacks it)."""
        return self.ids[name]

    def pieces(self, text: str) -> list[int]:
        """The WordPiece ids of `text` (lower-cased, accents stripped), as BERT splits it."""
        ids: list[int] = []
        for word in self.words(text):
            ids.extend(self.word_pieces(word))
        return ids

    @staticmethod
    def words(text: str) -> list[str]:
        """BERT's basic tokens of `text`, lower-cased (the words `word_pieces` splits)."""
        lowered = text.lower()
        return _ASCII_WORD.findall(lowered) if lowered.isascii() else _unicode_words(lowered)

    def word_pieces(self, word: str) -> tuple[int, ...]:
        """The piece ids of one basic token, cached (a news text repeats its words)."""
        cache = self._word_cache
        found = cache.get(word)
        if found is None:
            found = self._word_pieces(word)
            if len(cache) < _CACHE_LIMIT:
                cache[word] = found
        return found

    def _word_pieces(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match-first WordPiece; a word that cannot be split is unknown."""
        if len(word) > _MAX_WORD_CHARS:
            return self._unknown_piece()
        found = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                piece_id = self.ids.get(piece)
                if piece_id is not None:
                    found.append(piece_id)
                    break
                end -= 1
            if end == start:
                return self._unknown_piece()
            start = end
        return tuple(found)

    def _unknown_piece(self) -> tuple[int, ...]:
        return () if self.unknown is None else (self.unknown,)


def _unicode_words(lowered: str) -> list[str]:
    """BERT's basic split for text beyond ASCII, character by character: drop control
    and format characters and accents, split on whitespace, and make every punctuation
    mark (Unicode category P*, or ASCII non-alphanumerics) and CJK ideograph a word."""
    words: list[str] = []
    current: list[str] = []
    for char in unicodedata.normalize("NFD", lowered):
        if char.isspace():
            if current:
                words.append("".join(current))
                current = []
            continue
        category = unicodedata.category(char)
        if category == "Mn" or char == "\ufffd" or (category in ("Cc", "Cf")):
            continue
        if category.startswith("P") or _is_ascii_punctuation(char) or _is_cjk(char):
            if current:
                words.append("".join(current))
                current = []
            words.append(char)
        else:
            current.append(char)
    if current:
        words.append("".join(current))
    return words


def _is_ascii_punctuation(char: str) -> bool:
    code = ord(char)
    return 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2FA1F
        or 0xF900 <= code <= 0xFAFF
    )


@lru_cache(maxsize=1)
def default_wordpiece() -> WordPiece:
    """The packaged vocabulary, read once per process."""
    return load_wordpiece(resources.files("factcheck.data"))


def load_wordpiece(folder: Traversable) -> WordPiece:
    """The vocabulary in `folder`/wordpiece_vocab.txt; empty (every word unknown and
    dropped) when a broken install lacks it."""
    try:
        vocab = folder.joinpath("wordpiece_vocab.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        vocab = []
    return WordPiece(vocab)
