"""Pilot tests: every binding and every link of the explorer, asserted on the app's state."""

from __future__ import annotations

from pilot_waits import run_palette

from newsdesk.core.models import Corpus
from newsdesk.tui.highlight import HSpan, Target
from newsdesk.tui.screens.help import HelpScreen
from newsdesk.tui.screens.main import MainScreen

SIZE = (120, 40)


def spans(main: MainScreen, layer: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in main.text.highlight_layers.get(layer, [])]


def sentence_at_cursor(main: MainScreen) -> tuple[int, int]:
    return main.text.sentences[main.text.cursor]


async def test_app_shows_three_panes_and_the_newest_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.main
        assert main.articles.order == ["a2", "a1", "a3"]  # newest first, undated last
        assert main.text.article_id == "a2"
        assert main.articles.opened == "a2"
        assert set(main.actor_tree.actor_nodes) == {
            "person:maria-lopez", "organization:green-watch"}
        assert app.focused is main.text
        assert main.status.parts[0].startswith("¶ 1/2 · sentence 1/4")


async def test_article_list_enter_opens_and_o_sorts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("1")
        await pilot.pause()
        assert app.focused is main.articles
        await pilot.press("j", "enter")
        await pilot.pause()
        assert main.text.article_id == "a1"
        assert main.articles.opened == "a1"
        assert app.focused is main.text  # Enter opens the article to read it
        await pilot.press("1", "k", "enter")
        await pilot.pause()
        assert main.text.article_id == "a2"
        await pilot.press("1", "G")
        assert main.articles.highlighted_id == "a3"
        await pilot.press("g")
        assert main.articles.highlighted_id == "a2"
        await pilot.press("o")
        assert main.articles.sort_key == "title"
        assert main.articles.order == ["a3", "a2", "a1"]  # "[bold]..." < "Ferry" < "Harbour"
        await pilot.press("o")
        assert main.articles.sort_key == "source"
        assert main.articles.order == ["a3", "a1", "a2"]  # "[@click..." < Coast < Daily
        await pilot.press("o")
        assert main.articles.sort_key == "date"
        assert main.articles.highlighted_id == "a2"  # the highlighted row survives sorting


