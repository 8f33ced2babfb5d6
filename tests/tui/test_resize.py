"""Resizing the terminal: the panes follow every size, the width classes follow every breakpoint,
and the "too small" note comes and goes without losing the screens pushed meanwhile."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.command import CommandPalette
from textual.geometry import Size

from newsdesk.core.models import Corpus
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.main import MainScreen
from newsdesk.tui.screens.too_small import MIN_SIZE, TooSmallScreen
from newsdesk.tui.widgets.footer import KeyFooter

#: Below, at and above the 100-column breakpoint, and the smallest usable size.
SIZES = [(120, 40), (80, 24), (200, 60), (99, 30), (100, 30), (MIN_SIZE.width, MIN_SIZE.height)]


def assert_fills(app: NewsdeskApp, width: int, height: int) -> None:
    """The main screen is laid out at exactly the terminal's size, with the right width class."""
    main = app.main
    assert app.screen is main
    wide = width >= 100
    assert main.has_class("-wide") is wide and main.has_class("-narrow") is not wide
    footer = main.query_one(KeyFooter)
    assert footer.region.y == height - 1, "the key bar sits on the last row"
    assert footer.region.width == width
    panes = main.query_one("#panes").region
    assert panes.width == width and panes.height == height - 1
    text = main.text.region
    assert text.right <= width and text.bottom <= height - 1
    sidebar = main.query_one("#sidebar")
    assert sidebar.display is wide  # the sidebar shows by default only when wide
    if wide:
        assert sidebar.region.right == width, "the sidebar reaches the right edge"
    assert main.status.region.bottom <= height - 1


@pytest.mark.parametrize("start", [(120, 40), (80, 24)])
async def test_resize_panes_follow_every_size_and_breakpoint(make_app, start) -> None:
    app = make_app()
    async with app.run_test(size=start) as pilot:
        await pilot.pause()
        assert_fills(app, *start)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert_fills(app, width, height)
            await pilot.press("j")  # a key after a resize keeps the layout whole
            await pilot.pause()
            assert_fills(app, width, height)


async def test_resize_from_too_small_and_back_shows_the_whole_app(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert_fills(app, 120, 40)
        await pilot.resize_terminal(60, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert_fills(app, 200, 60)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert_fills(app, 80, 24)


async def test_resize_article_text_rewraps_to_the_new_width(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        wide = max(len(line.plain) for line in app.main.text._lines)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        text = app.main.text
        narrow = max(len(line.plain) for line in text._lines)
        assert narrow < wide
        assert narrow <= text.scrollable_content_region.width


def _long_first_article(corpus: Corpus) -> Corpus:
    """The first article with a title of several lines and paragraphs enough to scroll (added
    after its text, so its mentions keep their offsets)."""
    article = corpus.articles[0]
    extra = [f"Paragraph {n} of the harbour story goes on for a while, so that the text "
             "needs a scroll bar at every size." for n in range(12)]
    text, paragraphs = article.text, list(article.paragraphs)
    for paragraph in extra:
        text += "\n\n"
        paragraphs.append((len(text), len(text) + len(paragraph)))
        text += paragraph
    article = replace(article, text=text, paragraphs=tuple(paragraphs),
                      title="A harbour plan approved after a long night of talks in the council "
                            "chamber of the old town")
    sentences = {**corpus.sentences,
                 article.id: (*corpus.sentences[article.id], *paragraphs[3:])}
    return replace(corpus, articles=(article, *corpus.articles[1:]), sentences=sentences)


@pytest.mark.parametrize("scrolled", [1, 2, 9])
async def test_resize_text_top_line_never_starts_mid_title_or_mid_paragraph(
        make_app, tui_corpus: Corpus, scrolled: int) -> None:
    """After 80x24 -> 120x40 the text keeps its place: the line that was on top is found again
    by its article offset (a header line: the header from its start), never the old row
    number, which in the new wrap may be the second line of the title."""
    app = make_app(_long_first_article(tui_corpus))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.main.open_article(tui_corpus.articles[0].id)
        await pilot.pause()
        text = app.main.text
        text.scroll_to(0, scrolled, animate=False, immediate=True)
        await pilot.pause()
        low = next(line for line in reversed(text._lines[:scrolled + text.size.height - 2])
                   if line.kind == "text")
        text.move_cursor_to(low.start)  # the reader's cursor, low in the view: no scroll
        await pilot.pause()
        assert int(text.scroll_y) == scrolled
        before = text._lines[scrolled]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        top = int(text.scroll_y)
        line = text._lines[top]
        if before.kind in ("title", "meta", "url"):
            assert top == 0, line
        else:
            previous = text._lines[top - 1]
            assert line.kind == "text" and (previous.kind != "text"
                                            or previous.paragraph != line.paragraph
                                            or line.start <= before.start < line.end), line


async def test_resize_only_the_start_up_resize_is_skipped(make_app, monkeypatch) -> None:
    """The Resize Textual sends once started finds the panes laid out at that size: skipped.
    Every real resize after it is laid out."""
    answers: list[tuple[Size, bool]] = []
    original = MainScreen.laid_out_at

    def spy(self: MainScreen, size: Size) -> bool:
        answer = original(self, size)
        answers.append((size, answer))
        return answer

    monkeypatch.setattr(MainScreen, "laid_out_at", spy)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert answers and set(answers) == {(Size(120, 40), True)}
        started = len(answers)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert answers[started] == (Size(80, 24), False)  # laid out; any repeat is skipped
        assert_fills(app, 80, 24)
        for width in (81, 82, 120, 119):  # within a width class, and across it
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            assert_fills(app, width, 24)


@pytest.mark.parametrize("over", ["palette", "help", "marks"])
async def test_resize_pushing_screens_over_the_too_small_note_is_safe(make_app, over) -> None:
    """Ctrl+P, shrink below the minimum, Ctrl+P, grow, Ctrl+P: no DuplicateIds, no crash."""
    key = {"palette": "ctrl+p", "help": "question_mark", "marks": "M"}[over]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press(key)
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)
        # at most one palette however often Ctrl+P came
        assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) <= 1
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert_fills(app, 80, 24)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_resize_a_screen_pushed_under_the_note_shows_once_the_terminal_grows(
    make_app,
) -> None:
    """A dialog a worker opens while the note is up goes under the note, not over it."""
    from newsdesk.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        help_screen = HelpScreen()
        app.push_screen(help_screen)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "(50×12)" in str(app.screen.query_one("#too-small-note").render())
        await pilot.press("question_mark", "ctrl+p", "j")  # nothing but q while the note is up
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert [type(s) for s in app.screen_stack][-3:] == [MainScreen, HelpScreen, TooSmallScreen]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen is help_screen
        await pilot.press("escape")
        await pilot.pause()
        assert_fills(app, 120, 40)


@pytest.mark.parametrize("twice", ["help", "palette"])
async def test_a_screen_closed_twice_never_closes_the_one_below(make_app, twice) -> None:
    """A second Escape or Enter queued before the first closed its screen (a key held down,
    keys sent in one go by tmux) must not close the screen below, least of all the panes."""
    from newsdesk.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if twice == "help":
            top = HelpScreen()
            app.push_screen(top)
        else:
            await pilot.press("question_mark", "ctrl+p")  # the palette over help
            top = app.screen
            assert isinstance(top, CommandPalette)
        await pilot.pause()
        below = app.screen_stack[-2]

        def close() -> None:  # as a key binding does: not awaited
            top.dismiss()

        top.call_later(close)
        top.call_later(close)  # stale: its screen is closed already
        await pilot.pause()
        assert app.screen is below and app.main in app.screen_stack
        assert app.main.articles.order  # the panes are whole
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert app.screen is app.main
        assert_fills(app, 120, 40)


@pytest.mark.parametrize("key", ["pagedown", "pageup"])
async def test_palette_page_keys_before_its_list_is_laid_out(make_app, key) -> None:
    """Ctrl+P and PageDown in one go: Textual's list raised KeyError (the app died)."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for k in ("ctrl+p", key, key):
            app.post_message(events.Key(k, None))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette) and app.return_code is None
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main


async def test_a_screen_under_the_note_closing_itself_waits(make_app) -> None:
    """The palette chose a command (keys queued) just as the note came over it: it neither
    answers twice (InvalidStateError) nor closes the note; it closes once it is on top."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)

        def close() -> None:
            palette.dismiss()

        palette.call_later(close)
        palette.call_later(close)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen) and palette in app.screen_stack
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen is palette
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main and app.return_code is None


