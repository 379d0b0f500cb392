"""Where the seconds of a bulk `factcheck add` go, per stage, without a profiler's
distortion: each stage's function is wrapped with a CPU timer for one run.

    nice -n 10 python bench/profile_bulk_add.py --articles 100

Articles as in bench_bulk_add.py (CoAID bodies joined in a shuffled order per article).
Printed: the CPU of a bare `python -m factcheck --help` process (process start), of
importing what a worker imports, of loading the model; then, for N articles added one
by one in this process (`ingest.add_article`, scored at once: what each worker plus the
writing process do), the CPU ms an article of each stage: reading the file, sentences,
debris and headlines, repeated sentences, statement spans, claims (kind and mood), the
linear first pass, tokenising, onnxruntime (feeds and run), SQLite writes, and the rest
(the splitter's own loops, the cascade, context). Stages do not nest.
Exits 0 with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_bulk_add import bulk_articles, write_articles
from train_checkworthiness_linear import require_data

SPENT: dict[str, float] = defaultdict(float)


def timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[stage] += time.process_time() - started

    return wrapper


def child_cpu(code: list[str]) -> float:
    """CPU s of a child process running `code` (median of three)."""
    runs = []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, *code], check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        runs.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return sorted(runs)[1]


def instrument() -> None:
    """Wrap each stage's function where its caller looks it up."""
    import factcheck.ingest as ingest
    from factcheck.claims import splitter
    from factcheck.claims.checkworthiness import linear, transformer
    from factcheck.store import Store
    from factcheck.text import onnx_runtime

    for name, stage in (
        ("split_sentences", "sentences"),
        ("is_debris", "debris and headlines"),
        ("is_headline", "debris and headlines"),
        ("is_speaker_line", "debris and headlines"),
        ("restates", "debris and headlines"),
        ("body_words_of", "debris and headlines"),
        ("duplicate_of", "repeated sentences"),
        ("statement_spans", "statement spans"),
        ("_claim", "claims (kind, mood)"),
    ):
        setattr(splitter, name, timed(stage, getattr(splitter, name)))
    linear.CheckworthinessModel.probability = timed(  # type: ignore[method-assign]
        "linear first pass", linear.CheckworthinessModel.probability
    )
    transformer.encode = timed("tokenising", transformer.encode)
    onnx_runtime.OnnxModel.run = timed("onnxruntime", onnx_runtime.OnnxModel.run)  # type: ignore[method-assign]
    Store.add_document = timed("SQLite writes", Store.add_document)  # type: ignore[method-assign]
    Store.added_before = timed("SQLite writes", Store.added_before)  # type: ignore[method-assign]
    ingest.read_article = timed("reading the file", ingest.read_article)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    root = require_data()
    start = child_cpu(["-m", "factcheck", "--help"])
    imports = child_cpu(["-c", "import factcheck.ingest, factcheck.claims.splitter"])
    loaded = child_cpu(
        [
            "-c",
            "import factcheck.ingest, factcheck.claims.splitter;"
            "from factcheck.claims.checkworthiness import scoring; scoring.preload()",
        ]
    )
    print(
        f"process start (python -m factcheck --help): {start * 1000:.0f} ms CPU; a worker's"
        f" imports (from a bare interpreter): {imports * 1000:.0f} ms; + loading the model:"
        f" {(loaded - imports) * 1000:.0f} ms"
    )
    texts = bulk_articles(root, args.articles + 1)
    import factcheck.ingest as ingest
    from factcheck.store import Store

    instrument()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_articles(Path(tmp), texts)
        with Store(Path(tmp) / "profile.db") as store:
            ingest.add_article(store, ingest.read_article(paths[0]))  # loads the model
            SPENT.clear()
            started = time.process_time()
            for path in paths[1:]:
                ingest.add_article(store, ingest.read_article(path))
            total = time.process_time() - started
    n = args.articles
    megabytes = sum(len(t.encode()) for t in texts[1:]) / 1e6
    print(
        f"{n} articles ({megabytes:.2f} MB) added in one process: {total / n * 1000:.1f} ms"
        f" CPU an article ({megabytes / total:.3f} MB/s a core)"
    )
    rest = total - sum(SPENT.values())
    for stage, seconds in [*sorted(SPENT.items(), key=lambda kv: -kv[1]), ("the rest", rest)]:
        print(f"  {stage:22s} {seconds / n * 1000:6.1f} ms  {seconds / total:6.1%}")


if __name__ == "__main__":
    main()
