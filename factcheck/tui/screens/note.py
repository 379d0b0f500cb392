"""The note modal: a reason typed once, saved with the claim's next verdict."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from factcheck.tui.untrusted import safe_content


class NoteScreen(ModalScreen[str | None]):
    """Returns the note (enter) or None (escape); an empty note clears it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note_cancel")]  # noqa: RUF012

    def __init__(self, claim_text: str, note: str | None = None) -> None:
        super().__init__()
        self.claim_text = claim_text
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Label("Note for the verdict on:", classes="dialog-title")
            # The claim is article text: plain and printable, never parsed as markup.
            yield Label(safe_content(" ".join(self.claim_text.split())), id="note-claim")
            yield Input(self.note or "", placeholder="why (enter saves, escape cancels)")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
