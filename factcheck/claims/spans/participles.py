"""A participle phrase that ends the sentence with a fact of its own, cut as a claim.

"Scott represents Virginia's 3rd congressional district, stretching from Norfolk and
parts of Chesapeake north through Newport News" holds two claims: whom Scott represents,
and where the district runs; "... under the name Propoliz -- approved by the kingdom's
Food and Drug Administration as a sore throat remedy" holds what is sold and who
approved it. A participle phrase after a comma or dash at the end of the sentence is a
reduced non-restrictive clause ("which stretches from ...", "which was approved by
..."): when it carries its own detail (a figure or a name) a fact-checker checks it
apart from the main clause, so it starts the next statement, its comma or dash
dropped. Two forms, one cut: a present participle (`final_ing_participle_at`, asked
at the comma) and a past participle with its agent (`final_agent_participle_at`, asked
at "by"). A participle inside the subject ("Parker, portrayed by Lindsay Lohan, were
born ...") is not cut: the annotated main claim then spans the aside too, and cutting
it loses that claim (session 29, rel11). Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.cut_state import CutState
from factcheck.claims.spans.tokens import ATTRIBUTING, PREPOSITIONS, SPEECH_VERBS, Tokens
from factcheck.text.lexicon import words_of

ASIDE_MARKS = frozenset({",", "-", "—", "–"})
"""Marks that open a sentence-final aside before its participle: a comma or a dash
("--" is two "-" tokens)."""
_REACH = 40
"""Tokens of a final participle phrase searched for its detail and for a later comma
before a verb (the main clause going on); a longer phrase is taken as final."""
_NOT_PARTICIPLES = words_of(
    "including according following excluding regarding concerning during notwithstanding "
    "considering depending pending ranging citing quoting speaking talking something "
    "nothing anything everything morning evening building wedding meeting spring string "
    "meaning"
)
"""Words in "-ing" after a comma that are no participle of a fact: prepositions and
words that list what the head holds (", including A and B", ", ranging from A to B":
members of the statement's own claim), participles naming a source or a speaker
(", citing the CDC", ", speaking on 13 April"), nouns, and ", meaning": a consequence
link, cut by `spans.reasons` only before a clause of its own ("..., meaning the early
ones from 2019" stays whole)."""
_PRESENT_PARTICIPLE_LETTERS = 6
"""Shortest "-ing" word read as a participle ("saving"); shorter ones are mostly nouns
or names ("thing", "Ming")."""
_PHRASE_WORDS = 3
"""Words a present participle phrase holds before any comma ("stretching from Norfolk");
a shorter run between commas is a list item ("..., running, Sha'Carri Richardson")."""
_PAST_PARTICIPLE_LETTERS = 5
"""Shortest "-ed" word read as a past participle before "by" ("owned")."""


def might_hold_final_participle(lowers: list[str]) -> bool:
    """Whether a sentence's tokens hold a comma or dash before an "-ing" word, or before
    an "-ed" word and "by": the cheap test that sends a sentence with no other cut word
    through the cutting pass (`spans.statements`)."""
    if len(lowers) < 3:
        return False
    return any(
        mark in ASIDE_MARKS and (word.endswith("ing") or (word.endswith("ed") and after == "by"))
        for mark, word, after in zip(lowers[:-1], lowers[1:], [*lowers[2:], ""], strict=True)
    )


def _reports(stem: str) -> bool:
    """Whether a participle's stem ("pledg" of "pledging") is a verb of speech or
    attribution, by its past or present form ("pledged", "urged", "tells", "writes"): ", pledging to
    increase ..." reports what was promised, and stays with who promised it."""
    forms = (stem + "ed", stem + "d", stem + "s", stem + "es")
    return any(form in ATTRIBUTING or form in SPEECH_VERBS for form in forms)


def _runs_to_the_end(tokens: Tokens, k: int) -> int:
    """Where the phrase whose participle is at `k` ends (a ";" or the sentence end);
    -1 when a later comma opens a lowercase verb (the main clause goes on, so the
    phrase is inside the statement: "..., shown by X, was ...")."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    stop = min(n, k + 1 + _REACH)  # bounded, so a long run-on sentence stays linear
    for i in range(k + 1, stop):
        if not top[i]:
            continue
        if lowers[i] == ";":
            return i
        if lowers[i] == "," and i + 1 < n and verbs[i + 1] and words[i + 1][:1].islower():
            return -1
    return stop


def final_ing_participle_at(tokens: Tokens, j: int) -> bool:
    """Whether the comma at `j` opens a present participle phrase that ends the sentence
    with its own detail: "..., stretching from Norfolk and parts of Chesapeake north
    through Newport News". Not a preposition in "-ing" ("including", "according to"),
    a participle of speech or attribution ("saying", "pledging", "citing"), nor a
    phrase with no figure or name."""
    words, lowers, top, n = tokens.words, tokens.lowers, tokens.top, tokens.n
    k = j + 1
    if k + 2 >= n or lowers[j] != "," or not (top[j] and top[k]):
        return False
    word = lowers[k]
    if not (words[k][:1].islower() and word.isalpha() and word.endswith("ing")):
        return False
    if len(word) < _PRESENT_PARTICIPLE_LETTERS or word in _NOT_PARTICIPLES:
        return False
    if _reports(word[:-3]) or word in SPEECH_VERBS or word in ATTRIBUTING:
        return False
    if not words[j - 1][:1].isalnum():
        return False
    if "," in lowers[k + 1 : k + _PHRASE_WORDS]:
        return False  # "tags: folk gardening, gardening myths, Pinterest": a list item
    stop = _runs_to_the_end(tokens, k)
    return stop > 0 and tokens.has_detail(k + 1, stop)


def agent_aside_mark(tokens: Tokens, j: int) -> int:
    """The first token of the comma or dash before a past participle with its agent
    ("by" at `j`), after a word that can head it: "Propoliz -- approved by", "the
    vaccine, developed by"; not "of, owned by". -1 when there is no such aside."""
    words, lowers, top = tokens.words, tokens.lowers, tokens.top
    if j < 3:
        return -1
    participle = lowers[j - 1]
    if not (participle.endswith("ed") and participle.isalpha()):
        return -1
    if len(participle) < _PAST_PARTICIPLE_LETTERS or not words[j - 1][:1].islower():
        return -1
    mark = j - 2
    if lowers[mark] == "-" and lowers[mark - 1] == "-":
        mark -= 1
    if mark < 1 or not top[mark] or lowers[mark] not in ASIDE_MARKS:
        return -1
    head = words[mark - 1]
    return mark if head[:1].isalnum() and lowers[mark - 1] not in PREPOSITIONS else -1


def final_agent_participle_at(tokens: Tokens, j: int) -> bool:
    """Whether "by" at `j` follows a past participle aside that ends the sentence with
    its own detail: "... under the name Propoliz -- approved by the kingdom's Food and
    Drug Administration as a sore throat remedy"."""
    if agent_aside_mark(tokens, j) < 0 or _reports(tokens.lowers[j - 1][:-2]):
        return False
    stop = _runs_to_the_end(tokens, j)
    return stop > 0 and tokens.has_detail(j + 1, stop)


def _may_cut(state: CutState, first_of_aside: int) -> bool:
    """What both forms ask of the statement before the aside: a verb and its own detail
    (so what is left is a statement), no speech, open clause or relative (whose report
    or clause the aside belongs to), and the aside not at the statement's start."""
    left = state.left
    return (
        left.has_verb
        and left.detail
        and state.detailed_ok
        and not state.speech
        and not state.was_open
        and not state.was_relative
        and first_of_aside - 1 > state.first
    )


def at_final_participle(state: CutState, j: int, lower: str) -> bool:
    """The cut rule of a final participle phrase (`spans.cuts._CUT_RULES`), asked at a
    comma (a present participle after it) and at "by" (a past participle before it):
    the statement ends before the comma or dash, the next starts at the participle."""
    tokens = state.tokens
    if lower == ",":
        if _may_cut(state, j) and final_ing_participle_at(tokens, j):
            state.cut(j - 1, j + 1)
            state.verbless.add(j + 1)  # "circulating on Facebook since June 2021": no finite verb
            return True
        return False
    mark = agent_aside_mark(tokens, j)
    if mark > 0 and _may_cut(state, mark) and final_agent_participle_at(tokens, j):
        state.cut(mark - 1, j - 1)
        return True
    return False
