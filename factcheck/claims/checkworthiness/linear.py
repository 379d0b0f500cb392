"""Check-worthiness: features and a linear model scored in plain Python.

`factcheck.claims.splitter` asks this module how check-worthy a sentence (and each claim span
inside it) is. The model is a logistic regression over hashed word unigrams and bigrams
plus "shape" features a fact-checker looks for: numbers, years, percentages, money,
ordinals, superlatives, comparatives, named-entity shape, attribution verbs, and the
marks of opinion and exhortation. It is trained offline by `bench/train_checkworthiness_linear.py`
(ClaimBuster + CLEF 2019) and shipped as `factcheck/data/checkworthiness.bin`, a sparse
table of bucket -> weight as two packed arrays (`to_bytes`), so the runtime needs no numpy,
downloads nothing and reads it in a few ms (the same table as JSON took ~10x longer to
parse: 5% of a one-file `factcheck add`; `to_json` still writes it for reading).

The feature function here is the single definition used by both training and
inference; changing it means retraining. Pure; the only I/O is reading the packaged
model file once.
"""

from __future__ import annotations

import json
import math
import re
import struct
import sys
import zlib
from array import array
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from importlib import resources
from itertools import chain, repeat
from operator import or_, xor
from typing import Any

from factcheck.text.lexicon import MONTHS, NOT_SUPERLATIVE, ORDINAL_RANKS, words_of

__all__ = [
    "FLAG_BITS",
    "CheckworthinessModel",
    "default_model",
    "feature_buckets",
    "shape_bits",
    "shape_bits_of_tokens",
    "shape_flags",
    "sigmoid",
    "tokenize",
]


HASH_BITS = 20
_MASK = (1 << HASH_BITS) - 1
_BIGRAM_MIX = 1_000_003

# The model's own tokens, apart from `text.words.WORD` on purpose: they are the features
# the shipped model was trained on (changing them means retraining). The word lists it
# shares with the rules (NOT_SUPERLATIVE, ORDINAL_RANKS, MONTHS) come from `text.lexicon`;
# NOT_SUPERLATIVE there is longer than the list the shipped model was trained with
# ("latest", "everest", "southwest"... no longer count as superlatives): the scores that
# moved are in bench/RESULTS.md (issue 16), small enough not to retrain for.
# Tokens: words with an optional "'s"/"n't" tail, numbers, and `$ % ?`, i.e.
#   [a-z]+(?:['’][a-z]+)?|\d(?:[\d,.]*\d)?|[$%?]
# written to start with one character class (each alternative then checks, by a
# lookbehind, which class its first character was): Python's re scans for a leading
# class in C and only starts the matcher there, instead of trying the alternation at
# every position (12% faster, the same tokens).
_TOKEN = re.compile(r"[a-z\d$%?](?:(?<=[a-z])[a-z]*(?:['’][a-z]+)?|(?<=\d)(?:[\d,.]*\d)?|)")
# One match per capitalised word ("\b[A-Z][A-Za-z]+"), matching only its first letter:
# findall then returns cached one-character strings instead of copying every word.
# Written as "[A-Z]" then a lookbehind for the word boundary (the same matches as
# "\b[A-Z](?=[A-Za-z])") so that re can scan for the leading capital in C: 2x faster.
_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])(?=[A-Za-z])")
_YEAR = re.compile(r"(?:1[6-9]|20)\d\d(?:s)?")
# Clause-level shapes that single words miss. Exhortation and stated intent are what
# ClaimBuster calls non-factual; ranked and dated noun phrases are what fact-checkers
# look up. Each regex runs once per text, so keep the list short.
_PHRASE_SHAPES = (
    (
        "exhort_clause",
        words_of(
            "necessary important essential vital time imperative must should need ought "
            "have let let's let’s firmly jointly"
        ),
        r"(?=[iwytbcsnalfj])"
        r"(?:\b(?:it is|it's|it’s) (?:necessary|important|essential|vital|time|imperative)"
        r"|\b(?:we|you|they|both|countries|sides|nations|all) (?:must|should|need to|"
        r"ought to|have to)\b|\blet(?:'s|’s| us)\b|\b(?:firmly|jointly) \w+)",
    ),
    (
        "ranked_phrase",
        None,
        r"(?=['’stf])"
        r"(?:['’]s (?:\w+-)?(?:most \w+|\w+est|largest|biggest|top|first|second|third)\b"
        r"|\b(?:second|third|fourth|fifth|sixth)-\w+est\b)",
    ),
    (
        "dated_phrase",
        words_of("last next past since"),
        r"(?=[lnpf])"
        r"(?:\b(?:last|next|past) (?:week|month|year|decade)"
        r"|\b(?:first|last) \w+(?: \w+)? since\b)",
    ),
)
"""Clause-level shapes: (name, words one of which must be a token, regex on the
lowercased text). The word gate is a C-level set test that spares most texts the regex;
Python's re tries every alternative at every position, which was the bottleneck; the
leading lookahead (every first letter the regex can start with) spares most positions."""

