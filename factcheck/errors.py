"""Errors a user can cause and should read as one line.

Every layer raises a `FactcheckError` subclass for bad input; the CLI prints its
message and exits 1, the TUI shows it as a notification. Anything else is a bug.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class: the message is the one line the user sees."""


class InputError(FactcheckError):
    """An article or other input file cannot be read as text."""


class ConfigError(FactcheckError):
    """config.toml is broken: bad TOML, an unknown key or a wrong type."""


class StoreError(FactcheckError):
    """claims.db cannot be opened or written (not SQLite, locked, a directory)."""


class StoreLocked(StoreError):
    """Another process holds claims.db's lock past the busy timeout.

    A passing condition, unlike the other `StoreError`s (a read-only file, a full
    disk): the same write will succeed in a moment, so callers that can wait (the
    review screen's verdict queue) retry soon, and tell it by this type.
    """


class NotFoundError(FactcheckError):
    """A document or claim id that is not in the database."""


class SourceUnavailable(FactcheckError):
    """An evidence source cannot answer now (Wikipedia offline or rate-limiting).

    Reviewing goes on with the other sources; the user sees this message once.
    """
