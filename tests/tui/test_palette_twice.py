from __future__ import annotations

from pilot_waits import palette_hits, wait_until

SIZE = (120, 40)


async def test_palette_command_chosen_with_two_fast_enters_runs_once(make_app) -> None:
    """Enter twice before the palette has closed: `a` (actors of the whole corpus) runs once,
    not twice (which turned it back to this article's actors)."""
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        assert main.scope == "article"
        await palette_hits(pilot, "Actors of this article / of the whole",
                           "Everywhere: Actors of this article")
        for _ in range(2):  # in one go, as a terminal delivers keys typed fast (or tmux)
            app.post_message(events.Key("enter", "\r"))
        await wait_until(pilot, lambda: app.screen is main and main.scope == "corpus",
                         "the palette closing and its command running")
        await pilot.pause()  # the second Enter is handled too (it must change nothing)
        assert app.screen is main
        assert main.scope == "corpus"
