"""Many articles split in worker processes (issue 11's bulk speed: `factcheck add` of
many files, and finishing many pending documents) store what one process stores, to the
bit, whatever the number of workers, and report each input in order as it is done."""

from __future__ import annotations

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
from factcheck.ingest.workers import IN_FLIGHT_PER_WORKER
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
