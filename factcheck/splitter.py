"""Text -> short checkable claims with exact offsets, a kind and a check-worthiness score.

Called by `store.add_document` (through the CLI's `add`), by `factcheck split` and by the
review TUI. The pipeline: `factcheck.sentences` finds sentences, `factcheck.spans`
proposes short spans inside each one (anchored noun phrases, attributions, copular
statements), overlapping proposals are merged, and `factcheck.checkworthiness` scores
each claim from its sentence and its own words. A sentence that holds no anchored span
still gets one claim (its main clause, cut to ~20 words), so a check-worthy sentence is
never silently dropped; rhetoric gets a low score instead. Pure; no I/O.
"""

from __future__ import annotations

import math
import re

from factcheck.checkworthiness import (
    CheckworthinessModel,
    SentenceInContext,
    default_model,
    score_sentences,
    shape_bits_of_tokens,
    sigmoid,
    tokenize,
)
from factcheck.models import Claim
from factcheck.sentences import split_sentences
from factcheck.spans import MAX_WORDS, Candidate, candidate_spans, claim_kind, has_hint

__all__ = ["split_claims", "split_sentences"]

SENTENCE_WEIGHT = 0.8
"""How much of a claim's score comes from its sentence; the rest from the span itself,
scored by the model's span weights. The sentence carries most of the evidence (the
labels are per sentence); the span's own words move it up or down. 0.8 with span
weights keeps the by-debate F1 (0.662) and MAP within noise of sentence-only scoring,
and lifts short factual spans in news ("Asia's fourth-largest economy") above 0.5,
which a model trained on debates alone underrates (bench/RESULTS.md)."""


def _merge(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Resolve overlaps: a span inside another merges into it (an attribution keeps its
    anchored phrases); a partial overlap becomes the union when that stays within
    MAX_WORDS words, or else the shorter span is kept. The result is sorted and
    pairwise disjoint."""
    if len(candidates) == 1:
        return candidates  # most sentences with a span have one: nothing to resolve
    ordered = sorted(set(candidates), key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for cand in ordered:
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
            continue
        last = kept[-1]
        if cand.end <= last.end:
            continue  # nested: the outer span already covers it
        if text.count(" ", last.start, cand.end) < MAX_WORDS:
            kept[-1] = Candidate(last.start, cand.end, last.attribution or cand.attribution)
        elif cand.end - cand.start < last.end - last.start:
            kept[-1] = cand
    return kept


def _quotation(sentence: str, start: int, end: int) -> str | None:
    """The quotation a claim sits in, if any: `“...,” Xi was quoted as saying` is scored
    on what was said, not on the attribution around it (which is a claim of its own)."""
    if "“" not in sentence and '"' not in sentence:
        return None  # most sentences
    opening = max(sentence.rfind("“", 0, start + 1), sentence.rfind('"', 0, start + 1))
    if opening < 0:
        return None
    closing = sentence.find("”", max(opening + 1, end - 1))
    if closing < 0:
        closing = sentence.find('"', max(opening + 1, end - 1))
    if closing < 0 or closing - opening < 15:
        return None
    return sentence[opening + 1 : closing]


_OPENING_PHRASE = re.compile(r"[^,]{1,38}, ")
# Possessive quantifiers: \S and \s never overlap, so backtracking could not change a
# match; forbidding it makes a failed match (a short sentence) cheap.
_FIRST_WORDS = re.compile(r"(?:\S++\s++){" + str(MAX_WORDS) + "}")
_CLAUSE_BREAK = re.compile(r"[,;:—]")
_SIX_WORDS = re.compile(r"(?:\S++\s++){6}")


def _main_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """A fallback claim for a sentence with no anchored span: skip an opening
    "On Tuesday," style phrase, stop at the first clause break past six words, and
    cap the length at MAX_WORDS words. Regex-driven: it runs on most sentences."""
    opening = _OPENING_PHRASE.match(text, start, end)
    if opening is not None and opening.group().count(" ") < 5:
        start = opening.end()
    cut = end
    cap = _FIRST_WORDS.match(text, start, end)
    if cap is not None:
        cut = cap.end()
    six = _SIX_WORDS.match(text, start, cut)
    if six is not None:
        clause_break = _CLAUSE_BREAK.search(text, six.end(), cut)
        if clause_break is not None:
            cut = clause_break.start()
    stop = cut
    while stop > start and text[stop - 1] in _TRIM:
        stop -= 1
    if stop == start:
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
    return start, stop


_TRIM_CHARS = " \t\r\n.!?,;:\"'”’—-"
_TRIM = frozenset(_TRIM_CHARS)


def _sentence_logits(text: str, sentences: list[tuple[int, int]]) -> list[float]:
    """Each sentence's check-worthiness (`score_sentences`, with its neighbours as
    context) as a logit, to mix with the span's own linear score as before."""
    texts = [text[start:end] for start, end in sentences]
    items = [
        SentenceInContext(
            sentence,
            previous=texts[i - 1] if i else "",
            next=texts[i + 1] if i + 1 < len(texts) else "",
        )
        for i, sentence in enumerate(texts)
    ]
    return [_logit(p) for p in score_sentences(items)]