_ORDINALS = frozenset(ORDINAL_RANKS) | words_of(
    "twentieth hundredth thousandth millionth 1st 2nd 3rd"
)
_SUPERLATIVES = words_of(
    "most least best worst biggest largest smallest highest lowest greatest fastest "
    "slowest longest shortest oldest youngest richest poorest deadliest strongest weakest "
    "top record"
)
_NUMBER_WORDS = words_of(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen half quarter twice double triple percent"
)
_MONEY = words_of("$ dollar dollars million billion trillion budget deficit debt tax")
_ATTRIBUTION = words_of(
    "said says say told tells claimed claims claim stated states announced announces "
    "urged urges insisted insists argued argues warned warns reported reports according "
    "added noted called calls assured assures admitted denied denies promised promises "
    "testified wrote"
)
_OPINION = words_of("think believe feel hope wish want guess suppose opinion agree disagree")
_EXHORTATION = words_of(
    "should must necessary need needs ought let's lets let important essential respect urge"
)
_COMPARATIVE = words_of(
    "more less fewer than higher lower larger smaller bigger greater increased decreased "
    "doubled tripled rose fell grew dropped cut raised"
)
_CAUSAL = words_of("because caused causes cause due led result resulted thanks")
_PREDICTION = words_of("will going forecast expected predict predicts projected")
_TEMPORAL = frozenset(MONTHS) | words_of(
    "since ago last yesterday today year years decade decades century"
)
# Token -> shape feature names; one dict lookup per token replaces a regex per shape.
_TOKEN_SHAPES: dict[str, tuple[str, ...]] = {}
for _names, _shape in (
    (_ORDINALS, "ordinal"),
    (_SUPERLATIVES, "superlative"),
    (_NUMBER_WORDS, "numberword"),
    (_MONEY, "money"),
    (_ATTRIBUTION, "attribution"),
    (_OPINION, "opinion"),
    (_EXHORTATION, "exhortation"),
    (_COMPARATIVE, "comparative"),
    (_CAUSAL, "causal"),
    (_PREDICTION, "prediction"),
    (_TEMPORAL, "temporal"),
):
    for _name in _names:
        _TOKEN_SHAPES[_name] = (*_TOKEN_SHAPES.get(_name, ()), _shape)
_TOKEN_SHAPES["%"] = ("percent",)
_TOKEN_SHAPES["percent"] = (*_TOKEN_SHAPES["percent"], "percent")
_TOKEN_SHAPES["?"] = ("question",)
_TOKEN_SHAPES["i"] = ("firstperson",)
_TOKEN_SHAPES["we"] = ("firstperson",)
_TOKEN_SHAPES["you"] = ("secondperson",)


def tokenize(lowered: str) -> list[str]:
    """The model's raw tokens of lowercased text: words (with a "'s" or "n't" tail),
    numbers, and `$ % ?`."""
    return _TOKEN.findall(lowered)


def _hash(feature: str) -> int:
    """Stable bucket of a feature string (crc32 is the same on every run and platform)."""
    return zlib.crc32(feature.encode("utf-8")) & _MASK


_BUCKET_CACHE: dict[str, int] = {}


_SUFFIX_CACHE: dict[str, int] = {}


def _bucket(token: str) -> int:
    """Bucket of a token, memoised: news text repeats its words, so most are cache hits."""
    bucket = _BUCKET_CACHE.get(token)
    if bucket is None:
        bucket = _hash("w:" + token)
        if len(_BUCKET_CACHE) < 200_000:
            _BUCKET_CACHE[token] = bucket
    return bucket


def _suffix_bucket(token: str) -> int:
    """Bucket of a word's last three letters: a cheap stand-in for part of speech
    (past tense "-ed", adverbs "-ly"), which separates reports of fact from opinion."""
    bucket = _SUFFIX_CACHE.get(token)
    if bucket is None:
        bucket = _hash("suf:" + token[-3:]) if len(token) > 4 else -1
        if len(_SUFFIX_CACHE) < 200_000:
            _SUFFIX_CACHE[token] = bucket
    return bucket


