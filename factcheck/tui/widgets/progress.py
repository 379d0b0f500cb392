"""The progress line at the top of the review screen: "reviewed 12 of 19 · ... · 7 left".

A one-row Static updated without a layout pass (Textual's Header re-laid out the
whole screen on every title change, that is on every verdict).
"""

from __future__ import annotations

from textual.widgets import Static

from factcheck.tui.untrusted import safe_str


class ProgressLine(Static):
    """One line; `show(text)` replaces it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._line = ""
        self.text = ""
        """The progress line as last shown (without the app's name)."""

    def show(self, text: str) -> None:
        self.text = text
        line = safe_str(f" factcheck · {text}")
        if line != self._line:
            self._line = line
            self.update(line, layout=False)
