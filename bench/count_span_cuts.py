"""Sentences whose statement spans differ between another checkout's splitter and this one.

    python bench/count_span_cuts.py --base /work/main [--sample 20 --seed 11] [--max-bytes 3000]

Reads the CoAID bodies (`content` of ../shared/data/coaid/*/News*COVID-19.csv) and the
ClaimReview bodies (`extra_body` of ../shared/data/claimreview-samples/*.csv), splits
them with this checkout's `split_sentences`, and runs `statement_spans` of both
checkouts on every sentence (the base's `factcheck` loaded beside this one in the same
process, `load_base`, whatever its layout: spans.py, span_*.py or the spans/ package).
Prints, per corpus, how many sentences are cut differently, how many
gained spans, the CPU time of each `statement_spans` over all sentences (interleaved,
one process), and a random sample of the changed ones, before / after, to read by hand.
`--max-bytes N` keeps only ClaimReview bodies of at most N UTF-8 bytes (session 27: the
longer ones are another helper's blind test set, so their sentences must not be printed).
Exits 0 with a message when ../shared is absent. Session 26 (coord11) wrote it to check the
detailed-coordination and list-item cuts; session 29 (cutsref) made `--base` load a
base whose splitter spans several modules.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
SHARED = REPO_ROOT.parent / "shared" / "data"

from factcheck.untrusted.terminal_text import printable  # noqa: E402 (after the path)


def bodies(corpus: str, max_bytes: int = 0) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    if corpus == "coaid":
        paths, column = sorted((SHARED / "coaid").glob("*/News*COVID-19.csv")), "content"
    else:
        paths, column = sorted((SHARED / "claimreview-samples").glob("*.csv")), "extra_body"
    found = []
    for path in paths:
        with open(path, newline="", encoding="utf-8-sig") as f:
            found.extend(row.get(column) or "" for row in csv.DictReader(f))
    if corpus == "claimreview" and max_bytes:
        found = [b for b in found if len(b.encode("utf-8")) <= max_bytes]
    return [b for b in found if b.strip()]


def _factcheck_modules() -> dict[str, ModuleType]:
    return {
        name: module
        for name, module in sys.modules.items()
        if name == "factcheck" or name.startswith("factcheck.")
    }


def load_base(
    base: Path, module_name: str = "factcheck.claims.spans", name: str = "statement_spans"
) -> Callable[..., Any]:
    """The base checkout's `statement_spans` (or `name` of `module_name`), loaded beside
    this one in one process. Every `factcheck` module this checkout imported is set
    aside, the base's `module_name` (for the splitter a module or a package: whatever
    modules stand behind it) is imported from the base's folder, and this checkout's
    modules are put back: each function keeps the globals of its own tree, so the
    base's rules run on the base's modules only. (A base function that imports a
    `factcheck` module at call time gets this checkout's: the spans modules import at
    the top; the scorer's lazy imports are of modules a splitter change leaves alone.)"""
    root = base.resolve()
    if not (root / "factcheck" / "claims").is_dir():
        raise SystemExit(f"{base}: no factcheck/claims/ there")
    ours = _factcheck_modules()
    for key in ours:
        del sys.modules[key]
    sys.path.insert(0, str(root))
    try:
        module = importlib.import_module(module_name)
    finally:
        sys.path.remove(str(root))
        for key in _factcheck_modules():
            del sys.modules[key]
        sys.modules.update(ours)
    origin = Path(module.__file__ or "").resolve()
    if not origin.is_relative_to(root):
        raise SystemExit(f"{base}: its {module_name} came from {origin}")
    function: Callable[..., Any] = getattr(module, name)
    return function


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=0,
        help="only ClaimReview bodies of at most this many UTF-8 bytes (0 = all)",
    )
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent")
        return 0
    from factcheck.claims.spans import statement_spans
    from factcheck.text.sentences import split_sentences

    before_spans = load_base(args.base)
    for corpus in ("coaid", "claimreview"):
        changed = []
        pieces = [
            (body, s, e)
            for body in bodies(corpus, args.max_bytes)
            for s, e in split_sentences(body)
        ]
        seconds = {"before": 0.0, "after": 0.0}
        for body, s, e in pieces:
            started = time.process_time()
            before = [(x.start, x.end) for x in before_spans(body, s, e)]
            middle = time.process_time()
            after = [(x.start, x.end) for x in statement_spans(body, s, e)]
            seconds["before"] += middle - started
            seconds["after"] += time.process_time() - middle
            if before != after:
                changed.append((body, before, after))
        more = sum(len(a) > len(b) for _, b, a in changed)
        print(
            f"{corpus}: {len(pieces)} sentences, {len(changed)} cut differently, {more} more "
            f"spans; statement_spans CPU before {seconds['before']:.2f} s, "
            f"after {seconds['after']:.2f} s"
        )
        for body, before, after in random.Random(args.seed).sample(
            changed, min(args.sample, len(changed))
        ):
            # outside text: printed without its control characters
            print("  before:", printable(" | ".join(body[s:e] for s, e in before)[:600]))
            print("  after: ", printable(" | ".join(body[s:e] for s, e in after)[:600]))
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
