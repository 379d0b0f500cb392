"""The strip of the last decisions on this document; choosing one reopens its claim."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from factcheck.models import Claim, Verdict
from factcheck.tui.untrusted import safe_str
from factcheck.tui.widgets.claims import STATUS_GLYPH, STATUS_STYLE


class RecentStrip(OptionList):
    """Newest first; option ids are claim ids, so selection means "reopen that claim"."""

    def show_verdicts(
        self, verdicts: list[Verdict], claims: dict[int, Claim], *, reviewer: str | None = None
    ) -> None:
        """List `verdicts`; those not by `reviewer` (you) name who decided."""
        self.clear_options()
        options = []
        for number, verdict in enumerate(verdicts):
            claim = claims.get(verdict.claim_id)
            label = Text()
            label.append(f"{STATUS_GLYPH[verdict.status]} ", style=STATUS_STYLE[verdict.status])
            label.append(f"#{verdict.claim_id} {verdict.status:<10} ")
            if reviewer is not None and verdict.reviewer != reviewer:
                label.append(f"{safe_str(verdict.reviewer)}: ", style="bold")
            if claim is not None:
                label.append(safe_str(" ".join(claim.text.split())), style="dim")
            if verdict.note and verdict.note.startswith("undo of"):
                label.append("  (undo)", style="italic")
            label.no_wrap = True
            label.overflow = "ellipsis"
            options.append(Option(label, id=f"{number}:{verdict.claim_id}"))
        self.add_options(options)

    @staticmethod
    def claim_id_of(option: Option) -> int:
        return int((option.id or "0:0").split(":", 1)[1])
