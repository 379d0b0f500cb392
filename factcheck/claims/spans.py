"""Statement spans inside one sentence: whole statements a fact-checker can check alone.

A claim is the smallest span that can be checked by itself: the number with its unit
and date, the subject and verb, the opening phrase that anchors it ("In Ontario, ...")
and its attribution ("..., according to Chinese state media"). That is a sentence, or a
clause of it when the sentence coordinates several statements ("The firm admitted the
breach" / "paid a $2 million penalty"; "China is ... partner" / "relations ... have
improved since ..."). So this module cuts a sentence only between statements, never
inside one: at ";" and at a coordinating conjunction that opens a new clause (a subject
and a finite verb, or a second verb phrase with its object), outside quotation marks
and brackets, and never inside reported speech ("Xi said A and B" is one statement of
what Xi said). Where statements share their subject, a second verb phrase with its
own detail ("The storm killed 1,200 people" / "left 40,000 without homes"), list items
with their own figure ("$6 billion for Moderna" / "$5 billion for Pfizer") and two
named roles after one copula are cut too; the later span starts at its verb, figure or
role. So are a clause of reason or concession after a comma or before the main clause
("..., because X did Y", "While X, Y"), a non-restrictive relative with its own detail
("Smith, who led the agency from 2009 to 2017, ..."), a counted part (", 56 of which
are ...") and the links of a chain of verb phrases (docs/claims.md). Pieces that
are no statement are dropped: bare noun phrases with no verb ("the next two years")
and attribution tails alone ("he said", "the company said in a statement"). There is
no word cap. One regex tokenises the sentence and one pass over
its tokens decides, so the cost is linear in its length (transcripts come unpunctuated).
`factcheck.claims.splitter` scores what this module proposes. Pure; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims.checkworthiness import FLAG_BITS, shape_bits
from factcheck.claims.endings import mend_cut_ends
from factcheck.models import ClaimKind
from factcheck.text.lexicon import MODALS, ORDINAL_RANKS, WEEKDAYS, words_of

__all__ = ["Statement", "claim_kind", "is_attribution", "statement_spans", "trim_markup"]


@dataclass(frozen=True, slots=True)
class Statement:
    """A proposed claim: character offsets into the source, and whether it reports speech."""

    start: int
    end: int
    attribution: bool = False


FRAGMENT_WORDS = 7
"""A piece this short with no verb found is a bare noun phrase, not a statement. Longer
pieces are kept even when no verb is found: the verb test is a lexicon, and a missed
verb ("The bridge links ...") must not lose a claim."""

# A token: a figure ("$1,250,000", "9.7%", "11:30"), dotted initials ("U.S."), a word with
# inner apostrophes and hyphens, or one other non-space character. Not `text.words.WORD`:
# the clause rules read punctuation ("," ";" quotes) and whole figures as tokens.
_TOKEN = re.compile(r"[$£€]?\d(?:[\d,.:]*\d)?%?|(?:[A-Za-z]\.){2,}|\w(?:[\w'’-]*\w)?|[^\w\s]")
_OPEN_QUOTES = frozenset("“«")
_CLOSE_QUOTES = frozenset("”»")
_OPEN_BRACKETS = frozenset("([{")
_CLOSE_BRACKETS = frozenset(")]}")

_DETERMINERS = words_of(
    "a an the this these those its their his her our your my some many several all both "
    "each every no any another"
)
_PREPOSITIONS = words_of(
    "of over for in on at from between among about against during across under within per "
    "into by than to with without through since until after before amid despite via like"
)
_CONJUNCTIONS = words_of("and but while whereas yet or nor")
_SPLITTING_CONJUNCTIONS = words_of("and but while whereas yet")
_RELATIVES = words_of("that which who whom whose where when what how why")
_SUBJECT_PRONOUNS = words_of("he she it they we i you there")
_OBJECTS = _DETERMINERS | words_of("him her them us me it")
_AUXILIARIES = words_of(
    "is are was were be been being am has have had do does did will would can could may "
    "might shall should must 's ’s"
)
# Irregular past forms and frequent present-tense verbs of news text: with "-ed" words
# and auxiliaries they tell a clause from a noun phrase without a tagger.
_VERB_FORMS = words_of(
    "said says told tells made makes took takes gave gives got gets went goes came comes "
    "saw sees knew knows thought thinks found finds kept keeps led leads showed shows held "
    "holds brought brings began begins ran runs paid pays meant means became becomes "
    "rose rises fell falls grew grows won wins lost loses spent spends sold sells bought "
    "buys built builds sent sends left leaves met meets set sets put puts cut cuts hit "
    "hits stood stands struck strikes wrote writes spoke speaks broke breaks chose "
    "faces calls urges warns claims denies remains remain include includes seems "
    "appears wants needs says tops leads ranks owns plans expects opposes supports "
    "represents accounts reaches killed dies died fled drove flew forgot forgave froze "
    "hid hung laid lay lent lit quit rode rang sank sat shot shut slept slid sought "
    "spread stole stuck swore swept swam taught tore threw understood woke wore wound "
    "withdrew overtook undertook became beat bore bound bred fed fought dealt dug drew "
    "drank ate felt"
)
_REPORTING_VERBS = words_of(
    "said says told tells urged urges assured assures stated states insisted insists argued "
    "argues warned warns claimed claims added adds noted notes quoted saying explained "
    "explains stressed stresses asserted asserts suggested suggests wrote writes tweeted "
    "posted replied answered responded testified"
)
"""Verbs that mark a statement as reported speech (its kind, and the mood rules)."""
_SPEECH_VERBS = _REPORTING_VERBS | words_of("say tell claim argue insist warn assure")
"""Verbs whose complement is speech: "X said A and B", "to say A and B" report one
statement."""
_ATTRIBUTING = _REPORTING_VERBS | words_of(
    "according admitted admits denied denies announced announces confirmed confirms "
    "reported reports promised promises pledged vowed accused acknowledged conceded "
    "revealed disclosed called"
)
"""Words that mark a statement as an attribution (its kind), speech or not."""
_TAIL_ADVERBIALS = frozenset(WEEKDAYS) | words_of(
    "in a an the statement on later earlier today yesterday interview told reporters "
    "briefing email press conference release news also separately"
)


def _is_verb(lower: str, previous: str) -> bool:
    """Whether a lowercase token is (very likely) a finite verb, from its form and the
    token before it; the cheap tests come first, as this runs on every token."""
    if lower in _AUXILIARIES or lower in _VERB_FORMS:
        return True
    if lower.endswith(("n't", "n’t")) or lower == "cannot":
        return True  # "don't", "isn’t", "can't": a negated auxiliary is a verb
    if len(lower) > 4 and lower.endswith("ed") and previous not in _DETERMINERS:
        # "opposed", "improved"; not "the disputed region", nor a hyphenated adjective
        # ("virus-related rules", "well-funded")
        return "-" not in lower
    if previous in ("i", "we", "you", "they") and lower.isalpha():
        return True  # "We closed", "they agree": a pronoun subject is followed by its verb
    # "he faces", "who owns"
    return previous in ("he", "she", "it", "who") and lower.endswith("s") and lower.isalpha()


def trim_markup(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past Markdown markup and closing punctuation.

    A heading's "#", a block quote's ">", a final full stop and emphasis marks that wrap
    the span or stand alone at its edge are not claim text; offsets still index the
    stored text, so emphasis inside a span stays, whole ("**Unemployment** fell").
    A closing quotation mark is kept with its full stop ("... situation.”") so the
    quotes stay balanced.
    """
    while start < end:
        char = text[start]
        following = text[start + 1 : start + 2]
        if char.isspace() or (char in "#>" and following in ("#", ">", " ", "")):
            start += 1  # a heading's "#" or a quote's ">", not a hashtag ("#MeToo")
        elif char in "*_":
            mark = start
            while mark < end and text[mark] == char:
                mark += 1
            run = text[start:mark]
            if text.find(run, mark, end) >= 0 and not text[start:end].rstrip(".,;: ").endswith(run):
                break  # "**Unemployment** fell ...": the emphasis closes inside the span
            start = mark
        else:
            break
    while end > start:
        char = text[end - 1]
        if char.isspace() or char in ".,;:—–-#":
            end -= 1
        elif char in "*_":
            mark = end
            while mark > start and text[mark - 1] == char:
                mark -= 1
            if text.find(text[mark:end], start, mark) >= 0:
                break  # "... in *May*": the emphasis opened inside the span
            end = mark
        else:
            break
    return start, end


