"""The document picker: shown when several documents still have unverified claims."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from factcheck.models import Status
from factcheck.store import DocumentSummary
from factcheck.tui.untrusted import safe_content


class PickerScreen(Screen[int]):
    """Dismisses with the chosen document id; documents in the order given (assigned to
    the reviewer first, then most unverified first: `review.documents_to_review`)."""

    BINDINGS = [Binding("q", "app.quit", "Quit", id="picker_quit")]  # noqa: RUF012

    def __init__(
        self,
        summaries: list[DocumentSummary],
        *,
        assigned: dict[int, str] | None = None,
        reviewer: str | None = None,
    ) -> None:
        super().__init__()
        self.summaries = summaries
        self.assigned = assigned or {}
        """Document id -> its assignee, to mark "assigned to you" / "to NAME"."""
        self.reviewer = reviewer

    def _assignee(self, document_id: int) -> str:
        assignee = self.assigned.get(document_id)
        if assignee is None:
            return ""
        return "  · assigned to you" if assignee == self.reviewer else f"  · {assignee}"

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="picker"):
            yield Label("Which document? (enter opens it)", classes="dialog-title")
            yield OptionList(
                *(
                    Option(
                        safe_content(  # titles from pages, names from browsers
                            f"#{s.document.id}  {s.counts[Status.UNVERIFIED]:>4} unverified"
                            f" of {s.claim_count:<4}  {s.document.title}"
                            f"{self._assignee(s.document.id)}"
                        ),
                        id=str(s.document.id),
                    )
                    for s in self.summaries
                ),
                id="picker-list",
                markup=False,  # titles come from articles, names from browsers: plain text
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))
