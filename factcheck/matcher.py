"""Claim -> ranked evidence: query building for recall, then rerank with signals.

Every source (local references, published fact-checks, Wikipedia pages) hands this
module a few dozen candidate passages; `rank_candidates` scores them the same way so
scores compare across sources. Recall is the index's job (SQLite FTS5 for the local
library, MediaWiki search for Wikipedia); `fts_query` builds the FTS5 query with care:
only informative terms, quoted, stop words out, because an OR of every word of a
claim matches most of the corpus and is slow.

The rerank blends the index's own score with what a reviewer looks for: the claim's
words in the passage (rapidfuzz), the claim naming the passage's page (title match)
and agreement on names, numbers and years (`factcheck.signals`). Each suggestion
carries the aligned span (rapidfuzz `partial_ratio_alignment`) to highlight.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.models import Evidence, SourceKind
from factcheck.signals import Details, compare, extract_details

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be
    because been before being below between both but by can can't cannot could couldn't
    did didn't do does doesn't doing don't down during each few for from further had
    hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
    him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
    let's me more most mustn't my myself no nor not of off on once only or other ought
    our ours ourselves out over own same shan't she she'd she'll she's should shouldn't
    so some such than that that's the their theirs them themselves then there there's
    these they they'd they'll they're they've this those through to too under until up
    very was wasn't we we'd we'll we're we've were weren't what what's when when's where
    where's which while who who's whom why why's will with won't would wouldn't you you'd
    you'll you're you've your yours yourself yourselves said says say just like many
    much one ever also been will would may might must shall s t""".split()
)
_WORD = re.compile(r"\w+(?:['’]\w+)?")

RECALL_DEPTH = 50
"""How many passages the index returns for reranking: enough to lift a gold passage
from rank 30 into the top 5, few enough to rerank in about a millisecond."""
MAX_QUERY_TERMS = 24
"""Enough for a long claim's every informative word (recall on Climate-FEVER rises
up to ~24 terms); the cap only bounds the cost of pathological input."""

# Rerank weights. Chosen on FM2 dev and checked on Climate-FEVER dev (bench/); kept to
# round values so they do not overfit either set.
_W_RECALL = 0.6
_W_FUZZ = 0.2
_W_TITLE = 0.1
_W_AGREE = 0.1
_W_ARTICLE = 0.0
_W_PHRASE = 0.0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A passage a source recalled for a claim, before reranking."""

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


def words(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophes kept inside words: "asia's")."""
    return [w.lower() for w in _WORD.findall(text)]


def informative_terms(text: str, *, limit: int = MAX_QUERY_TERMS) -> list[str]:
    """The claim's words worth searching for: no stop words, no one-letter words,
    names and numbers first (they carry the claim), then longer (rarer) words."""
    entity_words = {w for name in extract_details(text).entities for w in words(name)}
    terms = []
    for word in words(text):
        word = word.replace("’", "'").removesuffix("'s")
        if word in STOP_WORDS or (len(word) < 2 and not word.isdigit()) or word in terms:
            continue
        terms.append(word)
    terms.sort(key=lambda w: (w not in entity_words and not w[0].isdigit(), -len(w)))
    return terms[:limit]


def fts_query(text: str, *, limit: int | None = None) -> str | None:
    """An FTS5 MATCH expression: the informative terms, each quoted, OR-ed.

    Quoting makes every term a literal (no FTS5 syntax injection from "NOT", "-", ":"
    or quotes in a claim). None when the claim has no informative term at all.
    """
    terms = informative_terms(text, limit=limit or MAX_QUERY_TERMS)
    if not terms:
        return None
    return " OR ".join('"' + term.replace('"', "") + '"' for term in terms)


