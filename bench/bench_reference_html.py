"""What reading an HTML reference file with trafilatura costs, against a plain text dump.

    nice -n 10 .venv/bin/python bench/bench_reference_html.py

`refs add page.html` reads the page as `add` does (`ingest.html.read_page`: the body,
no cookie banner). The baseline is the reader it replaced: the standard library's
HTMLParser keeping every visible text node. Both run on the test fixture page
(tests/fixtures/pages/harbour-bridge.html, 3.4 KB) through `read_reference_file`'s
whole path for the new reader; the figure is milliseconds per page, median of 5
rounds of 50 reads, and the ratio to the baseline in the same run.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from factcheck.ingest.reference_files import read_reference_file
from factcheck.text.passages import split_passages

PAGE = (
    Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pages" / "harbour-bridge.html"
)


class _VisibleText(HTMLParser):
    """Every text node outside script/style/head: the pre-issue-16 reader, in short."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skipping += tag in self._SKIP
        self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        self._skipping -= tag in self._SKIP and self._skipping > 0
        self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def baseline(path: Path) -> list[str]:
    parser = _VisibleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return split_passages("".join(parser.parts))


def trafilatura_reader(path: Path) -> list[str]:
    return [row["text"] for row in read_reference_file(path).rows]


def per_page_ms(read: Callable[[Path], list[str]]) -> float:
    read(PAGE)  # imports and caches warm
    rounds = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(50):
            read(PAGE)
        rounds.append((time.perf_counter() - started) / 50 * 1000)
    return statistics.median(rounds)


def main() -> None:
    base = per_page_ms(baseline)
    new = per_page_ms(trafilatura_reader)
    banner = "cookies"
    print(
        f"HTMLParser text dump (baseline): {base:6.2f} ms/page, "
        f"cookie banner indexed: {any(banner in p for p in baseline(PAGE))}"
    )
    print(
        f"read_reference_file (trafilatura): {new:6.2f} ms/page, "
        f"cookie banner indexed: {any(banner in p for p in trafilatura_reader(PAGE))}"
    )
    print(f"ratio: {new / base:.1f}x the baseline's time")


if __name__ == "__main__":
    main()
