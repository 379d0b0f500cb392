"""The claims.db schema, as a list of forward migrations.

`MIGRATIONS[n]` upgrades a database at `PRAGMA user_version` n to n + 1. To change the
schema, append a new function; never edit one that has shipped, because databases made
by older versions replay the list from where they stand.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


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


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _create_core_tables,  # 0 -> 1
    _add_article_metadata_and_evidence,  # 1 -> 2
]
"""`MIGRATIONS[n]` upgrades version n to n + 1. Append; never edit a released step."""

SCHEMA_VERSION = len(MIGRATIONS)