def rank_candidates(
    claim: str,
    candidates: Iterable[Candidate],
    *,
    context: str = "",
    limit: int = 5,
    score_cutoff: float | None = None,
) -> list[Evidence]:
    """Rerank candidates for `claim` and return the best `limit` as `Evidence`.

    `context` (the claim's sentence, the document title) helps match page titles: a
    claim about "the economy" in an article about South Korea matches a page titled
    "Economy of South Korea".
    """
    candidates = list(candidates)
    if not candidates:
        return []
    details = extract_details(claim)
    claim_terms = set(informative_terms(claim, limit=50))
    claim_pairs = _word_pairs(claim)
    context_terms = claim_terms | set(informative_terms(context, limit=50))
    best_recall = max(c.recall for c in candidates) or 1.0
    # Document-level evidence: a page many of whose passages were recalled is about
    # the claim's topic, so each of its passages deserves a lift (as FEVER pipelines
    # retrieve documents before sentences).
    support: dict[str, float] = {}
    for candidate in candidates:
        support[candidate.title] = support.get(candidate.title, 0.0) + max(candidate.recall, 0.0)
    best_support = max(support.values()) or 1.0
    scored = []
    for candidate in candidates:
        agreements, contradictions = compare(details, candidate.passage)
        score = (
            _W_RECALL * max(candidate.recall, 0.0) / best_recall
            + _W_FUZZ * fuzz.token_set_ratio(claim, candidate.passage, processor=str.lower) / 100
            + _W_TITLE * _title_match(candidate.title, context_terms)
            + _W_AGREE * _agreement(details, agreements)
            + _W_ARTICLE * support[candidate.title] / best_support
            + _W_PHRASE * _phrase_match(claim_pairs, candidate.passage)
        )
        scored.append((score, candidate, agreements, contradictions))
    scored.sort(key=lambda item: -item[0])
    results = []
    for score, candidate, agreements, contradictions in scored:
        if score_cutoff is not None and score < score_cutoff:
            break
        results.append(
            Evidence(
                source=candidate.source,
                title=candidate.title,
                passage=candidate.passage,
                score=round(min(score, 1.0), 4),
                url=candidate.url,
                span=aligned_span(claim, candidate.passage),
                agreements=agreements,
                contradictions=contradictions,
                reference_id=candidate.reference_id,
                revision_id=candidate.revision_id,
                fetched_at=candidate.fetched_at,
            )
        )
        if len(results) >= limit:
            break
    return results


def aligned_span(claim: str, passage: str) -> tuple[int, int] | None:
    """Offsets of the part of `passage` that best matches `claim`, for highlighting."""
    if not claim.strip() or not passage.strip():
        return None
    alignment = fuzz.partial_ratio_alignment(claim.lower(), passage.lower())
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return None
    if len(claim) > len(passage):  # rapidfuzz aligns the shorter string inside the longer
        return (alignment.src_start, alignment.src_end)
    return (alignment.dest_start, alignment.dest_end)


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


def _title_match(title: str, terms: set[str]) -> float:
    """Share of the title's informative words that the claim or its context uses."""
    title_terms = [w for w in words(re.sub(r"\(.*?\)", " ", title)) if w not in STOP_WORDS]
    if not title_terms:
        return 0.0
    return sum(w in terms for w in title_terms) / len(title_terms)


def _agreement(details: Details, agreements: tuple[str, ...]) -> float:
    """Share of the claim's checkable details the passage repeats."""
    total = (
        len(details.years)
        + len(details.quantities)
        + len(details.ordinals)
        + len(details.superlatives)
        + len(details.entities)
    )
    return min(len(agreements) / total, 1.0) if total else 0.0


def _word_pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent informative words ("carbon dioxide", "sea level"), stop words skipped."""
    kept = [w[:6] for w in words(text) if w not in STOP_WORDS]
    return set(zip(kept, kept[1:], strict=False))


def _phrase_match(pairs: set[tuple[str, str]], passage: str) -> float:
    """Share of the claim's word pairs the passage also has: phrases, not just words."""
    if not pairs:
        return 0.0
    return len(pairs & _word_pairs(passage)) / len(pairs)
