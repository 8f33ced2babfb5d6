"""The explorer opening real folders: worker, progress, errors as messages, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from newsdesk.core.settings import Settings
from newsdesk.tui import messages
from newsdesk.tui.app import NewsdeskApp

ARTICLE_ONE = """Dam inspectors warn of cracks

Voice of the Valley

March 3, 2022

Engineers from the Valley Water Board said on Friday that the old dam needs repairs. \
Ana Ruiz, the board's chief engineer, inspected the wall.

"The cracks are getting wider," Ruiz said. The board will meet in Lisbon next week.
"""

ARTICLE_TWO = """Board approves dam repairs

Voice of the Valley

March 10, 2022

The Valley Water Board approved the repairs on Thursday. Ana Ruiz welcomed the vote.
"""


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dam-one.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (folder / "dam-two.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    return folder


async def test_app_opens_real_files_in_a_worker_with_progress(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news")
    seen: list[object] = []
    app = NewsdeskApp([folder], Settings.from_env())
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        assert app.main.text.detail is None  # panes are up before the index is (spaCy loads)
        assert app.main.query_one("#articles").display
        await app.workers.wait_for_complete()
        await pilot.pause()
        main = app.main
        assert app.library is not None
        assert sorted(main.articles.order) == sorted(a.id for a in app.library.articles())
        assert main.text.detail is not None
        assert main.text.detail.article.id == main.articles.order[0]
        assert main.text.detail.article.title in {"Dam inspectors warn of cracks",
                                                  "Board approves dam repairs"}
        assert main.query_one("#progress").has_class("-done")
        assert main.text.sentences  # offsets from core
        assert any(isinstance(m, messages.LibraryLoaded) for m in seen)
        progress = [m for m in seen if isinstance(m, messages.IndexProgress)]
        if progress:  # a warm store may skip indexing
            assert progress[-1].done == progress[-1].total


async def test_app_missing_path_shows_message_not_traceback(tmp_path: Path) -> None:
    app = NewsdeskApp([tmp_path / "nowhere"], Settings.from_env())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        main = app.main
        assert main.text.detail is None
        shown = "".join(line.plain for line in main.text._lines)  # the message wraps
        assert "nowhere" in shown
        assert app.is_running
        notes = list(app._notifications)
        assert notes and notes[0].severity == "error"
        assert main.query_one("#progress").has_class("-done")


async def test_app_start_does_not_import_spacy(tmp_path: Path, make_app) -> None:
    app = make_app()
    had = "spacy" in sys.modules
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.main.text.detail is not None
    if not had:
        assert "spacy" not in sys.modules
