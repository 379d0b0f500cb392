"""Text -> checkable claims with exact offsets, a kind and a check-worthiness score.

Called by `ingest.article_claims` (the one split of an article: `add`, `split`,
`review FILE`, the Python API) and by the review TUI. The pipeline, one document at a time:

1. `factcheck.text.sentences` finds sentences;
2. page debris (`factcheck.claims.debris`: breadcrumbs, share prompts, credits, bylines) is
   dropped, and so is a headline the body restates;
3. a repeated sentence is shown once (`factcheck.claims.duplicates`: the fuller copy wins);
   `split_claim_groups` keeps the repeats too, each pointing at the claim it repeats;
4. `factcheck.claims.spans` cuts each sentence into whole statements (several when it
   coordinates several), dropping verbless fragments and bare "he said" tails;
5. the sentences that hold a statement are scored in one batch through the scoring
   seam, `score_sentences` (see `factcheck.claims.checkworthiness`), and each statement's score is
   its sentence's, shifted by its mood (`factcheck.claims.mood`).

Pure; no I/O.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import NamedTuple

from rapidfuzz import fuzz

# THE SCORING SEAM: the one import that decides the sentence scorer (the cascade of the
# linear model and the fine-tuned transformer; docs/checkworthiness.md).
from factcheck.claims.checkworthiness import (
    CheckworthinessModel,
    SentenceInContext,
    linear_sentence_scores,
    score_sentences,
)
from factcheck.claims.debris import (
    body_words_of,
    content_words,
    is_debris,
    is_headline,
    is_speaker_line,
    restates,
)
from factcheck.claims.duplicates import duplicate_of, normalise
from factcheck.claims.mood import mood_shift
from factcheck.claims.quotations import QuotedPiece, quoted_pieces, shown_as_the_whole_showed
from factcheck.claims.spans import (
    Statement,
    claim_kind,
    is_attribution,
    statement_spans,
    trim_markup,
)
from factcheck.models import CHECK_WORTHY, Claim
from factcheck.text.sentences import split_sentences

__all__ = ["ClaimGroups", "claim_for_span", "split_claim_groups", "split_claims", "split_sentences"]


def split_claims(
    text: str, *, model: CheckworthinessModel | None = None, min_score: float = 0.0
) -> list[Claim]:
    """Split `text` into checkable claims, in document order, each statement once.

    Every claim satisfies `text[claim.start:claim.end] == claim.text`, carries its
    sentence's offsets, a `ClaimKind` and a `score` in [0, 1] (0.5 is the intended
    threshold). Spans never overlap. `model` scores with that linear check-worthiness
    model instead of the default scorer (the evaluation passes one trained without the
    held-out debate); `min_score` drops claims below it. A repeated statement is given
    once (the fuller copy); `split_claim_groups` gives the repeats as well.
    """
    return split_claim_groups(text, model=model, min_score=min_score).shown()


class ClaimGroups(NamedTuple):
    """Every claim of a text in document order, the repeats of a statement included."""

    claims: list[Claim]
    duplicate_of: list[int | None]
    """Per claim, the index (in `claims`) of the claim it repeats, or None for the claim
    shown for its statement."""

    def shown(self) -> list[Claim]:
        """Each statement once: the claims that repeat no other (`split_claims`)."""
        return [
            claim
            for claim, repeats in zip(self.claims, self.duplicate_of, strict=True)
            if repeats is None
        ]


def split_claim_groups(
    text: str, *, model: CheckworthinessModel | None = None, min_score: float = 0.0
) -> ClaimGroups:
    """`split_claims`, keeping the statements of repeated sentences as claims that
    point at the claim they repeat (`ingest.add_article` stores them as a group: one
    verdict applies to all, listings show the group once).

    A repeat's statement takes the score of the statement it repeats (its sentence is
    not scored apart: it is the same sentence, and scoring it would change its
    neighbours' context) and its own kind; a repeat statement with no counterpart
    among the kept claims (dropped as below `min_score`) is dropped too.
    """
    sentences, repeated = _article_sentences(text)
    # A quotation held together is cut at its own sentences (`claims.quotations`): each
    # statement comes with the index of the piece of its quotation whose score it takes
    # (-1: its sentence's), and each piece is scored as itself, read in the quotation.
    split = [_sentence_statements(text, s) for s in sentences]
    holding = [i for i, (found, _) in enumerate(split) if found]
    if not holding:
        return ClaimGroups([], [])
    items = [_in_context(text, sentences, i) for i in holding]
    # A held quotation is scored as its most check-worthy sentence (each read with the
    # unit's neighbours), as one unit: a claim quoted beside small talk keeps the score
    # it has alone. Its pieces are scored in a call of their own: the transformer's
    # int8 scores depend on the sentences batched beside them, and so every sentence
    # and every whole quotation keeps the score it had before quotations were cut.
    owners: list[int] = []
    part_items: list[SentenceInContext] = []
    for n, i in enumerate(holding):
        for part in sentences[i].parts:
            owners.append(n)
            part_items.append(replace(items[n], text=text[slice(*trim_markup(text, *part))]))
    all_scores = _scores(items + part_items, model)
    whole_scores = list(all_scores[: len(holding)])
    for owner, part_score in zip(owners, all_scores[len(holding) :], strict=True):
        whole_scores[owner] = max(whole_scores[owner], part_score)
    piece_items: list[SentenceInContext] = []
    first_piece: list[int] = []
    for n, i in enumerate(holding):
        first_piece.append(len(piece_items))
        piece_items += [_piece_in_context(text, sentences[i], p, items[n]) for p in split[i][1]]
    piece_scores = _scores(piece_items, model)
    kept: dict[int, list[Claim]] = {}
    for n, (i, whole_score) in enumerate(zip(holding, whole_scores, strict=True)):
        scores = piece_scores[first_piece[n] : first_piece[n] + len(split[i][1])]
        claims = _sentence_claims(text, sentences[i], split[i], whole_score, scores)
        kept_claims = [claim for claim in claims if claim.score >= min_score]
        if kept_claims:
            kept[i] = kept_claims
    pairs: list[tuple[Claim, Claim | None]] = [
        (claim, None) for claims in kept.values() for claim in claims
    ]
    for sentence, kept_index in repeated:
        for statement, _ in _sentence_statements(text, sentence)[0]:
            counterpart = _counterpart(text[statement.start : statement.end], kept.get(kept_index))
            if counterpart is not None:
                pairs.append((_repeat_claim(text, statement, sentence, counterpart), counterpart))
    pairs.sort(key=lambda pair: pair[0].start)
    position = {id(claim): n for n, (claim, _) in enumerate(pairs)}
    return ClaimGroups(
        [claim for claim, _ in pairs],
        [None if shown is None else position[id(shown)] for _, shown in pairs],
    )


def _scores(items: list[SentenceInContext], model: CheckworthinessModel | None) -> list[float]:
    """The check-worthiness of each of `items`, with the full scores or `model`'s."""
    if not items:
        return []
    if model is None:
        return list(score_sentences(items))
    return list(linear_sentence_scores(items, model=model))


