"""The `factcheck` command: click commands that parse flags and call the core.

Nothing here decides anything: reading input is `factcheck.ingest`, splitting is
`factcheck.claims.splitter`, storage is `factcheck.store`. Every command's docstring is its
`--help` and carries an example. User errors (`FactcheckError`, SQLite trouble) become
one line on stderr and exit status 1; click's own usage errors exit 2.

This module holds the group and what every command shares (`Desk`); the commands live
one module per area (`claims.py`, ...), each registering on `cli` when imported. A
script that calls `factcheck` once per file pays the start-up every time, so nothing is
imported before it is needed: `LazyGroup` imports a command's module only when that
command runs (or its own `--help` is asked for), `factcheck --help` lists the commands
from `COMMANDS` without importing any, and the store is imported when first opened.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import importlib
import os
import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from factcheck.cli.output import echo, sanitise_library_logs
from factcheck.cli.params import refuse_empty_path
from factcheck.errors import FactcheckError
from factcheck.models import SHOWN_STATUSES, ClaimKind, Status
from factcheck.untrusted.terminal_text import printable

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.store import Store

F = TypeVar("F", bound=Callable[..., Any])

COMMANDS: dict[str, tuple[str, str]] = {
    "add": (
        "factcheck.cli.claims",
        "Add articles and store their claims: URLs, .html, .pdf, .txt, .md, or - for stdin.",
    ),
    "add-claim": (
        "factcheck.cli.claim_spans",
        "Make a claim the splitter missed from the document's text between two offsets.",
    ),
    "assign": (
        "factcheck.cli.team",
        "Assign documents to a reviewer (or unassign them with --none).",
    ),
    "document": (
        "factcheck.cli.documents",
        "Show a document's metadata, text length and claim counts per status.",
    ),
    "documents": (
        "factcheck.cli.claims",
        "List the documents with their claim counts per status, assignee and, under\n"
        "    each, every reviewer's share (see `factcheck status` for the editor's view).",
    ),
    "edit-span": (
        "factcheck.cli.claim_spans",
        "Give a claim a new span; it keeps its id and verdicts, the old span its history.",
    ),
    "export": (
        "factcheck.cli.reports",
        "Write a verdict report: markdown, html, json, csv or claimreview.",
    ),
    "import": (
        "factcheck.cli.reports",
        "Merge a JSON report (from `factcheck export --format json`) into this database.",
    ),
    "import-claimreview": (
        "factcheck.cli.evidence",
        "Import published fact-checks (ClaimReview JSON-LD, or ClaimsKG-style CSV).",
    ),
    "list": ("factcheck.cli.claims", "List claims in document order."),
    "mark": (
        "factcheck.cli.claims",
        "Record a verdict (supported, disputed, unverified, dismissed) on one or more claims.",
    ),
    "match": (
        "factcheck.cli.evidence",
        "Suggest evidence for claims and store it (see it with `show`, cite it with `mark`).",
    ),
    "refs": (
        "factcheck.cli.evidence",
        "The local reference library: passages that evidence is drawn from.",
    ),
    "review": (
        "factcheck.cli.review_command",
        "Review a document's claims: one key per verdict, saved at once.",
    ),
    "search": (
        "factcheck.cli.evidence",
        "Search the evidence sources for any text, without storing anything.",
    ),
    "serve": (
        "factcheck.cli.serve_command",
        "Serve the review screen to browsers: several reviewers, one claims.db.",
    ),
    "show": (
        "factcheck.cli.claims",
        "Show a claim in its sentence, its status and its verdict history.",
    ),
    "split": (
        "factcheck.cli.claims",
        "Show the claims found in a text file (or - for stdin) without storing anything.",
    ),
    "status": (
        "factcheck.cli.team",
        "Progress for the editor: per document and per reviewer, decided and left,\n"
        "    disputed, last activity.",
    ),
}
"""Command name -> (module that registers it, first paragraph of its docstring). The
summary is what `factcheck --help` lists; a test checks it against the docstring."""

STATUS_CHOICE = click.Choice([s.value for s in Status], case_sensitive=False)
REPORT_STATUS_CHOICE = click.Choice([s.value for s in SHOWN_STATUSES], case_sensitive=False)
"""Statuses a report can be limited to: dismissed claims are never in reports."""
KIND_CHOICE = click.Choice([k.value for k in ClaimKind], case_sensitive=False)


def format_option(*choices: str, default: str | None = None) -> Callable[[F], F]:
    """The `--format` option every listing command takes; the first choice is the default."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices), case_sensitive=False),
        default=default or choices[0],
        show_default=True,
        help="Output format.",
    )


