"""The tokens of a sentence as the cut rules read them, and the word classes they test.

One regex tokenises the sentence (figures and dotted initials whole, punctuation as its
own token); `is_verb` guesses finite verbs from a lexicon and the token before, with no
tagger; `top_level` marks the tokens outside quotation marks and brackets. `Tokens`
holds the four lists and their length, so every rule takes one object and the index it
judges. Pure; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text.lexicon import ORDINAL_RANKS, words_of

# A token: a figure ("$1,250,000", "9.7%", "11:30"), dotted initials ("U.S."), a word with
# inner apostrophes and hyphens, or one other non-space character. Not `text.words.WORD`:
# the clause rules read punctuation ("," ";" quotes) and whole figures as tokens.
TOKEN = re.compile(r"[$£€]?\d(?:[\d,.:]*\d)?%?|(?:[A-Za-z]\.){2,}|\w(?:[\w'’-]*\w)?|[^\w\s]")
_OPEN_QUOTES = frozenset("“«")
_CLOSE_QUOTES = frozenset("”»")
_OPEN_BRACKETS = frozenset("([{")
_CLOSE_BRACKETS = frozenset(")]}")

DETERMINERS = words_of(
    "a an the this these those its their his her our your my some many several all both "
    "each every no any another"
)
PREPOSITIONS = words_of(
    "of over for in on at from between among about against during across under within per "
    "into by than to with without through since until after before amid despite via like"
)
CONJUNCTIONS = words_of("and but while whereas yet or nor")
SPLITTING_CONJUNCTIONS = words_of("and but while whereas yet")
RELATIVES = words_of("that which who whom whose where when what how why")
SUBJECT_PRONOUNS = words_of("he she it they we i you there")
OBJECTS = DETERMINERS | words_of("him her them us me it")
AUXILIARIES = words_of(
    "is are was were be been being am has have had do does did will would can could may "
    "might shall should must 's ’s"
)
# Irregular past forms and frequent present-tense verbs of news text: with "-ed" words
# and auxiliaries they tell a clause from a noun phrase without a tagger.
VERB_FORMS = words_of(
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
REPORTING_VERBS = words_of(
    "said says told tells urged urges assured assures stated states insisted insists argued "
    "argues warned warns claimed claims added adds noted notes quoted saying explained "
    "explains stressed stresses asserted asserts suggested suggests wrote writes tweeted "
    "posted replied answered responded testified"
)
"""Verbs that mark a statement as reported speech (its kind, and the mood rules)."""
SPEECH_VERBS = REPORTING_VERBS | words_of("say tell claim argue insist warn assure")
"""Verbs whose complement is speech: "X said A and B", "to say A and B" report one
statement."""
ATTRIBUTING = REPORTING_VERBS | words_of(
    "according admitted admits denied denies announced announces confirmed confirms "
    "reported reports promised promises pledged vowed accused acknowledged conceded "
    "revealed disclosed called"
)
"""Words that mark a statement as an attribution (its kind), speech or not."""


def is_verb(lower: str, previous: str) -> bool:
    """Whether a lowercase token is (very likely) a finite verb, from its form and the
    token before it; the cheap tests come first, as this runs on every token."""
    if lower in AUXILIARIES or lower in VERB_FORMS:
        return True
    if lower.endswith(("n't", "n’t")) or lower == "cannot":
        return True  # "don't", "isn’t", "can't": a negated auxiliary is a verb
    if len(lower) > 4 and lower.endswith("ed") and previous not in DETERMINERS:
        # "opposed", "improved"; not "the disputed region", nor a hyphenated adjective
        # ("virus-related rules", "well-funded")
        return "-" not in lower
    if previous in ("i", "we", "you", "they") and lower.isalpha():
        return True  # "We closed", "they agree": a pronoun subject is followed by its verb
    # "he faces", "who owns"
    return previous in ("he", "she", "it", "who") and lower.endswith("s") and lower.isalpha()


ORDINAL_WORDS = frozenset(ORDINAL_RANKS) | words_of("1st 2nd 3rd")
SUBORDINATORS = words_of(
    "as if when whenever because although though before after until unless once whether"
)
"""Words that open a dependent clause: "... and as more data becomes available" is a
condition of the statement before it, not a statement of its own."""


def is_ly_adverb(lower: str) -> bool:
    """Whether a word looks like an "-ly" adverb ("neatly", "starkly"; not "fly", nor a
    noun such as "family" or "supply")."""
    return len(lower) > 4 and lower.endswith("ly") and lower.isalpha() and lower not in _LY_NOUNS


_LY_NOUNS = words_of(
    "family italy july supply rally ally assembly anomaly monopoly butterfly jelly belly "
    "reply bully lily emily kelly sally molly billy holly daily weekly monthly quarterly "
    "elderly"
)
"""Frequent words ending in "-ly" that are nouns (or names) rather than adverbs."""
CHAIN_ADVERBS = words_of("not n't never also still already soon just now always")
"""Adverbs inside a run of auxiliaries ("may soon be", "has not been")."""


def top_level(words: list[str]) -> list[bool]:
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
    outside quotation marks and brackets (`top_level`); `n` tokens. One object, so
    the rules take it and the token they judge rather than the same five arguments."""

    words: list[str]
    lowers: list[str]
    verbs: list[bool]
    top: list[bool]
    n: int

    def comma_before(self, j: int) -> bool:
        """Whether the token before `j` is a comma outside quotes: the mark of a
        non-restrictive relative, a clause of reason or a "with" absolute."""
        return self.lowers[j - 1] == "," and self.top[j - 1]

    def has_detail(self, a: int, b: int) -> bool:
        """Whether tokens [a, b) outside quotes hold a checkable detail (`is_detail`)."""
        words, lowers, top = self.words, self.lowers, self.top
        return any(top[i] and is_detail(words[i], lowers[i]) for i in range(max(a, 0), b))


NUMBER_WORDS = words_of(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "dozens hundred hundreds thousand thousands million millions billion billions trillion"
)


def is_detail(word: str, lower: str) -> bool:
    """Whether a token is a checkable detail: a figure ("15,000", "$6"), a number word
    ("hundreds"), or a capitalised word (a name or month; not "I")."""
    first = word[0]
    return (
        is_figure(word)
        or lower in NUMBER_WORDS
        or (first.isupper() and first.isalpha() and lower != "i")
    )


def is_figure(word: str) -> bool:
    """Whether a token is a figure: it starts with a digit or a currency sign ("15,000",
    "$6")."""
    return word[0].isdigit() or word[0] in "$£€"


def is_relative(lower: str) -> bool:
    """Whether a token is a relative pronoun, contracted or not ("who", "who’d")."""
    if lower in _RELATIVE_PRONOUNS:
        return True
    return ("’" in lower or "'" in lower) and lower.split("’")[0].split("'")[
        0
    ] in _RELATIVE_PRONOUNS


_RELATIVE_PRONOUNS = words_of("that which who whom whose")
