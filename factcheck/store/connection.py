"""The connection to claims.db: opening, checking, migrating, and write transactions.

Design choices that every other store module relies on:

- WAL mode and a busy timeout, so a reviewer in the TUI and a script running
  `factcheck mark` can share one file; writes take `BEGIN IMMEDIATE` so two writers
  queue on the lock instead of failing half-way.
- Each write is one transaction (`StoreBase.write`): a document and all its claims
  land together or not at all; a batch of verdicts is all-or-nothing.
- The schema version lives in `PRAGMA user_version`; `schema.MIGRATIONS[n]` upgrades
  a database from version n to n + 1, so an older claims.db opens and upgrades.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from factcheck.errors import NotFoundError, StoreError, StoreLocked
from factcheck.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

_SQLITE_HEADER = b"SQLite format 3\x00"

_OPEN_HERE: Counter[Path] = Counter()
"""Database files this process holds open, by resolved path. Their header is not read
again: closing any file descriptor on a file drops every POSIX lock the process holds
on it, SQLite's included, and another process closing its connection would then take
the file as unused and delete the WAL the open connections still write to."""


SQLITE_MAX_INTEGER = 2**63 - 1
"""The largest integer SQLite stores; a larger id cannot name a row."""


def storable_id(value: int, kind: str) -> int:
    """`value` if SQLite can bind it as an id, else the `NotFoundError` it would earn
    (binding 10**30 raises OverflowError deep in sqlite3)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 0 <= value <= SQLITE_MAX_INTEGER
    ):
        raise NotFoundError(f"no {kind} with id {str(value)[:24]}")
    return value


