"""The `factcheck` command: click commands that parse flags and call the core.

Nothing here decides anything: reading input is `factcheck.ingest`, splitting is
`factcheck.splitter`, storage is `factcheck.store`. Every command's docstring is its
`--help` and carries an example. User errors (`FactcheckError`, SQLite trouble) become
one line on stderr and exit status 1; click's own usage errors exit 2.

This module holds the group and what every command shares (`Desk`); the commands live
one module per area (`claims.py`, ...), each registering on `cli` when imported below.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from factcheck.cli.output import echo, sanitise_library_logs
from factcheck.cli.params import refuse_empty_path
from factcheck.config import Config, load_config
from factcheck.errors import FactcheckError
from factcheck.models import ClaimKind, Status
from factcheck.store import Store, describe_sqlite_error
from factcheck.terminal_text import printable

F = TypeVar("F", bound=Callable[..., Any])

STATUS_CHOICE = click.Choice([s.value for s in Status], case_sensitive=False)
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
            self._config = load_config(self._config_path)
        return self._config

    @property
    def store(self) -> Store:
        if self._store is None:
            config = self.config
            self._store = Store(config.database_path(self._db_path), timeout=config.store.timeout)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


class FactcheckGroup(click.Group):
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
    error.message = printable(error.message)
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


# Importing a command module registers its commands on `cli`.
from factcheck.cli import claims, documents, evidence, reports, review, serve, team  # noqa: E402, F401