_ORDINAL_WORDS = frozenset(ORDINAL_RANKS) | words_of("1st 2nd 3rd")
_LEFT_OPEN = _DETERMINERS | _PREPOSITIONS | _ORDINAL_WORDS
"""Words a statement cannot end on before a conjunction: the conjunction then joins
two words that share what follows ("exposed to and infected with the virus", "their
first and second doses"), not two statements."""
_SUBORDINATORS = words_of(
    "as if when whenever because although though before after until unless once whether"
)
"""Words that open a dependent clause: "... and as more data becomes available" is a
condition of the statement before it, not a statement of its own."""
_CLAUSE_OPENERS = words_of("that which who whom whose whether")
"""Words that open a clause inside the statement: until that clause has its verb, a
conjunction cannot start a new statement."""
_WORD_CHAR = re.compile(r"\w")
_REASON_SUBORDINATORS = words_of("because although though whereas since")
"""Subordinators whose clause, after a comma, states a fact of its own: "..., because
people who catch it twice are not counted", "..., since some infections are
asymptomatic". Not "if", "unless", "when", "until", "before", "after", "as" (a condition
or a time of the statement before: no statement alone) and "while" (a splitting
conjunction already)."""
_PRESENT_AUXILIARIES = words_of("is are has have does do can 's ’s")
"""A "since" clause with one of these as its verb gives a reason ("since some infections
are asymptomatic"); with a past verb it gives a time ("since records began"), which
belongs to the statement before it."""
_APPOSITIVE_RELATIVES = words_of("who which")
"""Relatives that open a non-restrictive clause after a comma ("Danish Siddiqui, who was
killed in 2021"); "that" is restrictive and never follows a comma in edited text."""
_PLACE_RELATIVE = "where"
_TIME_RELATIVE = "when"
"""The relative of a named time, cut with its own subject and verb after a year, date or
name ("in 1918, when it fell from 50.9 years to 39.1 years", "during World War II, when
...")."""
"""The relative of a place, cut with its own subject and verb ("Twitter, where one post
has received ...")."""
_PART_RELATIVES = words_of("which whom")
"""Relatives of a part after a figure: ", 56 of which were found to be threatened"."""
_CUT_WORDS = (
    _SPLITTING_CONJUNCTIONS | _REASON_SUBORDINATORS | _APPOSITIVE_RELATIVES | _PART_RELATIVES
) | {";", _PLACE_RELATIVE, _TIME_RELATIVE, "with"}
_HEAD_WORDS = FRAGMENT_WORDS + 2
"""Tokens the fragment test (pieces under FRAGMENT_WORDS) and the attribution-tail test
(a reporting verb within the first six words) look at."""


def statement_spans(text: str, start: int, end: int) -> list[Statement]:
    """The statements of the sentence `text[start:end]`, as offsets into `text`.

    Spans are disjoint, in order, trimmed of markup and closing punctuation, and never
    cut inside quotation marks or brackets.
    """
    start, end = trim_markup(text, start, end)
    if start >= end:
        return []
    matches = list(_TOKEN.finditer(text, start, end))
    if not matches:
        return []
    words = [m.group() for m in matches]
    lowers = list(map(str.lower, words))
    n = len(words)
    # Only the text's last sentence can be a body cut off by its source mid-clause; a
    # final preposition or auxiliary anywhere else is good English ("aged 65 and over",
    # "the symptom people should look for").
    ends_text = _WORD_CHAR.search(text, end) is None
    previous = ["", *lowers[:-1]]
    if _CUT_WORDS.isdisjoint(lowers):
        # Most sentences: nothing to cut at, so one statement; the verb test is needed
        # only where the fragment and attribution-tail checks look (the first words).
        verbs = list(map(_is_verb, lowers[:_HEAD_WORDS], previous[:_HEAD_WORDS]))
        cuts = [(0, n - 1)]
        verbless: set[int] = set()
    else:
        verbs = list(map(_is_verb, lowers, previous))
        tokens = Tokens(words, lowers, verbs, _top_level(words), n)
        cuts, verbless = _statement_cuts(tokens)
    statements: list[Statement] = []
    for first, last in cuts:
        listed = first in verbless
        if not listed and last - first < FRAGMENT_WORDS and not any(verbs[first : last + 1]):
            continue  # a bare noun phrase ("six weeks"): nothing to check
        if _bare_attribution(lowers, verbs, first, last):
            continue  # "he said", "the company said in a statement"
        ends_body = ends_text and last == n - 1
        whole = last
        last = _drop_dangling(lowers, first, last)
        if ends_body:
            last = _drop_cut_off_end(words, lowers, first, last)
        if last != whole and last - first < FRAGMENT_WORDS and not any(verbs[first : last + 1]):
            continue  # "the union has been" less its cut-off end: a bare noun phrase
        s, e = trim_markup(text, matches[first].start(), matches[last].end())
        if e <= s:
            continue
        statements.append(Statement(s, e, _attributes(words, lowers, first, last)))
    return mend_cut_ends(text, statements, end)  # a cut that left a statement hanging


def _attributes(words: list[str], lowers: list[str], first: int, last: int) -> bool:
    """Whether tokens [first, last] attribute what they say ("said", "according to";
    lowercase, so "United States" is no attribution)."""
    return not _ATTRIBUTING.isdisjoint(lowers[first : last + 1]) and any(
        lowers[j] in _ATTRIBUTING and words[j][0].islower() for j in range(first, last + 1)
    )


def is_attribution(text: str) -> bool:
    """Whether a span reports who said or found it: the `attribution` flag that
    `statement_spans` gives, for a span a reviewer set by hand."""
    words = _TOKEN.findall(text)
    return _attributes(words, [w.lower() for w in words], 0, len(words) - 1)


_LOOSE_PUNCTUATION = frozenset({",", ";", ":", "-", "–", "—", ".", "!", "?", "..."})
"""Punctuation standing alone as a word: given back with a dangling article before it."""


_OPENERS_ONLY = words_of("because if although though unless whether")
"""Subordinators that cannot end a clause ("... severe illness because" in a cut-off
body); "so", "since", "before" and "once" can ("to do so", "than before")."""


_DEMONSTRATIVES = words_of("this that these those")
_PRONOUN_AFTER = (
    _PREPOSITIONS | _SPEECH_VERBS | words_of("is are was were be been am 's ’s do does did")
)
"""Words after which a final demonstrative stands for a noun phrase, so it ends the
statement whole: "why is that", "the problem is that", "like this", "abide by that".
Not a modal or "has": "how can that" lacks its verb."""


_EMPHASIS_MARKS = frozenset("*_")


def _dangles(lower: str) -> bool:
    """A word a claim cannot end on: a determiner, conjunction, relative or
    subordinator, or loose punctuation ("is the , the": trimmed later anyway)."""
    return (
        lower in _DETERMINERS
        or lower in _CONJUNCTIONS
        or lower in _RELATIVES
        or lower in _OPENERS_ONLY
        or lower in _LOOSE_PUNCTUATION
    )


def _is_ly_adverb(lower: str) -> bool:
    """Whether a word looks like an "-ly" adverb ("neatly", "starkly"; not "fly", nor a
    noun such as "family" or "supply")."""
    return len(lower) > 4 and lower.endswith("ly") and lower.isalpha() and lower not in _LY_NOUNS


_LY_NOUNS = words_of(
    "family italy july supply rally ally assembly anomaly monopoly butterfly jelly belly "
    "reply bully lily emily kelly sally molly billy holly daily weekly monthly quarterly "
    "elderly"
)
"""Frequent words ending in "-ly" that are nouns (or names) rather than adverbs."""


_FLOATING_QUANTIFIERS = words_of("each all both")
"""Determiners that also end a clause after what they quantify ("fined them €150 ($177)
each", "paid $5 each", "thanked them all")."""


