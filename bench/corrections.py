"""Applying one correction to a large store and redrawing the explorer: the issue's <= 100 ms.

    .venv/bin/python bench/corrections.py FOLDER      # a folder whose store is built (warm)

Run by `bench/run.py` on the 10,000-article store it synthesises. Prints one JSON line:

- `core_ms`: one correction (rename, merge or split of a mid-sized actor, in turn) applied
  through the desk (checked, stored in its own SQLite transaction, the corrected library
  updated), plus every read a redraw makes (article list, actor list, the open article, its
  actors, the actor's positions); `core_base_ms`: the same reads with nothing changed;
- `tui_ms`: in the real explorer (headless, 120x40, the search index built first), from the
  correction to the end of the screen update that shows it (`MainScreen.reload_library()`, then
  Textual's next layout and paint, which waits for its ~16 ms frame tick); `tui_base_ms`: the
  same redraw and paint with nothing changed.

Each is the median of the repeats; corrections are undone between repeats, in a data folder of
their own, so the store is left as it was.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPEATS = 9


def _reads(library: object, actor_id: str, article_id: str) -> None:
    """What the explorer reads to redraw after a correction."""
    library.articles()  # type: ignore[attr-defined]
    library.actors()  # type: ignore[attr-defined]
    library.article(article_id)  # type: ignore[attr-defined]
    library.actors_in(article_id)  # type: ignore[attr-defined]
    library.positions(actor_id)  # type: ignore[attr-defined]


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def _pick(library: object) -> tuple[object, object]:
    """A mid-sized actor (a few dozen mentions) and another of its type to merge into."""
    actors = list(library.actors())  # type: ignore[attr-defined]
    middle = [a for a in actors if 10 <= a.mention_count <= 200 and a.quote_count]
    actor = middle[len(middle) // 2] if middle else actors[len(actors) // 2]
    other = next(a for a in actors if a.type == actor.type and a.id != actor.id)
    return actor, other


def _corrections(
    desk: object, actor: object, other: object, article_id: str
) -> list[Callable[[], object]]:
    return [
        lambda: desk.rename(actor.id, actor.name + " (renamed)"),  # type: ignore[attr-defined]
        lambda: desk.merge(actor.id, other.id),  # type: ignore[attr-defined]
        lambda: desk.split_article(actor.id, article_id),  # type: ignore[attr-defined]
    ]


def core(folder: Path) -> dict[str, float]:
    from newsdesk.core.corrections import open_corrected as open_library
    from newsdesk.core.settings import Settings

    library = open_library([folder], Settings.from_env()).library
    desk = library.desk  # type: ignore[attr-defined]
    actor, other = _pick(library)
    article_id = library.actor(actor.id).mentions[0].article  # type: ignore[attr-defined]
    base: list[float] = []
    for _ in range(REPEATS):
        library.set_corrections(desk.store.all())  # type: ignore[attr-defined]  # drop caches
        start = time.perf_counter()
        _reads(library, actor.id, article_id)
        base.append(time.perf_counter() - start)
    applied: list[float] = []
    makes = _corrections(desk, actor, other, article_id)
    for n in range(REPEATS):
        start = time.perf_counter()
        makes[n % len(makes)]()
        _reads(library, actor.id, article_id)
        applied.append(time.perf_counter() - start)
        desk.undo()
    return {
        "core_ms": _median_ms(applied),
        "core_base_ms": _median_ms(base),
        "actor_mentions": float(actor.mention_count),
    }  # type: ignore[attr-defined]


def tui(folder: Path) -> dict[str, float]:
    from newsdesk.core.settings import Settings
    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp([folder], Settings.from_env())
    found: dict[str, float] = {}

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(400):
                if app.main.library is not None:
                    break
                await pilot.pause(0.05)
            await app.workers.wait_for_complete()  # the search index is built (or loaded)
            main = app.main
            painted: list[float] = []
            # The screen's update timer calls these (looked up on the instance each time).
            for name in ("_refresh_layout", "_compositor_refresh"):
                original = getattr(main, name)

                def timed(*args: object, _original=original, **kwargs: object) -> None:
                    _original(*args, **kwargs)
                    painted.append(time.perf_counter())

                setattr(main, name, timed)

            async def until_painted(after: float) -> float:
                deadline = after + 5.0
                while not painted or painted[-1] < after:
                    if time.perf_counter() > deadline:
                        raise RuntimeError("the screen never repainted")
                    await asyncio.sleep(0.001)
                return painted[-1]

            library = main.library
            desk = library.desk  # type: ignore[union-attr]
            actor, other = _pick(library)
            main.choose_actor(actor.id)  # type: ignore[attr-defined]
            await pilot.pause()
            article_id = main.detail.article.id  # type: ignore[union-attr]

            async def redraw(correct: Callable[[], object] | None) -> float:
                start = time.perf_counter()
                if correct is not None:
                    correct()
                main.reload_library()
                end = await until_painted(time.perf_counter())
                return end - start

            base = [await redraw(None) for _ in range(REPEATS)]
            applied: list[float] = []
            makes = _corrections(desk, actor, other, article_id)
            for n in range(REPEATS):
                applied.append(await redraw(makes[n % len(makes)]))
                desk.undo()
                main.reload_library()
                await pilot.pause()
            found["tui_ms"] = _median_ms(applied)
            found["tui_base_ms"] = _median_ms(base)

    asyncio.run(run())
    return found


def main() -> None:
    import os

    folder = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as data:
        os.environ["NEWSDESK_DATA_DIR"] = data  # corrections of the bench, thrown away
        result = core(folder)
        result.update(tui(folder))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
