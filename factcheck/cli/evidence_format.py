"""How evidence prints: shared by `search` and `show` (JSON and text).

Given the claim, each passage also gets its stance hint (`factcheck.evidence.stance`): worked
out here, on display, and never stored, so no verdict can come from it."""

from __future__ import annotations

from typing import Any

from factcheck.cli.output import Line, folded, styled
from factcheck.config import PriorConfig
from factcheck.evidence.stance import evidence_hint, hint_as_dict, hint_label
from factcheck.evidence.strength import fact_agreements, match_strength
from factcheck.models import Evidence
from factcheck.records import record
from factcheck.untrusted.urls import without_credentials


def evidence_as_dict(
    item: Evidence, *, claim: str | None = None, prior: PriorConfig | None = None
) -> dict[str, Any]:
    """Evidence as JSON-ready data (enum as its value, tuples as lists), with its
    `match_strength` ("strong match"/"suggested match" for earlier checks, by `prior`'s
    thresholds, else null) apart from the `agreements` (the claim's facts only); with
    `claim`, also its `stance_hint` ({"stance": ..., "reasons": [...]}, "neither" included)."""
    data = record(
        item,
        None,
        url=without_credentials(item.url) if item.url else item.url,
        agreements=list(fact_agreements(item.agreements)),
        match_strength=match_strength(item, prior or PriorConfig()),
    )
    if claim is not None:
        data["stance_hint"] = hint_as_dict(evidence_hint(claim, item))
    return data


def evidence_lines(
    item: Evidence,
    *,
    number: int | None = None,
    claim: str | None = None,
    prior: PriorConfig | None = None,
) -> list[Line]:
    """A suggestion as a few lines: score (with an earlier check's match strength by
    `prior`'s thresholds), source, title, passage with the span marked, the claim's
    facts it repeats, and with `claim` a `hint:` line when the passage seems to support
    or contradict it.

    Lines are parts for `factcheck.cli.output.echo`, which makes the text printable
    before the span's emphasis is added.
    """
    label = f"[{item.id}] " if item.id is not None else (f"{number}. " if number else "")
    revision = f" rev {item.revision_id}" if item.revision_id else ""
    strength = match_strength(item, prior or PriorConfig())
    score = f"{item.score:.2f} {strength}" if strength else f"{item.score:.2f}"
    lines: list[Line] = [(f"{label}{score}  {item.source:<9}  {item.title}{revision}",)]
    passage = item.passage
    if item.span:
        start, end = item.span
        before = folded(passage[:start], end=False)
        after = folded(passage[end:], start=False)
        # A span with a space at its edge: the space goes outside the emphasis.
        if passage[start : start + 1].isspace() and before and not before.endswith(" "):
            before += " "
        if passage[end - 1 : end].isspace() and after and not after.startswith(" "):
            after = " " + after
        lines.append(
            (
                "      ",
                before,
                styled(folded(passage[start:end]), bold=True, underline=True),
                after,
            )
        )
    else:
        lines.append(("      " + " ".join(passage.split()),))
    if item.url:
        lines.append((f"      {without_credentials(item.url)}",))
    agreements = fact_agreements(item.agreements)
    if agreements:
        lines.append(("      agrees: " + ", ".join(agreements),))
    for contradiction in item.contradictions:
        lines.append(("      ", styled(f"possible contradiction: {contradiction}", fg="red")))
    hint = hint_label(evidence_hint(claim, item)) if claim is not None else None
    if hint is not None:
        # Plain, unlike the red matcher flag above: a hint asks, it does not warn.
        lines.append((f"      hint: {hint}",))
    return lines
