"""Derive a lexicon of present-tense "-s" verbs ("requires", "relies", "offers") from news
and debate English, for the splitter's `spans.tokens.is_verb`, which has no tagger.

    python bench/build_verb_lexicon.py [--full]                 # print the kept words
    python bench/build_verb_lexicon.py --out /tmp/verb_forms.txt  # and write them

NOT SHIPPED (session 30, lex11; bench/RESULTS.md): with either list read by `is_verb`
after a noun-like word, one-to-one recall rose on one readable set of four (long, +1
claim) and on no other, short of the rule (two sets); the words were mostly in
sentences the cut rules judge the same either way. The list is not in the package.

Why: the hand list VERB_FORMS misses most present-tense verbs after a noun subject ("the
law requires ...", "the vaccine offers ..."), so a clause is not seen as a statement and
a cut is not made (session 29, span11). Growing the hand list one word a session does
not generalise; counting how each word is used in real text does.

Text (lower-cased, cut into tokens by the splitter's own `spans.tokens.TOKEN`; 1.16 M
tokens):
- CoAID news bodies (../shared/data/coaid);
- ClaimReview fact-check bodies (../shared/data/claimreview-samples), EXCEPT the bodies of
  the blind sets long3, long4, long5 and long7 (`eval_news_claims.SELECTIONS`), left out
  by their text, so the lexicon learns nothing from a held-out article;
- ClaimBuster and CLEF 2019 debate sentences.

Kept: "-s" forms ("requires", "relies", "pushes") not in the hand lists, where
- the base ("require", "rely", "push") follows "to", a modal or "do/does/did not" at
  least `MIN_BASE` times (it is a verb at all), and is no function word ("ours", "ands");
- the "-s" form is seen at least `MIN_TOTAL` times;
- noun evidence (the "-s" form after a determiner or preposition, "the posts", "of
  reports"; or before "of", "are", "were", "have", "had", "orders of", "updates are") is
  at most `MAX_NOUN_SHARE` of its uses, and verb evidence (after "he", "she", "it",
  "who", "which"; or before a determiner, "that" or an object pronoun, "requires the")
  is at least once and at least `VERB_OVER_NOUN` times the noun evidence.
Thresholds were chosen by reading the lists this script prints, before any splitter
figure: base-after-"to"-or-modal alone kept nouns ("updates", "orders", "deals": noun
use 5-13 times, verb use 1-8) and, with "to", possessives and places ("ours",
"chinas"); the verb-over-noun test drops those; `MIN_TOTAL` drops words seen once or
twice, whose counts decide nothing ("congresses", "washes"). Without `--full`, also
dropped: words whose base follows a determiner more than `MAX_BASE_NOUN` times its
verb uses ("the cause", "a share", "the end": "causes", "shares", "ends" are plurals
as often), the smaller list (124 words; `--full`: 149).
Past forms were tried too (a word after "he"/"she", never after a modal nor a
determiner, not "-ed"): in this corpus that found 7 words, mostly not past forms
("puapua", "himself", "ought", "owe"; only "lied" is one): left out; the hand list
VERB_FORMS holds the frequent irregular pasts. Exits 0 with "skipped" when
../shared/data is absent.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from corpora import data_or_skip  # noqa: E402
from eval_news_claims import SELECTIONS, read_bodies, select_rows  # noqa: E402

from factcheck.claims.spans.tokens import (  # noqa: E402
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    TOKEN,
    VERB_FORMS,
)
from factcheck.text.lexicon import words_of  # noqa: E402

BLIND_SETS = ("long3", "long4", "long5", "long7")
MODALS = words_of(
    "will would can could may might shall should must cannot don't doesn't didn't "
    "won't can't wouldn't couldn't shouldn't don’t doesn’t didn’t won’t can’t "
    "wouldn’t couldn’t shouldn’t"
)
DO_FORMS = words_of("do does did will would can could should may might must")
S_SUBJECTS = words_of("he she it who which")
OBJECT_NEXT = DETERMINERS | words_of("that him them us me it")
"""Words after a verb far more often than after a plural noun ("requires the", "says that")."""
NOUN_NEXT = words_of("of are were have had")
"""Words after a plural noun, hardly after an "-s" verb ("the updates are", "orders of")."""
FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES
NOUN_BEFORE = DETERMINERS | (PREPOSITIONS - {"to"})
MIN_BASE = 5
MIN_TOTAL = 3
MAX_NOUN_SHARE = 0.1
VERB_OVER_NOUN = 2.0
MAX_BASE_NOUN = 0.2
Row = tuple[str, int, int, int, int, int, int, int]
"""A kept word and its counts, in the order `main` prints them."""
_NOT_S_FORMS = ("ss", "us", "is", "ous", "'s", "’s", "ics", "ness")


def texts(data: Path) -> Iterator[str]:
    """Every text the lexicon is counted on (blind bodies left out)."""
    csv.field_size_limit(sys.maxsize)
    folder = data / "claimreview-samples"
    blind = {body for name in BLIND_SETS for _, _, body in select_rows(folder, SELECTIONS[name])}
    for path in sorted(folder.glob("output_sample_*.csv")):
        for body in read_bodies(path):
            if body and body not in blind:
                yield body
    for path in sorted(data.glob("coaid/*/News*COVID-19.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                yield row.get("content") or ""
    with (data / "claimbuster" / "crowdsourced.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield row["Text"]
    for path in sorted(data.glob("clef2019-checkworthiness/training/*.tsv")):
        for line in path.open(encoding="utf-8"):
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3:
                yield fields[2]


def bases(word: str) -> list[str]:
    """The base forms an "-s" word may be the third person of ("relies" -> "rely",
    "pushes" -> "push", "requires" -> "require"), most likely first."""
    found = []
    if word.endswith("ies") and len(word) > 4:
        found.append(word[:-3] + "y")
    if word.endswith(("shes", "ches", "xes", "sses", "zes", "oes")):
        found.append(word[:-2])
    found.append(word[:-1])
    return found


class Counts:
    """Context counts of each token over the corpus."""

    def __init__(self) -> None:
        self.total: Counter[str] = Counter()
        self.after_modal: Counter[str] = Counter()
        self.after_to: Counter[str] = Counter()
        self.after_s_subject: Counter[str] = Counter()
        self.after_noun_before: Counter[str] = Counter()
        self.after_determiner: Counter[str] = Counter()
        self.before_object: Counter[str] = Counter()
        self.before_noun_next: Counter[str] = Counter()
        self.words = 0

    def add(self, text: str) -> None:
        lowers = [m.group().lower() for m in TOKEN.finditer(text)]
        self.words += len(lowers)
        self.total.update(lowers)
        before2, before = "", ""
        for lower in lowers:
            if before in MODALS or (before == "not" and before2 in DO_FORMS):
                self.after_modal[lower] += 1
            if before == "to":
                self.after_to[lower] += 1
            if before in S_SUBJECTS:
                self.after_s_subject[lower] += 1
            if before in DETERMINERS:
                self.after_determiner[lower] += 1
            if before in NOUN_BEFORE:
                self.after_noun_before[lower] += 1
            if lower in OBJECT_NEXT:
                self.before_object[before] += 1
            elif lower in NOUN_NEXT:
                self.before_noun_next[before] += 1
            before2, before = before, lower


def s_forms(counts: Counts, full: bool = False) -> list[Row]:
    """The counts printed by `main` for each "-s" candidate that passes the thresholds
    (`full`: without the noun-base test)."""
    kept: list[Row] = []
    for word in counts.total:
        if not (word.endswith("s") and word.isalpha() and len(word) > 3):
            continue
        if word.endswith(_NOT_S_FORMS) or word in VERB_FORMS or word in AUXILIARIES:
            continue
        base = max(bases(word), key=lambda b: counts.after_modal[b] + counts.after_to[b])
        verb_base = counts.after_modal[base] + counts.after_to[base]
        verb_s = counts.after_s_subject[word]
        noun_s = counts.after_noun_before[word]
        total = counts.total[word]
        verb_next = counts.before_object[word]
        noun_next = counts.before_noun_next[word]
        noun = noun_s + noun_next
        if base in FUNCTION_WORDS or verb_base < MIN_BASE or total < MIN_TOTAL:
            continue
        verb = verb_s + verb_next
        noun_base = counts.after_determiner[base]
        if not full and noun_base > MAX_BASE_NOUN * verb_base:
            continue  # the base is a noun too ("the cause", "a share"): "-s" is a plural
        if noun <= MAX_NOUN_SHARE * total and verb >= max(1.0, VERB_OVER_NOUN * noun):
            kept.append((word, total, verb_base, verb_s, noun_s, verb_next, noun_next, noun_base))
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="keep nouns' plurals too")
    parser.add_argument("--out", type=Path, help="write the kept words, one a line")
    args = parser.parse_args()
    data = data_or_skip()
    counts = Counts()
    for text in texts(data):
        counts.add(text)
    s_kept = s_forms(counts, args.full)
    print(f"{counts.words:,} tokens counted")
    print(
        f'"-s" forms kept: {len(s_kept)} (word, seen, base after to/modal, after '
        "he/she/it/who/which, after a determiner/preposition, before an object, before "
        "of/are/were/have/had, base after a determiner)"
    )
    for row in sorted(s_kept, key=lambda r: -r[1]):
        print("  s   ", *row)
    if args.out:
        words = sorted(w for w, *_ in s_kept)
        header = (
            "# Written by bench/build_verb_lexicon.py (see its docstring): words that are\n"
            "# very likely finite verbs, beyond spans.tokens' hand lists.\n"
        )
        args.out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
        print(f"wrote {len(words)} words to {args.out}")


if __name__ == "__main__":
    main()
