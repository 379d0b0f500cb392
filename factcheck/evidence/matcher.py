"""Claim -> ranked evidence: query building for recall, then rerank with signals.

Every source (local references, published fact-checks, Wikipedia pages) hands this
module a few dozen candidate passages; `rank_candidates` scores them the same way so
scores compare across sources. Recall is the index's job (SQLite FTS5 for the local
library, MediaWiki search for Wikipedia); `fts_query` builds the FTS5 query with care:
only informative terms, quoted, stop words out, because an OR of every word of a
claim matches most of the corpus and is slow.

The rerank blends the index's own score with what a reviewer looks for: the claim's
words in the passage (rapidfuzz), its rare words above all (IDF from `TermStats`, the
collection's stem counts), the claim naming the passage's page (title match) and
agreement on names, numbers and years (`factcheck.evidence.signals`). Each suggestion
carries the aligned span (rapidfuzz `partial_ratio_alignment`) to highlight.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz, process

from factcheck.evidence.signals import (
    Details,
    compare_each,
    extract_details,
    forget_passages,
)
from factcheck.models import Evidence, SourceKind
from factcheck.text.lexicon import STOP_WORDS
from factcheck.text.vectors import default_vectors, vector_bytes
from factcheck.text.words import READER_WORD, TermStats, content_stems, words

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "Candidate",
    "ClaimFeatures",
    "Scored",
    "aligned_span",
    "as_evidence",
    "claim_features",
    "equivalent_phrases",
    "forget",
    "fts_query",
    "informative_terms",
    "merge_evidence",
    "rank_candidates",
    "score_candidates",
    "shown_score",
    "with_spans",
]


RECALL_DEPTH = 30
"""How many passages the index returns for reranking. 30, not 50: the rerank's cost is
per candidate (0.93x bm25s CPU for 30 against 1.33x for 50), and 5-fold cross-validation
over claims kept recall@5 level (held-out FM2 1.43x, Climate-FEVER 1.32x bm25s, against
1.44x / 1.33x at 50; 20 lost FM2: 1.39x). bench/RESULTS.md, session 23. With the impact
recall (session 25) 25 and 20 lose Climate-FEVER (held-out 1.295x / 1.275x against
1.313x at 30), and the depth chosen inside the folds would be 25: it stays 30."""
MAX_QUERY_TERMS = 24
"""Enough for a long claim's every informative word (recall on Climate-FEVER rises
up to ~24 terms); the cap only bounds the cost of pathological input."""

# Abbreviations and the words they stand for: a claim saying "CO2" should recall a
# passage saying "carbon dioxide" (or "CO 2", as Wikipedia text often has it), and the
# other way round. Upper-case forms match case-sensitively, so the pronoun "us" is not
# the United States. Kept to unambiguous equivalents: topical near-synonyms ("climate
# change" / "global warming") were measured and lowered recall.
_EQUIVALENTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), phrases)
    for pattern, phrases in (
        (r"\bCO ?2\b|\bCO₂|(?i:\bco2\b|\bcarbon dioxide\b)", ("carbon dioxide", "co2", "co 2")),
        (r"\bCH ?4\b|(?i:\bmethane\b)", ("methane", "ch4")),
        (r"\bIPCC\b|(?i:\bintergovernmental panel\b)", ("ipcc", "intergovernmental panel")),
        (r"\bGHGs?\b|(?i:\bgreenhouse gas)", ("greenhouse gas", "ghg")),
        (
            r"\bU\.S\.(?:A\.)?|\bUSA?\b|(?i:\bunited states\b)",
            ("united states", "us", "usa", "u s"),
        ),
        (r"\bU\.K\.|\bUK\b|(?i:\bunited kingdom\b)", ("united kingdom", "uk", "u k")),
        (r"\bU\.N\.|\bUN\b|(?i:\bunited nations\b)", ("united nations", "un", "u n")),
    )
)

# Rerank weights: the index's bm25 plus lexical closeness seen three ways, and what
# a reviewer looks for (page title named, phrases, details repeated). Round values
# from a coarse comparison on the tuning halves of FM2 and Climate-FEVER dev (the
# held-out halves check them: bench/RESULTS.md); nearby settings score
# within about 0.01, so they are not fitted to either set.
_WEIGHTS = {
    "recall": 1.0,  # the recall's bm25 (impact index or FTS5), normalised by the best hit
    "token_set": 0.2,  # rapidfuzz: the claim's words inside the passage
    "token_sort": 0.2,  # rapidfuzz: the same words in a passage of similar length
    "coverage": 0.2,  # share of the claim's content words (6-letter stems) present
    "title": 0.1,  # the claim or its context names the passage's page
    "phrase": 0.1,  # adjacent word pairs shared ("carbon dioxide", "sea level")
    "agreement": 0.1,  # years, numbers, ranks and names repeated (factcheck.evidence.signals)
    "rarest": 0.2,  # the passage has the claim's rarest word (IDF of the rarest stem shared)
    "saturated": 0.2,  # each shared stem counts log(1 + tf / expected tf): k1-like saturation
    "meaning": 0.75,  # cosine of static MiniLM vectors (factcheck.text.vectors): same topic and
    # sense, not just the same words; separates a passage that speaks to the claim from one
    # that only shares its vocabulary (Climate-FEVER, bench/RESULTS.md)
}
_TOTAL_WEIGHT = sum(_WEIGHTS.values())
_SMOOTHING = 50.0
"""Dirichlet-style prior mass (in stems) of the `saturated` feature: about a sentence."""


@dataclass(slots=True)
class Candidate:
    """A passage a source recalled for a claim, before reranking.

    Not frozen, though nothing changes one: every suggestion makes one per recalled
    passage, and a frozen dataclass costs 6x as much to make (`object.__setattr__` per
    field; bench/RESULTS.md, session 25)."""

    source: SourceKind
    title: str
    passage: str
    recall: float
    """The index's relevance (higher is better, any scale: normalised per claim)."""
    url: str | None = None
    reference_id: str | None = None
    revision_id: int | None = None
    fetched_at: str | None = None
    note: str | None = None
    """Extra text a source wants shown (e.g. "checked before: disputed on ...")."""
    vector: bytes | None = None
    """The passage's `embedding.vector_bytes` if the source stored it; else computed."""
    stems: tuple[str, ...] | None = None
    """`content_stems(passage)` if the source kept them (the library's impact index
    does); else the rerank stems the passage itself."""


