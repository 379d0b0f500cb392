"""The one pass over a sentence's tokens that places the cuts between its statements.

`statement_cuts` walks the tokens once, keeping what it knows of the statement so far
(`span_left_side.LeftSide`) and whether it reports speech, is governed by a modal or
waits for a clause's verb, and asks the rules of `span_clauses`, `span_relatives`,
`span_verb_phrases` and `span_lists` whether a cut opens at a ";", a conjunction, a
comma, a relative or a subordinator. Its order of tests is the splitter's behaviour:
change it only with the identity and evaluation scripts in bench/. Pure; no I/O.
"""

from __future__ import annotations

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
from factcheck.claims.spans.left_side import LeftSide
from factcheck.claims.spans.lists import list_item_at, second_role
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
    CONJUNCTIONS,
    DETERMINERS,
    ORDINAL_WORDS,
    PREPOSITIONS,
    SPEECH_VERBS,
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
from factcheck.text.lexicon import MODALS, words_of

_LEFT_OPEN = DETERMINERS | PREPOSITIONS | ORDINAL_WORDS
"""Words a statement cannot end on before a conjunction: the conjunction then joins
two words that share what follows ("exposed to and infected with the virus", "their
first and second doses"), not two statements."""
_CLAUSE_OPENERS = words_of("that which who whom whose whether")
"""Words that open a clause inside the statement: until that clause has its verb, a
conjunction cannot start a new statement."""


