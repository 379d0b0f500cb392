"""Check-worthiness: features and a linear model scored in plain Python.

`factcheck.splitter` asks this module how check-worthy a sentence (and each claim span
inside it) is. The model is a logistic regression over hashed word unigrams and bigrams
plus "shape" features a fact-checker looks for: numbers, years, percentages, money,
ordinals, superlatives, comparatives, named-entity shape, attribution verbs, and the
marks of opinion and exhortation. It is trained offline by `bench/train_checkworthiness.py`
(ClaimBuster + CLEF 2019) and shipped as `factcheck/data/checkworthiness.json`, a sparse
table of bucket -> weight, so the runtime needs no numpy and downloads nothing.

The feature function here is the single definition used by both training and
inference; changing it means retraining. Pure; the only I/O is reading the packaged
model file once.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "CheckworthinessModel",
    "default_model",
    "feature_buckets",
    "shape_flags",
]


def _words(spaced: str) -> frozenset[str]:
    """A word list written as one string, to keep long lexicons readable."""
    return frozenset(spaced.split())


HASH_BITS = 20
_MASK = (1 << HASH_BITS) - 1
_BIGRAM_MIX = 1_000_003
TRIGRAMS = True
SUFFIXES = True

_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d[\d,.]*\d|\d|[$%?]")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z]+")
_YEAR = re.compile(r"(?:1[6-9]|20)\d\d(?:s)?")
# Clause-level shapes that single words miss. Exhortation and stated intent are what
# ClaimBuster calls non-factual; ranked and dated noun phrases are what fact-checkers
# look up. Each regex runs once per text, so keep the list short.
_PHRASE_SHAPES = (
    (
        "exhort_clause",
        re.compile(
            r"\b(?:it is|it's|it’s) (?:necessary|important|essential|vital|time|imperative)"
            r"|\b(?:we|you|they|both|countries|sides|nations|all) (?:must|should|need to|"
            r"ought to|have to)\b|\blet(?:'s|’s| us)\b|\b(?:firmly|jointly) \w+",
            re.IGNORECASE,
        ),
    ),
    (
        "ranked_phrase",
        re.compile(
            r"['’]s (?:\w+-)?(?:most \w+|\w+est|largest|biggest|top|first|second|third)\b"
            r"|\b(?:second|third|fourth|fifth|sixth)-\w+est\b",
            re.IGNORECASE,
        ),
    ),
    (
        "dated_phrase",
        re.compile(
            r"\b(?:last|next|past) (?:week|month|year|decade)|\b(?:in|since|by) (?:1[89]|20)\d\d"
            r"|\b(?:first|last) \w+(?: \w+)? since\b",
            re.IGNORECASE,
        ),
    ),
    ("quote_open", re.compile(r"^\s*[\"“]")),
)

_ORDINALS = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "twentieth hundredth thousandth millionth 1st 2nd 3rd"
)
_SUPERLATIVES = _words(
    "most least best worst biggest largest smallest highest lowest greatest fastest "
    "slowest longest shortest oldest youngest richest poorest deadliest strongest weakest "
    "top record"
)
_NOT_SUPERLATIVE = _words(
    "interest honest rest test best-known west guest forest protest arrest request "
    "contest suggest invest digest chest nest pest quest modest harvest manifest"
)
_NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen half quarter twice double triple percent"
)
_MONEY = _words("$ dollar dollars million billion trillion budget deficit debt tax")
_ATTRIBUTION = _words(
    "said says say told tells claimed claims claim stated states announced announces "
    "urged urges insisted insists argued argues warned warns reported reports according "
    "added noted called calls assured assures admitted denied denies promised promises "
    "testified wrote"
)
_OPINION = _words("think believe feel hope wish want guess suppose opinion agree disagree")
_EXHORTATION = _words(
    "should must necessary need needs ought let's lets let important essential respect urge"
)
_COMPARATIVE = _words(
    "more less fewer than higher lower larger smaller bigger greater increased decreased "
    "doubled tripled rose fell grew dropped cut raised"
)
_CAUSAL = _words("because caused causes cause due led result resulted thanks")
_PREDICTION = _words("will going forecast expected predict predicts projected")
_TEMPORAL = _words(
    "since ago last ago yesterday today year years decade decades century january "
    "february march april may june july august september october november december"
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


def shape_flags(text: str) -> set[str]:
    """The named shape features of `text` ("digit", "superlative", "attribution", ...).

    Used by the model and, separately, by the splitter to pick a claim's kind.
    """
    flags: set[str] = set()
    for raw in _TOKEN.findall(text.lower()):
        if raw[0].isdigit():
            flags.add("digit")
            flags.add("year" if _YEAR.fullmatch(raw) else "number")
            continue
        shapes = _TOKEN_SHAPES.get(raw)
        if shapes:
            flags.update(shapes)
        elif raw.endswith("est") and len(raw) > 5 and raw not in _NOT_SUPERLATIVE:
            flags.add("superlative")
    return flags


def feature_buckets(text: str) -> set[int]:
    """Hashed binary features of `text`: words, word pairs and shape features.

    Returns the set of active buckets (all features are binary), the representation
    both the trainer and `CheckworthinessModel.logit` consume.
    """
    raw_tokens = _TOKEN.findall(text.lower())
    buckets: set[int] = set()
    previous = before = _START
    n_numbers = 0
    for raw in raw_tokens:
        token = _token_of(raw)
        bucket = _bucket(token)
        buckets.add(bucket)
        pair = ((previous * _BIGRAM_MIX) ^ bucket) & _MASK
        buckets.add(pair)
        if TRIGRAMS:
            buckets.add(((before * _BIGRAM_MIX) ^ pair ^ 0x5BD1E) & _MASK)
        before, previous = previous, bucket
        if SUFFIXES:
            suffix = _suffix_bucket(token)
            if suffix >= 0:
                buckets.add(suffix)
        if token[0] == "<":
            n_numbers += 1
            buckets.add(_shape_bucket("digit"))
            buckets.add(_shape_bucket(token))
            continue
        shapes = _TOKEN_SHAPES.get(token)
        if shapes:
            for shape in shapes:
                buckets.add(_shape_bucket(shape))
        elif token.endswith("est") and len(token) > 5 and token not in _NOT_SUPERLATIVE:
            buckets.add(_shape_bucket("superlative"))
    n_tokens = len(raw_tokens)
    length = "len<5" if n_tokens < 5 else "len<10" if n_tokens < 10 else "len<20"
    if n_tokens >= 20:
        length = "len<40" if n_tokens < 40 else "len40+"
    buckets.add(_shape_bucket(length))
    buckets.add(_shape_bucket(f"numbers:{min(n_numbers, 3)}"))
    for name, pattern in _PHRASE_SHAPES:
        if pattern.search(text):
            buckets.add(_shape_bucket(name))
    n_capitalised = len(_CAPITALISED.findall(text))
    buckets.add(_shape_bucket(f"capitalised:{min(n_capitalised, 4)}"))
    return buckets


@dataclass(frozen=True, slots=True)
class CheckworthinessModel:
    """A sparse linear model: `sigmoid(bias + sum(weights[b] for active buckets b))`.

    The trainer folds threshold calibration into `bias`, so 0.5 is the operating point.
    """

    weights: dict[int, float]
    bias: float

    def logit(self, text: str) -> float:
        """Raw score of `text`; higher means more check-worthy."""
        get = self.weights.get
        return self.bias + sum(get(bucket, 0.0) for bucket in feature_buckets(text))

    def probability(self, text: str) -> float:
        """Check-worthiness of `text` in [0, 1]."""
        return sigmoid(self.logit(text))

    def to_json(self) -> str:
        """Serialise compactly (weights rounded to 4 decimals) for the package data."""
        weights = {str(k): round(v, 4) for k, v in sorted(self.weights.items())}
        payload = {"hash_bits": HASH_BITS, "bias": round(self.bias, 6), "weights": weights}
        return json.dumps(payload, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: str) -> CheckworthinessModel:
        """Load what `to_json` wrote; refuses a model hashed with other settings."""
        payload = json.loads(data)
        if payload.get("hash_bits") != HASH_BITS:
            raise ValueError("checkworthiness model was trained with different hashing")
        weights = {int(k): float(v) for k, v in payload["weights"].items()}
        return cls(weights=weights, bias=float(payload["bias"]))


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
        data = resources.files("factcheck.data").joinpath("checkworthiness.json").read_text()
    except (FileNotFoundError, ModuleNotFoundError):
        return CheckworthinessModel(weights={}, bias=0.0)
    return CheckworthinessModel.from_json(data)