def informative_terms(text: str, *, limit: int = MAX_QUERY_TERMS) -> list[str]:
    """The claim's words worth searching for: no stop words, no one-letter words,
    names and numbers first (they carry the claim), then longer (rarer) words."""
    entity_words = {w for name in _details(text).entities for w in words(name)}
    terms = []
    for word in words(text):
        word = word.replace("’", "'").removesuffix("'s")
        if word in STOP_WORDS or (len(word) < 2 and not word.isdigit()) or word in terms:
            continue
        terms.append(word)
    terms.sort(key=lambda w: (w not in entity_words and not w[0].isdigit(), -len(w)))
    return terms[:limit]


def equivalent_phrases(text: str) -> list[str]:
    """Phrases meaning what an abbreviation in `text` means, or the abbreviation of
    a phrase in it ("CO2" -> "carbon dioxide", "co 2"; "greenhouse gas" -> "ghg")."""
    found: list[str] = []
    for pattern, phrases in _EQUIVALENTS:
        if pattern.search(text):
            found.extend(phrase for phrase in phrases if phrase not in found)
    return found


def fts_query(text: str, *, limit: int | None = None) -> str | None:
    """An FTS5 MATCH expression: the informative terms and `equivalent_phrases`,
    each quoted, OR-ed.

    Quoting makes every term a literal (no FTS5 syntax injection from "NOT", "-", ":"
    or quotes in a claim). None when the claim has no informative term at all.
    """
    terms = informative_terms(text, limit=limit or MAX_QUERY_TERMS)
    if not terms:
        return None
    terms += [phrase for phrase in equivalent_phrases(text) if phrase not in terms]
    return " OR ".join('"' + term.replace('"', "") + '"' for term in terms)


