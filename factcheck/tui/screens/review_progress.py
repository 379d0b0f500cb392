"""The review screen's progress line, from the core's progress of the session."""

from __future__ import annotations

from factcheck.review import ReviewSession, progress_line


def progress_text(session: ReviewSession) -> str:
    """ "reviewed 12 of 19 · 5 supported · 3 disputed · 4 unverified · 7 left"."""
    return progress_line(session.progress())
