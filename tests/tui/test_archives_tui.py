"""The explorer on a folder of dumps and saved pages: rows listed, metadata shown, bad rows told."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from newsdesk.core.settings import Settings
from newsdesk.tui.app import NewsdeskApp

PAGES = Path(__file__).parent.parent / "data" / "pages"


async def test_archives_tui_lists_rows_with_source_author_and_tells_bad_rows(
    tmp_path: Path, session_pipeline, monkeypatch
) -> None:
    # The first screen waits for the index, however slow the machine: which article a late
    # library leaves open (the first one indexed) is test_app_loading's subject, not this one's.
    monkeypatch.setattr("newsdesk.tui.app.FIRST_SCREEN_WAIT", 60.0)
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(PAGES / "alexei-leonov.html", folder)
    rows = [
        {
            "id": "p1",
            "title": "Port strike ends [@click=app.quit]",
            "text": "Dock workers returned.",
            "author": "Sam \x1b[31mPark",
            "source": "Harbour Post",
            "date": "2030-05-02",
            "url": "https://harbour.example/p1",
        },
    ]
    (folder / "wire.jsonl").write_text(json.dumps(rows[0]) + "\n{oops\n", encoding="utf-8")
    app = NewsdeskApp([folder], Settings.from_env())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        main = app.main
        assert main.articles.order == ["wire#p1", "alexei-leonov"]  # newest first
        notes = [n.message for n in app._notifications]
        assert any("1 files or dump rows skipped" in note for note in notes), notes
        assert main.articles.opened == "wire#p1"
        meta = main.articles._meta(main.articles.rows[0])
        assert "Harbour Post" in meta and "by Sam Park" in meta
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        screen = "\n".join(lines)
        assert "Port strike ends [@click=app.quit]" in screen
        assert "Harbour Post · by Sam Park · 2030-05-02" in screen
        assert "https://harbour.example/p1" in screen
