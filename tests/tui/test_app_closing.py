"""Closing the explorer while its periodic work is due: nothing reads panes already removed."""

from __future__ import annotations

import asyncio

from newsdesk.tui import marks_controller
from newsdesk.tui.widgets.status_line import StatusLine

SIZE = (120, 40)


async def test_app_polls_never_tick_once_the_panes_are_going(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Marks and corrections from elsewhere are polled every few seconds, and the polls read the
    panes. A tick while the app closed, some panes removed and others not yet, ended it in
    NoMatches (seen under load, in a test that ran past the first tick). Here the polls tick
    all the time and the status line takes a moment to go, while the panes beside it are gone."""

    async def slow_to_go(_self: StatusLine) -> None:
        await asyncio.sleep(0.1)

    monkeypatch.setattr(marks_controller, "POLL_SECONDS", 0.01)
    monkeypatch.setattr(StatusLine, "on_unmount", slow_to_go, raising=False)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")  # the marks database changes: the next marks tick redraws
        await pilot.pause()
    assert app.return_code in (None, 0)