def rank_candidates(
    claim: str,
    candidates: Iterable[Candidate],
    *,
    context: str = "",
    limit: int = 5,
    score_cutoff: float | None = None,
    stats: TermStats | None = None,
    spans: bool = True,
) -> list[Evidence]:
    """Rerank candidates for `claim` and return the best `limit` as `Evidence`.

    `context` (the claim's sentence, the document title) helps match page titles: a
    claim about "the economy" in an article about South Korea matches a page titled
    "Economy of South Korea". `stats` says how common the claim's stems are in the
    whole collection; without it they are counted over the candidates. `spans=False`
    leaves each `Evidence.span` None, for a caller that reorders the results and aligns
    only the few it keeps (`with_spans`): alignment costs the most of any step a result.
    """
    results = []
    for item in score_candidates(claim, candidates, context=context, stats=stats):
        if score_cutoff is not None and item.score < score_cutoff:
            break
        results.append(as_evidence(claim, item, spans=spans))
        if len(results) >= limit:
            break
    return results


class Scored(NamedTuple):
    """A candidate with its rerank score (`score_candidates`), before it is `Evidence`."""

    score: float
    """The weighted mean of the features; `Evidence.score` is it rounded (`shown_score`)."""
    candidate: Candidate
    agreements: tuple[str, ...]
    contradictions: tuple[str, ...]


def shown_score(score: float) -> float:
    """A rerank score as `Evidence.score` carries it: at most 1, 4 decimals."""
    return round(min(score, 1.0), 4)


def as_evidence(
    claim: str, item: Scored, *, spans: bool = True, score: float | None = None
) -> Evidence:
    """`item` as `Evidence` (its `shown_score`, or `score` when a later rerank set one),
    with its `aligned_span` for `claim` when `spans`."""
    candidate = item.candidate
    return Evidence(
        source=candidate.source,
        title=candidate.title,
        passage=candidate.passage,
        score=shown_score(item.score) if score is None else score,
        url=candidate.url,
        span=aligned_span(claim, candidate.passage) if spans else None,
        agreements=item.agreements,
        contradictions=item.contradictions,
        reference_id=candidate.reference_id,
        revision_id=candidate.revision_id,
        fetched_at=candidate.fetched_at,
    )