def _floating_quantifier(lowers: list[str], first: int, end: int) -> bool:
    """Whether the final "each" / "all" / "both" at `end` quantifies what comes before it
    (a figure, a closing bracket or an object pronoun), so it ends the statement."""
    if end <= first or lowers[end] not in _FLOATING_QUANTIFIERS:
        return False
    before = lowers[end - 1]
    return before[:1].isdigit() or before[:1] in "$£€)" or before in ("them", "us", "you")


def _drop_dangling(lowers: list[str], first: int, last: int) -> int:
    """Give back a trailing determiner, conjunction, relative or subordinator, and a
    preposition it bares ("... died on April 22 of the" in a cut-off body): a claim never
    ends on them. A preposition alone at the end is `_drop_cut_off_end`'s to judge. A
    final demonstrative after a verb or preposition is a pronoun and stays."""
    end = last
    if end > first and lowers[end] in _DEMONSTRATIVES and lowers[end - 1] in _PRONOUN_AFTER:
        return end
    if _floating_quantifier(lowers, first, end):
        return end  # "fined them €150 ($177) each"
    while True:  # until stable: a bared preposition may uncover another determiner
        before = end
        behind = end  # emphasis marks standing alone, which `trim_markup` drops later
        while behind > first and lowers[behind] in _EMPHASIS_MARKS:
            behind -= 1
        if behind != end and _dangles(lowers[behind]):
            end = behind  # "the *": the mark goes, and the "the" it hid must too
        while end > first and _dangles(lowers[end]):
            end -= 1
        if end == before:
            return end
        while end > first and lowers[end] in _PREPOSITIONS:
            end -= 1


_TRAILING_AUXILIARIES = _AUXILIARIES - words_of("do does did 's ’s")
"""Auxiliaries and modals that leave a clause without its predicate when they end it
("the union has been", "the pool will"); "do" is also a main verb ("what they do")."""
_GAP_WORDS = _RELATIVES | words_of("i you we they he she it them us me him to")
"""Words that open a clause with a gap a final preposition can fill: "the page you were
looking for", "rooms they are in", "a friend to shelter with"."""
_ELLIPSIS_WORDS = (_GAP_WORDS - {"that"}) | words_of("as than so none nor not neither too")
"""Words that make a final auxiliary an ellipsis rather than a cut: "as effective as it
once was", "how common the problem is", "yet none have"."""
_CHAIN_ADVERBS = words_of("not n't never also still already soon just now always")
"""Adverbs inside a run of auxiliaries ("may soon be", "has not been")."""
_LOOK_BACK = 4
"""Tokens before a final preposition or auxiliary searched for a gap or ellipsis word."""


def _drop_cut_off_end(words: list[str], lowers: list[str], first: int, last: int) -> int:
    """Give back the end of the text's last statement when the source cut it off
    mid-clause, as a truncated body is ("... is a public health emergency in", "the union
    has been"): a final lowercase preposition with no gap before it to fill, a final run
    of auxiliaries with no ellipsis before it, and an ordinal after a determiner ("in
    their first"). A stranded preposition or
    an elliptic auxiliary stays ("what you were looking for", "as it once was")."""
    end = last
    while end > first and words[end][:1].islower():
        lower = lowers[end]
        if lower in _PREPOSITIONS:
            before = lowers[end - 1]
            if lower in _ADVERB_PREPOSITIONS and before in _TIME_BEFORE_ADVERB:
                return end  # "turned back on right after", "than before", "ever since"
            stacked = before in _PREPOSITIONS or before in _CONJUNCTIONS
            if not stacked and _gap_before(lowers, first, end):
                return end
            end = _drop_dangling(lowers, first, end - 1)  # "in addition to at", "or to"
        elif lower in _ORDINAL_WORDS and end > first and lowers[end - 1] in _DETERMINERS:
            end = _drop_dangling(lowers, first, end - 1)  # "in their first": a rank cut off
        elif lower in _TRAILING_AUXILIARIES and not (
            lower == "am" and words[end - 1][:1].isdigit()
        ):
            chain = end  # (not "at 6 am")
            while chain > first and (
                lowers[chain - 1] in _TRAILING_AUXILIARIES or lowers[chain - 1] in _CHAIN_ADVERBS
            ):
                chain -= 1  # "may soon be", "has not been"
            if lowers[chain - 1] not in _RELATIVES and _near(lowers, first, chain, _ELLIPSIS_WORDS):
                return end  # not "... which can": a relative subject still needs its verb
            end = _drop_dangling(lowers, first, chain - 1) if chain > first else first
        else:
            return end
    return end


_ADVERB_PREPOSITIONS = words_of("after before since")
_TIME_BEFORE_ADVERB = words_of(
    "right soon shortly long just immediately straight ever than not never once day days "
    "week weeks month months year years hour hours minute minutes time"
)
"""Words after which a final "after", "before" or "since" is an adverb of time that
ends the clause ("right after", "the year before", "ever since"), not a cut-off
preposition."""


def _gap_before(lowers: list[str], first: int, at: int) -> bool:
    """Whether a word that opens a clause with a gap comes in the `_LOOK_BACK` tokens
    before the final preposition at `at`. A relative counts only before its own subject
    ("the place which the team worked at"): one followed by its verb is the subject
    itself and leaves no gap ("clinics which operate outside of" was cut off)."""
    for j in range(max(first, at - _LOOK_BACK), at):
        lower = lowers[j]
        if lower not in _GAP_WORDS:
            continue
        if lower in _RELATIVES and lowers[j + 1] not in _SUBJECT_PRONOUNS | _DETERMINERS:
            continue
        return True
    return False


def _near(lowers: list[str], first: int, at: int, wanted: frozenset[str]) -> bool:
    """Whether one of the `_LOOK_BACK` tokens before `at` (not before `first`) is wanted."""
    return not wanted.isdisjoint(lowers[max(first, at - _LOOK_BACK) : at])


def _top_level(words: list[str]) -> list[bool]:
    """For each token, whether it sits outside quotation marks and brackets. Straight
    double quotes toggle; curly quotes and brackets nest (bounded at zero, so a stray
    closing mark cannot push the rest of the sentence out of reach)."""
    depth = 0
    straight_open = False
    top = []
    for word in words:
        if word in _OPEN_QUOTES or word in _OPEN_BRACKETS:
            top.append(depth == 0 and not straight_open)
            depth += 1
            continue
        if word in _CLOSE_QUOTES or word in _CLOSE_BRACKETS:
            depth = max(0, depth - 1)
            top.append(depth == 0 and not straight_open)
            continue
        if word == '"':
            straight_open = not straight_open
            top.append(depth == 0)
            continue
        top.append(depth == 0 and not straight_open)
    return top


@dataclass(frozen=True, slots=True)
class Tokens:
    """A sentence cut into tokens, as every cut rule reads it: the tokens, their
    lowercase forms, whether each is (likely) a finite verb, and whether each sits
    outside quotation marks and brackets (`_top_level`); `n` tokens. One object, so
    the rules take it and the token they judge rather than the same five arguments."""

    words: list[str]
    lowers: list[str]
    verbs: list[bool]
    top: list[bool]
    n: int


@dataclass(slots=True)
class _LeftSide:
    """What the detailed-coordination cuts need to know of the statement so far, kept
    as the one pass goes (so a long unpunctuated transcript stays linear): its first
    verb, whether a detail follows that verb, whether a relative clause may hold the
    conjunction, and whether a range ("between", "from") opened."""

    verb_at: int = -1
    detail: bool = False
    relative: bool = False
    ranged: bool = False
    participle: bool = False
    """The first verb is a participle after a comma: the subject's reduced relative."""
    started: bool = False
    """Whether a token of this statement was seen (a comma before its first token is the
    previous statement's)."""
    subordinated: bool = False
    """Whether a subordinator ("although", "because", ...) came in this statement: it is
    then a dependent clause itself, and no reason clause is cut off it."""

    @property
    def has_verb(self) -> bool:
        """Whether the statement so far has a verb outside quotes (the cuts need one
        on their left)."""
        return self.verb_at >= 0

    def see(self, tokens: Tokens, j: int) -> None:
        words, lowers, verbs = tokens.words, tokens.lowers, tokens.verbs
        lower = lowers[j]
        if self.verb_at < 0:
            if verbs[j] and not _passive_participle(tokens, j):
                self.verb_at = j
                if self.started and lowers[j - 1] == "," and lower.endswith("ed"):
                    # "Screenshots of the message, shared on Twitter and dated 15
                    # October, read: ...": a participle after the subject, a reduced
                    # relative whose "and" joins inside it; the main verb is to come
                    self.relative = self.participle = True
            elif _relative(lower):
                self.relative = True  # "In the post, which was published ...": no main verb yet
        else:
            if not self.detail and _is_detail(words[j], lower):
                self.detail = True
            if _relative(lower) and lowers[j - 1] != ",":
                self.relative = True  # "those who had the first dose and tested ..."
        if lower in _RANGE_WORDS:
            self.ranged = True
        if lower in _SUBORDINATORS:
            self.subordinated = True
        self.started = True


