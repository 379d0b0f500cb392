"""Do two checkouts suggest the same evidence? A speed change must not move a ranking.

    FACTCHECK_DATA=/work/shared/data nice -n 10 python bench/check_suggest_identity.py \
        --baseline ../main [--lexical 1000] [--shipped 300] [--db COPY_OF_A_BENCH_LIBRARY]

One library (the suggestion benches' ~55k real sentences, bench/corpora.py) is imported
once; each checkout then answers on its own copy of it, in a subprocess with that
checkout first on sys.path: the top 5 (title, passage, score, span, agreements,
contradictions, reference id) of the matcher alone for the first `--lexical` claims, and
of the shipped path (sentence rerank, passage vectors computed and cached as a desk
would, so both copies compute the same ones) for the first `--shipped`. Prints how many
claims get identical answers; exits 1 when any differs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip, suggestion_corpus

CORPUS_SIZE = 62_000


def claims_of(data: Path) -> list[str]:
    """The benches' claims, FM2 and Climate-FEVER interleaved."""
    _, queries = suggestion_corpus(data, CORPUS_SIZE)
    return [q.claim for q in queries[::2] + queries[1::2]]


def dump(db: Path, lexical: int, shipped: int, out: Path) -> None:
    """Run in the subprocess: answers of the checkout first on sys.path, as JSON."""
    from factcheck.evidence.context import ClaimContext
    from factcheck.evidence.sources.local import LocalReferences
    from factcheck.store import Store

    claims = claims_of(data_or_skip())
    free = ClaimContext.free_text()

    def rows(items) -> list[list[object]]:
        return [
            [e.title, e.passage, e.score, e.span, e.agreements, e.contradictions, e.reference_id]
            for e in items
        ]

    with Store(db) as store:
        matcher_alone = LocalReferences(store, sentence_weight=0.0)
        with_meaning = LocalReferences(store)
        answers = {
            "lexical": [rows(matcher_alone.suggest(c, context=free)) for c in claims[:lexical]],
            "shipped": [rows(with_meaning.suggest(c, context=free)) for c in claims[:shipped]],
        }
    out.write_text(json.dumps(answers))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline", type=Path, required=True, help="the other checkout")
    parser.add_argument("--lexical", type=int, default=1000)
    parser.add_argument("--shipped", type=int, default=300)
    parser.add_argument(
        "--db",
        type=Path,
        help="a library these benches imported, at a schema both checkouts open (copied,"
        " not written), instead of importing one with this checkout (whose schema may be"
        " newer than the baseline's)",
    )
    parser.add_argument("--dump", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        dump(args.dump[0], args.lexical, args.shipped, args.dump[1])
        return
    data = data_or_skip()
    from factcheck.store import Store

    passages, _ = suggestion_corpus(data, CORPUS_SIZE)
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "library.db"
        if args.db:
            shutil.copyfile(args.db, library)
        else:
            with Store(library) as store:
                store.add_references(passages)
        answers = {}
        for name, checkout in (("baseline", args.baseline.resolve()), ("this", here)):
            db, out = Path(folder) / f"{name}.db", Path(folder) / f"{name}.json"
            shutil.copy(library, db)
            env = {**os.environ, "PYTHONPATH": str(checkout)}
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--baseline",
                    str(checkout),
                    "--lexical",
                    str(args.lexical),
                    "--shipped",
                    str(args.shipped),
                    "--dump",
                    str(db),
                    str(out),
                ],
                env=env,
                check=True,
            )
            answers[name] = json.loads(out.read_text())
    differ = 0
    for side in ("lexical", "shipped"):
        pairs = list(zip(answers["baseline"][side], answers["this"][side], strict=True))
        same = sum(a == b for a, b in pairs)
        differ += len(pairs) - same
        print(f"{side}: identical top 5 for {same}/{len(pairs)} claims")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