def score_candidates(
    claim: str,
    candidates: Iterable[Candidate],
    *,
    context: str = "",
    stats: TermStats | None = None,
) -> list[Scored]:
    """Every candidate with its rerank score, best first (ties keep the candidates'
    order): `rank_candidates` without making `Evidence` of them, for a caller that
    reorders them and keeps a few (`sources.local`: a frozen `Evidence` costs more to
    build than most of a candidate's features)."""
    import numpy as np  # here, not at import: commands that rank nothing never load it

    candidates = list(candidates)
    if not candidates:
        return []
    prepared = claim_features(claim)
    details = prepared.details
    claim_pairs = prepared.pairs
    # (free text has no context: nothing to parse for it)
    context_terms = prepared.terms | set(_informative(context, 50)) if context else prepared.terms
    recalls = [c.recall for c in candidates]
    best_recall = max(recalls) or 1.0
    claim_lower = prepared.lowered
    claim_stems = prepared.stem_set
    if stats is None:
        stats = TermStats.of_texts(f"{c.title} {c.passage}" for c in candidates)
    idf = {stem: stats.idf(stem) for stem in claim_stems}
    rarest = max(idf.values(), default=0.0) or 1.0
    # The claim's stems rarest first: a candidate's rarest shared stem is the first of
    # them it shares (the same value as the max of their IDF)
    by_rarity = sorted(idf, key=idf.__getitem__, reverse=True)
    meanings = _meanings(prepared.vector, candidates)
    # What the rerank reads of each passage: the stems the source kept (the library's
    # index keeps them) or its own, and the text lower-cased for rapidfuzz and `compare`
    passage_stems_each = [
        candidate.stems if candidate.stems is not None else _passage_stems(candidate.passage)
        for candidate in candidates
    ]
    lowered = [candidate.passage.lower() for candidate in candidates]
    token_set, token_sort = (
        _fuzzy(scorer, claim_lower, lowered)
        for scorer in (fuzz.token_set_ratio, fuzz.token_sort_ratio)
    )
    signals = compare_each(details, [c.passage for c in candidates], lowered)
    claim_count = len(claim_stems) or 1
    collection_stems = stats.stems
    zeros = np.zeros(len(candidates))
    # Each shared stem's saturation term divides by `_SMOOTHING * stem_freq[stem]`:
    # computed once a claim (the same floats), and stems the collection lacks left out
    smoothed = {
        stem: _SMOOTHING * count for stem in claim_stems if (count := stats.stem_freq.get(stem))
    }
    detail_count = prepared.detail_count
    # Per distinct title (a page's passages share it): its stems, the claim's stems it
    # has, and how far it names what the claim's context does
    titles: dict[str, tuple[tuple[str, ...], frozenset[str], float]] = {}
    log1p = math.log1p
    pairwise = itertools.pairwise
    # The weights as locals (the loop reads ten a candidate)
    w_recall, w_token_set, w_token_sort, w_coverage, w_title = (
        _WEIGHTS[name] for name in ("recall", "token_set", "token_sort", "coverage", "title")
    )
    w_phrase, w_agreement, w_rarest, w_meaning = (
        _WEIGHTS[name] for name in ("phrase", "agreement", "rarest", "meaning")
    )
    pair_count = len(claim_pairs)
    doubled = {first for first, second in claim_pairs if first == second}
    # Per candidate, what the features are made of: counted here, weighed below
    covered: list[int] = []
    title_scores: list[float] = []
    phrases: list[int] = []
    rarest_shared: list[float] = []
    saturation: list[float] = []
    for n, candidate in enumerate(candidates):
        passage_stems = passage_stems_each[n]
        in_passage = claim_stems.intersection(passage_stems)
        title = candidate.title
        found = titles.get(title)
        if found is None:
            stems_of_title = _title_stems(title)
            found = titles[title] = (
                stems_of_title,
                claim_stems.intersection(stems_of_title),
                _title_match(title, context_terms),
            )
        title_stems, in_title, title_score = found
        shared = in_passage | in_title
        saturation.append(
            sum(
                [
                    log1p(
                        (passage_stems.count(stem) + title_stems.count(stem))
                        * collection_stems
                        / smoothed[stem]
                    )
                    for stem in shared
                    if stem in smoothed
                ]
            )
        )
        covered.append(len(in_passage))
        title_scores.append(title_score)
        # the claim's word pairs the passage has: phrases, not just words
        # (a pair is shared only when both its stems are: most candidates share one)
        phrases.append(
            len(claim_pairs.intersection(pairwise(passage_stems)))
            if pair_count and (len(in_passage) > 1 or not in_passage.isdisjoint(doubled))
            else 0
        )
        for stem in by_rarity:
            if stem in shared:
                rarest_shared.append(idf[stem])
                break
        else:
            rarest_shared.append(0.0)
    # The features in `_WEIGHTS` order, added left to right for all candidates at once
    # (numpy's float64 operations, one at a time, are Python's: the same floats as the
    # candidate-by-candidate sum, so the same order of near-ties;
    # tests/unit/test_batched_rerank.py checks it against that sum)
    score = w_recall * (np.maximum(recalls, 0.0) / best_recall)
    score = score + w_token_set * (token_set / 100)
    score = score + w_token_sort * (token_sort / 100)
    score = score + w_coverage * (np.array(covered) / claim_count)
    score = score + w_title * np.array(title_scores)
    score = score + w_phrase * (np.array(phrases) / pair_count if pair_count else zeros)
    agreed = np.array([len(agreements) for agreements, _ in signals])
    score = score + w_agreement * (
        np.minimum(agreed / detail_count, 1.0) if detail_count else zeros
    )
    score = score + w_rarest * (np.array(rarest_shared) / rarest)
    score = score + w_meaning * meanings
    # `saturated` is relative to the claim's other candidates (min-max), like `recall`.
    low, high = min(saturation), max(saturation)
    spread = (high - low) or 1.0
    final = (score + _WEIGHTS["saturated"] * (np.array(saturation) - low) / spread) / _TOTAL_WEIGHT
    values = final.tolist()
    # Best first, ties in the candidates' order (a stable sort, as `list.sort` was)
    return [
        Scored(values[i], candidates[i], *signals[i])
        for i in np.argsort(-final, kind="stable").tolist()
    ]


