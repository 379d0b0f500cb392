"""factcheck at scale: start-up, listings, prior lookup, reference import, review launch.

Builds claims.db files of 10k / 100k / 1M claims from real CoAID articles
(../shared/data/coaid) with the product's own `Store.add_document` (each unique
article is split once; its copies, made unique by a trailing line, reuse those
claims), marks 10% of the claims supported or disputed with `Store.mark`, and caches
the files under $TMPDIR/factcheck-bench-scale (outside the repo; delete it to rebuild).
Every figure is a process wall time (and peak RSS for the streaming ones) printed next
to an anchor measured in the same run, as a ratio. Prints figures; asserts nothing.

    python bench/bench_scale.py --claims 100000             # one size, every figure
    python bench/bench_scale.py --claims 100000 --only startup,list
    python bench/bench_scale.py --claims 1000000 --add-files 1000 --passages 1000000

Skips cleanly when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = next(
    (p / "shared" / "data" / "coaid" for p in ROOT.parents if (p / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data" / "coaid",
)
CACHE = Path(
    os.environ.get("FACTCHECK_BENCH_CACHE", Path(tempfile.gettempdir()) / "factcheck-bench-scale")
)
BIN = Path(sys.executable).parent
FACTCHECK = str(BIN / "factcheck")
SQLITE_UTILS = str(BIN / "sqlite-utils")
DECIDED_FRACTION = 0.10
BASELINE = ""
"""Another checkout (`--baseline /work/main`) whose start-up and refs import are
measured in the same run, for before/after figures."""
FIGURES = ("startup", "list", "documents", "prior", "refs", "add", "review", "export")


# -- data ------------------------------------------------------------------------


def coaid_articles() -> list[tuple[str, str, str]]:
    """(title, url, text) of every CoAID article with body text, deduplicated."""
    csv.field_size_limit(sys.maxsize)
    seen: set[str] = set()
    found = []
    for path in sorted(DATA.glob("*/News*COVID-19.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = (row.get("content") or "").strip()
                if len(text) > 150 and text not in seen:
                    seen.add(text)
                    found.append((row.get("title") or "untitled", row.get("news_url") or "", text))
    return found


def add_copies(store, articles, split, claims_wanted: int) -> Iterator[int]:  # type: ignore[no-untyped-def]
    """Add copies of the split `articles` to `store` until it holds `claims_wanted`
    claims, yielding the total after each copy."""
    total = copy = 0
    while total < claims_wanted:
        copy += 1
        for (title, url, text), claims in zip(articles, split, strict=True):
            if not claims:
                continue
            # A trailing line makes each copy a new document; claim offsets stay valid.
            suffix = "" if copy == 1 else f"\n\n(copy {copy})"
            store.add_document(
                text + suffix, title=title, source=url or "coaid", url=url or None, claims=claims
            )
            total += len(claims)
            if total >= claims_wanted:
                break
        yield total


def joined(articles, split, join: int):  # type: ignore[no-untyped-def]
    """Every `join` consecutive articles as one document (claim offsets shifted): the
    issue's shape, 1M claims in ~24.7k documents, is ~40 claims a document."""
    if join == 1:
        return articles, split
    documents, claim_lists = [], []
    pairs = [(a, c) for a, c in zip(articles, split, strict=True) if c]
    for first in range(0, len(pairs), join):
        group = pairs[first : first + join]
        text, claims = "", []
        for (_, _, article), article_claims in group:
            if text:
                text += "\n\n"
            shift = len(text)
            claims += [
                dataclasses.replace(
                    c,
                    start=c.start + shift,
                    end=c.end + shift,
                    sentence_start=c.sentence_start + shift,
                    sentence_end=c.sentence_end + shift,
                )
                for c in article_claims
            ]
            text += article
        title, url, _ = group[0][0]
        documents.append((title, url, text))
        claim_lists.append(claims)
    return documents, claim_lists


def build_database(path: Path, claims_wanted: int, join: int = 1) -> None:
    """A claims.db of about `claims_wanted` claims in copies of the CoAID articles,
    every `join` consecutive articles one document."""
    from factcheck.claims.splitter import split_claims
    from factcheck.models import Status
    from factcheck.store import Store

    found = coaid_articles()
    articles, split = joined(found, [split_claims(text) for _, _, text in found], join)
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    store = Store(partial)
    started = time.perf_counter()
    for total in add_copies(store, articles, split, claims_wanted):
        print(f"  building {path.name}: {total:,} claims, {time.perf_counter() - started:.0f} s")
    rng = random.Random(15)
    ids = [row[0] for row in store.db.execute("SELECT id FROM claims ORDER BY id")]
    decided = rng.sample(ids, int(len(ids) * DECIDED_FRACTION))
    for start in range(0, len(decided), 1000):
        batch = decided[start : start + 1000]
        status = Status.SUPPORTED if start % 2000 == 0 else Status.DISPUTED
        store.mark(batch, status, reviewer="bench", note="bench verdict")
    store.close()
    sqlite3.connect(partial).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    partial.rename(path)


