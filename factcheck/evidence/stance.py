"""Stance hint: does a suggested passage seem to support or contradict the claim?

The step from matching to verification. The matcher says a passage is *about* the
claim; a reviewer next asks whether it *agrees*. This module gives a cheap first hint
from surface cues, so the reviewer reads a likely contradiction first:

- details the passage states differently (another year, number or rank for the same
  thing: `factcheck.evidence.signals.compare`);
- negation mismatch: the claim negates its shared key terms and the passage does not,
  or the other way round ("CO2 does not warm the planet" vs "CO2 warms the planet");
- opposite directions on a shared topic ("sea ice increased" vs "sea ice declined"),
  used only when cross-validation on Climate-FEVER keeps it (`Thresholds.antonyms`);
- word overlap with the claim as the (weak) sign of support.

Alone, the rule over these cues (`decide`, `stance_hint`) hints too often: it scores
below always answering "neither" on Climate-FEVER (bench/eval_stance.py). What the
product shows (`evidence_hint`) is the learned model of `stance_model`, which weighs the
same cues with sentence vectors and says "neither" unless sure; the cue rule is its
fallback when the model or the encoder is missing.

A hint, never a verdict: nothing in factcheck may set or change a verdict from a stance
alone. It is shown next to the passage for the reviewer to judge; the reviewer's key
press is the only thing that decides. The cue functions here are pure: no I/O, no model.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from factcheck.evidence.signals import compare, extract_details
from factcheck.models import Evidence
from factcheck.text.words import content_stems, words


class Stance(StrEnum):
    """What the passage seems to do to the claim."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    NEITHER = "neither"


@dataclass(frozen=True, slots=True)
class StanceCues:
    """The surface cues one claim-passage pair shows, before any threshold."""

    overlap: float
    """Share of the claim's content stems the passage has (0-1)."""
    agreements: tuple[str, ...]
    """Years, numbers, ranks and names the passage repeats (`signals.compare`)."""
    contradictions: tuple[str, ...]
    """Details the passage states differently (`signals.compare`)."""
    negation_mismatch: bool
    """One side negates the shared key terms and the other does not."""
    opposite_directions: tuple[str, ...]
    """Opposite direction words, e.g. ("claim: increase; passage: decline",)."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The knobs of `decide`. Defaults: what 5-fold cross-validation over Climate-FEVER
    dev claims chose on macro-F1 in every fold (bench/eval_stance.py, bench/RESULTS.md);
    direction words were chosen in one fold of five, so they stay off."""

    support_overlap: float = 0.25
    """Least overlap for a passage without contradiction cues to hint "supports"."""
    contradict_overlap: float = 0.2
    """Least overlap for a contradiction cue to count: the passage must share the topic."""
    negation: bool = True
    """Whether a negation mismatch counts as a contradiction cue."""
    antonyms: bool = False
    """Whether opposite direction words count as a contradiction cue."""


@dataclass(frozen=True, slots=True)
class StanceHint:
    """A stance with the reasons a reviewer can check in the passage."""

    stance: Stance
    reasons: tuple[str, ...]


_NEGATIONS = frozenset(
    """not no never none nor neither without cannot can't don't doesn't didn't isn't
    aren't wasn't weren't won't wouldn't hasn't haven't hadn't shouldn't couldn't nothing
    nobody lack lacks lacking fail fails failed unlikely""".split()  # noqa: SIM905 (a word list reads best as text)
)
_NEGATION_WINDOW = 4
"""Words before a shared key term that a negation governs ("is not a major cause")."""

# Direction words by five-letter prefix: a claim going one way on a topic the passage
# goes the other way on. Prefixes so that "increases", "increasing" and "increased" match.
_DIRECTIONS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(up.split()), frozenset(down.split()))
    for up, down in (
        (
            "incre rise risin rose grow grew accel expan gain highe more",
            "decre decli fall falli fell drop shrin slowe reduc lower less loss",
        ),
        ("warmi warme hotte", "cooli coole colde"),
        ("posit", "negat"),
        ("above", "below"),
    )
)


def stance_cues(claim: str, passage: str) -> StanceCues:
    """Every cue for `passage` against `claim` (see the module docstring)."""
    agreements, contradictions = compare(extract_details(claim), passage)
    claim_stems = set(content_stems(claim))
    shared = claim_stems & set(content_stems(passage))
    overlap = len(shared) / len(claim_stems) if claim_stems else 0.0
    mismatch = bool(shared) and _negated(claim, shared) != _negated(passage, shared)
    return StanceCues(
        overlap=overlap,
        agreements=agreements,
        contradictions=contradictions,
        negation_mismatch=mismatch,
        opposite_directions=_opposite_directions(claim, passage),
    )


