"""The local reference library: passages indexed with FTS5 inside claims.db.

Called by `factcheck refs add|list|remove` and by the local evidence source
(`sources.local`) for recall. A file's passages are
replaced as a whole when the file is added again, in one transaction, so a library
never holds half a file or the same file twice.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError, NotFoundError, StoreError
from factcheck.store import impact_index
from factcheck.store.connection import StoreBase, utc_now
from factcheck.store.text import clean_text
from factcheck.text.vectors import default_vectors
from factcheck.text.words import TermStats, content_stems

if TYPE_CHECKING:
    from factcheck.text.passage_terms import PassageTerms

_BATCH = 2000
"""Rows per executemany batch; also how often the progress callback fires."""
TITLE_WEIGHT = impact_index.TITLE_WEIGHT
"""FTS5 bm25 weight of the title column against 1.0 for the text: a claim naming a
page's subject ("Gandhi") should lift that page's sentences that never repeat it. One
value with the impact index's, so both recalls weigh a title alike."""


STEM_UPSERT = (
    "INSERT INTO reference_stems (stem, documents, occurrences) VALUES (?, ?, ?)"
    " ON CONFLICT (stem) DO UPDATE SET documents = documents + excluded.documents,"
    " occurrences = occurrences + excluded.occurrences"
)
"""Adds (or, with negative counts, subtracts) `stem_counts` rows to `reference_stems`."""


def stem_counts(passages: Iterable[Sequence[str]], *, sign: int = 1) -> list[tuple[str, int, int]]:
    """(stem, passages holding it, occurrences) for (title, text) pairs, the totals
    under stem ''; `sign=-1` for passages being removed. A file import counts its
    passages with `text.passage_terms.PassageTerms` instead, which gives these rows."""
    documents: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    pairs = iter(passages)
    while every := [content_stems(f"{title} {text}") for title, text in islice(pairs, _BATCH)]:
        # Counter.update counts a plain iterable in C (a Mapping goes through a
        # Python loop): one call a batch of passages, not one a passage
        occurrences.update(chain.from_iterable(every))
        documents.update(chain.from_iterable(map(set, every)))
        documents[""] += len(every)
        occurrences[""] += sum(map(len, every))
    return [(stem, sign * count, sign * occurrences[stem]) for stem, count in documents.items()]


CACHE_WAIT_MS = 250
"""How long caching a built impact index waits for another writer's lock before the
recall goes on with the index in memory (a suggestion must not stall on a lock)."""

IMPACT_MAX_PASSAGES = 250_000
"""The largest library recalled by the impact index; a larger one recalls with FTS5.
Building the index holds every (stem, passage) pair in memory at once (+228 MB peak at
100k passages, bench/RESULTS.md "Session 24, impact"), which at a million passages
would be gigabytes; FTS5 answers from disk at any size."""

LISTS_READ = 4096
"""Stems whose impact lists and counts a connection keeps once read (`_library_reads`):
about a desk's vocabulary; a list is at most ~12 KB (`KEEP` long), ~1 MB for typical
stems together."""

PASSAGE_ROWS = 8192
"""Recalled passages whose rows (`ranked_hits`: text, title, vectors, kept stems) a
connection keeps once read, the least recently recalled dropped first: a suggestion
reads its 30 candidates' rows, and reading them cost more than any other step of the
recall (bench/RESULTS.md, session 28). ~1.5 KB a row, so at most ~12 MB; the 300
bench claims recall 5,754 distinct passages of the 54,623, 1,687 claims 14,380."""

SENTENCE_ENCODER_KEY = "sentence_encoder"
"""The `store_meta` key naming the model every stored `sentence_vector` was made by
(`sentence_encoder.encoder_identity`). Reads serve a passage's vector only while it
names the shipped model (`_SENTENCE_VECTOR`, checked in the statement that reads the
rows); the first save under another name drops every vector first, in the same
transaction (`_own_sentence_vectors`). A retrained model thus needs no migration, and
a desk that opens a claims.db of an older or newer package never mixes two models'."""

_SENTENCE_VECTOR = (
    f"CASE WHEN (SELECT value FROM store_meta WHERE key = '{SENTENCE_ENCODER_KEY}') = ?"
    " THEN p.sentence_vector END"
)
"""`p.sentence_vector` where claims.db's vectors are the shipped encoder's (its
identity the parameter), else NULL: one statement, so one snapshot of the name and
the vectors (another process cannot change them in between)."""

