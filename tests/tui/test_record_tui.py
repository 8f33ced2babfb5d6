"""The actor record (`v`): opens for the right actor, lists positions and relations, jumps."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import OptionList

from newsdesk.core.models import Corpus, Quote
from newsdesk.tui.screens.main import MainScreen
from newsdesk.tui.screens.record import RecordScreen

SIZE = (120, 40)


def with_relations(corpus: Corpus) -> Corpus:
    """The hand-built corpus plus a position naming another actor, and Green Watch's one stance."""
    a1, a2 = corpus.articles[0], corpus.articles[1]
    start = a2.text.index("Green Watch stayed silent")
    lopez = Quote(
        "q3", "a2", "Green Watch stayed silent", start, start + 25, "indirect", "said", None, None,
        "Lopez", None, None, "Maria Lopez", "person:maria-lopez",
    )
    s = a1.text.index("disagreed")
    green = Quote(
        "q4", "a1", "disagreed", s, s + 9, "stance", "disagreed", s, s + 9, "Green Watch",
        None, None, "Green Watch", "organization:green-watch",
    )
    return replace(corpus, quotes=(*corpus.quotes, lopez, green))


@pytest.fixture
def record_app(make_app, tui_corpus):  # type: ignore[no-untyped-def]
    return lambda corpus=None: make_app(corpus or with_relations(tui_corpus))


async def choose_lopez(pilot) -> MainScreen:  # type: ignore[no-untyped-def]
    main: MainScreen = pilot.app.main
    main.choose_actor("person:maria-lopez")
    await pilot.pause()
    return main


def listed(screen: RecordScreen, list_id: str) -> list[str]:
    options = screen.query_one(list_id, OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_record_key_without_an_actor_says_why(record_app) -> None:  # type: ignore[no-untyped-def]
    app = record_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "v")
        await pilot.pause()
        assert not isinstance(app.screen, RecordScreen)
        assert any("Choose an actor first" in str(n.message) for n in app._notifications)


async def test_record_opens_for_the_chosen_actor(record_app) -> None:  # type: ignore[no-untyped-def]
    app = record_app()
    async with app.run_test(size=SIZE) as pilot:
        await choose_lopez(pilot)
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RecordScreen)
        assert screen.record.name == "Maria Lopez"
        assert screen.record.granularity == "day"  # 2 March to 10 April: 39 days
        rows = listed(screen, "#record-positions")
        assert rows[0].startswith("2021-03-02") and "We will rebuild the harbour" in rows[0]
        assert len(rows) == 3
        await app.workers.wait_for_complete()
        await pilot.pause()
        relations = listed(screen, "#record-relations")
        assert relations[0].startswith("Green Watch")
        assert any("→ said" in row for row in relations)


async def test_record_enter_on_a_position_opens_it(record_app) -> None:  # type: ignore[no-untyped-def]
    app = record_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await choose_lopez(pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("j", "enter")  # the second position, in a2
        await pilot.pause()
        assert app.screen is main
        assert main.text.article_id == "a2"
        start = main.detail.article.text.index("the town needed")
        assert (start, start + len("the town needed its boats back")) in [
            (s.start, s.end) for s in main.text.highlight_layers["target"]
        ]


async def test_record_enter_on_a_relation_opens_its_evidence(record_app) -> None:  # type: ignore[no-untyped-def]
    app = record_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await choose_lopez(pilot)
        await pilot.press("v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.screen is main
        start = main.detail.article.text.index("Green Watch stayed silent")
        assert main.text.article_id == "a2"
        assert any(s.start == start for s in main.text.highlight_layers["target"])


async def test_record_escape_and_v_close(record_app) -> None:  # type: ignore[no-untyped-def]
    app = record_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await choose_lopez(pilot)
        for close in ("escape", "v"):
            await pilot.press("v")
            await pilot.pause()
            assert isinstance(app.screen, RecordScreen)
            await pilot.press(close)
            await pilot.pause()
            assert app.screen is main


async def test_record_lists_positions_a_page_at_a_time(record_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsdesk.tui.screens.record as record_module

    monkeypatch.setattr(record_module, "FIRST_PAGE", 2)
    monkeypatch.setattr(record_module, "PAGE", 2)
    app = record_app()
    async with app.run_test(size=SIZE) as pilot:
        await choose_lopez(pilot)
        await pilot.press("v")
        await pilot.pause()
        rows = listed(app.screen, "#record-positions")
        assert len(rows) == 3 and rows[-1].startswith("… 1 more")
        await pilot.press("j", "j")  # the cursor reaching "more" brings the next page
        await pilot.pause()
        rows = listed(app.screen, "#record-positions")
        assert len(rows) == 3 and not any(r.startswith("…") for r in rows)
        assert isinstance(app.screen, RecordScreen)
        assert app.screen.query_one("#record-positions", OptionList).highlighted == 2


async def test_sidebar_lists_a_few_positions_then_a_more_row(record_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsdesk.tui.widgets.actor_tree as tree_module

    monkeypatch.setattr(tree_module, "POSITION_LIMIT", 1)
    app = record_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await choose_lopez(pilot)
        node = main.actor_tree.actor_nodes["person:maria-lopez"]
        node.expand()
        await pilot.pause()
        kinds = [child.data.kind for child in node.children if child.data]
        assert kinds.count("position") == 1 and kinds[-1] == "more"
        main.actor_tree.focus()
        main.actor_tree.move_cursor(node.children[-1])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)
        assert app.screen.record.id == "person:maria-lopez"


async def test_record_from_the_actors_pane_row(record_app) -> None:  # type: ignore[no-untyped-def]
    app = record_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("3")
        main.actor_tree.reveal("organization:green-watch")
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)
        assert app.screen.record.name == "Green Watch"
        assert len(app.screen.record.positions) == 1


def test_snapshot_record_dated(snap_compare, record_app) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await choose_lopez(pilot)
        await pilot.press("v")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(record_app(), run_before=run, terminal_size=SIZE)


def test_snapshot_record_undated(snap_compare, record_app, tui_corpus) -> None:  # type: ignore[no-untyped-def]
    corpus = with_relations(tui_corpus)
    undated = replace(corpus, articles=tuple(replace(a, date=None) for a in corpus.articles))

    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await choose_lopez(pilot)
        await pilot.press("v")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(record_app(undated), run_before=run, terminal_size=(80, 24))


def test_snapshot_record_one_position(snap_compare, record_app) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.main.choose_actor("organization:green-watch")
        await pilot.pause()
        await pilot.press("v")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(record_app(), run_before=run, terminal_size=SIZE)


async def test_record_of_an_actor_without_positions_draws_no_position_bars(record_app) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Sparkline

    app = record_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        silent = next(a for a in main.actor_summaries.values() if a.quote_count == 0)
        main.show_record(silent.id)
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)
        assert app.screen.query_one("#record-positions-chart", Sparkline).data == []
        assert app.screen.query_one("#record-mentions", Sparkline).data
