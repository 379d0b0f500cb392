"""The document picker: shown when several documents still have unverified claims."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from factcheck.models import Status
from factcheck.store import DocumentSummary


class PickerScreen(Screen[int]):
    """Dismisses with the chosen document id; documents most unverified first."""

    BINDINGS = [Binding("q", "app.quit", "Quit", id="picker_quit")]  # noqa: RUF012

    def __init__(self, summaries: list[DocumentSummary]) -> None:
        super().__init__()
        self.summaries = summaries

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="picker"):
            yield Label("Which document? (enter opens it)", classes="dialog-title")
            yield OptionList(
                *(
                    Option(
                        Content(  # titles come from pages: plain text, never markup
                            f"#{s.document.id}  {s.counts[Status.UNVERIFIED]:>4} unverified"
                            f" of {s.claim_count:<4}  {s.document.title}"
                        ),
                        id=str(s.document.id),
                    )
                    for s in self.summaries
                ),
                id="picker-list",
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))
