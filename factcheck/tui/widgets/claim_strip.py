"""The claim strip under the claims list: the whole current claim, its kind and score,
and, when the claim is a fragment, the sentence it sits in with the claim marked.

The list cuts claims to one line (31 characters at 120 columns); this is where the
reviewer reads what they are deciding. Its height follows the text between a floor
and a ceiling that depend on the terminal (`set_rows`); the layout is redone only when
the height changes, not on every claim.
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
CONTEXT_CHARACTERS = 240
"""Most sentence text kept on each side of a fragment before it is cut with "…"."""


def is_fragment(claim: Claim, text: str) -> bool:
    """Whether the claim is less than its sentence (more than punctuation left over)."""
    sentence = text[claim.sentence_start : claim.sentence_end]
    rest = sentence.replace(text[claim.start : claim.end], "", 1)
    return any(ch.isalnum() for ch in rest)


def strip_text(claim: Claim, text: str, *, occurrences: int = 1) -> Text:
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
    before = text[max(claim.sentence_start, claim.start - CONTEXT_CHARACTERS) : claim.start]
    after = text[claim.end : min(claim.sentence_end, claim.end + CONTEXT_CHARACTERS)]
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
    """Shows one claim in full; `show(None)` when no claim is selected."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.min_rows = 2
        self.max_rows = 6
        self._shown: Text | None = None

    def set_rows(self, min_rows: int, max_rows: int) -> None:
        """Lines of text the strip may take (the terminal's height decides)."""
        self.min_rows, self.max_rows = min_rows, max_rows
        if self._shown is not None:
            self._fit(self._shown)

    def show(self, claim: Claim | None, text: str, *, occurrences: int = 1) -> None:
        shown = Text("No claim selected.", style="dim")
        if claim is not None:
            shown = strip_text(claim, text, occurrences=occurrences)
        self._shown = shown
        self._fit(shown)

    def _fit(self, shown: Text) -> None:
        width = self.content_region.width
        if not width:
            self.update(shown)  # not laid out yet: the first layout sizes it
            return
        lines = len(shown.wrap(_MEASURE, width))
        rows = max(self.min_rows, min(self.max_rows, lines))
        height = rows + self.styles.gutter.height
        if self.styles.height is None or self.styles.height.value != height:
            self.styles.height = height  # a layout pass, only when the height changes
        self.update(shown, layout=False)

    def on_resize(self) -> None:
        if self._shown is not None:
            self._fit(self._shown)
