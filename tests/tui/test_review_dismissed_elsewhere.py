"""A claim dismissed outside the screen (`factcheck mark dismissed`, another reviewer)
must not break it: the Recent strip, the poll and the table know the status."""

from __future__ import annotations

from factcheck.models import Status
from factcheck.store import Store

SIZE = (120, 40)


async def test_a_dismissal_made_elsewhere_shows_without_breaking_the_screen(make, review_store):
    review_store.mark([6], Status.DISMISSED, reviewer="colleague")  # before the screen opens
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#recent").option_count == 1
        with Store(review_store.path) as other:  # and while it is open, on a listed claim
            other.mark([2], Status.DISMISSED, reviewer="colleague")
        app.screen.check_outside_changes()
        await pilot.pause()
        assert app.screen.query_one("#recent").option_count == 2
        assert app.screen.claims[2].status is Status.DISMISSED
        await pilot.press("j")
        assert app.is_running
