"""Many articles split in worker processes (issue 11's bulk speed: `factcheck add` of
many files, and finishing many pending documents) store what one process stores, to the
bit, whatever the number of workers, and report each input in order as it is done."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import finish_pending_scores
from factcheck.cli import cli
from factcheck.errors import InputError
from factcheck.ingest import Article, add_article, add_articles
from factcheck.ingest.pending_scores import WORKERS_FROM
from factcheck.ingest.workers import IN_FLIGHT_PER_WORKER, in_order
from factcheck.store import Store
from tests.unit.stored_claims import stored_claims

SEED = Path(__file__).resolve().parents[2] / "seeds" / "xi-lee-call.txt"


def _articles(count: int = WORKERS_FROM) -> list[Article]:
    """`count` distinct articles of the seed's paragraphs (article k starts at paragraph
    k and takes four): real sentences past the cascade floor, so workers load the model."""
    paragraphs = SEED.read_text(encoding="utf-8").strip().split("\n\n")
    return [
        Article(
            "\n\n".join(paragraphs[(k + i) % len(paragraphs)] for i in range(4)) + "\n",
            title=f"article {k}",
            source=f"a{k}.txt",
        )
        for k in range(count)
    ]


def _documents(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT id, title, source, sha256 FROM documents ORDER BY id"
        ).fetchall()


@pytest.fixture(scope="module")
def one_by_one(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `add_article` (scored at once) stores for the articles, one process."""
    path = tmp_path_factory.mktemp("one") / "one.db"
    with Store(path) as store:
        for article in _articles():
            add_article(store, article)
    return path


def test_add_articles_in_two_workers_stores_what_one_process_stores(
    tmp_path: Path, one_by_one: Path
) -> None:
    articles = _articles()
    unreadable = InputError("cannot read missing.txt")
    entries = [("first", articles[0]), ("bad", unreadable)]
    entries += [(f"k{k}", article) for k, article in enumerate(articles[1:], start=1)]
    entries.append(("again", articles[0]))  # the same text: the stored document comes back
    db = tmp_path / "workers.db"
    with Store(db) as store:
        outcomes = list(add_articles(store, entries, workers=2))
    assert [key for key, _, _ in outcomes] == [key for key, _ in entries]  # input order
    assert outcomes[1] == ("bad", unreadable, None)  # passed through in its place
    results = [result for _, _, result in outcomes if result is not None]
    assert [r.created for r in results] == [True] * len(articles) + [False]
    assert results[-1].document.id == results[0].document.id
    assert _documents(db) == _documents(one_by_one)
    assert stored_claims(db) == stored_claims(one_by_one)  # spans, groups and scores, to the bit
    with Store(db) as store:
        assert not store.has_pending_scores()  # scored at once: no second split later


def test_add_articles_reports_each_article_as_it_is_done(tmp_path: Path) -> None:
    """Outcomes come while later inputs are still unread: a progress bar over them
    advances per file, and a stop keeps what was stored so far."""
    articles = _articles(12)
    read: list[int] = []

    def entries():
        for k, article in enumerate(articles):
            read.append(k)
            yield k, article

    db = tmp_path / "lazy.db"
    with Store(db) as store:
        outcomes = add_articles(store, entries(), workers=2)
        first = next(outcomes)
        assert first[0] == 0 and first[2] is not None and first[2].created
        assert len(read) <= 2 * IN_FLIGHT_PER_WORKER + 1 < len(articles)
        second = next(outcomes)
        outcomes.close()  # the caller stops (Ctrl-C, an error): nothing more is started
        assert second[0] == 1
    assert [row[0] for row in _documents(db)] == [1, 2]


