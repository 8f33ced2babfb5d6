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


async def test_walk_counter_follows_the_list_after_it_is_reordered(make_app) -> None:
    """`o` twice sorts by source: a3 ("[@click…"), a1 (Coast Herald), a2 (Daily Tide), so the
    mentions read a1 x2 then a2 x2; the cursor stays on a2's first, now the third."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await choose_lopez(pilot)
        await pilot.press("1", "o", "o")
        await pilot.pause()
        assert app.main.articles.order == ["a3", "a1", "a2"]
        assert app.main.text.article_id == "a2" and counter(app) == "3 of 4"
        await pilot.press("2", "n")
        await pilot.pause()
        assert app.main.text.article_id == "a2" and counter(app) == "4 of 4"
        await pilot.press("n")  # down the list as it is now: back to a1, the first
        await pilot.pause()
        assert app.main.text.article_id == "a1" and counter(app) == "1 of 4"
        await pilot.press("N")
        await pilot.pause()
        assert app.main.text.article_id == "a2" and counter(app) == "4 of 4"


def test_walk_follow_finds_the_first_target_at_or_after_the_cursor() -> None:
    """The binary search agrees with a plain scan, targets in any order, cursor anywhere."""
    import random

    from newsdesk.tui.highlight import Target
    from newsdesk.tui.screens.main import Walk

    rng = random.Random(12)
    for _ in range(200):
        articles = [f"a{i}" for i in range(rng.randint(1, 5))]
        rank = {a: i for i, a in enumerate(articles[:-1])}  # the last one is not in the list
        targets = [Target(rng.choice(articles), s, s + 3, "x")
                   for s in rng.sample(range(0, 200, 5), rng.randint(1, 12))]
        rng.shuffle(targets)
        before = rng.randrange(len(targets))
        walk = Walk("x", targets, before, "actor", rank)
        article, start = rng.choice(articles), rng.randrange(0, 200)
        sentence = (start, start + rng.randint(1, 30))
        walk.follow(article, sentence, None)
        kept = targets[before]
        if kept.article == article and sentence[0] <= kept.start < sentence[1]:
            assert walk.index == before and walk.ahead  # the one reached stays current
            continue
        place = (rank.get(article, len(rank)), start)
        after = [i for _key, i in sorted(((rank.get(t.article, len(rank)), t.start), i)
                                         for i, t in enumerate(targets))
                 if _key >= place]
        assert walk.ahead == bool(after)
        if after:
            assert walk.index == after[0]