def statement_cuts(tokens: Tokens) -> tuple[list[tuple[int, int]], set[int]]:
    """Token ranges [first, last] of the sentence's statements (one pass), and the
    first tokens of those that are list items with their own figure (kept though they
    have no verb: "$5 billion for Pfizer")."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    # A trailing attribution (", the company said", ", according to the UN") does not
    # keep the sentence whole: it stays with the last statement, whose span it ends, as
    # fact-checkers annotate it ("A rose" / "B fell, the company said").
    detailed_ok = True  # no participle of speech yet ("claiming", "saying")
    appositive_end = -1  # the comma closing "Smith, who led the agency ...," before "said",
    # or a fronted "While farmers are not required to ...," before its main clause
    cuts: list[tuple[int, int]] = []
    verbless: set[int] = set()
    left = LeftSide()
    respectively = "respectively" in lowers  # "... 24.1% and 21.5% respectively": one list
    first = 0
    speech = False  # the current statement reports speech: "X said A and B" stays whole
    verb_chain = False  # a modal or "to" governs the left verbs: "should have produced A and B"
    open_clause = False  # a "that" / "which" / "whether" clause still waits for its verb
    for j in range(n):
        lower = lowers[j]
        if not top[j]:
            continue
        if (
            lower in FRONTED_SUBORDINATORS
            and top[j]
            and not left.has_verb
            and not speech
            and (j == first or words[j][:1].isupper())
        ):
            # "While farmers are not required to plant flowers, they can ...": the
            # concession and the main clause are two statements, cut at the comma
            appositive_end = max(appositive_end, fronted_clause_end(tokens, j))
        if j < appositive_end:
            continue  # inside "Smith, who led the agency from 2009 to 2017," (cut at its end)
        if j == appositive_end:
            cuts.append((first, j - 1))  # "Smith, who led the agency from 2009 to 2017"
            first, speech, verb_chain = j + 1, False, False  # the main verb phrase: "said ..."
            detailed_ok = True
            left = LeftSide()
            open_clause = False
            continue
        was_open = open_clause
        was_relative = left.relative
        was_subordinated = left.subordinated
        left.see(tokens, j)
        if lower in SPEECH_VERBS and words[j][0].islower() and not _speech_noun(tokens, j):
            speech = True
        if lower in MODALS or lower == "to":
            verb_chain = True
        if verbs[j]:
            open_clause = False
        elif lower in _CLAUSE_OPENERS and j > first and lowers[j - 1] not in DETERMINERS:
            open_clause = True  # not "the who": an organisation in lowercased text
        if lower == ";" and left.has_verb and j + 1 < n:
            cuts.append((first, j - 1))
            first, speech, verb_chain = j + 1, False, False
            detailed_ok = True
            left = LeftSide()
            open_clause = False
            continue
        if lower in _SPEECH_FORMS:
            detailed_ok = False  # "claiming that he found 5,128 for A and 1,188 for B"
        if (
            lower == ","
            and left.has_verb
            and left.detail
            and detailed_ok
            and not speech
            and not was_open
            and part_of_figure_at(tokens, j)
        ):
            # "There are 292 bee species in Denmark" / "56 of which are threatened"
            cuts.append((first, j - 1))
            first, verb_chain = j + 1, False
            left = LeftSide()
            continue
        if (
            (
                lower in APPOSITIVE_RELATIVES
                or (lower in (PLACE_RELATIVE, TIME_RELATIVE) and left.has_verb)
            )
            and detailed_ok
            and not speech
            and not was_open
            and not was_relative
        ):
            if left.has_verb and (
                (left.detail and final_relative(tokens, j)) or plain_final_relative(tokens, j)
            ):
                # "... photojournalist Danish Siddiqui, who was killed in Kandahar in 2021",
                # "... issued by the MHRA, which is an emergency authorisation"
                cuts.append((first, j - 2))
                first, verb_chain = j, False
                left = LeftSide()
                continue
            if not left.has_verb:
                appositive_end = medial_relative_end(tokens, first, j)
        if (
            (lower in REASON_SUBORDINATORS and reason_clause_at(tokens, first, j, was_subordinated))
            or (lower == "with" and with_absolute(tokens, first, j))
        ) and (left.has_verb and not speech and not was_open):
            cuts.append((first, j - 2))  # the comma before the subordinator is dropped
            if lower == "with":
                verbless.add(j)  # "with many people displaying flags": a participle, no verb
            first, verb_chain = j, False
            detailed_ok = True
            left = LeftSide()
            continue
        if (
            left.has_verb
            and detailed_ok
            and not speech
            and j + 2 < n
            and (lower == "," or lower == "and")
        ):
            item = None
            if not (respectively or left.ranged):
                item = list_item_at(tokens, first, j)
            if item is not None:
                last = j - 1 if lowers[j - 1] != "," else j - 2
                cuts.append((first, last))
                verbless.add(item)
                first = item
                continue
        if (
            lower == ","
            and left.has_verb
            and detailed_ok
            and not speech
            and not verb_chain
            and not was_open
            and chained_verb_phrase(tokens, left, j)
        ):
            # "increased sugar prices, raised taxes on U.S. imports and nationalized ...":
            # the "and" before the last verb phrase is cut below as before
            cuts.append((first, j - 1))
            first = j + 1
            left = LeftSide()
            continue
        if lower not in SPLITTING_CONJUNCTIONS or j + 1 >= n:
            continue
        # ", while the claim that onions can treat flu goes back to the 1500s": a contrast
        # with its own subject and verb, cut though the verb on its left is one the
        # lexicon lacks ("The rules require women to wear ...")
        contrast = lower == "while" and contrast_clause_at(tokens, first, j)
        if not left.has_verb and not contrast:
            continue
        if j > 0 and words[j - 1][0].isupper() and words[j + 1][0].isupper():
            continue  # a name: "the Department of Health and Social Care"
        if open_clause and lowers[j + 1] not in SUBJECT_PRONOUNS:
            # "found that washing masks with soap and water cut ...", "that Pope Francis
            # and two aides have tested positive": the clause "that" opened has no verb
            # yet, so "and" joins inside its subject; a pronoun after it ("and they do
            # not") still opens a statement.
            continue
        kind = "clause" if contrast else None
        if lower == "and" and _repeated_clause(tokens, left, first, j):
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
        if kind is None:
            continue
        if lower == "and" and kind in ("clause", "reported") and _closes_noun_list(tokens, left, j):
            continue  # "venues such as restaurants, bars and malls must have": a list's end
        if speech and kind == "clause" and lowers[j - 1] == ",":
            pass  # "told X that A, and B is ...": the comma closes the report (below)
        elif speech and kind not in ("reported", "finite verb phrase", "repeated clause"):
            continue  # still what the speaker said
        if speech and kind == "finite verb phrase" and not reports_speech(tokens, j + 1):
            continue  # "She said prices rose, and would rise again": still what she said
        if verb_chain and kind == "verb phrase":
            continue  # "should have produced A and presented B": one governed statement
        if left.participle and kind == "verb phrase":
            continue  # "Screenshots ..., shared on Twitter and dated 15 October, read"
        if bare_attribution(lowers, verbs, j + 1, n - 1):
            continue  # ", and he said": a tail, not a new statement
        last = j - 1 if not (j > 0 and lowers[j - 1] == ",") else j - 2
        if last < first or lowers[last] in _LEFT_OPEN:
            continue  # "exposed to and infected with", "their first and second doses"
        if is_ly_adverb(lowers[last]) and is_ly_adverb(lowers[j + 1]):
            continue  # "purported to neatly and starkly illustrate": two adverbs of one verb
        if lowers[j + 1] in SUBORDINATORS:
            continue  # "and as more data becomes available": a condition, not a statement
        cuts.append((first, last))
        first, speech, verb_chain = j + 1, False, False
        detailed_ok = True
        left = LeftSide()
        open_clause = False
    if first < n:
        cuts.append((first, n - 1))
    return cuts, verbless


def _speech_noun(tokens: Tokens, j: int) -> bool:
    """Whether the speech word at `j` is a noun after its determiner ("the claims",
    "a claim they showed ...", "its notes"): it names what was said, and reports
    nothing the rest of the sentence says."""
    lowers = tokens.lowers
    return j > 0 and lowers[j - 1] in DETERMINERS


_HEAD_REACH = 3
"""Tokens before a relative searched for the preposition of its head ("to a woman who")."""


def _object_head(tokens: Tokens, first: int, r: int) -> bool:
    """Whether the relative at `r` follows a preposition's object ("tracks back to a
    woman who ..."): its head is no subject, so the statement's verb came before it,
    though the lexicon did not know that verb ("tracks")."""
    lowers, top = tokens.lowers, tokens.top
    return lowers[r] != "that" and any(
        top[i] and lowers[i] in PREPOSITIONS for i in range(max(first, r - _HEAD_REACH), r)
    )


_REPEATED_OPENERS = words_of("that who which")
"""Words whose repetition after "and" opens a second clause parallel to the first."""
_ASIDE_REACH = 4
"""Tokens an aside between commas may hold after the repeated opener (", remarkably,")."""


def _repeated_clause(tokens: Tokens, left: LeftSide, first: int, j: int) -> bool:
    """Whether the "and" at `j` opens a second clause with the same opener as an earlier
    one of the statement, whose verb came already: "she has stated that she received the
    vaccine and that her children are vaccinated", "made the assertion that A, and that,
    remarkably, B", "a woman who did not reveal her method and who has not been publicly
    identified". The repeated "that" / "who" / "which" shows the writer states two things
    in parallel, each checkable alone; a clause (for "that") or a verb (for "who",
    "which") must follow it, past a short aside between commas. The first clause must
    follow the statement's verb (or a preposition's object, `_object_head`): clauses
    inside the subject ("patients who had X and who received Y recovered faster") or
    after a subordinator ("as soon as he learned that A and that B, his staff ...")
    leave the main clause still to come."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    k = j + 1
    opener = lowers[k] if k < n and top[k] else ""
    if opener not in _REPEATED_OPENERS:
        return False
    earlier = [
        i
        for i in range(max(first, 1), j)
        if top[i] and lowers[i] == opener and lowers[i - 1] not in DETERMINERS | PREPOSITIONS
    ]
    if not earlier or not any(verbs[i] for i in range(earlier[0] + 1, j)):
        return False  # the first clause has no verb yet: "and" joins inside it
    if not (0 <= left.verb_at < earlier[0] or _object_head(tokens, first, earlier[0])):
        return False  # "sources who are X and who are Y confirm ...": inside the subject
    if any(top[i] and lowers[i] in SUBORDINATORS for i in range(first, earlier[0])):
        return False  # "as soon as he learned that A and that B, ...": a dependent clause
    k += 1
    if k < n and lowers[k] == ",":
        close = next(
            (i for i in range(k + 1, min(n, k + 2 + _ASIDE_REACH)) if lowers[i] == ","), -1
        )
        if close < 0:
            return False
        k = close + 1  # "and that, remarkably, this was ..."
    if k + 1 >= n or not words[k][:1].isalnum():
        return False
    if opener == "that":
        return clause_after(tokens, k) in ("clause", "reported")
    while k < n and lowers[k] in _RELATIVE_ADVERBS:
        k += 1
    return k < n and verbs[k] and not lowers[k].endswith("ing")


_RELATIVE_ADVERBS = words_of("not never also still already later then")
"""Adverbs between a repeated relative and its verb ("and who later ...")."""


_LIST_REACH = 5
"""Tokens before an "and" searched for the comma of a list it closes."""


def _closes_noun_list(tokens: Tokens, left: LeftSide, j: int) -> bool:
    """Whether the "and" at `j` closes a list of nouns after the statement's verb
    ("such as restaurants, bars and malls must ...", "against vaccinations, vaccine
    passports and other rules"): a comma within `_LIST_REACH` tokens before it and no
    verb between, so the noun after "and" is the list's last item, not a new subject."""
    lowers, verbs, top = tokens.lowers, tokens.verbs, tokens.top
    for i in range(j - 2, max(left.verb_at, j - 1 - _LIST_REACH), -1):
        if verbs[i] or lowers[i] in CONJUNCTIONS:
            return False  # a verb between, or a list closed already ("A, B and C, and")
        if top[i] and lowers[i] == ",":
            return True
    return False


_SPEECH_FORMS = words_of("claiming saying arguing insisting stating alleging suggesting")
"""Participles that report speech: what follows them is one reported statement, so
the detailed coordination and list cuts stop there (the older cuts have their own
speech rule)."""