_START = _hash("w:<s>")
_START_MIXED = (_START * _BIGRAM_MIX) & _MASK
_SHAPE_BUCKETS: dict[str, int] = {}


def _shape_bucket(name: str) -> int:
    bucket = _SHAPE_BUCKETS.get(name)
    if bucket is None:
        bucket = _SHAPE_BUCKETS[name] = _hash("shape:" + name)
    return bucket


def _token_of(raw: str) -> str:
    """Fold numbers to their shape, so '1,250' and '9.7' share weights but years don't."""
    if raw[0].isdigit():
        if _YEAR.fullmatch(raw):
            return "<year>"
        if raw.endswith(("st", "nd", "rd", "th")):
            return "<ordinal>"
        return "<num>"
    return raw


def shape_flags(text: str) -> frozenset[str]:
    """The named shape features of `text` ("digit", "superlative", "attribution", ...).

    The set form of `shape_bits`, for callers that want names.
    """
    bits = shape_bits(text)
    return frozenset(name for name, bit in FLAG_BITS.items() if bits & bit)


def shape_bits(text: str) -> int:
    """The shape flags of `text` as an int, one bit per name in `FLAG_BITS`.

    Used by the splitter to pick a claim's kind, once per claim: a memo of each
    token's bits OR-ed together by C-level `reduce` keeps it off the profile.
    """
    return shape_bits_of_tokens(_TOKEN.findall(text.lower()))


def shape_bits_of_tokens(raw_tokens: list[str]) -> int:
    """`shape_bits` of a text whose `tokenize` tokens the caller already has (the
    splitter tokenises each sentence and span once, for the model and for this)."""
    try:
        return reduce(or_, map(_TOKEN_BITS.__getitem__, raw_tokens), 0)
    except KeyError:
        return reduce(or_, map(_token_bits, raw_tokens), 0)


FLAG_BITS: dict[str, int] = {
    name: 1 << i
    for i, name in enumerate(
        sorted(
            {shape for shapes in _TOKEN_SHAPES.values() for shape in shapes}
            | {"digit", "year", "number"}
        )
    )
}
"""Shape flag name -> its bit in `shape_bits`."""
_TOKEN_BITS: dict[str, int] = {}
"""raw token -> its shape bits (memo)."""


def _token_bits(raw: str) -> int:
    bits = _TOKEN_BITS.get(raw)
    if bits is not None:
        return bits
    flags = set(_TOKEN_SHAPES.get(raw, ()))
    if raw[0].isdigit():
        flags.add("digit")
        flags.add("year" if _YEAR.fullmatch(raw) else "number")
    elif raw.endswith("est") and len(raw) > 5 and raw not in NOT_SUPERLATIVE:
        flags.add("superlative")
    bits = 0
    for name in flags:
        bits |= FLAG_BITS[name]
    if len(_TOKEN_BITS) > 200_000:
        _TOKEN_BITS.clear()  # bounded memo; refilled as needed
    _TOKEN_BITS[raw] = bits
    return bits


_TokenInfo = tuple[int, tuple[int, ...], int]
_TOKEN_INFO: dict[str, _TokenInfo] = {}


def _token_info(raw: str) -> _TokenInfo:
    """A raw token's word bucket, its extra buckets (suffix, shapes) and 1 if a number.

    Memoised per raw token: the hot loop in `feature_buckets` then does one dict lookup
    per token instead of several function calls (see bench/bench_splitter.py --profile).
    """
    info = _TOKEN_INFO.get(raw)
    if info is not None:
        return info
    token = _token_of(raw)
    extras: list[int] = []
    suffix = _suffix_bucket(token)
    if suffix >= 0:
        extras.append(suffix)
    if token[0] == "<":
        extras += [_shape_bucket("digit"), _shape_bucket(token)]
    else:
        shapes = _TOKEN_SHAPES.get(token)
        if shapes:
            extras += [_shape_bucket(shape) for shape in shapes]
        elif token.endswith("est") and len(token) > 5 and token not in NOT_SUPERLATIVE:
            extras.append(_shape_bucket("superlative"))
    info = (_bucket(token), tuple(extras), 1 if token[0] == "<" else 0)
    if len(_TOKEN_INFO) < 200_000:
        _TOKEN_INFO[raw] = info
    return info


