"""The claim strip under the claims list, the screen's full width: the whole current
claim, its kind and score, and, when the claim is a fragment, the sentence it sits in
with the claim marked.

The list cuts claims to one line (31 characters at 120 columns); this is where the
reviewer reads what they are deciding. Its height is fixed per terminal size
(`set_rows`: 4 lines at 120x40, 3 at 80x24), so showing the next claim repaints the
strip alone, never the screen's layout; a fragment's sentence is cut around the claim
until it fits.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.widgets import Static

from factcheck.models import Claim
from factcheck.tui.claim_view import is_decided
from factcheck.tui.untrusted import safe_str, safe_text
from factcheck.tui.widgets.claims import claim_mark

CLAIM_STYLE = "bold"
FRAGMENT_STYLE = "bold black on #e6c84f"
"""The claim inside its sentence: the article's highlight colour."""
_MEASURE = Console(width=200, legacy_windows=False, color_system=None)
"""Only wraps text to count its lines (the width is given per call)."""
CONTEXT_CHARACTERS = (240, 120, 60, 25, 0)
"""Sentence text kept on each side of a fragment, tried in turn until the strip fits
(cut with "…")."""


def is_fragment(claim: Claim, text: str) -> bool:
    """Whether the claim is less than its sentence (more than punctuation left over)."""
    sentence = text[claim.sentence_start : claim.sentence_end]
    rest = sentence.replace(text[claim.start : claim.end], "", 1)
    return any(ch.isalnum() for ch in rest)


def strip_text(claim: Claim, text: str, *, occurrences: int = 1, context: int = 240) -> Text:
    """What the strip shows for `claim` of a document whose text is `text`."""
    glyph, glyph_style = claim_mark(claim)
    status = str(claim.status) if is_decided(claim) else "undecided"
    shown = Text()
    shown.append(f"{glyph} ", style=glyph_style)
    shown.append(f"#{claim.id} · {claim.kind} · score {claim.score:.2f} · {status}", style="dim")
    if occurrences > 1:
        shown.append(f" · occurs {occurrences}×", style="bold cyan")
    shown.append("\n")
    if not is_fragment(claim, text):
        shown.append_text(safe_text(" ".join(claim.text.split()), style=CLAIM_STYLE))
        return shown
    before = text[max(claim.sentence_start, claim.start - context) : claim.start]
    after = text[claim.end : min(claim.sentence_end, claim.end + context)]
    cut_before = claim.start - len(before) > claim.sentence_start
    cut_after = claim.end + len(after) < claim.sentence_end
    shown.append("…" if cut_before else "")
    shown.append(safe_str(" ".join(before.split()) + (" " if before[-1:].isspace() else "")))
    shown.append(safe_str(" ".join(claim.text.split())), style=FRAGMENT_STYLE)
    shown.append(safe_str((" " if after[:1].isspace() else "") + " ".join(after.split())))
    shown.append("…" if cut_after else "")
    shown.append("  (in its sentence)", style="dim italic")
    return shown


class ClaimStrip(Static):
    """Shows one claim in full; `show(None, "")` when no claim is selected."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.rows = 4
        self._showing: tuple[Claim | None, str, int] = (None, "", 1)

    def set_rows(self, rows: int) -> None:
        """Lines of text the strip shows (the terminal's height decides)."""
        if rows != self.rows:
            self.rows = rows
            self.styles.height = rows + self.styles.gutter.height

    def show(self, claim: Claim | None, text: str, *, occurrences: int = 1) -> None:
        self._showing = (claim, text, occurrences)
        self.update(self.fitted(), layout=False)

    def fitted(self) -> Text:
        """The claim with as much of its sentence as fits in the strip's lines."""
        claim, text, occurrences = self._showing
        if claim is None:
            return Text("No claim selected.", style="dim")
        width = self.content_region.width or 80
        shown = Text()
        for context in CONTEXT_CHARACTERS:
            shown = strip_text(claim, text, occurrences=occurrences, context=context)
            if len(shown.wrap(_MEASURE, width)) <= self.rows:
                break
        return shown

    def on_resize(self) -> None:
        self.update(self.fitted(), layout=False)