def utc_now() -> str:
    """A timestamp for the database: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class StoreBase:
    """An open claims.db; the mixins in this package add the queries."""

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._open = False
        if not str(path):
            raise StoreError("the database path is empty")
        try:
            self._key = self.path.resolve()
            if not _OPEN_HERE[self._key]:
                self._check_path()
        except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop (3.11, 3.12)
            raise StoreError(f"cannot open database {self.path}: {_os_reason(error)}") from None
        try:
            conn = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open database {self.path}: {error}") from None
        self.conn = conn
        """The plain connection: read-only hot paths use it directly (sqlite-utils 4.2's
        `query` wraps each SELECT in a SAVEPOINT)."""
        self._db: sqlite_utils.Database | None = None
        try:
            self._refuse_newer_schema()
            self._configure()
            self._migrate()
        except sqlite3.DatabaseError as error:
            conn.close()
            raise describe_sqlite_error(error, self.path) from None
        except StoreError:
            conn.close()
            raise
        _OPEN_HERE[self._key] += 1
        self._open = True

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, made on first use: importing it (and
        the numpy it picks up when installed) costs more than a read-only command's
        whole run, so `factcheck list` never does."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def query(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows as dicts, like sqlite-utils' `Database.query` but over the plain cursor:
        no SAVEPOINT around each SELECT, and no sqlite-utils import for readers."""
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    # -- opening ---------------------------------------------------------------

    def _check_path(self) -> None:
        if self.path.is_dir():
            raise StoreError(f"database path {self.path} is a directory")
        if self.path.exists() and not self.path.is_file():  # a FIFO would block forever
            raise StoreError(f"database path {self.path} is not a regular file")
        if self.path.exists() and self.path.stat().st_size > 0:
            with self.path.open("rb") as handle:
                header = handle.read(len(_SQLITE_HEADER))
            if header != _SQLITE_HEADER:
                raise StoreError(f"{self.path} is not a SQLite database (left untouched)")
        elif not self.path.parent.exists():
            raise StoreError(f"folder {self.path.parent} does not exist for database {self.path}")

    def _refuse_newer_schema(self) -> None:
        """Refuse, before anything is written, a database a newer factcheck made.

        Its tables may mean things this version does not know (a new column the
        verdict in force depends on): reading could mislead and writing could corrupt.
        """
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path.name} was written by a newer factcheck (schema {version});"
                " upgrade factcheck"
            )

    def _configure(self) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        # What sqlite_utils.Database sets on a connection, set here because `db` is
        # made lazily and triggers must behave the same whichever path writes.
        conn.execute("PRAGMA recursive_triggers = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            with self.db.ensure_autocommit_on():
                conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # The page cache stays at SQLite's 2 MB default: 16 and 64 MB made neither the
        # 900k-claim listing nor the prior lookup faster, only the process bigger
        # (bench/RESULTS.md, "scale").

    def _migrate(self) -> None:
        if self.schema_version() >= SCHEMA_VERSION:
            return
        with self.write():
            version = self.schema_version()  # another process may have migrated meanwhile
            for step in MIGRATIONS[version:]:
                step(self.db)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        if self._open:
            self._optimize()
        self.conn.close()
        if self._open:
            self._open = False
            _OPEN_HERE[self._key] -= 1

    def _optimize(self) -> None:
        """`PRAGMA optimize` as SQLite advises on closing: it runs ANALYZE (on a sample,
        `analysis_limit`) only for tables this connection's queries would plan better
        with fresh statistics, so it is nearly always a no-op. It never waits for a
        lock and never fails a command: statistics are a hint, not data."""
        if self.conn.in_transaction:
            return
        try:
            self.conn.execute("PRAGMA busy_timeout = 0")
            self.conn.execute("PRAGMA analysis_limit = 1000")
            self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction, taking the write lock up front (BEGIN IMMEDIATE).

        Taking the lock first means a concurrent writer waits for the busy timeout
        instead of failing when it upgrades a read lock. Nested calls join the outer
        transaction. A SQLite error inside (a read-only file, a full disk) rolls back
        and comes out as a `StoreError` with the line a user should read.
        """
        db = self.db
        with self.transaction():
            yield db

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every read inside sees the database as it was at the
        first one (WAL), so a report streamed in many reads cannot mix a verdict
        recorded mid-export with totals counted before it. Nested calls join."""
        conn = self.conn
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN DEFERRED")
        try:
            yield conn
        finally:
            _rollback(conn)  # nothing was written: ending the read is all it does

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """`write()` over the plain connection, for hot write paths that need nothing of
        sqlite-utils (`add_document`: a script adding files one process at a time)."""
        conn = self.conn
        if conn.in_transaction:
            yield conn
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise describe_sqlite_error(error, self.path) from None
        try:
            yield conn
        except sqlite3.Error as error:
            _rollback(conn)
            raise describe_sqlite_error(error, self.path) from None
        except BaseException:
            _rollback(conn)
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as error:  # e.g. the disk filled up while committing
            _rollback(conn)
            raise describe_sqlite_error(error, self.path) from None


def _os_reason(error: OSError | RuntimeError) -> str:
    """The reason in an OS error, without the path the message already names."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open.

    SQLite rolls back by itself after some errors (a full disk, an I/O error); a
    second ROLLBACK would then fail with "no transaction is active" and hide the
    error the user needs to read.
    """
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


_LOCK_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
"""Primary result codes of "another connection holds the lock" (SQLITE_BUSY_SNAPSHOT and
the other extended codes share their low byte)."""


def _is_lock_error(error: sqlite3.Error) -> bool:
    """Whether SQLite refused because another connection holds the lock, by its result
    code (the message is for people and may change)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _LOCK_CODES


def describe_sqlite_error(error: sqlite3.Error, path: Path) -> StoreError:
    """Turn a sqlite3 error into the one line a user should read: a `StoreLocked` when
    another process holds the lock (worth retrying), a `StoreError` otherwise."""
    if _is_lock_error(error):
        return StoreLocked(f"database {path} is locked by another process; try again in a moment")
    message = str(error)
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return StoreError(f"database {path} is corrupt or not SQLite ({message}); left untouched")
    if "readonly" in message or "read-only" in message:
        return StoreError(f"database {path} is read-only")
    if "disk is full" in message or "disk I/O" in message:
        return StoreError(f"database {path}: {message}; nothing was written")
    return StoreError(f"database {path}: {message}")
