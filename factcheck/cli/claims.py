"""Commands on articles and claims: add, split, list, show, mark, documents."""

from __future__ import annotations

import dataclasses
import itertools
import sys
from typing import TYPE_CHECKING

import click

from factcheck.cli import (
    KIND_CHOICE,
    PROGRESS_BAR_FROM,
    STATUS_CHOICE,
    Desk,
    cli,
    describe_os_error,
    format_option,
    is_terminal,
)
from factcheck.cli.claim_listing import CHUNK_ROWS, write_csv, write_json, write_table
from factcheck.cli.documents import document_header, field_line, metadata_lines
from factcheck.cli.output import (
    echo,
    echo_json,
    echo_json_text,
    echo_warning,
    folded,
    plural,
    printable,
    styled,
)
from factcheck.cli.params import ROW_ID, TEXT
from factcheck.errors import FactcheckError
from factcheck.models import Verdict
from factcheck.records import LISTED_CLAIM_FIELDS, record
from factcheck.untrusted.urls import without_credentials

if TYPE_CHECKING:
    # Reading articles pulls in trafilatura, pypdf and httpx; only add/split import it
    # (inside the command), so `list`, `mark` and the rest start fast.
    from factcheck.ingest import Article

# -- add -------------------------------------------------------------------------


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--title", type=TEXT, help="Document title (default: the article's own, else its first line)."
)
@click.option(
    "--url", type=TEXT, help="Where the article was published; stored as its source and URL."
)
@click.option(
    "--dry-run", is_flag=True, help="Show the extracted text and metadata; store nothing."
)
@click.pass_obj
def add(
    desk: Desk, inputs: tuple[str, ...], title: str | None, url: str | None, dry_run: bool
) -> None:
    """Add articles and store their claims: URLs, .html, .pdf, .txt, .md, or - for stdin.

    Web pages keep the article body (menus, cookie banners and comments are dropped)
    and their title, author, publisher, date and canonical URL. Prints, per input, the
    document id, claim count, characters kept, title and source. An input that fails is
    reported and the others still go in; the exit status is then 1. Adding the same
    text again is reported, not duplicated.

    Example:

        factcheck add https://example.org/news/bridge.html saved-page.html release.pdf

        pbpaste | factcheck add - --title "Minister's speech"

        factcheck add saved-page.html --dry-run
    """
    if len(inputs) > 1 and (title or url):
        raise click.UsageError("--title and --url describe one article: give only one input")
    from factcheck.ingest import Article, add_article, add_articles, read_article
    from factcheck.ingest.article import article_warnings
    from factcheck.ingest.pending_scores import WORKERS_FROM, default_workers

    fetch = desk.config.fetch
    # The bar is for people watching a terminal; piped into a log, each line comes at once.
    show_bar = len(inputs) >= PROGRESS_BAR_FROM and not dry_run and is_terminal(sys.stderr)
    report = _Report(buffered=show_bar)
    failures = 0

    def read(item: str) -> Article | Exception:
        try:
            article = read_article(
                item, title=title, fetch=fetch, max_megabytes=desk.config.ingest.max_megabytes
            )
        except (FactcheckError, OSError) as error:
            if len(inputs) == 1:
                raise
            return error
        if url:
            public_url = without_credentials(url)  # a password is never stored or shown
            article = dataclasses.replace(article, source=public_url, url=public_url)
        return article

    entries = ((item, read(item)) for item in inputs)
    workers = 1 if dry_run or len(inputs) < WORKERS_FROM else default_workers()
    if workers > 1:  # many files: split in one worker a core, scored now (ingest.add_articles)
        # The database is opened once the workers are starting (they load the model meanwhile).
        outcomes = add_articles(lambda: desk.store, entries, workers=workers)
    else:  # one process a file pays its start-up, not the model's: the first read scores
        outcomes = (
            (
                item,
                article,
                None
                if dry_run or not isinstance(article, Article)
                else add_article(desk.store, article, defer_scores=True),
            )
            for item, article in entries
        )
    with click.progressbar(
        outcomes,
        length=len(inputs),
        label="adding",
        file=sys.stderr,
        hidden=not show_bar,
        item_show_func=lambda outcome: printable(outcome[0]) if outcome else None,
    ) as progress:
        for _, article, result in progress:
            if not isinstance(article, Article):
                failures += 1
                error = article
                report.error(describe_os_error(error) if isinstance(error, OSError) else str(error))
                continue
            for warning in article_warnings(article):
                report.error(f"warning: {warning}", prefix="")
            if dry_run or result is None:
                report.echo(_dry_run_text(article, first=not report.shown_any))
                continue
            summary = (
                f"{plural(result.claim_count, 'claim')},"
                f" {plural(len(result.document.text), 'character', grouped=True)} kept"
                f" ({result.document.title}) from {result.document.source}"
            )
            if result.created:
                report.echo(f"added document {result.document.id}: {summary}")
            else:
                report.echo(
                    f"already added as document {result.document.id} (same text): {summary}"
                )
    report.flush()
    if failures:
        raise click.ClickException(
            f"{failures} of {len(inputs)} inputs failed; nothing was stored for them"
        )