def _logit(probability: float) -> float:
    p = min(max(probability, 1e-6), 1.0 - 1e-6)
    return math.log(p / (1.0 - p))


def split_claims(
    text: str, *, model: CheckworthinessModel | None = None, min_score: float = 0.0
) -> list[Claim]:
    """Split `text` into short checkable claims, in document order.

    Every claim satisfies `text[claim.start:claim.end] == claim.text`, carries its
    sentence's offsets, a `ClaimKind` and a `score` in [0, 1] (0.5 is the intended
    threshold). Spans never overlap. `model` swaps the packaged check-worthiness model
    (the evaluation passes one trained without the held-out debate); `min_score` drops
    claims below it.
    """
    sentences = [
        (start, end)
        for start, end in split_sentences(text)
        if any(map(str.isalpha, text[start:end]))
    ]  # a rule line, a page number: nothing to check
    # The packaged scorer sees each sentence with its neighbours, all in one call (the
    # transformer batches them); a `model` passed in scores sentences alone, as before.
    learned = None if model is not None else _sentence_logits(text, sentences)
    model = model or default_model()
    claims: list[Claim] = []
    for index, (sent_start, sent_end) in enumerate(sentences):
        sentence = text[sent_start:sent_end]
        lowered = sentence.lower()
        tokens = tokenize(lowered)
        candidates = candidate_spans(sentence, sent_start, hinted=has_hint(lowered, tokens))
        if not candidates:
            # Most sentences: the fallback claim, the sentence's own main clause. Its
            # words add nothing the sentence score lacks, so it is scored on its context
            # alone, which skips a third of the work.
            start, end = _main_clause(text, sent_start, sent_end)
            span = text[start:end]
            if end <= start or not any(map(str.isalpha, span)):
                continue
            if learned is not None:
                logit = learned[index]  # the transformer read the quotation in its sentence
            else:
                sentence_logit = model.logit_of_tokens(sentence, lowered, tokens)
                context = _quotation(sentence, start - sent_start, end - sent_start)
                logit = sentence_logit if context is None else model.logit(context)
            score = sigmoid(SENTENCE_WEIGHT * logit + (1.0 - SENTENCE_WEIGHT) * logit)
            if score >= min_score:
                if start == sent_start and not text[end:sent_end].strip(_TRIM_CHARS):
                    # The whole sentence bar its closing punctuation (most sentences):
                    # its tokens are the sentence's, less any "?", a flag the kind
                    # ignores, so the sentence's tokens give the kind without
                    # tokenising the span again.
                    kind = claim_kind(span, bits=shape_bits_of_tokens(tokens))
                else:
                    kind = claim_kind(span)
                claims.append(Claim(span, start, end, sent_start, sent_end, kind, round(score, 4)))
            continue
        sentence_logit = (
            learned[index]
            if learned is not None
            else model.logit_of_tokens(sentence, lowered, tokens)
        )
        span_model = model.span or model
        for cand in _merge(candidates, text):
            span = text[cand.start : cand.end]
            context = (
                None
                if learned is not None
                else _quotation(sentence, cand.start - sent_start, cand.end - sent_start)
            )
            context_logit = sentence_logit if context is None else model.logit(context)
            # Tokenised once, for the span's own score and for its kind.
            span_lowered = span.lower()
            span_tokens = tokenize(span_lowered)
            span_logit = span_model.logit_of_tokens(span, span_lowered, span_tokens)
            score = sigmoid(SENTENCE_WEIGHT * context_logit + (1.0 - SENTENCE_WEIGHT) * span_logit)
            if score < min_score:
                continue
            claims.append(
                Claim(
                    text=span,
                    start=cand.start,
                    end=cand.end,
                    sentence_start=sent_start,
                    sentence_end=sent_end,
                    kind=claim_kind(
                        span,
                        attribution=cand.attribution,
                        bits=None if cand.attribution else shape_bits_of_tokens(span_tokens),
                    ),
                    score=round(score, 4),
                )
            )
    return claims