async def test_palette_closed_while_its_search_runs(make_app) -> None:
    """The palette's search worker updating its list after the palette was removed."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", "l", "o")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert not palette.is_attached
        palette._list_visible = not palette._list_visible  # what the worker does next
        await pilot.pause()
        assert app.return_code is None and app.screen is app.main


async def test_palette_reopened_while_the_last_one_is_being_removed(make_app) -> None:
    """Ctrl+P right after Escape closed the palette: the old one is still being removed when the
    new one comes (Textual gives both the same id: DuplicateIds ended the app)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(3):
            app.action_command_palette()
            await pilot.pause()
            old = app.screen
            assert isinstance(old, CommandPalette)
            old.dismiss()  # its removal runs later
            app.action_command_palette()
            await pilot.pause()
            assert app.return_code is None
            assert isinstance(app.screen, CommandPalette) and app.screen is not old
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is app.main


async def test_theme_picker_closed_twice_answers_once(make_app) -> None:
    """Textual's theme picker (palette: Theme) is a palette too: Enter twice in one go made it
    answer twice (InvalidStateError ended the app)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.search_themes()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CommandPalette)
        await pilot.resize_terminal(50, 12)  # the note comes over it, keys already queued
        await pilot.pause()

        def close() -> None:
            picker.dismiss()

        picker.call_later(close)
        picker.call_later(close)
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.return_code is None and app.screen is picker
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_resize_legend_never_leaves_a_word_alone_on_a_line(make_app, size) -> None:
    from newsdesk.tui.highlight import LEGEND
    from newsdesk.tui.widgets.legend import Legend

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for _ in range(2):  # the sidebar hidden and shown: the text pane narrows
            legend = app.main.query_one(Legend)
            lines = legend.render().plain.split("\n")
            assert len(lines) == legend.size.height
            words = [line.split() for line in lines]
            assert [w for line in words for w in line] == [label for _k, label in LEGEND]
            assert all(len(line) >= 2 for line in words) or len(lines) == 1, lines
            assert all(len(line) <= legend.content_size.width for line in lines)
            await pilot.press("s")
            await pilot.pause()