def with_spans(claim: str, items: Iterable[Evidence]) -> list[Evidence]:
    """`items`, each with its `aligned_span` for `claim` (after `spans=False`)."""
    return [dataclasses.replace(item, span=aligned_span(claim, item.passage)) for item in items]


def _fuzzy(scorer: Callable[..., float], claim: str, passages: list[str]) -> np.ndarray:
    """`scorer(claim, passage)` for each passage, in one rapidfuzz call (`cdist`: the
    claim is prepared once; the same values as one call a passage, ~25% faster)."""
    import numpy as np

    scores: np.ndarray = process.cdist(
        [claim], passages, scorer=scorer, dtype=np.float64, workers=1
    )[0]
    return scores


def _meanings(
    claim_vector: Sequence[float] | np.ndarray | None, candidates: Sequence[Candidate]
) -> np.ndarray:
    """Cosine of the claim's and each passage's static vectors (0 when either has none),
    as `vectors.cosine` gives it, for all candidates in one matrix product (the loop
    over 384 lanes a candidate in Python cost more than the rest of its features).
    `claim_vector` as `ClaimFeatures.vector` holds it (float64) or as a list."""
    import numpy as np

    result = np.zeros(len(candidates))
    if claim_vector is None:
        return result
    width = len(claim_vector)
    stored = [c.vector or vector_bytes(c.passage) or b"" for c in candidates]
    good = [i for i, blob in enumerate(stored) if len(blob) == width]
    if good:
        rows = np.frombuffer(b"".join(stored[i] for i in good), dtype=np.int8)
        matrix = rows.reshape(len(good), width).astype(np.float64)
        norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
        dots = matrix @ np.asarray(claim_vector, dtype=np.float64)
        # dot / norm where the norm is not 0 (float64 division: Python's)
        if len(good) == len(stored):  # (as a rule: every library passage has a vector)
            np.divide(dots, norms, out=result, where=norms != 0)
            return result
        result[good] = np.divide(dots, norms, out=np.zeros(len(good)), where=norms != 0)
    return result


def aligned_span(claim: str, passage: str) -> tuple[int, int] | None:
    """Offsets of the part of `passage` that best matches `claim`, for highlighting.

    rapidfuzz aligns characters, so its window can start or end inside a word ("as the
    fourth-largest" out of "has the fourth-largest"); a reviewer reads words, so the
    span is made of whole words and starts and ends on words the claim has
    (`_claim_words_span`). None when the passage has none of the claim's words.
    """
    if not claim.strip() or not passage.strip():
        return None
    alignment = fuzz.partial_ratio_alignment(claim.lower(), passage.lower())
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return None
    # `dest` is the passage whichever string is longer (rapidfuzz swaps them back):
    # the claim's own offsets (`src`) applied to the passage cut it mid-word.
    return _claim_words_span(claim, passage, alignment.dest_start, alignment.dest_end)


