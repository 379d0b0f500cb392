"""What the one cutting pass knows while it walks a sentence's tokens (`CutState`).

`spans.cuts.statement_cuts` keeps one `CutState`: the statement being read (its first
token, `LeftSide`, whether it reports speech, is governed by a modal or waits for a
clause's verb) and the cuts placed so far. Each cut rule of `spans.cuts` reads it and
closes a statement through `cut` (or `cut_list_item`), so no rule threads its own flags
through the loop. Pure; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.claims.spans.left_side import LeftSide
from factcheck.claims.spans.tokens import DETERMINERS, SPEECH_VERBS, Tokens
from factcheck.text.lexicon import MODALS, words_of

_CLAUSE_OPENERS = words_of("that which who whom whose whether")
"""Words that open a clause inside the statement: until that clause has its verb, a
conjunction cannot start a new statement."""
_SPEECH_FORMS = words_of("claiming saying arguing insisting stating alleging suggesting")
"""Participles that report speech: what follows them is one reported statement, so
the detailed coordination and list cuts stop there (the older cuts have their own
speech rule)."""


@dataclass(slots=True)
class CutState:
    """What the pass knows of the sentence and of the statement it is reading.

    A new statement starts knowing nothing (`cut`), except after a list item, which
    shares the statement's verb (`cut_list_item`)."""

    tokens: Tokens
    respectively: bool
    """The sentence ends a list with "respectively" ("... 24.1% and 21.5%
    respectively"): its items are one statement, so no list item is cut."""
    first: int = 0
    """The statement's first token."""
    left: LeftSide = field(default_factory=LeftSide)
    """What the detailed-coordination cuts know of the statement so far."""
    speech: bool = False
    """The statement reports speech: "X said A and B" stays whole."""
    verb_chain: bool = False
    """A modal or "to" governs the left verbs: "should have produced A and B"."""
    open_clause: bool = False
    """A "that" / "which" / "whether" clause still waits for its verb."""
    detailed_ok: bool = True
    """No participle of speech yet ("claiming", "saying"): the detailed coordination,
    list, figure and relative cuts may fire."""
    appositive_end: int = -1
    """The comma closing "Smith, who led the agency ...," before "said", or a fronted
    "While farmers are not required to ...," before its main clause: the tokens before
    it are skipped, and the statement is cut there."""
    was_open: bool = False
    """`open_clause` before the current token (set by `see`)."""
    was_relative: bool = False
    """`left.relative` before the current token (set by `see`)."""
    was_subordinated: bool = False
    """`left.subordinated` before the current token (set by `see`)."""
    cuts: list[tuple[int, int]] = field(default_factory=list)
    """The statements closed so far: token ranges [first, last]."""
    verbless: set[int] = field(default_factory=set)
    """First tokens of statements kept though they have no verb the lexicon knows
    (list items with their own figure, "with" absolutes, named roles)."""

    def see(self, j: int) -> None:
        """Take the top-level token `j` into what the statement knows, keeping what it
        knew before (`was_open`, `was_relative`, `was_subordinated`): the rules judge
        the token by the statement to its left."""
        tokens = self.tokens
        lowers = tokens.lowers
        lower = lowers[j]
        self.was_open = self.open_clause
        self.was_relative = self.left.relative
        self.was_subordinated = self.left.subordinated
        self.left.see(tokens, j)
        if lower in SPEECH_VERBS and tokens.words[j][0].islower() and not _speech_noun(tokens, j):
            self.speech = True
        if lower in MODALS or lower == "to":
            self.verb_chain = True
        if tokens.verbs[j]:
            self.open_clause = False
        elif lower in _CLAUSE_OPENERS and j > self.first and lowers[j - 1] not in DETERMINERS:
            self.open_clause = True  # not "the who": an organisation in lowercased text
        if lower in _SPEECH_FORMS:
            self.detailed_ok = False  # "claiming that he found 5,128 for A and 1,188 for B"

    def cut(self, last: int, next_first: int, *, open_clause: bool = False) -> None:
        """Close the statement at token `last` and start the next at `next_first`,
        knowing nothing of it yet; `open_clause` when the token that starts it (a
        relative) opened a clause still waiting for its verb."""
        self.cuts.append((self.first, last))
        self.first = next_first
        self.left = LeftSide()
        self.speech = self.verb_chain = False
        self.open_clause = open_clause
        self.detailed_ok = True

    def cut_list_item(self, last: int, item: int) -> None:
        """Close the statement at token `last` before the list item at `item` ("$5
        billion for Pfizer"): the item shares the statement's verb, so what the pass
        knows of the statement goes on, and the item is kept though it has no verb."""
        self.cuts.append((self.first, last))
        self.verbless.add(item)
        self.first = item


def _speech_noun(tokens: Tokens, j: int) -> bool:
    """Whether the speech word at `j` is a noun after its determiner ("the claims",
    "a claim they showed ...", "its notes"): it names what was said, and reports
    nothing the rest of the sentence says."""
    lowers = tokens.lowers
    return j > 0 and lowers[j - 1] in DETERMINERS
