"""`factcheck serve`: the review screen for a team, in browsers (textual-serve).

Parsing and warnings only; the server is `factcheck.web_server`, imported here lazily so
that no other command loads aiohttp.
"""

from __future__ import annotations

import sys

import click

from factcheck.cli import Desk, cli, finish_scores, open_store
from factcheck.cli.output import echo, echo_warning
from factcheck.cli.params import DOCUMENT_OR_FILE
from factcheck.desk.session import resolve_review_target
from factcheck.errors import NotFoundError


@cli.command()
@click.argument("targets", nargs=-1, type=DOCUMENT_OR_FILE, metavar="[DOC_ID | FILE]...")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but this machine needs [serve] token.",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port."
)
@click.pass_obj
def serve(desk: Desk, targets: tuple[str, ...], host: str, port: int) -> None:
    """Serve the review screen to browsers: several reviewers, one claims.db.

    Each browser tab runs its own review on the same database; verdicts show up in the
    other tabs within a second or two. Open the printed URL with ?reviewer=NAME, or the
    first screen asks for your name. TARGETs (document ids or files) limit the desk to
    those documents. Listens on 127.0.0.1 only, unless --host says otherwise: then set
    [serve] token in config.toml, since there is no other authentication.

    Example:

        factcheck serve --port 8000   # then open http://127.0.0.1:8000/?reviewer=ana
    """
    from factcheck.web_server import DeskServer, is_loopback  # lazily: only this command

    config = desk.config
    db_path = config.database_path(desk._db_path).resolve()
    # creates or migrates it once (saying so when it is new)
    with open_store(config, desk._db_path, timeout=config.store.timeout) as store:
        document_ids = [
            resolve_review_target(store, t, config=config, warn=echo_warning) for t in targets
        ]
        if not document_ids and not store.list_documents():
            raise NotFoundError("no documents yet: add one with `factcheck add FILE` first")
        finish_scores(store)  # once here, not raced by every tab's review process
    command = [sys.executable, "-m", "factcheck", "--db", str(db_path)]
    if config.source is not None:
        command += ["--config", str(config.source.resolve())]
    command += ["review", "--served", *(str(i) for i in document_ids)]
    token = config.serve.token
    if not is_loopback(host):
        if token:
            echo(f"warning: serving on {host}: only URLs with the token get in.", err=True)
        else:
            echo(
                f"warning: serving on {host} with no authentication: anyone who can reach"
                " this address can record verdicts. Set [serve] token in config.toml.",
                err=True,
            )
    DeskServer(command, host=host, port=port, token=token).serve()
