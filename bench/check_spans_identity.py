"""Whether another checkout's spans.py gives every statement of CoAID and ClaimReview
exactly as this checkout does: offsets, attribution flag and claim kind.

    nice -n 10 python bench/check_spans_identity.py --base /tmp/main-archive

For refactors of factcheck/claims/spans.py (and the modules it is split into) that must
not change behaviour. `bench/count_span_cuts.py` compares offsets only and prints the
changed sentences; this compares each `Statement` whole (start, end, attribution), the
`claim_kind` of its text and `is_attribution` of its text, and prints only counts and
the first differing sentence's offsets (never its text), so it may run on every set.
The base's spans.py is loaded beside this checkout's package (as count_span_cuts.py
does), so only that module differs. Exits 0 with a message when ../shared is absent;
exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from count_span_cuts import SHARED, bodies


def load_base(base: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "base_spans", base / "factcheck" / "claims" / "spans.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["base_spans"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True)
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent")
        return 0
    from factcheck.claims import spans
    from factcheck.text.sentences import split_sentences

    base = load_base(args.base)
    differences = 0
    for corpus in ("coaid", "claimreview"):
        sentences = statements = different = 0
        for body in bodies(corpus):
            for s, e in split_sentences(body):
                sentences += 1
                before = base.statement_spans(body, s, e)
                after = spans.statement_spans(body, s, e)
                old = [(x.start, x.end, x.attribution) for x in before]
                new = [(x.start, x.end, x.attribution) for x in after]
                statements += len(new)
                if old == new:
                    text = [body[x.start : x.end] for x in after]
                    old_kinds = [
                        (base.claim_kind(t, attribution=a), base.is_attribution(t))
                        for t, (_, _, a) in zip(text, old, strict=True)
                    ]
                    new_kinds = [
                        (spans.claim_kind(t, attribution=a), spans.is_attribution(t))
                        for t, (_, _, a) in zip(text, new, strict=True)
                    ]
                    if old_kinds == new_kinds:
                        continue
                different += 1
                if different == 1:
                    print(f"  first difference: {corpus} sentence at [{s}, {e})")
        differences += different
        print(
            f"{corpus}: {sentences} sentences, {statements} statements, "
            f"{different} sentences differ (offsets, attribution flag, kind)"
        )
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