def database(claims: int, join: int = 1) -> Path:
    """The cached bench database of `claims` claims (`join` articles a document)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / (f"claims-{claims}.db" if join == 1 else f"claims-{claims}-join{join}.db")
    if not path.exists():
        print(f"building {path} (cached for later runs)")
        build_database(path, claims, join)
    return path


def working_copy(path: Path) -> Path:
    """A copy to run commands on, so what a command writes (ANALYZE, WAL) does not
    change the cached file the next run starts from."""
    copy = CACHE / f"work-{path.name}"
    shutil.copyfile(path, copy)
    for extra in ("-wal", "-shm"):
        Path(f"{copy}{extra}").unlink(missing_ok=True)
    return copy


# -- measuring -------------------------------------------------------------------


def run(
    args: Sequence[str],
    *,
    stdin: str | None = None,
    env: dict | None = None,
    cwd: str | None = None,
) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one process, its output thrown away."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(args),
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
    if stdin is not None:
        assert process.stdin
        process.stdin.write(stdin.encode())
        process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    CPU_SECONDS.append(usage.ru_utime + usage.ru_stime)
    error = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) not in (0,):
        raise SystemExit(f"failed: {' '.join(args)}\n{error}")
    return wall, usage.ru_maxrss / 1024


CPU_SECONDS: list[float] = []
"""User + system CPU seconds of every process `run` waited for, in order."""


def best(args: Sequence[str], repeat: int, **kwargs) -> tuple[float, float]:
    """Median wall over `repeat` runs, and the largest peak RSS. Also prints the median
    CPU time: on a shared machine it moves less than the wall time does."""
    results = [run(args, **kwargs) for _ in range(repeat)]
    cpu = statistics.median(CPU_SECONDS[-repeat:])
    print(f"  {' '.join(Path(a).name for a in args[:4])}: CPU median {cpu * 1000:.0f} ms")
    return statistics.median(w for w, _ in results), max(r for _, r in results)


ROWS: list[str] = []


def report(
    figure: str,
    size: str,
    ours: tuple[float, float],
    anchor_name: str,
    anchor: tuple[float, float],
    command: str,
) -> None:
    ratio = ours[0] / anchor[0] if anchor[0] else float("inf")
    line = (
        f"| {figure} | {size} | {ours[0]:.3f} s, {ours[1]:.0f} MB | {anchor_name}:"
        f" {anchor[0]:.3f} s, {anchor[1]:.0f} MB | {ratio:.2f}x | `{command}` |"
    )
    ROWS.append(line)
    print(line, flush=True)


# -- figures ---------------------------------------------------------------------


def fig_startup(repeat: int) -> None:
    empty = CACHE / "empty.db"
    empty.unlink(missing_ok=True)
    run([FACTCHECK, "--db", str(empty), "list"])  # creates it
    anchor = best([SQLITE_UTILS, "--help"], repeat)
    report(
        "factcheck --help",
        "-",
        best([FACTCHECK, "--help"], repeat),
        "sqlite-utils --help",
        anchor,
        "factcheck --help",
    )
    report(
        "factcheck list (empty db)",
        "0 claims",
        best([FACTCHECK, "--db", str(empty), "list"], repeat),
        "sqlite-utils --help",
        anchor,
        "factcheck --db empty.db list",
    )
    if BASELINE:
        old = [sys.executable, "-m", "factcheck"]
        env = {"PYTHONPATH": BASELINE}
        for args in (["--help"], ["--db", str(empty), "list"]):
            report(
                f"factcheck {args[-1]} (baseline checkout)",
                "-",
                best([*old, *args], repeat, env=env, cwd=BASELINE),
                "sqlite-utils --help",
                anchor,
                f"PYTHONPATH={BASELINE} python -m factcheck {' '.join(args)}",
            )
    report(
        "factcheck add --help",
        "-",
        best([FACTCHECK, "add", "--help"], repeat),
        "sqlite-utils --help",
        anchor,
        "factcheck add --help",
    )


LIST_SQL = "SELECT * FROM claims WHERE status = 'unverified' ORDER BY document_id, \"start\", id"


def fig_list(db: Path, size: str) -> None:
    work = working_copy(db)
    run([FACTCHECK, "--db", str(work), "list", "--limit", "1"])  # migrate/analyze outside timing
    csv_anchor = run([SQLITE_UTILS, "query", str(work), LIST_SQL, "--csv"])
    json_anchor = run([SQLITE_UTILS, "query", str(work), LIST_SQL])
    for fmt, anchor_name, anchor in (
        ("table", "sqlite-utils query --csv", csv_anchor),
        ("csv", "sqlite-utils query --csv", csv_anchor),
        ("json", "sqlite-utils query (JSON)", json_anchor),
    ):
        report(
            f"list --status=unverified --format {fmt}",
            size,
            run([FACTCHECK, "--db", str(work), "list", "--status=unverified", "--format", fmt]),
            anchor_name,
            anchor,
            f"factcheck list --status=unverified --format {fmt}",
        )


DOCUMENTS_SQL = (
    "SELECT d.id, d.title, c.status, count(*) FROM documents d JOIN claims c"
    " ON c.document_id = d.id GROUP BY d.id, c.status ORDER BY d.id"
)


def fig_documents(db: Path, size: str, rounds: int = 5) -> None:
    """`factcheck documents` against the GROUP BY anchor, `rounds` interleaved pairs
    (alternating which runs first); the row gives the median walls and peak RSS, then
    a line the per-round ratios, wall and CPU."""
    work = working_copy(db)
    run([FACTCHECK, "--db", str(work), "list", "--limit", "1"])
    commands = {
        "anchor": [SQLITE_UTILS, "query", str(work), DOCUMENTS_SQL, "--csv"],
        "ours": [FACTCHECK, "--db", str(work), "documents"],
    }
    runs: dict[str, list[tuple[float, float, float]]] = {"anchor": [], "ours": []}
    for number in range(rounds):
        for name in ("anchor", "ours") if number % 2 == 0 else ("ours", "anchor"):
            wall, rss = run(commands[name])
            runs[name].append((wall, rss, CPU_SECONDS[-1]))
    docs = sqlite3.connect(work).execute("SELECT count(*) FROM documents").fetchone()[0]

    def median(name: str, index: int) -> float:
        return statistics.median(r[index] for r in runs[name])

    report(
        "documents",
        f"{size}, {docs:,} docs",
        (median("ours", 0), max(r[1] for r in runs["ours"])),
        "GROUP BY via sqlite-utils --csv",
        (median("anchor", 0), max(r[1] for r in runs["anchor"])),
        "factcheck documents",
    )
    for label, index in (("wall", 0), ("CPU", 2)):
        ratios = [o[index] / a[index] for o, a in zip(runs["ours"], runs["anchor"], strict=True)]
        print(
            f"  documents {label}: factcheck median {median('ours', index):.3f} s, anchor"
            f" {median('anchor', index):.3f} s, ratio per round"
            f" {' '.join(f'{r:.2f}' for r in ratios)} (median {statistics.median(ratios):.2f})",
            flush=True,
        )


RANK_FIRST_CTE = """
    WITH ranked AS (
        SELECT f.rowid AS id, bm25(checked_claims_fts) AS rank FROM checked_claims_fts f
        JOIN claims c ON c.id = f.rowid
        WHERE checked_claims_fts MATCH ? AND (? IS NULL OR c.document_id != ?)
        ORDER BY rank LIMIT ?
    )
    SELECT c.id, c.document_id, d.title, c.text, c.status, v.note, v.created_at
    FROM ranked r JOIN claims c ON c.id = r.id JOIN documents d ON d.id = c.document_id
    JOIN verdicts v ON v.id = (SELECT max(id) FROM verdicts WHERE claim_id = c.id)
    ORDER BY r.rank
