"""The article list: titles on two lines, a preview once the highlight rests, Enter to read."""

from __future__ import annotations

from pilot_waits import wait_until

from newsdesk.core.models import Article, Corpus
from newsdesk.tui import messages
from newsdesk.tui.screens.main import PREVIEW_DELAY
from newsdesk.tui.widgets.article_list import ROW_HEIGHT, TITLE_LINES

SIZE = (120, 40)


def opened(seen: list[object]) -> list[str]:
    """Articles opened, in order (each message once, though it bubbles to the app)."""
    unique = {id(m): m for m in seen if isinstance(m, messages.ArticleOpened)}
    return [m.article_id for m in unique.values()]


async def test_article_list_previews_the_highlighted_article_after_a_pause(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    seen: list[object] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        main = app.main
        await pilot.press("1", "j")
        assert main.articles.highlighted_id == "a1"
        assert main.text.article_id == "a2"  # not at once: the highlight may move on
        await wait_until(pilot, lambda: main.text.article_id == "a1")
        assert app.focused is main.articles  # a preview leaves the reader in the list
        assert main.back_stack == []  # and is not a jump
        assert opened(seen) == ["a2", "a1"]


async def test_article_list_fast_moves_preview_only_where_the_highlight_rests(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    seen: list[object] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        main = app.main
        await pilot.press("1", "j", "j")  # a1 then a3, quicker than the pause
        await wait_until(pilot, lambda: main.text.article_id == "a3")
        await pilot.pause(PREVIEW_DELAY * 2)
        assert opened(seen) == ["a2", "a3"]


async def test_article_list_enter_opens_at_once_and_focuses_the_text(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        start = main.current_location()
        await pilot.press("1", "j", "enter")
        assert main.text.article_id == "a1"
        assert app.focused is main.text
        assert main.back_stack == [start]  # Enter is a jump: `[` comes back
        await pilot.press("left_square_bracket")
        assert main.text.article_id == "a2"


async def test_article_list_previews_stay_out_of_history_until_read(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        start = main.current_location()
        await pilot.press("1", "j")
        await wait_until(pilot, lambda: main.text.article_id == "a1")
        await pilot.press("j")
        await wait_until(pilot, lambda: main.text.article_id == "a3")
        assert main.back_stack == []
        await pilot.press("enter")  # read the previewed article: one jump, from where we were
        assert app.focused is main.text and main.text.article_id == "a3"
        assert main.back_stack == [start]
        await pilot.press("left_square_bracket")
        assert main.text.article_id == "a2"


def _long_titles(corpus: Corpus) -> Corpus:
    from dataclasses import replace

    long = "Harbour plan approved after a long night of debate in the council chamber of the town"
    articles: list[Article] = [
        replace(a, title=long) if a.id == "a1" else a for a in corpus.articles
    ]
    return replace(corpus, articles=tuple(articles))


async def test_article_list_wraps_titles_over_two_lines(make_app, tui_corpus) -> None:  # type: ignore[no-untyped-def]
    app = make_app(_long_titles(tui_corpus))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        articles = app.main.articles
        row = articles.order.index("a1")
        width = articles.scrollable_content_region.width
        lines = [articles.render_line(row * ROW_HEIGHT + i).text for i in range(ROW_HEIGHT)]
        assert lines[0].strip().startswith("Harbour plan")
        assert lines[1].strip() and lines[1].rstrip().endswith("…")  # more than two lines' worth
        assert len(articles._title_lines(articles.rows[row], width)) == TITLE_LINES
        shown = " ".join(line.strip() for line in lines[:TITLE_LINES]).rstrip("… ")
        words = shown.split()
        title = (
            "Harbour plan approved after a long night of debate in the council chamber of the town"
        )
        assert words == title.split()[: len(words)]
        assert all(len(line) <= width for line in lines)


def _many_articles(corpus: Corpus, extra: int) -> Corpus:
    """The hand-built corpus and `extra` invented articles, more than a screen of rows."""
    from dataclasses import replace

    first = corpus.articles[0]
    invented = [
        replace(first, id=f"x{n}", title=f"Invented council story number {n} about a harbour",
                date=f"2020-{1 + n % 12:02d}-{1 + n % 28:02d}")
        for n in range(extra)
    ]
    return replace(corpus, articles=(*corpus.articles, *invented))


async def test_article_list_scrolls_by_whole_rows_after_moves_and_resizes(  # type: ignore[no-untyped-def]
    make_app, tui_corpus
) -> None:
    """The top line is a row's first (a title, never the tail of one or a date line), and
    the highlighted row is whole in view, however the list was scrolled or resized."""
    app = make_app(_many_articles(tui_corpus, 40))
    async with app.run_test(size=SIZE) as pilot:
        articles = app.main.articles

        async def check() -> None:
            await pilot.pause()
            top = round(articles.scroll_y)
            view = articles.scrollable_content_region.height
            assert top % ROW_HEIGHT == 0, (top, articles.size)
            row = (articles.highlighted or 0) * ROW_HEIGHT
            assert top <= row and row + ROW_HEIGHT <= top + view, (top, row, view)

        await pilot.press("1", *"j" * 13)
        await check()
        for width, height in ((80, 24), (100, 31), (80, 25), (120, 40), (90, 29)):
            await pilot.resize_terminal(width, height)
            await check()
        await pilot.press("end")
        await check()
        await pilot.press(*"k" * 9)
        await check()
        await pilot.press("pageup")
        await check()
        await pilot.resize_terminal(80, 24)
        await check()
        articles.scroll_to(y=articles.scroll_y + 4, animate=False, immediate=True)  # a wheel
        await pilot.pause()
        assert round(articles.scroll_y) % ROW_HEIGHT == 0