def _sentence_claims(
    text: str,
    sentence: _Sentence,
    split: tuple[list[tuple[Statement, int]], list[QuotedPiece]],
    whole_score: float,
    piece_scores: list[float],
) -> list[Claim]:
    """The claims of `sentence`: its statements, each with its sentence's score (a held
    quotation's: its most check-worthy sentence's) or, in a quotation cut at its
    sentences, its piece's. A quotation whose claims would all come from one quoted
    sentence is not cut: it is shown whole, with its speaker in the span, as before
    session 29. A cut one shows at least what the whole showed
    (`quotations.shown_as_the_whole_showed`), or is shown whole."""
    statements, pieces = split
    start, end = sentence.start, sentence.end
    claims = [
        _claim(text, s, start, end, _logit(whole_score if k < 0 else piece_scores[k]))
        for s, k in statements
    ]
    if not piece_scores:
        return claims
    whole = [
        _claim(text, statement, start, end, _logit(whole_score))
        for statement in statement_spans(text, sentence.content_start, end)
    ]
    if not _several_claims(claims, statements, pieces):
        return whole
    quoted = [k >= 0 and pieces[k].quoted for _, k in statements]
    cut = shown_as_the_whole_showed(text, claims, quoted, whole, CHECK_WORTHY)
    return whole if cut is None else cut


