"""Snapshots of the explorer on the hand-built corpus (accept changes with --snapshot-update)."""

from __future__ import annotations


def test_snapshot_main_screen(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40))


def test_snapshot_actor_selected(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["l", "enter", "n"], terminal_size=(120, 40))


def test_snapshot_position_opened(snap_compare, make_app, tui_corpus) -> None:
    quote = next(q for q in tui_corpus.quotes if q.id == "q1")

    async def open_position(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.main.choose_position(quote)
        await pilot.pause()

    assert snap_compare(make_app(), run_before=open_position, terminal_size=(120, 40))


def test_snapshot_help_screen(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(120, 40))


def test_snapshot_narrow_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["j"], terminal_size=(80, 24))


def test_snapshot_narrow_sidebar_shown(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["s", "3"], terminal_size=(80, 24))


def test_snapshot_resized_120x40_to_80x24(snap_compare, make_app) -> None:
    async def shrink(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.resize_terminal(80, 24)
        await pilot.press("j")

    assert snap_compare(make_app(), run_before=shrink, terminal_size=(120, 40))


def test_snapshot_resized_from_too_small_to_120x40(snap_compare, make_app) -> None:
    async def grow(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()

    assert snap_compare(make_app(), run_before=grow, terminal_size=(60, 12))
