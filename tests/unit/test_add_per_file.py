"""`factcheck add FILE` once per file (a process each) stores what one `add` of all the
files stores: the same claims, spans, kinds and check-worthiness scores to the bit, first
pass and final (`tests/unit/test_pending_scores.py`: the same as scoring at once)
(issue 15: the start-up cuts change how a process starts and ends, never what it keeps).
The processes run the console entry point (`python -m factcheck` -> `cli.main`), so
the exit that skips the interpreter's teardown is what runs here: output flushed,
database closed, exit status kept."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "xi-lee-call.txt"


def _articles(folder: Path) -> list[Path]:
    """The seed article as two files (its first and second half, by paragraph): real
    text with sentences that pass the cascade floor, so finishing loads the
    transformer."""
    paragraphs = SEED.read_text(encoding="utf-8").strip().split("\n\n")
    half = len(paragraphs) // 2
    files = []
    for number, part in enumerate((paragraphs[:half], paragraphs[half:])):
        path = folder / f"part{number}.txt"
        path.write_text("\n\n".join(part) + "\n", encoding="utf-8")
        files.append(path)
    return files


def _factcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cwd / "model-cache")}
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def _stored(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT d.sha256, c.text, c.start, c.end, c.kind, c.score, c.status"
            " FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY d.id, c.id"
        ).fetchall()


def test_one_process_per_file_stores_what_one_call_for_all_stores(tmp_path: Path) -> None:
    files = _articles(tmp_path)
    together = _factcheck("--db", str(tmp_path / "one.db"), "add", *map(str, files), cwd=tmp_path)
    assert together.returncode == 0, together.stderr
    outputs = []
    for path in files:
        done = _factcheck("--db", str(tmp_path / "each.db"), "add", str(path), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    one, each = _stored(tmp_path / "one.db"), _stored(tmp_path / "each.db")
    assert one and one == each  # the first-pass scores `add` leaves pending
    # the output of each process reached the pipe whole, as the one call printed it
    assert "".join(outputs) == together.stdout
    assert together.stdout.count("added document") == 2
    # the database was closed properly: no write-ahead log left to replay
    assert not (tmp_path / "each.db-wal").exists() or not (tmp_path / "each.db-wal").stat().st_size
    listed = []
    for db in ("one.db", "each.db"):  # the first read finishes the scores, in one process
        done = _factcheck("--db", str(tmp_path / db), "list", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        listed.append(done.stdout)
        conn = sqlite3.connect(tmp_path / db)
        assert not conn.execute("SELECT * FROM pending_scores").fetchall()
        conn.close()
    assert listed[0] == listed[1]
    one, each = _stored(tmp_path / "one.db"), _stored(tmp_path / "each.db")
    assert one and one == each  # final scores compared as stored floats: to the bit


def test_a_failing_add_still_exits_1_with_a_one_line_error(tmp_path: Path) -> None:
    done = _factcheck("--db", str(tmp_path / "c.db"), "add", "missing.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "missing.txt" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_exit_runs_exit_handlers_and_skips_only_the_teardown(tmp_path: Path) -> None:
    probe = (
        "import atexit, sys\n"
        "class Freed:\n"
        "    def __del__(self):\n"
        "        print('teardown', flush=True)\n"
        "kept = Freed()  # a module global: freed only by the interpreter's teardown\n"
        "atexit.register(lambda: print('exit handler'))\n"
        "from factcheck.cli import main\n"
        "sys.argv = ['factcheck', '--help']\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Usage: factcheck" in done.stdout  # the command's output, flushed
    assert done.stdout.rstrip().endswith("exit handler")  # atexit still ran
    assert "teardown" not in done.stdout  # the object-by-object teardown was skipped
    usage_error = subprocess.run(
        [sys.executable, "-c", probe.replace("'--help'", "'--no-such-flag'")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert usage_error.returncode == 2 and "exit handler" in usage_error.stdout


def test_a_profiled_command_still_writes_its_profile(tmp_path: Path) -> None:
    """`python -m cProfile -o FILE -m factcheck ...` writes FILE after the command
    returns: the exit without teardown must leave that to the profiler."""
    profile = tmp_path / "add.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "factcheck", "--help"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert profile.stat().st_size > 0
