"""The HTML report: one self-contained page an editor opens, reads, prints or mails.

Everything is inline (CSS in a <style> element; no scripts, fonts, images or other
files), and a Content-Security-Policy forbids loading anything, so the page looks
the same offline, as an attachment or archived. Each document shows its article with
every listed claim highlighted in its verdict colour and linked to its entry; the
entries, grouped by verdict, give reviewer, date, note, cited evidence and history.

All text from articles, notes and evidence goes through `html.escape`, and links are
only ever http(s): a `<script>` in an article is shown as text, never run.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from html import escape
from importlib import resources

from factcheck.config import PublisherConfig
from factcheck.export.by_counts import ByCounts
from factcheck.export.report import (
    STATUS_ORDER,
    ClaimEntry,
    ClaimRow,
    DocumentReport,
    DocumentRows,
    OutlineRow,
    OutlineSize,
    Report,
    ReportStream,
    display_date,
    evidence_label,
    history_phrase,
    occurrence_phrase,
    outline_size,
    safe_url,
)
from factcheck.models import Claim, Document, Evidence, Status
from factcheck.records import CLAIM_FIELDS
from factcheck.untrusted.terminal_text import printable
from factcheck.untrusted.urls import without_credentials

_ICONS = {Status.SUPPORTED: "✓", Status.DISPUTED: "✗", Status.UNVERIFIED: "?"}
_PARAGRAPH_BREAK = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def render_html(report: Report, *, publisher: PublisherConfig | None = None) -> str:
    """The whole report as one HTML5 page."""
    outline = [
        (doc.document.id, doc.document.title, doc.document.url, doc.counts)
        for doc in report.documents
    ]
    return "".join(iter_html(report, lambda: outline, publisher=publisher))


def iter_html(
    report: Report | ReportStream,
    outline: Callable[[], Iterable[OutlineRow]],
    *,
    publisher: PublisherConfig | None = None,
    size: OutlineSize | None = None,
) -> Iterator[str]:
    """`render_html` a piece at a time: head and summary (from `outline`), then one
    section per document. The head needs the document count, and the title when
    there is one document: `size` (`Store.outline_size`) when given, else a first
    pass over `outline`."""
    count, single = size if size is not None else outline_size(outline())
    title = _page_title(count, single)
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="generator" content="factcheck">',
        f"<title>{_e(title)}</title>",
        f"<style>\n{_stylesheet()}</style>",
        "</head>",
        "<body>",
        '<main class="report">',
        _masthead(report, title, _heading(count, single), publisher),
    ]
    yield "\n".join(head) + "\n"
    yield from _summary(outline(), count, report.totals)
    yield "\n"
    listed = False
    for doc in report.document_rows:
        listed = True
        yield _rows_section(doc) + "\n"
    if not listed:
        yield '<p class="empty">No claims match.</p>\n'
    tail = [
        '<footer class="colophon">Made with factcheck from the verdicts recorded in the'
        f" claims database on {_e(display_date(report.generated_at))}.</footer>",
        "</main>",
        "</body>",
        "</html>",
    ]
    yield "\n".join(tail) + "\n"


def _e(text: object) -> str:
    """Every value the page embeds: escaped, control characters shown (not kept)."""
    string = text if type(text) is str else "" if text is None else str(text)
    return escape(printable(string), quote=True)


class _Words(dict[object, str]):
    """`_e` of the few words every claim repeats (its kind, its status capitalized):
    worked out once per word."""

    def __init__(self, word: Callable[[object], str]) -> None:
        super().__init__()
        self._word = word

    def __missing__(self, key: object) -> str:
        shown = self[key] = _e(self._word(key))
        return shown


_KIND_WORDS = _Words(str)


def _escaped_texts(texts: list[str]) -> list[str]:
    """`[_e(text) for text in texts]`, in one `escape` call when every line of every
    text passes `str.isprintable` (what `printable` would change fails it)."""
    if not texts:
        return []
    try:
        if all(map(str.isprintable, texts)) or _clean("\n".join(texts)):
            return escape(_CUT.join(texts), quote=True).split(_CUT)
    except TypeError:  # a claim made by hand, with text that is not a string
        pass
    return [_e(text) for text in texts]


def _stylesheet() -> str:
    return resources.files("factcheck.export").joinpath("report.css").read_text("utf-8")


def _page_title(count: int, single: str | None) -> str:
    if count == 1:
        return f"Fact-check: {single}"
    return f"Fact-check: verdicts on {count} articles"


def _heading(count: int, single: str | None) -> str:
    if count == 1:
        return single or ""
    return f"Verdicts on {count} articles"


def _masthead(
    report: Report | ReportStream,
    title: str,
    heading: str,
    publisher: PublisherConfig | None,
) -> str:
    meta = [f"Generated {_e(display_date(report.generated_at))}"]
    if publisher is not None and publisher.name:
        url = safe_url(publisher.url)
        name = _e(publisher.name)
        meta.insert(0, f'<a href="{_e(url)}">{name}</a>' if url else name)
    if report.status_filter:
        meta.append(f"only {_e(report.status_filter)} claims listed")
    return (
        '<header class="masthead">'
        '<p class="kicker">Fact-check report</p>'
        f"<h1>{_e(heading)}</h1>"
        f'<p class="meta">{" · ".join(meta)}</p>'
        "</header>"
    )


def _summary(rows: Iterable[OutlineRow], count: int, totals: dict[Status, int]) -> Iterator[str]:
    yield (
        '<section class="summary" aria-labelledby="summary-title">'
        '<h2 id="summary-title">Summary</h2>'
        '<table class="counts"><thead><tr><th scope="col">Article</th>'
        '<th scope="col" class="n">Claims</th>'
        + "".join(
            f'<th scope="col" class="n"><span class="dot {s}"></span>{s.capitalize()}</th>'
            for s in STATUS_ORDER
        )
        + '<th scope="col" class="bar-col">Share</th></tr></thead><tbody>'
    )
    for document_id, title, _url, counts in rows:
        # `_e(title)`: `printable` returns a printable string as it is
        shown = (
            escape(title, quote=True) if type(title) is str and title.isprintable() else _e(title)
        )
        cells = _ROW_CELLS.get(key := tuple(counts.items()))
        if cells is None:
            cells = _ROW_CELLS.remember(key, f"{_count_cells(counts)}<td>{_bar(counts)}</td></tr>")
        yield f'<tr><th scope="row"><a href="#doc-{document_id}">{shown}</a></th>{cells}'
    if count > 1:
        yield (
            '<tr class="total"><th scope="row">All articles</th>'
            + _count_cells(totals)
            + f"<td>{_bar(totals)}</td></tr>"
        )
    yield "</tbody></table>" + _legend() + "</section>"


_ROW_CELLS = ByCounts()
"""A summary row's cells after its title, by the document's counts."""
_COUNT_PHRASES = ByCounts()
"""A document's count phrase (`_counted_phrase`), by its counts."""


