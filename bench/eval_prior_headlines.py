"""Finding a published fact-check from a differently worded statement of its claim.

Real paraphrase pairs: in ../shared/data/claimreview-samples (ClaimsKG), a fact-check's
`claimReview_claimReviewed` and its article headline (`extra_title`) state the same
claim in other words ("Photo shows ..." / "No, this photo does not show ..."). All
fact-checks are imported; each headline is then looked up as a claim would be. Prints,
for the prior source as shipped (rapidfuzz similarity, the "suggested" threshold) and
for a blend with the static-vector cosine (`factcheck.text.vectors`) at several
thresholds, how often the first suggestion is the headline's own fact-check (right)
and how often it is another one (wrong).

Run: python bench/eval_prior_headlines.py
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip

from factcheck.evidence.context import ClaimContext
from factcheck.evidence.matcher import fts_query
from factcheck.evidence.sources.prior import PriorChecks, similarity
from factcheck.store import Store
from factcheck.text.vectors import cosine, default_vectors, vector_bytes


def fact_checks(data: Path) -> list[tuple[str, str, str]]:
    """(claim reviewed, headline, url) of every sample with a claim and a url."""
    found = []
    for path in sorted((data / "claimreview-samples").glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                claim = (row.get("claimReview_claimReviewed") or "").strip()
                url = (row.get("claimReview_url") or "").strip()
                if claim and url:
                    found.append((claim, (row.get("extra_title") or "").strip(), url))
    return found


def main() -> None:
    checks = fact_checks(data_or_skip())
    pairs = [(c, t, u) for c, t, u in checks if t and t.lower() != c.lower()]
    vectors = default_vectors()
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "claims.db") as store:
        store.add_factchecks([{"claim": c, "url": u} for c, _, u in checks])
        source = PriorChecks(store)
        right = wrong = 0
        blended: list[tuple[bool, float]] = []
        for _, headline, url in pairs:
            found = source.suggest(headline, context=ClaimContext.free_text())
            right += bool(found) and found[0].url == url
            wrong += bool(found) and found[0].url != url
            query = fts_query(headline)
            recalled = store.search_factchecks(query, limit=30) if query else []
            headline_vector = vectors.vector(headline)
            scored = sorted(
                (
                    (
                        similarity(headline, check.claim)
                        + (
                            cosine(headline_vector, vector_bytes(check.claim) or b"")
                            if headline_vector
                            else 0.0
                        )
                    )
                    / 2,
                    check.url,
                )
                for check in recalled
            )
            if scored:
                best, best_url = scored[-1]
                blended.append((best_url == url, best))
    print(f"{len(checks)} fact-checks imported; {len(pairs)} headlines worded unlike their claim")
    print(f"  shipped (rapidfuzz, suggested >= 0.6): first suggestion right {right}, wrong {wrong}")
    for threshold in (0.5, 0.55, 0.6, 0.65, 0.7):
        ok = sum(1 for hit, score in blended if hit and score >= threshold)
        bad = sum(1 for hit, score in blended if not hit and score >= threshold)
        print(f"  mean of rapidfuzz and cosine >= {threshold:.2f}: right {ok}, wrong {bad}")


if __name__ == "__main__":
    main()
