from __future__ import annotations

SIZE = (120, 40)


async def test_palette_command_chosen_with_two_fast_enters_runs_once(make_app) -> None:
    """Enter twice before the palette has closed: `a` (actors of the whole corpus) runs once,
    not twice (which turned it back to this article's actors)."""
    from textual import events
    from textual.command import CommandInput

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        assert main.scope == "article"
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.screen.query_one(CommandInput).value = "Actors of this article / of the whole"
        await pilot.pause(0.3)
        for _ in range(2):  # in one go, as a terminal delivers keys typed fast (or tmux)
            app.post_message(events.Key("enter", "\r"))
        await pilot.pause(0.3)
        assert app.screen is main
        assert main.scope == "corpus"
