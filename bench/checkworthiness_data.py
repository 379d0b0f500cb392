"""Labelled sentences in their context, and the fixed held-out splits, for the
check-worthiness transformer (bench/train_checkworthiness.py trains on `training_set`,
bench/eval_checkworthiness.py measures on the held-out sets).

Splits, fixed before any training and never tuned:

- ClaimBuster (crowdsourced.csv, 33 US presidential debates 1960-2016): the debates
  `debates[2::5]` (7 whole debates, the linear model's CV fold 2) are held out.
- CLEF 2019 task 1 (19 training files; the official test split is not in ../shared):
  six whole files are held out for MAP: the 2016 third presidential debate (the same
  event as a held-out ClaimBuster debate) and five 2017-2019 speeches/press events.
  CLEF files of the same event as a held-out ClaimBuster debate never train.
- CheckThat! 2024 dev-test (318 recent sentences, no context): the decision threshold
  is chosen on it (as issue 11 says); never trained on.
- Extra positives in news style: the claims that fact-checkers reviewed
  (claimreview-samples `claimReview_claimReviewed`) and Climate-FEVER claims. Training only.

Neighbours come from the source files themselves (ClaimBuster: the adjacent
Line_number in the same debate when that sentence is in the file; CLEF: adjacent lines).
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from train_checkworthiness_linear import DATA_ROOT, require_data, same_event

from factcheck.claims.checkworthiness.encoding import SentenceInContext

__all__ = [
    "DATA_ROOT",
    "Labelled",
    "checkthat_2024",
    "claimbuster",
    "clef",
    "extra_positives",
    "held_out_claimbuster",
    "held_out_clef",
    "require_data",
    "training_set",
]

HELD_OUT_CLEF_FILES = frozenset(
    {
        "20161019_3pres.tsv",
        "20170216_trump_press.tsv",
        "20170315_nashville.tsv",
        "20180916_trump_miami.tsv",
        "20181112_trump_pelosi.tsv",
        "20190108_oval_office.tsv",
    }
)


@dataclass(frozen=True, slots=True)
class Labelled:
    """One sentence in context, its label (1 = check-worthy) and where it comes from."""

    item: SentenceInContext
    label: int
    group: str  # the debate / file / data set: the unit held out together
    day: date | None
    source: str  # "claimbuster", "clef", "checkthat2024", "claimreview", "climate-fever"


def claimbuster(root: Path) -> list[Labelled]:
    """ClaimBuster crowdsourced sentences (Verdict 1 = check-worthy) with neighbours."""
    with open(root / "claimbuster" / "crowdsourced.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_line = {(r["File_id"], int(r["Line_number"])): r["Text"] for r in rows}
    out = []
    for r in rows:
        debate, line = r["File_id"], int(r["Line_number"])
        item = SentenceInContext(
            r["Text"],
            previous=by_line.get((debate, line - 1), ""),
            next=by_line.get((debate, line + 1), ""),
            speaker=r["Speaker"],
        )
        day = date.fromisoformat(debate.removesuffix(".txt"))
        out.append(Labelled(item, int(r["Verdict"].strip() == "1"), debate, day, "claimbuster"))
    return out


def _clef_day(name: str) -> date:
    stamp = name[:8]
    try:
        return date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
    except ValueError:  # one file is named 2018-26-01 (day and month swapped)
        return date(int(stamp[:4]), int(stamp[6:8]), int(stamp[4:6]))


def clef(root: Path) -> list[Labelled]:
    """CLEF 2019 task-1 training files with neighbouring lines as context."""
    out = []
    for path in sorted((root / "clef2019-checkworthiness" / "training").glob("*.tsv")):
        lines = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 4 and parts[3].strip() in {"0", "1"}:
                    lines.append((parts[1], parts[2], int(parts[3])))
        for i, (speaker, text, label) in enumerate(lines):
            item = SentenceInContext(
                text,
                previous=lines[i - 1][1] if i else "",
                next=lines[i + 1][1] if i + 1 < len(lines) else "",
                speaker=speaker,
            )
            out.append(Labelled(item, label, path.name, _clef_day(path.name), "clef"))
    return out


def checkthat_2024(root: Path) -> list[Labelled]:
    """CheckThat! 2024 English dev-test (Yes = check-worthy); no context in the file."""
    out = []
    with open(root / "checkthat2024" / "dev-test.tsv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = row["Text"].strip()
            if len(text) >= 2 and text[0] == text[-1] == '"':
                text = text[1:-1]
            label = int(row["class_label"].strip() == "Yes")
            item = SentenceInContext(text)
            out.append(Labelled(item, label, "checkthat2024", None, "checkthat2024"))
    return out


def extra_positives(root: Path) -> list[Labelled]:
    """Claims fact-checkers reviewed (ClaimsKG samples) and Climate-FEVER claims: short
    check-worthy statements in news and social-media style, which debates lack."""
    out = []
    for path in sorted((root / "claimreview-samples").glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                text = (row.get("claimReview_claimReviewed") or "").strip().strip("“”\"' ")
                if 20 <= len(text) <= 300:
                    out.append(Labelled(SentenceInContext(text), 1, path.name, None, "claimreview"))
    with open(root / "climate-fever" / "dev.jsonl", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["claim"].strip()
            if 20 <= len(text) <= 300:
                item = SentenceInContext(text)
                out.append(Labelled(item, 1, "climate-fever", None, "climate-fever"))
    return out


def held_out_claimbuster(rows: list[Labelled]) -> set[str]:
    """The held-out ClaimBuster debates: `debates[2::5]`."""
    debates = sorted({r.group for r in rows})
    return set(debates[2::5])


def held_out_clef() -> frozenset[str]:
    """The held-out CLEF 2019 files."""
    return HELD_OUT_CLEF_FILES


def training_set(root: Path) -> tuple[list[Labelled], list[Labelled], list[Labelled]]:
    """(train, held-out ClaimBuster, held-out CLEF): training excludes every held-out
    debate and every CLEF file of the same event as a held-out ClaimBuster debate."""
    cb, cl = claimbuster(root), clef(root)
    held_cb = held_out_claimbuster(cb)
    held_days = {r.day for r in cb if r.group in held_cb}
    cb_test = [r for r in cb if r.group in held_cb]
    clef_test = [r for r in cl if r.group in HELD_OUT_CLEF_FILES]
    train = [r for r in cb if r.group not in held_cb]
    train += [
        r
        for r in cl
        if r.group not in HELD_OUT_CLEF_FILES
        and not any(same_event(r.day, d) for d in held_days if r.day and d)
    ]
    train += extra_positives(root)
    return train, cb_test, clef_test
