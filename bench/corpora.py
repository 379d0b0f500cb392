"""Real corpora from ../shared/data for the evidence benchmarks (never copied here).

Each loader returns (passages, queries): passages are dicts with id/title/text, queries
are `Query(id, claim, gold)` with the set of gold passage ids. Passages are deduplicated
on (title, text), so a sentence that appears for several claims is one passage with one
id.

`half(claim_id)` splits a dev set's claims for good into a tuning half and a held-out
half (by a hash of the claim id, so the split never depends on order or on the code
being tuned): tune on "tuning" only; "held-out" is for reporting.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import NamedTuple

DATA = Path(
    os.environ.get("FACTCHECK_DATA")
    or Path(__file__).resolve().parent.parent.parent / "shared" / "data"
)
"""<repo root>/../shared/data; $FACTCHECK_DATA overrides (e.g. from a git worktree)."""


def data_or_skip() -> Path:
    """The shared data folder, or exit 0 with "skipped" (a fresh clone has none)."""
    if not DATA.is_dir():
        print("skipped: ../shared/data not found")
        sys.exit(0)
    return DATA


class Query(NamedTuple):
    """A dev claim with its gold passage ids."""

    id: str
    claim: str
    gold: set[str]


def half(claim_id: str) -> str:
    """ "tuning" or "held-out": the first byte of sha256(claim id), even or odd."""
    return "tuning" if hashlib.sha256(claim_id.encode()).digest()[0] % 2 == 0 else "held-out"


class _Pool:
    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}
        self.passages: list[dict[str, str]] = []

    def add(self, title: str, text: str) -> str:
        key = (title, " ".join(text.split()))
        if key not in self.ids:
            self.ids[key] = f"p{len(self.passages)}"
            self.passages.append({"id": self.ids[key], "title": key[0], "text": key[1]})
        return self.ids[key]


def fm2(data: Path) -> tuple[list[dict[str, str]], list[Query]]:
    """FM2 dev: every gold and retrieved sentence, title = wikipedia_page."""
    pool, queries = _Pool(), []
    for line in (data / "fm2" / "dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        page = row["wikipedia_page"]
        gold = {pool.add(page, e["text"]) for e in row["gold_evidence"] if e["text"].strip()}
        for evidence in row["retrieved_evidence"]:
            if evidence["text"].strip():
                pool.add(page, evidence["text"])
        if gold:
            queries.append(Query(str(row["id"]), row["text"], gold))
    return pool.passages, queries


def climate_fever(data: Path) -> tuple[list[dict[str, str]], list[Query]]:
    """Climate-FEVER dev: every evidence sentence, title = article; gold = SUPPORTS/REFUTES."""
    pool, queries = _Pool(), []
    for line in (data / "climate-fever" / "dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        gold = set()
        for evidence in row["evidences"]:
            pid = pool.add(evidence["article"], evidence["evidence"])
            if evidence["evidence_label"] in ("SUPPORTS", "REFUTES"):
                gold.add(pid)
        if gold:
            queries.append(Query(str(row["claim_id"]), row["claim"], gold))
    return pool.passages, queries


def extra_sentences(data: Path, needed: int) -> list[dict[str, str]]:
    """Real sentences to grow a corpus: ClaimBuster and CLEF 2019 debate sentences,
    then CoAID news text (lower-cased, often unpunctuated: cut into 30-word pieces),
    then the sentences of the ClaimReview fact-check bodies (added last, so a corpus
    the first three sources fill is as it was: they run out at 54,623 passages with
    FM2 and Climate-FEVER, short of the ~62k issue 14's latency figure is taken at)."""
    found: list[dict[str, str]] = []
    with (data / "claimbuster" / "crowdsourced.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if len(found) >= needed:
                return found
            found.append({"id": f"cb{len(found)}", "title": "debate", "text": row["Text"]})
    for path in sorted(data.glob("clef2019-checkworthiness/training/*.tsv")):
        for line in path.open(encoding="utf-8"):
            fields = line.rstrip("\n").split("\t")
            if len(found) >= needed:
                return found
            if len(fields) >= 3 and len(fields[2]) > 30:
                found.append({"id": f"cl{len(found)}", "title": fields[1], "text": fields[2]})
    csv.field_size_limit(10**8)
    for path in sorted(data.glob("coaid/*/News*COVID-19.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                content_words = (row.get("content") or "").split()
                for start in range(0, len(content_words), 30):
                    sentence = " ".join(content_words[start : start + 30])
                    if len(found) >= needed:
                        return found
                    if len(sentence) > 30:
                        title = row.get("title") or "news"
                        found.append({"id": f"co{len(found)}", "title": title, "text": sentence})
    from factcheck.text.sentences import split_sentences  # the product's segmenter

    for path in sorted(data.glob("claimreview-samples/output_sample_*.csv")):
        with path.open(newline="", encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                body = row.get("extra_body") or ""
                for start, end in split_sentences(body):
                    sentence = body[start:end].strip()
                    if len(found) >= needed:
                        return found
                    if len(sentence) > 30:
                        row_id = f"cr{len(found)}"
                        found.append({"id": row_id, "title": "fact-check", "text": sentence})
    return found


def suggestion_corpus(data: Path, size: int) -> tuple[list[dict[str, str]], list[Query]]:
    """The suggestion benches' library and queries: FM2 and Climate-FEVER dev passages
    (Climate-FEVER ids prefixed, so both fit one library) topped up to `size` with
    other real sentences, and the FM2 then Climate-FEVER claims."""
    fm2_passages, fm2_queries = fm2(data)
    cf_passages, cf_queries = climate_fever(data)
    passages = fm2_passages + [{**p, "id": "cf" + p["id"]} for p in cf_passages]
    passages += extra_sentences(data, size - len(passages))
    return passages, fm2_queries + cf_queries
