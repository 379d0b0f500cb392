"""The one pass over a sentence's tokens that places the cuts between its statements.

`statement_cuts` walks the tokens once. What it knows of the statement so far lives in
one `CutState` (`spans.cut_state`); at each top-level token it asks the cut rules below,
in a fixed order, whether a statement ends there: at a ";" (`_at_semicolon`), at a
comma before a part of a figure (`_at_figure_comma`), at a relative (`_at_relative`), at
a subordinator of reason or a "with" absolute (`_at_reason_or_absolute`), at a list
item (`_at_list_item`), at a comma between chained verb phrases
(`_at_chained_verb_phrase`) and at a conjunction (`_at_conjunction`); a cause phrase or
a consequence clause is `spans.reasons`'s (`at_cause_phrase`, `at_consequence`). The
first rule that cuts ends the token's turn. Each rule asks the word rules of
`spans.clauses`, `spans.relatives`, `spans.verb_phrases`, `spans.auxiliary_phrases`,
`spans.lists` and `spans.coordination`.
`_CUT_RULES`, at the end of the module, lists the rules in the order they are asked,
each with the words it fires at; a token is asked only the rules of its word
(`_RULES_AT`), so the words no rule fires at cost nothing: a rule given a new word must
list it there.

The order of the tests is the splitter's behaviour: change it only with the identity
and evaluation scripts in bench/ (bench/check_spans_identity.py). Inside each rule the
old loop's local names (`first`, `left`, `speech`, `verb_chain`, `detailed_ok`, ...)
are read from the state under the same names, so a rule reads as it always did. Pure;
no I/O.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.claims.spans.attribution import bare_attribution, reports_speech
from factcheck.claims.spans.auxiliary_phrases import auxiliary_verb_phrase
from factcheck.claims.spans.clauses import (
    FRONTED_SUBORDINATORS,
    REASON_SUBORDINATORS,
    clause_after,
    clause_after_adverbial,
    contrast_clause_at,
    fronted_clause_end,
    reason_clause_at,
    with_absolute,
)
from factcheck.claims.spans.coordination import closes_noun_list, repeated_clause
from factcheck.claims.spans.cut_state import CutState
from factcheck.claims.spans.lists import list_item_at, second_role
from factcheck.claims.spans.reasons import (
    CAUSE_HEADS,
    CONSEQUENCE_LINKS,
    at_cause_phrase,
    at_consequence,
)
from factcheck.claims.spans.relatives import (
    APPOSITIVE_RELATIVES,
    PLACE_RELATIVE,
    TIME_RELATIVE,
    final_relative,
    medial_relative_end,
    part_of_figure_at,
    plain_final_relative,
)
from factcheck.claims.spans.tokens import (
    DETERMINERS,
    ORDINAL_WORDS,
    PREPOSITIONS,
    SPLITTING_CONJUNCTIONS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    Tokens,
    is_ly_adverb,
)
from factcheck.claims.spans.verb_phrases import (
    chained_verb_phrase,
    comma_verb_phrase,
    detailed_verb_phrase,
)

_LEFT_OPEN = DETERMINERS | PREPOSITIONS | ORDINAL_WORDS
"""Words a statement cannot end on before a conjunction: the conjunction then joins
two words that share what follows ("exposed to and infected with the virus", "their
first and second doses"), not two statements."""


def statement_cuts(tokens: Tokens) -> tuple[list[tuple[int, int]], set[int]]:
    """Token ranges [first, last] of the sentence's statements (one pass), and the
    first tokens of those that are list items with their own figure (kept though they
    have no verb: "$5 billion for Pfizer").

    A trailing attribution (", the company said", ", according to the UN") does not
    keep the sentence whole: it stays with the last statement, whose span it ends, as
    fact-checkers annotate it ("A rose" / "B fell, the company said")."""
    lowers, top, n = tokens.lowers, tokens.top, tokens.n
    state = CutState(tokens, respectively="respectively" in lowers)
    for j in range(n):
        if not top[j]:
            continue
        lower = lowers[j]
        if lower in FRONTED_SUBORDINATORS:
            _at_fronted_clause(state, j)
        if j < state.appositive_end:
            continue  # inside "Smith, who led the agency from 2009 to 2017," (cut at its end)
        if j == state.appositive_end:
            _at_aside_end(state, j)
            continue
        state.see(j)
        for rule in _RULES_AT.get(lower, ()):
            if rule(state, j, lower):
                break  # the first rule that cuts ends this token's turn
    if state.first < n:
        state.cuts.append((state.first, n - 1))
    return state.cuts, state.verbless


def _at_fronted_clause(state: CutState, j: int) -> None:
    """A fronted subordinator ("While farmers are not required to plant flowers, they
    can ...") before the statement's verb: the concession and the main clause are two
    statements, so the comma that closes the concession is cut like an aside's end
    (`_at_aside_end`). Not inside reported speech, and only where the sentence or the
    statement begins (or a capital shows a new sentence)."""
    tokens, first, left, speech = state.tokens, state.first, state.left, state.speech
    if (
        tokens.lowers[j] in FRONTED_SUBORDINATORS
        and tokens.top[j]
        and not left.has_verb
        and not speech
        and (j == first or tokens.words[j][:1].isupper())
    ):
        state.appositive_end = max(state.appositive_end, fronted_clause_end(tokens, j))


def _at_aside_end(state: CutState, j: int) -> None:
    """The closing comma at `j` of an aside or fronted clause the pass measured when it
    opened (`_at_relative`, `_at_fronted_clause`; the loop skipped its tokens): the
    aside is a statement of its own ("Smith, who led the agency from 2009 to 2017"),
    and the main verb phrase ("said ...") or clause starts the next."""
    state.cut(j - 1, j + 1)


def _at_semicolon(state: CutState, j: int, lower: str) -> bool:
    """A ";" after a verb, not the sentence's last token: the writer joined two
    statements, so they are cut whatever else the statement holds."""
    tokens, left = state.tokens, state.left
    if left.has_verb and j + 1 < tokens.n:
        state.cut(j - 1, j + 1)
        return True
    return False


def _at_figure_comma(state: CutState, j: int, lower: str) -> bool:
    """A comma after a detailed statement that opens a part of its figure ("There are
    292 bee species in Denmark" | "56 of which are threatened"): the part is a number
    of its own to check. Not in reported speech, after a participle of speech, or while
    a "that" clause waits for its verb: the part then belongs to what is reported."""
    tokens, left, speech, detailed_ok = state.tokens, state.left, state.speech, state.detailed_ok
    was_open = state.was_open
    if (
        left.has_verb
        and left.detail
        and detailed_ok
        and not speech
        and not was_open
        and part_of_figure_at(tokens, j)
    ):
        state.cut(j - 1, j + 1)
        return True
    return False


def _at_relative(state: CutState, j: int, lower: str) -> bool:
    """A non-restrictive relative ("who", "which"; "where" and "when" after a verb),
    outside speech, open clauses and other relatives. After the statement's verb, a
    final relative with a fact of its own ("... Danish Siddiqui, who was killed in
    Kandahar in 2021", "... issued by the MHRA, which is an emergency authorisation")
    is cut before its comma and starts the next statement. Before the verb, it is a
    medial aside ("Smith, who led the agency ..., said"): the pass measures it to its
    closing comma (`_at_aside_end`) and cuts nothing here."""
    tokens, first, left = state.tokens, state.first, state.left
    speech, detailed_ok = state.speech, state.detailed_ok
    was_open, was_relative = state.was_open, state.was_relative
    if not (
        (
            lower in APPOSITIVE_RELATIVES
            or (lower in (PLACE_RELATIVE, TIME_RELATIVE) and left.has_verb)
        )
        and detailed_ok
        and not speech
        and not was_open
        and not was_relative
    ):
        return False
    if left.has_verb and (
        (left.detail and final_relative(tokens, j)) or plain_final_relative(tokens, j)
    ):
        # the relative starts the next statement, and the clause it opened (when it is
        # one of the clause openers) still waits for its verb there
        state.cut(j - 2, j, open_clause=state.open_clause)
        return True
    if not left.has_verb:
        state.appositive_end = medial_relative_end(tokens, first, j)
    return False


def _at_reason_or_absolute(state: CutState, j: int, lower: str) -> bool:
    """A subordinator of reason after a comma (", because people who catch it twice
    are not counted", `reason_clause_at`) or a "with" absolute (", with many people
    displaying flags", `with_absolute`): a fact of its own, cut before its comma
    (dropped) and kept whole from the subordinator on; the absolute is kept though its
    verb is a participle. Not in speech or an open "that" clause, whose report it is."""
    tokens, first, left, speech = state.tokens, state.first, state.left, state.speech
    was_open, was_subordinated = state.was_open, state.was_subordinated
    if (
        (lower in REASON_SUBORDINATORS and reason_clause_at(tokens, first, j, was_subordinated))
        or (lower == "with" and with_absolute(tokens, first, j))
    ) and (left.has_verb and not speech and not was_open):
        if lower == "with":
            state.verbless.add(j)  # "with many people displaying flags": a participle, no verb
        state.cut(j - 2, j)  # the comma before the subordinator is dropped
        return True
    return False


def _at_list_item(state: CutState, j: int, lower: str) -> bool:
    """A comma or "and" before a list item with its own figure ("$3 billion for Moderna,
    $5 billion for Pfizer", `list_item_at`): each item is checked alone, sharing the
    statement's verb. Not in speech or after a participle of speech, nor in a list
    read "respectively" or a range ("between A and B"), whose items hold together."""
    tokens, first, left = state.tokens, state.first, state.left
    speech, detailed_ok = state.speech, state.detailed_ok
    lowers, n, respectively = tokens.lowers, tokens.n, state.respectively
    if not (left.has_verb and detailed_ok and not speech and j + 2 < n):
        return False
    item = None
    if not (respectively or left.ranged):
        item = list_item_at(tokens, first, j)
    if item is None:
        return False
    last = j - 1 if lowers[j - 1] != "," else j - 2
    state.cut_list_item(last, item)
    return True


def _at_chained_verb_phrase(state: CutState, j: int, lower: str) -> bool:
    """A comma between verb phrases of one subject ("increased sugar prices, raised
    taxes on U.S. imports and nationalized ...", `chained_verb_phrase`): each is a
    statement; the "and" before the last is cut by `_at_conjunction`. Not in speech,
    under a modal or "to" (one governed statement), or in an open "that" clause."""
    tokens, left, speech = state.tokens, state.left, state.speech
    verb_chain, detailed_ok = state.verb_chain, state.detailed_ok
    was_open = state.was_open
    if (
        left.has_verb
        and detailed_ok
        and not speech
        and not verb_chain
        and not was_open
        and chained_verb_phrase(tokens, left, j)
    ):
        state.cut(j - 1, j + 1)
        return True
    return False


def _at_conjunction(state: CutState, j: int, lower: str) -> bool:
    """A splitting conjunction ("and", "but", "while", "whereas", "yet") after the
    statement's verb, not inside a name or an open "that" clause's subject
    (`_may_open_statement`), that opens something a statement can be
    (`_conjunction_kind`: a clause, a repeated clause, a verb phrase of the same
    subject, a role) and that no guard keeps inside the statement (`_cut_end`): the
    statement ends before it (and its comma) and the next starts after it."""
    tokens = state.tokens
    if j + 1 >= tokens.n:
        return False
    # ", while the claim that onions can treat flu goes back to the 1500s": a contrast
    # with its own subject and verb, cut though the verb on its left is one the
    # lexicon lacks ("The rules require women to wear ...")
    contrast = lower == "while" and contrast_clause_at(tokens, state.first, j)
    if not _may_open_statement(state, j, contrast):
        return False
    kind = _conjunction_kind(state, j, contrast)
    if kind is None:
        return False
    last = _cut_end(state, j, kind)
    if last is None:
        return False
    state.cut(last, j + 1)
    return True


def _may_open_statement(state: CutState, j: int, contrast: bool) -> bool:
    """Whether the conjunction at `j` may start a statement at all, before asking what
    follows it: the statement has a verb (or `contrast` found a "while" clause), the
    conjunction is not inside a name, and no "that" clause waits for its verb."""
    tokens, left, open_clause = state.tokens, state.left, state.open_clause
    words, lowers = tokens.words, tokens.lowers
    if not left.has_verb and not contrast:
        return False
    if j > 0 and words[j - 1][0].isupper() and words[j + 1][0].isupper():
        return False  # a name: "the Department of Health and Social Care"
    # "found that washing masks with soap and water cut ...", "that Pope Francis and
    # two aides have tested positive": the clause "that" opened has no verb yet, so
    # "and" joins inside its subject; a pronoun after it ("and they do not") still
    # opens a statement.
    return not (open_clause and lowers[j + 1] not in SUBJECT_PRONOUNS)


def _conjunction_kind(state: CutState, j: int, contrast: bool) -> str | None:
    """What the conjunction at `j` opens, asked in order, the first answer kept: a
    contrast clause, a repeated clause opener, a clause (`clause_after`), a clause
    after an adverbial, a detailed verb phrase or a second role after "and", a verb
    phrase the lexicon lacks after ", and". None: nothing a statement can be. Marks as
    verbless the roles and comma verb phrases (their verb is not in the lexicon)."""
    tokens, first, left = state.tokens, state.first, state.left
    speech, detailed_ok = state.speech, state.detailed_ok
    lowers, verbless = tokens.lowers, state.verbless
    lower = lowers[j]
    kind = "clause" if contrast else None
    if lower == "and" and repeated_clause(tokens, left, first, j):
        kind = "repeated clause"
    if kind is None:
        kind = clause_after(tokens, j + 1)
    if kind is None and lowers[j - 1] == ",":
        kind = clause_after_adverbial(tokens, j + 1)
    if kind is None and lower == "and" and detailed_ok and not speech:
        kind = detailed_verb_phrase(tokens, left, j)
        kind = kind or auxiliary_verb_phrase(tokens, left, first, j)
        if kind is None and second_role(tokens, first, j):
            kind = "role"
            verbless.add(j + 1)
    if (
        kind is None
        and lowers[j - 1] == ","
        and detailed_ok
        and lowers[first] not in SUBORDINATORS
        and lowers[first] not in FRONTED_SUBORDINATORS
    ):
        # "Tetanus is an infection caused by a bacteria, and affects the muscles"
        kind = comma_verb_phrase(tokens, j + 1)
        if kind is not None:
            verbless.add(j + 1)  # "and affects the muscles": a verb the lexicon lacks
    return kind


def _cut_end(state: CutState, j: int, kind: str) -> int | None:
    """The last token of the statement the conjunction at `j` (opening `kind`) closes,
    or None when a guard keeps the conjunction inside it: a list's end, reported
    speech, a governed verb chain, a reduced relative, an attribution tail, words that
    share what follows, two adverbs of one verb, a condition."""
    tokens, first, left = state.tokens, state.first, state.left
    speech, verb_chain = state.speech, state.verb_chain
    lowers, verbs, n = tokens.lowers, tokens.verbs, tokens.n
    lower = lowers[j]
    if lower == "and" and kind in ("clause", "reported") and closes_noun_list(tokens, left, j):
        return None  # "venues such as restaurants, bars and malls must have": a list's end
    if speech and kind == "clause" and lowers[j - 1] == ",":
        pass  # "told X that A, and B is ...": the comma closes the report (below)
    elif speech and kind not in ("reported", "finite verb phrase", "repeated clause"):
        return None  # still what the speaker said
    if speech and kind == "finite verb phrase" and not reports_speech(tokens, j + 1):
        return None  # "She said prices rose, and would rise again": still what she said
    if verb_chain and kind == "verb phrase":
        return None  # "should have produced A and presented B": one governed statement
    if left.participle and kind == "verb phrase":
        return None  # "Screenshots ..., shared on Twitter and dated 15 October, read"
    if bare_attribution(lowers, verbs, j + 1, n - 1):
        return None  # ", and he said": a tail, not a new statement
    last = j - 1 if not (j > 0 and lowers[j - 1] == ",") else j - 2
    if last < first or lowers[last] in _LEFT_OPEN:
        return None  # "exposed to and infected with", "their first and second doses"
    if is_ly_adverb(lowers[last]) and is_ly_adverb(lowers[j + 1]):
        return None  # "purported to neatly and starkly illustrate": two adverbs of one verb
    if lowers[j + 1] in SUBORDINATORS:
        return None  # "and as more data becomes available": a condition, not a statement
    return last


CutRule = Callable[[CutState, int, str], bool]
"""A cut rule: asked at token `j` (its lowercase word given), it returns whether it
closed the statement there (through `CutState.cut` or `cut_list_item`)."""

_CUT_RULES: tuple[tuple[frozenset[str], CutRule], ...] = (
    (frozenset({";"}), _at_semicolon),
    (frozenset({","}), _at_figure_comma),
    (APPOSITIVE_RELATIVES | {PLACE_RELATIVE, TIME_RELATIVE}, _at_relative),
    (REASON_SUBORDINATORS | {"with"}, _at_reason_or_absolute),
    (CAUSE_HEADS, at_cause_phrase),
    (CONSEQUENCE_LINKS, at_consequence),
    (frozenset({",", "and"}), _at_list_item),
    (frozenset({","}), _at_chained_verb_phrase),
    (SPLITTING_CONJUNCTIONS, _at_conjunction),
)
"""The cut rules in the order they are asked at a token, each with the words it fires
at. The order is the splitter's behaviour (a comma is a figure's part before a list
item before a chained verb phrase; "whereas" a reason before a conjunction)."""

_RULES_AT: dict[str, tuple[CutRule, ...]] = {
    word: tuple(rule for words, rule in _CUT_RULES if word in words)
    for words, _ in _CUT_RULES
    for word in words
}
"""The rules asked at each word, in `_CUT_RULES`'s order; none at any other word."""
