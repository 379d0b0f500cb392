"""The review screen's "not English?" notice, from the session's language warning.

The test is the core's (`text.language`, run by `desk.session.ReviewSession` on the
document's text); this only shows its one line, so the screen says what `factcheck add`
prints on stderr.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget

from factcheck.tui.untrusted import safe_str

LANGUAGE_NOTICE_SECONDS = 20.0
"""How long the notice stays: long enough to be read before the first verdict (the
article's border keeps the mark while the document is open)."""


def tell_language(screen: Screen[None], article: Widget, warning: str | None) -> None:
    """A notice and a mark on the article's border when `warning` says the document
    does not read as English; nothing for English text (`warning` None)."""
    if warning is None:
        return
    article.border_subtitle = "not English?"
    screen.notify(
        safe_str(warning[:1].upper() + warning[1:]),
        title="Not English?",
        severity="warning",
        timeout=LANGUAGE_NOTICE_SECONDS,
        markup=False,
    )