def _count_cells(counts: dict[Status, int]) -> str:
    total = sum(counts.values())
    cells = [f'<td class="n">{total}</td>']
    get = counts.get
    for status in STATUS_ORDER:  # a loop, not a comprehension: one per summary row
        count = get(status, 0)
        cells.append(f'<td class="n {status if count else "zero"}">{count}</td>')
    return "".join(cells)


def _bar(counts: dict[Status, int]) -> str:
    total = sum(counts.values())
    if not total:
        return '<span class="bar empty"></span>'
    segments = []
    get = counts.get
    for status in STATUS_ORDER:
        count = get(status, 0)
        if count:
            segments.append(
                f'<span class="seg {status}" style="width:{100 * count / total:.2f}%"></span>'
            )
    return f'<span class="bar" aria-hidden="true">{"".join(segments)}</span>'


def _legend() -> str:
    items = "".join(
        f'<li><mark class="claim {s}">{_ICONS[s]} {s}</mark></li>' for s in STATUS_ORDER
    )
    return f'<ul class="legend" aria-label="Colour key">{items}</ul>'


def _document_section(doc: DocumentReport) -> str:
    """A document's article and entries, from its `ClaimEntry`s (a document with
    repeats: `_rows_section` writes the others)."""
    article_html, in_text = _article_text(doc.document.text, doc.entries)
    # each group's entries as HTML, in one pass over the entries, not one per status
    by_status: dict[Status, list[str]] = {status: [] for status in STATUS_ORDER}
    entries = doc.entries
    quoted = _escaped_texts(list(map(_CLAIM_TEXT, entries)))
    kinds, back_link = _KIND_WORDS, _BACK_LINK
    for entry, text in zip(entries, quoted, strict=True):
        claim = entry.claim
        group = by_status.get(claim.status)
        if group is None:
            continue
        if entry.history or entry.occurrences:
            group.append(_entry(entry, claim.id in in_text, text))
            continue
        # most claims: never reviewed, no repeat; `_entry`'s short case, inlined
        claim_id = claim.id
        back = back_link.format(claim_id) if claim_id in in_text else ""
        group.append(
            f'<div class="entry {claim.status}" id="claim-{claim_id}">'
            f'<div class="entry-head"><span class="num">{entry.number}</span>'
            f'<span class="kind">{kinds[claim.kind]}</span>{back}</div>'
            f'<blockquote class="claim-text">{text}</blockquote>{_NOT_REVIEWED}</div>'
        )
    return _section(doc.document, _count_phrase(doc.counts), article_html, by_status)


