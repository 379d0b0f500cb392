"""How evidence prints: shared by `match`, `search` and `show` (JSON and text)."""

from __future__ import annotations

import dataclasses
from typing import Any

from factcheck.cli.output import Line, folded, styled
from factcheck.models import Evidence
from factcheck.urls import without_credentials


def evidence_as_dict(item: Evidence) -> dict[str, Any]:
    """Evidence as JSON-ready data (enum as its value, tuples as lists)."""
    data = dataclasses.asdict(item)
    data["source"] = str(item.source)
    data["url"] = without_credentials(item.url) if item.url else item.url
    data["span"] = list(item.span) if item.span else None
    data["agreements"] = list(item.agreements)
    data["contradictions"] = list(item.contradictions)
    return data


def evidence_lines(item: Evidence, *, number: int | None = None) -> list[Line]:
    """A suggestion as a few lines: score, source, title, passage with the span marked.

    Lines are parts for `factcheck.cli.output.echo`, which makes the text printable
    before the span's emphasis is added.
    """
    label = f"[{item.id}] " if item.id is not None else (f"{number}. " if number else "")
    revision = f" rev {item.revision_id}" if item.revision_id else ""
    lines: list[Line] = [(f"{label}{item.score:.2f}  {item.source:<9}  {item.title}{revision}",)]
    passage = item.passage
    if item.span:
        start, end = item.span
        lines.append(
            (
                "      ",
                folded(passage[:start], end=False),
                styled(folded(passage[start:end]), bold=True, underline=True),
                folded(passage[end:], start=False),
            )
        )
    else:
        lines.append(("      " + " ".join(passage.split()),))
    if item.url:
        lines.append((f"      {without_credentials(item.url)}",))
    if item.agreements:
        lines.append(("      agrees: " + ", ".join(item.agreements),))
    for contradiction in item.contradictions:
        lines.append(("      ", styled(f"possible contradiction: {contradiction}", fg="red")))
    return lines
