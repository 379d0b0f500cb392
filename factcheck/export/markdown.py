"""The Markdown report: to paste into a newsroom CMS, a pull request or a chat.

A summary table (one row per document), then the claims grouped by verdict, each
with its document, reviewer, date, note and cited evidence. Text taken from articles,
notes, evidence and imported reports is escaped so it can neither format nor inject
HTML: `*`, `_`, `[`, `|` and friends get a backslash, `<`, `>` and `&` become
entities (so no raw HTML, comment or `<javascript:...>` autolink), newlines are
folded so a note cannot start a heading or a list of its own, and control characters
are shown, not kept. Every value goes through `escape_markdown`, dates and ids too:
an imported report decides what they hold. Links are only ever http(s) (`safe_url`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from factcheck.export.by_counts import ByCounts
from factcheck.export.report import (
    STATUS_ORDER,
    ClaimEntry,
    DocumentReport,
    DocumentRows,
    OutlineRow,
    OutlineSize,
    Report,
    ReportStream,
    display_date,
    evidence_label,
    occurrence_phrase,
    one_line,
    outline_size,
    safe_url,
)
from factcheck.models import Document, Status
from factcheck.records import CLAIM_FIELDS
from factcheck.store.claims import claim_from_row
from factcheck.untrusted.terminal_text import printable
from factcheck.untrusted.urls import without_credentials

_COLUMNS = (Status.SUPPORTED, Status.DISPUTED, Status.UNVERIFIED)

_MARKDOWN_SPECIAL = "\\`*_[]|~"
"""Characters that format inline text. Line-start ones (`#`, `-`, `1.`) never apply:
every untrusted value is folded to one line and placed after a label."""
_PASSAGE_CHARS = 240
_BARE_LINK = re.compile(
    r"(?i)[hfw](?<=\b[hfw])(?:(?<=[hH])ttps?(?=:)|(?<=[fF])tp(?=:)|(?<=[wW])ww(?=\.))"
)
"""What GitHub-flavoured Markdown turns into a link by itself ("extended autolinks"):
`http:`, `https:`, `ftp:` or `www.` (any case) at a word boundary, matched up to the
`:` or `.`; a backslash before that reads the same and links nothing. The expression
starts with a character set, which the engine finds with a fast scan; as a plain
alternation starting with a word boundary it was tried at every position (half the
cost of escaping a source URL)."""


_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {char: "\\" + char for char in _MARKDOWN_SPECIAL}
)
"""Entities for `&`, `<`, `>` and a backslash before each of `_MARKDOWN_SPECIAL`, in
one `str.translate` (the entities hold no special character, so doing both at once is
the same as one after the other)."""


_NEEDS_ESCAPE = re.compile("[" + re.escape("&<>" + _MARKDOWN_SPECIAL) + "]")
"""Any character `_ESCAPES` changes: most claims hold none."""


def escape_markdown(text: object) -> str:
    """Inline-safe Markdown for untrusted text (always one line)."""
    if type(text) is int:  # ids and numbers: digits (and a sign) need nothing
        return str(text)
    string = text if type(text) is str else "" if text is None else str(text)
    # most text is one printable line, which neither `one_line` nor `printable` would
    # change: every whitespace character but the ASCII space is unprintable, so a
    # printable text with no double, leading or trailing space has nothing to collapse
    if not string.isprintable() or "  " in string or string[:1] == " " or string[-1:] == " ":
        string = printable(one_line(string))
    if _NEEDS_ESCAPE.search(string):  # translate costs ~10 us even with nothing to do
        string = string.translate(_ESCAPES)
    if ":" in string or "w." in string or "W." in string:  # what a bare link needs
        string = _BARE_LINK.sub(_unlinked, string)
    return string


def _unlinked(match: re.Match[str]) -> str:
    return match[0] + "\\"


def render_markdown(report: Report) -> str:
    """The whole report as GitHub-flavoured / CommonMark Markdown."""
    outline = [
        (doc.document.id, doc.document.title, doc.document.url, doc.counts)
        for doc in report.documents
    ]

    items = list(claim_items(report.documents))

    def groups(status: Status) -> Iterator[str]:
        return (item for group, item in items if group is status)

    return "".join(iter_markdown(report, lambda: outline, groups))


def claim_items(documents: Iterable[DocumentReport]) -> Iterator[tuple[Status, str]]:
    """Each listed claim's item with the status group it goes in, in document and
    text order (a group lists its claims in that order)."""
    for doc in documents:
        head = _document_head(doc.document)  # escaped once for all its claims
        yield from _entry_items(head, doc.entries)


def _entry_items(head: str, entries: Iterable[ClaimEntry]) -> Iterator[tuple[Status, str]]:
    """`claim_items` of one document's entries, its `_document_head` given."""
    for entry in entries:
        claim = entry.claim
        number, claim_id = entry.number, claim.id
        if (
            entry.verdict is None
            and not entry.occurrences
            and type(number) is int
            and type(claim_id) is int
        ):
            # most claims: never reviewed, no repeat; `_claim_item`'s lines in one
            # string (an int needs no escaping: `escape_markdown` gives its digits)
            yield entry.status, _plain_item(claim.text, head, number, claim_id)
        else:
            yield entry.status, "\n".join(_claim_item(head, entry)) + "\n"


