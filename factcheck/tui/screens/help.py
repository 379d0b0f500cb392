"""The help modal: every key of the review screen as currently mapped."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from factcheck.tui.untrusted import safe_content


class HelpScreen(ModalScreen[None]):
    """`rows` are (keys, binding id, what it does), keys already remapped."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape,q,question_mark", "dismiss", "Close", id="help_close"),
    ]

    def __init__(
        self, rows: list[tuple[str, str, str]], *, browser_note: str | None = None
    ) -> None:
        super().__init__()
        self.rows = rows
        self.browser_note = browser_note
        """Shown in `factcheck serve`: the keys a browser keeps for itself."""

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, padding=(0, 2))
        table.add_column("keys", style="bold cyan", no_wrap=True)
        table.add_column("does")
        table.add_column("keymap id", style="dim")
        for keys, binding_id, description in self.rows:
            table.add_row(Text(keys), Text(description), Text(binding_id))  # never markup
        with VerticalScroll(id="help-dialog"):
            yield Static(
                "Review keys  (remap any in config.toml [keymap])",
                classes="dialog-title",
                markup=False,
            )
            yield Static(table)
            yield Static(
                "Verdicts are saved the moment the key is pressed. "
                "tab moves between panels; the command palette (ctrl+p) has every action.",
                classes="dim",
            )
            if self.browser_note:
                yield Static(safe_content(self.browser_note), id="help-browser")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
