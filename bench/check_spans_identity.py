"""Whether two source trees cut every sentence of CoAID and ClaimReview into the same
statements: offsets, attribution flag and claim kind.

    nice -n 10 python bench/check_spans_identity.py --trees /tmp/main-archive .

For refactors of factcheck/claims/spans/ (statements.py and its rule modules) that must not
change behaviour. Each tree's `statement_spans`, `claim_kind` and `is_attribution`
(imported from `factcheck.claims.spans`, whatever modules stand behind it) run in their
own process (`python -c`, in the tree's folder, so its `factcheck` is imported) over the
same sentences (this checkout's `split_sentences` of the CoAID `content` and ClaimReview
`extra_body` bodies, as bench/count_span_cuts.py reads them). Printed: per corpus, the
sentences and statements compared and how many sentences differ, with the offsets (never
the text: the ClaimReview bodies include a blind set) of the first. Exits 1 when
anything differs, 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from count_span_cuts import SHARED, bodies

DUMP = """
import json, sys
from factcheck.claims.spans import claim_kind, is_attribution, statement_spans
pieces = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for body, s, e in pieces:
        found = []
        for x in statement_spans(body, s, e):
            text = body[x.start : x.end]
            kind = claim_kind(text, attribution=x.attribution)
            found.append([x.start, x.end, x.attribution, kind.value, is_attribution(text)])
        out.write(json.dumps(found) + "\\n")
"""


def dump(tree: Path, pieces: Path, out: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    subprocess.run(
        [sys.executable, "-c", DUMP, str(pieces), str(out)], cwd=tree, env=env, check=True
    )
    return out.read_text(encoding="utf-8").splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trees", type=Path, nargs=2, required=True)
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent")
        return 0
    from factcheck.text.sentences import split_sentences

    differences = 0
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in ("coaid", "claimreview"):
            texts = bodies(corpus)
            pieces = [(body, s, e) for body in texts for s, e in split_sentences(body)]
            path = Path(tmp) / "pieces.json"
            path.write_text(json.dumps(pieces), encoding="utf-8")
            before, after = (
                dump(tree, path, Path(tmp) / f"{i}.jsonl") for i, tree in enumerate(args.trees)
            )
            assert len(before) == len(after) == len(pieces)
            differ = [i for i, (b, a) in enumerate(zip(before, after, strict=True)) if b != a]
            statements = sum(len(json.loads(line)) for line in after)
            print(
                f"{corpus}: {len(pieces)} sentences, {statements} statements, "
                f"{len(differ)} sentences differ (offsets, attribution flag, kind)"
            )
            if differ:
                _, s, e = pieces[differ[0]]
                print(f"  first difference: sentence {differ[0]}, at [{s}, {e})")
            differences += len(differ)
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
