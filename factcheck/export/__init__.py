"""Verdict reports: the store's verdicts as Markdown, HTML, JSON, CSV or ClaimReview.

`build_report(store, ...)` gathers the data once; `render(report, format)` turns it
into text. The CLI's `factcheck export` and `factcheck import`, and any script, call
these same functions. `import_json_report` merges a JSON report into a database.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

from factcheck.config import PublisherConfig
from factcheck.errors import InputError
from factcheck.export.claimreview import iter_claimreview, render_claimreview
from factcheck.export.csv_report import iter_csv, iter_csv_rows, render_csv
from factcheck.export.html import iter_html, render_html
from factcheck.export.json_report import (
    FORMAT_VERSION,
    import_json_report,
    iter_json,
    parse_json_report,
    render_json,
)
from factcheck.export.markdown import claim_row_items, iter_markdown, render_markdown
from factcheck.export.report import (
    STREAM_CHUNK_CLAIMS,
    ClaimEntry,
    DocumentReport,
    Report,
    ReportStream,
    build_report,
    stream_report,
)
from factcheck.export.status_groups import StatusGroups
from factcheck.models import Status
from factcheck.store import Store

FORMATS: tuple[str, ...] = ("markdown", "html", "json", "csv", "claimreview")
"""The names `factcheck export --format` accepts."""

STREAMED_FORMATS: tuple[str, ...] = ("csv", "json", "html", "markdown", "claimreview")
"""Formats rendered a document at a time from `stream_report` (memory flat in the
claim count; ClaimReview first reads which claims it publishes, see
`iter_claimreview`). Every
format is streamed; `render(build_report(...))` gives the same bytes."""

TERMINAL_SAFE_FORMATS: frozenset[str] = frozenset({"html", "json", "markdown"})
"""Formats whose every piece is already printable (`printable(piece) == piece`): the
HTML renderer passes all outside text through `printable` (`html._e`) or writes it
only when every line passes `str.isprintable`, and the rest is its own ASCII markup;
JSON escapes control characters in its strings and `safe_json.escape` the rest that
`printable` replaces; Markdown writes every outside value through `escape_markdown`
(one printable line) or a link through `printable`, between its own markup and
newlines. So the CLI need not scan their ~100 MB again on the way out (a tenth of
Markdown's time; tests/unit/export/test_html_terminal_safe.py,
test_json_terminal_safe.py and test_markdown_terminal_safe.py show it for hostile
text)."""


def stream_render(
    store: Store,
    format: str,
    *,
    document_id: int | None = None,
    status: Status | str | None = None,
    publisher: PublisherConfig | None = None,
    report_url: str | None = None,
    generated_at: str | None = None,
    chunk_claims: int = STREAM_CHUNK_CLAIMS,
) -> tuple[ReportStream, Iterator[str]]:
    """One of `STREAMED_FORMATS`, as pieces of text read and rendered as they are
    consumed; the same bytes as `render(build_report(...), format)`. Read it inside
    `Store.snapshot()`: the pieces come from several reads."""
    stream = stream_report(
        store,
        document_id=document_id,
        status=status,
        generated_at=generated_at,
        chunk_claims=chunk_claims,
        rows=format in ("html", "json", "markdown"),  # most claims written from rows
        decided_only=format == "claimreview",  # it publishes reviews, nothing else
    )
    if format == "claimreview":
        reviewed = store.reviewed_claims(document_id=document_id, status=stream.status_filter)
        document_by_id = functools.lru_cache(maxsize=256)(store.get_document)
        return stream, iter_claimreview(
            stream, reviewed, document_by_id, publisher=publisher, report_url=report_url
        )
    if format == "csv":
        rows = store.report_rows(document_id=document_id, status=stream.status_filter)
        return stream, iter_csv_rows(stream, rows)
    if format == "json":
        return stream, iter_json(stream, rows=True)
    if format in ("html", "markdown"):
        outline = functools.partial(
            store.document_outline, document_id=document_id, status=stream.status_filter
        )
        size = store.outline_size(document_id=document_id, status=stream.status_filter)
        if format == "html":
            return stream, iter_html(stream, outline, publisher=publisher, size=size)
        # one pass over the claims: items parked per status group, written group by group
        groups = StatusGroups(claim_row_items(stream.document_rows))
        return stream, iter_markdown(stream, outline, groups, size)
    raise InputError(f"{format!r} is not streamed (choose from {', '.join(STREAMED_FORMATS)})")


def render(
    report: Report,
    format: str,
    *,
    publisher: PublisherConfig | None = None,
    report_url: str | None = None,
) -> str:
    """Render `report` in one of `FORMATS`.

    `publisher` names the author of ClaimReview objects (and heads the HTML page);
    `report_url` is where the HTML report will be published, for ClaimReview `url`.
    """
    renderers: dict[str, Callable[[], str]] = {
        "markdown": lambda: render_markdown(report),
        "html": lambda: render_html(report, publisher=publisher),
        "json": lambda: render_json(report),
        "csv": lambda: render_csv(report),
        "claimreview": lambda: render_claimreview(
            report, publisher=publisher, report_url=report_url
        ),
    }
    if format not in renderers:
        raise InputError(f"unknown report format {format!r} (choose from {', '.join(FORMATS)})")
    return renderers[format]()


__all__ = [
    "FORMATS",
    "FORMAT_VERSION",
    "STREAMED_FORMATS",
    "TERMINAL_SAFE_FORMATS",
    "ClaimEntry",
    "DocumentReport",
    "Report",
    "ReportStream",
    "build_report",
    "import_json_report",
    "iter_claimreview",
    "iter_csv",
    "iter_html",
    "iter_json",
    "iter_markdown",
    "parse_json_report",
    "render",
    "render_claimreview",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "stream_render",
    "stream_report",
]
