"""How long reports take on real articles: build_report, each format, and a JSON import.

Adds CoAID news articles (real text, ../shared/data/coaid) to a temporary claims.db,
records a verdict on two claims in three with cited evidence, then times each step.
Prints figures; asserts nothing. Run from the project root:

    python bench/export_speed.py [--articles 200]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from pathlib import Path

from factcheck.export import FORMATS, build_report, import_json_report, render
from factcheck.ingest import Article, add_article
from factcheck.models import Evidence, SourceKind, Status
from factcheck.store import Store

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data from the project root (worktrees sit one folder deeper, so look upwards)
DATA = next(
    (p / "shared" / "data" / "coaid" for p in ROOT.parents if (p / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data" / "coaid",
)


def articles(limit: int) -> list[tuple[str, str, str]]:
    """(title, url, text) of CoAID articles with real body text."""
    csv.field_size_limit(sys.maxsize)
    found = []
    for path in sorted(DATA.glob("*/News*COVID-19.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = (row.get("content") or "").strip()
                if len(text) > 150:
                    found.append((row.get("title") or "untitled", row.get("news_url") or "", text))
                if len(found) >= limit:
                    return found
    return found


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label:<28} {time.perf_counter() - start:8.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"skipped: {DATA} not found (the shared data folder is not in a fresh clone)")
    rows = articles(args.articles)
    random.seed(7)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "claims.db")
        for title, url, text in rows:
            add_article(store, Article(text, title=title, source=url or "coaid", url=url or None))
        claims = store.list_claims()
        for claim in claims:
            if random.random() < 2 / 3:
                [evidence] = store.save_evidence(
                    claim.id,
                    [Evidence(SourceKind.REFERENCE, "CDC page", claim.text[:200], 0.6)],
                )
                status = random.choice([Status.SUPPORTED, Status.DISPUTED])
                store.mark([claim.id], status, reviewer="bench", evidence_id=evidence.id)
        print(f"{len(rows)} articles, {len(claims)} claims")
        report = timed("build_report", lambda: build_report(store))
        for name in FORMATS:
            text = timed(f"render {name}", lambda name=name: render(report, name))
            print(f"{'':<28} {len(text) / 1e6:8.2f} MB")
        json_text = render(report, "json")
        other = Store(Path(folder) / "other.db")
        timed("import into an empty db", lambda: import_json_report(other, json_text))
        timed("import again (no-op)", lambda: import_json_report(other, json_text))


if __name__ == "__main__":
    main()