STEM_FLUSH = 100_000
"""Distinct stems a file import holds before writing them (~20 MB)."""


@dataclass(frozen=True, slots=True)
class ReferenceFile:
    """An imported file (or `None` origin: rows added through the Python API)."""

    id: int | None
    origin: str
    passage_count: int
    added_at: str | None


_PassageRow = tuple[str, str, str, str | None, bytes | None, bytes | None, tuple[str, ...] | None]
"""A passage's (ref_id, title, text, url, vector, sentence_vector, kept stems)."""


def _kept_stems(joined: str | None) -> tuple[str, ...] | None:
    """A passage's kept stems (`impact_index.split_stems`), each the one copy of that
    stem the process holds (`sys.intern`): rows kept (`PASSAGE_ROWS`) share them."""
    stems = impact_index.split_stems(joined)
    return None if stems is None else tuple(map(sys.intern, stems))


@dataclass(slots=True)
class _LibraryReads:
    """Rows of the library a connection has read, at one `PRAGMA data_version`: each
    stem's impact list (`reference_impacts`, None where the index lacks the stem) and
    its counts (`reference_stems`: documents, occurrences; None where none), and the
    recalled passages' rows (`ranked_hits`), least recently recalled first."""

    version: int
    lists: dict[str, tuple[int, impact_index.List] | None] = field(default_factory=dict)
    counts: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    rows: dict[int, _PassageRow] = field(default_factory=dict)


@dataclass(slots=True)
class ReferenceHit:
    """A passage the library recalled, with its relevance (higher is better).

    Not frozen, though nothing changes one: a recall makes 30 for every suggestion, and
    a frozen dataclass sets each field through `object.__setattr__`, 6x the cost of a
    plain one (bench/RESULTS.md, session 25)."""

    id: int
    ref_id: str
    title: str
    text: str
    url: str | None
    relevance: float
    vector: bytes | None = None
    """The passage's stored `embedding.vector_bytes` (None for passages older than it)."""
    sentence_vector: bytes | None = None
    """Its MiniLM sentence embedding (`sentence_encoder`), None until first reranked."""
    stems: tuple[str, ...] | None = None
    """`content_stems(text)` as the impact index kept them (`impact_index.split_stems`),
    so the rerank need not stem the passage again; None where none were kept."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What `add_references` did."""

    passages: int
    replaced: int
    """Passages of an earlier import of the same file (or the same ids) now gone."""


