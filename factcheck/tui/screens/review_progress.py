"""The review screen's progress line, from the core's progress of the session."""

from __future__ import annotations

from factcheck.desk.session import ReviewSession, progress_line
from factcheck.tui.claim_view import ClaimView


def progress_text(session: ReviewSession, view: ClaimView) -> str:
    """ "reviewed 12 of 19 · 5 supported · 3 disputed · 4 unverified · 7 left".

    While the list hides the claims under the threshold, undecided ones among them are
    not "left": deciding every listed claim ends the sitting at "0 left".
    """
    return progress_line(session.progress(min_score=None if view.show_low else view.threshold))