def claim_row_items(documents: Iterable[DocumentRows]) -> Iterator[tuple[Status, str]]:
    """`claim_items` of documents read as rows (`stream_report(rows=True)`): a claim
    with nothing but its own columns is written from its row, without a `Claim` or a
    `ClaimEntry` (building them cost more than writing the item)."""
    statuses = _STATUS_OF_VALUE
    for doc in documents:
        if doc.whole is not None:  # read as entries (repeats, dismissed claims)
            yield from claim_items((doc.whole,))
            continue
        head = _document_head(doc.document)
        for row, number, entry in zip(doc.rows, doc.numbers, doc.entries, strict=True):
            claim_id = row[_ID]
            if entry is None and type(number) is int and type(claim_id) is int:
                status = statuses.get(row[_STATUS]) or Status(row[_STATUS])
                yield status, _plain_item(row[_TEXT], head, number, claim_id)
                continue
            if entry is None:
                entry = ClaimEntry.plain(claim_from_row(row), number)
            yield from _entry_items(head, (entry,))  # the head of this document, not again


def _plain_item(text: str, head: str, number: int, claim_id: int) -> str:
    """`_claim_item`'s lines for a claim never reviewed and not repeated, in one string
    (an int needs no escaping: `escape_markdown` gives its digits)."""
    return (
        f"- **“{escape_markdown(text)}”**\n"
        f"{head} claim {number} (id {claim_id})\n"
        "  - Verdict: not reviewed yet\n"
    )


_STATUS_OF_VALUE: dict[object, Status] = {str(status): status for status in Status}
_TEXT, _ID, _STATUS = (CLAIM_FIELDS.index(name) for name in ("text", "id", "status"))


def iter_markdown(
    report: Report | ReportStream,
    outline: Callable[[], Iterable[OutlineRow]],
    groups: Callable[[Status], Iterable[str]],
    size: OutlineSize | None = None,
) -> Iterator[str]:
    """`render_markdown` a piece at a time: byline and summary table from `outline`,
    then each status group from `groups(status)`: the text of its claim items
    (`claim_items`), in document and text order. `size` is the outline's row count
    (`Store.outline_size`); without it the outline is read twice."""
    listed_statuses = [
        status
        for status in STATUS_ORDER
        if report.status_filter is None or status is report.status_filter
    ]
    sizes = {status: report.totals.get(status, 0) for status in listed_statuses}
    documents, _title = size if size is not None else outline_size(outline())
    claims = sum(sizes.values())
    lines = ["# Fact-check report", "", _byline(report, documents, claims), "", "## Summary", ""]
    yield "\n".join(lines) + "\n"
    yield from _summary_table(outline(), documents, report.totals)
    if not claims:
        yield "\n_No claims match._\n"
    for status in listed_statuses:
        if not sizes[status]:
            continue
        yield f"\n## {status.capitalize()} ({sizes[status]})\n\n"
        yield from groups(status)


