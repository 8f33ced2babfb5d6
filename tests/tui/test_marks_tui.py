"""Pilot tests for marks in the explorer: `m`, `u`, `M` (open, note, delete), `y`, the sidebar,
highlights, counts, another process writing, and marks surviving a restart and a re-index."""

from __future__ import annotations

from pathlib import Path

from pilot_waits import run_palette

from newsdesk.core.marks.mark_store import Mark, MarkStore
from newsdesk.core.models import Corpus
from newsdesk.core.settings import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.highlight import HSpan
from newsdesk.tui.screens.main import MainScreen
from newsdesk.tui.screens.marks import MarksScreen, NoteDialog

SIZE = (120, 40)

# a2 (opened first, newest): "Ferry workers returned on Monday. Maria Lopez welcomed the deal." ...
FIRST_SENTENCE = (0, len("Ferry workers returned on Monday."))


def saved_marks() -> list[Mark]:
    """What is in the marks database, read by a connection of our own (as another process)."""
    with MarkStore.open(Settings.from_env()) as store:
        return store.marks()


def mark_layer(main: MainScreen) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in main.text.highlight_layers.get("mark", [])]


def notes(app: NewsdeskApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_marks_m_marks_sentence_highlights_and_counts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.main
        assert main.text.article_id == "a2"
        await pilot.press("m")
        await pilot.pause()
        [mark] = saved_marks()
        assert (mark.article, mark.start, mark.end, mark.kind) == ("a2", *FIRST_SENTENCE,
                                                                   "sentence")
        assert mark.text == "Ferry workers returned on Monday."
        assert main.text.highlight_layers["mark"] == [HSpan(*FIRST_SENTENCE, "mark")]
        assert main.articles.counts["marked"] == {"a2": 1}
        row = next(r for r in main.articles.rows if r.id == "a2")
        assert "1 marked" in main.articles._meta(row)
        assert any("Marked sentence" in n for n in notes(app))
        assert "✎ marked" in main.status.parts[0]
        # The mark stays drawn when the cursor moves off it, and on reopening the article.
        await pilot.press("j", "1", "j", "enter")
        await pilot.pause()
        assert main.text.article_id == "a1"
        assert mark_layer(main) == []
        await pilot.press("1", "k", "enter")  # Enter left the reader in the text
        await pilot.pause()
        assert main.text.article_id == "a2"
        assert mark_layer(main) == [FIRST_SENTENCE]


async def test_marks_m_again_unmarks_and_u_undoes_both_ways(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("m")
        await pilot.pause()
        assert len(saved_marks()) == 1
        await pilot.press("m")  # on the marked passage: unmark
        await pilot.pause()
        assert saved_marks() == []
        assert "marked" not in main.status.parts[0]
        assert mark_layer(main) == []
        assert main.articles.counts["marked"] == {}
        await pilot.press("u")  # undo the unmark: the same mark comes back
        await pilot.pause()
        [restored] = saved_marks()
        assert (restored.start, restored.end) == FIRST_SENTENCE
        assert mark_layer(main) == [FIRST_SENTENCE]
        await pilot.press("u")  # undo the first mark
        await pilot.pause()
        assert saved_marks() == []
        assert mark_layer(main) == []
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo." in notes(app)


async def test_marks_m_on_a_quote_marks_the_quote_with_its_speaker(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.open_article("a1")
        await pilot.pause()
        await pilot.press("}")  # second paragraph: the sentence holding Lopez's quote
        await pilot.press("m")
        await pilot.pause()
        [mark] = saved_marks()
        assert mark.kind == "quote"
        assert mark.text == "We will rebuild the harbour,"
        assert mark.speaker == "Lopez" and mark.actor == "person:maria-lopez"


async def test_marks_shift_selection_is_marked_as_one_passage(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("shift+down", "m")
        await pilot.pause()
        [mark] = saved_marks()
        assert (mark.start, mark.end) == (0, main.text.sentences[1][1])
        assert mark.kind == "selection"


async def test_marks_m_in_sidebar_marks_a_position(make_app, tui_corpus: Corpus) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        q1 = next(q for q in tui_corpus.quotes if q.id == "q1")  # in a1, while a2 is open
        await pilot.press("a", "3")  # corpus scope, focus the tree
        await pilot.pause()
        assert main.actor_tree.reveal("person:maria-lopez", q1)
        await pilot.pause()
        assert app.focused is main.actor_tree
        await pilot.press("m")
        await pilot.pause()
        [mark] = saved_marks()
        assert (mark.article, mark.kind, mark.quote) == ("a1", "position", "q1")
        assert main.articles.counts["marked"] == {"a1": 1}
        await pilot.press("m")  # again: unmarked
        await pilot.pause()
        assert saved_marks() == []


async def test_marks_view_lists_notes_opens_and_deletes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("m")  # a2, first sentence
        main.open_article("a1")
        await pilot.pause()
        await pilot.press("}", "m")  # a1, Lopez's quote
        await pilot.pause()
        await pilot.press("M")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, MarksScreen)
        assert [m.article for m in view.marks] == ["a2", "a1"]  # article-list order
        assert view.query_one("#marks-pane").border_title == "Marks · 2"
        # Note on the highlighted (first) mark.
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one("#note-input").value = "lead for [b]Monday[/b]"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is view
        assert saved_marks()[1].note == "lead for [b]Monday[/b]"  # a2 sorts after a1 by id
        assert view.marks[0].note == "lead for [b]Monday[/b]"
        # Delete the second, undo, and open it: the view closes on the quote.
        await pilot.press("j", "d")
        await pilot.pause()
        assert [m.article for m in view.marks] == ["a2"]
        assert len(saved_marks()) == 1
        await pilot.press("u")
        await pilot.pause()
        assert [m.article for m in view.marks] == ["a2", "a1"]
        main.open_article("a2")  # go elsewhere first, so opening is a real jump
        await pilot.pause()
        assert app.screen is view
        view.highlight(1)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main
        quote = view.marks[1]
        assert main.text.article_id == "a1"
        assert main.text.sentences[main.text.cursor][0] <= quote.start
        assert main.text.highlight_layers["target"] == [HSpan(quote.start, quote.end, "target")]
        assert (quote.start, quote.end) in mark_layer(main)  # marks stay drawn under it
        await pilot.press("left_square_bracket")  # back along the jump
        await pilot.pause()
        assert main.text.article_id == "a2"


async def test_marks_view_escape_closes_and_empty_view_explains(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, MarksScreen)
        assert view.marks == []
        assert view.query_one("#marks-empty").display
        await pilot.press("enter", "d", "n")  # nothing to act on: no crash
        await pilot.pause()
        assert app.screen is view
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_marks_y_copies_markdown_of_the_passage_or_mark(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.open_article("a1")
        await pilot.pause()
        await pilot.press("y")  # nothing marked: the cursor sentence
        await pilot.pause()
        copied = app.clipboard
        assert copied.startswith("> Maria Lopez opened the meeting in Portsmouth.")
        assert "Harbour plan approved, paragraph 1" in copied
        assert "(<https://example.org/harbour>)" in copied
        await pilot.press("}", "m")  # mark the quote, note it from the marks view
        await pilot.pause()
        [mark] = saved_marks()
        app.marks.set_note(mark, "use in para 2")
        await pilot.press("y")
        await pilot.pause()
        copied = app.clipboard
        assert copied.startswith("> We will rebuild the harbour,")
        assert "> — **Maria Lopez**, council leader (direct)" in copied
        assert "**Note:** use in para 2" in copied
        assert "paragraph 2" in copied


async def test_marks_hostile_text_and_notes_stay_plain(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.open_article("a3")  # title and text full of markup
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        [mark] = saved_marks()
        app.marks.set_note(mark, "[@click=app.quit]quit[/]")
        await pilot.press("M")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, MarksScreen)
        prompt = view.option_list.get_option_at_index(0).prompt
        assert "[@click=app.quit]" in str(prompt)
        assert "[red]tag[/red]" in str(prompt)
        await pilot.click("#marks-list")
        await pilot.pause()
        assert app.is_running


async def test_marks_from_another_process_show_up(make_app, tui_corpus: Corpus) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        a2 = next(a for a in tui_corpus.articles if a.id == "a2")
        with MarkStore.open(Settings.from_env()) as other:
            other.add(a2, *FIRST_SENTENCE, "sentence")
        app.marks.poll()  # the 2 s timer's work, without the wait
        await pilot.pause()
        assert mark_layer(main) == [FIRST_SENTENCE]
        assert main.articles.counts["marked"] == {"a2": 1}


async def test_marks_survive_a_restart(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert mark_layer(again.main) == [FIRST_SENTENCE]
        assert again.main.articles.counts["marked"] == {"a2": 1}
        await pilot.press("m")  # and can be unmarked in the new session
        await pilot.pause()
        assert saved_marks() == []


ARTICLE = """Dam inspectors warn of cracks

Voice of the Valley

March 3, 2022

Engineers said on Friday that the old dam needs repairs. The wall was inspected.

The board will meet in Lisbon next week. Repairs could start in May.
"""


async def reanchored(app: NewsdeskApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the index is open and the marks are re-anchored to it. The re-anchoring
    worker starts only once the library has been painted (`on_library_loaded`), so waiting for
    the workers running when the index opens, and one pause, could miss it on a busy machine
    (Pilot's pause ends early when the process gets no CPU)."""
    await app.workers.wait_for_complete()  # opening the index
    for _ in range(250):  # ~5 s of app time
        if app.library is not None and app.marks.library is app.library:
            break
        await pilot.pause(0.02)
    assert app.marks.library is app.library, "marks never followed the library"
    await app.workers.wait_for_complete()  # re-anchoring (it reports back before it ends)
    await pilot.pause()


async def test_marks_survive_a_reindex_of_a_changed_article(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    path = folder / "dam.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = NewsdeskApp([folder], Settings.from_env())
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        main = app.main
        text = main.text.detail.article.text
        main.text.move_cursor_to(text.index("The board will meet"))
        await pilot.press("m")
        await pilot.pause()
        [mark] = saved_marks()
        assert mark.text == "The board will meet in Lisbon next week."
    # The article gains a paragraph before the marked one; re-indexed, the mark moves with it.
    path.write_text(ARTICLE.replace("Engineers said", "A new first paragraph.\n\nEngineers said"),
                    encoding="utf-8")
    again = NewsdeskApp([folder], Settings.from_env(), reindex=True)
    async with again.run_test(size=SIZE) as pilot:
        await reanchored(again, pilot)
        [moved] = saved_marks()
        text = again.main.text.detail.article.text
        assert text[moved.start:moved.end] == "The board will meet in Lisbon next week."
        assert moved.start > mark.start and not moved.detached
        assert mark_layer(again.main) == [(moved.start, moved.end)]
        assert again.main.articles.counts["marked"] == {moved.article: 1}


async def test_marks_whose_text_is_gone_are_kept_as_detached(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    path = folder / "dam.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = NewsdeskApp([folder], Settings.from_env())
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = app.main.text.detail.article.text
        app.main.text.move_cursor_to(text.index("Repairs could start"))
        await pilot.press("m")
        await pilot.pause()
    path.write_text(ARTICLE.replace("Repairs could start in May.", "Work is delayed."),
                    encoding="utf-8")
    again = NewsdeskApp([folder], Settings.from_env())
    async with again.run_test(size=SIZE) as pilot:
        await reanchored(again, pilot)
        [kept] = saved_marks()
        assert kept.detached and kept.text == "Repairs could start in May."
        assert any("1 mark no longer found" in n for n in notes(again))
        assert mark_layer(again.main) == []  # no place in the text to draw it
        # The list does not count it as marked (nothing is marked in the text), but says
        # there is a detached mark on that article (M lists it).
        [row] = again.main.articles.rows
        meta = again.main.articles._meta(row)
        assert "1 detached" in meta and "marked" not in meta, meta
        assert again.main.articles.counts["marked"] == {}
        await pilot.press("M")
        await pilot.pause()
        view = again.screen
        assert isinstance(view, MarksScreen)
        assert [m.detached for m in view.marks] == [True]
        assert view.query_one("#marks-pane").border_subtitle == "1 detached"
        assert "detached" in str(view.option_list.get_option_at_index(0).prompt)
        await pilot.press("enter")  # cannot open: says why, stays
        await pilot.pause()
        assert again.screen is view
        assert any("detached" in n for n in notes(again))
        await pilot.press("y")  # still exportable and copyable, cited as changed
        await pilot.pause()
        assert again.clipboard.startswith("> Repairs could start in May.")
        assert "paragraph unknown" in again.clipboard


async def test_marks_damaged_database_is_moved_aside_and_reported(make_app) -> None:
    data = Settings.from_env().data_dir
    data.mkdir(parents=True, exist_ok=True)
    (data / "marks.sqlite").write_bytes(b"this is not a database" * 100)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("moved to" in w and "marks.sqlite.corrupt-" in w for w in warnings)
        await pilot.press("m")  # a new, empty database works
        await pilot.pause()
        assert len(saved_marks()) == 1
    assert any(p.name.startswith("marks.sqlite.corrupt-") for p in data.iterdir())


async def test_marks_unusable_data_dir_turns_marks_off_not_the_app(make_app, tmp_path: Path,
                                                                  monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(blocker / "data"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and "marks are off" in errors[0]
        await pilot.press("m", "M", "e", "y", "u")  # each explains instead of failing
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert app.main.text.article_id == "a2"


async def test_marks_palette_runs_marks_commands(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_palette(pilot, "Marks: Mark or unmark")
        assert [(m.article, m.kind) for m in saved_marks()] == [("a2", "sentence")]
        await run_palette(pilot, "Marks: List your marks")
        assert isinstance(app.screen, MarksScreen)
