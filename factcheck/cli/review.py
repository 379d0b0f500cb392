"""`factcheck review`: open the review screen (the only command that imports Textual)."""

from __future__ import annotations

import click

from factcheck.cli import Desk, cli
from factcheck.config import Config
from factcheck.review import resolve_review_target
from factcheck.sources import EvidenceSource
from factcheck.store import Store

REVIEW_LOCK_WAIT_SECONDS = 0.25
"""The screen's own busy timeout: a locked database is retried on a timer with a notice
instead of freezing the screen for `[store] timeout` seconds."""


def review_sources(
    lookup_store: Store, config: Config, document_id: int | None
) -> list[EvidenceSource]:
    """The evidence sources the review screen asks, reading through `lookup_store`.

    The sources run in the screen's worker thread, so they get a connection of their
    own: sharing the screen's would let a verdict join (or be rolled back with) the
    worker's cache-writing transaction. The document under review is left out of the
    earlier-verdicts source, so a claim is never offered as evidence for itself.
    """
    from factcheck.sources.registry import default_sources, exclude_document

    sources = default_sources(lookup_store, config)
    exclude_document(sources, document_id)
    return sources


@cli.command()
@click.argument("target", required=False, metavar="[DOC_ID | FILE]")
@click.pass_obj
def review(desk: Desk, target: str | None) -> None:
    """Review a document's claims: one key per verdict, saved at once.

    TARGET is a document id or an article file (added first if new). Without it,
    the document with unverified claims opens, or a picker when several have some.
    Keys: s supported, d disputed, u unverified, ctrl+z undo, n note, 1-9 cite
    evidence, w Wikipedia, / search, f filter, ? help, q quit (remap in [keymap]).

    Example:

        factcheck review seeds/xi-lee-call.txt
    """
    config = desk.config
    path = config.database_path(desk._db_path)
    store = Store(path, timeout=REVIEW_LOCK_WAIT_SECONDS)
    lookup_store = Store(path, timeout=config.store.timeout)
    try:
        document_id = resolve_review_target(store, target, config=config)
        from factcheck.tui import make_app  # lazily: no other command pays for Textual

        sources = review_sources(lookup_store, config, document_id)
        app = make_app(store, config, sources, document_id=document_id)
        app.run()
        if app.return_code:  # Textual caught a crash (and showed it): not a success
            raise click.ClickException(
                "the review screen stopped on an unexpected error (shown above); every"
                " verdict keyed in before it is saved. Please report it."
            )
    finally:
        lookup_store.close()
        store.close()