def _rows_section(doc: DocumentRows) -> str:
    """`_document_section` of the same document, written from its rows: a `ClaimEntry`
    only for a claim with a verdict or evidence. The claim texts quoted below are the
    article's marked pieces when they are the same text (escaped once, not twice)."""
    if doc.report is not None:
        return _document_section(doc.report)
    rows, numbers, entries = doc.rows, doc.numbers, doc.entries
    article_html, in_text, quoted = _article_rows(doc.document.text, rows, numbers)
    if None in quoted:  # claims not marked in the article (overlapping, out of range)
        missing = [index for index, piece in enumerate(quoted) if piece is None]
        texts = _escaped_texts([rows[index][_TEXT] for index in missing])
        for index, escaped in zip(missing, texts, strict=True):
            quoted[index] = escaped
    by_status: dict[Status, list[str]] = {status: [] for status in STATUS_ORDER}
    kinds = _KIND_WORDS
    for row, number, entry, text in zip(rows, numbers, entries, quoted, strict=True):
        group = by_status.get(row[_STATUS])
        if group is None:
            continue
        claim_id = row[_ID]
        if entry is not None:
            group.append(_entry(entry, claim_id in in_text, text))
            continue
        back = (
            f'<a class="back" href="#in-text-{claim_id}">↑ in the article</a>'  # _BACK_LINK
            if claim_id in in_text
            else ""
        )
        group.append(
            f'<div class="entry {row[_STATUS]}" id="claim-{claim_id}">'
            f'<div class="entry-head"><span class="num">{number}</span>'
            f'<span class="kind">{kinds[row[_KIND]]}</span>{back}</div>'
            f'<blockquote class="claim-text">{text}</blockquote>{_NOT_REVIEWED}</div>'
        )
    return _section(doc.document, _count_phrase(doc.counts), article_html, by_status)


def _section(
    d: Document, count_phrase: str, article_html: str, by_status: dict[Status, list[str]]
) -> str:
    """A document's `<article>`: heading, byline, counts, the article, the groups."""
    url = safe_url(d.url)
    # the heading's and byline's values escaped in one call (`_escaped_texts`)
    title, author, publisher, published, shown_url = _escaped_texts(
        [d.title, d.author or "", d.publisher or "", display_date(d.published_at), url or ""]
    )
    byline = []
    if d.author:
        byline.append(f"By {author}")
    if d.publisher:
        byline.append(publisher)
    if d.published_at:
        byline.append(published)
    if url:
        byline.append(f'<a class="source-link" href="{shown_url}">{shown_url}</a>')
    elif d.source and d.source != "-":
        byline.append(f"Source: {_e(without_credentials(d.source))}")
    groups = []
    for status, group in by_status.items():
        if group:
            groups.append(
                f'<section class="group {status}">'
                f'<h3><span class="badge {status}">{_ICONS[status]} {status.capitalize()}</span>'
                f' <span class="group-count">{len(group)} claim{"s" if len(group) != 1 else ""}'
                "</span></h3>" + "".join(group) + "</section>"
            )
    return (
        f'<article class="document" id="doc-{d.id}">'
        f"<h2>{title}</h2>"
        + (f'<p class="byline">{" · ".join(byline)}</p>' if byline else "")
        + f'<p class="doc-counts">{count_phrase}</p>'
        + '<section class="article-section"><h3 class="section-label">The article</h3>'
        f'<div class="article-text">{article_html}</div></section>'
        + '<section class="verdicts"><h3 class="section-label">Verdicts</h3>'
        + "".join(groups)
        + "</section></article>"
    )


def _count_phrase(counts: dict[Status, int]) -> str:
    """`_counted_phrase`, remembered by the counts' items (`ByCounts`)."""
    phrase = _COUNT_PHRASES.get(key := tuple(counts.items()))
    if phrase is None:
        phrase = _COUNT_PHRASES.remember(key, _counted_phrase(counts))
    return phrase


def _counted_phrase(counts: dict[Status, int]) -> str:
    total = sum(counts.values())
    get = counts.get
    parts = []
    for status in STATUS_ORDER:  # a loop, not a comprehension: one per document
        parts.append(f'<span class="chip {status}">{get(status, 0)} {status}</span>')
    return f"{total} claim{'s' if total != 1 else ''}: " + " ".join(parts)


