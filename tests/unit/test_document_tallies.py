"""The per-document tallies `factcheck documents` and `status` read (schema step 12 -> 13)
equal the plain aggregate over every claim and verdict, after any sequence of writes."""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.export import build_report, import_json_report, render_json
from factcheck.models import Claim, Status
from factcheck.store import Store
from factcheck.store.assignments import ReviewerProgress
from factcheck.store.documents import DocumentCounts
from factcheck.store.schema import MIGRATIONS, _add_document_tallies

SENTENCES = [
    "Seoul has ten million people.",
    "The bridge opened in 1932.",
    "Inflation fell to 2 percent.",
    "The river is 300 km long.",
    "Cases doubled in May.",
]
REVIEWERS = ["ana", "ben", "cy"]
STATUSES = [Status.SUPPORTED, Status.DISPUTED, Status.UNVERIFIED, Status.DISMISSED]

# The plain aggregates the tallies replace (the queries `documents` and `status` ran
# before step 12 -> 13), kept here as the reference.
PLAIN_DOCUMENT_COUNTS = """
    SELECT d.id, d.title,
        coalesce(sum(c.duplicate_of IS NULL AND c.status = 'unverified'), 0),
        coalesce(sum(c.duplicate_of IS NULL AND c.status = 'supported'), 0),
        coalesce(sum(c.duplicate_of IS NULL AND c.status = 'disputed'), 0),
        a.reviewer
    FROM documents d
    LEFT JOIN assignments a ON a.document_id = d.id
    LEFT JOIN claims c ON c.document_id = d.id
    {where}
    GROUP BY d.id ORDER BY d.id
"""
PLAIN_PER_REVIEWER = """
WITH latest AS (
    SELECT claim_id, (SELECT standing.id FROM verdicts AS standing
        WHERE standing.claim_id = verdicts.claim_id AND standing.undoes IS NULL
        AND NOT EXISTS (SELECT 1 FROM verdicts AS undo WHERE undo.undoes = standing.id)
        ORDER BY standing.created_at DESC, standing.id DESC LIMIT 1) AS verdict_id
    FROM verdicts GROUP BY claim_id
),
owned AS (
    SELECT claims.document_id, verdicts.reviewer,
        sum(claims.status != 'dismissed' AND claims.duplicate_of IS NULL) AS decided,
        sum(claims.duplicate_of IS NULL AND claims.status = 'disputed') AS disputed
    FROM latest
    JOIN verdicts ON verdicts.id = latest.verdict_id
    JOIN claims ON claims.id = latest.claim_id
    GROUP BY claims.document_id, verdicts.reviewer
),
activity AS (
    SELECT claims.document_id, verdicts.reviewer, count(*) AS verdicts,
        max(verdicts.created_at) AS last_activity
    FROM verdicts JOIN claims ON claims.id = verdicts.claim_id
    GROUP BY claims.document_id, verdicts.reviewer
)
SELECT activity.document_id, activity.reviewer, coalesce(owned.decided, 0),
    coalesce(owned.disputed, 0), activity.verdicts, activity.last_activity
FROM activity LEFT JOIN owned USING (document_id, reviewer)
"""


def plain_document_counts(store: Store, assigned_to: str | None = None) -> list[DocumentCounts]:
    where, params = ("WHERE a.reviewer = ?", [assigned_to]) if assigned_to else ("", [])
    sql = PLAIN_DOCUMENT_COUNTS.format(where=where)
    return [DocumentCounts._make(row) for row in store.conn.execute(sql, params)]


def plain_reviewer_progress(store: Store) -> dict[int, list[ReviewerProgress]]:
    shares: dict[int, list[ReviewerProgress]] = {}
    for document_id, *fields in store.conn.execute(PLAIN_PER_REVIEWER):
        shares.setdefault(document_id, []).append(ReviewerProgress(*fields))
    for reviewers in shares.values():
        reviewers.sort(key=lambda r: (-r.decided, r.reviewer))
    return shares


def assert_tallies_are_the_aggregate(store: Store) -> None:
    assert list(store.document_counts()) == plain_document_counts(store)
    for reviewer in REVIEWERS:
        assert list(store.document_counts(assigned_to=reviewer)) == plain_document_counts(
            store, reviewer
        )
    assert store.reviewer_progress() == plain_reviewer_progress(store)


# -- the writes ----------------------------------------------------------------------


