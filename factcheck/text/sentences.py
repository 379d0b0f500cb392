"""Sentence segmentation of news and transcript text, with exact character offsets.

The claim splitter (`factcheck.claims.splitter`) works sentence by sentence and keeps each
claim's sentence as context for the reviewer, so boundaries must be right on the things
news text is full of: abbreviations (U.S., Mr., Jan., No.), decimals, initials, quotes
and brackets after the full stop, ellipses, headlines and bylines with no end
punctuation, bullet lines and CRLF line ends.

It is a rule-based segmenter built for speed: one precompiled regex finds candidate
boundaries (end punctuation followed by whitespace, or a line break) and a few cheap
checks on the word before and the character after decide each one. There is no
per-character Python loop, which is what makes it many times faster than pysbd.
Pure; no I/O.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]


def _words(spaced: str) -> frozenset[str]:
    """A word list written as one string, to keep long lexicons readable."""
    return frozenset(spaced.split())


# A candidate boundary: end punctuation (with any closing quotes/brackets) followed by
# whitespace, or a bare line break. Group "ws" is set only for the first kind; the
# punctuation is then the text from the match start to group "ws".
# The pattern opens with one character class (every character a match can start
# with) and each branch checks by a lookbehind which one it was: Python's re then scans
# for that class in C and starts the matcher only there (2.3x faster than a leading
# lookahead, which still enters the matcher at every position). The same matches as
#   (?P<punct>[.!?…]+[\"'”’»)\]]*)(?P<ws>\s+)|(?P<nl>\r?\n[^\S\r\n]*(?:\r?\n\s*)*)
_CANDIDATE = re.compile(
    r"[.!?…\r\n]"
    r"(?:(?<=[.!?…])[.!?…]*[\"'”’»)\]]*(?P<ws>\s+)"
    r"|(?<=\r)\n[^\S\r\n]*(?:\r?\n\s*)*"
    r"|(?<=\n)[^\S\r\n]*(?:\r?\n\s*)*)"
)
# The token before a full stop, e.g. "U.S" in "the U.S. said" or "Dr" in "Dr. Lee".
_WORD_BEFORE = re.compile(r"[\w.'’-]+$")
# Bullet markers at the start of a line: "- ", "* ", "+ ", "• ", "1. ", "(a) ", "2) ",
# with a Markdown task box after them ("- [ ] ", "- [x] "). Letters only with a
# bracket, so an initial ("J. K. Rowling") is never taken for one.
_BULLET = re.compile(r"(?:[-*+•‣▪◦–—]|\(?\d{1,3}[.)]|\(?[a-z]\))[^\S\r\n]+(?:\[[ xX]\][^\S\r\n]+)?")
_ENUMERATOR = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z])$")
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_UPPER = re.compile(r"[A-Z]")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]$")

# Abbreviations that (almost) never end a sentence: titles before a name, months and
# "No." before a number, and other words that are followed by what they qualify.
_NEVER_FINAL = _words(
    "mr mrs ms dr prof rev gen sen rep gov lt col capt cmdr sgt st mt ft sr jr hon pres "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig pp p op art sec ch "
    "vs v e.g i.e cf approx est dept univ ave blvd rd"
)
# Abbreviations that often end a sentence too: a boundary only when a usual sentence
# opener follows ("... in the U.S. The ..." vs "... the U.S. Senate ...").
_MAYBE_FINAL = _words("inc ltd corp co etc al bros plc llc a.m p.m u.s u.k u.n e.u")
_OPENERS = _words(
    "the a an he she it they we i you this that these those there his her its their our "
    "but and so yet in on at for if when while after before as however meanwhile also "
    "then still now later earlier what why how who where mr mrs ms dr"
)


def _is_boundary(
    text: str, punct_start: int, punct: str, next_pos: int, *, caseless: bool = False
) -> bool:
    """Decide whether end punctuation at `punct_start` really ends a sentence.

    `caseless` is for text with no capitals at all (scraped bodies such as CoAID's):
    there a lowercase next word cannot mean "same sentence".
    """
    if next_pos >= len(text):
        return True
    following = text[next_pos]
    # "... he said." continues? A lowercase or connecting character never starts one.
    if (following.islower() and not caseless) or following in ",;:)]}%":
        return False
    if punct[0] != ".":
        return True
    if punct.startswith("..") or punct[0] == "…":
        return True  # an ellipsis followed by a capital: treat as an end
    # The word cannot run across a space, so start the search after the last one:
    # the same match, without re trying (and failing) at every earlier position.
    window = max(0, punct_start - 40)
    window = max(window, text.rfind(" ", window, punct_start) + 1)
    match = _WORD_BEFORE.search(text, window, punct_start)
    if match is None:
        return True
    word = match.group().lstrip("'’-")
    if not word:
        return True
    lowered = word.lower()
    if lowered in _NEVER_FINAL:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "George W. Bush", "J. K. Rowling"
    if ("." in word and _DOTTED.search(word)) or lowered in _MAYBE_FINAL:
        next_word = _NEXT_WORD.match(text, next_pos, next_pos + 20)
        return next_word is not None and next_word.group().lower() in _OPENERS
    if _ENUMERATOR.fullmatch(word):
        # "1. Item" at the start of a line is a bullet number, not a sentence.
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not text[line_start : match.start()].strip():
            return False
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past whitespace and a leading bullet marker."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    bullet = _BULLET.match(text, start, end)
    if bullet is not None and bullet.end() < end:
        start = bullet.end()
    return start, end


# Sentence ends that lost their space, the kinds scraped and pasted text is full of:
# - a full stop between a word or figure and a capitalised word ("... of Covid.In the
#   video", "in 2019.The image", "COVID-19.The Associated Press");
# - a figure glued to a capitalised sentence opener, a caption or subheading run into
#   the next sentence with no stop at all ("taken on July 25, 2021The post emerged");
# - a colon followed by two or more spaces (a paragraph end lost in extraction) and a
#   capitalised word ("have saved lives:  A report published ... found").
# The pattern finds candidates only; `_glued_end` decides each (abbreviations,
# initials, domains, speech and labels before a colon). It opens with one character
# class for speed, as `_CANDIDATE` does.
_GLUE_OPENERS = (
    "The|This|That|These|Those|There|It|Its|In|On|At|An|He|She|His|Her|They|Their|We|Our|"
    "But|However|According|After|Before|When|While|Since|Some|Many"
)
_GLUED = re.compile(
    r"[.!?\"”’:0-9]"
    r"(?:(?<=[A-Za-z0-9%][.!?])[\"”’]?(?=[“\"‘]?[A-Z][a-z])"
    r"|(?<=[A-Za-z0-9][\"”’])[.!?](?=[“\"‘]?[A-Z][a-z])"
    rf"|(?<=[0-9])(?P<figure>)(?=(?:{_GLUE_OPENERS})[^\S\r\n,])"
    r"|(?<=:)(?P<colon>)(?=[^\S\r\n]{2,}[A-Z](?:[a-z’']|[^\S\r\n][a-z])))"
)
_WORD_AT_END = re.compile(r"[A-Za-z0-9%.]+$")
# "Amazon.Com", "BBC.Co.Uk": a domain in title case is not a sentence end.
_DOMAIN_PARTS = _words("com org net gov edu co uk io info int mil ac biz")
# Words that introduce what follows the colon as quoted or spoken: the statement must
# keep its attribution ("He said:  The economy grew" stays one sentence).
_SPEECH_BEFORE_COLON = _words(
    "said says say saying told tells tell added adds wrote writes write stated states "
    "read reads reading explained explains claimed claims asked asks tweeted tweets "
    "posted posts warned warns declared declares noted notes argued argues replied "
    "replies answered answers announced announces insisted insists responded responds "
    "continued continues quote quoted statement caption captioned headline titled "
    "follows following include includes including are is was were be as the a an of "
    "to and or by with from for"
)
# A colon needs this many words before it in its sentence: fewer is a label ("Fact
# Check:", "Claim:") or a transcript's speaker ("SENATOR KENNEDY:"), which stays with
# what it labels.
_MIN_WORDS_BEFORE_COLON = 5


def _glued_end(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether a glued candidate of `_GLUED` really ends a sentence that began at `start`."""
    cut = match.end()
    if match.group("colon") is not None:
        words = text[start:cut].split()
        if len(words) < _MIN_WORDS_BEFORE_COLON:
            return False
        before = words[-1].rstrip(":").lower().strip("\"“”‘’'()[],")
        return before.isalpha() and before not in _SPEECH_BEFORE_COLON
    head = text[max(start, cut - 24) : cut].rstrip('"”’.!?')
    word = _WORD_AT_END.search(head)
    before = word.group().lower() if word else ""
    if match.group("figure") is not None:
        return bool(before) and "." not in before  # "No.5The" is not a figure alone
    if len(before) < 2 or before in _NEVER_FINAL or before in _MAYBE_FINAL or "." in before:
        return False  # "Mr.Smith", "U.S.Army", "J.R.R.Tolkien": abbreviations, initials
    following = _NEXT_WORD.match(text, cut + (text[cut : cut + 1] in '“"‘'), cut + 24)
    return following is None or following.group().lower() not in _DOMAIN_PARTS


# More sentence ends that lost their space (issue 11, session 27, ends11), each a
# group of `_MORE_ENDS`, decided by `_more_end`:
# - "bracket": a full stop after a closing bracket, or after a space, glued to a
#   capitalised word ("(page 1).The court", "(CDC).Both", "Covid-19 .The World");
# - "letter": a full stop glued to the one-letter word "A" before a word, or "I" before
#   a lowercase word ("fungi.A throat spray", "virus.A January study"; "U.S.A" and
#   initials never cut);
# - "quoted": a closing curly mark after a stop that follows another mark, glued to a
#   capitalised word ("no reduction ... face masks’.”The words");
# - "acronym": a closing curly mark after a stop, glued to an acronym (".”CDC: Masks").
# The pattern finds candidates only, one character class first as `_GLUED` does.
_MORE_ENDS = re.compile(
    r"[.!?]"
    r"(?:(?:(?<=[)\]][.!?])|(?<=[A-Za-z0-9] \.))(?P<bracket>)(?=[“\"‘]?[A-Z][a-z])"
    r"|(?<=[a-z0-9][.!?])(?P<letter>)(?=A[^\S\r\n][A-Za-z0-9]|I[^\S\r\n][a-z])"
    r"|(?<=[\"”’][.!?])”(?P<quoted>)(?=[“\"‘]?[A-Z][a-z])"
    r"|(?<=[A-Za-z0-9%\"”’)][.!?])”(?P<acronym>)(?=[A-Z]{2,}[^A-Za-z]))"
)
# A full stop after a bracket in these is part of a name or a file, not an end.
_BRACKET_NAMES = _DOMAIN_PARTS | _words("js jpg jpeg png gif pdf html htm php asp txt doc")


def _more_end(text: str, start: int, match: re.Match[str]) -> int | None:
    """Where a candidate of `_MORE_ENDS` ends the sentence that began at `start`, or
    None when it does not."""
    cut = match.end()
    if match.group("bracket") is not None:
        following = _NEXT_WORD.match(text, cut + (text[cut : cut + 1] in '“"‘'), cut + 24)
        if following is not None and following.group().lower() in _BRACKET_NAMES:
            return None
        return cut
    if match.group("letter") is None:
        return cut  # "quoted", "acronym": the stop and the closing mark are the evidence
    # "letter": the word before must be a plain word of two letters or more, not an
    # abbreviation, an initial or a dotted form ("U.S.A", "e.g.A", "J.A").
    head = text[max(start, cut - 24) : cut - 1]
    word = _WORD_AT_END.search(head)
    before = word.group().lower() if word else ""
    if len(before) < 2 or "." in before or before in _NEVER_FINAL or before in _MAYBE_FINAL:
        return None
    return cut


_MAX_QUOTED_CHARS = 1500
"""A quotation is held together up to this many characters; past it (a stray opening
mark, a long transcript) sentences end as usual, which keeps the cost linear."""


def _inside_quotation(text: str, start: int, cut: int) -> bool:
    """Whether a boundary at `cut` would fall inside a quotation that opened in this
    sentence and closes within the paragraph: a claim must not end inside a quotation,
    so a quoted passage of several sentences stays one sentence."""
    # The last curly mark decides, not a count: news style opens each quoted paragraph
    # again without closing the one before ("... not.“The ...”"). It is looked for in
    # the quotation's reach before `cut`, not from `start` only: a sentence whose start
    # lies far back (glued ends are split later, `_unglue`) still holds a quotation that
    # opened near the cut (session 28: '... said.“A. B.“C.”' run into a long sentence).
    opened = text.rfind("“", max(start, cut - _MAX_QUOTED_CHARS), cut)
    if opened >= 0 and opened > text.rfind("”", opened, cut):
        closing = "”"
        limit = min(len(text), opened + _MAX_QUOTED_CHARS)
    elif cut - start <= _MAX_QUOTED_CHARS and text.count('"', start, cut) % 2:
        closing = '"'  # straight marks: only a count from the start can tell
        limit = min(len(text), start + _MAX_QUOTED_CHARS)
    else:
        return _reopened_straight(text, start, cut)
    close = text.find(closing, cut, limit)
    paragraph_end = text.find("\n", cut, close if close >= 0 else limit)
    if paragraph_end < 0:
        return close >= 0
    # The paragraph ends before the quotation closes. Print style (a quotation of
    # several paragraphs opens each with a mark and closes only the last) closes it at
    # the paragraph end when the next paragraph reopens it: held to the paragraph end.
    return reopens_quotation(text, paragraph_end, "“" if closing == "”" else '"')


def _reopened_straight(text: str, start: int, cut: int) -> bool:
    """Whether `cut` falls inside a quotation a straight mark glued between a stop and a
    capital opened, when the marks before `cut` count even: a paragraph reopened print
    style after a lost break ('... loss of taste."During this time, ... throat. Drink
    ... infection." "Propolis" refers'). The next mark decides, as in
    `_settle_quote_mark`: glued to the word before it and not to the word after, within
    the paragraph, it closes a quotation, so the glued mark opened it."""
    last = text.rfind('"', max(start, cut - _MAX_QUOTED_CHARS), cut)
    if last <= start or text[last - 1] not in ".!?" or not text[last + 1 : last + 2].isupper():
        return False
    close = text.find('"', cut, min(len(text), last + _MAX_QUOTED_CHARS))
    if close < 0 or text[close - 1].isspace() or text.find("\n", cut, close) >= 0:
        return False
    after = text[close + 1 : close + 2]
    return not (after.isalnum() or after in ("‘", "'"))


def reopens_quotation(text: str, paragraph_end: int, mark: str) -> bool:
    """Whether the paragraph after the line break at `paragraph_end` opens with the
    quotation mark `mark` before a word: print style, a quotation of several paragraphs
    reopened there, so the quotation left open before the break ends with its paragraph
    (docs/claims.md, "Quotations")."""
    position = paragraph_end
    limit = min(len(text), paragraph_end + _MAX_SPACE_RUN)
    while position < limit and text[position].isspace():
        position += 1
    following = text[position + 1 : position + 2]
    return text[position : position + 1] == mark and (following.isalnum() or following in "‘'…")


# A subheading glued to the next sentence with no stop at all ("The AnalysisThe post",
# "transmit the virusIn the Facebook video", "Home remediesAFP has"): the only evidence
# is a capital inside a word, after three lowercase letters, so the word after must be
# a sentence opener or an acronym before a lowercase word, and names written in camel
# case ("LinkedIn", "YouTube", "iPhone", "McDonald", "PolitiFact", "macOS") never cut.
_CAPITAL_GLUE = re.compile(
    r"[A-Z](?:(?<=[a-z]{3}[A-Z])(?P<camel>)|(?<=[^\S\r\n]{2}[A-Z])(?P<spaced>))"
)
"""Capitals after three lowercase letters (a glued subheading, `_heading_end`) or after
two spaces (a lost paragraph break, `_spaced_end`): one scan, entered at capitals only."""
_HEADING_OPENER = re.compile(
    rf"(?:{_GLUE_OPENERS}|And|As|A|What|Why|How)[^\S\r\n]+[A-Za-z0-9“\"‘]"
    r"|[A-Z]{2,5}[^\S\r\n]+[a-z]{2,}[^\S\r\n]"
)
_CAMEL_NAMES = _words(
    "linkedin checkin signin login logon plugin addon walkin drivein optin builtin "
    "popup macos ipados watchos tvos visionos"
)
"""Words in camel case whose inner capital starts a sentence opener or an acronym."""
_CAMEL_ACRONYMS = _words("RNA DNA OS ID")
"""Acronyms written after a lowercase prefix ("mRNA", "cDNA", "iOS", "eID"): glued to
a word before ("postmRNA technology") they are not a sentence start."""


def _heading_end(text: str, start: int, match: re.Match[str]) -> int | None:
    """Where a capital inside a word ends a glued subheading, or None."""
    cut = match.start()
    opener = _HEADING_OPENER.match(text, cut, cut + 40)
    if opener is None:
        return None
    word_start = max(start, cut - 40)
    space = max(text.rfind(" ", word_start, cut), text.rfind("\n", word_start, cut))
    space = max(space, text.rfind("\xa0", word_start, cut))
    if space >= 0:
        word_start = space + 1
    word_end = cut
    while word_end < len(text) and (text[word_end].isalnum() or text[word_end] in "'’"):
        word_end += 1
    prefix = text[word_start:cut]
    if not prefix.replace("-", "").isalpha():
        return None  # a handle, a link, a file name: "@someoneThe", "site.comIn"
    if text[word_start:word_end].lower() in _CAMEL_NAMES:
        return None
    if opener.group().split()[0] in _CAMEL_ACRONYMS:
        return None
    return cut


# A line with no stop before two or more spaces (a paragraph break lost in extraction)
# and a sentence opener: a source or a dateline run into the next sentence ("offered
# by the Rural Domestic Preparedness Consortium (RDPC)   There is, however",
# "By Victoria Knight • June 24, 2021  The lawsuit"). Found by `_CAPITAL_GLUE`; the run
# is followed back at most `_MAX_SPACE_RUN` characters, so long runs stay linear.
_SPACED_OPENER = re.compile(rf"(?:{_GLUE_OPENERS})[^\S\r\n,]")
_MAX_SPACE_RUN = 200
"""How far back a run of spaces before an opener is followed to its start."""
_SPACED_AFTER = _SPEECH_BEFORE_COLON | _words("in on at into about than that which who")
"""Words after which a capitalised opener continues the sentence ("published in  The
Guardian", "said  The"): not an end however many spaces stand between."""


def _spaced_end(text: str, start: int, match: re.Match[str]) -> int | None:
    """Where a run of spaces before an opener ends a line that lost its stop, or None."""
    opener = match.start()
    if _SPACED_OPENER.match(text, opener) is None:
        return None
    cut = opener
    floor = max(start, opener - _MAX_SPACE_RUN)
    while cut > floor and text[cut - 1].isspace() and text[cut - 1] not in "\r\n":
        cut -= 1
    before = text[cut - 1 : cut] if cut > start else ""
    if not (before.isalnum() or before in (")", "]", "”", '"', "’")):
        return None  # a stop, a colon or a dash: the other rules or none decide
    word = _WORD_AT_END.search(text, max(start, cut - 24), cut)
    if word is not None and word.group().lower().strip(".") in _SPACED_AFTER:
        return None
    if len(text[start:cut].split()) < 3:
        return None  # a label ("Verdict  The ...") stays with what it labels
    return opener


def _glued_matches(text: str, start: int, end: int) -> list[tuple[int, int, re.Match[str]]]:
    """The candidates of the glued-end rule sets in [start, end), in order."""
    found = [(m.end(), 0, m) for m in _GLUED.finditer(text, start, end)]
    found += [(m.end(), 1, m) for m in _MORE_ENDS.finditer(text, start, end)]
    found += [
        (m.start(), 2 if m.group("camel") is not None else 3, m)
        for m in _CAPITAL_GLUE.finditer(text, start, end)
    ]
    found.sort(key=lambda item: (item[0], item[1]))
    return found


_QUOTE_LOOKAHEAD = 600
"""How far after a glued straight quotation mark the next mark is looked for."""


def _settle_quote_mark(text: str, start: int, cut: int) -> tuple[int, bool]:
    """Where a glued end with a straight quotation mark between its stop and the next
    capital ('...University."Each person') really falls, in the sentence that began at
    `start`, and whether the mark is known to close a quotation.

    A straight mark does not say whether it closes the quotation before or opens the
    next one; the marks after it do. A second mark right after it ('protected.""That')
    or none later in the paragraph: this one closes. The next mark glued to the word
    before it and not to the word after ('... the same", he told') closes a quotation,
    so this one opened it and the cut goes before it; one after a space and before a
    word (' states: "If') opens a new one, so this one closed the last. When the next
    mark is as ambiguous as this one, the count of marks since the sentence start
    decides. A closing mark ends a sentence that is not inside a quotation, however its
    marks count (the quotation opened before it, or its opening mark was lost)."""
    if text[cut - 1 : cut] != '"' or text[cut - 2 : cut - 1] not in (".", "!", "?"):
        return cut, False
    limit = min(len(text), cut + _QUOTE_LOOKAHEAD)
    following = text.find('"', cut, limit)
    line_end = text.find("\n", cut, limit)
    if following == cut:
        return cut, True
    if following < 0 or 0 <= line_end < following:
        # No straight mark after it: a curly closing mark first ('astronaut."To be able
        # ... competition,” she told') says this one opened a quotation.
        end = line_end if line_end >= 0 else limit
        curly_close = text.find("”", cut, end)
        curly_open = text.find("“", cut, end)
        if curly_close >= 0 and (curly_open < 0 or curly_close < curly_open):
            return cut - 1, False
        return cut, True
    glued_before = not text[following - 1].isspace()
    after = text[following + 1 : following + 2]
    glued_after = after.isalnum() or after in ("‘", "'")
    if glued_before and not glued_after:
        return cut - 1, False
    if glued_after and not glued_before:
        return cut, True
    if text.count('"', max(start, cut - 1 - _MAX_QUOTED_CHARS), cut - 1) % 2:
        return cut, True  # (counted over a quotation's reach at most: linear time)
    return cut - 1, False


def _closes_quotation(punct: str) -> bool:
    """Whether end punctuation before a space carries a straight quotation mark after
    its stop ('... contain the infection." "Propolis" refers'): glued to the stop and
    followed by a space, the mark closes a quotation, so the end is not inside one even
    when the sentence holds an odd number of marks (the quotation opened in a sentence
    before, or its opening mark was lost)."""
    return '"' in punct


def _unglue(
    text: str, start: int, end: int, spans: list[tuple[int, int]], *, quoted: bool = True
) -> None:
    """Append [start, end) to `spans`, split where a sentence end lost its space."""
    for _, kind, match in _glued_matches(text, start, end):
        if kind == 0:
            if not _glued_end(text, start, match):
                continue
            cut, closed = _settle_quote_mark(text, start, match.end())
        else:
            found = (_more_end, _heading_end, _spaced_end)[kind - 1](text, start, match)
            if found is None:
                continue
            cut, closed = found, False
        if cut <= start or (quoted and not closed and _inside_quotation(text, start, cut)):
            continue
        piece_start, piece_end = _trim(text, start, cut)
        if piece_end > piece_start:
            spans.append((piece_start, piece_end))
        start = cut
    start, end = _trim(text, start, end)
    if end > start:
        spans.append((start, end))


def _glued_candidates(text: str) -> list[int]:
    """Where any glued-end rule might cut `text`, in order (to know which sentences
    `_unglue` must look at)."""
    ends = [m.end() for m in _GLUED.finditer(text)]
    more = [m.end() for m in _MORE_ENDS.finditer(text)]
    more += [
        m.start()
        for m in _CAPITAL_GLUE.finditer(text)
        if (_HEADING_OPENER if m.group("camel") is not None else _SPACED_OPENER).match(
            text, m.start()
        )
    ]
    return sorted(ends + more) if more else ends


def split_sentences(text: str, *, hold_quotations: bool = True) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the sentences of `text`.

    Offsets index `text` itself (no normalisation), so callers can show or store
    `text[start:end]`. Spans are trimmed of surrounding whitespace and bullet markers
    and never empty. A single line break ends a sentence unless the next line starts in
    lowercase (a hard-wrapped paragraph), which is what makes headlines, bylines and
    bullet lines come out as sentences of their own. A full stop that lost its space
    ("of Covid.In the video") still ends a sentence. Text without a single capital
    (scraped, lowercased article bodies) is split at every full stop that is not an
    abbreviation.

    `hold_quotations=False` ends sentences inside quotations too: a claim must not end
    inside one, but an evidence passage (`ingest.passages`) is better cut there than
    stretched to a whole quoted speech, or run on past a stray quotation mark.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    caseless = _UPPER.search(text) is None
    quoted = hold_quotations and ("“" in text or '"' in text)
    # Glued boundaries are rare: find them once, and split a sentence further only when
    # one falls inside it (a per-sentence search cost a third of the segmenter's time).
    # Every kind needs a capital after it, so text without one is not searched at all.
    glued = [] if caseless else _glued_candidates(text)
    next_glued = glued[0] if glued else len(text) + 1
    glued_index = 0

    def emit(start: int, end: int) -> None:
        nonlocal next_glued, glued_index
        if next_glued < end:
            _unglue(text, start, end, spans, quoted=quoted)
            while glued_index < len(glued) and glued[glued_index] < end:
                glued_index += 1
            next_glued = glued[glued_index] if glued_index < len(glued) else len(text) + 1
            return
        start, end = _trim(text, start, end)
        if end > start:
            spans.append((start, end))

    for match in _CANDIDATE.finditer(text):
        ws = match.group("ws")
        if ws is not None:
            punct = text[match.start() : match.start("ws")]
            if ("\n" in ws and not text[match.end() : match.end() + 1].islower()) or _is_boundary(
                text, match.start(), punct, match.end(), caseless=caseless
            ):
                cut = match.start("ws")
            else:
                continue
            if (
                quoted
                and "\n" not in ws
                and not _closes_quotation(punct)
                and _inside_quotation(text, position, cut)
            ):
                continue  # “First sentence. Second sentence.” is one quotation
        else:
            following = text[match.end() : match.end() + 1]
            blank_line = match.group().count("\n") > 1
            if not blank_line and following.islower():
                continue
            cut = match.start()
        emit(position, cut)
        position = match.end()
    emit(position, len(text))
    return spans