class Desk:
    """What every command needs: the configuration and, opened on first use, the store."""

    def __init__(self, config_path: str | None, db_path: str | None) -> None:
        self._config_path = config_path
        self._db_path = db_path
        self._config: Config | None = None
        self._store: Store | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            from factcheck.config import load_config

            self._config = load_config(self._config_path)
        return self._config

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = self.open_store(timeout=self.config.store.timeout)
        return self._store

    @property
    def scored_store(self) -> Store:
        """`store` with every score final: what a command that shows or uses claims'
        scores reads (`add` leaves them pending; see `finish_scores`)."""
        store = self.store
        finish_scores(store)
        return store

    def open_store(self, *, timeout: float) -> Store:
        """A new connection to the database in use; see `open_store`."""
        return open_store(self.config, self._db_path, timeout=timeout)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def open_store(config: Config, db_path: str | None, *, timeout: float) -> Store:
    """Open the database `--db`/`$FACTCHECK_DB`/`[store] path` names (`db_path` is
    `--db`). When that creates it, say so on stderr, with its full path and what
    chose it: a mistyped path or an unexpected working directory then shows at once,
    instead of verdicts going into a new, empty database unnoticed."""
    from factcheck.store import Store

    path = config.database_path(db_path)
    try:
        new = not path.exists() or (path.is_file() and path.stat().st_size == 0)
    except OSError:
        new = False  # Store itself says what is wrong with the path
    store = Store(path, timeout=timeout)
    if new:
        echo(
            f"created a new database {path.resolve()} ({config.database_origin(db_path)})",
            err=True,
        )
    return store


PROGRESS_BAR_FROM = 4
"""Inputs (`add`) or pending documents (`finish_scores`) from which a terminal gets a bar."""


def finish_scores(store: Store) -> int:
    """Finish the scores `add` left pending before a command reads them
    (`ingest.pending_scores`), with a bar on a terminal when there are several
    documents. Nothing pending (one indexed lookup) imports nothing more."""
    if not store.has_pending_scores():
        return 0
    from factcheck.ingest.pending_scores import finish_pending_scores

    count = len(store.pending_score_documents())
    show_bar = count >= PROGRESS_BAR_FROM and is_terminal(sys.stderr)
    with click.progressbar(
        length=count, label="scoring added documents", file=sys.stderr, hidden=not show_bar
    ) as progress:
        return finish_pending_scores(store, on_document=lambda _: progress.update(1))


def is_terminal(stream: Any) -> bool:
    """Whether `stream` is a terminal (a progress bar is for people watching one)."""
    return bool(getattr(stream, "isatty", lambda: False)())


