"""Coverage of the seed article's 16 reference statements by the claims shown (issue 11).

    python bench/eval_seed_claims.py                     # seeds/xi-lee-call.txt
    python bench/eval_seed_claims.py ../shared/seeds/xi-lee-call.txt

A statement is covered when one shown claim (score >= 0.5) contains every required
substring of its checkable core, so a claim cut before the core (a lost year, a lost
attribution) does not count. Claims that cover none of the 16 are "other claims"; two
shown claims with the same normalised text are duplicates. Target: >= 14 of 16 covered,
<= 2 others, no duplicates. The statements are the issue's list; each is encoded as
the few words a fact-checker would need to see in one span to check it.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from factcheck.claims.duplicates import normalise  # noqa: E402
from factcheck.claims.splitter import split_claims  # noqa: E402

SHOWN = 0.5

STATEMENTS: list[tuple[str, tuple[str, ...]]] = [
    ("the call was their first since Lee took office", ("first phone call since Lee took office",)),
    ("Lee took office last week", ("Lee took office last week",)),
    ("the call was on Tuesday", ("On Tuesday", "Xi Jinping told")),
    (
        "Xi told Lee both nations should respect core interests (Chinese state media)",
        ("told", "respect one another’s core interests", "according to Chinese state media"),
    ),
    (
        "Xi said relations were conducive to peace (CCTV)",
        ("Xi said", "conducive to regional and world peace", "according to state broadcaster CCTV"),
    ),
    (
        "Lee urged China to play a constructive role in denuclearisation",
        ("Lee urged China", "constructive role", "denuclearization"),
    ),
    (
        "Xi assured Beijing would actively engage on shared challenges",
        ("Xi assured", "Beijing would actively engage on shared challenges"),
    ),
    (
        "China is South Korea's biggest trading partner",
        ("China is South Korea’s biggest trading partner",),
    ),
    (
        "relations improved since a 2017 spat over the missile defence system",
        ("relations", "improved since a 2017 spat", "missile defence system"),
    ),
    ("Beijing opposed that installation", ("installation", "that Beijing opposed")),
    (
        "Xi urged the two countries to strengthen exchanges",
        ("Xi urged the two countries to strengthen exchanges",),
    ),
    (
        "the CCTV quote 'It is necessary to respect ...'",
        ("It is necessary to respect", "Xi was quoted as saying by CCTV"),
    ),
    (
        "Lee's decisive victory in last week's snap election",
        ("Lee’s decisive victory in last week’s snap election",),
    ),
    ("Asia's fourth-largest economy", ("Asia’s fourth-largest economy",)),
    ("the predecessor's martial law attempt", ("predecessor’s martial law attempt",)),
    (
        "the United States is a major trading partner and security ally",
        ("United States, a major trading partner and a security ally",),
    ),
]


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO_ROOT / "seeds" / "xi-lee-call.txt"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    claims = split_claims(path.read_text(encoding="utf-8"))
    shown = [c for c in claims if c.score >= SHOWN]
    covering: set[int] = set()
    covered = 0
    for name, required in STATEMENTS:
        hits = [i for i, c in enumerate(shown) if all(part in c.text for part in required)]
        covering.update(hits)
        mark = "covered" if hits else "MISSING"
        covered += bool(hits)
        detail = f"  (claim {hits[0] + 1}, score {shown[hits[0]].score:.2f})" if hits else ""
        print(f"  {mark:8} {name}{detail}")
    others = [c for i, c in enumerate(shown) if i not in covering]
    keys = [normalise(c.text) for c in shown]
    duplicates = len(keys) - len(set(keys))
    print(f"\nshown claims: {len(shown)} of {len(claims)}")
    print(f"covered: {covered} of {len(STATEMENTS)} (target >= 14)")
    print(f"other claims shown: {len(others)} (target <= 2)")
    for claim in others:
        print(f"    {claim.score:.2f}  {claim.text}")
    print(f"duplicates shown: {duplicates} (target 0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
