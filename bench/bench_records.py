"""How fast `factcheck.records` writes the JSON report's claims, against hand-written dicts.

The baseline is the strongest plain one: the dict displays export/json_report.py wrote
by hand before issue 16 (copied below, unchanged), which `record_writer` replaced. Both
build the same dicts (checked first); rounds alternate, and the minimum and median of
each are printed with their ratio. "dicts" times building a claim's dict (with its
verdicts and evidence); "report" adds writing it (`safe_json.dumps`), as `export` does.

    nice -n 10 .venv/bin/python bench/bench_records.py [--claims 20000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from factcheck.export.json_report import _claim_dict
from factcheck.export.report import ClaimEntry
from factcheck.models import Claim, ClaimKind, Evidence, SourceKind, Status, Verdict
from factcheck.untrusted import safe_json
from factcheck.untrusted.urls import without_credentials


def _entries(count: int) -> list[ClaimEntry]:
    """Claims as an export sees them: two verdicts (the later citing evidence), two
    pieces of evidence, on average; every fourth claim undecided and without evidence."""
    entries = []
    for number in range(1, count + 1):
        claim = Claim(
            f"Exports rose {number}% in 2023, the ministry said on Tuesday.",
            number * 80,
            number * 80 + 60,
            number * 80,
            number * 80 + 70,
            ClaimKind.QUANTITY,
            0.75,
            id=number,
            document_id=1,
            status=Status.SUPPORTED,
            updated_at="2026-11-01T10:00:00Z",
            decided=True,
        )
        if number % 4 == 0:
            entries.append(ClaimEntry(claim, number))
            continue
        evidence = tuple(
            Evidence(
                SourceKind.WIKIPEDIA,
                "Economy of South Korea",
                "Exports rose by a tenth in 2023, the central bank reported. " * 3,
                0.8,
                url="https://en.wikipedia.org/wiki/Economy_of_South_Korea",
                span=(0, 40),
                agreements=("2023",),
                reference_id="Economy_of_South_Korea",
                revision_id=1234,
                fetched_at="2026-10-30T12:00:00Z",
                id=number * 2 + k,
                claim_id=number,
            )
            for k in range(2)
        )
        history = (
            Verdict(number * 2, number, Status.DISPUTED, None, "ana", None, "2026-11-01T10:00:00Z"),
            Verdict(
                number * 2 + 1,
                number,
                Status.SUPPORTED,
                "checked with the bank",
                "ben",
                evidence[0].id,
                "2026-11-01T11:00:00Z",
            ),
        )
        entries.append(ClaimEntry(claim, number, history, evidence))
    return entries


# -- the baseline: export/json_report.py's dicts before issue 16, unchanged ------------


def _old_claim_dict(entry: ClaimEntry, version: int) -> dict[str, Any]:
    c = entry.claim
    latest = entry.verdict
    cited = entry.cited_evidence
    data: dict[str, Any] = {
        "id": c.id,
        "number": entry.number,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "kind": str(c.kind),
        "score": c.score,
        "status": str(c.status),
        "updated_at": c.updated_at,
        "verdict": None
        if latest is None
        else {
            **_old_verdict_dict(latest, version),
            "evidence": _old_evidence_dict(cited) if cited else None,
        },
        "history": [_old_verdict_dict(v, version) for v in entry.history],
        "evidence": [_old_evidence_dict(e) for e in entry.evidence],
    }
    if version >= 2:
        data["duplicate_of"] = c.duplicate_of
    return data


def _old_verdict_dict(v: Verdict, version: int) -> dict[str, Any]:
    data = {
        "id": v.id,
        "status": str(v.status),
        "note": v.note,
        "reviewer": v.reviewer,
        "created_at": v.created_at,
        "evidence_id": v.evidence_id,
    }
    if version >= 2:
        data["undoes"] = v.undoes
    return data


def _old_evidence_dict(e: Evidence) -> dict[str, Any]:
    return {
        "id": e.id,
        "source": str(e.source),
        "title": e.title,
        "url": e.url and without_credentials(e.url),
        "passage": e.passage,
        "score": e.score,
        "span": list(e.span) if e.span else None,
        "agreements": list(e.agreements),
        "contradictions": list(e.contradictions),
        "reference_id": e.reference_id,
        "revision_id": e.revision_id,
        "fetched_at": e.fetched_at,
    }


# -- timing -------------------------------------------------------------------------


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    entries = _entries(args.claims)
    for version in (1, 2):
        new = [_claim_dict(entry, version) for entry in entries]
        old = [_old_claim_dict(entry, version) for entry in entries]
        assert safe_json.dumps(new) == safe_json.dumps(old), "the two must write the same bytes"
    cases: dict[str, dict[str, Callable[[], object]]] = {
        "dicts": {
            "records": lambda: [_claim_dict(entry, 2) for entry in entries],
            "hand-written": lambda: [_old_claim_dict(entry, 2) for entry in entries],
        },
        "report": {
            "records": lambda: [safe_json.dumps(_claim_dict(entry, 2)) for entry in entries],
            "hand-written": lambda: [
                safe_json.dumps(_old_claim_dict(entry, 2)) for entry in entries
            ],
        },
    }
    print(
        f"| what | {args.claims:,} claims | records (min / median) |"
        " hand-written (min / median) | ratio of medians |"
    )
    print("|---|---|---|---|---|")
    for what, ways in cases.items():
        times: dict[str, list[float]] = {name: [] for name in ways}
        for _ in range(args.rounds):
            for name, work in ways.items():
                times[name].append(_seconds(work))
        new_t, old_t = times["records"], times["hand-written"]
        ratio = statistics.median(new_t) / statistics.median(old_t)
        print(
            f"| {what} | | {min(new_t):.3f} s / {statistics.median(new_t):.3f} s"
            f" | {min(old_t):.3f} s / {statistics.median(old_t):.3f} s | {ratio:.2f}x |"
        )


if __name__ == "__main__":
    main()
