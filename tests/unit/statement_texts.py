"""The statements `statement_spans` finds in a sentence, as text: what the splitter's
rule tests compare with the spans a fact-checker would mark."""

from __future__ import annotations

from factcheck.claims.spans import statement_spans


def spans(text: str) -> list[str]:
    """The statement spans of `text` read as one sentence, in order."""
    return [text[s.start : s.end] for s in statement_spans(text, 0, len(text))]
