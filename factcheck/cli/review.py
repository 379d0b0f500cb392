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


def review_sources(store: Store, config: Config) -> list[EvidenceSource]:
    """The evidence sources the review screen asks (Wikipedia for `w`)."""
    # TODO(merge): return default_sources(store, config)
    #   (factcheck.sources.registry.default_sources, from the evidence branch)
    return []


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
    store = Store(config.database_path(desk._db_path), timeout=REVIEW_LOCK_WAIT_SECONDS)
    try:
        document_id = resolve_review_target(store, target)
        from factcheck.tui import make_app  # lazily: no other command pays for Textual

        app = make_app(store, config, review_sources(store, config), document_id=document_id)
        app.run()
    finally:
        store.close()
