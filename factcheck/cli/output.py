"""Everything the CLI prints goes through `echo`: untrusted text never drives the terminal.

Titles, claims, notes, URLs, file names and error messages come from articles and
imports that may be hostile, so `echo` passes every part through
`factcheck.untrusted.terminal_text.printable` (control characters shown as ␛, ␇, `\\x9b`...).
Our own emphasis is a `Styled` part: its text is made printable first and the style
added after, so the only escape codes that reach the terminal are ours. JSON output
goes through `factcheck.untrusted.safe_json.dumps`, which escapes the same characters inside
strings so the data parse the same. `tests/unit/security/test_terminal_output.py`
fails when a command module calls `click.echo` directly.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import click

from factcheck.text.wording import plural  # in the core: the TUI words counts the same
from factcheck.untrusted import safe_json
from factcheck.untrusted.terminal_text import printable

__all__ = [
    "Line",
    "Styled",
    "echo",
    "echo_json",
    "echo_json_text",
    "echo_stream",
    "echo_warning",
    "folded",
    "plural",
    "printable",
    "sanitise_library_logs",
    "styled",
]


@dataclass(frozen=True)
class Styled:
    """A part of a line shown with a click style (bold, underline, colour)."""

    text: str
    style: dict[str, Any] = field(default_factory=dict)


Part = str | Styled
Line = tuple[Part, ...]
"""A printed line as parts, so styles can be added after the text is made safe."""


def styled(text: str, **style: Any) -> Styled:
    """`text` to be shown with `click.style(**style)` once it is printable."""
    return Styled(text, style)


def render(*parts: Part) -> str:
    """The parts joined, each made printable, styles applied."""
    return "".join(
        click.style(printable(part.text), **part.style)
        if isinstance(part, Styled)
        else printable(part)
        for part in parts
    )


def echo(*parts: Part, err: bool = False, nl: bool = True) -> None:
    """Print the parts as one line (stderr with `err`); the CLI's only way to print."""
    click.echo(render(*parts), err=err, nl=nl)


def echo_warning(message: str) -> None:
    """One warning line on stderr, as every command words it: "warning: MESSAGE"."""
    echo(f"warning: {message}", err=True)


def echo_stream(
    pieces: Iterable[str], *, batch_chars: int = 1 << 18, already_printable: bool = False
) -> None:
    """Print a streamed text (a report: ~100k pieces, tens of MB) as `echo(piece,
    nl=False)` for each piece would, in batches of about `batch_chars`: click flushes
    the stream (and scans for ANSI codes) on every call. Each piece is made printable
    alone, as before; a printable piece holds no escape or carriage return, so joining
    them changes nothing. With `already_printable` (a renderer that made every piece
    printable itself, `factcheck.export.TERMINAL_SAFE_FORMATS`) they are not scanned
    again, by us or by click (`color=True`: click's ANSI stripping, run when stdout is
    not a terminal, has no escape to remove from printable text)."""
    batch: list[str] = []
    size = 0
    color = True if already_printable else None
    for piece in pieces:
        text = piece if already_printable else printable(piece)
        batch.append(text)
        size += len(text)
        if size >= batch_chars:
            click.echo("".join(batch), nl=False, color=color)
            batch, size = [], 0
    if batch:
        click.echo("".join(batch), nl=False, color=color)


def echo_json(data: Any) -> None:
    """Print data as indented JSON with unsafe characters escaped (parses the same)."""
    click.echo(safe_json.dumps(data))


def echo_json_text(text: str) -> None:
    """Print a piece of JSON text as written (no newline added), unsafe characters
    escaped as `echo_json` escapes them: for JSON streamed a chunk at a time."""
    click.echo(safe_json.escape(text), nl=False)


def folded(text: str, *, start: bool = True, end: bool = True) -> str:
    """Whitespace runs folded to one space, for a passage shown on one line.

    `start=False` / `end=False` keep one outer space where this part joins a styled
    neighbour, so "said  *4 percent*" does not print as "said4 percent".
    """
    result = " ".join(text.split())
    if result and not start and text[:1].isspace():
        result = " " + result
    if result and not end and text[-1:].isspace():
        result += " "
    return result


class _PrintableRecords(logging.Filter):
    """Makes a log record's message printable before a handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = printable(record.getMessage())
        record.args = None
        return True


def sanitise_library_logs() -> None:
    """Library warnings (trafilatura, pypdf, httpx) quote pages too: show them safely.

    With no logging configured, Python prints warnings through `logging.lastResort`;
    a filter there makes each message printable. Idempotent.
    """
    handler = logging.lastResort
    if handler is not None and not any(isinstance(f, _PrintableRecords) for f in handler.filters):
        handler.addFilter(_PrintableRecords())
