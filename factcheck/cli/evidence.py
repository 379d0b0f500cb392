"""Commands on evidence: refs add|list|remove, import-claimreview, match, search."""

from __future__ import annotations

import sys

import click

from factcheck.cli import Desk, cli, format_option
from factcheck.cli.evidence_format import evidence_as_dict, evidence_lines
from factcheck.cli.output import echo, echo_json, echo_warning, plural
from factcheck.cli.params import ROW_ID, TEXT
from factcheck.errors import FactcheckError
from factcheck.evidence.context import ClaimContext, claim_context
from factcheck.evidence.source_factory import SOURCE_NAMES, make_sources
from factcheck.evidence.sources import EvidenceSource
from factcheck.evidence.stance import Stance, evidence_hint
from factcheck.evidence.suggest import suggest
from factcheck.ingest.claimreview import read_claimreview_file
from factcheck.ingest.reference_files import read_reference_file

SOURCE_CHOICE = click.Choice([*SOURCE_NAMES, "all"], case_sensitive=False)

# -- refs ------------------------------------------------------------------------


@cli.group()
def refs() -> None:
    """The local reference library: passages that evidence is drawn from.

    Example:

        factcheck refs add notes/economy.md corpus.jsonl && factcheck refs list
    """


@refs.command("add")
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
def refs_add(desk: Desk, paths: tuple[str, ...]) -> None:
    """Import .txt, .md, .html or .jsonl reference files (split into passages).

    A .jsonl file holds one passage a line: {"id", "title", "text", optional "url"}.
    Every file is read and checked before anything is stored; adding a file again
    replaces its earlier passages.

    Example:

        factcheck refs add library/*.md wiki-extract.jsonl
    """
    caps = desk.config.ingest
    imports = [  # all valid first
        read_reference_file(
            path,
            max_megabytes=caps.max_megabytes,
            max_corpus_megabytes=caps.max_corpus_megabytes,
        )
        for path in paths
    ]
    total = sum(len(item.rows) for item in imports)
    store = desk.store
    results = []
    with click.progressbar(length=total, label="indexing", file=sys.stderr) as bar:
        for item in imports:
            done = 0

            def advance(count: int) -> None:
                nonlocal done
                bar.update(count - done)
                done = count

            results.append(
                store.add_references(
                    item.rows, origin=item.origin, sha256=item.sha256, progress=advance
                )
            )
    for path, result in zip(paths, results, strict=True):
        replaced = (
            f" (replaced {result.replaced} from an earlier import)" if result.replaced else ""
        )
        echo(f"added {plural(result.passages, 'passage')} from {path}{replaced}")


@refs.command("list")
@click.pass_obj
def refs_list(desk: Desk) -> None:
    """List imported reference files with their passage counts.

    Example:

        factcheck refs list
    """
    files = desk.store.list_reference_files()
    if not files:
        echo("no references yet: add some with `factcheck refs add FILE`", err=True)
        return
    echo(f"{'id':>4}  {'passages':>8}  {'added':<20}  file")
    for item in files:
        ident = str(item.id) if item.id is not None else "-"
        echo(f"{ident:>4}  {item.passage_count:>8}  {item.added_at or '':<20}  {item.origin}")


@refs.command("remove")
@click.argument("files", nargs=-1, required=True)
@click.pass_obj
def refs_remove(desk: Desk, files: tuple[str, ...]) -> None:
    """Remove imported reference files (by id from `refs list`, or by path).

    Example:

        factcheck refs remove 2
    """
    from pathlib import Path

    for name in files:
        origin = str(Path(name).resolve()) if Path(name).exists() else name
        removed = desk.store.remove_references(origin)
        echo(f"removed {plural(removed, 'passage')} ({name})")


# -- import-claimreview ----------------------------------------------------------


@cli.command("import-claimreview")
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
def import_claimreview(desk: Desk, paths: tuple[str, ...]) -> None:
    """Import published fact-checks (ClaimReview JSON-LD, or ClaimsKG-style CSV).

    The publisher's rating, the claim, its URL and date are kept; `match` then shows
    a similar claim as "suggested" or "strong" match (thresholds in config.toml [prior]).
    A saved fact-check page (.html) is read for the ClaimReview JSON-LD it carries.

    Example:

        factcheck import-claimreview fullfact.csv reviews.jsonld saved-check.html
    """
    cap = desk.config.ingest.max_megabytes
    parsed = [(path, read_claimreview_file(path, max_megabytes=cap)) for path in paths]
    for path, reviews in parsed:
        added, updated = desk.store.add_factchecks(reviews.rows, origin=path)
        skipped = f", {reviews.skipped} skipped (no claim or URL)" if reviews.skipped else ""
        echo(f"imported {plural(added, 'fact-check')} from {path} ({updated} updated{skipped})")


