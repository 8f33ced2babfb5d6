"""Keys that do nothing say why, instead of nothing happening."""

from __future__ import annotations

import pytest

SIZE = (120, 40)


def said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


@pytest.mark.parametrize(("key", "words"), [
    ("n", "Nothing to step through"),
    ("N", "Nothing to step through"),
    ("left_square_bracket", "Nothing to go back to"),
    ("right_square_bracket", "end of your history"),
])
async def test_key_reasons_disabled_keys_say_why(make_app, key: str, words: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert any(words in m for m in said(app)), said(app)


async def test_key_reasons_forward_at_the_end_of_history(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "j", "enter")  # a jump: history has one step back
        await pilot.pause()
        await pilot.press("left_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert not any("history" in m for m in said(app))
        await pilot.press("right_square_bracket")  # now at the end
        await pilot.pause()
        assert any("end of your history" in m for m in said(app))


async def test_key_reasons_pane_keys_elsewhere_say_where_they_work(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is app.main.text
        sort = app.main.articles.sort_key
        await pilot.press("o")
        await pilot.pause()
        assert app.main.articles.sort_key == sort
        assert any("works in the article list: press 1" in m for m in said(app)), said(app)
        await pilot.press("1", "o")  # in the list it sorts, and says nothing
        await pilot.pause()
        assert app.main.articles.sort_key != sort
        assert sum("works in the article list" in m for m in said(app)) == 1


@pytest.mark.parametrize(("key", "typed"), [("g", "g"), ("G", "G")])
async def test_key_reasons_name_the_key_that_was_pressed(make_app, key: str, typed: str) -> None:
    """A pane key bound to two keys (`home,g`, `end,G`) names the one the reader pressed."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", key)  # the actors pane has no first / last
        await pilot.pause()
        reasons = [m for m in said(app) if "works in" in m]
        assert reasons and reasons[-1].startswith(f"{typed} ("), said(app)


async def test_key_reasons_working_keys_say_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "l", "enter", "n", "N", "3", "j", "2", "right_curly_bracket")
        await pilot.pause()
        assert said(app) == []


async def test_key_reasons_m_on_an_actor_row_marks_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")  # the actors pane, on a group or actor row
        await pilot.pause()
        assert app.focused is app.main.actor_tree
        await pilot.press("m")
        await pilot.pause()
        assert app.marks.store is not None and app.marks.history == []
        assert not app.main.text.highlight_layers.get("mark")
        assert any("Nothing marked" in m for m in said(app)), said(app)


async def test_key_reasons_y_on_an_actor_row_copies_nothing(make_app) -> None:
    """`y` on an actor or group row (not a ❝ position): nothing is sent, and it says why
    (it sent the text cursor's passage before)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert app.focused is app.main.actor_tree
        assert app.main.here().sidebar_position is None
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == ""
        [message] = said(app)
        assert "Nothing copied" in message and "terminal's clipboard" not in message


async def test_key_reasons_y_says_it_sent_to_the_terminal_clipboard(make_app) -> None:
    """The terminal may drop the OSC 52 request (tmux by default): never claim "Copied"."""
    from newsdesk.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard
        [message] = said(app)
        assert "Copied" not in message and "terminal's clipboard" in message
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-clipboard").render())
        assert "set -g set-clipboard on" in shown