def _claim_words_span(claim: str, passage: str, start: int, end: int) -> tuple[int, int] | None:
    """`passage[start:end]` widened to whole words, then trimmed at both ends to the
    first and last word sharing a content stem with the claim (the words in between stay,
    so the highlight reads as a phrase: "fourth-largest economy", not "the fourth-").

    When the characters rapidfuzz aligned hold none of the claim's words, the stretch of
    passage as many words long as the claim with the most of them is taken instead."""
    claim_stems = _span_stems(claim)
    # The passage's words are read only around the aligned characters: the words after
    # them cannot be in the span (most passages end well after it), nor those ending
    # before them. A space is never inside a word, so the words found from just after
    # the last space before `start` up to the first space from `end` on are the words a
    # read of the whole passage finds there (whole: none crosses a space); those
    # ending by `start` or starting from `end` are left out. Only the first and the
    # last word sharing a stem with the claim are needed, so they are looked for from
    # either end.
    stop = passage.find(" ", end)
    around = [
        match.span()
        for match in READER_WORD.finditer(
            passage, passage.rfind(" ", 0, start) + 1, len(passage) if stop < 0 else stop
        )
    ]
    for first, last in around:
        if first >= end:
            break
        if last > start and _shares_a_stem(passage[first:last], claim_stems):
            for back_first, back_last in reversed(around):
                if back_first < end and _shares_a_stem(passage[back_first:back_last], claim_stems):
                    return (first, back_last)
    tokens, spans = _reader_tokens(passage)
    if not tokens:
        return None
    shared = [not _token_stems(token).isdisjoint(claim_stems) for token in tokens]
    width = max(1, len(words(claim)))
    counts = [sum(shared[i : i + width]) for i in range(len(tokens))]
    best = max(range(len(tokens)), key=counts.__getitem__)
    if counts[best] == 0:
        return None
    hits = [i for i in range(best, min(best + width, len(tokens))) if shared[i]]
    return (spans[hits[0]][0], spans[hits[-1]][1])


def _shares_a_stem(token: str, claim_stems: frozenset[str]) -> bool:
    """Whether a `READER_WORD` token has a content stem of the claim's (`_span_stems`)."""
    return not _token_stems(token).isdisjoint(claim_stems)


