"""Claim spans by hand from the shell: `add-claim` and `edit-span`.

Thin: both call `factcheck.desk.span_edit`, as the review screen's `c` and `[ ] { }` keys
do, so the same word-boundary rules and scoring hold everywhere.
"""

from __future__ import annotations

import click

from factcheck.cli import Desk, cli
from factcheck.cli.output import echo
from factcheck.cli.params import ROW_ID, TEXT
from factcheck.models import Claim

_OFFSET = click.IntRange(0, 2**62)


def _claim_line(claim: Claim, verb: str) -> str:
    return (
        f"{verb} claim {claim.id} in document {claim.document_id}: {claim.start}-{claim.end}"
        f" · {claim.kind} · score {claim.score:.2f}"
    )


@cli.command("add-claim")
@click.argument("document_id", type=ROW_ID, metavar="DOC_ID")
@click.argument("start", type=_OFFSET)
@click.argument("end", type=_OFFSET)
@click.option(
    "--reviewer", type=TEXT, help="Who made it (default: [review] reviewer in config.toml)."
)
@click.pass_obj
def add_claim(desk: Desk, document_id: int, start: int, end: int, reviewer: str | None) -> None:
    """Make a claim the splitter missed from the document's text between two offsets.

    START and END are character offsets into the stored text (see `factcheck show`);
    a range inside a word takes the whole word. The claim is scored and unverified.

    Example:

        factcheck add-claim 3 120 164
    """
    from factcheck.desk.span_edit import create_claim

    claim = create_claim(
        desk.scored_store, document_id, start, end, reviewer=reviewer or desk.config.review.reviewer
    )
    echo(_claim_line(claim, "added"))
    echo("  ", claim.text)


@cli.command("edit-span")
@click.argument("claim_id", type=ROW_ID)
@click.argument("start", type=_OFFSET)
@click.argument("end", type=_OFFSET)
@click.option(
    "--reviewer", type=TEXT, help="Who edited it (default: [review] reviewer in config.toml)."
)
@click.pass_obj
def edit_span(desk: Desk, claim_id: int, start: int, end: int, reviewer: str | None) -> None:
    """Give a claim a new span; it keeps its id and verdicts, the old span its history.

    START and END are character offsets into the document's text, snapped to whole
    words. The new span is scored again; `factcheck show ID` lists the earlier ones.

    Example:

        factcheck edit-span 12 140 173
    """
    from factcheck.desk.span_edit import edit_claim_span

    before = desk.scored_store.get_claim(claim_id)  # the old span's history: final score
    claim = edit_claim_span(
        desk.store, claim_id, start, end, reviewer=reviewer or desk.config.review.reviewer
    )
    if (claim.start, claim.end) == (before.start, before.end):
        echo(f"claim {claim_id} already has that span: nothing changed")
        return
    echo(_claim_line(claim, "edited"))
    echo("  ", claim.text)
