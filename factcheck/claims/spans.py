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
role (docs/claims.md). Pieces that are no statement are dropped: bare noun phrases with no verb
("the next two years") and attribution tails alone ("he said", "the company said in a
statement"). There is no word cap. One regex tokenises the sentence and one pass over
its tokens decides, so the cost is linear in its length (transcripts come unpunctuated).
`factcheck.claims.splitter` scores what this module proposes. Pure; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims.checkworthiness import FLAG_BITS, shape_bits
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
        return True  # "opposed", "improved"; not "the disputed region"
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
_CUT_WORDS = _SPLITTING_CONJUNCTIONS | {";"}
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
        cuts, verbless = _statement_cuts(words, lowers, verbs, _top_level(words), n)
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
    return statements


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


def _drop_dangling(lowers: list[str], first: int, last: int) -> int:
    """Give back a trailing determiner, conjunction, relative or subordinator, and a
    preposition it bares ("... died on April 22 of the" in a cut-off body): a claim never
    ends on them. A preposition alone at the end is `_drop_cut_off_end`'s to judge. A
    final demonstrative after a verb or preposition is a pronoun and stays."""
    end = last
    if end > first and lowers[end] in _DEMONSTRATIVES and lowers[end - 1] in _PRONOUN_AFTER:
        return end
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

    @property
    def has_verb(self) -> bool:
        """Whether the statement so far has a verb outside quotes (the cuts need one
        on their left)."""
        return self.verb_at >= 0

    def see(self, words: list[str], lowers: list[str], verbs: list[bool], j: int) -> None:
        lower = lowers[j]
        if self.verb_at < 0:
            if verbs[j]:
                self.verb_at = j
            elif _relative(lower):
                self.relative = True  # "In the post, which was published ...": no main verb yet
        else:
            if not self.detail and _is_detail(words[j], lower):
                self.detail = True
            if _relative(lower) and lowers[j - 1] != ",":
                self.relative = True  # "those who had the first dose and tested ..."
        if lower in _RANGE_WORDS:
            self.ranged = True


def _statement_cuts(
    words: list[str], lowers: list[str], verbs: list[bool], top: list[bool], n: int
) -> tuple[list[tuple[int, int]], set[int]]:
    """Token ranges [first, last] of the sentence's statements (one pass), and the
    first tokens of those that are list items with their own figure (kept though they
    have no verb: "$5 billion for Pfizer")."""
    if _attribution_tail(lowers, verbs, top, n):
        # "A rose and B fell, the company said", "The storm killed 15,000 people and left
        # 200,000 homeless, according to the UN": one attributed statement, since a cut
        # would leave every span but the last without its attribution (issue 11's class 3)
        return [(0, n - 1)], set()
    detailed_ok = True  # no participle of speech yet ("claiming", "saying")
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
        left.see(words, lowers, verbs, j)
        if lower in _SPEECH_VERBS and words[j][0].islower():
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
            left.has_verb
            and detailed_ok
            and not speech
            and j + 2 < n
            and (lower == "," or lower == "and")
        ):
            item = None
            if not (respectively or left.ranged):
                item = _list_item_at(words, lowers, verbs, top, first, j, n)
            if item is not None:
                last = j - 1 if lowers[j - 1] != "," else j - 2
                cuts.append((first, last))
                verbless.add(item)
                first = item
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
        kind = _clause_after(words, lowers, verbs, top, j + 1, n)
        if kind is None and lower == "and" and detailed_ok and not speech:
            kind = _detailed_verb_phrase(words, lowers, verbs, top, left, j, n)
            if kind is None and _second_role(words, lowers, verbs, top, first, j, n):
                kind = "role"
                verbless.add(j + 1)
        if kind is None:
            continue
        if speech and kind != "reported":
            continue  # still what the speaker said
        if verb_chain and kind == "verb phrase":
            continue  # "should have produced A and presented B": one governed statement
        if _bare_attribution(lowers, verbs, j + 1, n - 1):
            continue  # ", and he said": a tail, not a new statement
        last = j - 1 if not (j > 0 and lowers[j - 1] == ",") else j - 2
        if last < first or lowers[last] in _LEFT_OPEN:
            continue  # "exposed to and infected with", "their first and second doses"
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


def _clause_after(
    words: list[str], lowers: list[str], verbs: list[bool], top: list[bool], k: int, n: int
) -> str | None:
    """What opens at token `k` after a conjunction: "reported" (a subject and a reporting
    verb), "clause" (a subject and a finite verb), "verb phrase" (a finite verb and its
    object: "and paid a $2 million penalty"), or None (a noun phrase, a quotation, ...)."""
    if not top[k]:
        return None
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
                "reported"
                if lower in _REPORTING_VERBS or _reported_soon(lowers, j, n)
                else "clause"
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


def _has_detail(words: list[str], lowers: list[str], top: list[bool], a: int, b: int) -> bool:
    """Whether tokens [a, b) outside quotes hold a checkable detail."""
    return any(top[i] and _is_detail(words[i], lowers[i]) for i in range(max(a, 0), b))


def _detailed_verb_phrase(
    words: list[str],
    lowers: list[str],
    verbs: list[bool],
    top: list[bool],
    left: _LeftSide,
    j: int,
    n: int,
) -> str | None:
    """ "verb phrase" when the "and" at `j` opens a second verb phrase of the same
    subject and each side carries its own detail: "The storm killed 15,000 people" /
    "left hundreds of thousands without homes", "... Seng, 49, who lost consciousness" /
    "was later pronounced dead on June 21". Not a verb phrase that continues a passive
    or a participle ("voted through the Commons and approved by the Lords"), nor one
    whose left side has no detail after its verb ("He met vaccinated and infected
    Americans")."""
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
        if not _opens_object(words, lowers, head + 1, n):
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
    return "verb phrase" if _has_detail(words, lowers, top, head + 1, stop) else None