def add_document(store: Store, picks: list[int], title: str) -> None:
    """A document of the picked sentences; a sentence picked again is a repeat, and
    every third sentence is left without a claim (for `add_claim`)."""
    text = " ".join(SENTENCES[p] for p in picks) + f" ({title})"
    claims, duplicate_of, first = [], [], {}
    offset = 0
    for index, pick in enumerate(picks):
        sentence = SENTENCES[pick]
        if index % 3 != 2:
            claims.append(
                Claim(sentence, offset, offset + len(sentence), offset, offset + len(sentence))
            )
            duplicate_of.append(first.get(pick))
            first.setdefault(pick, len(claims) - 1)
        offset += len(sentence) + 1
    store.add_document(text, title=title, source="test", claims=claims, duplicate_of=duplicate_of)


def claim_ids(store: Store) -> list[int]:
    return [row[0] for row in store.conn.execute("SELECT id FROM claims ORDER BY id")]


def pick(items: list[int], n: int) -> int | None:
    return items[n % len(items)] if items else None


def do(store: Store, other: Store, op: tuple[str, int, int, int]) -> None:
    name, a, b, c = op
    if name == "add":
        add_document(store, [a % 5, b % 5, c % 5, (a + b) % 5, a % 5], f"doc {a} {b}")
        return
    claims = claim_ids(store)
    claim_id = pick(claims, a)
    if name == "mark" and claim_id is not None:
        ids = [claim_id] + ([pick(claims, c)] if c % 2 else [])
        store.mark(ids, STATUSES[b % 4], reviewer=REVIEWERS[c % 3])
    elif name == "undo":
        standing = [
            row[0]
            for row in store.conn.execute(
                "SELECT id FROM verdicts v WHERE undoes IS NULL AND NOT EXISTS"
                " (SELECT 1 FROM verdicts u WHERE u.undoes = v.id) ORDER BY id"
            )
        ]
        verdict_id = pick(standing, a)
        if verdict_id is not None:
            store.undo([verdict_id], reviewer=REVIEWERS[b % 3])
    elif name == "edit" and claim_id is not None:
        claim = store.get_claim(claim_id)
        if claim.end - claim.start > 3:
            end = claim.end - 1
            text = store.document_text(claim.document_id or 0) or ""
            store.replace_claim_span(
                dataclasses.replace(claim, end=end, text=text[claim.start : end]), reviewer="ana"
            )
    elif name == "add_claim":
        free = [
            (row[0], s, e)
            for row in store.conn.execute("SELECT id, text FROM documents ORDER BY id")
            for s, e in sentence_spans(row[1])
            if not store.conn.execute(
                'SELECT 1 FROM claims WHERE document_id = ? AND "start" < ? AND "end" > ?',
                [row[0], e, s],
            ).fetchone()
        ]
        if free:
            document_id, start, end = free[a % len(free)]
            text = store.document_text(document_id) or ""
            store.add_claim(
                document_id, Claim(text[start:end], start, end, start, end), reviewer="cy"
            )
    elif name == "assign":
        documents = [row[0] for row in store.conn.execute("SELECT id FROM documents")]
        document_id = pick(documents, a)
        if document_id is not None:
            store.assign([document_id], None if b % 4 == 3 else REVIEWERS[b % 3])
    elif name == "import":
        report = render_json(build_report(other, generated_at="2026-11-30T00:00:00Z"))
        with contextlib.suppress(InputError):  # a moved claim's report is refused, whole
            import_json_report(store, report)
    elif name == "delete_claim" and claim_id is not None:
        raw_write(store, "UPDATE claims SET duplicate_of = NULL WHERE duplicate_of = ?", [claim_id])
        raw_write(store, "DELETE FROM claims WHERE id = ?", [claim_id])
    elif name == "delete_verdict":
        verdict_id = pick([r[0] for r in store.conn.execute("SELECT id FROM verdicts")], a)
        if verdict_id is not None:
            raw_write(store, "DELETE FROM verdicts WHERE id = ?", [verdict_id])
    elif name == "delete_document":
        document_id = pick([r[0] for r in store.conn.execute("SELECT id FROM documents")], a)
        if document_id is not None:
            raw_write(store, "DELETE FROM documents WHERE id = ?", [document_id])
    elif name == "move_claim" and claim_id is not None:
        document_id = pick([r[0] for r in store.conn.execute("SELECT id FROM documents")], b)
        raw_write(store, "UPDATE claims SET document_id = ? WHERE id = ?", [document_id, claim_id])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for sentence in SENTENCES * 3:
        found = text.find(sentence, start)
        if found >= 0:
            spans.append((found, found + len(sentence)))
            start = found + len(sentence)
    return spans


def raw_write(store: Store, sql: str, params: list[object]) -> None:
    """A write no store function makes (deletes, moves): the triggers must follow it too."""
    with store.transaction() as conn:
        conn.execute(sql, params)


