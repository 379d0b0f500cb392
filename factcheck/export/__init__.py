"""Verdict reports: the store's verdicts as Markdown, HTML, JSON, CSV or ClaimReview.

`build_report(store, ...)` gathers the data once; `render(report, format)` turns it
into text. The CLI's `factcheck export` and `factcheck import`, and any script, call
these same functions. `import_json_report` merges a JSON report into a database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from factcheck.config import PublisherConfig
from factcheck.errors import InputError
from factcheck.export.claimreview import render_claimreview
from factcheck.export.csv_report import iter_csv, render_csv
from factcheck.export.html import render_html
from factcheck.export.json_report import (
    FORMAT_VERSION,
    import_json_report,
    iter_json,
    parse_json_report,
    render_json,
)
from factcheck.export.markdown import render_markdown
from factcheck.export.report import (
    ClaimEntry,
    DocumentReport,
    Report,
    ReportStream,
    build_report,
    stream_report,
)

FORMATS: tuple[str, ...] = ("markdown", "html", "json", "csv", "claimreview")
"""The names `factcheck export --format` accepts."""

STREAMED_FORMATS: dict[str, Callable[[Report | ReportStream], Iterator[str]]] = {
    "csv": iter_csv,
    "json": iter_json,
}
"""Formats rendered a document at a time from `stream_report` (memory flat in the
claim count); the others still render a whole `build_report`."""


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
    "ClaimEntry",
    "DocumentReport",
    "Report",
    "ReportStream",
    "build_report",
    "import_json_report",
    "iter_csv",
    "iter_json",
    "parse_json_report",
    "render",
    "render_claimreview",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "stream_report",
]
