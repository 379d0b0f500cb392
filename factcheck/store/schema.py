"""The claims.db schema, as a list of forward migrations.

`MIGRATIONS[n]` upgrades a database at `PRAGMA user_version` n to n + 1. To change the
schema, append a new function; never edit one that has shipped, because databases made
by older versions replay the list from where they stand.

A step imports no live code (nothing from `factcheck`): what it needs of the product
(the v4 stemmer) is copied here and frozen, so later changes to the product cannot
change what an old step does, nor make this module import the layers above the store.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils  # hints only: Store makes its Database lazily


def _create_core_tables(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            added_at TEXT NOT NULL
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            kind TEXT NOT NULL,
            score REAL NOT NULL,
            status TEXT NOT NULL DEFAULT 'unverified'
                CHECK (status IN ('supported', 'disputed', 'unverified')),
            updated_at TEXT NOT NULL
        );
        CREATE INDEX claims_status ON claims(status);
        CREATE INDEX claims_document_id ON claims(document_id, "start");
        CREATE TABLE verdicts (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('supported', 'disputed', 'unverified')),
            note TEXT,
            reviewer TEXT NOT NULL,
            evidence_id INTEGER,
            created_at TEXT NOT NULL
        );
        CREATE INDEX verdicts_claim_id ON verdicts(claim_id);
        """
    )


