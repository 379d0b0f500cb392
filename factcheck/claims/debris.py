"""Page debris in pasted text: lines that are part of the page, not of the article.

Text copied from a news page carries the page around the article: breadcrumbs ("Home
China Chinese President Xi..."), share prompts ("Nitin A Gokhale WhatsApp Channel"),
photo captions and credits (a dated caption even inside a paragraph), related-link
lists, agency credits ("(With inputs from Reuters)"), bylines and datelines. None of
them is a claim. The rules here are about the form of a line, not its words alone:
debris lines stand alone on their line, carry no end punctuation, and are either a
known page formula or a run of Title-Case words with no verb. The splitter calls
`is_debris` on every sentence and `is_headline` to find headlines, which it shows only
when the body does not restate them. Pure; no I/O.
"""

from __future__ import annotations

import re

from factcheck.text.lexicon import words_of
from factcheck.text.words import READER_WORD

__all__ = [
    "body_words_of",
    "content_words",
    "is_debris",
    "is_headline",
    "is_speaker_line",
    "restates",
]


# Formulas of the page around an article, matched on a whole line.
_PAGE_FORMULA = re.compile(
    r"""^\W*(?:
        (?:with\s+)?inputs?\s+from\b.*                       # (With inputs from Reuters)
      | (?:reporting|writing|editing|additional\s+reporting|compiled|produced)\s+by\b.*
      | (?:written|edited|posted|updated|published|last\s+updated)
            (?:\s*:|\s+(?:on|at|by)\b|\s+\d).*              # Updated: 4 June, Posted on
      | (?:photo|image|picture|video|file\s+photo|credit|source|caption|illustration)s?
            \s*(?::|by\b|credit\b|courtesy\b).*             # Photo: ..., Image by ...
      | (?:also\s+read|read\s+more|read\s+also|related|recommended|more\s+from|watch|
           listen|see\s+also|trending|most\s+read|top\s+stories|advertisement|
           story\s+continues|click\s+here|sign\s+up|subscribe|follow\s+us|share\s+this|
           share\s+on|download\s+the)\b.*
      | (?:home|news|world|india|asia|business|politics|opinion)\s*(?:[>»/|›]\s*\w.*)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters" (case matters: names).
_BYLINE = re.compile(
    r"^(?:By|BY)\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:and|&|,)\s*(?:[A-Z][\w.'’-]*\s*){1,4})*"
    r"(?:[,|–-][^.!?]*)?$"
)
# The page speaking to its reader about itself, anywhere in the text (scraped bodies
# have lost their line breaks): "Visit our ...", "Sign up for our newsletter".
_SELF_PROMOTION = re.compile(
    r"^\W*(?:visit|follow|subscribe\s+to|sign\s+up\s+(?:for|to)|download|join|like|"
    r"read|watch|listen\s+to|get)\s+(?:our|us\b)",
    re.IGNORECASE,
)
_SHARE_WORDS = words_of(
    "whatsapp telegram facebook twitter linkedin instagram youtube channel newsletter "
    "share follow subscribe podcast app rss"
)
_CREDIT_TAIL = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP|Getty\s+Images|Reuters|Bloomberg|EPA|Xinhua|PTI|ANI|IANS)"
    r"(?:\s*/\s*[\w .'-]+)?|\((?:Photo|Image|File|Credit)[^)]*\))\s*$"
)
_BREADCRUMB = re.compile(r"^Home\s+[A-Z]")
_SMALL_WORDS = words_of(
    "a an the of in on at to for and or but with by from as vs via over into about"
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|may|"
    r"might|said|says|told|did|does|do)\b",
    re.IGNORECASE,
)
_END_PUNCTUATION = tuple('.!?:;"”’)')
# A dated photo or screenshot caption: "Screenshot of the misleading post, taken on July
# 13, 2021", "A photo of the event shared by X on 26 November, 2019", "Video filmed on 16
# July 2021". Fact-check pages put one under every image; extraction glues it to the next
# sentence with no stop, so it is found inside paragraphs too (the segmenter ends it at
# the year). A caption noun first, no finite verb, a past participle, a name, a date last.
_CAPTION_DATE = (
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+,?\s+|[A-Z][a-z]+\s+)?"
    r"(?:1[89]|20)\d\d"
)
_DATED_CAPTION = re.compile(
    r"^(?i:(?:an?\s+|the\s+)?(?:screenshots?|screen\s*grabs?|screengrabs?|photos?|"
    r"photographs?|images?|pictures?|videos?|footage|clips?))\b(?:\s+of\b.{1,200}?)?,?\s+"
    r"(?P<made>taken|shared|posted|filmed|captured|published|uploaded|recorded)"
    r"(?:\s+by\s+(?:(?:[A-Z@][\w.@'’-]*|bin|de|van|von|al|da)\s+){1,5})?"
    rf"(?:\s*(?:on|in)\s+|\s+){_CAPTION_DATE}$"
)
# The speaker line under a quoted claim: "Matt Thistlethwaite, Labor MP, February 9,
# 2021". A name of two to four capitalised words, a role, a date (a full stop at most);
# no verb. Fact-check pages set it under the quotation; extraction glues it to the next
# sentence.
_SPEAKER_LINE = re.compile(
    r"^[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3},\s+[^,.!?;:]{2,80}(?:,\s+[^,.!?;:]{2,80})?,\s+"
    rf"{_CAPTION_DATE}\.?$"
)
# Page furniture that extraction glues into the paragraph, found mid-paragraph once the
# segmenter cuts it off (session 27, ends11): a share bar with the headline, time and
# byline before it ("...Bees?11:21 AM 07/28/2021Jane Doe | Contributor share on facebook
# tweet this show comments"), a dated byline of a related-story box ("By Victoria
# Knight • June 24, 2021"), the box's label ("Featured Fact-check...") and a verdict
# heading ("Conclusion: Video’s claims are false", a label and a few words).
_SHARE_BAR = re.compile(r"\bshare on facebook tweet this show comments\b", re.IGNORECASE)
_DATED_BYLINE = re.compile(rf"^By\s+(?:[A-Z][\w.'’-]*\s+){{1,4}}[•|·–-]\s*{_CAPTION_DATE}$")
_RELATED_BOX = re.compile(
    r"^Featured\s+Fact-?check.{0,80}?stated\s+on\s+"
    rf"{_CAPTION_DATE}\s+in\s+an?\s+(?:[\w-]+\s+){{0,3}}(?:post|video|tweet|speech|ad)s?$",
    re.IGNORECASE,
)
"""The label of a related fact-check box with its source and date, and nothing after
(glued to the box's quoted claim, the sentence is a claim and stays)."""
_VERDICT_HEADING = re.compile(r"^(?:Conclusion|Verdict|Our ruling|Ruling|Rating)\s*:\s*\S")
_VERDICT_HEADING_WORDS = 8
"""A verdict heading is this many words or fewer; a longer "Conclusion: ..." sentence
may state facts."""


def _glued_furniture(line: str) -> bool:
    """Whether a sentence is page furniture that extraction glued into a paragraph."""
    if _SHARE_BAR.search(line) or _RELATED_BOX.match(line) or _DATED_BYLINE.match(line):
        return True
    return (
        _VERDICT_HEADING.match(line) is not None
        and len(line.split()) <= _VERDICT_HEADING_WORDS
        and not line.endswith("?")
    )


_STOPWORDS = words_of(
    "a an the of in on at to for and or but with by from as is are was were be been has "
    "have had it its this that these those their his her he she they we you i our over "
    "into about after before than then so not no"
)


def _title_case_share(words: list[str]) -> float:
    """The share of words (small words aside) that start with a capital or a digit."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return 0.0
    return sum(1 for w in content if w[0].isupper() or w[0].isdigit()) / len(content)


def is_debris(line: str, *, alone_on_line: bool) -> bool:
    """Whether a sentence is page furniture rather than article text.

    `alone_on_line` says whether the sentence fills its line (headlines, credits and
    breadcrumbs do; a sentence inside a paragraph never counts as debris unless it is a
    bracketed credit or an agency formula).
    """
    stripped = line.strip()
    if not stripped:
        return True
    if stripped.startswith("(") and stripped.endswith(")") and len(stripped) < 120:
        inner = stripped[1:-1]
        if _PAGE_FORMULA.match(inner) or _CREDIT_TAIL.search(stripped):
            return True
    if _SELF_PROMOTION.match(stripped):
        return True  # "Visit our coronavirus hub and follow our live updates page ..."
    if _glued_furniture(stripped):
        return True  # a share bar, a related box's byline or label, a verdict heading
    caption = _DATED_CAPTION.match(stripped)
    if caption is not None and not has_verb(stripped[: caption.start("made")]):
        return True  # "Screenshot of the post, taken on July 13, 2021", even mid-paragraph
    if not alone_on_line:
        return False
    if len(stripped) < 160 and (_PAGE_FORMULA.match(stripped) or _BYLINE.match(stripped)):
        return True
    if _CREDIT_TAIL.search(stripped) and len(stripped) < 300:
        return True  # a photo caption ending in its credit
    words = READER_WORD.findall(stripped)
    ends_open = not stripped.endswith(_END_PUNCTUATION)
    cut_off = stripped.endswith(("...", "…"))
    if _BREADCRUMB.match(stripped) and (ends_open or cut_off):
        return True  # "Home China Chinese President Xi Calls For ..."
    if cut_off and _title_case_share(words) >= 0.75:
        return True  # a cut-off teaser or related-story link
    # "Nitin A Gokhale WhatsApp Channel", "Share on Facebook"
    return ends_open and len(words) <= 8 and any(w.lower() in _SHARE_WORDS for w in words)


def is_speaker_line(line: str) -> bool:
    """Whether a sentence is the speaker line set under a quoted claim ("Matt
    Thistlethwaite, Labor MP, February 9, 2021"): not a claim, but the claim's
    attribution, which the splitter joins to the quotation before it."""
    stripped = line.strip()
    return _SPEAKER_LINE.match(stripped) is not None and not has_verb(stripped)


def is_headline(line: str) -> bool:
    """A line in headline form: no end punctuation and mostly Title-Case words."""
    stripped = line.strip().lstrip("#").strip()
    if not stripped or stripped[-1] in ".!;:":
        return False
    words = READER_WORD.findall(stripped)
    if not 1 <= len(words) <= 25:
        return False
    return len(words) <= 3 or _title_case_share(words) >= 0.75


def content_words(text: str) -> set[str]:
    """Lowercase words of `text` that carry meaning (stop words dropped, plural -s cut)."""
    words = set()
    for word in READER_WORD.findall(text.casefold()):
        word = word.rstrip("’'")
        if word.endswith(("’s", "'s")):
            word = word[:-2]
        if word in _STOPWORDS or len(word) < 2:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return words


def restates(headline: str, body_words: set[str], *, share: float = 0.6) -> bool:
    """Whether the body says what the headline says: most of its content words recur.

    `body_words` are the body's lowercase words as they stand (`body_words_of`): a
    headline word counts when it or its plural or possessive form is among them.
    """
    words = content_words(headline)
    if not words:
        return True
    found = sum(
        1
        for w in words
        if w in body_words
        or f"{w}s" in body_words
        or f"{w}’s" in body_words
        or f"{w}'s" in body_words
    )
    return found / len(words) >= share


def body_words_of(texts: list[str]) -> set[str]:
    """The lowercase words of `texts`, in one pass (for `restates`)."""
    return set(READER_WORD.findall("\n".join(texts).casefold()))


def has_verb(text: str) -> bool:
    """Cheap check for a finite verb, used on headline-form lines only."""
    return _VERBISH.search(text) is not None
