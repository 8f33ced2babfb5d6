"""Pilot tests for corrections in the explorer: keys on the actors pane, the palette commands,
the dialog's picker, `u` undoing marks and corrections in one history, the small mark and the
status line's "was ..."."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from pilot_waits import palette_hits

from newsdesk.core.corrections import with_corrections
from newsdesk.core.models import Article, Corpus, Mention
from newsdesk.core.settings import Settings
from newsdesk.core.store.library import MemoryLibrary
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.correct import CorrectionDialog

SIZE = (120, 40)


def corrected_app(corpus: Corpus) -> NewsdeskApp:
    settings = Settings.from_env()
    library = with_corrections(MemoryLibrary(corpus), [Path("unused")], settings)
    return NewsdeskApp([Path("unused")], settings, library=library)


def notes(app: NewsdeskApp) -> list[str]:
    return [n.message for n in app._notifications]


def tree_labels(app: NewsdeskApp) -> list[str]:
    return [str(node.label) for node in app.main.actor_tree.actor_nodes.values()]


async def _focus_actor(app: NewsdeskApp, pilot, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("3")
    await pilot.pause()
    tree = app.main.actor_tree
    tree.move_cursor(tree.actor_nodes[actor_id])
    await pilot.pause()


async def test_corrections_tui_rename_from_the_sidebar_key(tui_corpus) -> None:
    app = corrected_app(tui_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _focus_actor(app, pilot, "person:maria-lopez")
        assert "Rename" in str(app.main.query_one("KeyFooter").render())  # shown in the footer
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, CorrectionDialog)
        await pilot.press("ctrl+u", *"María López", "tab", *"accents", "enter")
        await pilot.pause()
        main = app.main
        assert main.actor_summaries["person:maria-lopez"].name == "María López"
        assert any(label.startswith("María López") and label.endswith("•")
                   for label in tree_labels(app))
        assert any("rename Maria Lopez to María López" in n for n in notes(app))
        [record] = app.library.desk.store.all()  # type: ignore[union-attr]
        assert record.note == "accents"
        # the status line says what it was
        await pilot.press("2")
        main.text.move_cursor_to(main.text.detail.article.text.index("Maria Lopez"))
        await pilot.pause()
        assert any("was Maria Lopez" in part for part in main.status.parts)
        # u undoes it
        await pilot.press("u")
        await pilot.pause()
        assert main.actor_summaries["person:maria-lopez"].name == "Maria Lopez"


async def test_corrections_tui_merge_picks_the_target_with_the_matcher(tui_corpus) -> None:
    app = corrected_app(tui_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _focus_actor(app, pilot, "organization:green-watch")
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)
        await pilot.press(*"lopes")  # a typo: the matcher still finds Lopez
        await pilot.pause()
        assert [row.key for row in dialog.rows] == ["person:maria-lopez"]
        await pilot.press("enter")
        await pilot.pause()
        main = app.main
        assert "organization:green-watch" not in main.actor_summaries
        assert main.actor_summaries["person:maria-lopez"].mention_count == 6
        assert all(aid != "organization:green-watch" for aid in main.text.detail.actor_of.values())


async def test_corrections_tui_u_undoes_marks_and_corrections_in_one_history(tui_corpus) -> None:
    app = corrected_app(tui_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")  # a mark
        await pilot.pause()
        await _focus_actor(app, pilot, "organization:green-watch")
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.about.startswith("Green Watch is an organization;")  # type: ignore[attr-defined]
        await pilot.press(*"gro", "enter")  # a correction
        await pilot.pause()
        main = app.main
        assert main.actor_summaries["organization:green-watch"].type == "group"
        assert len(app.marks.store.marks()) == 1  # type: ignore[union-attr]
        await pilot.press("u")  # the correction first
        await pilot.pause()
        assert main.actor_summaries["organization:green-watch"].type == "organization"
        assert len(app.marks.store.marks()) == 1  # type: ignore[union-attr]
        await pilot.press("u")  # then the mark
        await pilot.pause()
        assert app.marks.store.marks() == []  # type: ignore[union-attr]
        await pilot.press("U")  # redo brings the correction back
        await pilot.pause()
        assert main.actor_summaries["organization:green-watch"].type == "group"


async def test_corrections_tui_u_after_a_restart_says_where_older_ones_are_undone(
    tui_corpus,
) -> None:
    first = corrected_app(tui_corpus)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("u")  # nothing corrected yet: nothing to say about older ones
        await pilot.pause()
        assert notes(first)[-1] == "Nothing to undo."
        await _focus_actor(first, pilot, "organization:green-watch")
        await pilot.press("t")
        await pilot.pause()
        dialog = first.screen
        assert isinstance(dialog, CorrectionDialog)
        assert dialog.about == "Green Watch is an organization; it is…"
        await pilot.press(*"gro", "enter")
        await pilot.pause()
    second = corrected_app(tui_corpus)  # a new session over the same data directory
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert second.main.actor_summaries["organization:green-watch"].type == "group"
        await pilot.press("u")
        await pilot.pause()
        said = notes(second)[-1]
        assert said.startswith("Nothing to undo in this session")
        assert "newsdesk corrections undo" in said
        assert second.main.actor_summaries["organization:green-watch"].type == "group"


async def test_corrections_tui_corrections_from_elsewhere_show_up(tui_corpus) -> None:
    app = corrected_app(tui_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.main
        app.corrections.poll()  # nothing new: nothing redrawn
        assert main.actor_summaries["organization:green-watch"].type == "organization"
        # another process (the CLI) corrects the same corpus in the same data directory
        settings = Settings.from_env()
        elsewhere = with_corrections(MemoryLibrary(tui_corpus), [Path("unused")], settings)
        desk = elsewhere.desk  # type: ignore[attr-defined]
        record = desk.set_type("organization:green-watch", "group")
        app.corrections.poll()  # what the two-second timer calls
        await pilot.pause()
        assert main.actor_summaries["organization:green-watch"].type == "group"
        assert any(label.endswith("•") for label in tree_labels(app))
        desk.undo(record.id)
        app.corrections.poll()
        await pilot.pause()
        assert main.actor_summaries["organization:green-watch"].type == "organization"
        desk.store.close()


async def test_corrections_tui_palette_not_a_quote_and_change_speaker(tui_corpus) -> None:
    app = corrected_app(tui_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.main
        await pilot.press("2")
        quote = main.text.detail.quotes[0]
        main.text.move_cursor_to(quote.start)
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"not a quote")
        await palette_hits(pilot, None, "Not a quote")
        await pilot.press("enter")
        await pilot.pause()
        assert quote.id not in [q.id for q in main.text.detail.quotes]
        assert main.summaries[quote.article].quote_count == 0
        await pilot.press("u")
        await pilot.pause()
        assert quote.id in [q.id for q in main.text.detail.quotes]
        main.text.move_cursor_to(quote.start)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"a harbour official", "tab", "tab", "enter")
        await pilot.pause()
        changed = next(q for q in main.text.detail.quotes if q.id == quote.id)
        assert changed.speaker == "a harbour official" and changed.actor is None
        assert app.main.actor_tree.corrected(quote.id)


def _with_a_busier_place(corpus: Corpus) -> Corpus:
    """The corpus plus an article naming Portsmouth three times, so that corpus-wide counts
    rank it above Green Watch, the other actor of the ferry article."""
    text = "Portsmouth grew. Portsmouth voted. Portsmouth won."
    article = Article("a4", "a4.txt", "Portsmouth votes", "2021-05-01", "Coast Herald", None,
                      text, ((0, len(text)),), "h-a4")
    mentions = tuple(Mention("a4", m.start(), m.end(), "Portsmouth", "GPE", "Portsmouth")
                     for m in re.finditer("Portsmouth", text))
    actors = tuple(replace(a, mentions=a.mentions + mentions) if a.id == "place:portsmouth"
                   else a for a in corpus.actors)
    return replace(corpus, articles=(*corpus.articles, article), actors=actors,
                   sentences={**corpus.sentences, "a4": ((0, 16), (17, 34), (35, len(text)))})


async def test_corrections_tui_speaker_picker_offers_the_articles_actors_first(
        tui_corpus) -> None:
    app = corrected_app(_with_a_busier_place(tui_corpus))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.main
        main.open_article("a2")
        await pilot.pause()
        await pilot.press("2")
        quote = main.text.detail.quotes[0]
        main.text.move_cursor_to(quote.start)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)
        assert [row.key for row in dialog.rows] == ["organization:green-watch",
                                                    "place:portsmouth"]
        assert dialog.rows[0].label == "Green Watch · organization · 2 mentions (1 here)"
        assert dialog.rows[1].label == "Portsmouth · place · 4 mentions"
        await pilot.press(*"ports")  # typed: still the matches, the article's first
        await pilot.pause()
        assert [row.key for row in dialog.rows] == ["place:portsmouth"]


async def test_corrections_tui_add_quote_from_a_selection(tui_corpus) -> None:
    app = corrected_app(tui_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.main
        await pilot.press("2")
        text = main.text.detail.article.text
        main.text.move_cursor_to(text.index("Ferry workers"))
        await pilot.pause()
        before = len(main.text.detail.quotes)
        await pilot.press("A")
        await pilot.pause()
        await pilot.press(*"maria", "enter")
        await pilot.pause()
        quotes = main.text.detail.quotes
        assert len(quotes) == before + 1
        added = next(q for q in quotes if q.text.startswith("Ferry workers"))
        assert added.actor == "person:maria-lopez"


async def test_corrections_tui_hide_and_unhide_from_the_palette(tui_corpus) -> None:
    app = corrected_app(tui_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _focus_actor(app, pilot, "organization:green-watch")
        app.corrections.start("hide")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "organization:green-watch" not in app.main.actor_summaries
        assert app.corrections.available("unhide")
        app.corrections.start("unhide")
        await pilot.pause()
        await pilot.press(*"green", "enter")
        await pilot.pause()
        assert "organization:green-watch" in app.main.actor_summaries
