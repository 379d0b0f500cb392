"""The `document` command, and how the CLI shows an article's metadata.

`add --dry-run` and `list --doc` show metadata with the same helpers, so a field reads
the same wherever it appears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from factcheck.cli import Desk, cli, format_option
from factcheck.cli.output import echo, echo_json
from factcheck.cli.params import ROW_ID
from factcheck.models import SHOWN_STATUSES, Document, Status
from factcheck.untrusted.urls import without_credentials

if TYPE_CHECKING:
    from factcheck.ingest import Article  # hints only: reading articles is slow to import

# (label, attribute) in the order a reviewer reads them.
METADATA_FIELDS = (
    ("title", "title"),
    ("source", "source"),
    ("url", "url"),
    ("author", "author"),
    ("publisher", "publisher"),
    ("published", "published_at"),
)


_LABEL_WIDTH = len("published:")
_URL_FIELDS = frozenset({"source", "url"})


def field_line(label: str, value: object) -> str:
    """`label: value` with the values of consecutive lines aligned."""
    return f"{label + ':':<{_LABEL_WIDTH}} {value}"


def metadata_lines(item: Document | Article) -> list[str]:
    """`label: value` lines for the metadata a document or article has (blanks skipped)."""
    return [
        field_line(label, value)
        for label, attribute in METADATA_FIELDS
        if (value := _shown(item, attribute))
    ]


def _shown(item: Document | Article, attribute: str) -> Any:
    """A metadata value as shown: URLs without `user:password@` (older rows may have one)."""
    value = getattr(item, attribute, None)
    return without_credentials(value) if value and attribute in _URL_FIELDS else value


def document_header(document: Document) -> str:
    """One line naming a document and its provenance, for listings of its claims."""
    byline = ", ".join(
        value for value in (document.author, document.publisher, document.published_at) if value
    )
    where = without_credentials(document.url or document.source)
    return (
        f"document {document.id}: {document.title}"
        + (f" — {byline}" if byline else "")
        + (f" <{where}>" if where else "")
    )


@cli.command()
@click.argument("document_id", type=ROW_ID)
@format_option("text", "json")
@click.pass_obj
def document(desk: Desk, document_id: int, output_format: str) -> None:
    """Show a document's metadata, text length and claim counts per status.

    The metadata (url, author, publisher, published) is what `add` found in the
    page's meta tags and JSON-LD, or in the PDF's document info.

    Example:

        factcheck document 3 --format json
    """
    store = desk.store
    stored = store.get_document(document_id)
    claims = store.list_claims(document_id=document_id)  # shown: groups once, none dismissed
    counts = {status: sum(1 for c in claims if c.status is status) for status in SHOWN_STATUSES}
    dismissed = len(store.list_claims(document_id=document_id, status=Status.DISMISSED))
    if output_format == "json":
        data: dict[str, Any] = {
            "id": stored.id,
            **{attribute: _shown(stored, attribute) for _, attribute in METADATA_FIELDS},
            "added_at": stored.added_at,
            "sha256": stored.sha256,
            "characters": len(stored.text),
            "claims": {"total": len(claims), **{str(s): n for s, n in counts.items()}},
        }
        if dismissed:
            data["claims"]["dismissed"] = dismissed
        echo_json(data)
        return
    echo(f"document {stored.id}")
    for line in metadata_lines(stored):
        echo(line)
    echo(field_line("added", stored.added_at))
    echo(field_line("text", f"{len(stored.text):,} characters"))
    breakdown = ", ".join(f"{counts[s]} {s}" for s in SHOWN_STATUSES)
    if dismissed:
        breakdown += f"; {dismissed} dismissed as not a claim"
    echo(field_line("claims", f"{len(claims)} ({breakdown})"))
