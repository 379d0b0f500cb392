"""Writing a report to the path `factcheck export -o` names, without clobbering odd files.

A regular file (or a new path) is written to a temporary file beside it and renamed
into place, so a failure never leaves half a report. Anything else is written
straight through, as `cat > PATH` would: a FIFO, `/dev/stdout`, a terminal or other
character device must stay what it is, not be replaced by a regular file (a block
device, a disk, is refused). A symlink
is followed: its target gets the new report (atomically, beside the target) and the
link stays a link.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factcheck.errors import InputError

__all__ = ["write_report_file"]


def write_report_file(path: str | os.PathLike[str], text: str | Iterable[str]) -> None:
    """Write `text` (UTF-8; a string, or pieces of a streamed report written as they
    come) to `path` as described above; problems are `InputError`s."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode  # follows symlinks: what the path leads to
    except FileNotFoundError:
        mode = None  # a new file, or a link to one that does not exist yet
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError(f"{path} is a directory")
    if mode is not None and stat.S_ISBLK(mode):  # a disk: surely a slip of the keyboard
        raise InputError(f"{path} is a block device (a disk): not writing a report over it")
    if mode is not None and not stat.S_ISREG(mode):
        _write_through(path, text)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    _write_atomically(target, text, shown=path, keep_mode=mode)


def _write_pieces(handle: Any, text: str | Iterable[str]) -> None:
    if isinstance(text, str):
        handle.write(text)
        return
    for piece in text:
        handle.write(piece)


def _write_through(path: Path, text: str | Iterable[str]) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            _write_pieces(handle, text)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None


def _write_atomically(
    path: Path, text: str | Iterable[str], *, shown: Path, keep_mode: int | None
) -> None:
    """Write via a temporary file in `path`'s folder, renamed over `path`."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"folder {shown.parent} does not exist for {shown}")
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="", dir=folder, prefix=f".{path.name}.", delete=False
        ) as handle:
            temporary = handle.name
            _write_pieces(handle, text)
        # mkstemp makes files 0600: keep a replaced file's mode, else the umask's default
        mode = stat.S_IMODE(keep_mode) if keep_mode is not None else 0o666 & ~_current_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise InputError(f"cannot write {shown}: {error.strerror}") from None
    except BaseException:
        # a streamed report failed while being written (a read error, Ctrl-C): the
        # old file stays, and no half report is left beside it
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise


def _current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