def feature_buckets(text: str) -> list[int]:
    """Hashed features of `text` as a list of buckets; a repeated bucket counts twice.

    Words, word pairs, word suffixes and shapes per token, then whole-text shapes
    (length, how many numbers, clause patterns, capitalised words). The trainer turns
    the list into count features; `CheckworthinessModel.logit` computes the same sum
    in one fused pass without building the list.
    """
    lowered = text.lower()
    raw_tokens = _TOKEN.findall(lowered)
    buckets: list[int] = []
    previous = _START
    n_numbers = 0
    for raw in raw_tokens:
        bucket, extras, is_number = _token_info(raw)
        buckets.append(bucket)
        buckets.append(((previous * _BIGRAM_MIX) ^ bucket) & _MASK)
        buckets.extend(extras)
        previous = bucket
        n_numbers += is_number
    buckets.extend(_text_buckets(text, lowered, raw_tokens, n_numbers))
    return buckets


def _text_buckets(text: str, lowered: str, tokens: list[str], n_numbers: int) -> list[int]:
    """Whole-text shape features: length, number count, clause patterns, entity shape."""
    n_tokens = len(tokens)
    buckets = [_LENGTH_BUCKETS[min(n_tokens, 40)], _NUMBERS_BUCKETS[min(n_numbers, 3)]]
    for gate, pattern, bucket in _PHRASES:
        if gate is None:
            # ranked_phrase needs "'s " or "-...est": most sentences have neither.
            if (
                "’s " in lowered or "'s " in lowered or ("-" in lowered and "est" in lowered)
            ) and pattern.search(lowered):
                buckets.append(bucket)
        elif not gate.isdisjoint(tokens) and pattern.search(lowered):
            buckets.append(bucket)
    if lowered[:1] in '"“':
        buckets.append(_QUOTE_OPEN)
    # Capitalised words past the first: a stand-in for named entities.
    n_capitalised = len(_CAPITALISED.findall(text)) - (text[:1].isupper())
    buckets.append(_CAPITALISED_BUCKETS[max(0, min(n_capitalised, 4))])
    return buckets


def _length_name(n_tokens: int) -> str:
    if n_tokens < 20:
        return "len<5" if n_tokens < 5 else "len<10" if n_tokens < 10 else "len<20"
    return "len<40" if n_tokens < 40 else "len40+"


_LENGTH_BUCKETS = [_shape_bucket(_length_name(n)) for n in range(41)]
_NUMBERS_BUCKETS = [_shape_bucket(f"numbers:{n}") for n in range(4)]
_CAPITALISED_BUCKETS = [_shape_bucket(f"capitalised:{n}") for n in range(5)]
_PHRASES = [
    (gate, re.compile(pattern), _shape_bucket(name)) for name, gate, pattern in _PHRASE_SHAPES
]
_QUOTE_OPEN = _shape_bucket("quote_open")
assert [name for name, _, _ in _PHRASE_SHAPES] == ["exhort_clause", "ranked_phrase", "dated_phrase"]
_EXHORT_GATE, _DATED_GATE = _PHRASE_SHAPES[0][1], _PHRASE_SHAPES[2][1]
_EXHORT, _RANKED, _DATED = (pattern for _, pattern, _ in _PHRASES)
_PHRASE_GATES = _EXHORT_GATE | _DATED_GATE


_TextWeights = tuple[list[float], list[float], list[float], float, list[float]]
"""Whole-text feature weights: by length, by number count, per phrase shape, quote,
by capitalised-word count."""


