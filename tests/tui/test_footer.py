"""The key bar: the focused pane's keys and the palette key, drawn by one widget; a click on a
key presses it, a click on a disabled key only rings the bell."""

from __future__ import annotations

from newsdesk.tui.screens.help import HelpScreen
from newsdesk.tui.widgets.footer import KeyFooter

SIZE = (120, 40)


def _line(footer: KeyFooter) -> str:
    return str(footer.render())


async def _click(pilot, footer: KeyFooter, display: str):  # type: ignore[no-untyped-def]
    """Click the key shown as `display`; its drawn entry."""
    _line(footer)
    start, _end, shown = next(s for s in footer._spans if s[2].display == display)
    await pilot.click(KeyFooter, offset=(start + 1, 0))
    await pilot.pause()
    return shown


async def test_footer_shows_the_keys_of_the_focused_pane_and_the_palette(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.main.query_one(KeyFooter)
        line = _line(footer)
        assert " ? Help " in line and " / Search " in line and line.rstrip().endswith("palette")
        assert len(line) == footer.size.width
        await pilot.press("1")  # the article list has keys of its own
        await pilot.pause()
        assert _line(footer) != line


async def test_footer_click_presses_the_key(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        shown = await _click(pilot, app.main.query_one(KeyFooter), "?")
        assert isinstance(app.screen, HelpScreen)
        assert shown.tooltip


async def test_footer_disabled_key_only_rings(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        bells: list[bool] = []
        app.bell = lambda: bells.append(True)  # type: ignore[method-assign]
        shown = await _click(pilot, app.main.query_one(KeyFooter), "n")
        assert not shown.enabled  # nothing to walk yet
        assert bells and app.main.walk is None and app.screen is app.main


async def test_footer_drops_keys_that_do_not_fit(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.main.query_one(KeyFooter)
        line = _line(footer)
        assert len(line) == footer.size.width
        assert all(end <= footer.size.width for _s, end, _k in footer._spans)
