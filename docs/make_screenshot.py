"""Regenerate docs/screenshot.svg: the explorer on seeds/ at 120x40 with an actor chosen.

Run from the repository root: `.venv/bin/python docs/make_screenshot.py`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from newsdesk.core.settings import Settings
from newsdesk.tui.app import NewsdeskApp

ACTOR = "Guo Shengkun"


async def main() -> None:
    app = NewsdeskApp([Path("seeds")], Settings.from_env())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        main = app.main
        actor = next((a.id for a in main.actor_summaries.values() if a.name == ACTOR), None)
        if actor is not None:
            main.choose_actor(actor)
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
        app.save_screenshot("screenshot.svg", path=str(Path(__file__).parent))


if __name__ == "__main__":
    asyncio.run(main())
