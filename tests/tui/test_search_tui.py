"""Pilot tests for search in the explorer: `/`, grouped live results, Enter, `n`/`N`, Esc, palette.

Runs on the small hand-built corpus of `conftest.py` (not the seeds) with a real search index
built into the isolated cache folder.
"""

from __future__ import annotations

from pilot_waits import palette_hits, wait_until

from newsdesk.core.search.query import SearchResult
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.main import MainScreen
from newsdesk.tui.screens.search import SearchScreen
from newsdesk.tui.search_controller import SearchController

SIZE = (120, 40)


async def index_ready(app: NewsdeskApp, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(100):
        if app.search.index is not None:
            return
        await pilot.pause(0.05)
    raise AssertionError(f"search index not ready: {app.search.status}")


async def search_for(  # type: ignore[no-untyped-def]
    app: NewsdeskApp, pilot, query: str, *, keys: bool = False
) -> SearchScreen:
    """`/`, enter `query` (key by key with `keys`), wait until its results are shown."""
    await index_ready(app, pilot)
    await pilot.press("slash")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    if keys:
        screen.input.value = ""
        await pilot.press(*[{" ": "space"}.get(c, c) for c in query])
    else:
        screen.input.value = query
    for _ in range(100):
        if screen.result is not None and screen.result.query == query:
            return screen
        await pilot.pause(0.05)
    raise AssertionError(f"no results shown for {query!r}")


def rows(screen: SearchScreen) -> list[str]:
    return [str(option.prompt) for option in screen.results.options]


def styled(screen: SearchScreen, row: int) -> list[str]:
    """The characters of a row that carry the match style."""
    content = screen.results.options[row].prompt
    match = screen.results.get_visual_style("search-results--match", partial=True)
    return [content.plain[s.start:s.end] for s in content.spans if s.style == match]


def spans(main: MainScreen, layer: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in main.text.highlight_layers.get(layer, [])]


def text_of(main: MainScreen, span: tuple[int, int]) -> str:
    assert main.text.detail is not None
    return main.text.detail.article.text[span[0]:span[1]]


async def test_search_tui_slash_opens_the_bar_with_the_input_focused(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.focused is app.screen.input
        await pilot.press("q", "n")  # letters go to the input: no quit, no walk
        await pilot.pause()
        assert app.is_running and app.screen.input.value == "qn"


async def test_search_tui_typo_shows_grouped_results_with_matches_highlighted(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_for(app, pilot, "mria lopes", keys=True)
        shown = rows(screen)
        assert shown[0] == "Actors · 1"
        assert shown[1].startswith("Maria Lopez")
        assert "Sentences · 2" in shown
        assert styled(screen, 1) == ["Maria", "Lopez"]
        headings = [i for i, o in enumerate(screen.results.options) if o.disabled]
        assert headings == [0, 2]
        assert screen.results.highlighted_hit == 0  # the first hit, not its heading
        await pilot.press("down")
        assert screen.results.highlighted_hit == 1  # the heading is skipped
        assert screen.results.highlighted == 3


async def test_search_tui_markup_in_articles_is_shown_as_text(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_for(app, pilot, "click stay")
        assert any("[@click=app.quit]click[/] stay text" in row for row in rows(screen))
        assert app.is_running


async def test_search_tui_enter_opens_the_hit_and_highlights_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        assert main.text.article_id == "a2"
        await search_for(app, pilot, "rebuild harbor")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.focused is main.text
        assert main.text.article_id == "a1"
        assert [text_of(main, s) for s in spans(main, "search")] == ["rebuild", "harbour"]
        (target,) = spans(main, "target")
        assert text_of(main, target) == "rebuild the harbour"
        start, end = main.text.sentences[main.text.cursor]
        assert start <= target[0] < end
        assert main.back_stack[-1].article == "a2"  # `[` goes back to where the reader was


async def test_search_tui_enter_on_an_actor_focuses_its_first_mention(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        screen = await search_for(app, pilot, "grean wach")
        assert screen.results.hits[0].kind == "actor"
        await pilot.press("enter")
        await pilot.pause()
        mention = main.text.focus_mention
        assert mention is not None and mention.text == "Green Watch"
        assert main.text.article_id == "a1"  # the first mention, in corpus order
        assert "organization:green-watch" in main.actor_tree.actor_nodes


async def test_search_tui_n_and_shift_n_step_through_hits_across_articles(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        screen = await search_for(app, pilot, "lopez said")
        hits = screen.results.hits
        assert {h.article for h in hits} == {"a1", "a2"}
        await pilot.press("enter")
        await pilot.pause()
        visited = [(main.text.article_id, spans(main, "target"))]
        assert main.walk is not None and main.walk.describe().endswith(f"1 of {len(hits)}")
        for _ in range(len(hits) - 1):
            await pilot.press("n")
            await pilot.pause()
            visited.append((main.text.article_id, spans(main, "target")))
        assert [a for a, _ in visited] == [h.article for h in hits]
        assert {a for a, _ in visited} == {"a1", "a2"}
        assert f"/lopez said: {len(hits)} of {len(hits)}" in main.status.parts
        await pilot.press("N")
        await pilot.pause()
        assert (main.text.article_id, spans(main, "target")) == visited[-2]
        assert f"/lopez said: {len(hits) - 1} of {len(hits)}" in main.status.parts
        # Matched words are painted on every article the walk opens.
        assert spans(main, "search")


async def test_search_tui_choosing_an_actor_makes_n_walk_mentions_again(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await search_for(app, pilot, "harbour")
        await pilot.press("enter")
        await pilot.pause()
        assert app.search.active
        main.choose_actor("organization:green-watch")
        await pilot.pause()
        assert not app.search.active
        assert main.walk is not None and main.walk.label == "Green Watch"


async def test_search_tui_escape_returns_to_where_the_reader_was(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("j")  # a2, second sentence
        await pilot.pause()
        before = main.current_location()
        assert before is not None and before.article == "a2" and before.offset > 0
        await search_for(app, pilot, "harbour")
        await pilot.press("escape")  # nothing chosen: nothing moved
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert main.current_location() == before
        await search_for(app, pilot, "rebuild harbour")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert main.text.article_id == "a1"
        await pilot.press("slash")  # the bar reopens with the query
        await pilot.pause()
        assert app.screen.input.value == "rebuild harbour"
        await pilot.press("escape")
        await pilot.pause()
        assert main.current_location() == before
        assert main.walk is None and not spans(main, "search")


async def test_search_tui_no_match_says_so_and_suggests(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_for(app, pilot, "lopez zebra")
        assert screen.results.hits == []
        for _ in range(60):
            if screen.suggestion is not None:
                break
            await pilot.pause(0.05)
        status = str(screen.query_one("#search-status").render())
        assert status.startswith("No matches")
        assert screen.suggestion == "lopez"
        await pilot.press("enter")  # takes the suggestion, and searches it
        await pilot.pause()
        assert screen.input.value == "lopez"


async def test_search_tui_stale_results_are_dropped(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_for(app, pilot, "harbour")
        shown = rows(screen)
        live = app.search.live
        assert live is not None
        old = live.begin("ferry")
        screen.ticket = live.begin("harbour")  # a newer keystroke
        stale = live.index.search("ferry", limit=50, per_kind=10, suggest=False)
        assert stale.hits and live.run(old) is None
        screen.post_message(SearchScreen.Results(old, stale))
        await pilot.pause()
        assert rows(screen) == shown


async def test_search_tui_bar_before_the_index_is_ready(make_app, monkeypatch) -> None:
    monkeypatch.setattr(SearchController, "library_ready", lambda self, library: None)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press("l", "o", "p")
        await pilot.pause()
        assert str(screen.query_one("#search-status").render()) == app.search.status
        assert screen.results.hits == []
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_search_tui_index_progress_reaches_the_open_bar(make_app, monkeypatch) -> None:
    """The index worker's progress arrives as messages (a flood keeps the latest), no polling."""
    from newsdesk.tui import messages

    monkeypatch.setattr(SearchController, "library_ready", lambda self, library: None)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        for done in (1, 2, 3):
            app.post_message(messages.SearchStatus(f"Indexing for search: {done} / 3 articles…"))
        await pilot.pause()
        status = str(screen.query_one("#search-status").render())
        assert status == "Indexing for search: 3 / 3 articles…" == app.search.status
        await pilot.press("escape")
        await pilot.pause()
        app.post_message(messages.SearchStatus("Search is unavailable: disk full"))
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert str(app.screen.query_one("#search-status").render()) == (
            "Search is unavailable: disk full")


async def test_search_tui_palette_finds_an_actor_by_a_typo(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(app, pilot)
        main = app.main
        first = (await palette_hits(pilot, "grean wach", "Go to actor: Green Watch"))[0]
        count = main.actor_summaries["organization:green-watch"].mention_count
        assert f"organization · {count} mention{'' if count == 1 else 's'}" in first, first
        await pilot.press("enter")
        await pilot.pause()
        assert main.chosen_actor == "organization:green-watch"


async def test_search_tui_palette_ranks_an_exact_name_above_letters_in_a_commands_help(
        make_app) -> None:
    """"maria" is scattered through the help of the marks commands ("Marks: Mark or unmark
    ..."); the actor of that name comes first all the same, and an exact title likewise."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(app, pilot)
        for query, expected in (("maria", "Go to actor: Maria Lopez"),
                                ("Harbour plan approved", "Go to article: Harbour plan")):
            prompts = await palette_hits(pilot, query, expected)  # fails if another is first
            if query == "maria":  # the loose matches the name must beat are there
                assert any(p.startswith("Marks:") for p in prompts)
            assert prompts[0].startswith(expected), prompts[:3]
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is app.main, "the palette closing")


async def test_search_tui_palette_opens_an_article_by_a_typo(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(app, pilot)
        await palette_hits(pilot, "harbor plan", "Go to article: Harbour plan approved")
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.text.article_id == "a1"


def test_search_tui_result_type_is_core() -> None:
    """The bar shows core results as they are (no re-ranking in the TUI)."""
    assert SearchResult.__module__ == "newsdesk.core.search.query"
