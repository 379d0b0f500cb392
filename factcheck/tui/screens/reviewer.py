"""The reviewer-name prompt: the first screen of a browser session without a name.

`factcheck serve` gives every browser tab its own review process; a tab opened without
`?reviewer=NAME` (and without the session cookie that remembers it) asks here, so every
verdict carries a name that means something to the desk.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label

from factcheck.desk.session import REVIEWER_NAME_MAX, clean_reviewer_name
from factcheck.errors import InputError
from factcheck.tui.untrusted import safe_content


class ReviewerPrompt(Screen[str]):
    """Dismisses with a cleaned, non-empty name (enter); there is no way around it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="reviewer-dialog"):
            yield Label(
                "Who is reviewing? Your name goes on every verdict.", classes="dialog-title"
            )
            yield Input(
                placeholder="your name (enter to start)",
                max_length=REVIEWER_NAME_MAX,
                id="reviewer-name",
            )
            yield Label("", id="reviewer-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            name = clean_reviewer_name(event.value)
        except InputError as error:
            self.query_one("#reviewer-error", Label).update(safe_content(str(error)))
            return
        self.dismiss(name)