async def test_text_cursor_moves_by_sentence_paragraph_and_edges(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("1", "j", "enter", "2")  # open a1: 6 sentences in 3 paragraphs
        await pilot.pause()
        text = main.text
        assert text.article_id == "a1" and len(text.sentences) == 6
        await pilot.press("j")
        assert text.cursor == 1
        await pilot.press("down")
        assert text.cursor == 2 and text.paragraph_of(2) == 1
        await pilot.press("k")
        assert text.cursor == 1
        await pilot.press("up")
        assert text.cursor == 0
        await pilot.press("right_curly_bracket")
        assert text.cursor == 2  # first sentence of paragraph 2
        await pilot.press("ctrl+down")
        assert text.cursor == 4
        await pilot.press("left_curly_bracket")
        assert text.cursor == 2
        await pilot.press("ctrl+up")
        assert text.cursor == 0
        await pilot.press("G")
        assert text.cursor == 5
        await pilot.press("g")
        assert text.cursor == 0
        await pilot.press("end")
        assert text.cursor == 5
        await pilot.press("home")
        assert text.cursor == 0
        await pilot.press("pagedown")
        assert text.cursor > 0
        await pilot.press("pageup")
        assert text.cursor == 0
        await pilot.pause()
        assert main.status.parts[0].startswith("¶ 1/3 · sentence 1/6")


async def test_entity_under_cursor_is_selected_in_sidebar(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("l")  # first entity of a2: "Maria Lopez" in sentence 2
        await pilot.pause()
        text = main.text
        assert text.focus_mention is not None and text.focus_mention.text == "Maria Lopez"
        assert text.cursor == 1
        assert main.actor_tree.cursor_actor == "person:maria-lopez"
        assert "Maria Lopez (person)" in main.status.parts
        await pilot.press("right")  # "Lopez" (speaker of the reported quote)
        await pilot.pause()
        assert text.focus_mention.text == "Lopez"
        await pilot.press("l")
        await pilot.pause()
        assert text.focus_mention.text == "Green Watch"
        assert main.actor_tree.cursor_actor == "organization:green-watch"
        await pilot.press("h", "left")
        await pilot.pause()
        assert text.focus_mention.text == "Maria Lopez"


async def test_cursor_on_quote_selects_its_position(make_app, tui_corpus: Corpus) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("j", "j")  # a2 sentence 3: "Lopez said the town needed its boats back."
        await pilot.pause()
        quote = next(q for q in tui_corpus.quotes if q.id == "q2")
        assert main.text.under_cursor()[1] == quote
        node = main.actor_tree.cursor_node
        assert node is not None and node.data is not None
        assert node.data.kind == "position" and node.data.quote == quote
        assert any(p.startswith("❝ Lopez · indirect · said") for p in main.status.parts)


async def test_choosing_actor_highlights_mentions_and_n_walks_across_articles(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("l", "enter")
        await pilot.pause()
        assert main.chosen_actor == "person:maria-lopez"
        a2 = main.text.detail.article.text
        assert [a2[s:e] for s, e in spans(main, "actor")] == ["Maria Lopez", "Lopez"]
        assert main.walk is not None and main.walk.describe() == "Maria Lopez: 1 of 4"
        assert "Maria Lopez: 1 of 4" in main.status.parts
        await pilot.press("n")
        await pilot.pause()
        assert main.walk.describe() == "Maria Lopez: 2 of 4"
        assert main.text.focus_mention.start == 66
        await pilot.press("n")  # next article
        await pilot.pause()
        assert main.text.article_id == "a1"
        assert main.walk.describe() == "Maria Lopez: 3 of 4"
        a1 = main.text.detail.article.text
        assert [a1[s:e] for s, e in spans(main, "actor")] == ["Maria Lopez", "Lopez"]
        assert main.text.cursor == 0
        await pilot.press("n")
        await pilot.pause()
        assert main.walk.describe() == "Maria Lopez: 4 of 4"
        await pilot.press("n")  # wraps around
        await pilot.pause()
        assert main.walk.describe() == "Maria Lopez: 1 of 4" and main.text.article_id == "a2"
        await pilot.press("N")
        await pilot.pause()
        assert main.walk.describe() == "Maria Lopez: 4 of 4" and main.text.article_id == "a1"


async def test_choosing_actor_in_tree_moves_text_to_first_mention(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("1", "j", "enter", "3")  # a1, focus the tree
        await pilot.pause()
        assert app.focused is main.actor_tree
        main.actor_tree.move_cursor(main.actor_tree.actor_nodes["organization:green-watch"])
        await pilot.press("enter")
        await pilot.pause()
        assert main.chosen_actor == "organization:green-watch"
        text = main.text
        assert text.article_id == "a1"
        assert text.focus_mention is not None and text.focus_mention.text == "Green Watch"
        assert text.cursor == 3  # "Critics from Green Watch disagreed."
        assert main.actor_tree.actor_nodes["organization:green-watch"].is_expanded


async def test_choosing_position_opens_article_and_highlights_quote_and_cue(
    make_app, tui_corpus: Corpus
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("3")
        tree = main.actor_tree
        node = tree.actor_nodes["person:maria-lopez"]
        tree.move_cursor(node)
        await pilot.press("space")  # expand: role, aliases, counts, positions
        await pilot.pause()
        labels = [str(c.label) for c in node.children]
        assert "role: council leader" in labels and "aka: Lopez" in labels
        positions = [c for c in node.children if c.data and c.data.kind == "position"]
        assert [c.data.quote.id for c in positions] == ["q1", "q2"]
        tree.move_cursor(positions[0])
        await pilot.press("enter")
        await pilot.pause()
        q1 = next(q for q in tui_corpus.quotes if q.id == "q1")
        assert main.text.article_id == "a1"
        assert spans(main, "target") == [(q1.start, q1.end), (q1.cue_start, q1.cue_end)]
        s, e = sentence_at_cursor(main)
        assert s <= q1.start < e
        line = main.text.line_of(q1.start)
        assert main.text.scroll_y <= line < main.text.scroll_y + main.text.size.height


async def test_back_and_forward_return_along_jumps(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("j")  # a2, sentence 2
        await pilot.press("1", "j", "enter")  # open a1: a jump
        await pilot.pause()
        assert main.text.article_id == "a1"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert main.text.article_id == "a2" and main.text.cursor == 1
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert main.text.article_id == "a1"
        await pilot.press("alt+left")
        await pilot.pause()
        assert main.text.article_id == "a2"
        await pilot.press("alt+right")
        await pilot.pause()
        assert main.text.article_id == "a1"
        assert not main.forward_stack


async def test_scope_toggle_lists_whole_corpus(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        assert main.actor_tree.scope == "article"
        assert "place:portsmouth" not in main.actor_tree.actor_nodes
        await pilot.press("a")
        await pilot.pause()
        assert main.actor_tree.scope == "corpus"
        assert set(main.actor_tree.actor_nodes) == {
            "person:maria-lopez", "organization:green-watch", "place:portsmouth"}
        assert "corpus" in str(main.actor_tree.border_title)
        await pilot.press("a")
        assert main.actor_tree.scope == "article"


async def test_sidebar_toggle_wide_and_narrow(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        sidebar = main.query_one("#sidebar")
        assert main.sidebar_visible and sidebar.display
        await pilot.press("s")
        await pilot.pause()
        assert not main.sidebar_visible and not sidebar.display
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        main = app.main
        sidebar = main.query_one("#sidebar")
        assert main.has_class("-narrow")
        assert not main.sidebar_visible and not sidebar.display
        assert main.text.size.width >= 40
        await pilot.press("s")
        await pilot.pause()
        assert main.sidebar_visible and sidebar.display and sidebar.size.width >= 28
        await pilot.press("3")
        await pilot.pause()
        assert app.focused is main.actor_tree
        await pilot.press("s")
        await pilot.pause()
        assert app.focused is main.text


async def test_focus_keys_and_tab_cycle_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("1")
        await pilot.pause()
        assert app.focused is main.articles
        await pilot.press("tab")
        assert app.focused is main.text
        await pilot.press("tab")
        assert app.focused is main.actor_tree
        await pilot.press("shift+tab")
        assert app.focused is main.text
        await pilot.press("2")
        await pilot.pause()
        assert app.focused is main.text


async def test_help_screen_lists_every_binding(make_app) -> None:
    from newsdesk.tui.bindings import GROUPS

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        from rich.console import Console

        from newsdesk.tui.screens.help import bindings_table

        app.screen.query_one("#help-table")
        console = Console(width=200, record=True)
        console.print(bindings_table())
        shown = console.export_text()
        for _title, bindings in GROUPS:
            for binding in bindings:
                assert binding.tooltip in shown
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_every_binding_has_id_description_and_tooltip() -> None:
    from newsdesk.tui.bindings import GROUPS

    ids = []
    for _title, bindings in GROUPS:
        for binding in bindings:
            assert binding.id and binding.description and binding.tooltip
            ids.append(binding.id)
    assert len(ids) == len(set(ids))
    # search's and marks' keys are bound only by those features' own binding lists
    from newsdesk.tui import bindings as registry

    own = [*registry.APP_BINDINGS, *registry.MAIN_BINDINGS, *registry.ARTICLE_LIST_BINDINGS,
           *registry.TEXT_BINDINGS, *registry.ACTOR_TREE_BINDINGS]
    reserved = {"slash", "m", "u", "M", "e", "y"}
    for binding in own:
        taken = {k.strip() for k in binding.key.split(",")} & reserved
        assert not taken or binding.id == "search", binding


async def test_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_escape_clears_the_chosen_actor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("l", "enter")
        await pilot.pause()
        assert main.chosen_actor and spans(main, "actor")
        await pilot.press("escape")
        await pilot.pause()
        assert main.chosen_actor is None and main.walk is None and not spans(main, "actor")


async def test_enter_on_a_quote_sentence_opens_the_position(make_app, tui_corpus: Corpus) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("1", "j", "enter", "2", "right_curly_bracket", "enter")
        await pilot.pause()
        q1 = next(q for q in tui_corpus.quotes if q.id == "q1")
        assert spans(main, "target")[0] == (q1.start, q1.end)
        assert main.text.cursor_target() == Target("a1", q1.start, q1.end, "Lopez")


async def test_shift_arrows_extend_the_selection(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("shift+down", "shift+down")
        await pilot.pause()
        text = main.text
        assert text.select_anchor == 0 and text.cursor == 2
        first, third = text.sentences[0], text.sentences[2]
        assert text.cursor_target() == Target("a2", first[0], third[1])
        assert "3 selected" in main.status.parts[0]
        await pilot.press("shift+up")
        assert text.cursor_target() == Target("a2", first[0], text.sentences[1][1])
        await pilot.press("j")
        assert text.select_anchor is None


async def test_jump_to_and_start_walk_hooks(make_app) -> None:
    """The hooks search and marks use: JumpTo / StartWalk messages and extra layers."""
    from newsdesk.tui import messages

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.post_message(messages.JumpTo(Target("a1", 170, 180), layer="search"))
        await pilot.pause()
        assert main.text.article_id == "a1"
        assert spans(main, "search") == [(170, 180)]
        assert main.back_stack[-1].article == "a2"
        targets = [Target("a1", 0, 11, "hit"), Target("a2", 34, 45, "hit")]
        main.post_message(messages.StartWalk("search: lopez", targets, layer="search"))
        await pilot.pause()
        # The cursor (a1, offset 170) is past both targets in reading order (a2 is listed
        # first): nothing follows, so `n` starts over at the first target.
        assert "search: lopez: – of 2" in main.status.parts
        await pilot.press("n")
        await pilot.pause()
        assert main.text.article_id == "a1" and spans(main, "search") == [(0, 11)]
        assert "search: lopez: 1 of 2" in main.status.parts
        await pilot.press("n")
        await pilot.pause()
        assert main.text.article_id == "a2" and spans(main, "search") == [(34, 45)]
        assert "search: lopez: 2 of 2" in main.status.parts
        main.text.set_layer("mark", [HSpan(0, 10, "mark")])
        assert spans(main, "mark") == [(0, 10)]
        main.articles.set_counts("marks", {"a2": 3})
        assert "3 marks" in main.articles._meta(main.articles.rows[0])


async def test_palette_go_to_actor_and_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await run_palette(pilot, "go to actor green", "Go to actor: Green Watch")
        assert main.chosen_actor == "organization:green-watch"
        await run_palette(pilot, "go to article harbour", "Go to article: Harbour plan")
        await pilot.pause()
        assert main.text.article_id == "a1"


async def test_palette_runs_binding_commands(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await run_palette(pilot, "sort by date, title", "Articles: Sort by date")
        await pilot.pause()
        assert main.articles.sort_key == "title"


async def test_markup_in_articles_stays_text(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.open_article("a3")
        await pilot.pause()
        plain = [line.plain for line in main.text._lines]
        assert plain[0] == "[bold]Markup[/bold] in a title"
        assert "[@click=app.quit]" in plain[1]
        assert any("[@click=app.quit]click[/]" in p for p in plain)
        await pilot.click("#text", offset=(10, 5))
        await pilot.pause()
        assert app.is_running
        assert "[@click=app.quit]" in main.articles._meta(main.articles.rows[-1])


async def test_mouse_click_opens_article_and_moves_cursor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.click("#articles", offset=(3, 4))  # second row (three lines per row)
        await pilot.pause()
        assert main.text.article_id == "a1"
        line = main.text.line_of(main.text.sentences[2][0])
        await pilot.click("#text", offset=(2, line - int(main.text.scroll_y) + 1))
        await pilot.pause()
        assert main.text.cursor == 2


async def test_ctrl_c_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert not app.is_running


async def test_light_theme_restyles_text_and_legend(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        dark = main.text.kind_style("person")
        app.theme = "textual-light"
        await pilot.pause()
        light = main.text.kind_style("person")
        assert dark.color != light.color
        strip = main.text.render_line(0)
        assert strip.cell_length == main.text.scrollable_content_region.width


async def test_layer_providers_paint_every_article_opened(make_app) -> None:
    from newsdesk.tui import messages

    seen: list[object] = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        main = app.main
        main.add_layer_provider(
            lambda detail: {"mark": [HSpan(0, 5, "mark")]} if detail.article.id == "a1" else {}
        )
        assert spans(main, "mark") == []  # a2 is open
        await pilot.press("1", "j", "enter")
        await pilot.pause()
        assert main.text.article_id == "a1"
        assert spans(main, "mark") == [(0, 5)]
        assert any(isinstance(m, messages.ArticleOpened) and m.article_id == "a1" for m in seen)


async def test_low_confidence_speaker_is_dimmed(make_app, tui_corpus) -> None:
    from dataclasses import replace

    quotes = tuple(replace(q, confidence=0.3) for q in tui_corpus.quotes)
    app = make_app(replace(tui_corpus, quotes=quotes))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = app.main.text
        speakers = [n for n, line in enumerate(text._lines) if line.kind == "speaker"]
        assert speakers, "the open article shows a speaker line"
        low, normal = text.kind_style("speaker-low"), text.kind_style("speaker")
        assert low.color != normal.color
        text._quote_at_cursor = lambda: None  # the cursor's own style would cover the line
        strip = text._render_strip(speakers[0], text.pass_style)
        styles = {seg.style.color for seg in strip if seg.text.strip() and seg.style}
        assert low.color in styles and normal.color not in styles


async def test_app_layers_and_counts_come_as_messages(make_app) -> None:
    """Features post `LayerChanged` / `CountsChanged`; the main screen sets the panes'
    reactives, and drops a layer meant for an article no longer open."""
    from newsdesk.tui import messages

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.main
        assert main.text.article_id == "a2"
        main.post_message(messages.LayerChanged("mark", [HSpan(0, 5, "mark")], "a2"))
        main.post_message(messages.LayerChanged("search", [HSpan(0, 5, "search")], "a1"))
        main.post_message(messages.CountsChanged("marked", {"a2": 1}))
        await pilot.pause()
        assert spans(main, "mark") == [(0, 5)]
        assert "search" not in main.text.highlight_layers
        # (the marks feature also posts its empty "detached" counts at start)
        assert {k: v for k, v in main.articles.counts.items() if v} == {"marked": {"a2": 1}}
        assert "✎ marked" in main.status.parts[0]
        main.post_message(messages.LayerChanged("mark"))
        await pilot.pause()
        assert "mark" not in main.text.highlight_layers
        assert "✎ marked" not in main.status.parts[0]
