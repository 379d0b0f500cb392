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

from factcheck.export.report import (
    STATUS_ORDER,
    ClaimEntry,
    Report,
    display_date,
    evidence_label,
    one_line,
    safe_url,
)
from factcheck.models import Status
from factcheck.terminal_text import printable
from factcheck.urls import without_credentials

_COLUMNS = (Status.SUPPORTED, Status.DISPUTED, Status.UNVERIFIED)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
"""Characters that format inline text. Line-start ones (`#`, `-`, `1.`) never apply:
every untrusted value is folded to one line and placed after a label."""
_PASSAGE_CHARS = 240
_BARE_LINK = re.compile(r"(?i)\b(https?|ftp)(:)|\b(www)(\.)")
"""What GitHub-flavoured Markdown turns into a link by itself ("extended autolinks"):
an escaped `:` or `.` reads the same and links nothing."""


def escape_markdown(text: object) -> str:
    """Inline-safe Markdown for untrusted text (always one line)."""
    text = printable(one_line(None if text is None else str(text)))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _BARE_LINK.sub(lambda m: f"{m.group(1) or m.group(3)}\\{m.group(2) or m.group(4)}", text)


def render_markdown(report: Report) -> str:
    """The whole report as GitHub-flavoured / CommonMark Markdown."""
    lines = ["# Fact-check report", "", _byline(report), "", "## Summary", ""]
    lines += _summary_table(report)
    entries = report.entries
    if not entries:
        lines += ["", "_No claims match._"]
    for status in STATUS_ORDER:
        group = [entry for entry in entries if entry.status is status]
        if not group:
            continue
        lines += ["", f"## {status.capitalize()} ({len(group)})", ""]
        for entry in group:
            lines += _claim_item(report, entry)
    return "\n".join(lines) + "\n"


def _byline(report: Report) -> str:
    parts = [f"Generated {escape_markdown(display_date(report.generated_at))}"]
    documents = len(report.documents)
    parts.append(f"{documents} document{'s' if documents != 1 else ''}")
    claims = len(report.entries)
    parts.append(f"{claims} claim{'s' if claims != 1 else ''} listed")
    if report.status_filter:
        parts.append(f"only {escape_markdown(report.status_filter)} claims")
    return " · ".join(parts)


def _summary_table(report: Report) -> list[str]:
    rows = [
        "| Document | Claims | Supported | Disputed | Unverified |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for doc in report.documents:
        title = escape_markdown(doc.document.title)
        url = safe_url(doc.document.url)
        cell = f"[{title}]({_link_target(url)})" if url else title
        rows.append(_count_row(cell, doc.counts, bold=False))
    if len(report.documents) > 1:
        rows.append(_count_row("Total", report.totals, bold=True))
    return rows


def _count_row(label: str, counts: dict[Status, int], *, bold: bool) -> str:
    numbers = [sum(counts.values())] + [counts.get(s, 0) for s in _COLUMNS]
    cells = [label, *(str(n) for n in numbers)]
    if bold:
        cells = [f"**{cell}**" for cell in cells]
    return "| " + " | ".join(cells) + " |"


def _claim_item(report: Report, entry: ClaimEntry) -> list[str]:
    document = report.document_of(entry)
    source = escape_markdown(without_credentials(document.source))
    lines = [
        f"- **“{escape_markdown(entry.claim.text)}”**",
        f"  - Document: {escape_markdown(document.title)} ({source}),"
        f" claim {escape_markdown(entry.number)} (id {escape_markdown(entry.claim.id)})",
    ]
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