def test_finishing_in_two_workers_stores_what_one_process_stores(
    tmp_path: Path, one_by_one: Path
) -> None:
    finished: dict[int, list[int]] = {}
    for workers in (1, 2):
        db = tmp_path / f"deferred-{workers}.db"
        with Store(db) as store:
            for article in _articles():
                add_article(store, article, defer_scores=True)
            pending = store.pending_score_documents()
            seen: list[int] = []
            assert finish_pending_scores(store, workers=workers, on_document=seen.append) == len(
                pending
            )
            finished[workers] = seen
            assert not store.has_pending_scores()
        assert stored_claims(db) == stored_claims(one_by_one)
    assert finished[1] == finished[2] == list(range(1, len(_articles()) + 1))  # in order


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_a_bulk_add_scores_at_once_and_reports_each_file_in_order(
    tmp_path: Path, one_by_one: Path, monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    monkeypatch.setattr("factcheck.cli.claims.is_terminal", lambda stream: terminal)
    names = []
    for article in _articles():
        (tmp_path / article.source).write_text(article.text, encoding="utf-8")
        names.append(str(tmp_path / article.source))
    db = tmp_path / "cli.db"
    done = CliRunner().invoke(cli, ["--db", str(db), "add", *names[:2], "missing.txt", *names[2:]])
    assert done.exit_code == 1  # one input failed; the others went in
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == [
        f"added document {n}" for n in range(1, len(names) + 1)
    ]
    assert "Error: no such file: missing.txt" in done.stderr
    assert ("adding" in done.stderr) is terminal
    with Store(db) as store:
        assert not store.has_pending_scores()
    assert stored_claims(db) == stored_claims(one_by_one)


def test_workers_exit_when_their_caller_is_killed(tmp_path: Path) -> None:
    """A caller killed outright leaves no worker waiting for work forever."""
    script = (
        "import multiprocessing, sys, time\n"
        "from factcheck.ingest.workers import in_order\n"
        "if __name__ == '__main__':\n"
        "    results = in_order(time.sleep, [(n, 0.2) for n in range(1000)], workers=2)\n"
        "    next(results)\n"
        "    print(' '.join(str(p.pid) for p in multiprocessing.active_children()), flush=True)\n"
        "    time.sleep(60)\n"
    )
    caller = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=tmp_path
    )
    assert caller.stdout is not None
    workers = [int(pid) for pid in caller.stdout.readline().split()]
    assert len(workers) >= 2
    caller.kill()
    caller.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    """Whether `pid` is a live process (an exited, unreaped one counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ")[-1][0] != "Z"
    except FileNotFoundError:
        return False


def _note_start() -> None:
    """A worker's `prepare`: leaves a mark named by its pid in $WORKER_TEST_FOLDER."""
    (Path(os.environ["WORKER_TEST_FOLDER"]) / f"{os.getpid()}.started").touch()


def _double(n: int) -> int:
    return 2 * n


def test_workers_start_and_prepare_before_the_first_item_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Their start-up (imports, the model) overlaps the caller's (the database, reading
    the first file) instead of following it."""
    monkeypatch.setenv("WORKER_TEST_FOLDER", str(tmp_path))
    started_at_first_read: list[int] = []

    def items():
        deadline = time.monotonic() + 30
        while len(list(tmp_path.glob("*.started"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        started_at_first_read.append(len(list(tmp_path.glob("*.started"))))
        yield from ((k, k) for k in range(5))

    results = list(in_order(_double, items(), workers=2, prepare=_note_start))
    assert started_at_first_read == [2]  # both workers up and prepared, no item read yet
    assert results == [(k, 2 * k) for k in range(5)]


def test_a_bulk_add_opens_the_database_when_the_first_entry_is_read(tmp_path: Path) -> None:
    articles = _articles(3)
    opened: list[Store] = []
    read: list[int] = []

    def open_store() -> Store:
        if not opened:
            assert read == [0]  # not before: the workers start first
            opened.append(Store(tmp_path / "lazy-open.db"))
        return opened[0]

    def entries():
        for k, article in enumerate(articles):
            read.append(k)
            yield k, article

    outcomes = add_articles(open_store, entries(), workers=2)
    assert not opened
    results = [result for _, _, result in outcomes]
    assert [r.document.id for r in results if r is not None] == [1, 2, 3]
    opened[0].close()


def test_the_storing_process_of_a_bulk_add_never_imports_the_splitter(tmp_path: Path) -> None:
    """Workers send claims back as plain tuples: unpickling a `ClaimGroups` would import
    the splitter and the scorer (~90 ms) into the process that only stores them."""
    (tmp_path / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    script = (
        "import sys\n"
        "from factcheck.ingest import add_articles, read_article\n"
        "from factcheck.store import Store\n"
        "if __name__ == '__main__':\n"
        "    article = read_article('seed.txt')\n"
        "    with Store('bulk.db') as store:\n"
        "        results = [r for _, _, r in add_articles(store, [(0, article)], workers=2)]\n"
        "    print(results[0].claim_count, 'factcheck.claims.splitter' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    count, imported = done.stdout.split()
    assert int(count) >= 5 and imported == "False"