class _Report:
    """Output of `add`: printed at once, or held back while a progress bar is drawn."""

    def __init__(self, *, buffered: bool) -> None:
        self.buffered = buffered
        self._lines: list[tuple[str, bool]] = []
        self.shown_any = False
        """Whether anything went to stdout yet (dry runs separate articles by a blank line)."""

    def echo(self, line: str) -> None:
        self._emit(line, err=False)
        self.shown_any = True

    def error(self, message: str, *, prefix: str = "Error: ") -> None:
        self._emit(prefix + message, err=True)

    def _emit(self, line: str, *, err: bool) -> None:
        if self.buffered:
            self._lines.append((line, err))
        else:
            echo(line, err=err)

    def flush(self) -> None:
        for line, err in self._lines:
            echo(line, err=err)
        self._lines.clear()


def _dry_run_text(article: Article, *, first: bool) -> str:
    """What `add --dry-run` shows: the metadata, then the exact text that would be stored."""
    from factcheck.ingest import article_claims

    claim_count = len(article_claims(article).shown())  # as `add` would count them
    lines = [] if first else [""]
    lines += metadata_lines(article)
    lines.append(field_line("text", plural(len(article.text), "character", grouped=True)))
    lines.append(field_line("claims", f"{claim_count} (dry run: not stored)"))
    lines += ["", article.text.rstrip("\n"), ""]
    return "\n".join(lines)


# -- list --------------------------------------------------------------------------


@cli.command("list")
@click.option(
    "--status",
    type=STATUS_CHOICE,
    help="Only claims with this status (dismissed claims are listed only this way).",
)
@click.option("--doc", "document_id", type=ROW_ID, help="Only claims of this document id.")
@click.option("--kind", type=KIND_CHOICE, help="Only claims of this kind.")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 1),
    help="Only claims at least this check-worthy (0.5 is the splitter's threshold).",
)
@click.option("--limit", type=click.IntRange(1, 2**63 - 1), help="At most this many claims.")
@format_option("table", "json", "csv")
@click.pass_obj
def list_claims(
    desk: Desk,
    status: str | None,
    document_id: int | None,
    kind: str | None,
    min_score: float | None,
    limit: int | None,
    output_format: str,
) -> None:
    """List claims in document order.

    Example:

        factcheck list --status=unverified --min-score 0.5 --format json
    """
    store = desk.scored_store
    if document_id is not None:
        # A clear error for an unknown id; on stderr, where it is which article, so the
        # json/csv on stdout stay machine-readable.
        echo(document_header(store.get_document(document_id)), err=True)
    rows = store.claim_rows(
        status=status,
        document_id=document_id,
        kind=kind,
        min_score=min_score,
        limit=limit,
        occurrences=output_format == "table",
    )
    if output_format == "json":
        write_json(rows, echo_json_text)
    elif output_format == "csv":
        write_csv(rows, _write_stdout)
    elif not write_table(rows, _write_stdout):
        echo("no claims match", err=True)


def _write_stdout(text: str) -> None:
    echo(text, nl=False)  # made printable, as every line the CLI prints


# -- show --------------------------------------------------------------------------


