"""What a key asked for is painted first: the sidebar of a newly opened article follows it."""

from __future__ import annotations

from pilot_waits import sidebar_refilled

from newsdesk.tui.widgets.article_text import ArticleText


async def test_sidebar_is_refilled_after_the_opened_article_is_painted(
    make_app, monkeypatch
) -> None:
    """Enter on a1 in the list: the frame that first draws a1 still shows the sidebar of the
    article before (refilling and drawing the actor tree there made the jump miss 50 ms);
    the next one shows a1's actors."""
    seen: list[tuple[str | None, frozenset[str]]] = []
    render_lines = ArticleText.render_lines

    def recording(self, crop):  # type: ignore[no-untyped-def]
        main = self.screen
        seen.append((self.article_id, frozenset(main.actor_tree.actor_nodes)))
        return render_lines(self, crop)

    monkeypatch.setattr(ArticleText, "render_lines", recording)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "G")  # a3, no one in it (undated: last)
        await pilot.press("enter")
        await sidebar_refilled(pilot, "a3")
        assert app.main.text.article_id == "a3" and not app.main.actor_tree.actor_nodes
        seen.clear()
        await pilot.press("1", "g", "enter")  # a2 (newest first)
        await sidebar_refilled(pilot, "a2")
        first_a2 = next(actors for article, actors in seen if article == "a2")
        assert first_a2 == frozenset()  # still a3's (empty) sidebar in that frame
        assert app.main.text.article_id == "a2"
        assert set(app.main.actor_tree.actor_nodes) == {"person:maria-lopez",
                                                        "organization:green-watch"}