_CHANGE_VERBS = words_of(
    "dropped increased decreased declined jumped climbed plunged surged slipped gained "
    "soared tumbled dipped expanded contracted"
)
"""Verbs of a change in quantity, finite before "by" and its amount ("visits dropped by
a whopping 60"), not passive participles."""


def _passive_participle(tokens: Tokens, j: int) -> bool:
    """Whether the "-ed" word at `j` is a passive participle after its noun, with no
    auxiliary ("Thousands of Cubans angered by shortages protested"): it modifies the
    noun, so the clause's finite verb is still to come."""
    lowers = tokens.lowers
    lower = lowers[j]
    return (
        lower.endswith("ed")
        and lower not in _VERB_FORMS
        and lower not in _CHANGE_VERBS
        and j + 1 < len(lowers)
        and lowers[j + 1] == "by"
        and j > 0
        and lowers[j - 1] not in _AUXILIARIES
        and lowers[j - 1] not in _CHAIN_ADVERBS
    )


def _statement_cuts(tokens: Tokens) -> tuple[list[tuple[int, int]], set[int]]:
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
    left = _LeftSide()
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
            lower in _FRONTED_SUBORDINATORS
            and top[j]
            and not left.has_verb
            and not speech
            and (j == first or words[j][:1].isupper())
        ):
            # "While farmers are not required to plant flowers, they can ...": the
            # concession and the main clause are two statements, cut at the comma
            appositive_end = max(appositive_end, _fronted_clause_end(tokens, j))
        if j < appositive_end:
            continue  # inside "Smith, who led the agency from 2009 to 2017," (cut at its end)
        if j == appositive_end:
            cuts.append((first, j - 1))  # "Smith, who led the agency from 2009 to 2017"
            first, speech, verb_chain = j + 1, False, False  # the main verb phrase: "said ..."
            detailed_ok = True
            left = _LeftSide()
            open_clause = False
            continue
        was_open = open_clause
        was_relative = left.relative
        was_subordinated = left.subordinated
        left.see(tokens, j)
        if lower in _SPEECH_VERBS and words[j][0].islower() and not _speech_noun(tokens, j):
            speech = True
        if lower in MODALS or lower == "to":
            verb_chain = True
        if verbs[j]:
            open_clause = False
        elif lower in _CLAUSE_OPENERS and j > first and lowers[j - 1] not in _DETERMINERS:
            open_clause = True  # not "the who": an organisation in lowercased text
        if lower == ";" and left.has_verb and j + 1 < n:
            cuts.append((first, j - 1))
            first, speech, verb_chain = j + 1, False, False
            detailed_ok = True
            left = _LeftSide()
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
            and _part_of_figure_at(tokens, j)
        ):
            # "There are 292 bee species in Denmark" / "56 of which are threatened"
            cuts.append((first, j - 1))
            first, verb_chain = j + 1, False
            left = _LeftSide()
            continue
        if (
            (
                lower in _APPOSITIVE_RELATIVES
                or (lower in (_PLACE_RELATIVE, _TIME_RELATIVE) and left.has_verb)
            )
            and detailed_ok
            and not speech
            and not was_open
            and not was_relative
        ):
            if left.has_verb and left.detail and _final_relative(tokens, j):
                # "... photojournalist Danish Siddiqui, who was killed in Kandahar in 2021"
                cuts.append((first, j - 2))
                first, verb_chain = j, False
                left = _LeftSide()
                continue
            if not left.has_verb:
                appositive_end = _medial_relative_end(tokens, first, j)
        if (
            (
                lower in _REASON_SUBORDINATORS
                and _reason_clause_at(tokens, first, j, was_subordinated)
            )
            or (lower == "with" and _with_absolute(tokens, first, j))
        ) and (left.has_verb and not speech and not was_open):
            cuts.append((first, j - 2))  # the comma before the subordinator is dropped
            if lower == "with":
                verbless.add(j)  # "with many people displaying flags": a participle, no verb
            first, verb_chain = j, False
            detailed_ok = True
            left = _LeftSide()
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
                item = _list_item_at(tokens, first, j)
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
            and _chained_verb_phrase(tokens, left, j)
        ):
            # "increased sugar prices, raised taxes on U.S. imports and nationalized ...":
            # the "and" before the last verb phrase is cut below as before
            cuts.append((first, j - 1))
            first = j + 1
            left = _LeftSide()
            continue
        if lower not in _SPLITTING_CONJUNCTIONS or not left.has_verb or j + 1 >= n:
            continue
        if j > 0 and words[j - 1][0].isupper() and words[j + 1][0].isupper():
            continue  # a name: "the Department of Health and Social Care"
        if open_clause and lowers[j + 1] not in _SUBJECT_PRONOUNS:
            # "found that washing masks with soap and water cut ...", "that Pope Francis
            # and two aides have tested positive": the clause "that" opened has no verb
            # yet, so "and" joins inside its subject; a pronoun after it ("and they do
            # not") still opens a statement.
            continue
        kind = _clause_after(tokens, j + 1)
        if kind is None and lowers[j - 1] == ",":
            kind = _clause_after_adverbial(tokens, j + 1)
        if kind is None and lower == "and" and detailed_ok and not speech:
            kind = _detailed_verb_phrase(tokens, left, j)
            if kind is None and _second_role(tokens, first, j):
                kind = "role"
                verbless.add(j + 1)
        if (
            kind is None
            and lowers[j - 1] == ","
            and detailed_ok
            and lowers[first] not in _SUBORDINATORS
            and lowers[first] not in _FRONTED_SUBORDINATORS
        ):
            # "Tetanus is an infection caused by a bacteria, and affects the muscles"
            kind = _comma_verb_phrase(tokens, j + 1)
            if kind is not None:
                verbless.add(j + 1)  # "and affects the muscles": a verb the lexicon lacks
        if kind is None:
            continue
        if lower == "and" and kind in ("clause", "reported") and _closes_noun_list(tokens, left, j):
            continue  # "venues such as restaurants, bars and malls must have": a list's end
        if speech and kind == "clause" and lowers[j - 1] == ",":
            pass  # "told X that A, and B is ...": the comma closes the report (below)
        elif speech and kind not in ("reported", "finite verb phrase"):
            continue  # still what the speaker said
        if speech and kind == "finite verb phrase" and not _reports(tokens, j + 1):
            continue  # "She said prices rose, and would rise again": still what she said
        if verb_chain and kind == "verb phrase":
            continue  # "should have produced A and presented B": one governed statement
        if left.participle and kind == "verb phrase":
            continue  # "Screenshots ..., shared on Twitter and dated 15 October, read"
        if _bare_attribution(lowers, verbs, j + 1, n - 1):
            continue  # ", and he said": a tail, not a new statement
        last = j - 1 if not (j > 0 and lowers[j - 1] == ",") else j - 2
        if last < first or lowers[last] in _LEFT_OPEN:
            continue  # "exposed to and infected with", "their first and second doses"
        if _is_ly_adverb(lowers[last]) and _is_ly_adverb(lowers[j + 1]):
            continue  # "purported to neatly and starkly illustrate": two adverbs of one verb
        if lowers[j + 1] in _SUBORDINATORS:
            continue  # "and as more data becomes available": a condition, not a statement
        cuts.append((first, last))
        first, speech, verb_chain = j + 1, False, False
        detailed_ok = True
        left = _LeftSide()
        open_clause = False
    if first < n:
        cuts.append((first, n - 1))
    return cuts, verbless