@cli.command()
@click.argument("claim_id", type=ROW_ID)
@format_option("text", "json")
@click.pass_obj
def show(desk: Desk, claim_id: int, output_format: str) -> None:
    """Show a claim in its sentence, its status and its verdict history.

    Example:

        factcheck show 3 --format json
    """
    # Imported here: the evidence formatting (stance, agreement signals) is for `show`
    # alone, and `add FILE` run once per file would load it every time.
    from factcheck.cli.evidence_format import evidence_as_dict, evidence_lines

    store = desk.scored_store
    claim = store.get_claim(claim_id)
    assert claim.document_id is not None
    document = store.get_document(claim.document_id)
    history = store.history(claim_id)
    evidence = store.list_evidence(claim_id)
    group = store.occurrences(claim_id)
    versions = store.claim_versions(claim_id)
    sentence = document.text[claim.sentence_start : claim.sentence_end]
    if output_format == "json":
        source = without_credentials(document.source)
        data = record(
            claim,
            LISTED_CLAIM_FIELDS,
            decided=claim.decided,
            duplicate_of=claim.duplicate_of,
            occurrences=[c.id for c in group],
            sentence=sentence,
            document={"id": document.id, "title": document.title, "source": source},
            history=[record(v) for v in history],
            evidence=[
                evidence_as_dict(e, claim=claim.text, prior=desk.config.prior) for e in evidence
            ],
            versions=[record(v) for v in versions],
        )
        echo_json(data)
        return
    before = document.text[claim.sentence_start : claim.start]
    after = document.text[claim.end : claim.sentence_end]
    echo(
        f"claim {claim.id} · {claim.status} · {claim.kind} · score {claim.score:.2f}\n"
        f"document {document.id}: {document.title} ({without_credentials(document.source)})\n"
    )
    echo("  ", before, styled(claim.text, bold=True, underline=True), after, "\n")
    if len(group) > 1:
        places = ", ".join(f"claim {c.id} (characters {c.start}–{c.end})" for c in group)
        echo(f"occurs {len(group)} times in the document: {places}; a verdict applies to all\n")
    if versions:
        echo(f"span set by {versions[-1].set_by} at {versions[-1].set_at}; earlier spans:")
        for version in reversed(versions[:-1]):
            echo(
                f"  {version.set_at}  {version.start}-{version.end}  by {version.set_by}:"
                f" {version.kind}, score {version.score:.2f}  ",
                styled(version.text, dim=True),
            )
        echo()
    if evidence:
        echo("evidence (cite with `factcheck mark STATUS ID --evidence N`):")
        for item in evidence:
            for line in evidence_lines(item, claim=claim.text, prior=desk.config.prior):
                echo("  ", *line)
        echo()
    if not history:
        echo("history: no verdicts yet")
        return
    echo("history:" if claim.decided else "history (no verdict in force: not decided yet):")
    for event in history_lines(history):
        echo("  ", event)


def history_lines(history: list[Verdict]) -> list[str]:
    """A claim's verdict events, one line each: an undo names what it withdrew by its
    status and date (verdict ids are not shown: the screen's `#N` are claim ids)."""
    by_id = {verdict.id: verdict for verdict in history}
    undone = {verdict.undoes for verdict in history if verdict.undoes is not None}
    lines = []
    for verdict in history:
        if verdict.undoes is not None:
            withdrawn = by_id.get(verdict.undoes)
            what = (
                f"the {withdrawn.status} verdict of {withdrawn.created_at}"
                if withdrawn
                else "an earlier verdict"
            )
            lines.append(
                f"{verdict.created_at}  {'undo':<10}  by {verdict.reviewer}: withdrew {what}"
            )
            continue
        note = f" — {verdict.note}" if verdict.note else ""
        cites = f" (cites evidence [{verdict.evidence_id}])" if verdict.evidence_id else ""
        gone = " (undone)" if verdict.id in undone else ""
        lines.append(
            f"{verdict.created_at}  {verdict.status:<10}  by {verdict.reviewer}{cites}{note}{gone}"
        )
    return lines


# -- mark --------------------------------------------------------------------------


