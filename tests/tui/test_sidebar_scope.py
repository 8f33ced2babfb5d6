"""The sidebar counts in one scope per view, and its title names that scope."""

from __future__ import annotations

import pytest

SIZE = (120, 40)


def row(app, actor_id: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.main.actor_tree.actor_nodes[actor_id].label)


async def test_sidebar_scope_article_counts_only_this_article(make_app) -> None:
    """Maria Lopez: 2 mentions and 1 quote in each article; 4 and 2 in the corpus."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.main.actor_tree
        assert str(tree.border_title).startswith("Actors in article")
        assert row(app, "person:maria-lopez") == "Maria Lopez  2 ❝1"
        assert row(app, "organization:green-watch") == "Green Watch  1"
        await pilot.press("a")
        await pilot.pause()
        assert str(tree.border_title).startswith("Actors in corpus")
        assert row(app, "person:maria-lopez") == "Maria Lopez  4 ❝2"
        assert row(app, "organization:green-watch") == "Green Watch  2"
        await pilot.press("a")
        await pilot.pause()
        assert row(app, "person:maria-lopez") == "Maria Lopez  2 ❝1"


async def test_sidebar_scope_an_actor_revealed_from_elsewhere_counts_in_scope(make_app) -> None:
    """Portsmouth is not in a2: revealed in a2's article scope, it counts 0 there, not 1."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.main.text.article_id == "a2"
        app.main._reveal("place:portsmouth")
        await pilot.pause()
        assert row(app, "place:portsmouth") == "Portsmouth  0"


async def test_sidebar_long_name_is_cut_before_its_counts() -> None:
    """A name too long for the pane ends in "…" before the counts, which stay whole."""
    from textual.app import App, ComposeResult

    from newsdesk.core.models import ActorSummary
    from newsdesk.tui.widgets.actor_tree import ActorTree

    class TreeApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ActorTree(id="actors")

    name = "Organisation for the Prohibition of Chemical Weapons"
    app = TreeApp()
    async with app.run_test(size=(30, 6)) as pilot:
        tree = app.query_one(ActorTree)
        actor = ActorSummary("o1", name, "organization", None, (), 3, 1, 112)
        tree.set_actors([actor], {"o1": 3}, "article", {"o1": 112})
        await pilot.pause()
        lines = ["".join(s.text for s in tree.render_line(y)) for y in range(2)]
        row = next(line for line in lines if "❝" in line)
        assert "…  3 ❝112" in row and name not in row
        assert str(tree.actor_nodes["o1"].label) == f"{name}  3 ❝112"  # the label is whole


@pytest.mark.parametrize(("size", "expected"), [
    ((120, 40), "corpus: 4 in 2 articles"),
    ((160, 40), "corpus: 4 mentions in 2 articles"),
    ((200, 50), "in the corpus: 4 mentions in 2 articles"),
])
async def test_sidebar_an_actors_corpus_counts_say_their_scope_and_fit(
    make_app, size, expected
) -> None:
    """Under an actor counted in this article ("Maria Lopez  2 ❝1"), the corpus-wide line
    says it is the corpus's, in the longest wording the pane has room for (never cropped)."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        main = app.main
        if not main.actor_tree.display:
            await pilot.press("s")  # narrow: the sidebar is toggled in
            await pilot.pause()
        tree = main.actor_tree
        node = tree.actor_nodes["person:maria-lopez"]
        assert row(app, "person:maria-lopez") == "Maria Lopez  2 ❝1"  # this article
        node.expand()
        await pilot.pause()
        info = next(c for c in node.children if c.data and c.data.wordings)
        line = info.line
        shown = "".join(s.text for s in tree.render_line(line - tree.scroll_offset.y))
        assert shown.rstrip().endswith(expected), shown  # whole, nothing after it
