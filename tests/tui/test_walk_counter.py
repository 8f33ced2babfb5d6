"""The "N of M" counter describes the target at or after the text cursor, whatever moved it."""

from __future__ import annotations

from newsdesk.core.models import Corpus

SIZE = (120, 40)


def counter(app) -> str:  # type: ignore[no-untyped-def]
    walk = [p for p in app.main.status.parts if p.startswith("Maria Lopez: ")]
    assert len(walk) == 1, app.main.status.parts
    return walk[0].removeprefix("Maria Lopez: ")


async def choose_lopez(pilot) -> None:  # type: ignore[no-untyped-def]
    """Walk order (article list, newest first): a2 "Maria Lopez", a2 "Lopez", a1 x2."""
    await pilot.press("l", "enter")
    await pilot.pause()
    assert counter(pilot.app) == "1 of 4"


async def test_walk_counter_follows_an_article_opened_from_the_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await choose_lopez(pilot)
        await pilot.press("1", "j", "enter")  # a1, whose first sentence names her
        await pilot.pause()
        assert app.main.text.article_id == "a1"
        assert counter(app) == "3 of 4"
        await pilot.press("n")
        await pilot.pause()
        assert counter(app) == "4 of 4"


async def test_walk_counter_follows_a_position_opened_from_the_sidebar(
    make_app, tui_corpus: Corpus
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await choose_lopez(pilot)
        await pilot.press("n", "n")
        await pilot.pause()
        assert counter(app) == "3 of 4" and app.main.text.article_id == "a1"
        q2 = next(q for q in tui_corpus.quotes if q.id == "q2")  # a2: "Lopez said the town…"
        app.main.choose_position(q2)
        await pilot.pause()
        assert counter(app) == "2 of 4"
        await pilot.press("n")
        await pilot.pause()
        assert counter(app) == "3 of 4" and app.main.text.article_id == "a1"


async def test_walk_counter_after_the_last_mention_reads_dash(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await choose_lopez(pilot)
        await pilot.press("n", "n", "n")
        await pilot.pause()
        assert counter(app) == "4 of 4"  # a1, paragraph 2
        await pilot.press("G")  # the last sentence: no mention follows in any article
        await pilot.pause()
        assert counter(app) == "– of 4"
        await pilot.press("n")  # starts over
        await pilot.pause()
        assert counter(app) == "1 of 4" and app.main.text.article_id == "a2"


async def test_walk_counter_moving_the_cursor_by_sentence(make_app) -> None:
    """a2: "Ferry workers…" / "Maria Lopez welcomed…" / "Lopez said…" / "Green Watch…"."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await choose_lopez(pilot)
        await pilot.press("j")  # "Lopez said…"
        await pilot.pause()
        assert counter(app) == "2 of 4"
        await pilot.press("k", "k")  # "Ferry workers…": the next mention is the first
        await pilot.pause()
        assert app.main.text.cursor == 0
        assert counter(app) == "1 of 4"
        await pilot.press("n")  # goes to the one the counter shows
        await pilot.pause()
        assert app.main.text.cursor == 1 and counter(app) == "1 of 4"
        await pilot.press("n")
        await pilot.pause()
        assert app.main.text.cursor == 2 and counter(app) == "2 of 4"
        await pilot.press("N")
        await pilot.pause()
        assert app.main.text.cursor == 1 and counter(app) == "1 of 4"
