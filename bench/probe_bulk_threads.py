"""Probe: split N bulk articles in two spawned worker processes (what `add_articles`
does) or in two threads of one process sharing one onnxruntime session; wall and CPU,
and whether both give the same claims to the bit.

    nice -n 10 python bench/probe_bulk_threads.py --articles 200 --rounds 2

Why: onnxruntime releases the GIL in `Session.run` (~75% of a worker's time), so two
threads may split two documents at once; they share one model in memory (one 19 MB
graph in the cores' caches instead of two) and pay one start-up and one model load.
Articles as in bench_bulk_add.py. Each mode runs in a fresh interpreter (imports,
spawning and model loads included), modes alternate per round.
Exits 0 with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _split(text: str) -> object:
    from factcheck.ingest import text_claims

    return text_claims(text)


def run_mode(mode: str, texts: list[str], out: Path) -> None:
    """In the child interpreter: split `texts` two at a time; pickle the results."""
    if mode == "procs":
        from factcheck.ingest.workers import in_order

        results = [r for _, r in in_order(_split, enumerate(texts), workers=2)]
    elif mode == "threads":
        from concurrent.futures import ThreadPoolExecutor

        from factcheck.claims.checkworthiness import scoring

        scoring.preload()
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(_split, texts))
    else:
        results = [_split(t) for t in texts]
    out.write_bytes(pickle.dumps([repr(r) for r in results]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--modes", nargs="+", default=["procs", "threads"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--texts", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        texts = pickle.loads(Path(args.texts).read_bytes())
        run_mode(args.child, texts, Path(args.out))
        return
    from bench_bulk_add import bulk_articles
    from train_checkworthiness_linear import require_data

    texts = bulk_articles(require_data(), args.articles)
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        text_file = Path(tmp) / "texts.pickle"
        text_file.write_bytes(pickle.dumps(texts))
        outputs: dict[str, bytes] = {}
        for r in range(args.rounds):
            order = args.modes if r % 2 == 0 else args.modes[::-1]
            print(f"round {r + 1} (load {os.getloadavg()[0]:.1f}):")
            for mode in order:
                out = Path(tmp) / f"{mode}.pickle"
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        mode,
                        "--texts",
                        str(text_file),
                        "--out",
                        str(out),
                    ],
                    check=True,
                )
                wall = time.perf_counter() - started
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                outputs[mode] = out.read_bytes()
                print(
                    f"  {mode:8s} {wall:6.1f} s wall {cpu:6.1f} s CPU"
                    f" -> {megabytes / wall:.3f} MB/s wall, {cpu / len(texts) * 1000:.1f} ms CPU"
                    " an article"
                )
        same = len(set(outputs.values())) == 1
        print(f"claims identical across modes: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
