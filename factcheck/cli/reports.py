"""Commands on verdict reports: export (five formats) and import (a JSON report)."""

from __future__ import annotations

import click

from factcheck.cli import REPORT_STATUS_CHOICE, Desk, cli
from factcheck.cli.output import echo, echo_stream, plural
from factcheck.cli.params import ROW_ID
from factcheck.export import (
    FORMATS,
    TERMINAL_SAFE_FORMATS,
    import_json_report,
    stream_render,
)
from factcheck.export.output_file import write_report_file
from factcheck.ingest import read_text_file


@cli.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS, case_sensitive=False),
    default="markdown",
    show_default=True,
    help="Report format.",
)
@click.option("--doc", "document_id", type=ROW_ID, help="Only this document id.")
@click.option("--status", type=REPORT_STATUS_CHOICE, help="Only claims with this status.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write to FILE (- is stdout); a FIFO or device is written to, not replaced.",
)
@click.option(
    "--report-url",
    help="Where the HTML report will be published; ClaimReview `url` points at its claims.",
)
@click.pass_obj
def export(
    desk: Desk,
    output_format: str,
    document_id: int | None,
    status: str | None,
    output: str | None,
    report_url: str | None,
) -> None:
    """Write a verdict report: markdown, html, json, csv or claimreview.

    Every format gives each claim's text, document, status, latest note, reviewer,
    date and cited evidence, with counts per status per document. JSON is complete
    and can be merged into another database with `factcheck import`.

    Example:

        factcheck export --format html -o report.html

        factcheck export --format claimreview --status disputed
    """
    output_format = output_format.lower()
    publisher = desk.config.publisher
    if output_format == "claimreview" and not publisher.name:
        echo(
            "warning: [publisher] name is not set in config.toml; ClaimReview has no author",
            err=True,
        )
    store = desk.scored_store  # scores `add` left pending are finished first
    with store.snapshot():  # one consistent view for all the report's reads
        stream, pieces = stream_render(
            store,
            output_format,
            document_id=document_id,
            status=status,
            publisher=publisher,
            report_url=report_url,
        )
        if output is None or output == "-":
            echo_stream(pieces, already_printable=output_format in TERMINAL_SAFE_FORMATS)
            return
        write_report_file(output, pieces)
        listed = plural(stream.listed, "claim")
        echo(f"wrote {output_format} report to {output} ({listed})", err=True)


@cli.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.pass_obj
def import_report(desk: Desk, path: str) -> None:
    """Merge a JSON report (from `factcheck export --format json`) into this database.

    Documents are matched by their text (sha256), claims by position; verdict history
    is kept, and importing the same file again adds nothing. All or nothing: a bad
    file changes nothing.

    Example:

        factcheck --db desk.db import report.json
    """
    text = read_text_file(path, max_megabytes=desk.config.ingest.max_megabytes)
    # a pending document's claims are merged with their final scores
    result = import_json_report(desk.scored_store, text, name=path)
    echo(
        f"imported {path}: {plural(result.documents_added, 'new document')},"
        f" {result.documents_matched} already here; {plural(result.claims_added, 'new claim')};"
        f" {plural(result.verdicts_added, 'verdict')} added,"
        f" {result.verdicts_present} already present;"
        f" {plural(result.evidence_added, 'evidence passage')} added"
    )