def _add_article_metadata_and_evidence(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        ALTER TABLE documents ADD COLUMN url TEXT;
        ALTER TABLE documents ADD COLUMN author TEXT;
        ALTER TABLE documents ADD COLUMN publisher TEXT;
        ALTER TABLE documents ADD COLUMN published_at TEXT;
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            url TEXT,
            passage TEXT NOT NULL,
            score REAL NOT NULL,
            span_start INTEGER,
            span_end INTEGER,
            agreements TEXT NOT NULL DEFAULT '[]',
            contradictions TEXT NOT NULL DEFAULT '[]',
            reference_id TEXT,
            revision_id INTEGER,
            fetched_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX evidence_claim_id ON evidence(claim_id, score DESC);
        """
    )


def _add_references_factchecks_and_page_cache(db: sqlite_utils.Database) -> None:
    # Passages live in `reference_passages`; `reference_fts` is an external-content FTS5
    # index over (title, text) kept in step by the store in the same transaction.
    # Porter stemming lets "emissions" find "emission"; diacritics fold for names.
    db.executescript(
        """
        CREATE TABLE reference_files (
            id INTEGER PRIMARY KEY,
            origin TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL,
            passage_count INTEGER NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE TABLE reference_passages (
            id INTEGER PRIMARY KEY,
            file_id INTEGER REFERENCES reference_files(id) ON DELETE CASCADE,
            ref_id TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            url TEXT
        );
        CREATE INDEX reference_passages_file_id ON reference_passages(file_id);
        CREATE INDEX reference_passages_ref_id ON reference_passages(ref_id);
        CREATE VIRTUAL TABLE reference_fts USING fts5(
            title, text, content='reference_passages', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TABLE factchecks (
            id INTEGER PRIMARY KEY,
            claim TEXT NOT NULL,
            rating TEXT,
            publisher TEXT,
            url TEXT NOT NULL,
            reviewed_at TEXT,
            claimant TEXT,
            title TEXT,
            origin TEXT,
            added_at TEXT NOT NULL,
            UNIQUE (url, claim)
        );
        CREATE VIRTUAL TABLE factcheck_fts USING fts5(
            claim, content='factchecks', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TABLE wikipedia_pages (
            language TEXT NOT NULL,
            title TEXT NOT NULL,
            url TEXT NOT NULL,
            revision_id INTEGER,
            text TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            PRIMARY KEY (language, title)
        );
        CREATE TABLE wikipedia_searches (
            language TEXT NOT NULL,
            query TEXT NOT NULL,
            titles TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            PRIMARY KEY (language, query)
        );
        """
    )


def _add_reference_stem_counts(db: sqlite_utils.Database) -> None:
    # How many passages hold each content stem and how often it occurs, kept in step
    # with `reference_passages` by the store: the matcher weighs a claim's rare words
    # up (IDF) without scanning the library. The row with stem '' holds the totals.
    # Counted with the frozen copy of the stemmer below, not the live one: a migration
    # replays the same on every database, whatever later versions do to the matcher.
    db.execute(
        "CREATE TABLE reference_stems ("
        " stem TEXT PRIMARY KEY, documents INTEGER NOT NULL, occurrences INTEGER NOT NULL"
        ") WITHOUT ROWID"
    )
    documents: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    for title, text in db.execute("SELECT title, text FROM reference_passages"):
        stems = _v4_content_stems(f"{title} {text}")
        occurrences.update(stems)
        documents.update(set(stems))
        documents[""] += 1
        occurrences[""] += len(stems)
    db.conn.executemany(
        "INSERT INTO reference_stems (stem, documents, occurrences) VALUES (?, ?, ?)",
        [(stem, count, occurrences[stem]) for stem, count in documents.items()],
    )


_V4_WORD = re.compile(r"\w+(?:['’]\w+)?")
_V4_STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be
    because been before being below between both but by can can't cannot could couldn't
    did didn't do does doesn't doing don't down during each few for from further had
    hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
    him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
    let's me more most mustn't my myself no nor not of off on once only or other ought
    our ours ourselves out over own same shan't she she'd she'll she's should shouldn't
    so some such than that that's the their theirs them themselves then there there's
    these they they'd they'll they're they've this those through to too under until up
    very was wasn't we we'd we'll we're we've were weren't what what's when when's where
    where's which while who who's whom why why's will with won't would wouldn't you you'd
    you'll you're you've your yours yourself yourselves said says say just like many
    much one ever also been will would may might must shall s t""".split()  # noqa: SIM905 (a word list reads best as text)
)


def _v4_content_stems(text: str) -> list[str]:
    """`matcher.content_stems` as it was when step 3 -> 4 shipped (frozen: never edit):
    lower-cased words, stop words dropped, each cut to six letters."""
    words = (word.lower() for word in _V4_WORD.findall(text))
    return [word[:6] for word in words if word not in _V4_STOP_WORDS]


def _add_checked_claims_index(db: sqlite_utils.Database) -> None:
    # An FTS5 index over the claims that have a verdict (supported or disputed), for
    # "checked before" matching: the prior source recalls a few candidates by bm25
    # instead of comparing a claim with every decided claim in Python (142 ms a lookup
    # at 20,000 decided claims before this index). Only decided claims are indexed,
    # so a newsroom's many unverified claims cost nothing at query time. Triggers keep
    # it in step, because claims also leave through ON DELETE CASCADE of documents.
    # External content: a 'delete' must give the indexed text, so each trigger fires
    # only when the row is (or was) indexed; claim text is never updated.
    db.executescript(
        """
        CREATE VIRTUAL TABLE checked_claims_fts USING fts5(
            text, content='claims', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER checked_claims_fts_insert AFTER INSERT ON claims
        WHEN new.status != 'unverified' BEGIN
            INSERT INTO checked_claims_fts (rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER checked_claims_fts_delete AFTER DELETE ON claims
        WHEN old.status != 'unverified' BEGIN
            INSERT INTO checked_claims_fts (checked_claims_fts, rowid, text)
            VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER checked_claims_fts_decided AFTER UPDATE OF status ON claims
        WHEN old.status = 'unverified' AND new.status != 'unverified' BEGIN
            INSERT INTO checked_claims_fts (rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER checked_claims_fts_undecided AFTER UPDATE OF status ON claims
        WHEN old.status != 'unverified' AND new.status = 'unverified' BEGIN
            INSERT INTO checked_claims_fts (checked_claims_fts, rowid, text)
            VALUES ('delete', old.id, old.text);
        END;
        INSERT INTO checked_claims_fts (rowid, text)
            SELECT id, text FROM claims WHERE status != 'unverified';
        """
    )


def _add_passage_vectors(db: sqlite_utils.Database) -> None:
    # Each reference passage's static vector (`factcheck.text.vectors.vector_bytes`, int8),
    # computed at import, for the matcher's meaning feature. Passages imported before
    # this step keep NULL and get their vector computed when recalled; a new vector
    # model must come with a step that sets the column back to NULL.
    db.execute("ALTER TABLE reference_passages ADD COLUMN vector BLOB")


def _add_assignments(db: sqlite_utils.Database) -> None:
    # Who is to review which document (`factcheck assign`): at most one reviewer per
    # document, so "assigned to you" is unambiguous; unassigning deletes the row.
    db.executescript(
        """
        CREATE TABLE assignments (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL,
            assigned_at TEXT NOT NULL
        );
        CREATE INDEX assignments_reviewer ON assignments(reviewer);
        """
    )


def _index_claims_by_status_in_document_order(db: sqlite_utils.Database) -> None:
    # `factcheck list --status=unverified` reads claims of one status in document
    # order. With an index on status alone SQLite fetched every match and sorted them
    # (900k rows at a million claims, ANALYZE or not); this index hands them over
    # already in (document_id, start, id) order, so the listing streams in constant
    # memory. It also serves every other query that used the status index.
    db.executescript(
        """
        CREATE INDEX claims_status_document ON claims(status, document_id, "start");
        DROP INDEX claims_status;
        """
    )


_NOT_INDEXED = "('unverified', 'dismissed')"
"""Statuses whose claims stay out of `checked_claims_fts`: undecided or "cannot tell"
claims are no earlier check, and a dismissed span is not a claim at all."""


def _add_decisions_dismissals_and_duplicate_groups(db: sqlite_utils.Database) -> None:
    # Issue 13. `claims.decided` tells a claim marked unverified from one nobody has
    # decided (both have status 'unverified'); `verdicts.undoes` makes an undo a
    # withdrawal of the verdict it names instead of a copy of the earlier status;
    # `claims.duplicate_of` groups the repeats of a statement in one document; and
    # 'dismissed' ("not a claim") becomes a status. Every claim with a verdict was
    # decided (old undo events copied a status and stay as they were).
    #
    # SQLite cannot alter a CHECK constraint; rebuilding `claims` inside this
    # transaction would cascade-delete every verdict (foreign keys cannot be switched
    # off inside a transaction). Allowing one more value changes nothing on disk, so the
    # constraint text is edited in place, the procedure SQLite documents for such
    # changes (https://sqlite.org/lang_altertable.html#otheralter).
    old_check = "CHECK (status IN ('supported', 'disputed', 'unverified'))"
    new_check = "CHECK (status IN ('supported', 'disputed', 'unverified', 'dismissed'))"
    conn = db.conn
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute(
            "UPDATE sqlite_master SET sql = replace(sql, ?, ?)"
            " WHERE type = 'table' AND name IN ('claims', 'verdicts')",
            [old_check, new_check],
        )
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    db.executescript(
        f"""
        ALTER TABLE claims ADD COLUMN decided INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE claims ADD COLUMN duplicate_of INTEGER;
        ALTER TABLE verdicts ADD COLUMN undoes INTEGER;
        UPDATE claims SET decided = 1 WHERE id IN (SELECT claim_id FROM verdicts);
        CREATE INDEX verdicts_undoes ON verdicts(undoes) WHERE undoes IS NOT NULL;
        CREATE INDEX claims_duplicate_of ON claims(duplicate_of)
            WHERE duplicate_of IS NOT NULL;
        DROP TRIGGER checked_claims_fts_insert;
        DROP TRIGGER checked_claims_fts_delete;
        DROP TRIGGER checked_claims_fts_decided;
        DROP TRIGGER checked_claims_fts_undecided;
        CREATE TRIGGER checked_claims_fts_insert AFTER INSERT ON claims
        WHEN new.status NOT IN {_NOT_INDEXED} BEGIN
            INSERT INTO checked_claims_fts (rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER checked_claims_fts_delete AFTER DELETE ON claims
        WHEN old.status NOT IN {_NOT_INDEXED} BEGIN
            INSERT INTO checked_claims_fts (checked_claims_fts, rowid, text)
            VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER checked_claims_fts_decided AFTER UPDATE OF status ON claims
        WHEN old.status IN {_NOT_INDEXED} AND new.status NOT IN {_NOT_INDEXED} BEGIN
            INSERT INTO checked_claims_fts (rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER checked_claims_fts_undecided AFTER UPDATE OF status ON claims
        WHEN old.status NOT IN {_NOT_INDEXED} AND new.status IN {_NOT_INDEXED} BEGIN
            INSERT INTO checked_claims_fts (checked_claims_fts, rowid, text)
            VALUES ('delete', old.id, old.text);
        END;
        """
    )


def _add_claim_versions(db: sqlite_utils.Database) -> None:
    # Every span a claim has had (`factcheck.desk.span_edit`): a reviewer widens, narrows or
    # creates a claim, and the claim keeps its id and verdicts while its span changes.
    # Each row is one span with who set it and when; the newest row is the claim's
    # current span. A splitter claim gets its first row (set_by 'splitter') when it is
    # first edited, so unedited claims cost nothing. Claim text changes now, so the
    # "checked before" index follows an edit of a claim it holds: one supported or
    # disputed (an edit changes no status, so old and new status are the same).
    db.executescript(
        """
        CREATE TABLE claim_versions (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            kind TEXT NOT NULL,
            score REAL NOT NULL,
            set_by TEXT NOT NULL,
            set_at TEXT NOT NULL
        );
        CREATE INDEX claim_versions_claim ON claim_versions(claim_id, id);
        CREATE TRIGGER checked_claims_fts_text AFTER UPDATE OF text ON claims
        WHEN old.status IN ('supported', 'disputed') BEGIN
            INSERT INTO checked_claims_fts (checked_claims_fts, rowid, text)
            VALUES ('delete', old.id, old.text);
            INSERT INTO checked_claims_fts (rowid, text) VALUES (new.id, new.text);
        END;
        """
    )


def _add_passage_sentence_vectors(db: sqlite_utils.Database) -> None:
    # Each reference passage's MiniLM sentence embedding (`sentence_encoder`, int8, 384
    # bytes), filled when the passage is first reranked (or by
    # `Store.fill_sentence_vectors`): NULL until then, so an import stays fast.
    db.execute("ALTER TABLE reference_passages ADD COLUMN sentence_vector BLOB")


def _add_pending_scores(db: sqlite_utils.Database) -> None:
    # Documents `add` stored with first-pass scores only: the transformer's scores are
    # finished by the first command that reads scores (`ingest.pending_scores`), so one
    # `add` process a file costs start-up, not onnxruntime. A row while pending, none after.
    db.execute(
        "CREATE TABLE pending_scores ("
        " document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE)"
    )


_V13_IN_FORCE = (
    "(SELECT standing.id FROM verdicts AS standing WHERE standing.claim_id = {claim}"
    " AND standing.undoes IS NULL AND NOT EXISTS (SELECT 1 FROM verdicts AS undo"
    " WHERE undo.undoes = standing.id) ORDER BY standing.created_at DESC, standing.id DESC"
    " LIMIT 1)"
)
"""The id of the verdict in force on claim `{claim}` (`claims.in_force_id_sql` as it
was when step 12 -> 13 shipped; frozen: never edit)."""

_V13_SHOWN = "({c}.status != 'dismissed' AND {c}.duplicate_of IS NULL)"
_V13_DISPUTED = "({c}.duplicate_of IS NULL AND {c}.status = 'disputed')"


def _v13_recount_deciders(document: str) -> str:
    """SQL statements that recount one document's `claim_deciders` and
    `reviewer_tallies` from its claims and verdicts (`document`: an SQL expression):
    what the rare writes (a deleted claim or verdict, a claim moved to another
    document) do instead of adjusting the counts. Frozen with step 12 -> 13."""
    in_force = _V13_IN_FORCE.format(claim="c.id")
    return f"""
        DELETE FROM claim_deciders WHERE claim_id IN
            (SELECT id FROM claims WHERE document_id = {document});
        INSERT INTO claim_deciders (claim_id, reviewer)
            SELECT c.id, v.reviewer FROM claims c JOIN verdicts v ON v.id = {in_force}
            WHERE c.document_id = {document};
        DELETE FROM reviewer_tallies WHERE document_id = {document};
        INSERT INTO reviewer_tallies
            (document_id, reviewer, decided, disputed, verdicts, last_activity)
            SELECT {document}, activity.reviewer, coalesce(owned.decided, 0),
                coalesce(owned.disputed, 0), activity.verdicts, activity.last_activity
            FROM (SELECT v.reviewer, count(*) AS verdicts, max(v.created_at) AS last_activity
                FROM verdicts v JOIN claims c ON c.id = v.claim_id
                WHERE c.document_id = {document} GROUP BY v.reviewer) AS activity
            LEFT JOIN (SELECT o.reviewer, sum({_V13_SHOWN.format(c="c")}) AS decided,
                sum({_V13_DISPUTED.format(c="c")}) AS disputed
                FROM claim_deciders o JOIN claims c ON c.id = o.claim_id
                WHERE c.document_id = {document} GROUP BY o.reviewer) AS owned
            ON owned.reviewer = activity.reviewer;
    """


def _v13_status_counts(sign: str, row: str) -> str:
    """SQL adding (`sign` '+') or taking away ('-') claim `row`'s count (`new`/`old`)."""
    return f"""
        UPDATE document_tallies SET
            unverified = unverified {sign} ({row}.duplicate_of IS NULL
                AND {row}.status = 'unverified'),
            supported = supported {sign} ({row}.duplicate_of IS NULL
                AND {row}.status = 'supported'),
            disputed = disputed {sign} {_V13_DISPUTED.format(c=row)}
        WHERE document_id = {row}.document_id;
    """


def _v13_statements(script: str) -> Iterator[str]:
    """The statements of `script`, one at a time, for `execute` inside the migration's
    transaction: sqlite-utils' `executescript` finds statement ends by testing every
    prefix of the script (0.6 s for this step's), cut here at line ends instead."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""
    if statement.strip():
        raise ValueError(f"an incomplete statement: {statement[:60]!r}")


def _add_document_tallies(db: sqlite_utils.Database) -> None:
    # Issue 15: `factcheck documents` lists every document with its claim counts and
    # each reviewer's share. Aggregating every claim and verdict for it cost ~0.5 s at
    # 100k claims; these tallies are kept exact on write by triggers (every write path,
    # the JSON import and cascading deletes included), so the listing reads one small
    # row per document and per (document, reviewer), never the article text.
    # - document_tallies: a document's title (copied: reading it from `documents`
    #   reads the pages that hold the text) and its shown claims per status
    #   (repeats left out; dismissed claims have no column).
    # - claim_deciders: the reviewer whose verdict is in force on a decided claim, as
    #   of the claim's last status write (`set_status_in_force` follows every verdict
    #   write): what a change must take away from that reviewer's tally.
    # - reviewer_tallies: per document and reviewer, the shown claims whose verdict in
    #   force is theirs (decided, of them disputed), and every verdict event they wrote
    #   (count and latest date), for the lines under each document.
    # Inserts and status changes adjust the counts; deletes and moves recount the
    # document (none happens in the product today; the triggers keep them exact).
    in_force_new = _V13_IN_FORCE.format(claim="new.id")
    script = f"""
        CREATE TABLE document_tallies (
            document_id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            unverified INTEGER NOT NULL DEFAULT 0,
            supported INTEGER NOT NULL DEFAULT 0,
            disputed INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE claim_deciders (
            claim_id INTEGER PRIMARY KEY,
            reviewer TEXT NOT NULL
        );
        CREATE TABLE reviewer_tallies (
            document_id INTEGER NOT NULL,
            reviewer TEXT NOT NULL,
            decided INTEGER NOT NULL,
            disputed INTEGER NOT NULL,
            verdicts INTEGER NOT NULL,
            last_activity TEXT,
            PRIMARY KEY (document_id, reviewer)
        ) WITHOUT ROWID;

        INSERT INTO document_tallies (document_id, title, unverified, supported, disputed)
            SELECT d.id, d.title, coalesce(t.unverified, 0), coalesce(t.supported, 0),
                coalesce(t.disputed, 0)
            FROM documents d LEFT JOIN (
                SELECT document_id,
                    sum(duplicate_of IS NULL AND status = 'unverified') AS unverified,
                    sum(duplicate_of IS NULL AND status = 'supported') AS supported,
                    sum(duplicate_of IS NULL AND status = 'disputed') AS disputed
                FROM claims GROUP BY document_id
            ) t ON t.document_id = d.id;
        INSERT INTO claim_deciders (claim_id, reviewer)
            SELECT latest.claim_id, v.reviewer FROM (
                SELECT claim_id, {_V13_IN_FORCE.format(claim="verdicts.claim_id")} AS verdict_id
                FROM verdicts GROUP BY claim_id
            ) AS latest JOIN verdicts v ON v.id = latest.verdict_id;
        INSERT INTO reviewer_tallies
            (document_id, reviewer, decided, disputed, verdicts, last_activity)
            SELECT activity.document_id, activity.reviewer, coalesce(owned.decided, 0),
                coalesce(owned.disputed, 0), activity.verdicts, activity.last_activity
            FROM (SELECT c.document_id, v.reviewer, count(*) AS verdicts,
                    max(v.created_at) AS last_activity
                FROM verdicts v JOIN claims c ON c.id = v.claim_id
                GROUP BY c.document_id, v.reviewer) AS activity
            LEFT JOIN (SELECT c.document_id, o.reviewer,
                    sum({_V13_SHOWN.format(c="c")}) AS decided,
                    sum({_V13_DISPUTED.format(c="c")}) AS disputed
                FROM claim_deciders o JOIN claims c ON c.id = o.claim_id
                GROUP BY c.document_id, o.reviewer) AS owned
            USING (document_id, reviewer);

        CREATE TRIGGER document_tallies_insert AFTER INSERT ON documents BEGIN
            INSERT INTO document_tallies (document_id, title) VALUES (new.id, new.title);
        END;
        CREATE TRIGGER document_tallies_title AFTER UPDATE OF title ON documents BEGIN
            UPDATE document_tallies SET title = new.title WHERE document_id = new.id;
        END;
        CREATE TRIGGER document_tallies_delete AFTER DELETE ON documents BEGIN
            DELETE FROM document_tallies WHERE document_id = old.id;
            DELETE FROM reviewer_tallies WHERE document_id = old.id;
        END;

        CREATE TRIGGER claim_tallies_insert AFTER INSERT ON claims BEGIN
            {_v13_status_counts("+", "new")}
        END;
        CREATE TRIGGER claim_tallies_insert_decided AFTER INSERT ON claims
        WHEN new.decided BEGIN
            {_v13_recount_deciders("new.document_id")}
        END;
        CREATE TRIGGER claim_tallies_status AFTER UPDATE OF status, duplicate_of, document_id
        ON claims WHEN old.status IS NOT new.status
            OR (old.duplicate_of IS NULL) != (new.duplicate_of IS NULL)
            OR old.document_id != new.document_id BEGIN
            {_v13_status_counts("-", "old")}
            {_v13_status_counts("+", "new")}
        END;
        CREATE TRIGGER claim_tallies_decider AFTER UPDATE OF status, decided, duplicate_of
        ON claims WHEN (old.decided OR new.decided) AND old.document_id = new.document_id
        BEGIN
            UPDATE reviewer_tallies SET
                decided = decided - {_V13_SHOWN.format(c="old")},
                disputed = disputed - {_V13_DISPUTED.format(c="old")}
            WHERE document_id = old.document_id
                AND reviewer = (SELECT reviewer FROM claim_deciders WHERE claim_id = old.id);
            DELETE FROM claim_deciders WHERE claim_id = old.id;
            INSERT INTO claim_deciders (claim_id, reviewer)
                SELECT new.id, reviewer FROM verdicts WHERE id = {in_force_new};
            UPDATE reviewer_tallies SET
                decided = decided + {_V13_SHOWN.format(c="new")},
                disputed = disputed + {_V13_DISPUTED.format(c="new")}
            WHERE document_id = new.document_id
                AND reviewer = (SELECT reviewer FROM claim_deciders WHERE claim_id = new.id);
        END;
        CREATE TRIGGER claim_tallies_move AFTER UPDATE OF document_id ON claims
        WHEN old.document_id != new.document_id BEGIN
            DELETE FROM claim_deciders WHERE claim_id = old.id;
            {_v13_recount_deciders("old.document_id")}
            {_v13_recount_deciders("new.document_id")}
        END;
        CREATE TRIGGER claim_tallies_delete AFTER DELETE ON claims BEGIN
            {_v13_status_counts("-", "old")}
            DELETE FROM claim_deciders WHERE claim_id = old.id;
        END;
        CREATE TRIGGER claim_tallies_delete_recount AFTER DELETE ON claims
        WHEN EXISTS (SELECT 1 FROM documents WHERE id = old.document_id) BEGIN
            {_v13_recount_deciders("old.document_id")}
        END;

        CREATE TRIGGER verdict_tallies_insert AFTER INSERT ON verdicts BEGIN
            INSERT INTO reviewer_tallies
                (document_id, reviewer, decided, disputed, verdicts, last_activity)
                SELECT document_id, new.reviewer, 0, 0, 1, new.created_at
                FROM claims WHERE id = new.claim_id
                ON CONFLICT (document_id, reviewer) DO UPDATE SET
                    verdicts = verdicts + 1,
                    last_activity = max(last_activity, excluded.last_activity);
        END;
        CREATE TRIGGER verdict_tallies_change
        AFTER UPDATE OF claim_id, reviewer, created_at, undoes ON verdicts BEGIN
            {_v13_recount_deciders("(SELECT document_id FROM claims WHERE id = old.claim_id)")}
            {_v13_recount_deciders("(SELECT document_id FROM claims WHERE id = new.claim_id)")}
        END;
        CREATE TRIGGER verdict_tallies_delete AFTER DELETE ON verdicts
        WHEN EXISTS (SELECT 1 FROM claims WHERE id = old.claim_id) BEGIN
            {_v13_recount_deciders("(SELECT document_id FROM claims WHERE id = old.claim_id)")}
        END;
        """
    for statement in _v13_statements(script):
        db.execute(statement)


def _add_reference_impacts(db: sqlite_utils.Database) -> None:
    # The recall index over the reference library (`store.impact_index`): one row per
    # stem, its passage ids and BM25 impacts packed, and a marker row under stem ''.
    # Built lazily by the first recall and emptied by every library write, so a
    # database of the previous version needs nothing but the empty table.
    db.execute(
        "CREATE TABLE IF NOT EXISTS reference_impacts ("
        " stem TEXT PRIMARY KEY,"
        " documents INTEGER NOT NULL,"
        " passages BLOB NOT NULL,"
        " impacts BLOB NOT NULL)"
    )


def _add_reference_passage_stems(db: sqlite_utils.Database) -> None:
    # Each passage's `content_stems`, kept with the impact index (`store.impact_index`)
    # so the rerank reads them instead of stemming its candidates. Written when the
    # index is built and emptied with it; a cached index of the previous version is
    # dropped here, so the next recall builds both.
    db.execute(
        "CREATE TABLE IF NOT EXISTS reference_passage_stems ("
        " passage_id INTEGER PRIMARY KEY,"
        " stems TEXT NOT NULL)"
    )
    db.execute("DELETE FROM reference_impacts")


def _clear_sentence_vectors_of_the_plain_encoder(db: sqlite_utils.Database) -> None:
    # The packaged sentence encoder was fine-tuned (bench/train_sentence_encoder.py,
    # issue 14): vectors the plain all-MiniLM-L6-v2 stored live in another space, and a
    # cosine between the two would be noise. Cleared, they are encoded again by the new
    # model the next time a passage is reranked (or by `Store.fill_sentence_vectors`).
    db.execute("UPDATE reference_passages SET sentence_vector = NULL")


def _add_store_meta_naming_the_sentence_encoder(db: sqlite_utils.Database) -> None:
    # The last step a retrained sentence encoder needs (the 15 -> 16 step was one): the
    # identity of the model that made the stored `sentence_vector`s lives under the key
    # 'sentence_encoder' (`store.references.SENTENCE_ENCODER_KEY`); the store serves
    # only vectors of the shipped model's identity and drops the others, in one
    # transaction, the next time it saves one. Vectors stored before this step have no
    # identity, so they count as another model's and are encoded again when reranked.
    db.execute("CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _create_core_tables,  # 0 -> 1
    _add_article_metadata_and_evidence,  # 1 -> 2
    _add_references_factchecks_and_page_cache,  # 2 -> 3
    _add_reference_stem_counts,  # 3 -> 4
    _add_checked_claims_index,  # 4 -> 5
    _add_passage_vectors,  # 5 -> 6
    _add_assignments,  # 6 -> 7
    _index_claims_by_status_in_document_order,  # 7 -> 8
    _add_decisions_dismissals_and_duplicate_groups,  # 8 -> 9
    _add_claim_versions,  # 9 -> 10
    _add_passage_sentence_vectors,  # 10 -> 11
    _add_pending_scores,  # 11 -> 12
    _add_document_tallies,  # 12 -> 13
    _add_reference_impacts,  # 13 -> 14
    _add_reference_passage_stems,  # 14 -> 15
    _clear_sentence_vectors_of_the_plain_encoder,  # 15 -> 16
    _add_store_meta_naming_the_sentence_encoder,  # 16 -> 17
]
"""`MIGRATIONS[n]` upgrades version n to n + 1. Append; never edit a released step."""

SCHEMA_VERSION = len(MIGRATIONS)