class ReferencesMixin(StoreBase):
    """Queries on `reference_files`, `reference_passages`, `reference_fts` and
    `reference_impacts`."""

    _impact_memory: tuple[tuple[Any, ...], impact_index.Postings] | None = None
    """An impact index this connection built but could not cache, with the
    `_library_stamp` it was built at."""
    _reads: _LibraryReads | None = None
    """Impact lists and stem counts this connection has read (`_library_reads`)."""

    def add_references(
        self,
        rows: Iterable[Mapping[str, Any]],
        *,
        origin: str | None = None,
        sha256: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> ImportResult:
        """Index passages (`id`, `title`, `text`, optional `url`) in one transaction.

        With `origin` (a file path), an earlier import of the same origin is replaced.
        Without it, rows replace earlier API-added rows with the same `id`. A row
        without `id` or `text` aborts the whole import. `progress(n)` is called with
        the number of rows written so far.
        """
        self._forget_lists()
        with self.write() as db:
            impact_index.clear_impacts(db.conn)
            replaced = 0
            file_id = None
            if origin is not None:
                old = db.execute(
                    "SELECT id FROM reference_files WHERE origin = ?", [origin]
                ).fetchone()
                if old:
                    replaced = self._delete_passages(db, "file_id = ?", [old[0]])
                    db.execute("DELETE FROM reference_files WHERE id = ?", [old[0]])
                cursor = db.execute(
                    "INSERT INTO reference_files (origin, sha256, passage_count, added_at)"
                    " VALUES (?, ?, 0, ?)",
                    [clean_text(origin), sha256 or "", utc_now()],
                )
                file_id = int(cursor.lastrowid or 0)
            count = 0
            batch: list[tuple[Any, ...]] = []
            # A file's rows never replace each other, so its stem counts can wait and be
            # written summed; API rows may replace rows of this very call (same id).
            # numpy is imported here only: other commands do not pay for it
            from factcheck.text.passage_terms import PassageTerms

            terms = PassageTerms(default_vectors())
            for number, row in enumerate(rows, start=1):
                batch.append(_passage_values(row, number, file_id))
                if len(batch) >= _BATCH:
                    replaced += self._insert_batch(db, batch, file_id, terms)
                    count += len(batch)
                    batch = []
                    if progress:
                        progress(count)
            if batch:
                replaced += self._insert_batch(db, batch, file_id, terms)
                count += len(batch)
                if progress:
                    progress(count)
            db.conn.executemany(STEM_UPSERT, terms.rows())
            if file_id is not None:
                db.execute(
                    "UPDATE reference_files SET passage_count = ? WHERE id = ?", [count, file_id]
                )
        return ImportResult(passages=count, replaced=replaced)

    def _insert_batch(
        self,
        db: Any,
        batch: list[tuple[Any, ...]],
        file_id: int | None,
        terms: PassageTerms,
    ) -> int:
        replaced = 0
        if file_id is None:  # API rows: the same id again means an update
            ids = [values[1] for values in batch]
            marks = ",".join("?" * len(ids))
            replaced = self._delete_passages(db, f"file_id IS NULL AND ref_id IN ({marks})", ids)
        last_id = db.execute("SELECT coalesce(max(id), 0) FROM reference_passages").fetchone()[0]
        lanes = terms.add([(values[2], values[3]) for values in batch])
        vectors = terms.model.vector_bytes_of_lanes(lanes)
        db.conn.executemany(
            "INSERT INTO reference_passages (file_id, ref_id, title, text, url, vector)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            map(tuple.__add__, batch, zip(vectors)),
        )
        db.execute(
            "INSERT INTO reference_fts (rowid, title, text)"
            " SELECT id, title, text FROM reference_passages WHERE id > ?",
            [last_id],
        )
        if file_id is None or len(terms) >= STEM_FLUSH:
            db.conn.executemany(STEM_UPSERT, terms.rows())
        return replaced

    @staticmethod
    def _delete_passages(db: Any, where: str, params: Sequence[Any]) -> int:
        # External-content FTS5 rows are removed with the 'delete' command and the
        # exact old values, before the content rows go.
        db.execute(
            "INSERT INTO reference_fts (reference_fts, rowid, title, text)"
            f" SELECT 'delete', id, title, text FROM reference_passages WHERE {where}",
            params,
        )
        # read as a stream: removing a million-passage file holds its stem counts only
        gone = db.execute(f"SELECT title, text FROM reference_passages WHERE {where}", params)
        db.conn.executemany(STEM_UPSERT, stem_counts(gone, sign=-1))
        db.execute("DELETE FROM reference_stems WHERE documents <= 0")
        deleted: int = db.execute(f"DELETE FROM reference_passages WHERE {where}", params).rowcount
        return deleted

    def list_reference_files(self) -> list[ReferenceFile]:
        """Imported files, oldest first, then one entry for API-added rows if any."""
        files = [
            ReferenceFile(row["id"], row["origin"], row["passage_count"], row["added_at"])
            for row in self.db.query("SELECT * FROM reference_files ORDER BY id")
        ]
        loose = self.db.execute(
            "SELECT count(*) FROM reference_passages WHERE file_id IS NULL"
        ).fetchone()[0]
        if loose:
            files.append(ReferenceFile(None, "(added through the Python API)", loose, None))
        return files

    def remove_references(self, origin: str) -> int:
        """Remove an imported file's passages (by its origin or its id); returns how many."""
        row = self.db.execute(
            "SELECT id FROM reference_files WHERE origin = ? OR CAST(id AS TEXT) = ?",
            [origin, origin],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no reference file {origin!r} (see `factcheck refs list`)")
        self._forget_lists()
        with self.write() as db:
            impact_index.clear_impacts(db.conn)
            removed = self._delete_passages(db, "file_id = ?", [row[0]])
            db.execute("DELETE FROM reference_files WHERE id = ?", [row[0]])
        return removed

    def reference_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM reference_passages").fetchone()[0])

    def search_references(self, match: str, *, limit: int = 50) -> list[ReferenceHit]:
        """Passages matching an FTS5 expression, best bm25 first (see `matcher.fts_query`)."""
        sql = f"""
            WITH hits AS (
                SELECT rowid, bm25(reference_fts, {TITLE_WEIGHT}, 1.0) AS rank
                FROM reference_fts WHERE reference_fts MATCH ? ORDER BY rank LIMIT ?
            )
            SELECT p.id, p.ref_id, p.title, p.text, p.url, hits.rank, p.vector,
                {_SENTENCE_VECTOR}
            FROM hits JOIN reference_passages p ON p.id = hits.rowid ORDER BY hits.rank
        """
        return [
            ReferenceHit(row[0], row[1], row[2], row[3], row[4], -float(row[5]), row[6], row[7])
            for row in self.conn.execute(sql, [match, limit, shipped_encoder()])
        ]

    def impact_hits(self, stems: Sequence[str], *, limit: int = 50) -> list[ReferenceHit] | None:
        """The best `limit` passages for a query's `stems` (`content_stems`, in the
        query's order) by the library's impact index (`store.impact_index`), best
        first, each with its summed impact as relevance. The first call on a library
        without a cached index builds it and caches it in claims.db; where it cannot
        be written, it is kept in memory for this connection. None when there is no
        index and the library is too large to build one (`IMPACT_MAX_PASSAGES`): the
        caller recalls another way."""
        found = self._impact_lists(stems)
        if found is None:
            return None
        lists, kept_stems = found
        ranked = impact_index.top(lists, stems, depth=limit, max_terms=impact_index.MAX_TERMS)
        # lists read from claims.db (no stems handed over) were read at the version
        # `_cached_lists` checked just now: the rows are checked by the same look
        reads = self._reads if kept_stems is None else None
        return self._ranked_hits(ranked, kept_stems, reads or self._library_reads())

    def ranked_hits(
        self, ranked: Sequence[tuple[int, float]], *, stems: Mapping[int, str] | None = None
    ) -> list[ReferenceHit]:
        """The passages of `ranked` (passage id, relevance), in its order, those not read
        before while the library is unchanged read in one query (`_library_reads`, at
        most `PASSAGE_ROWS` kept); an id no longer in the library is left out. Each
        comes with the stems the impact index kept (`stems`, an index built in memory,
        else the cached `reference_passage_stems`; None for a passage with none kept)."""
        return self._ranked_hits(ranked, stems, self._library_reads())

    def _ranked_hits(
        self,
        ranked: Sequence[tuple[int, float]],
        stems: Mapping[int, str] | None,
        reads: _LibraryReads,
    ) -> list[ReferenceHit]:
        if not ranked:
            return []
        rows = reads.rows
        missing = [passage_id for passage_id, _ in ranked if passage_id not in rows]
        if missing:
            marks = ",".join("?" * len(missing))
            for row in self.conn.execute(
                f"SELECT p.id, p.ref_id, p.title, p.text, p.url, p.vector, {_SENTENCE_VECTOR},"
                " s.stems FROM reference_passages p"
                " LEFT JOIN reference_passage_stems s ON s.passage_id = p.id"
                f" WHERE p.id IN ({marks})",
                [shipped_encoder(), *missing],
            ):
                rows[row[0]] = (*row[1:7], _kept_stems(row[7]))
        split = impact_index.split_stems
        hits = []
        for pid, score in ranked:
            # read or not, each recalled row moves to the end: the least recently
            # recalled are the first dropped
            r = rows.pop(pid, None)
            if r is None:
                continue
            rows[pid] = r
            hits.append(
                ReferenceHit(
                    pid,
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    score,
                    r[4],
                    r[5],
                    split(stems.get(pid)) if stems is not None else r[6],
                )
            )
        if len(rows) > PASSAGE_ROWS:
            for pid in list(islice(rows, len(rows) - PASSAGE_ROWS)):
                del rows[pid]
        return hits

    def _impact_lists(
        self, stems: Sequence[str]
    ) -> tuple[Mapping[str, tuple[int, impact_index.List]], Mapping[int, str] | None] | None:
        """The lists of `stems`, and the passages' stems when the index is held in
        memory (None: they are cached in claims.db); None when no index can be had."""
        memory = self._impact_memory
        if memory is not None:
            if memory[0] == self._library_stamp():
                return memory[1].lists, memory[1].stems
            self._impact_memory = None
        cached = self._cached_lists(stems)
        if cached is not None:
            return cached, None
        passages = self._library_stamp()[1]
        if passages is not None and passages > IMPACT_MAX_PASSAGES:
            return None
        with self.snapshot() as conn:  # the stamp and the rows of one state
            stamp = self._library_stamp()
            postings = impact_index.build(impact_index.library_rows(conn))
        if not self._save_impacts(postings, stamp):
            self._impact_memory = (stamp, postings)
        return postings.lists, postings.stems

    def _cached_lists(
        self, stems: Sequence[str]
    ) -> Mapping[str, tuple[int, impact_index.List]] | None:
        """`impact_index.cached_lists`, each stem's list read from claims.db once while
        the library is unchanged (`_library_reads`): a desk's claims share most of their
        stems, and reading a list (a few KB of blob, decoded) cost more than summing it."""
        known = self._library_reads().lists
        missing = [stem for stem in dict.fromkeys(stems) if stem not in known]
        if missing or not known:
            found = impact_index.cached_lists(self.conn, missing)
            if found is None:
                self._reads = None
                return None
            known.update((stem, found.get(stem)) for stem in missing)
        return {stem: posting for stem in stems if (posting := known.get(stem)) is not None}

    def _library_reads(self) -> _LibraryReads:
        """What this connection has read of the library (its per-stem tables, the
        recalled passages' rows), kept while `PRAGMA data_version` says no other
        connection has written claims.db (this connection's own library writes drop
        it: `_forget_lists`), up to `LISTS_READ` stems of each per-stem table."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        reads = self._reads
        if reads is None or reads.version != version:
            reads = self._reads = _LibraryReads(version)
        elif len(reads.lists) > LISTS_READ or len(reads.counts) > LISTS_READ:
            # (the rows have their own bound, `PASSAGE_ROWS`)
            reads = self._reads = _LibraryReads(version, rows=reads.rows)
        return reads

    def _forget_lists(self) -> None:
        """Drop the lists read (`_cached_lists`) and an index held in memory: called
        by every write of this connection that changes the library."""
        self._impact_memory = None
        self._reads = None

    def _save_impacts(self, postings: impact_index.Postings, stamp: tuple[Any, ...]) -> bool:
        """Cache a built index, unless that would wait for a lock, join the caller's
        read transaction, or the library changed since it was read (then it is used
        once and built again next time). Whether it was cached."""
        if self.conn.in_transaction:
            return False
        timeout = self.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        self.conn.execute(f"PRAGMA busy_timeout = {CACHE_WAIT_MS}")
        try:
            with self.transaction() as conn:
                if self._library_stamp() != stamp:
                    return True  # not cached, and not worth keeping in memory either
                impact_index.save(conn, postings)
            if self._reads is not None:  # rows read before it lack the stems it keeps
                self._reads.rows.clear()
            return True
        except (StoreError, sqlite3.Error):
            return False
        finally:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")

    def _library_stamp(self) -> tuple[Any, ...]:
        """What changes whenever the library does, read cheaply: the last passage id
        and the library's passage and stem totals (`reference_stems`' '' row)."""
        row = self.conn.execute(
            "SELECT (SELECT max(id) FROM reference_passages),"
            " (SELECT documents FROM reference_stems WHERE stem = ''),"
            " (SELECT occurrences FROM reference_stems WHERE stem = '')"
        ).fetchone()
        return tuple(row)

    def save_sentence_vectors(self, vectors: Iterable[tuple[int, bytes]]) -> None:
        """Cache passages' sentence embeddings (passage row id, int8 bytes) made by the
        shipped encoder: the rerank computes a passage's once, the first time it is a
        candidate. Where claims.db holds another encoder's vectors, they are all dropped
        in the same transaction (`_own_sentence_vectors`). Without a shipped encoder (a
        broken install: nothing can have made them) none are saved."""
        vectors = list(vectors)
        identity = shipped_encoder()
        if identity is None:
            return
        # Rows this connection keeps (`ranked_hits`) take the new vectors, once they are
        # committed: inside a caller's transaction, which may yet roll back, they are
        # dropped instead and read again.
        joined = self.conn.in_transaction
        with self.transaction() as conn:
            dropped = _own_sentence_vectors(conn, identity)
            conn.executemany(
                "UPDATE reference_passages SET sentence_vector = ? WHERE id = ?",
                [(blob, passage_id) for passage_id, blob in vectors],
            )
        if self._reads is not None:
            rows = self._reads.rows
            if dropped:  # rows kept may hold vectors read under the old name
                rows.clear()
            for passage_id, blob in vectors:
                row = rows.pop(passage_id, None)
                if row is not None and not joined:
                    rows[passage_id] = (*row[:5], blob, row[6])

    def fill_sentence_vectors(
        self,
        encode: Callable[[list[tuple[str, str]]], list[bytes]],
        *,
        batch: int = 256,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Embed every passage that has no sentence vector yet, `batch` at a time, each
        batch its own transaction (an interrupted fill keeps what it did). `encode` is
        `SentenceEncoder.passage_vector_bytes` of (title, text) pairs (the store never
        loads a model itself);
        `progress(done, total)` after each batch. Returns how many were embedded: none
        without a shipped encoder (`save_sentence_vectors`)."""
        identity = shipped_encoder()
        if identity is None:
            return 0
        # Another encoder's vectors are not NULL: dropped first, they are filled too
        with self.transaction() as conn:
            dropped = _own_sentence_vectors(conn, identity)
        if dropped and self._reads is not None:
            self._reads.rows.clear()
        total = int(
            self.conn.execute(
                "SELECT count(*) FROM reference_passages WHERE sentence_vector IS NULL"
            ).fetchone()[0]
        )
        done = last = 0
        while True:
            rows = self.conn.execute(
                "SELECT id, title, text FROM reference_passages"
                " WHERE sentence_vector IS NULL AND id > ? ORDER BY id LIMIT ?",
                [last, batch],
            ).fetchall()
            if not rows:
                return done
            last = rows[-1][0]
            blobs = encode([(title, text) for _, title, text in rows])
            self.save_sentence_vectors(zip((row[0] for row in rows), blobs, strict=True))
            done += len(rows)
            if progress:
                progress(done, total)

    def reference_term_stats(self, stems: Iterable[str]) -> TermStats:
        """How common `stems` (`text.words.content_stems`) are in the reference library."""

        wanted = sorted(set(stems) | {""})
        known = self._library_reads().counts
        missing = [stem for stem in wanted if stem not in known]
        if missing:
            # Read once while the library is unchanged (`_library_reads`), like the lists
            marks = ",".join("?" * len(missing))
            read = {
                row[0]: (row[1], row[2])
                for row in self.conn.execute(
                    "SELECT stem, documents, occurrences FROM reference_stems"
                    f" WHERE stem IN ({marks})",
                    missing,
                )
            }
            known.update((stem, read.get(stem)) for stem in missing)
        found = {stem: counts for stem in wanted if (counts := known[stem]) is not None}
        documents, stems_total = found.pop("", (0, 0))
        return TermStats(
            documents=documents,
            stems=stems_total,
            doc_freq={stem: counts[0] for stem, counts in found.items()},
            stem_freq={stem: counts[1] for stem, counts in found.items()},
        )


def shipped_encoder() -> str | None:
    """The shipped sentence encoder's identity (`sentence_encoder.encoder_identity`: a
    digest of its file, computed once per process; no model is loaded). Imported here,
    not at the top: only commands that read or write sentence vectors pay for it."""
    from factcheck.text.sentence_encoder import encoder_identity

    return encoder_identity()


def _own_sentence_vectors(conn: sqlite3.Connection, identity: str) -> bool:
    """Make claims.db's sentence vectors `identity`'s, inside the caller's transaction:
    where `store_meta` names another encoder (or none: vectors stored before the name
    was), every stored vector is dropped and the name set. Returns whether any vector
    was dropped: then the rows a connection keeps may hold vectors read under the old
    name, and the caller forgets them."""
    row = conn.execute(
        "SELECT value FROM store_meta WHERE key = ?", [SENTENCE_ENCODER_KEY]
    ).fetchone()
    if row is not None and row[0] == identity:
        return False
    dropped = conn.execute(
        "UPDATE reference_passages SET sentence_vector = NULL WHERE sentence_vector IS NOT NULL"
    ).rowcount
    conn.execute(
        "INSERT INTO store_meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [SENTENCE_ENCODER_KEY, identity],
    )
    return dropped > 0


def _passage_values(row: Mapping[str, Any], number: int, file_id: int | None) -> tuple[Any, ...]:
    if not isinstance(row, Mapping):
        raise InputError(f"reference row {number}: expected a mapping with id, title and text")
    ref_id, text = row.get("id"), row.get("text")
    if ref_id is None or str(ref_id).strip() == "":
        raise InputError(f"reference row {number}: missing 'id'")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"reference row {number} (id {ref_id}): missing or empty 'text'")
    title = clean_text(str(row.get("title") or ""))
    url = clean_text(str(row["url"])) if row.get("url") else None
    text = clean_text(text)
    return (file_id, clean_text(str(ref_id)), title, text, url)
