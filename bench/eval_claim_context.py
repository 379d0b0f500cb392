"""Which names reach the Wikipedia query: the claim context before and after issue 16.

Before issue 16 `factcheck match` read names from "title\\nsentence" and the review
screen from the sentence alone, so the same claim sent two queries. Now both send
`search_query(claim, claim_context(...))`: the sentence's names, then the title's
unless the title is headline-cased. Wikipedia cannot be asked from here (no network),
so this prints what can be counted offline:

1. On the seed article (split as `factcheck add` does): per claim, does the old CLI
   query differ from the old review-screen query, and the new one from each?
2. On CoAID's real news titles: how many are headline-cased (every longer word
   capitalised), and how many of the titles that yield a "name" of five words or more
   the headline rule catches (read as names, such a title swamps the query).

Run: python bench/eval_claim_context.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip

from factcheck.claims.splitter import split_claims
from factcheck.evidence.context import ClaimContext, headline_cased
from factcheck.evidence.matcher import informative_terms
from factcheck.evidence.signals import extract_entities
from factcheck.evidence.sources.wikipedia import search_query
from factcheck.ingest import read_article
from factcheck.text.words import words

SEED = Path(__file__).resolve().parent.parent / "seeds" / "xi-lee-call.txt"


def query_before_issue_16(text: str, context: str) -> str:
    """`sources.wikipedia.search_query` as it was: up to two names from one string."""
    terms = informative_terms(text, limit=6)
    claim_words = set(words(text))
    names = [n for n in extract_entities(context) if not set(words(n)) <= claim_words][:2]
    return " ".join(names + terms)


def seed_queries() -> None:
    article = read_article(str(SEED))
    claims = split_claims(article.text)
    old_cli_vs_tui = now_vs_cli = now_vs_tui = 0
    for claim in claims:
        sentence = article.text[claim.sentence_start : claim.sentence_end]
        old_cli = query_before_issue_16(claim.text, article.title + "\n" + sentence)
        old_tui = query_before_issue_16(claim.text, sentence)
        now = search_query(claim.text, ClaimContext(1, article.title, sentence))
        old_cli_vs_tui += old_cli != old_tui
        now_vs_cli += now != old_cli
        now_vs_tui += now != old_tui
    print(f"seed: {len(claims)} claims; title {article.title!r}")
    print(f"  old match != old review screen: {old_cli_vs_tui} of {len(claims)}")
    print(f"  now != old match: {now_vs_cli}; now != old review screen: {now_vs_tui}")


def coaid_titles(data: Path) -> None:
    csv.field_size_limit(10**8)
    titles: dict[str, None] = {}
    for path in sorted(data.glob("coaid/*/News*COVID-19.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                title = (row.get("title") or "").strip()
                if title:
                    titles[title] = None
    total = len(titles)
    headline = sum(headline_cased(title) for title in titles)
    long_name = [t for t in titles if any(len(n.split()) >= 5 for n in extract_entities(t))]
    caught = sum(headline_cased(title) for title in long_name)
    print(f"CoAID: {total:,} distinct titles; headline-cased {headline:,} ({headline / total:.0%})")
    print(
        f"  titles giving a 5+ word 'name': {len(long_name):,} ({len(long_name) / total:.0%});"
        f" the headline rule keeps {caught:,} of them ({caught / len(long_name):.0%})"
        " out of the query"
    )


def main() -> None:
    seed_queries()
    coaid_titles(data_or_skip())


if __name__ == "__main__":
    main()
