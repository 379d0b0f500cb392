"""Well-formedness of claim spans on real article bodies (issue 11: >= 98% well formed).

    python bench/eval_span_form.py                       # this checkout's splitter
    python bench/eval_span_form.py --repo /tmp/old-tree  # another checkout, for "before"
    python bench/eval_span_form.py --limit 500 --show 5  # fewer articles, print examples
    python bench/eval_span_form.py --corpus claimreview  # fact-check bodies, with quotes

Text: the `content` column of ../shared/data/coaid/*/News*COVID-19.csv (article bodies,
lowercased by the data set, few quotation marks), or with `--corpus claimreview` the
`extra_body` of ../shared/data/claimreview-samples/*.csv (fact-check articles, cased,
full of quotations). Exits 0 with a message when absent. Every claim `split_claims`
returns is checked, and
separately the shown ones (score >= 0.5). A span is badly formed when:

- its last word dangles: a determiner, preposition, auxiliary, ordinal or conjunction
  ("... a bill to", "The fountain first");
- its quotation marks are unbalanced (curly “ ” counts differ, or an odd number of ");
- it is cut inside a quotation: a span boundary falls inside quotation marks of its
  sentence (the quotation is split between claims, or the claim is part of one);
- it is a bare fragment: no verb at all (a small verb lexicon of its own, -ed forms,
  and any word after a subject pronoun; the splitter's verb test is not reused).

Figures are percentages of claims; a claim can fail several tests.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = REPO_ROOT.parent / "shared" / "data" / "coaid"
CLAIMREVIEW = REPO_ROOT.parent / "shared" / "data" / "claimreview-samples"


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


DANGLING = _words(
    "a an the this these those its their his her our your my some every each no any "
    "of in on at to for from by with about into over under between among during than "
    "and or but nor so yet because while although if that which who "
    "is are was were be been being am has have had do does did will would can could "
    "may might shall should must first second third fourth fifth last next"
)
VERBS = _words(
    "is are was were be been am has have had do does did will would can could may might "
    "shall should must said says say told tell make makes made take takes took get gets "
    "got go goes went come comes came see sees saw know knows knew think thinks thought "
    "give gives gave find finds found show shows showed keep kept lead leads led hold held "
    "rise rose rises fall fell falls grow grew grows win won lose lost spend spent pay paid "
    "run ran begin began bring brought become became remain remains need needs include "
    "includes cause causes help helps spread spreads test tests work works die dies "
    "'m ’m 're ’re 've ’ve n't n’t"
)
PRONOUNS = _words("i we you they he she it who")
WORD = re.compile(r"[\w'’-]+")


def load_bodies(limit: int, corpus: str) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    bodies: list[str] = []
    if corpus == "coaid":
        paths, column = sorted(DATA.glob("*/News*COVID-19.csv")), "content"
    else:
        paths, column = sorted(CLAIMREVIEW.glob("*.csv")), "extra_body"
    for path in paths:
        with open(path, newline="", encoding="utf-8-sig") as f:
            bodies.extend(row[column] for row in csv.DictReader(f) if row.get(column))
    bodies = [b for b in bodies if b.strip()]
    return bodies[:limit] if limit else bodies


def quote_depth_at(sentence: str, position: int) -> int:
    """Open quotation marks before `position` in `sentence` (curly nest, straight toggle)."""
    before = sentence[:position]
    curly = before.count("“") - before.count("”")
    straight = before.count('"') % 2
    return max(0, curly) + straight


def problems(claim, text: str) -> list[str]:
    found = []
    words = WORD.findall(claim.text)
    if words and words[-1].lower() in DANGLING:
        found.append("dangling last word")
    if claim.text.count("“") != claim.text.count("”") or claim.text.count('"') % 2:
        found.append("unbalanced quotes")
    sentence = text[claim.sentence_start : claim.sentence_end]
    if "“" in sentence or '"' in sentence:
        start = claim.start - claim.sentence_start
        end = claim.end - claim.sentence_start
        inside_start = quote_depth_at(sentence, start) > 0
        inside_end = quote_depth_at(sentence, end) > 0 and sentence[end:].lstrip()[:1] not in '”"'
        if inside_start or inside_end:
            found.append("cut inside a quotation")
    lowered = [w.lower() for w in words]
    after_pronoun = {
        w for p, w in zip(["", *lowered], lowered, strict=False) if p in PRONOUNS and w.isalpha()
    }
    if not any(w in VERBS or (len(w) > 4 and w.endswith("ed")) for w in lowered) and not (
        after_pronoun - DANGLING
    ):
        found.append("bare fragment (no verb)")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO_ROOT, help="checkout to evaluate")
    parser.add_argument("--limit", type=int, default=0, help="articles (0 = all)")
    parser.add_argument("--show", type=int, default=0, help="examples to print per problem")
    parser.add_argument(
        "--corpus",
        choices=("coaid", "claimreview"),
        default="coaid",
        help="coaid: CoAID news bodies (lowercased, few quotes); claimreview: fact-check "
        "article bodies from claimreview-samples (cased, with quotations)",
    )
    args = parser.parse_args()
    folder = DATA if args.corpus == "coaid" else CLAIMREVIEW
    if not folder.exists():
        print(f"skipped: {folder} not found")
        return 0
    sys.path.insert(0, str(args.repo.resolve()))
    from factcheck.claims.splitter import split_claims

    bodies = load_bodies(args.limit, args.corpus)
    counts: dict[str, dict[str, int]] = {"all": {}, "shown": {}}
    totals = {"all": 0, "shown": 0}
    bad = {"all": 0, "shown": 0}
    examples: dict[str, list[str]] = {}
    for text in bodies:
        for claim in split_claims(text):
            found = problems(claim, text)
            groups = ("all", "shown") if claim.score >= 0.5 else ("all",)
            for group in groups:
                totals[group] += 1
                bad[group] += bool(found)
                for name in found:
                    counts[group][name] = counts[group].get(name, 0) + 1
            for name in found:
                if len(examples.setdefault(name, [])) < args.show:
                    examples[name].append(claim.text[-160:])
    print(f"{len(bodies)} {args.corpus} article bodies; splitter from {args.repo}")
    for group in ("all", "shown"):
        total = max(1, totals[group])
        print(f"\n{group} claims: {totals[group]}")
        print(f"  well formed                {100 * (1 - bad[group] / total):6.2f}%")
        for name in (
            "dangling last word",
            "unbalanced quotes",
            "cut inside a quotation",
            "bare fragment (no verb)",
        ):
            print(f"  {name:26} {100 * counts[group].get(name, 0) / total:6.2f}%")
    for name, texts in examples.items():
        print(f"\nexamples: {name}")
        for text in texts:
            print(f"  …{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
