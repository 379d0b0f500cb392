"""Every claim row of a claims.db, read with plain sqlite3: what two ways of adding or
scoring documents are compared by (tests of bulk add and of pending scores)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def stored_claims(db: Path) -> list[tuple]:
    """Each claim's document, text, offsets, kind, score, status and repeat, by id."""
    with sqlite3.connect(db) as conn:
        return conn.execute(
            'SELECT document_id, text, "start", "end", sentence_start, sentence_end, kind,'
            " score, status, duplicate_of FROM claims ORDER BY id"
        ).fetchall()