class LazyGroup(click.Group):
    """A group whose commands are imported when used, from `COMMANDS` (click's
    documented lazy-loading pattern); commands registered directly still work."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(COMMANDS[cmd_name][0])  # registers it on `cli`
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of `--help`, from the summaries: no command module imported."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in self.commands:
                summary = self.commands[name].get_short_help_str(limit)
            else:
                # click's own shortening, on a stand-in holding the summary
                summary = click.Command(name, help=COMMANDS[name][1]).get_short_help_str(limit)
            rows.append((name, summary))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


class FactcheckGroup(LazyGroup):
    """Turns user errors raised anywhere below into click's one-line error, exit 1.

    Every error message is made printable first: it often quotes a title, a file name
    or an argument, and click prints it as it is.
    """

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as error:
            raise _printable_error(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FactcheckError as error:
            raise click.ClickException(printable(str(error))) from None
        except sqlite3.Error as error:
            from factcheck.store import describe_sqlite_error

            desk = ctx.find_object(Desk)
            path = desk.config.database_path(desk._db_path) if desk else Path("claims.db")
            message = str(describe_sqlite_error(error, path))
            raise click.ClickException(printable(message)) from None
        except OSError as error:  # a path in a folder we may not read, a full disk...
            if error.errno == errno.EPIPE:
                raise  # `| head` closed the pipe: click exits quietly
            raise click.ClickException(printable(describe_os_error(error))) from None
        except click.ClickException as error:  # usage errors quote the arguments given
            raise _printable_error(error) from None


def _printable_error(error: click.ClickException) -> click.ClickException:
    """The same error (its class shows the usage and hints) with a printable message.

    click declares `message` Final; it is replaced here, before anything shows it,
    because a fresh exception of the same class would lose the context it was given.
    """
    error.message = printable(error.message)  # type: ignore[misc]
    return error


def describe_os_error(error: OSError) -> str:
    """`cannot read notes/a.txt: Permission denied`: the file and the reason, one line."""
    reason = error.strerror or str(error) or type(error).__name__
    if error.filename is None:
        return f"cannot read or write: {reason}"
    name = os.fsdecode(error.filename) if isinstance(error.filename, bytes) else error.filename
    return f"cannot use {name}: {reason}"


@click.group(cls=FactcheckGroup)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=True),
    callback=refuse_empty_path,
    help="The claims database (default: $FACTCHECK_DB, else [store] path in config.toml).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=True),
    callback=refuse_empty_path,
    help="config.toml to read (default: $FACTCHECK_CONFIG, else ./config.toml).",
)
@click.version_option(package_name="factcheck")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, config_path: str | None) -> None:
    """A fact-checking desk in the terminal.

    Add an article, list its checkable claims, and record a verdict on each.

    Example:

        factcheck add seeds/xi-lee-call.txt && factcheck list --status=unverified
    """
    sanitise_library_logs()
    desk = Desk(config_path, db_path)
    ctx.obj = desk
    ctx.call_on_close(desk.close)


def main() -> None:
    """Console-script entry point: the last net under every command.

    Known failures are one-line errors already (`FactcheckGroup`). What is left is a
    bug: it is still one line (with a hint to report it) and exit 1, never a traceback
    over a reporter's screen. Output that cannot be written (a full disk behind
    `export > file`) is reported the same way instead of a shutdown traceback.
    """
    for stream in (sys.stdout, sys.stderr):  # never fail on text that is not UTF-8
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        cli.main(prog_name="factcheck", standalone_mode=True)
    except SystemExit as done:
        _flush_stdout()
        _exit_without_teardown(done.code)
        raise done from None
    except Exception as error:
        _flush_stdout()
        message = str(error).splitlines()[0][:200] if str(error) else ""
        echo(
            f"Error: unexpected {type(error).__name__}: {message} (this is a bug in factcheck;"
            " please report it with the command you ran)",
            err=True,
        )
        sys.exit(1)


def _exit_without_teardown(code: object) -> None:
    """End the process now, skipping the interpreter's teardown, when that is safe.

    A command is done here: its output is flushed and its database closed (click closes
    the context, hence `Desk.close`, before it raises SystemExit). What is left is
    freeing every object and module one by one, and for a process that scored text,
    tearing down numpy and the onnxruntime session: ~20% of the CPU of a one-file
    `factcheck add` (bench/RESULTS.md, session 22), memory the OS takes back at once
    anyway. The exit handlers still run (`atexit`: logging flushes its files), and the
    ordinary exit is kept when another thread still runs (the interpreter would wait for
    it), when a profiler or tracer watches the process (`python -m cProfile -m factcheck`,
    coverage: they write their results after the command returns), when the code is not a
    number, or when a stream cannot be flushed (the interpreter reports that)."""
    if code is not None and not isinstance(code, int):
        return
    if threading.active_count() > 1:
        return
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return  # a profiler or coverage tool writes its results after the command
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code or 0)


def _flush_stdout() -> None:
    """Flush stdout now, so a write error is reported here rather than at shutdown."""
    try:
        sys.stdout.flush()
    except OSError as error:
        # Point stdout at /dev/null so the interpreter's own flush at exit is quiet.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        if not isinstance(error, BrokenPipeError):  # `| head` closing early is fine
            echo(f"Error: cannot write the output: {error.strerror or error}", err=True)
        sys.exit(1)
