"""What a change to the splitter's words did: claims and check-worthiness, this checkout
against another, on real text, in one run.

    nice -n 10 python bench/compare_claims.py --base /path/to/old/checkout [--limit 400]

For a change that must keep behaviour or say what moved (a word list, a tokenizer, a
feature the shipped linear model reads), this prints, for the old and the new code:
- the shipped linear model on ClaimBuster's held-out debates and CheckThat! 2024
  dev-test (no training): average precision, F1 at 0.5, how many sentence scores moved
  and how many crossed 0.5;
- the claims `split_claims` finds on the seed (../shared/seeds/xi-lee-call.txt) and on
  `--limit` CoAID and ClaimReview article bodies: count, shown (score >= 0.5), and
  claims whose text, kind or score changed, with examples.

Each checkout runs in its own process with its own code first on the path: an editable
install (`pip install -e`) puts a finder ahead of sys.path, so inserting a path alone
would import this checkout twice. Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"


def _use_checkout(repo: Path) -> None:
    """Import factcheck from `repo`, not from the editable install of this venv."""
    sys.meta_path[:] = [
        finder
        for finder in sys.meta_path
        if "editable" not in (type(finder).__module__ + type(finder).__name__).lower()
    ]
    sys.path.insert(0, str(repo))
    sys.path.insert(0, str(REPO_ROOT / "bench"))


def _dump(repo: Path, limit: int, out: Path) -> None:
    """Scores and claims of the code in `repo`, as JSON in `out` (run in a subprocess)."""
    _use_checkout(repo)
    # factcheck first: the bench helpers put this checkout on sys.path when imported
    from factcheck.claims.checkworthiness import default_model
    from factcheck.claims.splitter import split_claims

    if not Path(split_claims.__code__.co_filename).is_relative_to(repo):
        raise SystemExit(f"factcheck was not imported from {repo}")
    from checkworthiness_data import checkthat_2024, claimbuster, held_out_claimbuster
    from eval_span_form import load_bodies

    model = default_model()
    data = SHARED / "data"
    debates = claimbuster(data)
    held = held_out_claimbuster(debates)
    sets = {
        "ClaimBuster held-out": [r for r in debates if r.group in held],
        "CheckThat! 2024": checkthat_2024(data),
    }
    result: dict[str, object] = {
        name: {
            "labels": [r.label for r in rows],
            "scores": [model.probability(r.item.text) for r in rows],
        }
        for name, rows in sets.items()
    }
    texts = {"seed": [(SHARED / "seeds" / "xi-lee-call.txt").read_text(encoding="utf-8")]}
    texts["CoAID"] = load_bodies(limit, "coaid")
    texts["ClaimReview"] = load_bodies(limit, "claimreview")
    for name, bodies in texts.items():
        result[name] = [
            [(c.text, str(c.kind), round(c.score, 6)) for c in split_claims(body)]
            for body in bodies
        ]
    out.write_text(json.dumps(result), encoding="utf-8")


def _average_precision(scores: list[float], labels: list[int]) -> float:
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    hits, total = 0, 0.0
    for rank, (_, label) in enumerate(ranked, 1):
        if label:
            hits += 1
            total += hits / rank
    return total / max(1, sum(labels))


def _f1(scores: list[float], labels: list[int]) -> float:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= 0.5 and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= 0.5 and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < 0.5 and y)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def _report(old: dict, new: dict, show: int) -> None:
    for name in ("ClaimBuster held-out", "CheckThat! 2024"):
        labels, before, after = old[name]["labels"], old[name]["scores"], new[name]["scores"]
        moved = [(a, b) for a, b in zip(before, after, strict=True) if abs(a - b) > 1e-9]
        crossed = sum((a >= 0.5) != (b >= 0.5) for a, b in moved)
        largest = max((abs(a - b) for a, b in moved), default=0.0)
        ap_before, ap_after = _average_precision(before, labels), _average_precision(after, labels)
        print(
            f"{name} ({len(labels)} sentences), shipped linear model: "
            f"AP {ap_before:.4f} -> {ap_after:.4f}, "
            f"F1@0.5 {_f1(before, labels):.4f} -> {_f1(after, labels):.4f}; "
            f"{len(moved)} scores moved (largest {largest:.4f}), {crossed} across 0.5"
        )
    for name in ("seed", "CoAID", "ClaimReview"):
        before = [c for doc in old[name] for c in doc]
        after = [c for doc in new[name] for c in doc]
        changed = {"text": [], "kind": [], "score": []}
        for doc_old, doc_new in zip(old[name], new[name], strict=True):
            if [c[0] for c in doc_old] != [c[0] for c in doc_new]:
                changed["text"].append((doc_old, doc_new))
                continue
            for a, b in zip(doc_old, doc_new, strict=True):
                if a[1] != b[1]:
                    changed["kind"].append((a, b))
                if abs(a[2] - b[2]) > 1e-9:
                    changed["score"].append((a, b))
        print(
            f"{name} ({len(old[name])} texts): claims {len(before)} -> {len(after)}, "
            f"shown {sum(c[2] >= 0.5 for c in before)} -> {sum(c[2] >= 0.5 for c in after)}; "
            f"texts whose claims differ {len(changed['text'])}; claims of other kind "
            f"{len(changed['kind'])}, other score {len(changed['score'])}"
        )
        for doc_old, doc_new in changed["text"][:show]:
            # What a fact-checker reads: claims only the old code gave, then only the new.
            old_texts = {c[0] for c in doc_old}
            new_texts = {c[0] for c in doc_new}
            for c in doc_old:
                if c[0] not in new_texts:
                    print(f"  - {c[2]:.2f} {c[0][:200]}")
            for c in doc_new:
                if c[0] not in old_texts:
                    print(f"  + {c[2]:.2f} {c[0][:200]}")
            print("  --")
        for a, b in changed["kind"][:show]:
            print(f"  kind {a[1]} -> {b[1]}: {a[0][:110]}")
        for a, b in changed["score"][:show]:
            print(f"  score {a[2]:.3f} -> {b[2]:.3f}: {a[0][:110]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="the checkout to compare against")
    parser.add_argument("--limit", type=int, default=400, help="bodies per corpus")
    parser.add_argument("--show", type=int, default=5, help="examples per kind of change")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        _dump(args.code, args.limit, args.dump)
        return 0
    if not (SHARED / "data").exists():
        print(f"skipped: {SHARED / 'data'} not found")
        return 0
    if args.base is None:
        parser.error("--base is required")
    with tempfile.TemporaryDirectory() as work:
        dumps = []
        for code in (args.base.resolve(), REPO_ROOT):
            out = Path(work) / f"{len(dumps)}.json"
            command = [sys.executable, __file__, "--dump", str(out), "--code", str(code)]
            subprocess.run([*command, "--limit", str(args.limit)], check=True)
            dumps.append(json.loads(out.read_text(encoding="utf-8")))
    print(f"old: {args.base.resolve()}  new: {REPO_ROOT}")
    _report(dumps[0], dumps[1], args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
