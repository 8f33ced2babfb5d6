"""The status line shows every piece at every width (it wraps, never cuts), and notifications
leave it and the legend in sight."""

from __future__ import annotations

import re

import pytest
from textual.widgets._toast import Toast

from newsdesk.core.models import Corpus


def shown(app, widget) -> str:  # type: ignore[no-untyped-def]
    """What the terminal shows in a widget's place, rows joined, spaces collapsed."""
    region = widget.region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return re.sub(r"\s+", " ", " ".join(s.crop(region.x, region.right).text for s in strips))


async def long_status(pilot, quote) -> None:  # type: ignore[no-untyped-def]
    """A walk, an actor and a quote under the cursor: the longest status there is."""
    await pilot.press("l", "enter")  # choose Maria Lopez: a walk
    await pilot.pause()
    pilot.app.main.choose_position(quote)
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (64, 14), (200, 60)])
async def test_status_line_shows_every_piece(make_app, tui_corpus: Corpus, size) -> None:
    app = make_app()
    q1 = next(q for q in tui_corpus.quotes if q.id == "q1")
    async with app.run_test(size=size) as pilot:
        await long_status(pilot, q1)
        status = app.main.status
        parts = [p for p in status.parts if p]
        assert len(parts) >= 3
        assert any("of 4" in p for p in parts) and any("❝" in p for p in parts)
        text = shown(app, status)
        for part in parts:
            assert re.sub(r"\s+", " ", part) in text, (part, text)
        assert status.region.bottom <= app.main.query_one("#legend").region.bottom + 4


async def test_status_line_notifications_leave_status_and_legend_visible(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        for n in range(3):
            app.notify(f"notice {n} " + "word " * 20, markup=False)
        await pilot.pause()
        toasts = list(app.screen.query(Toast))
        assert toasts
        covered = [app.main.status.region, app.main.query_one("#legend").region]
        for toast in toasts:
            for region in covered:
                assert not toast.region.overlaps(region), (toast.region, region)


async def test_status_line_types_a_mention_in_newsdesk_words_before_its_actor_is_known(
    make_app,
) -> None:
    """While a folder is indexed no actor exists yet: the status line still says "place" (the
    core's own type for the entity label, as the text's colour does), never the model's "GPE"."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.main
        main.open_article("a1", record=False)
        await pilot.pause()
        main.actor_summaries = {}  # as during a cold index: mentions, but no actors yet
        mention = next(m for m in main.text.detail.mentions if m.text == "Portsmouth")
        assert mention.label == "GPE"
        main.text.move_cursor_to(mention.start, mention=mention)
        await pilot.pause()
        main._update_status()
        await pilot.pause()
        assert "Portsmouth (place)" in main.status.parts, main.status.parts
        assert not any("GPE" in part for part in main.status.parts)
