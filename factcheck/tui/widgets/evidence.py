"""The evidence panel: what the sources suggested for the selected claim.

Each item shows its source badge, title, the passage with the matching span
highlighted, agreement and contradiction flags, and (for Wikipedia) the page revision
the passage was read from, so a verdict can be traced to exactly what was on screen.
With the claim, a small stance badge follows the passage ("hint: contradicts?" or
"hint: supports?", `factcheck.stance`) with its reasons: a hint worked out on display,
never stored and never a verdict; the status keys alone decide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from factcheck.models import Claim, Evidence, SourceKind
from factcheck.tui.untrusted import safe_str, safe_text

if TYPE_CHECKING:
    from factcheck.stance import StanceHint

BADGE = {
    SourceKind.REFERENCE: ("REFERENCE", "bold white on #3b5b92"),
    SourceKind.PRIOR: ("EARLIER VERDICT", "bold black on #9bc4e2"),
    SourceKind.FACTCHECK: ("FACT-CHECK", "bold white on #7a3e9d"),
    SourceKind.WIKIPEDIA: ("WIKIPEDIA", "bold black on #dddddd"),
}
SPAN_STYLE = "bold black on #e6c84f"
HINT_BADGE = {  # keyed by `factcheck.stance.Stance` values (a StrEnum)
    "contradicts": ("contradicts?", "bold black on #e8a33d"),
    "supports": ("supports?", "bold black on #8fc98f"),
}
"""Stance hints in lower case with a question mark: unlike the verdict colours."""


def render_evidence(
    number: int, evidence: Evidence, *, cited: bool = False, hint: StanceHint | None = None
) -> Text:
    """One numbered evidence item as styled text (number = its 1-9 key), with the
    stance `hint` as a badge under the passage when it is not "neither"."""
    label, badge_style = BADGE[evidence.source]
    text = Text()
    text.append(f"[{number}] ", style="bold")
    text.append(f" {label} ", style=badge_style)
    text.append(f" {safe_str(evidence.title)}", style="bold")
    text.append(f"  {evidence.score:.2f}", style="dim")
    if evidence.revision_id is not None:
        text.append(f"  rev {evidence.revision_id}", style="dim")
    if cited:
        text.append("  ▶ cited by the next verdict", style="bold magenta")
    text.append("\n")
    spans = [(*evidence.span, SPAN_STYLE)] if evidence.span is not None else []
    text.append_text(safe_text(evidence.passage, spans=spans))
    if evidence.agreements:
        text.append("\n✓ agrees: " + safe_str(", ".join(evidence.agreements)), style="green")
    if evidence.contradictions:
        text.append("\n✗ contradicts: " + safe_str("; ".join(evidence.contradictions)), style="red")
    badge = HINT_BADGE.get(hint.stance) if hint is not None else None
    if hint is not None and badge is not None:
        # On a line of its own, so the badge never breaks across lines in a narrow panel.
        text.append("\n")
        text.append(f" hint: {badge[0]} ", style=badge[1])
        if hint.reasons:
            text.append(" " + safe_str(", ".join(hint.reasons)), style="italic")
    if evidence.url:
        text.append(f"\n{safe_str(evidence.url)}", style="dim underline")
    return text


class EvidencePanel(VerticalScroll, can_focus=True):
    """Shows `items` for one claim; `loading` (Textual's spinner) while a lookup runs."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="evidence-body")

    def show(
        self,
        claim: Claim | None,
        items: list[Evidence],
        *,
        cited_id: int | None = None,
        note: str | None = None,
        empty_text: str = "No evidence yet for this claim.",
        notice: str | None = None,
    ) -> None:
        parts: list[Text] = []
        if notice:
            parts.append(safe_text(f"⚠ {notice}", style="bold yellow"))
        if note:
            parts.append(safe_text(f"note for the next verdict: {note}", style="italic cyan"))
        if claim is None:
            parts.append(Text("No claim selected.", style="dim"))
        elif not items:
            parts.append(safe_text(empty_text, style="dim"))
        if items:
            # Here, not at the top: the stance cues use the matcher's word stems, which
            # the screen's first paint should not pay for (tests/unit/test_cli_startup.py).
            from factcheck.stance import evidence_hint
        for number, item in enumerate(items, start=1):
            hint = evidence_hint(claim.text, item) if claim is not None else None
            parts.append(render_evidence(number, item, cited=item.id == cited_id, hint=hint))
            parts.append(Text(""))
        self.query_one("#evidence-body", Static).update(Group(*parts))
        self.scroll_home(animate=False)
