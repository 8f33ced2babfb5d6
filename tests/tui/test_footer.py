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
        assert " ? Help " in line and " / Search " in line and "▏^p" in line  # the palette key
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


def _shown(footer: KeyFooter) -> dict[str, str]:
    """Key as displayed -> its description as drawn ("" when shown as the key alone)."""
    _line(footer)
    return {k.display: k.description for _s, _e, k in footer._spans}


async def test_footer_shows_marks_history_scope_and_sort_at_80_columns(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        footer = app.main.query_one(KeyFooter)
        await pilot.press("2")
        shown = _shown(footer)
        for key in ("m", "M", "e", "y", "[", "]", "a", "n", "/", "q", "?"):
            assert key in shown, (key, _line(footer))
        assert shown["m"] == "Mark" and shown["q"] == "Quit"  # the most used keep their words
        await pilot.press("1")
        shown = _shown(footer)
        assert "o" in shown and shown["o"] == "Sort"


async def test_footer_says_more_at_wider_widths(make_app) -> None:  # type: ignore[no-untyped-def]
    shown: dict[int, dict[str, str]] = {}
    for width in (80, 160):
        app = make_app()
        async with app.run_test(size=(width, 40)):
            shown[width] = _shown(app.main.query_one(KeyFooter))
    narrow, wide = shown[80], shown[160]
    assert set(narrow) <= set(wide)
    worded = [key for key, words in wide.items() if words]
    assert len(worded) > len([key for key, words in narrow.items() if words])
    assert wide["["] == "Back" and wide["]"] == "Forward" and wide["a"] == "Scope"


async def test_footer_labels_every_key_at_120_columns(make_app) -> None:  # type: ignore[no-untyped-def]
    """No bare `}`, `s`, `e`, `i` or `x` on a wide terminal: short of room, a key says its
    short word, the bar draws tight, and a key that still does not fit leaves the bar."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.main.query_one(KeyFooter)
        seen: set[str] = set()
        for pane in ("1", "2", "3"):
            await pilot.press(pane)
            await pilot.pause()
            shown = _shown(footer)
            shown.pop("^p")  # the palette key, apart on the right, gives its room first
            assert all(shown.values()), (pane, _line(footer))
            seen |= set(shown)
            assert all(end <= footer.size.width for _s, end, _k in footer._spans)
        assert {"}", "s", "e", "i", "x", "r", "m", "y"} <= seen
        await pilot.press("M")
        await pilot.pause()
        marks = _shown(app.screen.query_one(KeyFooter))
        assert marks.get("y") == "Copy" and marks.get("e") == "Export"  # as the README says


def test_footer_every_shown_binding_has_a_short_word() -> None:
    from newsdesk.tui.bindings import GROUPS, SHORT_LABEL_CELLS, short_label

    for _title, bindings in GROUPS:
        for binding in bindings:
            if binding.show:
                assert 0 < len(short_label(binding)) <= SHORT_LABEL_CELLS, binding
