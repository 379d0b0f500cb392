"""Time to read JSON-LD from a hostile page: the old regex over raw HTML against lxml.

Issue 12 item 6: a page with `<script` repeated after the article made the regex
quadratic. This prints, per page size, the seconds the old regex (kept here as the
baseline) and `factcheck.ingest.html` (lxml tree, shared with trafilatura) take, and
their ratio. The regex is given at most `--budget` seconds per size.

    python bench/bench_hostile_html.py
"""

from __future__ import annotations

import argparse
import re
import time

from factcheck.ingest.html import article_from_html

OLD_JSON_LD = re.compile(
    r"<script[^>]+type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)
ARTICLE = "The harbour bridge reopened on Monday after a repair that cost 48 million euros. "


def hostile_page(repeats: int) -> bytes:
    return (
        "<!doctype html><html><head><title>Bridge</title></head><body><article><p>"
        + ARTICLE * 4
        + "</p></article>"
        + "<script" * repeats
        + "</body></html>"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=60.0)
    args = parser.parse_args()
    print(f"{'<script x':>10}  {'MB':>6}  {'regex s':>9}  {'lxml s':>8}  ratio")
    regex_gave_up = False
    for repeats in (2_500, 5_000, 10_000, 20_000, 40_000, 1_400_000):
        page = hostile_page(repeats)
        started = time.perf_counter()
        article_from_html(page, source="bench", name="bench")  # the whole read, not only JSON-LD
        ours = time.perf_counter() - started
        if regex_gave_up:
            print(f"{repeats:>10}  {len(page) / 1e6:>6.2f}  {'(skipped)':>9}  {ours:>8.3f}")
            continue
        started = time.perf_counter()
        list(OLD_JSON_LD.finditer(page.decode()))
        regex = time.perf_counter() - started
        regex_gave_up = regex > args.budget / 4  # the next size takes about 4x longer
        size = len(page) / 1e6
        print(f"{repeats:>10}  {size:>6.2f}  {regex:>9.3f}  {ours:>8.3f}  {regex / ours:.0f}x")


if __name__ == "__main__":
    main()