def _article_text(text: str, entries: Sequence[ClaimEntry]) -> tuple[str, set[int]]:
    """The article, escaped, with each claim wrapped in a link to its entry.

    Returns the HTML and the ids of the claims marked; an overlapping or out-of-range
    claim stays unmarked (it is still listed below). The text between and inside the
    marks is cut first and escaped in one call (`_plain_pieces`).
    """
    cuts: list[str] = []
    marks: list[tuple[Claim, ClaimEntry]] = []
    position = len(text) - len(text.lstrip())
    # Each occurrence of a claim is marked with its number and links to its one entry.
    places = [
        (claim, entry)
        for entry in entries
        for claim in ((entry.claim, *entry.occurrences) if entry.occurrences else (entry.claim,))
    ]
    places.sort(key=_place_order)
    for claim, entry in places:
        start, end = claim.start, claim.end
        if start < position or end > len(text) or start >= end:
            continue
        assert claim.id is not None
        cuts.append(text[position:start])
        cuts.append(text[start:end])
        marks.append((claim, entry))
        position = end
    cuts.append(text[position:].rstrip())
    pieces = _plain_pieces(cuts, _clean(text))
    html = [pieces[0]]
    for index, (claim, entry) in enumerate(marks):
        number = entry.number
        html.append(
            f'<a class="claim {entry.status}" id="in-text-{claim.id}"'
            f' href="#claim-{entry.claim.id}"'
            f' title="{_STATUS_TITLES[entry.claim.status]}: claim {number}">'
            f'{pieces[2 * index + 1]}<sup class="ref">{number}</sup></a>{pieces[2 * index + 2]}'
        )
    return "".join(html), {claim.id for claim, _entry in marks}  # type: ignore[misc]


_CLAIM_TEXT = operator.attrgetter("claim.text")


_TEXT, _START, _END, _KIND, _ID, _STATUS = (
    CLAIM_FIELDS.index(name) for name in ("text", "start", "end", "kind", "id", "status")
)


def _article_rows(
    text: str, rows: list[ClaimRow], numbers: Sequence[int | None]
) -> tuple[str, set[int], list[str | None]]:
    """`_article_text` of a document's rows (no repeats): the same HTML and marked
    ids, and each row's claim text escaped when the article's marked piece is it (the
    piece is the claim text when the row's span cuts it out, and no paragraph break was
    drawn in it): `_escaped_texts` need not escape it again. None for the others."""
    cuts: list[str] = []
    marked: list[int] = []
    length = len(text)
    position = length - len(text.lstrip())
    append = cuts.append
    spans = list(map(_SPAN, rows))
    for index in sorted(range(len(rows)), key=spans.__getitem__):
        start, end = spans[index]
        if start < position or end > length or start >= end:
            continue
        append(text[position:start])
        append(text[start:end])
        marked.append(index)
        position = end
    cuts.append(text[position:].rstrip())
    pieces = _plain_pieces(cuts, _clean(text))
    html = [pieces[0]]
    titles = _STATUS_TITLES
    in_text = set()
    quoted: list[str | None] = [None] * len(rows)
    for index, cut, piece, after in zip(
        marked, cuts[1::2], pieces[1::2], pieces[2::2], strict=True
    ):
        row = rows[index]
        claim_id, status, number = row[_ID], row[_STATUS], numbers[index]
        in_text.add(claim_id)
        html.append(
            f'<a class="claim {status}" id="in-text-{claim_id}" href="#claim-{claim_id}"'
            f' title="{titles[status]}: claim {number}">'
            f'{piece}<sup class="ref">{number}</sup></a>{after}'
        )
        if cut == row[_TEXT] and _GAP not in piece:
            quoted[index] = piece
    return "".join(html), in_text, quoted


_SPAN = operator.itemgetter(_START, _END)


def _clean(text: str) -> bool:
    """Whether every line of `text` passes `str.isprintable`: `printable` then returns
    it (and any cut of it) unchanged, and it holds no NUL (`_CUT` is free to join).
    (Every line printable is every character but the newlines printable: one copy
    without them, not a string per line.)"""
    return text.isprintable() or text.replace("\n", "").isprintable()


_CUT = "\x00"
"""Joins cuts of clean text for one escape call: never in clean text (not printable),
and neither `html.escape` nor `_PARAGRAPH_BREAK` matches it, so it comes out as it went
in, and no paragraph break is matched across it (as none is across separate cuts)."""


