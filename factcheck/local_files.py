"""Reading a user's file or stdin with a size cap: the one way factcheck reads local input.

`add /dev/zero` or `yes | factcheck add -` would otherwise grow without end, and
opening a FIFO waits for a writer that may never come. So a path must lead to a
regular file (devices, FIFOs, sockets and folders are refused in one line), and at
most `[ingest] max_megabytes` are read from it or from stdin. Articles, reference
files, fact-check feeds, JSON reports and config.toml are all read through here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from factcheck.errors import FactcheckError, InputError

__all__ = ["DEFAULT_MAX_MEGABYTES", "read_capped", "read_stream_capped"]

DEFAULT_MAX_MEGABYTES = 20.0
"""`[ingest] max_megabytes` when config.toml does not set it."""
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
        try:
            data = handle.read(cap + 1)
        except OSError as failure:
            raise error(f"cannot read {path}: {failure.strerror or failure}") from None
    if len(data) > cap:
        raise error(_too_big(str(Path(path)), max_megabytes, setting))
    return data


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
