"""Hostile and broken input in the real explorer: real files, real index, the rendered screen.

Every check reads what the terminal would show (the compositor's strips), not internal state:
markup, escapes and `$variables` from article text appear literally, create no links or click
actions, and the app is still running afterwards.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_corpus import (
    HOSTILE_LINES,
    VISIBLE_MARKERS,
    hostile_article,
    write_broken_files,
    write_hostile_text_corpus,
)
from pilot_waits import palette_hits, wait_until
from rich.segment import Segment
from textual.geometry import Region
from textual.strip import Strip

from newsdesk.core.settings import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.search import SearchScreen
from newsdesk.tui.screens.too_small import TooSmallScreen

#: An article whose title and body are markup (titles are drawn by the article list too).
MARKUP_TITLE = "[b]Bold[/b] [@click=app.quit]Quit[/] $accent"


def screen_strips(app: NewsdeskApp) -> list[Strip]:
    return app.screen._compositor.render_strips()


def screen_lines(app: NewsdeskApp) -> list[str]:
    return [strip.text for strip in screen_strips(app)]


def region_segments(app: NewsdeskApp, region: Region) -> list[Segment]:
    """The segments the terminal shows inside `region` (a widget's place on screen)."""
    strips = screen_strips(app)[region.y : region.bottom]
    return [seg for strip in strips for seg in strip.crop(region.x, region.right)]


def region_text(app: NewsdeskApp, region: Region) -> str:
    """The text inside `region`, rows joined by spaces (undoes word wrapping), spaces collapsed."""
    strips = screen_strips(app)[region.y : region.bottom]
    rows = [strip.crop(region.x, region.right).text for strip in strips]
    return re.sub(r"\s+", " ", " ".join(rows))


def squeezed(text: str) -> str:
    """Without any whitespace: messages wrap anywhere, long paths fold mid-word."""
    return re.sub(r"\s+", "", text)


def assert_no_live_markup(segments: list[Segment]) -> None:
    """No hyperlink and no click action came out of article text."""
    for seg in segments:
        style = seg.style
        if style is None:
            continue
        assert not style.link, (seg.text, style.link)
        meta = style.meta or {}
        assert not any(str(key).startswith("@") for key in meta), (seg.text, meta)


def searched(app: NewsdeskApp, query: str) -> bool:
    """The search screen shows the results of `query`."""
    screen = app.screen
    return (isinstance(screen, SearchScreen) and screen.result is not None
            and screen.result.query == query)


async def open_index(app: NewsdeskApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_hostile_tui_every_article_shows_its_text_literally(
    tmp_path: Path, session_pipeline
) -> None:
    folder = tmp_path / "hostile"
    write_hostile_text_corpus(folder)
    (folder / "markup_title.txt").write_text(
        hostile_article("Nothing else here.", title=MARKUP_TITLE), encoding="utf-8"
    )
    app = NewsdeskApp([folder], Settings.from_env())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_index(app, pilot)
        main = app.main
        order = list(main.articles.order)
        assert sorted(order) == sorted([*HOSTILE_LINES, "markup_title"])
        await pilot.press("1", "home")
        for index, article_id in enumerate(order):
            if index:
                await pilot.press("1", "down")  # Enter left the reader in the text
            await pilot.press("enter")
            await pilot.pause()
            assert main.text.detail is not None and main.text.detail.article.id == article_id
            shown = region_text(app, main.text.content_region)
            expected = VISIBLE_MARKERS.get(article_id, "Nothing else here.")
            assert re.sub(r"\s+", " ", expected) in shown, (article_id, shown)
            assert "\x1b" not in "".join(screen_lines(app))
            assert_no_live_markup(region_segments(app, main.text.content_region))
            # (the rows, not the scrollbar: its own grab handler is Textual's, not the text's)
            assert_no_live_markup(region_segments(app, main.articles.scrollable_content_region))
            if article_id == "markup_title":  # the title in the text pane and in the list
                assert MARKUP_TITLE in shown
                assert "[b]Bold[/b] [@click=" in region_text(app, main.articles.content_region)
            assert app.is_running
        # literal markup and unexpanded variables, word for word
        main.open_article("rich_markup")
        await pilot.pause()
        shown = region_text(app, main.text.content_region)
        assert "[bold red]Alarm[/bold red]" in shown
        assert "[link=file:///etc/passwd]x[/link]" in shown
        main.open_article("textual_vars")
        await pilot.pause()
        assert "Costs $variable and $accent and ${secret} today." in region_text(
            app, main.text.content_region
        )
        # clicking the text that claims to quit does not quit
        main.open_article("rich_markup")
        await pilot.pause()
        row, column = next(
            (y, line.index("[@click=app.quit]"))
            for y, line in enumerate(screen_lines(app))
            if "[@click=app.quit]" in line
        )
        await pilot.click(offset=(column + 2, row))
        await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_hostile_tui_broken_files_notify_and_the_rest_opens(
    tmp_path: Path, session_pipeline
) -> None:
    folder = tmp_path / "broken"
    write_broken_files(folder)
    app = NewsdeskApp([folder], Settings.from_env())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_index(app, pilot)
        main = app.main
        notes = [n.message for n in app._notifications]
        # empty, blank, binary, notes.pdf, broken-link: one summary notification
        assert any("5 files skipped" in note for note in notes), notes
        await pilot.pause()
        assert "5 files skipped" in " ".join(screen_lines(app))  # the toast on screen
        app.clear_notifications()  # toasts sit over the top of the panes: read what is under
        await pilot.pause()
        expected = {
            "latin1": "Café owners agreed.",
            "cp1252": "\u201cSmart\u201d quotes \u2014 dashes.",
            "utf16": "UTF-16 story",
            "utf8bom": "BOM story",
            "crlf": "Second paragraph here.",
            "lonecr": "Second paragraph here.",
        }
        assert sorted(main.articles.order) == sorted(expected)
        await pilot.press("1", "home")
        for index, article_id in enumerate(main.articles.order):
            if index:
                await pilot.press("1", "down")  # Enter left the reader in the text
            await pilot.press("enter")
            await pilot.pause()
            assert main.text.detail is not None and main.text.detail.article.id == article_id
            shown = region_text(app, main.text.content_region)
            assert expected[article_id] in shown, (article_id, shown)
            assert "Mayor Ana Silva said the bridge would reopen." in shown
            assert "\ufffd" not in shown and "\ufeff" not in shown
        assert app.is_running


@pytest.mark.parametrize("contents", ["nothing", "not-articles"])
async def test_hostile_tui_folder_without_articles_says_so(
    tmp_path: Path, session_pipeline, contents: str
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    if contents == "not-articles":
        (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
        (folder / "blank.txt").write_text("  \n\n", encoding="utf-8")
        (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    app = NewsdeskApp([folder], Settings.from_env())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_index(app, pilot)
        shown = region_text(app, app.main.text.content_region)
        if contents == "nothing":
            expected = (
                f"No articles: nothing to read in {folder} (newsdesk reads .txt, .md, .html, "
                ".jsonl, .csv, .tsv and .json files, gzipped or not)"
            )
        else:  # the files' own reasons, not a list of suffixes a .txt already has
            expected = f"No articles: nothing readable in {folder} (3 files or rows skipped; "
            reasons = ("binary data, not a text article", "empty article (no body text)")
            assert any(squeezed(reason) in squeezed(shown) for reason in reasons)
        assert squeezed(expected) in squeezed(shown)
        assert app.is_running


async def test_hostile_tui_missing_path_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    app = NewsdeskApp([missing], Settings.from_env())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_index(app, pilot)
        shown = region_text(app, app.main.text.content_region)
        assert squeezed(f"{missing}: no such file or folder") in squeezed(shown)
        assert app.is_running


async def test_hostile_tui_too_small_terminal_shows_a_note(
    tmp_path: Path, session_pipeline
) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "one.txt").write_text(hostile_article(HOSTILE_LINES["rich_markup"]), "utf-8")
    app = NewsdeskApp([folder], Settings.from_env())
    async with app.run_test(size=(40, 12)) as pilot:
        await open_index(app, pilot)
        assert isinstance(app.screen, TooSmallScreen)
        shown = re.sub(r"\s+", " ", " ".join(screen_lines(app)))
        assert "Terminal too small (40×12)" in shown and "q to quit" in shown
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen is app.main
        assert app.main.text.detail is not None
        assert "Hostile" in " ".join(screen_lines(app))
        await pilot.press("question_mark")
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(52, 13)
        await pilot.pause()
        assert "(52×13)" in " ".join(screen_lines(app))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


@pytest.mark.parametrize("source", ["[@click=app.quit]Evil[/] $accent", "Evil [/oops] news"])
async def test_hostile_tui_palette_shows_article_metadata_as_text(
    tmp_path: Path, session_pipeline, source: str
) -> None:
    """A source line from the article is help text in the palette: shown as typed, never parsed."""
    folder = tmp_path / "palette"
    folder.mkdir()
    (folder / "harbour.txt").write_text(
        f"Harbour news\n\nMarch 3, 2021\n\nSource: {source}\n\n"
        "Mayor Ana Silva said the harbour would reopen.\n",
        encoding="utf-8",
    )
    app = NewsdeskApp([folder], Settings.from_env())
    async with app.run_test(size=(120, 30)) as pilot:
        await open_index(app, pilot)
        assert app.library is not None
        assert app.library.article("harbour").article.source == source
        await pilot.press("ctrl+p", *"harbour")
        await palette_hits(pilot, None, "Go to article: Harbour news")
        await pilot.pause()  # the hits painted
        from textual.command import CommandList

        region = app.screen.query_one(CommandList).region
        shown = region_text(app, region)
        assert "Go to article: Harbour news" in shown
        assert f"{source} · 2021-03-03" in shown
        assert_no_live_markup(region_segments(app, region))
        assert app.is_running


async def test_hostile_tui_marks_and_search_show_hostile_text_literally(
    tmp_path: Path, session_pipeline
) -> None:
    """Mark a hostile passage (m), list marks (M), search for it (/): literal text everywhere."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name in ("rich_markup", "html", "osc52"):
        (folder / f"{name}.txt").write_text(
            hostile_article(HOSTILE_LINES[name], title=f"Hostile {name}"), encoding="utf-8"
        )
    app = NewsdeskApp([folder], Settings.from_env())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_index(app, pilot)
        main = app.main
        main.open_article("rich_markup")
        await pilot.pause()
        article = main.text.detail.article
        main.text.focus()
        main.text.move_cursor_to(article.text.index("[bold red]"))
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("M")
        await pilot.pause()
        shown = re.sub(r"\s+", " ", " ".join(screen_lines(app)))
        assert "[bold red]Alarm[/bold red] and [@click=app.quit]click" in shown, shown
        segments = [seg for strip in screen_strips(app) for seg in strip]
        assert not any(seg.style and seg.style.link for seg in segments)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main
        await pilot.press("slash", *"script alert")
        await wait_until(pilot, lambda: searched(app, "script alert"), "the search's results")
        await pilot.pause()  # the results painted
        shown = " ".join(screen_lines(app))
        assert "<script>alert('x')</script>" in shown, shown
        assert "\x1b" not in shown
        assert app.is_running
