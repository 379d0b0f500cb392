"""`factcheck review`: open the review screen (the only command that imports Textual)."""

from __future__ import annotations

from dataclasses import replace

import click

from factcheck.cli import Desk, cli, finish_scores, open_store
from factcheck.cli.output import echo_warning
from factcheck.cli.params import DOCUMENT_OR_FILE, TEXT
from factcheck.config import ReviewConfig
from factcheck.desk.session import clean_reviewer_name, resolve_review_target, target_document_id
from factcheck.evidence.source_factory import make_sources
from factcheck.store import Store

REVIEW_LOCK_WAIT_SECONDS = 0.25
"""The screen's own busy timeout: a locked database is retried on a timer with a notice
instead of freezing the screen for `[store] timeout` seconds."""


@cli.command()
@click.argument("targets", nargs=-1, type=DOCUMENT_OR_FILE, metavar="[DOC_ID | FILE]...")
@click.option(
    "--reviewer",
    type=TEXT,
    envvar="FACTCHECK_REVIEWER",
    help="Your name on every verdict (default: [review] reviewer, else your login name).",
)
@click.option(
    "--served",
    is_flag=True,
    hidden=True,
    help="Run as a `factcheck serve` session: ask for the reviewer's name if not given.",
)
@click.pass_obj
def review(desk: Desk, targets: tuple[str, ...], reviewer: str | None, served: bool) -> None:
    """Review a document's claims: one key per verdict, saved at once.

    TARGET is a document id or an article file (added first if new); several open a
    picker of just those. Without one, the document with unverified claims opens, or a
    picker when several have some (those assigned to you first).
    Keys: s supported, d disputed, u unverified, ctrl+z undo, n note, 1-9 cite
    evidence, w Wikipedia, / search, f filter, ? help, q quit (remap in [keymap]).

    Example:

        factcheck review seeds/xi-lee-call.txt --reviewer ana
    """
    config = desk.config
    if reviewer is not None:
        config = replace(config, review=ReviewConfig(reviewer=clean_reviewer_name(reviewer)))
    from factcheck.tui.app import check_keymap  # lazily: no other command pays for Textual

    check_keymap(config.keymap, config=config)  # before a file is added or a database made
    store = open_store(config, desk._db_path, timeout=REVIEW_LOCK_WAIT_SECONDS)
    lookup_store = Store(config.database_path(desk._db_path), timeout=config.store.timeout)
    try:
        among = None
        if len(targets) > 1:
            among = [
                target_document_id(store, t, config=config, warn=echo_warning) for t in targets
            ]
            document_id = None
        else:
            document_id = resolve_review_target(
                store, targets[0] if targets else None, config=config, warn=echo_warning
            )
        # A warning about a FILE read above (one not in English, say) went to stderr
        # before the screen: it is still there, above the prompt, once the screen closes.
        # Scores `add` (or a FILE just added) left pending are finished before the
        # screen shows any: the TUI reads final scores only. Through the connection
        # with the ordinary busy timeout: the screen's own gives up after 0.25 s.
        finish_scores(lookup_store)
        from factcheck.tui import make_app  # lazily: no other command pays for Textual

        # The sources run in the screen's worker threads, so they read through a
        # connection of their own: sharing the screen's would let a verdict join (or be
        # rolled back with) a worker's cache-writing transaction. They hold nothing of
        # the document under review: each lookup carries its claim's context.
        sources = make_sources(lookup_store, config)
        app = make_app(
            store,
            config,
            sources,
            document_id=document_id,
            among=among,
            ask_reviewer=served and reviewer is None,
            served=served,
        )
        app.run()
        if app.return_code:  # Textual caught a crash (and showed it): not a success
            raise click.ClickException(
                "the review screen stopped on an unexpected error (shown above); every"
                " verdict keyed in before it is saved. Please report it."
            )
    finally:
        lookup_store.close()
        store.close()