@lru_cache(maxsize=256)
def _reader_tokens(passage: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """The passage's `READER_WORD` tokens and their offsets, for a span the aligned
    characters do not give (`_claim_words_span`'s fallback); cached."""
    found = list(READER_WORD.finditer(passage))
    return tuple(m.group() for m in found), tuple(m.span() for m in found)


@lru_cache(maxsize=1024)
def _span_stems(text: str) -> frozenset[str]:
    """Content stems for span edges: "Korea’s" and "Korea" alike, stop words out;
    cached: a claim's span is asked for each of its passages."""
    return frozenset(stem for token in READER_WORD.findall(text) for stem in _token_stems(token))


@lru_cache(maxsize=65536)
def _token_stems(token: str) -> frozenset[str]:
    """The stems of one `READER_WORD` token ("fourth-largest" -> fourth, larges);
    cached: passages repeat their words."""
    stems = set()
    for word in words(token):
        word = word.replace("’", "'").removesuffix("'s")
        if word and word not in STOP_WORDS:
            stems.add(word[:6])
    return frozenset(stems)


def merge_evidence(groups: Sequence[Sequence[Evidence]], *, limit: int) -> list[Evidence]:
    """Several sources' suggestions as one list, best first, same passage once."""
    seen: set[tuple[str, str]] = set()
    merged = []
    for item in sorted((e for group in groups for e in group), key=lambda e: -e.score):
        key = (item.title, item.passage)
        if key not in seen:
            seen.add(key)
            merged.append(item)
    return merged[:limit]


def _title_match(title: str, terms: Container[str]) -> float:
    """Share of the title's informative words that the claim or its context uses."""
    title_terms = _title_words(title)
    if not title_terms:
        return 0.0
    return sum(w in terms for w in title_terms) / len(title_terms)


def _detail_count(details: Details) -> int:
    """How many checkable details a claim has."""
    return (
        len(details.years)
        + len(details.quantities)
        + len(details.ordinals)
        + len(details.superlatives)
        + len(details.entities)
    )


@lru_cache(maxsize=4096)
def _title_words(title: str) -> tuple[str, ...]:
    """A title's informative words, "(disambiguation)" parts left out; cached."""
    return tuple(w for w in words(re.sub(r"\(.*?\)", " ", title)) if w not in STOP_WORDS)


@lru_cache(maxsize=4096)
def _title_stems(title: str) -> tuple[str, ...]:
    """`content_stems` of a page title: many passages share a title, so they are cached."""
    return tuple(content_stems(title))


def forget() -> None:
    """Empty the rerank's memos of passages, claims and titles, so that the next
    suggestion computes everything (bench/bench_rerank_speed.py times passages never
    seen before that way). The rankings are the same either way."""
    for memo in (
        _passage_stems,
        _details,
        _informative,
        _title_stems,
        _reader_tokens,
        claim_features,
    ):
        memo.cache_clear()
    forget_passages()


PASSAGE_CACHE = 2048
"""Passages whose stems a process remembers when their source kept none (`_passage_stems`;
the library's passages come with theirs): about 70 claims' candidates; `compare`'s memo
of passage details is as long (`signals.PASSAGE_MEMO`)."""


@lru_cache(maxsize=PASSAGE_CACHE)
def _passage_stems(passage: str) -> tuple[str, ...]:
    """`content_stems(passage)` for a candidate whose source kept none (Wikipedia pages,
    FTS5 recall), remembered: a desk asks about related claims whose candidates overlap,
    and the review screen asks again about a claim it showed. (The library's impact
    index hands its passages' stems over: tests/unit/test_impact_recall.py checks they
    are these.)"""
    return tuple(content_stems(passage))


class ClaimFeatures(NamedTuple):
    """What the recall and the rerank read of a claim whatever its passages: computed
    once per claim text and remembered (`claim_features`), so that a claim
    `LocalReferences.prepare` saw ahead (the review screen prepares the next claims
    while the reviewer reads one) is not stemmed, parsed and embedded again inside its
    suggestion. (Read-only: shared by every suggestion for the claim.)"""

    details: Details
    """`extract_details(claim)`."""
    detail_count: int
    """How many checkable details the claim has (`_detail_count`)."""
    stems: tuple[str, ...]
    """`content_stems(claim)`, in order: the rerank's stems, the term statistics' query."""
    stem_set: frozenset[str]
    """The same, as a set (built from them as `set(stems)` would be)."""
    pairs: frozenset[tuple[str, str]]
    """Adjacent content words ("carbon dioxide", "sea level"), stop words skipped."""
    lowered: str
    """The claim lower-cased, as the rapidfuzz features compare it."""
    terms: frozenset[str]
    """`informative_terms(claim, limit=50)`: what names a passage's page."""
    vector: np.ndarray | None
    """The claim's static vector (`vectors.default_vectors().vector`), as float64
    (read-only), as the rerank's matrix product takes it."""
    recall_stems: tuple[str, ...]
    """The stems the library's impact index recalls by: the claim's and those of its
    `equivalent_phrases`, in order (`sources.local.recall_stems`)."""


CLAIM_MEMO = 256
"""Claims whose `ClaimFeatures` a process remembers: as many as the sentence encoder's
claim vectors (`sentence_encoder.CLAIM_CACHE`), a few KB each."""


@lru_cache(maxsize=CLAIM_MEMO)
def claim_features(claim: str) -> ClaimFeatures:
    """`claim`'s `ClaimFeatures`, remembered for the last `CLAIM_MEMO` claims."""
    details = _details(claim)
    stems = tuple(content_stems(claim))
    return ClaimFeatures(
        details=details,
        detail_count=_detail_count(details),
        stems=stems,
        stem_set=frozenset(stems),
        pairs=frozenset(itertools.pairwise(stems)),
        lowered=claim.lower(),
        terms=frozenset(_informative(claim, 50)),
        vector=_float64(default_vectors().vector(claim)),
        recall_stems=tuple(content_stems(" ".join([claim, *equivalent_phrases(claim)]))),
    )


def _float64(vector: list[float] | None) -> np.ndarray | None:
    """`vector` as a read-only float64 array (shared by every suggestion for a claim)."""
    import numpy as np

    if vector is None:
        return None
    array = np.asarray(vector, dtype=np.float64)
    array.flags.writeable = False
    return array


@lru_cache(maxsize=256)
def _details(text: str) -> Details:
    """`extract_details(text)`, remembered for the last claims and contexts: the rerank
    and `informative_terms` both read a claim's details (read-only: shared)."""
    return extract_details(text)


@lru_cache(maxsize=256)
def _informative(text: str, limit: int) -> tuple[str, ...]:
    """`informative_terms` remembered: a document's claims share its context."""
    return tuple(informative_terms(text, limit=limit))
