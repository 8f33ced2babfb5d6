"""The explorer opening real folders: worker, progress, errors as messages, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

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


async def test_app_opens_real_files_in_a_worker_with_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cold: the steps are said, each article is listed and readable before the merge, and
    the merged library then takes over. Waits on messages and workers only (no timing)."""
    import newsdesk.tui.app
    from newsdesk.core.events import LoadingModel, Scanned, Scanning

    # The first screen never waits for the index here: with the model already in memory two
    # small articles may be indexed within that wait, and the steps would not be seen.
    monkeypatch.setattr(newsdesk.tui.app, "FIRST_SCREEN_WAIT", 0.0)

    folder = write_articles(tmp_path / "news")
    seen: list[object] = []
    before_library: dict[str, object] = {}
    app = NewsdeskApp([folder], Settings.from_env())

    def hook(message: object) -> None:
        seen.append(message)
        main = app.main
        if isinstance(message, messages.LibraryLoaded) and not before_library:
            # dispatched after every ArticleIndexed (same queue, posted earlier)
            before_library.update(
                library=main.library, indexed=sorted(main.summaries),
                shown=main.text.detail, progress=main.query_one("#progress").has_class("-done"),
            )

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        assert app.main.query_one("#articles").display
        await app.workers.wait_for_complete()
        await pilot.pause()
        main = app.main
        assert app.library is not None
        assert sorted(main.articles.order) == sorted(a.id for a in app.library.articles())
        assert main.text.detail is not None
        # the text shows the highlighted article, which the re-sorted list keeps
        assert main.text.detail.article.id == main.articles.highlighted_id
        assert main.text.detail.article.title in {"Dam inspectors warn of cracks",
                                                  "Board approves dam repairs"}
        assert main.text.detail.actor_of  # the merged library's version, with actors
        assert main.query_one("#progress").has_class("-done")
        assert main.text.sentences  # offsets from core
        order = sorted(main.articles.order)

    steps = [m.event for m in seen if isinstance(m, messages.IndexStep)]
    kinds = [type(e) for e in steps]
    # a flood of steps may collapse (can_replace), but loading the model is never the first
    assert kinds and kinds[0] in (Scanning, Scanned, LoadingModel)
    assert any(isinstance(e, LoadingModel) for e in steps) or any(
        isinstance(e, Scanned) and e.files == 2 for e in steps)
    indexed = list({id(m): m for m in seen if isinstance(m, messages.ArticleIndexed)}.values())
    assert sorted(m.summary.id for m in indexed) == order
    assert before_library["library"] is None  # the rows and an article came first
    assert before_library["indexed"] == order
    shown = before_library["shown"]
    assert shown is not None and shown.article.id == indexed[0].summary.id
    assert shown.actor_of == {}  # drawn by entity label until the actors are merged
    assert before_library["progress"] is False
    progress = [m for m in seen if isinstance(m, messages.IndexProgress)]
    assert progress and progress[-1].done == progress[-1].total == 2


async def test_app_says_what_the_wait_is_for(make_app) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.core.events import Indexed, Linking, LoadingModel, Scanned, Scanning
    from newsdesk.tui.widgets.index_progress import IndexProgress, describe_step

    assert describe_step(Scanning()) == "Looking for articles…"
    assert describe_step(Scanned(171)) == "Scanning 171 files…"
    assert "language model" in describe_step(LoadingModel("en_core_web_sm", 3))
    assert describe_step(Linking(2)) == "Linking actors across 2 articles…"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        progress = app.main.query_one(IndexProgress)
        progress.remove_class("-done")
        progress.show_step(LoadingModel("[bold]model[/]", 5))  # a name is data, not markup
        await pilot.pause()
        label = str(progress.query_one("#progress-label").render())
        assert "[bold]model[/]" in label and "5 new articles" in label
        analysis = app.library.article("a1")  # type: ignore[union-attr]
        from newsdesk.core.models import ArticleAnalysis

        record = ArticleAnalysis(analysis.article, analysis.mentions, analysis.quotes,
                                 analysis.sentences)
        progress.show_step(Indexed(3, 171, record))
        await pilot.pause()
        assert str(progress.query_one("#progress-label").render()) == "Indexing 3 of 171 articles"


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


async def test_app_warm_start_shows_the_stored_library_then_keeps_or_replaces_it(
    tmp_path: Path, nlp
) -> None:  # type: ignore[no-untyped-def]
    """A warm start paints the store as last saved before the folder is walked; the check that
    follows keeps that library when nothing changed, and replaces it when a file did."""
    import os
    import time

    from newsdesk.core.store.index_store import open_library

    folder = write_articles(tmp_path / "news")
    for path in folder.glob("*.txt"):
        os.utime(path, (time.time() - 120, time.time() - 120))
    settings = Settings.from_env()
    first = open_library([folder], settings, nlp=nlp).library

    async def start() -> tuple[list[object], NewsdeskApp]:
        loaded: list[object] = []
        app = NewsdeskApp([folder], settings)

        def hook(message: object) -> None:
            if isinstance(message, messages.LibraryLoaded):
                loaded.append((message.library, app.main.library))

        async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            loaded.append(app.main.library)
            assert app.main.text.detail is not None
        return loaded, app

    async def start_once() -> tuple[tuple[object, object], object]:
        loaded, _app = await start()
        *messages_seen, final = loaded
        # one LibraryLoaded (seen by the screen, then bubbled to the app)
        assert messages_seen and {id(m[0]) for m in messages_seen} == {id(messages_seen[0][0])}  # type: ignore[index]
        return messages_seen[0], final  # type: ignore[return-value]

    (library, shown_before), final = await start_once()
    assert shown_before is library  # the stored library was on screen before the check ended
    assert library.revision == first.revision and final is library

    victim = folder / "dam-two.txt"
    victim.write_text(ARTICLE_TWO + "\nAna Ruiz said the work starts in May.\n", encoding="utf-8")
    os.utime(victim, (time.time() - 60, time.time() - 60))
    import newsdesk.core.store.index_store as index_store

    real = index_store.open_library

    def with_model(*args, **kwargs):  # type: ignore[no-untyped-def]
        return real(*args, **{**kwargs, "nlp": nlp})

    index_store.open_library = with_model  # type: ignore[assignment]
    try:
        (library, shown_before), final = await start_once()
    finally:
        index_store.open_library = real  # type: ignore[assignment]
    assert shown_before is not None and shown_before is not library
    assert shown_before.revision == first.revision != library.revision
    assert final is library
    assert "starts in May" in library.article("dam-two").article.text  # type: ignore[attr-defined]
