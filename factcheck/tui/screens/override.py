"""Asking before overruling another reviewer: the claim changed while you looked at it.

Two reviewers on one document (`factcheck serve`, or two terminals) can reach the same
claim; the second key pressed would silently replace the first verdict. This modal makes
that an explicit choice, naming who decided what and when.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from factcheck.models import Status, Verdict
from factcheck.tui.untrusted import safe_content


class ConfirmOverride(ModalScreen[bool]):
    """Dismisses True (y or enter: record the new verdict) or False (n or escape)."""

    BINDINGS = [  # noqa: RUF012
        Binding("y,enter", "answer(True)", "Overrule", id="override_yes"),
        Binding("n,escape", "answer(False)", "Keep theirs", id="override_no"),
    ]

    def __init__(self, theirs: Verdict, status: Status) -> None:
        super().__init__()
        self.theirs = theirs
        self.status = status

    def compose(self) -> ComposeResult:
        theirs = self.theirs
        with Vertical(id="override-dialog"):
            yield Label(  # the name comes from a browser: plain, printable
                safe_content(
                    f"{theirs.reviewer} marked claim #{theirs.claim_id} {theirs.status}"
                    f" at {theirs.created_at} while you were looking at it."
                ),
                classes="dialog-title",
            )
            yield Label(
                f"Record {self.status} anyway? y: yes, replace their verdict"
                f" · n or escape: keep {theirs.status}",
                markup=False,
            )

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