def _sentence_statements(
    text: str, sentence: _Sentence
) -> tuple[list[tuple[Statement, int]], list[QuotedPiece]]:
    """The statements of `sentence`, each with the index of the piece of its quotation
    (`quoted_pieces`) whose score it takes, or -1 for the sentence's own; and the pieces
    (none for a sentence that is not a quotation of several sentences)."""
    pieces = (
        quoted_pieces(text, sentence.content_start, sentence.end, sentence.parts)
        if sentence.parts
        else []
    )
    statements = [
        (statement, n)
        for n, piece in enumerate(pieces)
        for statement in _piece_statements(text, piece)
        if not (piece.attributes and _names_the_speaker(text, statement, piece.start))
    ]
    if statements:
        return statements, pieces
    found = statement_spans(text, sentence.content_start, sentence.end)
    return [(statement, -1) for statement in found], []


def _piece_statements(text: str, piece: QuotedPiece) -> list[Statement]:
    """The statements of one piece of a quotation cut at its sentences. A quoted
    sentence is one statement, as a quotation inside any sentence is never cut
    (`statement_spans` does not cut inside quotation marks): its span runs from its
    first statement's start to its last one's end. An introduction or attribution
    outside the marks is cut as any sentence is."""
    found = statement_spans(text, piece.start, piece.end)
    if not piece.quoted or len(found) < 2:
        return found
    return [Statement(found[0].start, found[-1].end, any(s.attribution for s in found))]


_PIECE_CONTEXT = 200
"""Characters of the quotation around a piece read as its context (the scorer keeps the
last 16 word pieces before it and the first 8 after it)."""


def _piece_in_context(
    text: str, sentence: _Sentence, piece: QuotedPiece, whole: SentenceInContext
) -> SentenceInContext:
    """A piece of a quotation to score: its own words, the quotation's text before and
    after it as its neighbours ("She says: “" before the first quoted sentence), and the
    sentence's neighbours at the quotation's edges."""
    start, end = trim_markup(text, piece.start, piece.end)
    before = text[max(sentence.content_start, start - _PIECE_CONTEXT) : start].strip()
    after = text[end : min(sentence.end, end + _PIECE_CONTEXT)].strip()
    return replace(
        whole,
        text=text[start:end],
        previous=before if any(map(str.isalpha, before)) else whole.previous,
        next=after if any(map(str.isalpha, after)) else whole.next,
    )


def _several_claims(
    claims: list[Claim], statements: list[tuple[Statement, int]], pieces: list[QuotedPiece]
) -> bool:
    """Whether the quoted sentences of a quotation show claims in two or more of them:
    only then is it worth cutting (a quotation with one check-worthy sentence is shown
    whole, its speaker in the span, as the one claim it makes). The attribution after
    the closing mark is no quoted sentence: a dated one (',” wrote the authors in 2018')
    does not make a quotation of one claim one of several."""
    shown = {
        piece
        for claim, (_, piece) in zip(claims, statements, strict=True)
        if claim.score >= CHECK_WORTHY and not (piece >= 0 and pieces[piece].attributes)
    }
    return len(shown) >= 2


_SPEAKER_WORDS = 16
"""Longest attribution after a closing mark taken for the quotation's speaker alone
("said Malaysian Deputy Health Minister Noor Azmi Ghazali, reported by local media here
and here"); a longer one says something of its own (", reads the caption of two photos
..., posted on Facebook in July 2021 and shared in South Africa")."""


