"""Reopening where the reader left off: article, cursor and chosen actor; gone ones ignored."""

from __future__ import annotations

from pathlib import Path

from newsdesk.core.marks.places import ReadingPlace, load_place, save_place
from newsdesk.core.settings import Settings

SIZE = (120, 40)
PATHS = [Path("unused")]  # what `make_app` gives the app


async def test_app_reopens_article_cursor_and_actor_after_quit(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.open_article("a1")
        await pilot.press("2", "j", "j", "j")  # the fourth sentence: "Lopez said" (a quote)
        main.choose_actor("person:maria-lopez")
        await pilot.pause()
        left = main.reading_place()
        assert left is not None and left.article == "a1" and left.actor == "person:maria-lopez"
        await pilot.press("q")
    assert load_place(Settings.from_env(), PATHS) == left

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = again.main
        assert main.text.article_id == "a1"
        assert main.text.sentences[main.text.cursor][0] == left.offset
        assert main.chosen_actor == "person:maria-lopez"
        assert main.walk is not None and main.walk.label == "Maria Lopez"
        assert main.text.highlight_layers.get("actor")  # her mentions are emphasised again
        assert main.back_stack == []  # reopening is not a jump


async def test_app_ignores_a_place_whose_article_is_gone(make_app) -> None:  # type: ignore[no-untyped-def]
    save_place(
        Settings.from_env(), PATHS, ReadingPlace("deleted-article", 40, "person:maria-lopez")
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.main.text.article_id == "a2"  # the first article, as on a first start
        assert app.main.chosen_actor is None


async def test_app_ignores_an_actor_that_is_gone(make_app) -> None:  # type: ignore[no-untyped-def]
    save_place(Settings.from_env(), PATHS, ReadingPlace("a3", 0, "person:merged-away"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.main.text.article_id == "a3"
        assert app.main.chosen_actor is None and app.main.walk is None


async def test_app_saves_the_place_a_moment_after_the_reader_stops(make_app) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.tui.app import PLACE_SAVE_DELAY

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.open_article("a3")
        await pilot.pause(PLACE_SAVE_DELAY + 0.2)
        await app.workers.wait_for_complete()
        assert load_place(Settings.from_env(), PATHS) == ReadingPlace("a3", 0, None)


async def test_app_place_timer_firing_while_the_app_closes_is_harmless(make_app) -> None:  # type: ignore[no-untyped-def]
    """Under load the save timer can fire in teardown, after the text pane is gone."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.main.open_article("a3")
        await pilot.pause()
        await pilot.press("q")
    app._save_place_in_background()  # the panes are gone: nothing to read, nothing raised
    assert load_place(Settings.from_env(), PATHS) == ReadingPlace("a3", 0, None)  # kept on exit


async def test_app_reopened_article_is_highlighted_and_in_view(make_app, tui_corpus) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from newsdesk.core.models import Article

    extra: list[Article] = [
        replace(
            tui_corpus.articles[0],
            id=f"old{i}",
            title=f"Older story {i}",
            date=f"2001-01-{i + 1:02d}",
        )
        for i in range(20)
    ]
    corpus = replace(tui_corpus, articles=(*tui_corpus.articles, *extra))
    save_place(Settings.from_env(), PATHS, ReadingPlace("old0", 0))  # last in the list
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        articles = app.main.articles
        assert app.main.text.article_id == "old0"
        assert articles.highlighted_id == "old0"
        row_top = articles.highlighted * 3  # type: ignore[operator]
        assert articles.scroll_y <= row_top < articles.scroll_y + articles.size.height
