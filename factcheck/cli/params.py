"""Click parameter types that validate untrusted command-line values once.

`ROW_ID` bounds every id to what SQLite can store (an id of 10**30 would otherwise
end in OverflowError deep in sqlite3); `TEXT` refuses arguments that are not valid
UTF-8 (`--note $'\\xff'` reaches Python as a lone surrogate, which cannot be stored);
`DOCUMENT_OR_FILE` is `review`/`serve`'s target: an id held to `ROW_ID`'s rule, or a path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


class RowId(click.ParamType[int]):
    """A database id: a whole number up to 2**63 - 1 (0 passes, to be "not found")."""

    name = "id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip()
            if not (text.isascii() and text.isdigit()) or len(text) > 19:
                self.fail(f"{_shown(text)} is not an id (a whole number)", param, ctx)
            number = int(text)
        # imported here: the group's own options use this module, and `--help` should
        # not load the store package
        from factcheck.store.connection import SQLITE_MAX_INTEGER

        if not 0 <= number <= SQLITE_MAX_INTEGER:
            self.fail(f"{_shown(str(number))} is out of range (ids go up to 2**63-1)", param, ctx)
        return number


class Text(click.ParamType[str]):
    """Free text (a note, a title, a URL) that must be valid UTF-8."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from factcheck.store.text import has_surrogates

        text = str(value)
        if has_surrogates(text):
            self.fail("is not valid UTF-8 text (check the terminal's encoding)", param, ctx)
        return text


def _shown(text: str) -> str:
    visible = text.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
    return repr(visible if len(visible) <= 24 else visible[:20] + "...")


class DocumentOrFile(click.ParamType[str]):
    """A review target: a document id (checked like `ROW_ID`) or a file or URL (as given).

    Digits that name no file are an id, as `factcheck.desk.session.resolve_review_target`
    reads them; out of range they are refused here, like every other id argument.
    """

    name = "DOC_ID|FILE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if text.strip().isdigit() and text.strip().isascii() and not Path(text).exists():
            ROW_ID.convert(text, param, ctx)
        return text


ROW_ID = RowId()
TEXT = Text()
DOCUMENT_OR_FILE = DocumentOrFile()


def refuse_empty_path(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--db ''` is a mistake (an unset variable), not a request for the default."""
    if value is not None and not value.strip():
        raise click.BadParameter("is empty; give a file path or leave the option out", ctx, param)
    return value