def _names_the_speaker(text: str, statement: Statement, piece_start: int) -> bool:
    """Whether `statement`, the first of the stretch after a quotation's closing mark,
    only says who spoke (",” its director told the council"): shown in every quoted
    claim's sentence, it is no claim of its own. One holding a figure says when, where
    or to whom the words were said (',” reads the caption of this video posted on July
    21, 2021'), as a dated introduction does (`quotations`): a claim of its own."""
    span = text[statement.start : statement.end]
    words = len(span.split())
    return (
        statement.start == piece_start
        and statement.attribution
        and words <= _SPEAKER_WORDS
        and not any(ch.isdigit() for ch in span)
    )


def _counterpart(span: str, candidates: list[Claim] | None) -> Claim | None:
    """The kept claim a repeated sentence's statement repeats: the most alike of the
    kept sentence's claims (normalised text, rapidfuzz ratio), None if it has none."""
    if not candidates:
        return None
    key = normalise(span)
    return max(candidates, key=lambda claim: fuzz.ratio(key, normalise(claim.text)))


def _repeat_claim(text: str, statement: Statement, sentence: _Sentence, shown: Claim) -> Claim:
    span = text[statement.start : statement.end]
    return Claim(
        text=span,
        start=statement.start,
        end=statement.end,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        kind=claim_kind(span, attribution=statement.attribution),
        score=shown.score,
    )


_SPAN_CONTEXT_CHARS = 2000
"""How far around a hand-set span `claim_for_span` reads for its sentences and speaker."""


def claim_for_span(text: str, start: int, end: int) -> Claim:
    """The claim `text[start:end]` as a reviewer set it: scored as itself, with the
    sentences before and after it as context, shifted by its mood, and classified.

    Where `split_claims` gives a statement its sentence's score, a span set by hand is
    scored as the statement the reviewer says it is (`factcheck.desk.span_edit`). Its
    sentence offsets cover every sentence the span touches. Only the text around the
    span is segmented, so an edit in a book-length document costs what one in a short
    one does. `text[start:end]` must be a span the caller has checked.
    """
    low = text.rfind("\n", 0, max(0, start - _SPAN_CONTEXT_CHARS)) + 1
    found = text.find("\n", min(len(text), end + _SPAN_CONTEXT_CHARS))
    high = len(text) if found < 0 else found
    sentences, speaker = [], ""
    speakers: list[str] = []
    for s_start, s_end in split_sentences(text[low:high]):
        label = _SPEAKER_LABEL.match(text, low + s_start, low + s_end)
        if label is not None:
            speaker = label.group(1)
        sentences.append((low + s_start, low + s_end))
        speakers.append(speaker)
    touched = [i for i, (s, e) in enumerate(sentences) if e > start and s < end]
    first, last = (touched[0], touched[-1]) if touched else (-1, -1)

    def context(i: int) -> str:
        if not touched or not 0 <= i < len(sentences):
            return ""
        s, e = trim_markup(text, *sentences[i])
        return text[s:e]

    sent_start = min(start, sentences[first][0]) if touched else start
    sent_end = max(end, sentences[last][1]) if touched else end
    item = SentenceInContext(
        text=text[start:end],
        previous=context(first - 1),
        next=context(last + 1),
        speaker=speakers[first] if touched else "",
    )
    base = _logit(score_sentences([item])[0])
    statement = Statement(start, end, is_attribution(text[start:end]))
    return _claim(text, statement, sent_start, sent_end, base)


class _Sentence(NamedTuple):
    """A sentence of the article: its offsets, where its own words start (after a
    transcript's speaker label), and who speaks it ("" when unknown)."""

    start: int
    end: int
    content_start: int
    speaker: str
    parts: tuple[tuple[int, int], ...] = ()
    """For a quotation joined from several sentences (`join_open_quotations`), those
    sentences' offsets: the unit is scored as its most check-worthy sentence, so a claim
    quoted beside small talk keeps the score it has alone."""


