"""The statements `statement_spans` finds in a sentence, as text: what the splitter's
rule tests compare with the spans a fact-checker would mark."""

from __future__ import annotations

import time

from factcheck.claims.spans import statement_spans


def spans(text: str) -> list[str]:
    """The statement spans of `text` read as one sentence, in order."""
    return [text[s.start : s.end] for s in statement_spans(text, 0, len(text))]


def split_seconds(unit: str, size: int, runs: int = 2) -> float:
    """The fastest of `runs` timings of `statement_spans` over `unit` repeated to `size`
    characters as one sentence: what the linear-time tests compare between two sizes
    (the fastest run, so a busy spell on a shared machine does not read as a slow pass)."""
    text = (unit * (size // len(unit) + 1))[:size]
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        statement_spans(text, 0, len(text))
        timings.append(time.perf_counter() - started)
    return min(timings)
