"""Reading a user's file or stdin with a size cap: the one way factcheck reads local input.

`add /dev/zero` or `yes | factcheck add -` would otherwise grow without end, and
opening a FIFO waits for a writer that may never come. So a path must lead to a
regular file (devices, FIFOs, sockets and folders are refused in one line), and at
most `[ingest] max_megabytes` are read from it or from stdin. Articles, reference
files, fact-check feeds, JSON reports and config.toml are all read through here.

A .jsonl reference corpus is the one input read as a stream rather than whole (it can
be a million passages): `capped_lines` reads it a line at a time, each line capped at
`[ingest] max_megabytes` (one passage is one document) and the whole file at
`[ingest] max_corpus_megabytes`, so no read is unbounded there either.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from factcheck.errors import FactcheckError, InputError

__all__ = [
    "DEFAULT_MAX_CORPUS_MEGABYTES",
    "DEFAULT_MAX_MEGABYTES",
    "capped_lines",
    "open_regular_file",
    "read_capped",
    "read_stream_capped",
]

DEFAULT_MAX_MEGABYTES = 20.0
"""`[ingest] max_megabytes` when config.toml does not set it."""
DEFAULT_MAX_CORPUS_MEGABYTES = 2000.0
"""`[ingest] max_corpus_megabytes` when config.toml does not set it: a streamed .jsonl
reference corpus (a million passages is a few hundred MB)."""
_CHUNK = 1 << 20


def read_capped(
    path: str | os.PathLike[str],
    *,
    max_megabytes: float = DEFAULT_MAX_MEGABYTES,
    error: type[FactcheckError] = InputError,
    setting: str = "[ingest] max_megabytes",
) -> bytes:
    """The bytes of the regular file at `path`, at most `max_megabytes`, else `error`.

    The file is opened without blocking and checked on the open descriptor, so a FIFO
    swapped in after a check cannot hang the read.
    """
    cap = int(max_megabytes * 1_000_000)
    with open_regular_file(path, error=error) as handle:
        try:
            data = handle.read(cap + 1)
        except OSError as failure:
            raise error(f"cannot read {path}: {failure.strerror or failure}") from None
    if len(data) > cap:
        raise error(_too_big(str(Path(path)), max_megabytes, setting))
    return data


@contextlib.contextmanager
def open_regular_file(
    path: str | os.PathLike[str], *, error: type[FactcheckError] = InputError
) -> Iterator[BinaryIO]:
    """The regular file at `path` opened for binary reading, else `error` in one line.

    The file is opened without blocking and checked on the open descriptor, so a FIFO
    swapped in after a check cannot hang the read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"no such file: {path}") from None
    except IsADirectoryError:
        raise error(f"{path} is a directory, not a file") from None
    except OSError as failure:
        raise error(f"cannot read {path}: {failure.strerror or failure}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise error(f"{path} is a directory, not a file")
        raise error(
            f"{path} is not a regular file (a device, FIFO or socket):"
            " save its contents to a file, or pipe them to - for stdin"
        )
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as handle:
        yield handle


def capped_lines(
    handle: BinaryIO,
    *,
    name: str,
    max_line_megabytes: float = DEFAULT_MAX_MEGABYTES,
    max_total_megabytes: float = DEFAULT_MAX_CORPUS_MEGABYTES,
) -> Iterator[bytes]:
    """The raw lines of `handle` (each with its b"\\n"), never holding more than one
    line of at most `max_line_megabytes`, nor reading past `max_total_megabytes`:
    either limit passed is an `InputError`, raised before the excess is read."""
    line_cap = int(max_line_megabytes * 1_000_000)
    total_cap = int(max_total_megabytes * 1_000_000)
    total = 0
    number = 0
    while True:
        try:
            raw = handle.readline(line_cap + 1)
        except OSError as failure:
            raise InputError(f"cannot read {name}: {failure.strerror or failure}") from None
        if not raw:
            return
        number += 1
        total += len(raw)
        if total > total_cap:
            raise InputError(_too_big(name, max_total_megabytes, "[ingest] max_corpus_megabytes"))
        if len(raw) > line_cap:
            raise InputError(
                f"{name}:{number}: a line longer than {max_line_megabytes:g} MB, too big to"
                " read ([ingest] max_megabytes)"
            )
        yield raw


def read_stream_capped(
    stream: BinaryIO, *, name: str = "stdin", max_megabytes: float = DEFAULT_MAX_MEGABYTES
) -> bytes:
    """Everything on `stream` (stdin) up to `max_megabytes`; more is an `InputError`."""
    cap = int(max_megabytes * 1_000_000)
    data = bytearray()
    while len(data) <= cap:
        chunk = stream.read(min(_CHUNK, cap + 1 - len(data)))
        if not chunk:
            return bytes(data)
        data.extend(chunk)
    raise InputError(_too_big(name, max_megabytes, "[ingest] max_megabytes"))


def _too_big(name: str, max_megabytes: float, setting: str) -> str:
    return f"{name} is larger than {max_megabytes:g} MB, too big to read ({setting})"