# A transcript's speaker label: "SENATOR KENNEDY:", "HOWARD K. SMITH, MODERATOR:". Capitals
# only, so "Note: ..." or "Update: ..." in an article is not taken for one.
_SPEAKER_LABEL = re.compile(r"([A-Z][A-Z.,'’ -]{0,40}[A-Z.])\s*:\s+(?=\S)")


def _claim(text: str, statement: Statement, sent_start: int, sent_end: int, base: float) -> Claim:
    span = text[statement.start : statement.end]
    score = 1.0 / (1.0 + math.exp(-(base + mood_shift(span))))
    return Claim(
        text=span,
        start=statement.start,
        end=statement.end,
        sentence_start=sent_start,
        sentence_end=sent_end,
        kind=claim_kind(span, attribution=statement.attribution),
        score=round(score, 4),
    )


def _logit(probability: float) -> float:
    p = min(max(probability, 1e-6), 1.0 - 1e-6)
    return math.log(p / (1.0 - p))


def _article_sentences(text: str) -> tuple[list[_Sentence], list[tuple[_Sentence, int]]]:
    """The sentences that belong to the article, and the repeated ones apart.

    Page debris and headlines the body restates are left out; of a repeated sentence
    the fuller copy is kept, and each other copy comes second, with the index (in the
    first list) of the sentence it repeats."""
    body: list[_Sentence] = []
    headlines: set[int] = set()
    speaker = ""
    for start, end in join_open_quotations(text, split_sentences(text)):
        content_start = start
        label = _SPEAKER_LABEL.match(text, start, end)
        if label is not None:
            speaker, content_start = label.group(1), label.end()
        wording = text[content_start:end]
        if not any(map(str.isalpha, wording)):
            continue  # a rule line, a page number: nothing to check
        if body and is_speaker_line(wording) and _closes_quotation(text, body[-1].end, start):
            body[-1] = body[-1]._replace(end=end)  # the quoted claim keeps its speaker
            continue
        alone = _alone_on_line(text, start, end)
        if is_debris(wording, alone_on_line=alone):
            continue
        if alone and is_headline(wording):
            headlines.add(len(body))
        parts = _quoted_sentences(text, start, end)
        body.append(_Sentence(start, end, content_start, speaker, parts if len(parts) > 1 else ()))
    restated: list[_Sentence] = []
    if headlines:
        body_words = body_words_of(
            [text[s.content_start : s.end] for i, s in enumerate(body) if i not in headlines]
        )
        if body_words:
            restated = [
                sentence
                for i, sentence in enumerate(body)
                if i in headlines and restates(text[sentence.start : sentence.end], body_words)
            ]
            body = [sentence for sentence in body if sentence not in restated]
    repeats = duplicate_of([text[s.content_start : s.end] for s in body])
    kept_index: dict[int, int] = {}
    kept: list[_Sentence] = []
    for i, (sentence, repeat) in enumerate(zip(body, repeats, strict=True)):
        if repeat is None:
            kept_index[i] = len(kept)
            kept.append(sentence)
    repeated = [
        (sentence, kept_index[repeat])
        for sentence, repeat in zip(body, repeats, strict=True)
        if repeat is not None
    ]
    repeated += _restating_headlines(text, restated, kept)
    return kept, repeated


def _closes_quotation(text: str, previous_end: int, start: int) -> bool:
    """Whether the sentence ending at `previous_end` ends a quotation and only spaces
    lie between it and `start` (a speaker line set under a quoted claim)."""
    return text[previous_end - 1 : previous_end] in '”"' and not text[previous_end:start].strip()