@dataclass(frozen=True, slots=True)
class CheckworthinessModel:
    """A sparse linear model: `sigmoid(bias + sum(weights[b] for b in feature_buckets))`.

    The trainer folds threshold calibration into `bias`, so 0.5 is the operating point.
    """

    weights: dict[int, float]
    bias: float
    span: CheckworthinessModel | None = None
    """Weights for claim spans, learned on spans rather than whole sentences (a short
    noun phrase reads nothing like a debate sentence); None means use these weights."""
    _static: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    """raw token -> summed weight of its word, suffix and shape features (memo)."""
    _bucket: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """raw token -> its word bucket (memo, filled and cleared with `_static`)."""
    _mixed: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """raw token -> `(bucket * _BIGRAM_MIX) & _MASK`, its half of the next pair's bucket."""
    _is_number: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """raw token -> 1 if it is a number (memo, filled and cleared with `_static`)."""
    _text_weights: list[_TextWeights] = field(default_factory=list, compare=False, repr=False)
    """Weights of the whole-text features, one entry once learned (`_learn_text_weights`)."""

    def _learn_tokens(self, raw_tokens: list[str]) -> None:
        """Memoise the tokens of one text that the tables lack. The tables are bounded:
        past 300k tokens they are cleared, and the unseen tokens are worked out only
        after that, so that every token of this text is in them on return."""
        if len(self._static) > 300_000:
            self._static.clear()
            self._bucket.clear()
            self._mixed.clear()
            self._is_number.clear()
        get = self.weights.get
        for raw in set(raw_tokens).difference(self._static):
            bucket, extras, is_number = _token_info(raw)
            self._static[raw] = get(bucket, 0.0) + sum(get(extra, 0.0) for extra in extras)
            self._bucket[raw] = bucket
            self._mixed[raw] = (bucket * _BIGRAM_MIX) & _MASK
            self._is_number[raw] = is_number

    def logit(self, text: str) -> float:
        """Raw score of `text`, higher is more check-worthy.

        The same sum as over `feature_buckets(text)`, computed with memo tables and
        C-level `map`/`sum` instead of a Python loop per token, because it runs on
        every sentence of every document (bench/bench_splitter.py).
        """
        lowered = text.lower()
        return self.logit_of_tokens(text, lowered, _TOKEN.findall(lowered))

    def logit_of_tokens(self, text: str, lowered: str, raw_tokens: list[str]) -> float:
        """`logit(text)` for a caller that already has `text.lower()` and its
        `tokenize` tokens (the splitter shares them with its span pre-filter)."""
        static = self._static
        # Memo tables are warm for almost every token of running text, so try the
        # C-level lookups first and learn the unseen ones only on a miss.
        try:
            total = self.bias + sum(map(static.__getitem__, raw_tokens))
        except KeyError:
            self._learn_tokens(raw_tokens)
            total = self.bias + sum(map(static.__getitem__, raw_tokens))
        # Pair buckets, ((previous * MIX) ^ bucket) & MASK == mixed(previous) ^ bucket
        # (buckets are below 2^HASH_BITS), by C-level maps: most pairs of running text
        # are new, so a memo table of pairs would mostly miss.
        previous = chain((_START_MIXED,), map(self._mixed.__getitem__, raw_tokens))
        pair_buckets = map(xor, previous, map(self._bucket.__getitem__, raw_tokens))
        get = self.weights.get
        total += sum(map(get, pair_buckets, repeat(0.0)))
        # Whole-text features as in `_text_buckets`, inlined with per-model weight
        # tables (same terms, same order of addition): it runs once per sentence.
        length, numbers, phrases, quote, capitalised = (
            self._text_weights[0] if self._text_weights else self._learn_text_weights()
        )
        n_tokens = len(raw_tokens)
        n_numbers = sum(map(self._is_number.__getitem__, raw_tokens))
        total += length[n_tokens if n_tokens < 40 else 40]
        total += numbers[n_numbers if n_numbers < 3 else 3]
        # One pass over the tokens for both word gates (most sentences pass neither);
        # the terms are still added in the order of _PHRASES.
        gated = not _PHRASE_GATES.isdisjoint(raw_tokens)
        if gated and not _EXHORT_GATE.isdisjoint(raw_tokens) and _EXHORT.search(lowered):
            total += phrases[0]
        if (
            "’s " in lowered or "'s " in lowered or ("-" in lowered and "est" in lowered)
        ) and _RANKED.search(lowered):
            total += phrases[1]
        if gated and not _DATED_GATE.isdisjoint(raw_tokens) and _DATED.search(lowered):
            total += phrases[2]
        if lowered[:1] in '"“':
            total += quote
        n_capitalised = len(_CAPITALISED.findall(text)) - (text[:1].isupper())
        total += capitalised[0 if n_capitalised < 0 else n_capitalised if n_capitalised < 4 else 4]
        return total

    def _learn_text_weights(self) -> _TextWeights:
        """The whole-text weights as (length by token count (0..40), numbers by count
        (0..3), [exhort, ranked, dated], quote, capitalised by count (0..4)): a tuple
        unpacked in one step, since `logit_of_tokens` reads it once per sentence."""
        get = self.weights.get
        self._text_weights.append(
            (
                [get(b, 0.0) for b in _LENGTH_BUCKETS],
                [get(b, 0.0) for b in _NUMBERS_BUCKETS],
                [get(bucket, 0.0) for _, _, bucket in _PHRASES],
                get(_QUOTE_OPEN, 0.0),
                [get(b, 0.0) for b in _CAPITALISED_BUCKETS],
            )
        )
        return self._text_weights[0]

    def probability(self, text: str) -> float:
        """Check-worthiness of `text` in [0, 1]."""
        return sigmoid(self.logit(text))

    def to_json(self) -> str:
        """Serialise compactly (weights rounded to 4 decimals) for the package data."""
        return json.dumps(self._payload(), separators=(",", ":"))

    def _payload(self) -> dict[str, object]:
        weights = {str(k): round(v, 4) for k, v in sorted(self.weights.items())}
        payload: dict[str, object] = {
            "hash_bits": HASH_BITS,
            "bias": round(self.bias, 6),
            "weights": weights,
        }
        if self.span is not None:
            payload["span"] = self.span._payload()
        return payload

    def to_bytes(self) -> bytes:
        """The package data form: a header (magic, hash bits, bias, weight count, span
        flag), then the buckets as little-endian uint32 and the weights as float64, in
        bucket order; then the span model the same way. Weights are rounded as in
        `to_json`, so both forms load to the same model, float for float."""
        weights = {k: round(v, 4) for k, v in sorted(self.weights.items())}
        keys, values = array("I", weights), array("d", weights.values())
        if sys.byteorder == "big":
            keys.byteswap()
            values.byteswap()
        has_span = self.span is not None
        header = _BINARY_HEADER.pack(
            _BINARY_MAGIC, HASH_BITS, round(self.bias, 6), len(keys), has_span
        )
        tail = self.span.to_bytes() if self.span is not None else b""
        return header + keys.tobytes() + values.tobytes() + tail

    @classmethod
    def from_bytes(cls, data: bytes) -> CheckworthinessModel:
        """Load what `to_bytes` wrote; refuses a model hashed with other settings and a
        file that is cut short or has bytes left over."""
        model, end = cls._from_bytes_at(memoryview(data), 0)
        if end != len(data):
            raise ValueError("checkworthiness model file has trailing bytes")
        return model

    @classmethod
    def _from_bytes_at(cls, data: memoryview, start: int) -> tuple[CheckworthinessModel, int]:
        try:
            magic, hash_bits, bias, count, has_span = _BINARY_HEADER.unpack_from(data, start)
        except struct.error:
            raise ValueError("checkworthiness model file is cut short") from None
        if magic != _BINARY_MAGIC:
            raise ValueError("not a checkworthiness model file")
        if hash_bits != HASH_BITS:
            raise ValueError("checkworthiness model was trained with different hashing")
        keys_at = start + _BINARY_HEADER.size
        values_at = keys_at + 4 * count
        end = values_at + 8 * count
        if end > len(data):
            raise ValueError("checkworthiness model file is cut short")
        keys, values = array("I"), array("d")
        keys.frombytes(data[keys_at:values_at])
        values.frombytes(data[values_at:end])
        if sys.byteorder == "big":
            keys.byteswap()
            values.byteswap()
        span = None
        if has_span:
            span, end = cls._from_bytes_at(data, end)
        return cls(weights=dict(zip(keys, values, strict=True)), bias=bias, span=span), end

    @classmethod
    def from_json(cls, data: str) -> CheckworthinessModel:
        """Load what `to_json` wrote; refuses a model hashed with other settings."""
        return cls._from_payload(json.loads(data))

    @classmethod
    def _from_payload(cls, payload: dict[str, Any]) -> CheckworthinessModel:
        if payload.get("hash_bits") != HASH_BITS:
            raise ValueError("checkworthiness model was trained with different hashing")
        weights = {int(k): float(v) for k, v in payload["weights"].items()}
        span = cls._from_payload(payload["span"]) if "span" in payload else None
        return cls(weights=weights, bias=float(payload["bias"]), span=span)


_BINARY_MAGIC = b"FCLM"
_BINARY_HEADER = struct.Struct("<4sIdI?")
"""magic, hash bits, bias, weight count, has a span model (little-endian, no padding)."""
MODEL_FILE = "checkworthiness.bin"


def sigmoid(x: float) -> float:
    """Logistic function, safe for large |x|."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@lru_cache(maxsize=1)
def default_model() -> CheckworthinessModel:
    """The packaged model; if it is missing (a broken install), a neutral one."""
    try:
        data = resources.files("factcheck.data").joinpath(MODEL_FILE).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return CheckworthinessModel(weights={}, bias=0.0)
    return CheckworthinessModel.from_bytes(data)
