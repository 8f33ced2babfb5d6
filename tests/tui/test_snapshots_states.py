"""Snapshots of every screen and state a reader meets (accept changes with --snapshot-update).

The hand-built corpus of `conftest.py` (no spaCy), except for the empty and missing folders,
which go through the real opening worker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search_tui import search_for

from newsdesk.core.settings import Settings
from newsdesk.tui.app import NewsdeskApp

WIDE = (160, 50)
SIZE = (120, 40)
NARROW = (80, 24)


@pytest.mark.parametrize("size", [NARROW, SIZE, WIDE], ids=["80x24", "120x40", "160x50"])
def test_snapshot_main_at_three_widths(snap_compare, make_app, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=size)


def test_snapshot_search_bar_with_results(snap_compare, make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from newsdesk.tui.screens.search import SearchScreen

    answer = SearchScreen.on_search_screen_results

    def steady(screen, message):  # type: ignore[no-untyped-def]
        if message.result is not None:  # the time taken is the clock's, not the screen's
            message.result = replace(message.result, elapsed_ms=5.0)
        return answer(screen, message)

    monkeypatch.setattr(SearchScreen, "on_search_screen_results", steady)

    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await search_for(pilot.app, pilot, "lopez harbour")
        screen.input.cursor_blink = False  # a blinking cursor is half the time not drawn
        await pilot.pause()

    assert snap_compare(make_app(), run_before=run, terminal_size=SIZE)


def test_snapshot_marks_view_empty(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["M"], terminal_size=SIZE)


def test_snapshot_marks_view_full(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("m", "j", "j", "m")  # two sentences of the open article
        pilot.app.main.open_article("a1")
        await pilot.pause()
        await pilot.press("}", "m", "M")  # Lopez's quote, then the view
        await pilot.pause()

    assert snap_compare(make_app(), run_before=run, terminal_size=SIZE)


def test_snapshot_palette(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        from textual.command import CommandInput, CommandList

        await pilot.press("ctrl+p")
        await pilot.pause()
        field = pilot.app.screen.query_one(CommandInput)
        field.cursor_blink = False  # a blinking cursor is half the time not drawn
        field.value = "lopez"
        commands = pilot.app.screen.query_one(CommandList)
        for _ in range(100):  # the palette searches in the background: wait for its answer
            await pilot.pause(0.05)
            if commands.option_count and not pilot.app.screen.query("LoadingIndicator"):
                break
        await pilot.pause(0.2)

    assert snap_compare(make_app(), run_before=run, terminal_size=SIZE)


def test_snapshot_too_small(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(50, 12))


def test_snapshot_empty_folder(snap_compare, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # the screen names the folder: the same name every run
    Path("empty").mkdir()
    app = NewsdeskApp([Path("empty")], Settings.from_env())

    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, run_before=run, terminal_size=SIZE)


def test_snapshot_missing_folder(snap_compare, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    app = NewsdeskApp([Path("no-such-folder")], Settings.from_env())

    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, run_before=run, terminal_size=SIZE)


def test_snapshot_indexing_in_progress(snap_compare, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A cold folder mid-way: the panes are up and the wait says what it is doing."""
    from newsdesk.core.events import LoadingModel
    from newsdesk.tui import messages

    monkeypatch.chdir(tmp_path)
    Path("news").mkdir()
    # The opening worker reports nothing by itself here: the test posts its steps, so the
    # screen is caught at one moment of a long index, the same every run.
    monkeypatch.setattr(NewsdeskApp, "_open_index", lambda self: None)
    monkeypatch.setattr("newsdesk.tui.app.FIRST_SCREEN_WAIT", 0.0)
    app = NewsdeskApp([Path("news")], Settings.from_env())

    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.workers.wait_for_complete()
        main = pilot.app.main
        main.post_message(messages.IndexStep(LoadingModel("en_core_web_sm", 171)))
        await pilot.pause()
        main.post_message(messages.IndexProgress(42, 171))
        await pilot.pause()

    assert snap_compare(app, run_before=run, terminal_size=SIZE)