def _plain_pieces(pieces: list[str], clean: bool) -> list[str]:
    """`[_plain(piece) for piece in pieces]`; pieces of `clean` text (`_clean`) joined
    and escaped in one call: per piece, the calls cost more than the escaping."""
    if not clean:
        return [_plain(piece) for piece in pieces]
    escaped = escape(_CUT.join(pieces), quote=True)
    if "\n" in escaped:
        escaped = _paragraph_breaks(escaped)
    return escaped.split(_CUT)


def _place_order(place: tuple[Claim, ClaimEntry]) -> tuple[int, int]:
    """Where a marked claim (or a repeat of it) sits in the article: start, then end."""
    claim = place[0]
    return claim.start, claim.end


_STATUS_TITLES = _Words(lambda status: str(status).capitalize())
"""A status word capitalized and escaped, as the article's link titles show it."""


def _plain(text: str) -> str:
    """Escaped article text; a blank-line paragraph break becomes a short gap, not a line."""
    escaped = _e(text)
    if "\n" not in escaped:  # most pieces (a claim, the space between two): no break
        return escaped
    return _paragraph_breaks(escaped)


_GAP = '<span class="pb"></span>'


def _paragraph_breaks(text: str) -> str:
    """`_PARAGRAPH_BREAK.sub(_GAP, text)`. When no newline has a space or tab beside it
    and none comes three in a row (most articles), every match is exactly `\n\n`, so
    `str.replace` gives the same string: a few scans in C instead of the expression
    tried at every space of the article (a tenth of an HTML report's time)."""
    if "\n\n\n" in text or " \n" in text or "\n " in text or "\t\n" in text or "\n\t" in text:
        return _PARAGRAPH_BREAK.sub(_GAP, text)
    return text.replace("\n\n", _GAP)


_BACK_LINK = '<a class="back" href="#in-text-{}">↑ in the article</a>'
_NOT_REVIEWED = '<dl class="facts"><dt>Verdict</dt><dd>Not reviewed yet</dd></dl>'


def _entry(entry: ClaimEntry, marked: bool, text: str | None = None) -> str:
    """A claim's entry; `text` is its claim text already escaped (`_escaped_texts`)."""
    claim = entry.claim
    status = entry.status
    kind = _KIND_WORDS[claim.kind]
    head = f'<span class="num">{entry.number}</span><span class="kind">{kind}</span>' + (
        _BACK_LINK.format(claim.id) if marked else ""
    )
    body = [
        f'<blockquote class="claim-text">{_e(claim.text) if text is None else text}</blockquote>'
    ]
    if not entry.history and not entry.occurrences:  # most claims: the general case, short
        return (
            f'<div class="entry {status}" id="claim-{claim.id}">'
            f'<div class="entry-head">{head}</div>{body[0]}{_NOT_REVIEWED}</div>'
        )
    verdict = entry.verdict
    facts = []
    if verdict is None:
        facts.append(("Verdict", "Not reviewed yet"))
    else:
        # the verdict's values escaped in one call (`_escaped_texts`)
        shown_status, reviewer, date, note = _escaped_texts(
            [
                verdict.status.capitalize(),
                verdict.reviewer,
                display_date(verdict.created_at),
                verdict.note or "",
            ]
        )
        facts.append(
            ("Verdict", f'<strong class="{status}">{shown_status}</strong> by {reviewer}, {date}')
        )
        if verdict.note:
            facts.append(("Note", f'<span class="note">{note}</span>'))
        evidence = entry.cited_evidence
        if evidence is not None:
            facts.append(("Evidence", _evidence(evidence)))
    if entry.occurrences:
        facts.append(("Occurs", _e(occurrence_phrase(entry))))
    earlier = [v for v in entry.history if v is not verdict]
    if earlier:
        items = "".join(
            f"<li>{_e(display_date(v.created_at))}: {_e(history_phrase(entry, v))}</li>"
            for v in sorted(earlier, key=lambda v: (v.created_at, v.id), reverse=True)
        )
        facts.append(("Earlier", f'<ul class="history">{items}</ul>'))
    body.append(
        '<dl class="facts">'
        + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
        + "</dl>"
    )
    return (
        f'<div class="entry {status}" id="claim-{claim.id}">'
        f'<div class="entry-head">{head}</div>' + "".join(body) + "</div>"
    )


def _evidence(evidence: Evidence) -> str:
    label = _e(evidence_label(evidence))
    url = safe_url(evidence.url)
    title = f'<a href="{_e(url)}">{label}</a>' if url else label
    passage = f'<q class="passage">{_e(" ".join(evidence.passage.split()))}</q>'
    shown_url = f'<span class="url">{_e(url)}</span>' if url else ""
    return f'<div class="evidence">{title}{shown_url}{passage}</div>'
