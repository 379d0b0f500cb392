"""Counts written for people: "1 verdict", "2 verdicts".

Kept in the core (not in `factcheck.cli.output`) so the TUI, which must not import
the CLI, words its messages the same way the CLI does.
"""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None, *, grouped: bool = False) -> str:
    """A count with its noun agreeing: "1 passage", "2 passages" (`nouns` when the
    plural is not noun + "s"); `grouped` writes thousands with commas ("2,463
    characters") where a count is read, not parsed by scripts."""
    number = f"{count:,}" if grouped else str(count)
    return f"{number} {noun if count == 1 else nouns or noun + 's'}"