def decide(cues: StanceCues, thresholds: Thresholds = Thresholds()) -> StanceHint:
    """The hint `cues` give under `thresholds`: contradiction cues first, then overlap."""
    reasons: list[str] = []
    if cues.overlap >= thresholds.contradict_overlap:
        reasons.extend(cues.contradictions)
        if thresholds.negation and cues.negation_mismatch:
            reasons.append("negation differs")
        if thresholds.antonyms:
            reasons.extend(cues.opposite_directions)
    if reasons:
        return StanceHint(Stance.CONTRADICTS, tuple(reasons))
    if cues.overlap >= thresholds.support_overlap:
        return _supports(cues)
    return StanceHint(Stance.NEITHER, ())


def _supports(cues: StanceCues) -> StanceHint:
    """ "supports" with its reasons: how much of the claim's key words the passage
    shares, and the details it repeats (the rule's and the model's hint alike)."""
    shared = f"shares {cues.overlap:.0%} of the claim's key words"
    return StanceHint(Stance.SUPPORTS, (shared, *cues.agreements))


def stance_hint(claim: str, passage: str, thresholds: Thresholds = Thresholds()) -> StanceHint:
    """The cue rule's hint for `passage` against `claim` (no model): the fallback of
    `evidence_hint` and the baseline bench/eval_stance.py measures."""
    return decide(stance_cues(claim, passage), thresholds)


def evidence_hint(claim: str, evidence: Evidence) -> StanceHint:
    """The hint for one suggested passage, as `show`, `search`, `match` and the review
    screen present it: the learned model's stance (`stance_model`, cues plus sentence
    vectors; it beats the majority class where the cue rule alone does not), or the
    cue rule when the model or encoder is missing. Computed on display from the claim's
    text and the passage, never stored: verdict code never sees it, so the reviewer's
    key press stays the only decision. A contradiction the matcher flagged on the
    evidence counts as a cue, and the hint never says "supports?" beside one."""
    cues = stance_cues(claim, evidence.passage)
    flagged = tuple(dict.fromkeys((*cues.contradictions, *evidence.contradictions)))
    cues = replace(cues, contradictions=flagged)
    from factcheck.evidence.stance_model import model_stances  # loads numpy and MiniLM
    from factcheck.text.sentence_encoder import passage_text

    learned = model_stances([cues], claim, [passage_text(evidence.title, evidence.passage)])
    if learned is None:
        return decide(cues)
    return explain(learned[0], cues)


def explain(stance: Stance, cues: StanceCues) -> StanceHint:
    """`stance` with the cues a reviewer can check in the passage as its reasons:
    for "contradicts" the contradiction cues, for "supports" the shared key words and
    repeated details. "supports" with a contradiction cue becomes "neither"."""
    against = [*cues.contradictions]
    if cues.negation_mismatch:
        against.append("negation differs")
    against.extend(cues.opposite_directions)
    if stance is Stance.CONTRADICTS:
        return StanceHint(Stance.CONTRADICTS, tuple(against))
    if stance is Stance.SUPPORTS and not cues.contradictions:
        return _supports(cues)
    return StanceHint(Stance.NEITHER, ())


def hint_label(hint: StanceHint) -> str | None:
    """A short line for the reviewer, e.g. "contradicts? (claim: 1889; passage: 1887)";
    None for "neither", which says nothing worth a line. The question mark says hint.
    Reasons quote the passage: callers make them printable (CLI `echo`, TUI `safe_str`)."""
    if hint.stance is Stance.NEITHER:
        return None
    reasons = f" ({', '.join(hint.reasons)})" if hint.reasons else ""
    return f"{hint.stance}?{reasons}"


def hint_as_dict(hint: StanceHint) -> dict[str, object]:
    """The hint as JSON-ready data: {"stance": ..., "reasons": [...]}."""
    return {"stance": str(hint.stance), "reasons": list(hint.reasons)}


def _negated(text: str, shared: set[str]) -> bool:
    """Whether a negation word stands within a few words before a shared key term."""
    tokens = [w.replace("’", "'") for w in words(text)]
    for index, token in enumerate(tokens):
        if token[:6] in shared and not _is_negation(token):
            window = tokens[max(0, index - _NEGATION_WINDOW) : index]
            if any(_is_negation(w) for w in window):
                return True
    return False


def _is_negation(token: str) -> bool:
    return token in _NEGATIONS or token.endswith("n't")


def _opposite_directions(claim: str, passage: str) -> tuple[str, ...]:
    """Direction words the claim uses whose opposite the passage uses (and not the same)."""
    claim_words = {w[:5]: w for w in words(claim)}
    passage_words = {w[:5]: w for w in words(passage)}
    found = []
    for up, down in _DIRECTIONS:
        for side, other in ((up, down), (down, up)):
            said = [claim_words[p] for p in side if p in claim_words]
            opposed = [passage_words[p] for p in other if p in passage_words]
            agreeing = any(p in passage_words for p in side)
            if said and opposed and not agreeing:
                found.append(f"claim: {said[0]}; passage: {opposed[0]}")
    return tuple(dict.fromkeys(found))