@cli.command()
@click.argument("status", type=STATUS_CHOICE)
@click.argument("claim_ids", nargs=-1, required=True, type=ROW_ID)
@click.option("--note", type=TEXT, help="Why: saved with the verdict.")
@click.option(
    "--reviewer", type=TEXT, help="Who decided (default: [review] reviewer in config.toml)."
)
@click.option("--evidence", "evidence_id", type=ROW_ID, help="Cite this evidence id (see `show`).")
@click.pass_obj
def mark(
    desk: Desk,
    status: str,
    claim_ids: tuple[int, ...],
    note: str | None,
    reviewer: str | None,
    evidence_id: int | None,
) -> None:
    """Record a verdict (supported, disputed, unverified, dismissed) on one or more claims.

    All the claims change together or none does. `unverified` records "checked, cannot
    tell"; `dismissed` says the span is not a claim (hidden from lists and reports). A
    claim that occurs several times in its document gets the verdict at every
    occurrence.

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
    ids = ", ".join(str(v.claim_id) for v in verdicts)  # each claim once, as recorded
    echo(f"marked {status}: claim{'s' if len(verdicts) > 1 else ''} {ids}")


# -- split -------------------------------------------------------------------------


@cli.command()
@click.argument("path")
@format_option("table", "json")
@click.pass_obj
def split(desk: Desk, path: str, output_format: str) -> None:
    """Show the claims found in a text file (or - for stdin) without storing anything.

    Example:

        factcheck split seeds/xi-lee-call.txt
    """
    from factcheck.ingest import article_claims, read_article
    from factcheck.ingest.article import article_warnings

    config = desk.config
    article = read_article(path, fetch=config.fetch, max_megabytes=config.ingest.max_megabytes)
    for warning in article_warnings(article):
        echo_warning(warning)
    claims = article_claims(article).shown()
    if output_format == "json":
        echo_json([record(c, LISTED_CLAIM_FIELDS) for c in claims])
        return
    for number, claim in enumerate(claims, start=1):
        text = article.text
        echo(
            f"{number:>3}. {claim.kind:<11} {claim.score:.2f}  [{claim.start}:{claim.end}]"
            f"  {' '.join(claim.text.split())}"
        )
        if (claim.sentence_start, claim.sentence_end) != (claim.start, claim.end):
            echo(
                "     in: ",
                folded(text[claim.sentence_start : claim.start], end=False),
                styled(folded(text[claim.start : claim.end]), bold=True, underline=True),
                folded(text[claim.end : claim.sentence_end], start=False),
            )


# -- documents ---------------------------------------------------------------------


@cli.command()
@click.option(
    "--assigned", "assigned_to", type=TEXT, help="Only documents assigned to this reviewer."
)
@click.pass_obj
def documents(desk: Desk, assigned_to: str | None) -> None:
    """List the documents with their claim counts per status, assignee and, under
    each, every reviewer's share (see `factcheck status` for the editor's view).

    Example:

        factcheck documents --assigned ana
    """
    from factcheck.cli.team import reviewer_lines

    rows = desk.store.document_counts(assigned_to=assigned_to)
    first = next(rows, None)
    if first is None:
        where = f" assigned to {assigned_to}" if assigned_to is not None else " yet"
        hint = "" if assigned_to is not None else ": add one with `factcheck add FILE`"
        echo(f"no documents{where}{hint}", err=True)
        return
    reviewers = desk.store.reviewer_progress()
    echo(
        f"{'id':>4}  {'claims':>6}  {'unverif':>7}  {'support':>7}  {'dispute':>7}"
        f"  {'assigned':<12}  title"
    )
    lines: list[str] = []
    for row in itertools.chain([first], rows):
        lines.append(
            f"{row.id:>4}  {row.claim_count:>6}  {row.unverified:>7}  {row.supported:>7}"
            f"  {row.disputed:>7}  {row.assigned_to or '-':<12}  {row.title}"
        )
        if row.id in reviewers:  # most documents have no verdict yet: no lines to make
            lines.extend(reviewer_lines(reviewers[row.id]))
        if len(lines) >= CHUNK_ROWS:  # written as read: flat memory on a large desk
            echo("\n".join(lines))
            lines = []
    if lines:
        echo("\n".join(lines))
