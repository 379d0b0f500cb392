"""The evidence panel: what the sources suggested for the selected claim.

Each item shows its number (the 1-9 key that cites it, in a gutter down every line of
the item, so a narrow panel scrolled half-way still says which key cites what is on
screen), its source badge, title, match strength, the passage with the matching span
highlighted, the claim's facts it repeats or contradicts, and (for Wikipedia) the page
revision the passage was read from, so a verdict can be traced to exactly what was on
screen. With the claim, a small stance badge follows the passage ("hint: contradicts?"
or "hint: supports?", `factcheck.evidence.stance`) with its reasons: a hint the screen's
workers work out for display (the panel is given it), never stored and never a verdict;
the status keys alone decide.

A running Wikipedia lookup is one line above the items (`activity`), not a spinner
over them: what the library found stays readable while Wikipedia is asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from factcheck.config import PriorConfig
from factcheck.evidence.strength import STRONG, fact_agreements, match_strength
from factcheck.models import Claim, Evidence, SourceKind
from factcheck.tui.untrusted import safe_str, safe_text

if TYPE_CHECKING:
    from factcheck.evidence.stance import StanceHint

BADGE = {
    SourceKind.REFERENCE: ("REFERENCE", "bold white on #3b5b92"),
    SourceKind.PRIOR: ("EARLIER VERDICT", "bold black on #9bc4e2"),
    SourceKind.FACTCHECK: ("FACT-CHECK", "bold white on #7a3e9d"),
    SourceKind.WIKIPEDIA: ("WIKIPEDIA", "bold black on #dddddd"),
}
SPAN_STYLE = "bold black on #e6c84f"


class PanelOptions(TypedDict, total=False):
    """What `EvidencePanel.show` says around the items, besides the items themselves."""

    cited_id: int | None
    """The evidence the claim's next verdict cites (chosen with 1-9)."""
    note: str | None
    """The note typed for the claim's next verdict."""
    empty_text: str
    """What the panel says when the claim has no evidence."""
    notice: str | None
    """A warning line above the items (another reviewer decided the claim)."""
    hints: tuple[StanceHint | None, ...]
    """The stance hint of each item, in order (None: not worked out yet)."""


HINT_BADGE = {  # keyed by `factcheck.evidence.stance.Stance` values (a StrEnum)
    "contradicts": ("contradicts?", "bold black on #e8a33d"),
    "supports": ("supports?", "bold black on #8fc98f"),
}
"""Stance hints in lower case with a question mark: unlike the verdict colours."""


GUTTER_WIDTH = 4
"""Columns of the number gutter: "[1] " on an item's first line, " 1 ▏" below it."""


class Numbered:
    """An evidence item with its 1-9 number down the left edge of every line it takes.

    The item is laid out at the width left after the gutter, then each line gets the
    number: however the panel is scrolled or narrowed, any line of an item on screen
    says which key cites it."""

    def __init__(self, number: int, body: Text, *, cited: bool = False) -> None:
        self.number = number
        self.body = body
        self.cited = cited

    @property
    def plain(self) -> str:
        """The item as plain text, its number first (as `Text.plain`, for reading back)."""
        return f"[{self.number}] {self.body.plain}"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - GUTTER_WIDTH)
        lines = console.render_lines(self.body, options.update(width=width, height=None), pad=False)
        first = Style(bold=True, color="magenta" if self.cited else None)
        below = Style(dim=not self.cited, color="magenta" if self.cited else None)
        for index, line in enumerate(lines):
            if index == 0:
                yield Segment(f"[{self.number}] ", first)
            else:
                yield Segment(f" {self.number} ▏", below)
            yield from line
            yield Segment.line()


def render_evidence(
    number: int,
    evidence: Evidence,
    *,
    cited: bool = False,
    hint: StanceHint | None = None,
    prior: PriorConfig | None = None,
) -> Numbered:
    """One numbered evidence item (number = its 1-9 key), with the stance `hint` as a
    badge under the passage when it is not "neither". The match strength (the score,
    and for an earlier check "strong"/"suggested" by `prior`'s thresholds) has its own
    line under the title; "agrees" lists only the claim's facts the passage repeats."""
    label, badge_style = BADGE[evidence.source]
    text = Text()
    text.append(f" {label} ", style=badge_style)
    text.append(f" {safe_str(evidence.title)}", style="bold")
    # The match line, under the title: how strong a match (and, for Wikipedia, which
    # revision), apart from the facts the passage agrees on.
    strength = match_strength(evidence, prior or PriorConfig())
    text.append("\n")
    text.append(
        f"{strength or 'match'} {evidence.score:.2f}", style="bold" if strength == STRONG else "dim"
    )
    if evidence.revision_id is not None:
        text.append(f" · rev {evidence.revision_id}", style="dim")
    if cited:
        text.append(" · ▶ cited by the next verdict", style="bold magenta")
    text.append("\n")
    spans = [(*evidence.span, SPAN_STYLE)] if evidence.span is not None else []
    text.append_text(safe_text(evidence.passage, spans=spans))
    agreements = fact_agreements(evidence.agreements)
    if agreements:
        text.append("\n✓ agrees: " + safe_str(", ".join(agreements)), style="green")
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
    return Numbered(number, text, cited=cited)


class EvidencePanel(VerticalScroll, can_focus=True):
    """Shows `items` for one claim, under the `activity` line while a lookup runs."""

    activity: str | None = None
    """What is being looked up now ("Wikipedia: looking up #3…"), shown above the items
    whichever claim is selected; set by the screen, shown from the next `show`."""

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
        hints: tuple[StanceHint | None, ...] = (),
    ) -> None:
        parts: list[Text | Numbered] = []
        if self.activity:
            parts.append(safe_text(f"⟳ {self.activity}", style="italic cyan"))
        if notice:
            parts.append(safe_text(f"⚠ {notice}", style="bold yellow"))
        if note:
            parts.append(safe_text(f"note for the next verdict: {note}", style="italic cyan"))
        if claim is None:
            parts.append(Text("No claim selected.", style="dim"))
        elif not items:
            parts.append(safe_text(empty_text, style="dim"))
        config = getattr(self.app, "config", None)  # the review app's; thresholds for strength
        thresholds = config.prior if config is not None else None
        for number, item in enumerate(items, start=1):
            hint = hints[number - 1] if number <= len(hints) else None
            parts.append(
                render_evidence(
                    number, item, cited=item.id == cited_id, hint=hint, prior=thresholds
                )
            )
            parts.append(Text(""))
        self.query_one("#evidence-body", Static).update(Group(*parts))
        self.scroll_home(animate=False)