def _speech_noun(tokens: Tokens, j: int) -> bool:
    """Whether the speech word at `j` is a noun after its determiner ("the claims",
    "a claim they showed ...", "its notes"): it names what was said, and reports
    nothing the rest of the sentence says."""
    lowers = tokens.lowers
    return j > 0 and lowers[j - 1] in _DETERMINERS


_LIST_REACH = 5
"""Tokens before an "and" searched for the comma of a list it closes."""


def _closes_noun_list(tokens: Tokens, left: _LeftSide, j: int) -> bool:
    """Whether the "and" at `j` closes a list of nouns after the statement's verb
    ("such as restaurants, bars and malls must ...", "against vaccinations, vaccine
    passports and other rules"): a comma within `_LIST_REACH` tokens before it and no
    verb between, so the noun after "and" is the list's last item, not a new subject."""
    lowers, verbs, top = tokens.lowers, tokens.verbs, tokens.top
    for i in range(j - 2, max(left.verb_at, j - 1 - _LIST_REACH), -1):
        if verbs[i] or lowers[i] in _CONJUNCTIONS:
            return False  # a verb between, or a list closed already ("A, B and C, and")
        if top[i] and lowers[i] == ",":
            return True
    return False


def _part_of_figure_at(tokens: Tokens, j: int) -> bool:
    """Whether the comma at `j` opens a figure of a part of what the statement counted,
    with its own verb: ", 56 of which were found to be threatened", ", two of whom
    died in hospital", ", none of whom were named Michael". Not a bare part ("...,
    56 of which", no verb) nor "some of them waving flags" (a participle, no
    relative)."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    k = j + 1
    if k + 3 >= n or not all(top[k : k + 4]):
        return False
    if not (_is_figure(words[k]) or lowers[k] in _NUMBER_WORDS or lowers[k] in _PARTS):
        return False
    if lowers[k + 1] != "of" or lowers[k + 2] not in _PART_RELATIVES:
        return False
    verb = k + 3
    if lowers[verb] in _CHAIN_ADVERBS:
        verb += 1
    return verb < n and verbs[verb] and not lowers[verb].endswith("ing")


_PARTS = words_of("none all most some many half both several one each")
"""Quantities of a part that state a count of their own before "of which" / "of whom"."""
_RELATIVE_REACH = 30
"""Tokens searched for the comma that closes a relative clause inside the subject."""
_RELATIVE_ADVERBS = _CHAIN_ADVERBS | words_of("later then previously once")
"""Adverbs between a relative and its verb ("who later led", "which never reached")."""


def _relative_verb(tokens: Tokens, j: int) -> bool:
    """Whether the relative at `j` is the subject of a finite verb right after it (or
    after one adverb): "who was killed", "which caused", "who later led"; not "who
    he met" (an object relative) nor "which, in 2019, ...". Not a verb of speech or
    attribution ("contacted Yusuf, who said the photo was taken in Abuja"): the speaker
    is named before the comma, so a cut would leave what was said without who said it
    (issue 11's class 3)."""
    lowers, verbs, n = tokens.lowers, tokens.verbs, tokens.n
    k = j + 1
    if k < n and lowers[k] in _RELATIVE_ADVERBS:
        k += 1
    if k >= n or not verbs[k] or lowers[k].endswith("ing"):
        return False
    if k + 1 < n and lowers[k] in _AUXILIARIES and lowers[k + 1] in _ATTRIBUTING:
        return False  # "who has said", "which was reported"
    return lowers[k] not in _SPEECH_VERBS and lowers[k] not in _ATTRIBUTING


def _main_verb_after_comma(tokens: Tokens, c: int) -> bool:
    """Whether the comma at `c` is followed by a lowercase verb or "-ly" adverb: the
    main clause going on after a relative inside its subject ("The post, which was
    shared on Facebook, was flagged", "did Suluhu, who ..., really tweet")."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    k = c + 1
    if k >= n or not top[k] or not words[k][:1].islower():
        return False
    return verbs[k] or _is_ly_adverb(lowers[k])


def _head_before(tokens: Tokens, j: int) -> bool:
    """Whether the word before the comma at `j - 1` can head a non-restrictive relative
    of its own: for "who", a name or an age ("Danish Siddiqui, who", "Tom Reed, 49,
    who"); for "which", a noun, not a figure or date ("in 2019, which ..." relates the
    whole clause)."""
    words, lowers = tokens.words, tokens.lowers
    if j < 2:
        return False
    head = words[j - 2]
    if lowers[j] == "who":
        return head[:1].isupper() or head[:1].isdigit()
    if lowers[j] == _TIME_RELATIVE:
        return head[:1].isdigit() or (head[:1].isupper() and head[:1].isalpha())
    return head[:1].isalpha() and lowers[j - 2] not in _PREPOSITIONS


def _final_relative(tokens: Tokens, j: int) -> bool:
    """Whether ", who|which ..." at `j` is a non-restrictive relative that ends the
    sentence and states a fact with its own detail: "..., who was killed while covering
    fighting between Afghan forces and the Taliban". Its span starts at the relative;
    the main statement before it keeps the head ("... Danish Siddiqui")."""
    lowers, top, n = tokens.lowers, tokens.top, tokens.n
    if lowers[j - 1] != "," or not top[j - 1] or not _head_before(tokens, j):
        return False
    if lowers[j] in (_PLACE_RELATIVE, _TIME_RELATIVE):
        # "..., where demonstrations turned into riots": a subject and verb of its own
        # (a speaker inside it stays with what it said: "where she said that ...")
        if _clause_after(tokens, j + 1) not in ("clause", "reported"):
            return False
    elif not _relative_verb(tokens, j):
        return False
    stop = min(n, j + 2 + _FINAL_REACH)  # bounded, so a long run-on sentence stays linear
    for i in range(j + 2, stop):
        if not top[i]:
            continue
        if lowers[i] == ";":
            stop = i
            break
        if lowers[i] == "," and _main_verb_after_comma(tokens, i):
            return False  # the relative sits inside the subject: the main verb follows
    return _has_detail(tokens, j + 2, stop)


_FINAL_REACH = 60
"""Tokens of a final relative searched for its detail and for a main verb after a later
comma; a relative longer than that is taken as final."""


def _medial_relative_end(tokens: Tokens, first: int, j: int) -> int:
    """The comma closing a non-restrictive relative inside the subject, when the main
    verb follows it: "Smith, who led the agency from 2009 to 2017, said ..." gives
    "Smith, who led the agency from 2009 to 2017" and "said ...". -1 when the relative
    has no detail of its own, no main verb follows its comma, or the main verb phrase has
    no detail ("In the post, which was published on July 6, the group wrote": no verb
    after the comma, so no cut)."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if lowers[j - 1] != "," or not top[j - 1] or j - first < 2:
        return -1
    if not _head_before(tokens, j) or not _relative_verb(tokens, j):
        return -1
    for c in range(j + 2, min(n - 1, j + _RELATIVE_REACH)):
        if not top[c]:
            continue
        if lowers[c] in (";", "and", "but") or lowers[c] in _RELATIVES:
            return -1
        if lowers[c] != ",":
            continue
        verb = c + 1
        if not (top[verb] and verbs[verb] and words[verb][:1].islower()):
            return -1  # a comma inside the relative ("in Leeds, England"): no guess
        if lowers[verb].endswith("ing"):
            return -1
        if not _has_detail(tokens, j + 2, c):
            return -1
        stop = next((i for i in range(verb + 1, n) if top[i] and lowers[i] == ";"), n)
        return c if _has_detail(tokens, verb + 1, stop) else -1
    return -1


_FRONTED_SUBORDINATORS = _REASON_SUBORDINATORS | {"while"}
_FRONTED_REACH = 40
"""Tokens searched for the comma that closes a fronted dependent clause."""


def _fronted_clause_end(tokens: Tokens, j: int) -> int:
    """The comma closing a dependent clause of concession or reason that opens the
    statement, when a clause of its own follows it: "While farmers in Denmark are not
    required to plant flowers, they can dedicate land ..." gives "While farmers ... for
    bees" and "they can dedicate ...". -1 when the subordinator opens no clause ("While
    fact checking the picture, ...", "Since November 2019, ..."), "since" has a past
    verb ("Since this check was published, the post has been updated": a time), or no
    comma followed by a subject and finite verb closes it within reach."""
    lowers, verbs, top, n = tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if j + 2 >= n:
        return -1
    kind = _clause_after(tokens, j + 1)
    if kind not in ("clause", "reported"):
        return -1
    if lowers[j] == "since":
        verb = next((i for i in range(j + 1, n) if verbs[i]), None)
        if verb is None or lowers[verb] not in _PRESENT_AUXILIARIES:
            return -1
    for c in range(j + 2, min(n - 2, j + _FRONTED_REACH)):
        if not top[c]:
            continue
        if lowers[c] == ";" or (lowers[c] in _CONJUNCTIONS and lowers[c] != "and"):
            return -1  # "While it is true that A but B": not a fronted clause and its main
        if lowers[c] != "," or lowers[c + 1] in _SUBORDINATORS:
            continue
        if _clause_after(tokens, c + 1) in ("clause", "reported"):
            return c
    return -1


_ADVERBIAL_WORDS = words_of("then later meanwhile instead also so afterwards eventually")
_ADVERBIAL_REACH = 4
"""Tokens of a short adverbial that may open a clause after ", and" ("in response")."""


def _clause_after_adverbial(tokens: Tokens, k: int) -> str | None:
    """What opens at `k` after ", and" when a short adverbial and a comma come first:
    ", and in response, the federation fined them ..." is a clause ("clause" or
    "reported"; ", and in 2019, it paid ..." too); None when the adverbial is longer than
    four tokens or holds a verb or punctuation, or no clause follows its comma."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if k >= n or not top[k]:
        return None
    if lowers[k] not in _PREPOSITIONS and lowers[k] not in _ADVERBIAL_WORDS:
        return None
    for c in range(k + 1, min(n - 1, k + _ADVERBIAL_REACH + 1)):
        if lowers[c] == ",":
            if not top[c]:
                return None
            kind = _clause_after(tokens, c + 1)
            return kind if kind in ("clause", "reported") else None
        if verbs[c] or not words[c].isalnum():
            return None
    return None


_WITH_SUBJECT_REACH = 6
"""Tokens of the subject of a "with" absolute ("with many of the protesters calling")."""


def _with_absolute(tokens: Tokens, first: int, j: int) -> bool:
    """Whether ", with" at `j` opens an absolute clause: a subject of its own and a
    participle, which states a fact of its own ("..., with officials saying over 1
    million people have been displaced", "..., with hospitals buckling under record
    infections", "..., with the biggest drop being 0.3 years"). Not "with" and a noun
    phrase ("..., with a similar caption"), nor a subject holding a preposition or a
    verb (a longer phrase is an attachment, not a clause); at least four tokens."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if j - first < 3 or lowers[j - 1] != "," or not top[j - 1] or not words[j].islower():
        return False
    k = j + 1
    for i in range(k, min(n, k + _WITH_SUBJECT_REACH + 1)):
        lower = lowers[i]
        if not top[i]:
            return False
        if i > k and len(lower) > 4 and lower.isalpha() and lower.endswith(("ing", "ed")):
            return i + 1 < n and top[i + 1] and words[i + 1][:1].isalnum()
        if (
            verbs[i]
            or lower in _PREPOSITIONS
            or lower in _CONJUNCTIONS
            or lower in _RELATIVES
            or not (words[i][0].isalnum() or words[i][0] in "$£€")
        ):
            return False
    return False


def _reason_clause_at(tokens: Tokens, first: int, j: int, subordinated: bool) -> bool:
    """Whether the subordinator at `j` opens a dependent clause with a fact of its own,
    cut off the statement before it: a comma before it, a left side of at least three
    tokens with no subordinator of its own (else it is a dependent clause too, whose
    main clause comes later), and a subject and finite verb after it ("..., because
    people who catch it twice are not counted" is no cut: its subject holds a relative
    clause, so the verb is not found within reach; "..., since some infections are
    asymptomatic" is one).
    "since" only with a present-tense verb: "..., since records began in 1850" dates
    the statement before it."""
    lowers, verbs, top, n = tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if j - first < 4 or lowers[j - 1] != "," or not top[j - 1]:
        return False
    if subordinated:
        # "that although the risk is reduced, because so many are vaccinated, ... it is
        # expected that ...": the left piece is itself a dependent clause, whose main
        # clause is still to come
        return False
    if j + 1 >= n or lowers[j + 1] in _PREPOSITIONS:
        return False  # "because of the unit's alleged killings": no clause
    kind = _clause_after(tokens, j + 1)
    if kind not in ("clause", "reported"):
        return False
    if lowers[j] == "since":
        verb = next((i for i in range(j + 1, n) if verbs[i]), None)
        return verb is not None and lowers[verb] in _PRESENT_AUXILIARIES
    return True


def _clause_after(tokens: Tokens, k: int) -> str | None:
    """What opens at token `k` after a conjunction: "reported" (a subject and a reporting
    verb), "clause" (a subject and a finite verb), "verb phrase" (a finite verb and its
    object: "and paid a $2 million penalty"), or None (a noun phrase, a quotation, ...)."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if not top[k]:
        return None
    if k + 1 < n and verbs[k + 1] and words[k][:1].islower() and _is_ly_adverb(lowers[k]):
        # "and purportedly died", "but actually shows ...": an adverb before the same
        # subject's verb, not a subject; judged as the verb phrase it opens
        return _clause_after(tokens, k + 1)
    if verbs[k] and lowers[k] not in _AUXILIARIES:
        # The verb's object follows: "and paid a $2 million penalty". Not a preposition:
        # "was passed ... and approved by the Lords" continues the passive.
        following = lowers[k + 1] if k + 1 < n else ""
        if following in _OBJECTS or (k + 1 < n and words[k + 1][:1].isdigit()):
            return "verb phrase"
        if k + 1 < n and words[k + 1][:1] in "$£€":
            return "verb phrase"
        return None
    # A subject: up to eight noun-phrase tokens, then a finite verb.
    j = k
    while j < n and j - k < 8:
        lower = lowers[j]
        if verbs[j] and j > k:
            if j == k + 1 and words[k][:1].isdigit():
                return None  # "and 24 died": a figure of the same people, not a subject
            return (
                "reported" if lower in _REPORTING_VERBS or _reported_soon(tokens, j) else "clause"
            )
        if (
            not top[j]
            or (j > k and lower in _SUBJECT_PRONOUNS)  # "recoup revenues they lost"
            or lower in _CONJUNCTIONS
            or lower in _RELATIVES
            or (not words[j][0].isalnum() and words[j] not in "$£€%'’-")
            or verbs[j]
        ):
            return None
        j += 1
    return None


_NUMBER_WORDS = words_of(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "dozens hundred hundreds thousand thousands million millions billion billions trillion"
)
_PARTICIPLE_AUXILIARIES = words_of("is are was were has have had")
"""Auxiliaries that open a second verb phrase of the same subject with a participle:
"... and was later pronounced dead on June 21"."""
_ITEM_BREAKS = words_of(", and ; or")
_SPEECH_FORMS = words_of("claiming saying arguing insisting stating alleging suggesting")
"""Participles that report speech: what follows them is one reported statement, so
the detailed coordination and list cuts stop there (the older cuts have their own
speech rule)."""
_RANGE_WORDS = words_of("between from")
_DETAIL_REACH = 20
"""Tokens after a conjunction searched for the second verb phrase's own detail."""


def _is_detail(word: str, lower: str) -> bool:
    """Whether a token is a checkable detail: a figure ("15,000", "$6"), a number word
    ("hundreds"), or a capitalised word (a name or month; not "I")."""
    first = word[0]
    return (
        _is_figure(word)
        or lower in _NUMBER_WORDS
        or (first.isupper() and first.isalpha() and lower != "i")
    )


def _is_figure(word: str) -> bool:
    """Whether a token is a figure: it starts with a digit or a currency sign ("15,000",
    "$6")."""
    return word[0].isdigit() or word[0] in "$£€"


def _has_detail(tokens: Tokens, a: int, b: int) -> bool:
    """Whether tokens [a, b) outside quotes hold a checkable detail."""
    words, lowers, top = tokens.words, tokens.lowers, tokens.top
    return any(top[i] and _is_detail(words[i], lowers[i]) for i in range(max(a, 0), b))


def _detailed_verb_phrase(tokens: Tokens, left: _LeftSide, j: int) -> str | None:
    """ "verb phrase" when the "and" at `j` opens a second verb phrase of the same
    subject and each side carries its own detail: "The storm killed 15,000 people" /
    "left hundreds of thousands without homes", "... Seng, 49, who lost consciousness" /
    "was later pronounced dead on June 21". Not a verb phrase that continues a passive
    or a participle ("voted through the Commons and approved by the Lords"), nor one
    whose left side has no detail after its verb ("He met vaccinated and infected
    Americans")."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    k = j + 1
    if k >= n or not top[k] or not words[k][:1].islower():
        return None
    if lowers[k] in _PARTICIPLE_AUXILIARIES:
        head = k + 1
        if head < n and lowers[head] in _CHAIN_ADVERBS | {"later", "then"}:
            head += 1
        if head >= n or not verbs[head] or lowers[head] in _AUXILIARIES:
            return None  # "and is a member": a copula, not a participle
    elif verbs[k] and lowers[k] not in _AUXILIARIES and not lowers[k].endswith("ing"):
        head = k
        if not _opens_object(tokens, head + 1):
            # "and approved by the Lords": the passive goes on; "and increased risk",
            # "and associated skills": an adjective in a noun phrase, not a verb
            return None
    else:
        return None
    if left.verb_at < 0 or not left.detail:
        return None  # "He met vaccinated and infected Americans": no detail on the left
    if left.relative:
        # "In the post, which was published on July 6 and shared ...": the verbs are
        # the relative clause's, the main clause is still to come; "those who had the
        # first dose and tested positive": "and" joins inside the relative clause
        return None
    stop = min(n, head + 1 + _DETAIL_REACH)
    for i in range(head + 1, stop):
        if top[i] and lowers[i] in (";", "and", ","):
            stop = i  # the detail is the verb phrase's own, not its attribution's
            break
    return "verb phrase" if _has_detail(tokens, head + 1, stop) else None


_DO_FORMS = words_of("do does did don't doesn't didn't don’t doesn’t didn’t")
_NEGATIONS = words_of("not n't never")
_VP_ADVERBS = _CHAIN_ADVERBS | words_of("later then")


def _comma_verb_phrase(tokens: Tokens, k: int) -> str | None:
    """Whether token `k`, after ", and" or ", but", opens a finite verb phrase of the
    subject before the comma: the comma marks the end of the first statement, so the
    second needs no figure or name of its own ("X is an infection caused by a bacteria,
    and affects the muscles", "... among other things, but did not mention Y"). The
    verb must be unmistakably finite: "do" and its negation, a copula, a modal, "has" /
    "was" with a participle, a present "-s" form, or a verb opening its object; a bare
    "-ed" word before a preposition continues a passive ("was passed by the Commons,
    and approved by the Lords"). At least two words follow the verb. "finite verb
    phrase" when an auxiliary, modal or "do" opens it (no modal before the comma can
    govern it), "verb phrase" for a bare verb, None for no verb phrase."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if k >= n or not top[k] or not words[k][:1].islower():
        return None
    while k < n and (lowers[k] in _VP_ADVERBS or _is_ly_adverb(lowers[k])):
        k += 1  # "and also made", "and later died", "and purportedly shows"
    if k + 2 >= n or not top[k]:
        return None
    lower = lowers[k]
    head = k
    if lower in _DO_FORMS or lower in MODALS or lower in _PARTICIPLE_AUXILIARIES:
        head = k + 1
        while head < n and lowers[head] in _NEGATIONS | _VP_ADVERBS:
            head += 1
        if head >= n or not words[head][:1].isalpha() or not words[head][:1].islower():
            return None
        if lower in _PARTICIPLE_AUXILIARIES and lower not in _COPULAS and not verbs[head]:
            return None  # "and has a ..." is a verb with its object: judged below
    elif lower in _AUXILIARIES or lower.endswith("ing") or not _finite_verb(tokens, k):
        return None
    if not (head + 1 < n and top[head + 1] and words[head + 1][:1].isalnum()):
        return None
    return "verb phrase" if head == k else "finite verb phrase"


def _finite_verb(tokens: Tokens, k: int) -> bool:
    """Whether the lowercase word at `k`, first after ", and", is a finite verb of the
    subject before the comma: a known verb or "-ed" form opening its object, a reporting
    verb ("and says ..."), or a present "-s" form (never a participle) before its object
    or a preposition ("and affects the muscles", "and lives in Lyon")."""
    lowers, verbs, n = tokens.lowers, tokens.verbs, tokens.n
    lower = lowers[k]
    if verbs[k] and (_opens_object(tokens, k + 1) or lower in _REPORTING_VERBS):
        return True
    if not lower.endswith("s") or lower.endswith(("ss", "us", "is", "ous")) or len(lower) < 4:
        return False
    if lower in _OBJECTS or lower in _NUMBER_WORDS or not lower.isalpha():
        return False
    return _opens_object(tokens, k + 1) or (k + 1 < n and lowers[k + 1] in _PREPOSITIONS)


def _reports(tokens: Tokens, k: int) -> bool:
    """Whether the verb phrase at `k` (after adverbs and an auxiliary) reports speech
    ("and later said ...", "and has told ..."): a new report of the sentence's speaker."""
    lowers, n = tokens.lowers, tokens.n
    return any(lowers[i] in _SPEECH_VERBS for i in range(k, min(n, k + 4)))


_CHAIN_REACH = 40
"""Tokens searched, from a comma, for the "and" that closes a chain of verb phrases."""


def _chained_verb_phrase(tokens: Tokens, left: _LeftSide, j: int) -> bool:
    """Whether the comma at `j` separates verb phrases of one subject in a chain of three
    or more that ends with "and" and a verb phrase: "The government raised sugar prices
    by 20%, raised taxes on U.S. imports and nationalized American-owned banks". Each
    phrase must be a finite verb opening an object, with its own detail (the rule of
    `_detailed_verb_phrase`, which cuts at the last "and"), and the left side must have
    its detail after its verb; a comma with no "and" + verb phrase closing the chain
    within reach (an appositive, a participle, ", said ...") is no cut."""
    lowers, top, n = tokens.lowers, tokens.top, tokens.n
    if _detailed_verb_phrase(tokens, left, j) is None:
        return False
    chained = _LeftSide(verb_at=j + 1, detail=True)
    for i in range(j + 2, min(n - 1, j + _CHAIN_REACH)):
        if not top[i]:
            continue
        lower = lowers[i]
        if lower == ";" or (lower in _CONJUNCTIONS and lower != "and"):
            return False
        if lower == "and":
            return _detailed_verb_phrase(tokens, chained, i) is not None
        if lower == ",":
            if lowers[i + 1] == "and":
                continue  # the serial comma: "..., and nationalized ..."
            if _detailed_verb_phrase(tokens, chained, i) is None:
                return False  # the chain's next link is no verb phrase
    return False


_QUANTIFIERS = words_of("more less fewer nearly almost about around roughly some over")


def _opens_object(tokens: Tokens, k: int) -> bool:
    """Whether token `k` can open the object of a verb before it: a determiner or
    pronoun, a figure or number word, a name, or a quantifier before one ("more than",
    "over 15,000"): "left hundreds of thousands", "shows Castro", "shared more than 70
    times"; not a preposition ("approved by") nor a lowercase noun ("increased risk")."""
    words, lowers, n = tokens.words, tokens.lowers, tokens.n
    if k >= n:
        return False
    lower, word = lowers[k], words[k]
    if lower in _OBJECTS or lower in _NUMBER_WORDS or _is_figure(word):
        return True
    if word[0].isupper() and word[0].isalpha():
        return True
    if lower in _QUANTIFIERS and k + 1 < n:
        return lowers[k + 1] == "than" or _is_figure(words[k + 1])
    return False


def _relative(lower: str) -> bool:
    """Whether a token is a relative pronoun, contracted or not ("who", "who’d")."""
    if lower in _RELATIVE_PRONOUNS:
        return True
    return ("’" in lower or "'" in lower) and lower.split("’")[0].split("'")[
        0
    ] in _RELATIVE_PRONOUNS


_RELATIVE_PRONOUNS = words_of("that which who whom whose")


_COPULAS = words_of("is are was were")
_ROLE_LINKS = words_of("of for")


def _named_role(tokens: Tokens, at: int, end: int) -> bool:
    """Whether tokens [at, end) open with a bare role noun, "of" or "for", and hold a
    name: "leader of the AIMIM party", "member of parliament for Hyderabad"."""
    words, lowers, top = tokens.words, tokens.lowers, tokens.top
    if at + 1 >= end or not words[at].isalpha() or not words[at].islower():
        return False
    if lowers[at] in _DETERMINERS or lowers[at] in _PREPOSITIONS or lowers[at] in _OBJECTS:
        return False
    if lowers[at + 1] not in _ROLE_LINKS:
        return False
    return any(top[i] and words[i][0].isupper() for i in range(at + 2, min(end, at + 6)))


def _second_role(tokens: Tokens, first: int, j: int) -> bool:
    """Whether the "and" at `j` joins two named roles after one copula: "Owaisi is leader
    of the AIMIM party" / "member of parliament for Hyderabad". Each role is a bare noun
    with "of" or "for" and a name; nothing but the roles comes between the copula and
    "and"."""
    lowers, verbs, top, n = tokens.lowers, tokens.verbs, tokens.top, tokens.n
    reach = range(j - 1, max(first, j - _DETAIL_REACH) - 1, -1)
    copula = next((i for i in reach if verbs[i] and top[i]), None)
    if copula is None or lowers[copula] not in _COPULAS:
        return False
    if not _named_role(tokens, copula + 1, j):
        return False
    stop = next((i for i in range(j + 1, n) if top[i] and lowers[i] in (",", ";", "and")), n)
    return _named_role(tokens, j + 1, stop)


def _item_words(tokens: Tokens, a: int, b: int) -> bool:
    """Whether a list item's words after its figure, tokens [a, b), say what the figure
    counts or where ("for Moderna", "in Texas"): a preposition or a capitalised word."""
    words, lowers = tokens.words, tokens.lowers
    return any(
        (lowers[i] in _PREPOSITIONS and lowers[i] != "per") or words[i][:1].isupper()
        for i in range(a, b)
    )  # not "per": "24.1 per cent", "5 per 100,000" are units, not what is counted


def _figure_item(tokens: Tokens, at: int) -> bool:
    """Whether token `at` is a figure that opens a list item: not one that opens a name
    ("7 News", "10 Downing Street")."""
    words, n = tokens.words, tokens.n
    if not _is_figure(words[at]):
        return False
    return at + 1 >= n or not words[at + 1][:1].isupper()


def _list_item_at(tokens: Tokens, first: int, j: int) -> int | None:
    """The first token of a list item opening after the "," or "and" at `j`, when the
    items on both sides carry their own figure and say what it is: "worth $6 billion
    for Moderna" / "$5 billion for Pfizer-BioNTech" / "$1.5 billion for Johnson &
    Johnson". None for a range ("between 5 and 10 people": the caller skips a
    statement where "between" or "from" came, and a list "respectively"), a
    date ("March 3, 2021"), figures of one thing ("15, 20 and 25 cases") and a clause
    ("and 24 died")."""
    lowers, verbs, top, n = tokens.lowers, tokens.verbs, tokens.top, tokens.n
    k = j + 1
    if lowers[j] == "," and lowers[k] == "and":
        k += 1
    if k >= n or not top[k] or not _figure_item(tokens, k):
        return None
    right_end = k + 1
    while right_end < n and not (top[right_end] and lowers[right_end] in _ITEM_BREAKS):
        if verbs[right_end] or not top[right_end]:
            return None  # "and 24 died": a clause; a quotation: not a list item
        right_end += 1
    if not _item_words(tokens, k + 1, right_end):
        return None
    # The left item: back from the separator to the previous separator or verb.
    figure = None
    i = j - 1
    while i >= first and not verbs[i] and not (top[i] and lowers[i] in _ITEM_BREAKS):
        if not top[i]:
            return None
        if _figure_item(tokens, i):
            figure = i
        i -= 1
    if figure is None or not _item_words(tokens, figure + 1, j):
        return None
    return k


def _reported_soon(tokens: Tokens, j: int) -> bool:
    """ "Xi has said", "Lee had urged": an auxiliary followed by a reporting verb."""
    lowers, n = tokens.lowers, tokens.n
    return lowers[j] in _AUXILIARIES and j + 1 < n and lowers[j + 1] in _REPORTING_VERBS


_TAIL_REPORTING = words_of("reported announced confirmed")
"""Verbs of a trailing attribution that are not verbs of speech (", the Associated Press
reported"): they end a sentence as "said" does, but inside one ("cases reported each
day") they do not make what follows reported speech, so they stay out of
`_REPORTING_VERBS`."""


def _bare_attribution(lowers: list[str], verbs: list[bool], first: int, last: int) -> bool:
    """Whether tokens [first, last] are only an attribution tail: a short subject, a
    reporting verb and at most a few words of setting ("the company said in a
    statement on Tuesday"), with nothing said."""
    verb_at = -1
    for j in range(first, min(last + 1, first + 6)):
        if lowers[j] in _REPORTING_VERBS or lowers[j] in _TAIL_REPORTING:
            verb_at = j
            break
        if verbs[j] and lowers[j] not in ("has", "had", "have"):
            return False
    if verb_at <= first:
        return False
    if last - verb_at > 8:
        return False  # checked before slicing: a long sentence must not cost O(n) per call
    rest = lowers[verb_at + 1 : last + 1]
    return all(w in _TAIL_ADVERBIALS or not w.isalnum() for w in rest)


def claim_kind(text: str, *, attribution: bool = False, bits: int | None = None) -> ClaimKind:
    """The claim's type, after Full Fact's claim types (adapted): first match wins.

    `bits` is `shape_bits(text)` (only the flags tested below matter) when the caller
    has it already.
    """
    if attribution:
        return ClaimKind.ATTRIBUTION
    if bits is None:
        bits = shape_bits(text)
    if bits & _ORDINAL and not bits & _SUPERLATIVE and _ordinals_are_adverbs(text):
        bits &= ~_ORDINAL  # "The fountain first opened in 2008": when, not a rank
    if bits & _ORDINAL and " since " in text.lower():
        return ClaimKind.TEMPORAL
    if bits & _RANKED:
        return ClaimKind.RANKING
    if bits & _COMPARATIVE and " than " in text.lower():
        return ClaimKind.COMPARISON
    if bits & _QUANTITY:
        return ClaimKind.QUANTITY
    if bits & _DATED:
        return ClaimKind.TEMPORAL
    if bits & _COMPARATIVE:
        return ClaimKind.COMPARISON
    if bits & _CAUSAL:
        return ClaimKind.CAUSAL
    if bits & _PREDICTION:
        return ClaimKind.PREDICTION
    return ClaimKind.OTHER


_ORDINAL = FLAG_BITS["ordinal"]
_SUPERLATIVE = FLAG_BITS["superlative"]


def _ordinals_are_adverbs(text: str) -> bool:
    """Whether every ordinal in `text` qualifies the verb after it ("first opened",
    "was last seen", "first took office") rather than ranking a noun ("the third
    largest", "came second", "its first results")."""
    lowers = [w.lower() for w in _TOKEN.findall(text)]
    found = False
    for i, lower in enumerate(lowers):
        if lower not in _ORDINAL_WORDS:
            continue
        if i and lowers[i - 1] in _DETERMINERS:
            return False  # "a second cropped close-up", "the first shot": a noun's rank
        following = lowers[i + 1] if i + 1 < len(lowers) else ""
        verb = following in _AUXILIARIES or following in _VERB_FORMS
        if not (verb or (len(following) > 4 and following.endswith("ed"))):
            return False
        found = True
    return found


_RANKED = _SUPERLATIVE | _ORDINAL
_COMPARATIVE = FLAG_BITS["comparative"]
_QUANTITY = (
    FLAG_BITS["percent"] | FLAG_BITS["money"] | FLAG_BITS["number"] | FLAG_BITS["numberword"]
)
_DATED = FLAG_BITS["year"] | FLAG_BITS["temporal"]
_CAUSAL = FLAG_BITS["causal"]
_PREDICTION = FLAG_BITS["prediction"]
