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
import zlib
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

# Checker v2 (session 21): the v1 lists above missed most present-tense and regular
# verbs ("prohibits", "carry", "swam", "offer"): a spaCy tagger, run on the spans v1
# called verbless, found a finite verb or an imperative in 66% of the CoAID ones and 71%
# of the ClaimReview ones (bench/RESULTS.md, session 21). v2 adds frequent English verbs
# in their base, -s and -ed forms (a base or -s form counts only when no determiner or
# preposition comes just before it, so "the use of" is no verb) and an imperative first
# word. It is still a lexicon of its own, not the splitter's.
BASE_VERBS = _words(
    "accept add affect agree allow appear apply argue arrive ask attack avoid base "
    "believe belong blame block boost call care carry change charge check claim clean "
    "close compare confirm consider consume contain continue contribute control cost "
    "count cover create cure damage deal decide decline decrease deliver deny depend "
    "describe destroy detail develop die differ discover display distribute drop earn "
    "echo emerge encourage end engulf enter estimate evaporate examine exceed exist "
    "expand expect experience explain expose face fail fear feature feel fight file "
    "fill finish fit fix focus follow force form fund gain happen hate head hear help "
    "hide hire hit hope identify ignore impact improve include increase indicate "
    "infect inform intend involve issue join kill know last launch learn leave lie "
    "like limit link list live look love lower manage mark matter mean measure mention "
    "miss monitor move name need note notice object occur offer open operate order "
    "outline own pass pay perform pick place plan play point post predict prefer "
    "prepare present prevent produce prohibit promote protect prove provide publish "
    "push put raise range reach read receive recognise recognize recommend record "
    "recover reduce refer reflect refuse reject relate release rely remain remove "
    "repeat replace report represent require respond rest restrict result return "
    "reveal rise rule save seek seem sell send serve share shift show sign speak spend "
    "stand start state stay stop struggle study suffer suggest supply support suppose "
    "survive suspect swim talk target teach tend test thank touch track train transmit "
    "travel treat trigger try turn understand urge use vary view visit vote wait walk "
    "want warn wash watch wear win wish wonder work worry write"
)
IRREGULAR_PAST = _words(
    "ate beat bore bought broke built caught chose dealt drew drank drove dug fed felt "
    "fled flew fought forgot froze grew hid hit hung laid lay led left lent lit meant "
    "met paid put quit ran rang rode rose sank sat sent set shot shut slept slid sold "
    "sought spoke spread stole stood struck stuck swam swept swore taught thought threw "
    "tore understood woke won wore wrote"
)


def _inflected(base: str) -> tuple[str, ...]:
    """A base verb's -s and -ed forms ("carry": carries, carried; "use": uses, used)."""
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return (base[:-1] + "ies", base[:-1] + "ied")
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    return (third, base + ("d" if base.endswith("e") else "ed"))


FINITE_FORMS = frozenset(f for b in BASE_VERBS for f in (b, _inflected(b)[0])) | VERBS
PAST_FORMS = frozenset(_inflected(b)[1] for b in BASE_VERBS) | IRREGULAR_PAST
NOT_BEFORE_VERB = _words(
    "a an the this these those its their his her our your my some every each no any "
    "of in on at to for from by with about into over under between among during than"
)
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


def has_verb_v2(words: list[str]) -> bool:
    """Checker v2's verb test: v1's, the lexicon's forms (base and -s forms not after a
    determiner or preposition), or an imperative first word ("Wash your hands")."""
    lowered = [w.lower() for w in words]
    previous = ["", *lowered]
    for before, word in zip(previous, lowered, strict=False):
        if word in PAST_FORMS or (len(word) > 4 and word.endswith("ed")) or word in VERBS:
            return True
        if word in FINITE_FORMS and before not in NOT_BEFORE_VERB:
            return True
    start = 1 if lowered[:1] == ["please"] else 0
    return len(lowered) > start and lowered[start] in BASE_VERBS