def _byline(report: Report | ReportStream, documents: int, claims: int) -> str:
    parts = [f"Generated {escape_markdown(display_date(report.generated_at))}"]
    parts.append(f"{documents} document{'s' if documents != 1 else ''}")
    parts.append(f"{claims} claim{'s' if claims != 1 else ''} listed")
    if report.status_filter:
        parts.append(f"only {escape_markdown(report.status_filter)} claims")
    return " · ".join(parts)


def _summary_table(
    rows: Iterable[OutlineRow], documents: int, totals: dict[Status, int]
) -> Iterator[str]:
    yield "| Document | Claims | Supported | Disputed | Unverified |\n"
    yield "| --- | ---: | ---: | ---: | ---: |\n"
    numbers = _COUNT_CELLS
    for _id, document_title, document_url, counts in rows:
        title = escape_markdown(document_title)
        url = safe_url(document_url)
        cell = f"[{title}]({_link_target(url)})" if url else title
        # `_count_row(cell, counts, bold=False) + "\n"`, its number cells remembered
        cells = numbers.get(key := tuple(counts.items()))
        if cells is None:
            cells = numbers.remember(key, _count_row("", counts, bold=False)[3:] + "\n")
        yield f"| {cell} {cells}"
    if documents > 1:
        yield _count_row("Total", totals, bold=True) + "\n"


_COUNT_CELLS = ByCounts()
"""A summary row's number cells (and line end), by the document's counts."""


def _count_row(label: str, counts: dict[Status, int], *, bold: bool) -> str:
    numbers = [sum(counts.values())] + [counts.get(s, 0) for s in _COLUMNS]
    cells = [label, *(str(n) for n in numbers)]
    if bold:
        cells = [f"**{cell}**" for cell in cells]
    return "| " + " | ".join(cells) + " |"


def _document_head(document: Document) -> str:
    """The start of a claim's document line: `  - Document: title (source),`."""
    source = escape_markdown(without_credentials(document.source))
    return f"  - Document: {escape_markdown(document.title)} ({source}),"


def _claim_item(document_head: str, entry: ClaimEntry) -> list[str]:
    lines = [
        f"- **“{escape_markdown(entry.claim.text)}”**",
        f"{document_head} claim {escape_markdown(entry.number)}"
        f" (id {escape_markdown(entry.claim.id)})",
    ]
    if entry.occurrences:
        lines.append(f"  - Occurs {escape_markdown(occurrence_phrase(entry))}")
    verdict = entry.verdict
    if verdict is None:
        lines.append("  - Verdict: not reviewed yet")
        return lines
    lines.append(
        f"  - Verdict: **{escape_markdown(verdict.status)}**"
        f" by {escape_markdown(verdict.reviewer)},"
        f" {escape_markdown(display_date(verdict.created_at))}"
    )
    if verdict.note:
        lines.append(f"  - Note: {escape_markdown(verdict.note)}")
    evidence = entry.cited_evidence
    if evidence is not None:
        label = escape_markdown(evidence_label(evidence))
        url = safe_url(evidence.url)
        cited = f"[{label}]({_link_target(url)})" if url else label
        passage = one_line(evidence.passage)
        if len(passage) > _PASSAGE_CHARS:
            passage = passage[: _PASSAGE_CHARS - 1].rstrip() + "…"
        lines.append(f"  - Evidence: {cited}: “{escape_markdown(passage)}”")
    return lines


def _link_target(url: str) -> str:
    """A URL safe inside `(...)`: angle-bracketed, with brackets and spaces encoded."""
    encoded = printable(url)
    for char, code in ((" ", "%20"), ("<", "%3C"), (">", "%3E"), ("\\", "%5C"), ("`", "%60")):
        encoded = encoded.replace(char, code)
    return f"<{encoded}>"
