"""Empty panes say why in one line: no marks yet, an article without actors, an index still
running; and the export dialog's chosen option reads without colour."""

from __future__ import annotations

from pathlib import Path

from pilot_waits import sidebar_refilled

from newsdesk.core.settings import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.main import TREE_HINTS
from newsdesk.tui.screens.marks import MarksScreen


def tree_rows(app: NewsdeskApp) -> list[str]:
    tree = app.main.actor_tree
    return [str(node.label) for node in tree.root.children]


async def test_empty_states_marks_view_says_how_to_mark_in_one_line_on_top(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("M")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, MarksScreen) and view.marks == []
        hint = view.query_one("#marks-empty")
        assert "m marks" in str(hint.render())
        assert hint.region.y < view.option_list.region.y  # first thing in the box
        assert hint.region.height == 1 + hint.styles.padding.top + hint.styles.padding.bottom


async def test_empty_states_article_without_actors_says_so(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.main.open_article("a3")  # the test corpus's third article names nobody
        await sidebar_refilled(pilot, "a3")
        assert tree_rows(app) == [TREE_HINTS["article"]]
        tree = app.main.actor_tree
        assert len(TREE_HINTS["article"]) <= tree.scrollable_content_region.width
        await pilot.press("3", "enter", "i")  # a hint row chooses nothing, corrects nothing
        await pilot.pause()
        assert app.main.chosen_actor is None
        app.main.open_article("a1")
        await sidebar_refilled(pilot, "a1")
        assert TREE_HINTS["article"] not in tree_rows(app)


async def test_empty_states_actors_pane_while_indexing_says_they_follow(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.core.events import LoadingModel
    from newsdesk.tui import messages

    monkeypatch.chdir(tmp_path)
    Path("news").mkdir()
    monkeypatch.setattr(NewsdeskApp, "_open_index", lambda self: None)  # a cold index, held
    app = NewsdeskApp([Path("news")], Settings.from_env())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.main
        assert main.library is None and tree_rows(app) == []
        main.post_message(messages.IndexStep(LoadingModel("en_core_web_sm", 171)))
        await pilot.pause()
        assert tree_rows(app) == [TREE_HINTS["indexing"]]


async def test_empty_states_no_promise_of_actors_when_the_folder_has_no_articles(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    Path("empty").mkdir()
    app = NewsdeskApp([Path("empty")], Settings.from_env())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert tree_rows(app) == []  # the text pane says why; "actors follow" would not hold