def dangles_v2(claim, text: str, words: list[str]) -> bool:
    """Checker v2's dangling test: v1's, except a capitalised word after the first (a
    month or a name: "in May", "Who's Who") and a demonstrative that ends the sentence
    itself ("like this.", "abide by that."): a pronoun there, not a determiner."""
    if not words or words[-1].lower() not in DANGLING:
        return False
    if len(words) > 1 and words[-1][:1].isupper():
        return False
    at_sentence_end = not text[claim.end : claim.sentence_end].strip(' .!?"”’)')
    return not (at_sentence_end and words[-1].lower() in ("this", "that", "these", "those"))


def problems(claim, text: str, checker: int = 1) -> list[str]:
    """The form problems of `claim` under checker 1 (session 20's, strict) or 2."""
    found = []
    words = WORD.findall(claim.text)
    if checker == 1 and words and words[-1].lower() in DANGLING:
        found.append("dangling last word")
    if checker == 2 and dangles_v2(claim, text, words):
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
    if checker == 2:
        verbless = not has_verb_v2(words)
    else:
        verbless = not any(w in VERBS or (len(w) > 4 and w.endswith("ed")) for w in lowered)
    if verbless and not (after_pronoun - DANGLING):
        found.append("bare fragment (no verb)")
    return found


PROBLEMS = (
    "dangling last word",
    "unbalanced quotes",
    "cut inside a quotation",
    "bare fragment (no verb)",
)


def half_of(body: str, half: str) -> bool:
    """Whether an article belongs to `half`: "tune" and "held" split the articles by the
    parity of a CRC-32 of their text (stable across runs and checkouts), "all" is both."""
    return half == "all" or zlib.crc32(body.encode("utf-8")) % 2 == (half == "held")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO_ROOT, help="checkout to evaluate")
    parser.add_argument("--limit", type=int, default=0, help="articles (0 = all)")
    parser.add_argument(
        "--show", type=int, default=0, help="failing claims to print per problem, with sentence"
    )
    parser.add_argument(
        "--half",
        choices=("all", "tune", "held"),
        default="all",
        help="tune / held: one half of the articles (CRC-32 parity of the text); rules were "
        "tuned on the tune half of CoAID only",
    )
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

    bodies = [b for b in load_bodies(args.limit, args.corpus) if half_of(b, args.half)]
    groups = ("all", "shown")
    totals = dict.fromkeys(groups, 0)
    bad = {(g, c): 0 for g in groups for c in (1, 2)}
    counts: dict[tuple[str, int, str], int] = {}
    examples: dict[str, list[str]] = {}
    for text in bodies:
        for claim in split_claims(text):
            in_groups = groups if claim.score >= 0.5 else ("all",)
            for checker in (1, 2):
                found = problems(claim, text, checker)
                for group in in_groups:
                    bad[group, checker] += bool(found)
                    for name in found:
                        counts[group, checker, name] = counts.get((group, checker, name), 0) + 1
                if checker == 2:
                    for name in found:
                        if len(examples.setdefault(name, [])) < args.show:
                            sentence = text[claim.sentence_start : claim.sentence_end]
                            examples[name].append(f"{claim.text[-160:]!r}\n      in {sentence!r}")
            for group in in_groups:
                totals[group] += 1
    print(f"{len(bodies)} {args.corpus} article bodies ({args.half}); splitter from {args.repo}")
    for group in groups:
        total = max(1, totals[group])
        print(f"\n{group} claims: {totals[group]}       checker v1 (strict)  checker v2")
        well = [100 * (1 - bad[group, c] / total) for c in (1, 2)]
        print(f"  {'well formed':26} {well[0]:6.2f}%             {well[1]:6.2f}%")
        for name in PROBLEMS:
            share = [100 * counts.get((group, c, name), 0) / total for c in (1, 2)]
            print(f"  {name:26} {share[0]:6.2f}%             {share[1]:6.2f}%")
    for name, texts in examples.items():
        print(f"\nexamples (checker v2): {name}")
        for text in texts:
            print(f"  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