_QUANTIFIERS = words_of("more less fewer nearly almost about around roughly some over")


def _opens_object(words: list[str], lowers: list[str], k: int, n: int) -> bool:
    """Whether token `k` can open the object of a verb before it: a determiner or
    pronoun, a figure or number word, a name, or a quantifier before one ("more than",
    "over 15,000"): "left hundreds of thousands", "shows Castro", "shared more than 70
    times"; not a preposition ("approved by") nor a lowercase noun ("increased risk")."""
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


def _named_role(words: list[str], lowers: list[str], top: list[bool], at: int, end: int) -> bool:
    """Whether tokens [at, end) open with a bare role noun, "of" or "for", and hold a
    name: "leader of the AIMIM party", "member of parliament for Hyderabad"."""
    if at + 1 >= end or not words[at].isalpha() or not words[at].islower():
        return False
    if lowers[at] in _DETERMINERS or lowers[at] in _PREPOSITIONS or lowers[at] in _OBJECTS:
        return False
    if lowers[at + 1] not in _ROLE_LINKS:
        return False
    return any(top[i] and words[i][0].isupper() for i in range(at + 2, min(end, at + 6)))


def _second_role(
    words: list[str],
    lowers: list[str],
    verbs: list[bool],
    top: list[bool],
    first: int,
    j: int,
    n: int,
) -> bool:
    """Whether the "and" at `j` joins two named roles after one copula: "Owaisi is leader
    of the AIMIM party" / "member of parliament for Hyderabad". Each role is a bare noun
    with "of" or "for" and a name; nothing but the roles comes between the copula and
    "and"."""
    reach = range(j - 1, max(first, j - _DETAIL_REACH) - 1, -1)
    copula = next((i for i in reach if verbs[i] and top[i]), None)
    if copula is None or lowers[copula] not in _COPULAS:
        return False
    if not _named_role(words, lowers, top, copula + 1, j):
        return False
    stop = next((i for i in range(j + 1, n) if top[i] and lowers[i] in (",", ";", "and")), n)
    return _named_role(words, lowers, top, j + 1, stop)


def _item_words(words: list[str], lowers: list[str], a: int, b: int) -> bool:
    """Whether a list item's words after its figure, tokens [a, b), say what the figure
    counts or where ("for Moderna", "in Texas"): a preposition or a capitalised word."""
    return any(
        (lowers[i] in _PREPOSITIONS and lowers[i] != "per") or words[i][:1].isupper()
        for i in range(a, b)
    )  # not "per": "24.1 per cent", "5 per 100,000" are units, not what is counted


def _figure_item(words: list[str], at: int, n: int) -> bool:
    """Whether token `at` is a figure that opens a list item: not one that opens a name
    ("7 News", "10 Downing Street")."""
    if not _is_figure(words[at]):
        return False
    return at + 1 >= n or not words[at + 1][:1].isupper()


def _list_item_at(
    words: list[str],
    lowers: list[str],
    verbs: list[bool],
    top: list[bool],
    first: int,
    j: int,
    n: int,
) -> int | None:
    """The first token of a list item opening after the "," or "and" at `j`, when the
    items on both sides carry their own figure and say what it is: "worth $6 billion
    for Moderna" / "$5 billion for Pfizer-BioNTech" / "$1.5 billion for Johnson &
    Johnson". None for a range ("between 5 and 10 people": the caller skips a
    statement where "between" or "from" came, and a list "respectively"), a
    date ("March 3, 2021"), figures of one thing ("15, 20 and 25 cases") and a clause
    ("and 24 died")."""
    k = j + 1
    if lowers[j] == "," and lowers[k] == "and":
        k += 1
    if k >= n or not top[k] or not _figure_item(words, k, n):
        return None
    right_end = k + 1
    while right_end < n and not (top[right_end] and lowers[right_end] in _ITEM_BREAKS):
        if verbs[right_end] or not top[right_end]:
            return None  # "and 24 died": a clause; a quotation: not a list item
        right_end += 1
    if not _item_words(words, lowers, k + 1, right_end):
        return None
    # The left item: back from the separator to the previous separator or verb.
    figure = None
    i = j - 1
    while i >= first and not verbs[i] and not (top[i] and lowers[i] in _ITEM_BREAKS):
        if not top[i]:
            return None
        if _figure_item(words, i, n):
            figure = i
        i -= 1
    if figure is None or not _item_words(words, lowers, figure + 1, j):
        return None
    return k


def _attribution_tail(lowers: list[str], verbs: list[bool], top: list[bool], n: int) -> bool:
    """Whether the sentence ends, outside quotes, with an attribution (", he said", ",
    according to ..."), which governs everything before it."""
    for j in range(n - 1, max(-1, n - 14), -1):
        if lowers[j] == "," and top[j]:
            if j + 2 < n and lowers[j + 1] == "according" and lowers[j + 2] == "to":
                return True
            return j + 1 < n and _bare_attribution(lowers, verbs, j + 1, n - 1)
    return False


def _reported_soon(lowers: list[str], j: int, n: int) -> bool:
    """ "Xi has said", "Lee had urged": an auxiliary followed by a reporting verb."""
    return lowers[j] in _AUXILIARIES and j + 1 < n and lowers[j + 1] in _REPORTING_VERBS


def _bare_attribution(lowers: list[str], verbs: list[bool], first: int, last: int) -> bool:
    """Whether tokens [first, last] are only an attribution tail: a short subject, a
    reporting verb and at most a few words of setting ("the company said in a
    statement on Tuesday"), with nothing said."""
    verb_at = -1
    for j in range(first, min(last + 1, first + 6)):
        if lowers[j] in _REPORTING_VERBS:
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
