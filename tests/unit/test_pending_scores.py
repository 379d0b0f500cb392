"""Scores `add` leaves pending, finished by the first read (issue 15: one `add FILE`
process a file costs start-up, not onnxruntime). What is stored and shown after the
finish is what an add that scored at once stores and shows, to the bit."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import finish_pending_scores
from factcheck.cli import cli
from factcheck.errors import StoreError
from factcheck.ingest import Article, add_article
from factcheck.store import Store
from tests.unit.stored_claims import stored_claims

SEED = Path(__file__).resolve().parents[2] / "seeds" / "xi-lee-call.txt"


def _parts() -> list[Article]:
    """The seed as four articles (by paragraph): real sentences past the cascade floor."""
    paragraphs = SEED.read_text(encoding="utf-8").strip().split("\n\n")
    size = -(-len(paragraphs) // 4)
    return [
        Article("\n\n".join(paragraphs[i : i + size]) + "\n", title=f"part {i}", source=f"p{i}")
        for i in range(0, len(paragraphs), size)
    ]


def _pending(db: Path) -> list[int]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT document_id FROM pending_scores")]


@pytest.fixture
def immediate(tmp_path: Path) -> Path:
    """The database an add that scores at once (as before scores were deferred) makes."""
    path = tmp_path / "immediate.db"
    with Store(path) as store:
        for article in _parts():
            add_article(store, article)
    return path


def _deferred(path: Path) -> Path:
    with Store(path) as store:
        for article in _parts():
            assert add_article(store, article, defer_scores=True).created
    return path


def test_add_marks_scores_pending_with_the_same_claims_and_counts(
    tmp_path: Path, immediate: Path
) -> None:
    deferred = _deferred(tmp_path / "deferred.db")
    now, later = stored_claims(immediate), stored_claims(deferred)
    assert len(_pending(deferred)) == len(_parts()) and not _pending(immediate)
    # the same claims, spans, kinds and groups; only the (first-pass) scores differ
    assert [row[:7] + row[8:] for row in now] == [row[:7] + row[8:] for row in later]
    assert [row[7] for row in now] != [row[7] for row in later]
    with Store(immediate) as a, Store(deferred) as b:  # `add` prints this count
        assert [a._claim_count(i) for i in (1, 2, 3, 4)] == [
            b._claim_count(i) for i in (1, 2, 3, 4)
        ]


def test_the_finish_stores_the_scores_of_an_immediate_add_to_the_bit(
    tmp_path: Path, immediate: Path
) -> None:
    deferred = _deferred(tmp_path / "deferred.db")
    with Store(deferred) as store:
        assert finish_pending_scores(store) == len(_parts())
        assert not store.has_pending_scores()
        assert finish_pending_scores(store) == 0  # nothing left: nothing done
    assert stored_claims(deferred) == stored_claims(immediate)  # floats compared as stored


def test_add_then_list_in_separate_processes_shows_what_immediate_scoring_shows(
    tmp_path: Path, immediate: Path
) -> None:
    runner = CliRunner()
    files = []
    for number, article in enumerate(_parts()):
        path = tmp_path / f"part{number}.txt"
        path.write_text(article.text, encoding="utf-8")
        files.append(path)
    db = tmp_path / "cli.db"
    for path in files:  # one invocation a file, as a script calling the CLI does
        done = runner.invoke(cli, ["--db", str(db), "add", str(path)])
        assert done.exit_code == 0, done.output
        assert "added document" in done.output
    assert len(_pending(db)) == len(files)
    listed = runner.invoke(cli, ["--db", str(db), "list", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert not _pending(db)
    scores = [row[7] for row in stored_claims(db)]
    assert scores == [row[7] for row in stored_claims(immediate)]
    # and listing again (nothing pending) prints the same
    again = runner.invoke(cli, ["--db", str(db), "list", "--format", "json"])
    assert again.stdout == listed.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["list", "--format", "csv", "--min-score", "0.5"],
        ["show", "3"],
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["export", "--format", "markdown"],
        ["export", "--format", "html"],
    ],
)
def test_every_read_shows_what_it_shows_after_an_immediate_add(
    tmp_path: Path, immediate: Path, command: list[str]
) -> None:
    deferred = _deferred(tmp_path / "deferred.db")
    for path in (immediate, deferred):  # the same clock for both: only scores may differ
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE documents SET added_at = '2026-11-01T10:00:00Z'")
            conn.execute("UPDATE claims SET updated_at = '2026-11-01T10:00:00Z'")
    runner = CliRunner()
    shown = runner.invoke(cli, ["--db", str(deferred), *command])
    expected = runner.invoke(cli, ["--db", str(immediate), *command])
    assert shown.exit_code == expected.exit_code == 0, shown.output
    # the JSON report's own time stamp (to the second) is the clock's, not the data's:
    # on a loaded machine the two runs may straddle a second
    generated = re.compile(r'"generated_at": "[^"]*"')
    assert generated.sub("", shown.stdout) == generated.sub("", expected.stdout)
    assert not _pending(deferred)


def test_documents_and_mark_leave_scores_pending(tmp_path: Path) -> None:
    """Commands that neither show nor use scores do not pay for the model."""
    deferred = _deferred(tmp_path / "deferred.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(deferred), "documents"]).exit_code == 0
    assert runner.invoke(cli, ["--db", str(deferred), "mark", "supported", "1"]).exit_code == 0
    assert len(_pending(deferred)) == len(_parts())


def test_a_second_finisher_writes_nothing_for_a_finished_document(tmp_path: Path) -> None:
    deferred = _deferred(tmp_path / "deferred.db")
    with Store(deferred) as first, Store(deferred) as second:
        late = second.pending_score_documents()  # read before the other process finished
        assert finish_pending_scores(first) == len(late)
        finished = stored_claims(deferred)
        # the late process re-checks under the write lock: not pending, nothing written
        assert not second.finish_scores(late[0], [(c[2], c[3], 0.123) for c in finished])
    assert stored_claims(deferred) == finished


def test_two_finishers_at_once_finish_each_document_once(tmp_path: Path, immediate: Path) -> None:
    deferred = _deferred(tmp_path / "deferred.db")
    counts: list[int] = []
    errors: list[BaseException] = []

    def finish() -> None:
        try:
            with Store(deferred, timeout=30) as store:
                counts.append(finish_pending_scores(store))
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=finish) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sum(counts) == len(_parts())  # each document written by one of them
    assert stored_claims(deferred) == stored_claims(immediate)


def test_an_interrupt_mid_finish_keeps_finished_documents_and_loses_nothing(
    tmp_path: Path, immediate: Path
) -> None:
    deferred = _deferred(tmp_path / "deferred.db")
    first_pass = stored_claims(deferred)

    def interrupt(document_id: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C right after the first document

    with Store(deferred) as store, pytest.raises(KeyboardInterrupt):
        finish_pending_scores(store, on_document=interrupt)
    assert _pending(deferred) == [2, 3, 4]
    now, final = stored_claims(deferred), stored_claims(immediate)
    assert [r for r in now if r[0] == 1] == [r for r in final if r[0] == 1]
    assert [r for r in now if r[0] != 1] == [r for r in first_pass if r[0] != 1]
    with Store(deferred) as store:
        assert finish_pending_scores(store) == 3
    assert stored_claims(deferred) == final


def test_a_failed_write_mid_finish_rolls_that_document_back(
    tmp_path: Path, immediate: Path
) -> None:
    deferred = _deferred(tmp_path / "deferred.db")
    first_pass = stored_claims(deferred)
    with sqlite3.connect(deferred) as conn:  # the disk "fails" on document 2's update
        conn.execute(
            "CREATE TRIGGER fail AFTER UPDATE OF score ON claims WHEN new.document_id = 2"
            " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )
    with Store(deferred) as store, pytest.raises(StoreError):
        finish_pending_scores(store)
    assert _pending(deferred) == [2, 3, 4]
    final = stored_claims(immediate)
    now = stored_claims(deferred)
    assert [r for r in now if r[0] == 1] == [r for r in final if r[0] == 1]
    assert [r for r in now if r[0] != 1] == [r for r in first_pass if r[0] != 1]


def test_a_span_the_split_no_longer_finds_keeps_its_first_pass_score(tmp_path: Path) -> None:
    deferred = _deferred(tmp_path / "deferred.db")
    with sqlite3.connect(deferred) as conn:  # as if the splitter changed since the add
        claim_id, score = conn.execute(
            "SELECT id, score FROM claims WHERE document_id = 1 ORDER BY id LIMIT 1"
        ).fetchone()
        conn.execute('UPDATE claims SET "end" = "end" - 1 WHERE id = ?', [claim_id])
    with Store(deferred) as store:
        assert finish_pending_scores(store) == len(_parts())
        assert store.get_claim(claim_id).score == score
    assert not _pending(deferred)


def test_a_read_only_database_with_pending_scores_is_a_one_line_error(tmp_path: Path) -> None:
    deferred = _deferred(tmp_path / "deferred.db")
    before = stored_claims(deferred)
    with Store(deferred) as store:
        store.conn.execute("PRAGMA query_only = ON")  # writes fail as on a read-only file
        with pytest.raises(StoreError, match="read-only and the scores of 4 added documents"):
            finish_pending_scores(store)
    assert stored_claims(deferred) == before and len(_pending(deferred)) == 4
    with Store(tmp_path / "empty.db") as store:
        store.conn.execute("PRAGMA query_only = ON")
        assert finish_pending_scores(store) == 0  # nothing pending: reads as before


def test_a_long_finish_draws_a_bar_on_a_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    for terminal in (False, True):
        deferred = _deferred(tmp_path / f"deferred-{terminal}.db")
        monkeypatch.setattr("factcheck.cli.is_terminal", lambda stream, t=terminal: t)
        done = runner.invoke(cli, ["--db", str(deferred), "list"])
        assert done.exit_code == 0, done.output
        assert ("scoring added documents" in done.stderr) is terminal
        assert "scoring" not in done.stdout


def test_review_finishes_the_scores_before_the_screen_reads_them(
    tmp_path: Path, immediate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen (another package) reads the store it is given; it is made only after
    the scores are final. It is replaced here by one that records what it would read."""
    deferred = _deferred(tmp_path / "deferred.db")
    seen: list[tuple[bool, list[float]]] = []

    class Screen:
        return_code = 0

        def __init__(self, store: Store, *args: object, **kwargs: object) -> None:
            scores = [claim.score for claim in store.list_claims()]
            seen.append((store.has_pending_scores(), scores))

        def run(self) -> None:
            pass

    monkeypatch.setattr("factcheck.tui.make_app", Screen)
    done = CliRunner().invoke(cli, ["--db", str(deferred), "review", "1"])
    assert done.exit_code == 0, done.output
    with Store(immediate) as store:
        assert seen == [(False, [claim.score for claim in store.list_claims()])]


def test_a_review_session_finishes_its_own_document_only(tmp_path: Path, immediate: Path) -> None:
    """A document `add`ed while the review screen is open is finished when the screen
    opens it (`ReviewSession`), not the rest: the screen waits for one document."""
    from factcheck.desk.session import ReviewSession

    deferred = _deferred(tmp_path / "deferred.db")
    with Store(deferred) as store:
        ReviewSession(store, 2, reviewer="ana")
    assert _pending(deferred) == [1, 3, 4]
    assert [r for r in stored_claims(deferred) if r[0] == 2] == [
        r for r in stored_claims(immediate) if r[0] == 2
    ]
    with Store(deferred) as store:  # read-only: the session opens, first pass shown
        store.conn.execute("PRAGMA query_only = ON")
        assert ReviewSession(store, 3, reviewer="ana").document.id == 3
    assert _pending(deferred) == [1, 3, 4]
