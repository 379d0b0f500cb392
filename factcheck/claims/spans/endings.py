"""Mending the ends of statements a clause cut left hanging (issue 11: well formed spans).

`spans.statement_spans` cuts a sentence into statements at conjunctions, relatives and
commas. Two cuts leave a statement that no fact-checker could check alone:

- the cut falls on a word the clause needs, which is then dropped: "An Israeli study,
  which is | yet to be peer reviewed, ... concluded ..." shows "An Israeli study, which
  is"; "... the Yellow Card scheme, which we have written about | before." shows "...
  written about". The statement ends on an auxiliary or a preposition, and between it
  and the next statement (or the sentence end) lies that one word and nothing else;
- the cut strands an elliptical clause: "... media outlets would have reported on it,
  yet | none have." shows "none have", whose predicate is the clause before it.

`mend_cut_ends` joins such a statement with what follows it (the dropped word and the
next statement) or the elliptical clause with the statement before it. It looks at the
statement ends only: linear in the sentence, no model, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, ClassVar, Protocol, TypeVar

from factcheck.text.lexicon import words_of

__all__ = ["mend_cut_ends"]


class _Statement(Protocol):
    """What `mend_cut_ends` reads and rewrites (`spans.Statement`, a frozen dataclass)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def attribution(self) -> bool: ...


S = TypeVar("S", bound=_Statement)

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_HANGING = words_of(
    "is are was were be been being am has have had will would can could may might shall "
    "should must of for in on at from about into by than to with"
)
"""Last words that leave a clause waiting for what the cut dropped ("which is", "written
about"). At a sentence end they can be good English ("how common the problem is"): a
statement is mended only when the one word the cut dropped follows it."""
_NO_END = _HANGING | words_of(
    "a an the this these those its their his her our your my some every each no any and "
    "or but nor yet so that which who whom whose"
)
"""Words the dropped word may not be when it would end the sentence's statement: given
back, it would leave the statement hanging again ("is | the")."""
_SPLITTING = words_of("and or but while whereas")
"""Conjunctions that join two statements: a cut there dropped nothing the first needs."""
_ELLIPTICAL_ENDS = words_of("have has had do does did is are was were can could will would so")
"""Last words of an elliptical clause ("none have", "none have done so", "they did")."""
_CONTRASTS = words_of("yet but and though although")
"""Conjunctions a stranded elliptical clause follows (", yet none have")."""
_SHORT_CLAUSE = 4
"""Words at most in an elliptical clause joined back to the statement before it."""


def _gap_words(text: str, start: int, end: int) -> list[str] | None:
    """The words between two statements, or None when punctuation stands between them
    (a comma, a quotation mark, a bracket: the cut is the clause's own)."""
    gap = text[start:end]
    if any(not (ch.isspace() or ch.isalnum() or ch in "'’") for ch in gap):
        return None
    return _WORD.findall(gap)


def _last_word(text: str, statement: _Statement) -> str:
    """The statement's last word as written ("May", a month, is not "may", a modal)."""
    found = _WORD.findall(text[max(statement.start, statement.end - 40) : statement.end])
    return found[-1] if found else ""


def mend_cut_ends(text: str, statements: list[S], sentence_end: int) -> list[S]:
    """`statements` (of one sentence ending at `sentence_end`), with a statement left
    hanging by a dropped word joined to what follows, and a stranded elliptical clause
    joined to the statement before it (module docstring)."""
    if not statements:
        return statements
    mended: list[S] = []
    i = 0
    while i < len(statements):
        current = statements[i]
        following = statements[i + 1] if i + 1 < len(statements) else None
        if _last_word(text, current) in _HANGING:
            gap = _gap_words(text, current.end, following.start if following else sentence_end)
            if gap and gap[0].lower() in _SPLITTING:
                gap = None  # "named after him in May | and | he thanked": two statements
            if following is not None and gap is not None and len(gap) == 1:
                attribution = current.attribution or following.attribution
                current = replace(current, end=following.end, attribution=attribution)
                i += 1
            elif following is None and gap and len(gap) == 1 and gap[0].lower() not in _NO_END:
                word_end = text.find(gap[0], current.end, sentence_end) + len(gap[0])
                current = replace(current, end=word_end)
        if mended and _stranded_ellipsis(text, mended[-1], current, sentence_end):
            previous = mended.pop()
            current = replace(current, start=previous.start, attribution=previous.attribution)
        mended.append(current)
        i += 1
    return mended


def _stranded_ellipsis(text: str, previous: _Statement, clause: _Statement, end: int) -> bool:
    """Whether `clause` is a short elliptical clause ending the sentence ("none have")
    after a contrast (", yet") from `previous`, whose predicate it borrows."""
    words = _WORD.findall(text[clause.start : clause.end])
    if not words or len(words) > _SHORT_CLAUSE or words[-1].lower() not in _ELLIPTICAL_ENDS:
        return False
    if text[clause.end : end].strip(' .!?"”’)'):
        return False  # the sentence goes on after it
    between = text[previous.end : clause.start].replace(",", " ").split()
    return len(between) == 1 and between[0].lower() in _CONTRASTS
