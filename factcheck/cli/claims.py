"""Commands on articles and claims: add, split, list, show, mark, documents."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any

import click

from factcheck.cli import KIND_CHOICE, STATUS_CHOICE, Desk, cli
from factcheck.cli.evidence_format import evidence_as_dict, evidence_lines
from factcheck.ingest import read_article
from factcheck.models import Claim, ClaimKind, Status, Verdict
from factcheck.splitter import split_claims

# -- add -------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--title", help="Document title (default: the article's first line).")
@click.option("--url", help="Where the article was published; stored as its source.")
@click.pass_obj
def add(desk: Desk, paths: tuple[str, ...], title: str | None, url: str | None) -> None:
    """Add articles (text files, or - for stdin) and store their claims.

    Prints each document's id and claim count. Adding the same text again is
    reported, not duplicated.

    Example:

        factcheck add seeds/xi-lee-call.txt
    """
    articles = [read_article(path, title=title) for path in paths]  # all readable first
    for article in articles:
        for warning in article.warnings:
            click.echo(f"warning: {warning}", err=True)
        result = desk.store.add_document(
            article.text, title=article.title, source=url or article.source
        )
        if result.created:
            click.echo(
                f"added document {result.document.id}: {result.claim_count} claims"
                f" ({result.document.title})"
            )
        else:
            click.echo(
                f"already added as document {result.document.id} (same text):"
                f" {result.claim_count} claims"
            )


# -- list --------------------------------------------------------------------------


@cli.command("list")
@click.option("--status", type=STATUS_CHOICE, help="Only claims with this status.")
@click.option("--doc", "document_id", type=int, help="Only claims of this document id.")
@click.option("--kind", type=KIND_CHOICE, help="Only claims of this kind.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many claims.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def list_claims(
    desk: Desk,
    status: str | None,
    document_id: int | None,
    kind: str | None,
    limit: int | None,
    output_format: str,
) -> None:
    """List claims in document order.

    Example:

        factcheck list --status=unverified --format json
    """
    store = desk.store
    if document_id is not None:
        store.get_document(document_id)  # a clear error for an unknown id
    claims = store.list_claims(status=status, document_id=document_id, kind=kind, limit=limit)
    if output_format == "json":
        click.echo(json.dumps([claim_as_dict(c) for c in claims], indent=2, ensure_ascii=False))
    elif output_format == "csv":
        click.echo(claims_as_csv(claims), nl=False)
    elif not claims:
        click.echo("no claims match", err=True)
    else:
        click.echo(claims_as_table(claims))


def claim_as_dict(claim: Claim) -> dict[str, Any]:
    """A claim as plain JSON-ready data (enums become their string values)."""
    return {
        key: str(value) if isinstance(value, Status | ClaimKind) else value
        for key, value in dataclasses.asdict(claim).items()
    }


def claims_as_csv(claims: list[Claim]) -> str:
    buffer = io.StringIO()
    fields = [f.name for f in dataclasses.fields(Claim)]
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(claim_as_dict(c) for c in claims)
    return buffer.getvalue()


def claims_as_table(claims: list[Claim], *, width: int = 100) -> str:
    header = f"{'id':>5}  {'doc':>4}  {'status':<10}  {'kind':<11}  {'score':>5}  claim"
    lines = [header]
    room = max(20, width - len(header) + len("claim"))
    for claim in claims:
        text = " ".join(claim.text.split())
        if len(text) > room:
            text = text[: room - 1] + "…"
        lines.append(
            f"{claim.id:>5}  {claim.document_id:>4}  {claim.status:<10}  {claim.kind:<11}"
            f"  {claim.score:>5.2f}  {text}"
        )
    return "\n".join(lines)


# -- show --------------------------------------------------------------------------


@cli.command()
@click.argument("claim_id", type=int)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.pass_obj
def show(desk: Desk, claim_id: int, output_format: str) -> None:
    """Show a claim in its sentence, its status and its verdict history.

    Example:

        factcheck show 3 --format json
    """
    store = desk.store
    claim = store.get_claim(claim_id)
    assert claim.document_id is not None
    document = store.get_document(claim.document_id)
    history = store.history(claim_id)
    evidence = store.list_evidence(claim_id)
    sentence = document.text[claim.sentence_start : claim.sentence_end]
    if output_format == "json":
        data = claim_as_dict(claim)
        data["sentence"] = sentence
        data["document"] = {"id": document.id, "title": document.title, "source": document.source}
        data["history"] = [verdict_as_dict(v) for v in history]
        data["evidence"] = [evidence_as_dict(e) for e in evidence]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    before = document.text[claim.sentence_start : claim.start]
    after = document.text[claim.end : claim.sentence_end]
    click.echo(
        f"claim {claim.id} · {claim.status} · {claim.kind} · score {claim.score:.2f}\n"
        f"document {document.id}: {document.title} ({document.source})\n"
    )
    click.echo("  " + before + click.style(claim.text, bold=True, underline=True) + after + "\n")
    if evidence:
        click.echo("evidence (cite with `factcheck mark STATUS ID --evidence N`):")
        for item in evidence:
            click.echo("\n".join("  " + line for line in evidence_lines(item)))
        click.echo()
    if not history:
        click.echo("history: no verdicts yet")
        return
    click.echo("history:")
    for verdict in history:
        note = f" — {verdict.note}" if verdict.note else ""
        click.echo(f"  {verdict.created_at}  {verdict.status:<10}  by {verdict.reviewer}{note}")


def verdict_as_dict(verdict: Verdict) -> dict[str, Any]:
    data = dataclasses.asdict(verdict)
    data["status"] = str(verdict.status)
    return data


# -- mark --------------------------------------------------------------------------


@cli.command()
@click.argument("status", type=STATUS_CHOICE)
@click.argument("claim_ids", nargs=-1, required=True, type=int)
@click.option("--note", help="Why: saved with the verdict.")
@click.option("--reviewer", help="Who decided (default: [review] reviewer in config.toml).")
@click.option("--evidence", "evidence_id", type=int, help="Cite this evidence id (see `show`).")
@click.pass_obj
def mark(
    desk: Desk,
    status: str,
    claim_ids: tuple[int, ...],
    note: str | None,
    reviewer: str | None,
    evidence_id: int | None,
) -> None:
    """Record a verdict (supported, disputed or unverified) on one or more claims.

    All the claims change together or none does.

    Example:

        factcheck mark disputed 4 7 --note "CCTV said Tuesday, not Monday"
    """
    verdicts = desk.store.mark(
        claim_ids,
        status,
        reviewer=reviewer or desk.config.review.reviewer,
        note=note,
        evidence_id=evidence_id,
    )
    ids = ", ".join(str(v.claim_id) for v in verdicts)
    click.echo(f"marked {status}: claim{'s' if len(verdicts) > 1 else ''} {ids}")


# -- split -------------------------------------------------------------------------


@cli.command()
@click.argument("path")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
def split(path: str, output_format: str) -> None:
    """Show the claims found in a text file (or - for stdin) without storing anything.

    Example:

        factcheck split seeds/xi-lee-call.txt
    """
    article = read_article(path)
    for warning in article.warnings:
        click.echo(f"warning: {warning}", err=True)
    claims = split_claims(article.text)
    if output_format == "json":
        click.echo(json.dumps([claim_as_dict(c) for c in claims], indent=2, ensure_ascii=False))
        return
    for number, claim in enumerate(claims, start=1):
        text = article.text
        sentence = (
            text[claim.sentence_start : claim.start]
            + click.style(text[claim.start : claim.end], bold=True, underline=True)
            + text[claim.end : claim.sentence_end]
        )
        click.echo(
            f"{number:>3}. {claim.kind:<11} {claim.score:.2f}  [{claim.start}:{claim.end}]"
            f"  {' '.join(claim.text.split())}"
        )
        if (claim.sentence_start, claim.sentence_end) != (claim.start, claim.end):
            click.echo(f"     in: {' '.join(sentence.split())}")


# -- documents ---------------------------------------------------------------------


@cli.command()
@click.pass_obj
def documents(desk: Desk) -> None:
    """List the documents in the database with their claim counts per status.

    Example:

        factcheck documents
    """
    summaries = desk.store.list_documents()
    if not summaries:
        click.echo("no documents yet: add one with `factcheck add FILE`", err=True)
        return
    click.echo(f"{'id':>4}  {'claims':>6}  {'unverif':>7}  {'support':>7}  {'dispute':>7}  title")
    for summary in summaries:
        counts = summary.counts
        click.echo(
            f"{summary.document.id:>4}  {summary.claim_count:>6}"
            f"  {counts[Status.UNVERIFIED]:>7}  {counts[Status.SUPPORTED]:>7}"
            f"  {counts[Status.DISPUTED]:>7}  {summary.document.title}"
        )