# -- match -------------------------------------------------------------------------


@cli.command()
@click.argument("claim_ids", nargs=-1, type=ROW_ID)
@click.option("--doc", "document_id", type=ROW_ID, help="Every claim of this document.")
@click.option(
    "--source",
    "source_names",
    type=SOURCE_CHOICE,
    multiple=True,
    help="Where to look (repeatable; default: all).",
)
@click.option("--offline", is_flag=True, help="Do not ask Wikipedia.")
@click.option(
    "--limit",
    type=click.IntRange(1, 50),
    default=5,
    show_default=True,
    help="Suggestions kept per claim.",
)
@click.pass_obj
def match(
    desk: Desk,
    claim_ids: tuple[int, ...],
    document_id: int | None,
    source_names: tuple[str, ...],
    offline: bool,
    limit: int,
) -> None:
    """Suggest evidence for claims and store it (see it with `show`, cite it with `mark`).

    Example:

        factcheck match --doc 1 --source local --source prior
    """
    store = desk.scored_store
    if not claim_ids and document_id is None:
        raise click.UsageError("give claim ids or --doc ID")
    claims = [store.get_claim(claim_id) for claim_id in claim_ids]
    if document_id is not None:
        store.get_document(document_id)
        claims += store.list_claims(document_id=document_id)
    sources = make_sources(store, desk.config, names=source_names or None, offline=offline)
    warned: set[str] = set()

    def unavailable(source: EvidenceSource, error: FactcheckError) -> None:
        if str(error) not in warned:
            warned.add(str(error))
            echo_warning(str(error))

    summaries = []
    with click.progressbar(claims, label="matching", file=sys.stderr) as bar:
        for claim in bar:
            items = suggest(
                sources,
                claim.text,
                context=claim_context(store, claim),
                limit=limit,
                on_unavailable=unavailable,
            )
            saved = store.save_evidence(claim.id or 0, items) if items else []
            summaries.append((claim, saved))
    for claim, saved in summaries:
        if not saved:
            echo(f"claim {claim.id}: no evidence found")
            continue
        best = saved[0]
        flags = sum(len(item.contradictions) for item in saved)
        warning = f"; {plural(flags, 'possible contradiction')}" if flags else ""
        hinted = sum(evidence_hint(claim.text, e).stance is Stance.CONTRADICTS for e in saved)
        hint = f"; hint: {hinted} may contradict (see `show {claim.id}`)" if hinted else ""
        echo(
            f"claim {claim.id}: {plural(len(saved), 'suggestion')},"
            f" best {best.score:.2f}"
            f" {best.source} {best.title!r}{warning}{hint}"
        )


# -- search ------------------------------------------------------------------------


@cli.command()
@click.argument("text", type=TEXT)
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option(
    "--source",
    "source_names",
    type=SOURCE_CHOICE,
    multiple=True,
    help="Where to look (repeatable; default: local).",
)
@click.option("--offline", is_flag=True, help="Do not ask Wikipedia.")
@format_option("table", "json")
@click.pass_obj
def search(
    desk: Desk,
    text: str,
    limit: int,
    source_names: tuple[str, ...],
    offline: bool,
    output_format: str,
) -> None:
    """Search the evidence sources for any text, without storing anything.

    Example:

        factcheck search "South Korea is Asia's fourth-largest economy" --format json
    """
    if not text.strip():
        raise FactcheckError("nothing to search for: TEXT is empty")
    sources = make_sources(
        desk.store, desk.config, names=source_names or ["local"], offline=offline
    )

    def unavailable(source: EvidenceSource, error: FactcheckError) -> None:
        echo_warning(str(error))

    items = suggest(
        sources,
        text,
        context=ClaimContext.free_text(),
        limit=limit,
        on_unavailable=unavailable,
    )
    if output_format == "json":
        echo_json([evidence_as_dict(e, claim=text, prior=desk.config.prior) for e in items])
        return
    if not items:
        echo("no evidence found", err=True)
        return
    for number, item in enumerate(items, start=1):
        for line in evidence_lines(item, number=number, claim=text, prior=desk.config.prior):
            echo(*line)