OPS = st.tuples(
    st.sampled_from(
        [
            *("add", "add", "mark", "mark", "mark", "undo", "edit", "add_claim", "assign"),
            *("import", "delete_claim", "delete_verdict", "delete_document", "move_claim"),
        ]
    ),
    st.integers(0, 40),
    st.integers(0, 40),
    st.integers(0, 40),
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=st.lists(st.tuples(st.booleans(), OPS), min_size=1, max_size=25))
def test_tallies_equal_the_plain_aggregate_after_any_writes(tmp_path_factory, ops) -> None:
    folder = tmp_path_factory.mktemp("tallies")
    with Store(folder / "a.db") as first, Store(folder / "b.db") as second:
        add_document(first, [0, 1, 2, 0], "seed")
        for on_second, op in ops:
            store, other = (second, first) if on_second else (first, second)
            do(store, other, op)
            assert_tallies_are_the_aggregate(store)
        for store in (first, second):
            assert_migration_fills_what_the_triggers_kept(store)


def assert_migration_fills_what_the_triggers_kept(store: Store) -> None:
    """Dropping the tallies and running the step again gives the same rows: an existing
    database upgraded is in the state a new one reaches by its writes."""
    tables = ("document_tallies", "claim_deciders", "reviewer_tallies")
    kept = {t: sorted(store.conn.execute(f"SELECT * FROM {t}")) for t in tables}
    with store.transaction() as conn:
        for (trigger,) in list(
            conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%tallies%'"
            )
        ):
            conn.execute(f"DROP TRIGGER {trigger}")
        for table in tables:
            conn.execute(f"DROP TABLE {table}")
        _add_document_tallies(sqlite_utils.Database(conn))
    assert {t: sorted(store.conn.execute(f"SELECT * FROM {t}")) for t in tables} == kept


def test_upgrading_a_database_fills_the_tallies(
    old_database: Callable[[int], tuple[Path, sqlite3.Connection]],
) -> None:
    version = MIGRATIONS.index(_add_document_tallies)
    path, conn = old_database(version)
    conn.executescript(
        """
        INSERT INTO documents (id, title, source, text, sha256, added_at)
            VALUES (1, 'one', 's', 'A. B. C.', 'x1', '2026-01-01'),
                   (2, 'empty', 's', 'D.', 'x2', '2026-01-01');
        INSERT INTO claims (id, document_id, text, "start", "end", sentence_start,
            sentence_end, kind, score, status, updated_at, decided, duplicate_of)
        VALUES (1, 1, 'A.', 0, 2, 0, 2, 'other', 0.5, 'disputed', 't', 1, NULL),
               (2, 1, 'B.', 3, 5, 3, 5, 'other', 0.5, 'disputed', 't', 1, 1),
               (3, 1, 'C.', 6, 8, 6, 8, 'other', 0.5, 'unverified', 't', 0, NULL);
        INSERT INTO verdicts (id, claim_id, status, reviewer, created_at, undoes) VALUES
            (1, 1, 'supported', 'ana', '2026-01-02', NULL),
            (2, 1, 'disputed', 'ben', '2026-01-03', NULL),
            (3, 2, 'disputed', 'ben', '2026-01-03', NULL),
            (4, 3, 'supported', 'ana', '2026-01-04', NULL),
            (5, 3, 'unverified', 'ana', '2026-01-05', 4);
        INSERT INTO assignments (document_id, reviewer, assigned_at) VALUES (2, 'ana', 't');
        """
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert list(store.document_counts()) == [
            DocumentCounts(1, "one", 1, 0, 1, None),
            DocumentCounts(2, "empty", 0, 0, 0, "ana"),
        ]
        assert store.reviewer_progress() == {
            1: [
                ReviewerProgress("ben", 1, 1, 2, "2026-01-03"),
                ReviewerProgress("ana", 0, 0, 3, "2026-01-05"),
            ]
        }
        assert_tallies_are_the_aggregate(store)


def test_documents_never_reads_the_article_text(store: Store) -> None:
    """The listing's reads name no `documents` column: the text pages stay unread."""
    add_document(store, [0, 1, 2], "one")
    store.mark([claim_ids(store)[0]], Status.DISPUTED, reviewer="ana")
    traced: list[str] = []
    store.conn.set_trace_callback(traced.append)
    try:
        list(store.document_counts())
        store.reviewer_progress()
    finally:
        store.conn.set_trace_callback(None)
    assert traced and not [sql for sql in traced if "documents" in sql]
