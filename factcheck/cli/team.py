"""The editor's commands for a team desk: `assign` and `status`.

Both read and write through `Store` (`factcheck.store.assignments`); `documents` in
`claims.py` uses `reviewer_lines` here, so a reviewer's share reads the same in both.
"""

from __future__ import annotations

from typing import Any

import click

from factcheck.cli import Desk, cli, format_option
from factcheck.cli.output import echo, echo_json, plural
from factcheck.cli.params import ROW_ID, TEXT
from factcheck.desk.session import clean_reviewer_name
from factcheck.errors import InputError
from factcheck.store import DocumentProgress, ReviewerProgress


@cli.command()
@click.argument("document_ids", nargs=-1, required=True, type=ROW_ID, metavar="DOC_ID...")
@click.option("--to", "reviewer", type=TEXT, help="The reviewer who is to check these documents.")
@click.option("--none", "unassign", is_flag=True, help="Unassign the documents.")
@click.pass_obj
def assign(desk: Desk, document_ids: tuple[int, ...], reviewer: str | None, unassign: bool) -> None:
    """Assign documents to a reviewer (or unassign them with --none).

    A document has one assignee; assigning again replaces it. The review picker lists
    the documents assigned to you first; `factcheck documents --assigned NAME` lists them.

    Example:

        factcheck assign 1 2 --to ana && factcheck assign 2 --none
    """
    if (reviewer is None) == (not unassign):
        raise InputError("give --to NAME or --none")
    name = None if unassign else clean_reviewer_name(reviewer or "")
    desk.store.assign(document_ids, name)
    ids = ", ".join(str(i) for i in document_ids)
    noun = "documents" if len(document_ids) > 1 else "document"
    echo(f"{noun} {ids}: " + ("unassigned" if name is None else f"assigned to {name}"))


@cli.command()
@click.option(
    "--assigned", "assigned_to", type=TEXT, help="Only documents assigned to this reviewer."
)
@format_option("table", "json")
@click.pass_obj
def status(desk: Desk, assigned_to: str | None, output_format: str) -> None:
    """Progress for the editor: per document and per reviewer, decided and left,
    disputed, last activity.

    A reviewer's "decided" counts the claims whose latest verdict is theirs, so the
    reviewers' figures add up to the document's.

    Example:

        factcheck status --format json
    """
    progress = desk.store.progress()
    if assigned_to is not None:
        progress = [p for p in progress if p.assigned_to == assigned_to]
    if output_format == "json":
        echo_json([progress_as_dict(p) for p in progress])
        return
    if not progress:
        echo("no documents" + (f" assigned to {assigned_to}" if assigned_to else ""), err=True)
        return
    echo(
        f"{'id':>4}  {'claims':>6}  {'decided':>7}  {'left':>5}  {'disputed':>8}"
        f"  {'last activity':<20}  {'assigned':<12}  title"
    )
    for item in progress:
        echo(
            f"{item.document_id:>4}  {item.claims:>6}  {item.decided:>7}  {item.left:>5}"
            f"  {item.disputed:>8}  {item.last_activity or '-':<20}"
            f"  {item.assigned_to or '-':<12}  {item.title}"
        )
        for line in progress_lines(item):
            echo(line)


def progress_lines(progress: DocumentProgress) -> list[str]:
    """One indented line per reviewer who gave the document a verdict."""
    return reviewer_lines(progress.reviewers)


def reviewer_lines(reviewers: list[ReviewerProgress]) -> list[str]:
    """One indented line per reviewer's share (`status` and `documents` print them)."""
    return [
        f"{'':>6}by {r.reviewer}: {r.decided} decided ({r.disputed} disputed),"
        f" {plural(r.verdicts, 'verdict')}, last {r.last_activity}"
        for r in reviewers
    ]


def progress_as_dict(progress: DocumentProgress) -> dict[str, Any]:
    """The JSON shape of `factcheck status --format json` (one object per document)."""
    return {
        "document": {"id": progress.document_id, "title": progress.title},
        "assigned_to": progress.assigned_to,
        "claims": progress.claims,
        "decided": progress.decided,
        "left": progress.left,
        "disputed": progress.disputed,
        "last_activity": progress.last_activity,
        "reviewers": [
            {
                "reviewer": r.reviewer,
                "decided": r.decided,
                "disputed": r.disputed,
                "verdicts": r.verdicts,
                "last_activity": r.last_activity,
            }
            for r in progress.reviewers
        ],
    }