def _quoted_sentences(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The sentences of a unit held together by a quotation (by the segmenter or
    `join_open_quotations`), or () for a unit of one sentence."""
    unit = text[start:end]
    if "“" not in unit and '"' not in unit:
        return ()
    parts = split_sentences(unit, hold_quotations=False)
    return tuple((start + s, start + e) for s, e in parts) if len(parts) > 1 else ()


def _restating_headlines(
    text: str, headlines: list[_Sentence], kept: list[_Sentence]
) -> list[tuple[_Sentence, int]]:
    """Each headline the body restates, with the index (in `kept`) of the sentence that
    holds most of its content words, when that one sentence holds most of them (a
    headline the body restates only across several sentences is left out, as before)."""
    if not headlines:
        return []
    words = [content_words(text[s.content_start : s.end]) for s in kept]
    found = []
    for headline in headlines:
        wanted = content_words(text[headline.content_start : headline.end])
        if not wanted or not words:
            continue
        best = max(range(len(kept)), key=lambda i: len(wanted & words[i]))
        if len(wanted & words[best]) >= _HEADLINE_SHARE * len(wanted):
            found.append((headline, best))
    return found


_HEADLINE_SHARE = 0.6
"""Share of a headline's content words one body sentence must hold to be its restatement
(the share `debris.restates` asks of the whole body)."""


_QUOTE_SENTENCES = 4
"""Sentences after one that opens a quotation searched for the sentence that closes it."""
_QUOTE_CHARS = 1500
"""Longest quotation joined into one unit: a stray quotation mark cannot swallow a page."""


def join_open_quotations(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a quotation of several sentences into one unit, so no claim starts or ends
    inside it ("“A. B,” she said." is one statement of what she said).

    A sentence that leaves a quotation open (more “ than ”, or an odd number of ")
    is joined with the sentences after it up to the one that closes it, when that comes
    within `_QUOTE_SENTENCES` sentences and `_QUOTE_CHARS` characters on the same line.
    A new opening mark before the close (news style reopens a long quotation at each
    paragraph, without closing the one before) or a line break leaves the sentences as
    they were: which sentences that quotation holds is not known.
    """
    joined: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        start, end = sentences[i]
        closing = _closing_sentence(text, sentences, i)
        if closing is not None:
            end = sentences[closing][1]
            i = closing
        joined.append((start, end))
        i += 1
    return joined


def _closing_sentence(text: str, sentences: list[tuple[int, int]], i: int) -> int | None:
    """Index of the sentence that closes the quotation sentence `i` leaves open, or None."""
    start, end = sentences[i]
    sentence = text[start:end]
    curly = sentence.count("“") - sentence.count("”")
    straight = sentence.count('"') % 2
    if (curly <= 0) == (not straight):  # nothing left open, or both kinds at once
        return None
    for j in range(i + 1, min(len(sentences), i + 1 + _QUOTE_SENTENCES)):
        next_start, next_end = sentences[j]
        if next_end - start > _QUOTE_CHARS or "\n" in text[end:next_start]:
            return None
        following = text[next_start:next_end]
        if curly > 0:
            opened = following.find("“")
            closed = following.find("”")
            if opened >= 0 and (closed < 0 or opened < closed):
                return None  # reopened before it closed: a new paragraph's quotation
            curly -= following.count("”") - following.count("“")
            if curly <= 0:
                return j if curly == 0 else None
        else:
            if following.count('"') % 2:
                return j
        end = next_end
    return None


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether the sentence fills its line (headline, credit, breadcrumb form)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    before = text[line_start:start]
    return not before.strip(" \t#>*+-•") and not text[end:line_end].strip()


def _in_context(text: str, sentences: list[_Sentence], i: int) -> SentenceInContext:
    """Sentence `i` with its neighbours and speaker, markup trimmed, for the scorer."""

    def trimmed(j: int) -> str:
        if not 0 <= j < len(sentences):
            return ""
        start, end = trim_markup(text, sentences[j].content_start, sentences[j].end)
        return text[start:end]

    return SentenceInContext(
        text=trimmed(i),
        previous=trimmed(i - 1),
        next=trimmed(i + 1),
        speaker=sentences[i].speaker,
    )
