"""Bounded waits for Pilot tests: wait for what the app does in the background (the palette's
search task, the sidebar's refill timer), never a fixed pause that a loaded machine outlasts."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from textual.worker import WorkerState

LIMIT = 5.0
"""Seconds (wall clock) a wait may take before the test fails saying what never happened."""

STEP = 0.02


async def wait_until(pilot, done: Callable[[], bool], what: str = "condition",  # type: ignore[no-untyped-def]
                     *, limit: float = LIMIT) -> None:
    """Let the app run (timers fire, tasks go on) until `done()`; fail after `limit` seconds."""
    end = monotonic() + limit
    while not done():
        if monotonic() > end:
            raise AssertionError(f"waited {limit:g} s: {what} did not happen")
        await pilot.pause(STEP)


def palette_prompts(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The palette's hits as shown, top first (prompt and help text)."""
    from textual.command import CommandList

    hits = app.screen.query_one(CommandList)
    return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]


def palette_searching(app) -> bool:  # type: ignore[no-untyped-def]
    """The palette's search task (a worker) is still gathering hits."""
    from textual.command import CommandPalette

    group = CommandPalette._GATHER_COMMANDS_GROUP
    return any(w.group == group and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
               for w in app.workers)


async def palette_hits(pilot, query: str | None, top: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the palette (unless open), put `query` in it (None: it is typed already), wait until
    the search is done and its top hit starts with `top` (default: the query); the hits."""
    from textual.command import CommandInput, CommandPalette

    app = pilot.app
    if not isinstance(app.screen, CommandPalette):
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette),
                         "the command palette opening")
    field = app.screen.query_one(CommandInput)
    if query is not None:
        field.value = query
    expected = top if top is not None else field.value

    def found() -> bool:
        if not isinstance(app.screen, CommandPalette) or palette_searching(app):
            return False
        prompts = palette_prompts(app)
        return bool(prompts) and prompts[0].startswith(expected)

    try:
        await wait_until(pilot, found, f"palette top hit {expected!r} for {field.value!r}")
    except AssertionError as error:
        shown = palette_prompts(app) if isinstance(app.screen, CommandPalette) else []
        raise AssertionError(f"{error}; hits shown: {shown[:5]}") from None
    return palette_prompts(app)


async def run_palette(pilot, query: str, top: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Put `query` in the palette, wait for its top hit (`top`, default the query), run it."""
    await palette_hits(pilot, query, top)
    await pilot.press("enter")
    await pilot.pause()


async def sidebar_refilled(pilot, article_id: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until `article_id` is the opened article and the sidebar shows its actors (the
    refill runs after the text's paint, or on a 0.25 s timer)."""
    main = pilot.app.main
    await wait_until(pilot, lambda: main.text.article_id == article_id and not main._tree_stale,
                     f"the sidebar refill for {article_id!r}")