"""


JOIN_THEN_RANK = """
    SELECT c.id, c.document_id, d.title, c.text, c.status, v.note, v.created_at
    FROM checked_claims_fts f
    JOIN claims c ON c.id = f.rowid
    JOIN documents d ON d.id = c.document_id
    JOIN verdicts v ON v.id = (SELECT max(id) FROM verdicts WHERE claim_id = c.id)
    WHERE checked_claims_fts MATCH ? AND (? IS NULL OR c.document_id != ?)
    ORDER BY bm25(checked_claims_fts) LIMIT ?
"""
"""The checked-before query as it was (for the before/after line)."""


def prior_database(db: Path) -> Path:
    """`db` if it holds 100k decided claims (the 1M database), else a copy of it with
    every claim decided (the 100k database then holds 100k decided claims)."""
    if sqlite3.connect(db).execute("SELECT count(*) FROM verdicts").fetchone()[0] >= 100_000:
        return db
    path = CACHE / f"all-decided-{db.name}"
    if path.exists():
        return path
    from factcheck.store import Store

    shutil.copyfile(db, path.with_suffix(".partial"))
    store = Store(path.with_suffix(".partial"))
    ids = [r[0] for r in store.db.execute("SELECT id FROM claims WHERE status = 'unverified'")]
    for start in range(0, len(ids), 2000):
        store.mark(ids[start : start + 2000], "disputed", reviewer="bench")
    store.close()
    path.with_suffix(".partial").rename(path)
    return path


def fig_prior(db: Path, size: str, samples: int = 200) -> None:
    from factcheck.evidence.matcher import fts_query
    from factcheck.store import Store

    path = prior_database(db)
    store = Store(path)
    decided = store.conn.execute(
        "SELECT count(*) FROM claims WHERE status != 'unverified'"
    ).fetchone()[0]
    rng = random.Random(3)
    rows = store.conn.execute("SELECT id, document_id, text FROM claims").fetchall()
    picked = [(doc, q) for _, doc, text in rng.sample(rows, samples) if (q := fts_query(text))]
    conn = sqlite3.connect(path)

    def per_claim(action) -> float:
        started = time.perf_counter()
        for doc, query in picked:
            action(doc, query)
        return (time.perf_counter() - started) / len(picked)

    per_claim(lambda d, q: store.checked_claims_matching(q, limit=100, exclude_document_id=d))
    ours = per_claim(
        lambda d, q: store.checked_claims_matching(q, limit=100, exclude_document_id=d)
    )
    anchor = per_claim(lambda d, q: conn.execute(RANK_FIRST_CTE, [q, d, d, 100]).fetchall())
    before = per_claim(lambda d, q: conn.execute(JOIN_THEN_RANK, [q, d, d, 100]).fetchall())
    print(
        f"  prior: the query before this change (join, then rank): {before * 1000:.1f} ms a claim"
    )
    same = all(
        [
            (c.claim_id, c.note, c.decided_at)
            for c in store.checked_claims_matching(q, limit=100, exclude_document_id=d)
        ]
        == [(r[0], r[5], r[6]) for r in conn.execute(RANK_FIRST_CTE, [q, d, d, 100])]
        for d, q in picked[:50]
    )
    print(f"  prior: same results as the rank-first CTE on 50 claims: {same}")
    report(
        "prior lookup per claim (store.checked_claims_matching)",
        f"{decided:,} decided ({size} db)",
        (ours, 0),
        "rank-first CTE in sqlite3",
        (anchor, 0),
        "Store.checked_claims_matching(fts_query(text), limit=100, exclude_document_id=doc)",
    )
    fig_prior_suggest(store, conn, rows, size)
    store.close()


def fig_prior_suggest(store, conn: sqlite3.Connection, rows: list, size: str) -> None:
    """The whole "checked before" lookup (`PriorChecks.suggest`, earlier verdicts only)
    on 300 claims, half of them re-worded (a word dropped, "Officials said" in front):
    per-claim p50/p95, the plain lookup it replaced in the same run, and how many
    top-5 lists are identical."""
    from factcheck.evidence.context import ClaimContext
    from factcheck.evidence.sources.prior import PriorChecks
    from factcheck.models import SourceKind

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.unit.prior_reference import plain_suggest  # the tests' oracle

    rng = random.Random(15)
    asked = []
    for number, (_, document_id, text) in enumerate(rng.sample(rows, 300)):
        if number % 2:
            kept = text.split()
            if len(kept) > 6:
                del kept[rng.randrange(len(kept))]
            text = "Officials said " + " ".join(kept)
        asked.append((text, document_id))
    source = PriorChecks(store)

    def ours(text: str, document_id: int) -> list[tuple[str, float]]:
        context = ClaimContext(document_id=document_id, title="", sentence=text)
        return [
            (e.reference_id, e.score)
            for e in source.suggest(text, context=context)
            if e.source is SourceKind.PRIOR
        ]

    def timed(lookup) -> tuple[list[float], list]:
        times, results = [], []
        for text, document_id in asked:
            started = time.perf_counter()
            results.append(lookup(text, document_id))
            times.append(time.perf_counter() - started)
        return sorted(times), results

    def p(times: list[float], share: float) -> float:
        return times[min(len(times) - 1, int(len(times) * share))] * 1000

    plain_times, plain = timed(lambda t, d: plain_suggest(store, t, d))
    our_times, found = timed(ours)
    anchor_times, _ = timed(
        lambda t, d: (
            conn.execute(RANK_FIRST_CTE, [q, d, d, 100]).fetchall()
            if (q := fts_query_of(t))
            else []
        )
    )
    same = sum(a == b for a, b in zip(found, plain, strict=True))
    print(
        f"  prior suggest ({size}): p50 {p(our_times, 0.5):.1f} ms,"
        f" p95 {p(our_times, 0.95):.1f} ms;"
        f" plain lookup p50 {p(plain_times, 0.5):.1f} ms, p95 {p(plain_times, 0.95):.1f} ms;"
        f" rank-first CTE p50 {p(anchor_times, 0.5):.1f} ms, p95 {p(anchor_times, 0.95):.1f} ms;"
        f" ratio to CTE (p50) {p(our_times, 0.5) / p(anchor_times, 0.5):.2f}x;"
        f" top-5 identical {same}/{len(asked)} ({sum(bool(x) for x in plain)} non-empty)"
    )


def fts_query_of(text: str) -> str | None:
    from factcheck.evidence.matcher import fts_query

    return fts_query(text)


def passages_file(count: int) -> Path:
    """A .jsonl of `count` reference passages (CoAID sentences, copies numbered)."""
    from factcheck.text.passages import split_passages

    path = CACHE / f"passages-{count}.jsonl"
    if path.exists():
        return path
    base = [p for _, _, text in coaid_articles() for p in split_passages(text)]
    with path.with_suffix(".partial").open("w", encoding="utf-8") as out:
        for number in range(count):
            text = base[number % len(base)]
            copy = number // len(base)
            out.write(
                json.dumps({"id": f"p{number}", "title": f"CoAID {copy}", "text": text}) + "\n"
            )
    path.with_suffix(".partial").rename(path)
    return path


PLAIN_IMPORT = textwrap.dedent(
    """
    import json, sqlite3, sys
    conn = sqlite3.connect(sys.argv[2])
    conn.execute("CREATE TABLE p (id INTEGER PRIMARY KEY, ref_id TEXT, title TEXT, text TEXT)")
    conn.execute(
        "CREATE VIRTUAL TABLE p_fts USING fts5(title, text, content='p',"
        " content_rowid='id', tokenize='porter unicode61')"
    )
    def rows():
        with open(sys.argv[1], encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                yield r["id"], r["title"], r["text"]
    with conn:
        conn.executemany("INSERT INTO p (ref_id, title, text) VALUES (?, ?, ?)", rows())
        conn.execute("INSERT INTO p_fts (rowid, title, text) SELECT id, title, text FROM p")
    """
)


def fig_refs(count: int, rounds: int = 1) -> None:
    """`refs add` of `count` passages against a plain sqlite3+FTS5 import of the same
    rows (and the `--baseline` checkout), interleaved `rounds` times: on a shared
    machine the CPU-time ratios of one round are what to read, their spread how much."""
    source = passages_file(count)
    ratios: dict[str, list[float]] = {"refs add": [], "baseline": []}
    for number in range(1, rounds + 1):
        if rounds > 1:
            print(f"  round {number} of {rounds}", flush=True)
        for name, ratio in _refs_round(source, count).items():
            ratios[name].append(ratio)
    if rounds > 1:
        for name, found in ratios.items():
            if found:
                print(
                    f"  {name} CPU ratio over {rounds} rounds: {min(found):.2f}-{max(found):.2f}x"
                    f" (median {statistics.median(found):.2f}x)",
                    flush=True,
                )


def _refs_round(source: Path, count: int) -> dict[str, float]:
    """One round of `fig_refs`: the CPU-time ratio of each import to the plain one."""
    plain_db, our_db = CACHE / "plain-refs.db", CACHE / "refs.db"
    for path in (plain_db, our_db):
        for extra in ("", "-wal", "-shm"):
            Path(f"{path}{extra}").unlink(missing_ok=True)
    anchor = run([sys.executable, "-c", PLAIN_IMPORT, str(source), str(plain_db)])
    anchor_cpu = CPU_SECONDS[-1]
    ours = run([FACTCHECK, "--db", str(our_db), "refs", "add", str(source)])
    ratios = {"refs add": CPU_SECONDS[-1] / anchor_cpu}
    # on a shared machine CPU time moves less than wall time: print both ratios
    print(
        f"  refs add CPU {CPU_SECONDS[-1]:.1f} s, plain import CPU {anchor_cpu:.1f} s:"
        f" {CPU_SECONDS[-1] / anchor_cpu:.2f}x",
        flush=True,
    )
    if BASELINE:
        # the same import by another checkout (today's main), right after ours
        old_db = CACHE / "refs-baseline.db"
        for extra in ("", "-wal", "-shm"):
            Path(f"{old_db}{extra}").unlink(missing_ok=True)
        before = run(
            [sys.executable, "-m", "factcheck", "--db", str(old_db), "refs", "add", str(source)],
            env={"PYTHONPATH": BASELINE},
            cwd=BASELINE,  # `python -m` puts the working folder first on sys.path
        )
        ratios["baseline"] = CPU_SECONDS[-1] / anchor_cpu
        print(
            f"  baseline refs add CPU {CPU_SECONDS[-1]:.1f} s: {CPU_SECONDS[-1] / anchor_cpu:.2f}x",
            flush=True,
        )
        report(
            "refs add (baseline checkout)",
            f"{count:,} passages",
            before,
            "plain sqlite3+FTS5 import",
            anchor,
            f"PYTHONPATH={BASELINE} python -m factcheck refs add passages-{count}.jsonl",
        )
    report(
        "refs add",
        f"{count:,} passages",
        ours,
        "plain sqlite3+FTS5 import",
        anchor,
        f"factcheck refs add passages-{count}.jsonl",
    )
    return ratios


ADD_DRIVER = textwrap.dedent(
    """
    import sys, time
    marks = [("start", time.perf_counter(), time.process_time())]
    def mark(name):
        marks.append((name, time.perf_counter(), time.process_time()))
    import factcheck.cli, factcheck.cli.claims  # what `factcheck add` imports first
    from factcheck.ingest import article_claims, read_article
    from factcheck.store import Store
    mark("imports")
    from factcheck.config import load_config
    config = load_config(None)
    article = read_article(sys.argv[1], fetch=config.fetch)
    mark("config + read file")
    from factcheck.claims.checkworthiness.linear import default_model
    default_model()
    mark("linear model load")
    claims, duplicate_of = article_claims(article, first_pass=True)  # as `add` splits now
    mark("split + first-pass score")
    store = Store(sys.argv[2])
    store.add_document(article.text, title=article.title, source=article.source,
                       claims=claims, duplicate_of=duplicate_of, scores_pending=True)
    store.close()
    mark("store (open, write, close)")
    for (_, wall0, cpu0), (name, wall, cpu) in zip(marks, marks[1:]):
        print(f"{name}={(wall - wall0) * 1000:.1f},{(cpu - cpu0) * 1000:.1f}")
    """
)
"""One `add` split into its phases, in one process (printed as name=wall ms,CPU ms)."""

IMMEDIATE_ADD_DRIVER = textwrap.dedent(
    """
    import sys
    from factcheck.ingest import add_article, read_article
    from factcheck.store import Store
    with Store(sys.argv[1]) as store:
        for path in sys.argv[2:]:
            add_article(store, read_article(path), defer_scores=False)
    """
)
"""Today's add before scores were deferred: every file split and scored by the
transformer in the adding process (one process for all), the reference the finished
scores are compared with row by row."""


def add_files(files: int) -> list[str]:
    """`files` real CoAID article bodies as .txt files in the bench cache ($TMPDIR),
    taken evenly across the whole set (short and long, real and fake news)."""
    articles = coaid_articles()
    folder = CACHE / f"add-spread-{files}"
    if not folder.exists():
        partial = folder.with_suffix(".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        step = max(1, len(articles) // files)
        for number, (_, _, text) in enumerate(articles[::step][:files]):
            (partial / f"{number:05}.txt").write_text(text, encoding="utf-8")
        partial.rename(folder)
    return sorted(str(p) for p in folder.glob("*.txt"))


def bytecode_env() -> dict[str, str]:
    """Subprocess settings for a start-up figure as an installed package starts: with
    compiled bytecode (pip writes .pyc at install; this machine sets
    PYTHONDONTWRITEBYTECODE=1, which made every process compile our modules from
    source). The .pyc files go to the bench cache, not into the checkout; the model
    cache (optimised ONNX graph) likewise."""
    return {
        "PYTHONDONTWRITEBYTECODE": "",
        "PYTHONPYCACHEPREFIX": str(CACHE / "pycache"),
        "FACTCHECK_CACHE_DIR": str(CACHE / "model-cache"),
    }


def fresh_db(name: str) -> Path:
    path = CACHE / name
    for extra in ("", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    return path


def spread(values: Sequence[float], scale: float = 1.0, unit: str = "") -> str:
    """Median [quartiles] (min-max) of `values` times `scale`, for one line of output."""
    q1, median, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    return (
        f"{median * scale:.{2 if scale == 1 else 0}f}{unit}"
        f" [IQR {q1 * scale:.{2 if scale == 1 else 0}f}-{q3 * scale:.{2 if scale == 1 else 0}f},"
        f" range {min(values) * scale:.{2 if scale == 1 else 0}f}"
        f"-{max(values) * scale:.{2 if scale == 1 else 0}f}]"
    )


def stored_claims(db: Path) -> list[tuple]:
    """Every stored claim of `db` by document content, for comparing two databases."""
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT d.sha256, c.text, c.start, c.end, c.kind, c.score, c.status FROM claims c"
            " JOIN documents d ON d.id = c.document_id ORDER BY d.sha256, c.start, c.end, c.id"
        ).fetchall()


def fig_add(files: int, breakdown_files: int = 30) -> None:
    """`factcheck add FILE` once per file (a fresh database, one process each), each
    add process paired with one `sqlite-utils --help` process (the issue's start-up
    anchor), the two run back to back in alternating order, so each pair sees the same
    load. Then the whole job: the N add processes plus the first `factcheck list`, which
    finishes the scores they left pending, against one call for all (`factcheck add` of
    every file, then `list`) and against today's add that scored in-process; the final
    scores compared row by row. Then one add split into phases (wall and CPU)."""
    paths = add_files(files)
    env = bytecode_env()
    shutil.rmtree(CACHE / "model-cache", ignore_errors=True)
    # first processes of the run: compile bytecode (if absent), optimise the graph
    warm_db = fresh_db("add-warmup.db")
    first = run([FACTCHECK, "--db", str(warm_db), "add", paths[0]], env=env)
    run([FACTCHECK, "--db", str(warm_db), "list"], env=env)  # writes the model cache
    print(f"  add: first process {first[0]:.2f} s", flush=True)
    run([SQLITE_UTILS, "--help"], env=env)  # its bytecode too
    immediate = run(
        [sys.executable, "-c", IMMEDIATE_ADD_DRIVER, str(fresh_db("add-immediate.db")), *paths],
        env=env,
    )
    immediate_cpu = CPU_SECONDS[-1]
    one_db = fresh_db("add-one.db")
    anchor = run([FACTCHECK, "--db", str(one_db), "add", *paths], env=env)
    anchor_cpu = CPU_SECONDS[-1]
    one_list = run([FACTCHECK, "--db", str(one_db), "list"], env=env)
    one_list_cpu = CPU_SECONDS[-1]
    many_db = fresh_db("add-many.db")
    walls, cpus, help_walls, help_cpus, peak = [], [], [], [], 0.0
    started = time.perf_counter()
    for number, path in enumerate(paths, 1):
        add_first = number % 2 == 1
        if not add_first:
            help_walls.append(run([SQLITE_UTILS, "--help"], env=env)[0])
            help_cpus.append(CPU_SECONDS[-1])
        wall, rss = run([FACTCHECK, "--db", str(many_db), "add", path], env=env)
        walls.append(wall)
        cpus.append(CPU_SECONDS[-1])
        peak = max(peak, rss)
        if add_first:
            help_walls.append(run([SQLITE_UTILS, "--help"], env=env)[0])
            help_cpus.append(CPU_SECONDS[-1])
        if number % 100 == 0:
            print(
                f"  add: {number} files, {time.perf_counter() - started:.0f} s,"
                f" {statistics.median(walls) * 1000:.0f} ms median a process",
                flush=True,
            )
    pending = stored_claims(many_db)
    finish_wall, _ = run([FACTCHECK, "--db", str(many_db), "list"], env=env)
    finish_cpu = CPU_SECONDS[-1]
    today, one, many = (stored_claims(db) for db in (CACHE / "add-immediate.db", one_db, many_db))
    print(
        f"  add: claims stored, today's add (scored in-process) / one call + list /"
        f" one process a file + list: {len(today):,} / {len(one):,} / {len(many):,};"
        f" identical row by row (document, text, span, kind, score as float64, status):"
        f" {today == one == many}; before the list (first pass): same spans"
        f" {[r[:5] + r[6:] for r in pending] == [r[:5] + r[6:] for r in today]},"
        f" same scores {pending == today}"
    )
    job_cpu, job_wall = sum(cpus) + finish_cpu, sum(walls) + finish_wall
    print(
        f"  add: whole job, {len(paths)} add processes + the first list:"
        f" CPU {job_cpu:.1f} s (adds {sum(cpus):.1f} s, list {finish_cpu:.1f} s),"
        f" wall {job_wall:.1f} s (list {finish_wall:.2f} s);"
        f" one call for all + list: CPU {anchor_cpu + one_list_cpu:.1f} s"
        f" ({anchor_cpu:.1f} + {one_list_cpu:.1f}), wall {anchor[0] + one_list[0]:.1f} s;"
        f" today's add in one process: CPU {immediate_cpu:.1f} s, wall {immediate[0]:.1f} s"
    )
    print(
        f"    job / one call for all + list: CPU {job_cpu / (anchor_cpu + one_list_cpu):.2f}x,"
        f" wall {job_wall / (anchor[0] + one_list[0]):.2f}x;"
        f" job / today's one call: CPU {job_cpu / immediate_cpu:.2f}x,"
        f" wall {job_wall / immediate[0]:.2f}x"
    )
    n = len(paths)
    print(f"  add FILE vs sqlite-utils --help, {n} interleaved pairs (median [IQR, range]):")
    print(f"    add FILE wall {spread(walls, 1000, ' ms')}, CPU {spread(cpus, 1000, ' ms')}")
    print(
        f"    sqlite-utils --help wall {spread(help_walls, 1000, ' ms')},"
        f" CPU {spread(help_cpus, 1000, ' ms')}"
    )
    wall_ratios = [a / b for a, b in zip(walls, help_walls, strict=True)]
    cpu_ratios = [a / b for a, b in zip(cpus, help_cpus, strict=True)]
    print(
        f"    ratio per pair: wall {spread(wall_ratios, unit='x')},"
        f" CPU {spread(cpu_ratios, unit='x')}"
    )
    print(
        f"    ratio of sums: wall {sum(walls) / sum(help_walls):.2f}x,"
        f" CPU {sum(cpus) / sum(help_cpus):.2f}x;"
        f" of CPU after the file's own work (one call / {n}):"
        f" {(sum(cpus) - anchor_cpu) / sum(help_cpus):.2f}x"
    )
    report(
        "add, one process per file + first list",
        f"{len(paths)} files",
        (job_wall, peak),
        "one call for all + list",
        (anchor[0] + one_list[0], max(anchor[1], one_list[1])),
        "for f in *.txt; do factcheck add $f; done; factcheck list",
    )
    report(
        "add FILE, one process (sum)",
        f"{len(paths)} files",
        (sum(walls), peak),
        "sqlite-utils --help, interleaved",
        (sum(help_walls), 0.0),
        "factcheck add FILE.txt",
    )
    add_breakdown(paths[: min(len(paths), breakdown_files)], env)


def add_breakdown(paths: list[str], env: dict[str, str]) -> None:
    """Medians over `paths` of: a bare interpreter (`python -c pass`, a process), one
    `factcheck add FILE` (a process), and the phases of ADD_DRIVER in one process;
    wall and CPU ms."""
    bare, whole, before, phases = [], [], [], []
    whole_db, before_db, db = (fresh_db(f"add-{n}.db") for n in ("whole", "before", "phases"))
    for path in paths:
        bare.append((run([sys.executable, "-c", "pass"], env=env)[0], CPU_SECONDS[-1]))
        wall = run([FACTCHECK, "--db", str(whole_db), "add", path], env=env)[0]
        whole.append((wall, CPU_SECONDS[-1]))
        if BASELINE:  # the same add by another checkout, interleaved
            command = [sys.executable, "-m", "factcheck", "--db", str(before_db), "add", path]
            wall = run(command, env={**env, "PYTHONPATH": BASELINE}, cwd=BASELINE)[0]
            before.append((wall, CPU_SECONDS[-1]))
        out = subprocess.run(
            [sys.executable, "-c", ADD_DRIVER, path, str(db)],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            check=True,
        ).stdout.splitlines()
        phases.append(
            {k: tuple(map(float, v.split(","))) for k, v in (line.rsplit("=", 1) for line in out)}
        )

    def medians(pairs: Sequence[tuple[float, float]], scale: float = 1000) -> str:
        wall = statistics.median(p[0] for p in pairs) * scale
        cpu = statistics.median(p[1] for p in pairs) * scale
        return f"wall {wall:.0f}, CPU {cpu:.0f}"

    print(f"  add breakdown, median of {len(paths)} files (ms):")
    print(f"    interpreter start (python -c pass, a process): {medians(bare)}")
    for name in phases[0]:
        print(f"    {name}: {medians([p[name] for p in phases], 1)}")
    print(f"    whole `factcheck add FILE` process: {medians(whole)}")
    if before:
        print(f"    the same, {BASELINE} (interleaved): {medians(before)}")


REVIEW_DRIVER = textwrap.dedent(
    """
    import asyncio, os, sys, time
    mode = sys.argv[1]  # "paint": exit at the first frame; "settle": when idle
    async def main():
        if sys.argv[2] == "bare":
            from textual.app import App
            from textual.widgets import Static
            class Bare(App):
                def compose(self):
                    yield Static("hello")
            app = Bare()
        else:
            from factcheck.config import load_config
            from factcheck.store import Store
            from factcheck.tui import make_app
            config = load_config(None)
            store = Store(sys.argv[3])
            app = make_app(store, config, [], document_id=int(sys.argv[4]))
        display = type(app)._display
        def first_frame(self, screen, renderable):
            display(self, screen, renderable)
            if mode == "paint" and renderable is not None:
                sys.stdout.flush()
                os._exit(0)  # the first frame is rendered: that is what is timed
        type(app)._display = first_frame
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
    asyncio.run(main())
    """
)
"""Times a review launch in a fresh process, through the app's own first frame: with
"paint", the process exits as the first frame is rendered (Textual's `_display`,
which writes a frame to the terminal, headless here); with "settle", once the app is
idle after opening (Pilot's `pause`, what sessions before 23 timed: it includes what
the screen does after its first frame, the rest of a long document's claims)."""


def review_database() -> tuple[Path, int]:
    """A database holding one document of 10,000 claims (CoAID articles joined)."""
    from factcheck.claims.splitter import split_claims
    from factcheck.ingest import Article, add_article
    from factcheck.store import Store

    path = CACHE / "review-10k.db"
    if not path.exists():
        texts, count = [], 0
        for _, _, text in coaid_articles():
            texts.append(text)
            count += len(split_claims(text))
            if count >= 10_000:
                break
        store = Store(path.with_suffix(".partial"))
        add_article(store, Article("\n\n".join(texts), title="10k claims", source="bench"))
        store.close()
        path.with_suffix(".partial").rename(path)
    conn = sqlite3.connect(path)
    doc, claims = conn.execute("SELECT document_id, count(*) FROM claims GROUP BY 1").fetchone()
    print(f"  review: document {doc} has {claims:,} claims")
    return path, doc


def fig_review(repeat: int) -> None:
    """The bare app, ours and (with `--baseline`) the other checkout, interleaved in
    each of `repeat` rounds, for the first frame and then for the settled screen; the
    ratios are per round (same load), wall and CPU, with their median and spread."""
    path, doc = review_database()
    # With bytecode, as an installed package starts (`bytecode_env`): before session 23
    # this figure compiled every factcheck module from source in every process.
    env = {"FACTCHECK_CONFIG": str(CACHE / "no-config.toml"), **bytecode_env()}
    (CACHE / "no-config.toml").write_text("")
    work = Path(tempfile.mkdtemp(prefix="review-bench-")) / path.name
    shutil.copyfile(path, work)  # the cache is shared: opening a store may write to it
    commands = {"ours": ([sys.executable, "-c", REVIEW_DRIVER], None)}
    if BASELINE:
        commands["baseline"] = ([sys.executable, "-c", REVIEW_DRIVER], BASELINE)
    try:
        run([sys.executable, "-c", REVIEW_DRIVER, "settle", "bare"], env=env)  # untimed:
        for command, pythonpath in commands.values():  # these write the bytecode
            extra = {"PYTHONPATH": pythonpath} if pythonpath else {}
            run([*command, "settle", "review", str(work), str(doc)], env={**env, **extra},
                cwd=pythonpath)  # fmt: skip
        for mode in ("paint", "settle"):
            _review_rounds(mode, work, doc, commands, env, repeat)
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)


def _review_rounds(
    mode: str,
    work: Path,
    doc: int,
    commands: dict[str, tuple[list[str], str | None]],
    env: dict[str, str],
    rounds: int,
) -> None:
    bare = [sys.executable, "-c", REVIEW_DRIVER, mode, "bare"]
    ratios: dict[str, list[tuple[float, float, float, float]]] = {n: [] for n in commands}
    anchors: list[tuple[float, float]] = []
    for round_ in range(rounds):
        wall_a, _ = run(bare, env=env)
        cpu_a = CPU_SECONDS[-1]
        anchors.append((wall_a, cpu_a))
        line = [f"  review {mode} round {round_ + 1}: bare {wall_a:.2f} s ({cpu_a:.2f} s CPU)"]
        for name, (command, pythonpath) in commands.items():
            extra = {"PYTHONPATH": pythonpath} if pythonpath else {}
            wall, _ = run(
                [*command, mode, "review", str(work), str(doc)],
                env={**env, **extra},
                cwd=pythonpath,  # `-c` puts the folder first on sys.path
            )
            cpu = CPU_SECONDS[-1]
            ratios[name].append((wall / wall_a, cpu / cpu_a, wall, cpu))
            line.append(
                f"{name} {wall:.2f} s ({cpu:.2f} s CPU): {wall / wall_a:.2f}x wall,"
                f" {cpu / cpu_a:.2f}x CPU"
            )
        print("; ".join(line), flush=True)
    for name, rows in ratios.items():
        walls = sorted(r[0] for r in rows)
        cpus = sorted(r[1] for r in rows)
        line = (
            f"| review launch -> {'first frame' if mode == 'paint' else 'settled'}"
            f" ({name}, 120x40, {rounds} rounds) | 10k-claim document |"
            f" {statistics.median(r[2] for r in rows):.2f} s wall,"
            f" {statistics.median(r[3] for r in rows):.2f} s CPU |"
            f" bare Textual app {statistics.median(a[0] for a in anchors):.2f} s wall,"
            f" {statistics.median(a[1] for a in anchors):.2f} s CPU |"
            f" {statistics.median(walls):.2f}x wall ({walls[0]:.2f}-{walls[-1]:.2f}),"
            f" {statistics.median(cpus):.2f}x CPU ({cpus[0]:.2f}-{cpus[-1]:.2f}) |"
            f" `bench_scale.py --only review` |"
        )
        ROWS.append(line)
        print(line, flush=True)


EXPORT_FORMATS = ("csv", "json", "markdown", "html", "claimreview")


def fig_export(
    db: Path, size: str, rounds: int = 3, formats: Sequence[str] = EXPORT_FORMATS
) -> None:
    """Each format against the one-query CSV anchor, in `rounds` interleaved rounds:
    per format, the anchor, then ours, then (with `--baseline`) the other checkout,
    back to back, so each ratio compares runs under the same load. CPU seconds
    (user+sys of the process) are printed next to wall, as wall times swing with the
    machine's other load; the table rows give the median and the spread over rounds.
    Runs on a private copy of the database (other parts use the cache's work copy)."""
    folder = Path(tempfile.mkdtemp(prefix="export-bench-"))
    work = folder / db.name
    shutil.copyfile(db, work)
    try:
        _export_rounds(work, size, rounds, formats)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _export_rounds(work: Path, size: str, rounds: int, formats: Sequence[str]) -> None:
    run([FACTCHECK, "--db", str(work), "list", "--limit", "1"])  # migrate/analyze untimed
    anchor_sql = LIST_SQL.replace("WHERE status = 'unverified' ", "")
    commands = {"ours": lambda fmt: [FACTCHECK, "--db", str(work), "export", "--format", fmt]}
    if BASELINE:
        commands["baseline"] = lambda fmt: [
            sys.executable, "-m", "factcheck", "--db", str(work), "export", "--format", fmt
        ]  # fmt: skip
    for fmt in formats:
        # per name: (wall ratio, CPU ratio, wall, peak MB) of each round
        ratios: dict[str, list[tuple[float, float, float, float]]] = {n: [] for n in commands}
        anchors: list[tuple[float, float, float]] = []
        for round_ in range(rounds):
            anchor = run([SQLITE_UTILS, "query", str(work), anchor_sql, "--csv"])
            anchor_cpu = CPU_SECONDS[-1]
            anchors.append((anchor[0], anchor_cpu, anchor[1]))
            line = [
                f"  round {round_ + 1} {fmt}: anchor {anchor[0]:.2f} s ({anchor_cpu:.2f} s CPU)"
            ]
            for name, command in commands.items():
                baseline = name == "baseline"
                wall, peak = run(
                    command(fmt),
                    env={"PYTHONPATH": BASELINE} if baseline else None,
                    cwd=BASELINE if baseline else None,  # `python -m` puts the folder first
                )
                cpu = CPU_SECONDS[-1]
                ratios[name].append((wall / anchor[0], cpu / anchor_cpu, wall, peak))
                line.append(
                    f"{name} {wall:.2f} s ({cpu:.2f} s CPU): {wall / anchor[0]:.2f}x wall,"
                    f" {cpu / anchor_cpu:.2f}x CPU"
                )
            print("; ".join(line), flush=True)
        anchor_wall = statistics.median(a[0] for a in anchors)
        anchor_cpu = statistics.median(a[1] for a in anchors)
        anchor_peak = max(a[2] for a in anchors)
        for name, found in ratios.items():
            walls = sorted(r[0] for r in found)
            cpus = sorted(r[1] for r in found)
            label = "" if name == "ours" else " (baseline checkout)"
            report(
                f"export --format {fmt}{label} (median of {rounds} rounds; wall ratios"
                f" {walls[0]:.2f}-{walls[-1]:.2f}x, CPU ratios {statistics.median(cpus):.2f}x"
                f" ({cpus[0]:.2f}-{cpus[-1]:.2f}x) vs anchor CPU {anchor_cpu:.2f} s)",
                size,
                (statistics.median(r[2] for r in found), max(r[3] for r in found)),
                "one SQL query to CSV",
                (anchor_wall, anchor_peak),
                f"factcheck export --format {fmt}",
            )
            print(f"  median wall ratio {statistics.median(walls):.2f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000, help="database size to measure")
    parser.add_argument(
        "--prior-claims",
        type=int,
        default=100_000,
        help="size of the all-decided database for the prior lookup",
    )
    parser.add_argument("--passages", type=int, default=100_000, help="passages for refs add")
    parser.add_argument(
        "--refs-rounds", type=int, default=1, help="interleaved rounds of the refs figure"
    )
    parser.add_argument("--add-files", type=int, default=1000, help="files for the add figure")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each start-up figure")
    parser.add_argument("--only", default=",".join(FIGURES), help="comma-separated figures")
    parser.add_argument(
        "--baseline", default="", help="another checkout to time too (start-up, refs add, export)"
    )
    parser.add_argument(
        "--documents-rounds", type=int, default=5, help="interleaved documents rounds"
    )
    parser.add_argument("--export-rounds", type=int, default=3, help="interleaved export rounds")
    parser.add_argument(
        "--join",
        type=int,
        default=1,
        help="articles a document in the list/documents/export db (9: the issue's ~37 claims"
        " a document at 1M claims; 1: one article each, ~4.5)",
    )
    parser.add_argument(
        "--export-formats", default=",".join(EXPORT_FORMATS), help="comma-separated formats"
    )
    args = parser.parse_args()
    global BASELINE
    BASELINE = args.baseline
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (the shared data folder is not in a fresh clone)")
        return
    wanted = set(args.only.split(","))
    size = f"{args.claims:,} claims" + (
        f", {args.join} articles a document" if args.join > 1 else ""
    )
    print(
        "| figure | size | factcheck | anchor (same run) | ratio | command |\n"
        "|---|---|---|---|---|---|"
    )
    if "startup" in wanted:
        fig_startup(args.repeat)
    if wanted & {"list", "documents", "export"}:
        db = database(args.claims, args.join)
        if "list" in wanted:
            fig_list(db, size)
        if "documents" in wanted:
            fig_documents(db, size, args.documents_rounds)
    if "prior" in wanted:
        fig_prior(database(args.prior_claims), f"{args.prior_claims:,} claims")
    if "refs" in wanted:
        fig_refs(args.passages, args.refs_rounds)
    if "add" in wanted:
        fig_add(args.add_files)
    if "review" in wanted:
        fig_review(args.repeat)
    if "export" in wanted:
        formats = args.export_formats.split(",")
        fig_export(database(args.claims, args.join), size, args.export_rounds, formats)


if __name__ == "__main__":
    main()
