"""A monkey at the keyboard: thousands of seeded random keys and resizes, no exception, and `q`
still quits cleanly.

Every binding but quit is in the mix, plus Enter / Escape / Tab everywhere, text typed into
the search bar, the palette and the dialogs, and terminal sizes across every breakpoint and
below the minimum. A failure names its seed; replay it with

    NEWSDESK_MONKEY_SEED=<seed> NEWSDESK_MONKEY_KEYS=<n> pytest tests/tui/test_monkey.py

The CI run is budgeted by key count (`CI_KEYS`, a few seconds); the long run is marked `slow`
(`pytest -m slow tests/tui/test_monkey.py`) and indexes a real folder (`seeds/`, or
`NEWSDESK_MONKEY_PATH`) with the real pipeline.
"""

from __future__ import annotations

import os
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual import events
from textual.keys import key_to_character
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from newsdesk.core.settings import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.bindings import GROUPS, OTHER_KEYS
from newsdesk.tui.screens.main import MainScreen

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

#: Keys in the CI run (about 10 s on an idle 2-core machine) and in the `slow` run.
CI_KEYS = 1500
LONG_KEYS = 10_000
QUIT_ACTIONS = {"quit", "help_quit"}
QUIT_KEYS = {"q", "ctrl+c", "ctrl+q"}
#: Sizes a reader might drag the terminal through: each width class, the minimum and below.
SIZES = [(120, 40), (80, 24), (200, 60), (60, 12), (99, 30), (100, 30), (64, 14), (63, 14),
         (140, 45), (40, 10), (180, 20)]
TEXT = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,'\"-[]/\\$@:%"


def binding_keys() -> list[str]:
    """Every key of every binding (all panes, views and dialogs), except the quitting ones."""
    keys = {
        key.strip()
        for _title, bindings in GROUPS
        for binding in bindings
        if binding.action not in QUIT_ACTIONS
        for key in binding.key.split(",")
    }
    keys.update(k for k, _desc, _tip in OTHER_KEYS)
    keys.update(("enter", "escape", "tab", "shift+tab", "backspace", "left", "right", "up",
                 "down", "space", "ctrl+s", "delete", "y", "n"))
    return sorted(keys)


@dataclass
class Monkey:
    """Seeded random keys and resizes; `trail` keeps the last steps for the failure message."""

    seed: int
    keys: list[str] = field(default_factory=binding_keys)
    trail: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def step(self, app: NewsdeskApp) -> tuple[str, object]:
        """The next action: ("key", k), ("type", text), ("burst", [k, ...]) or
        ("resize", (w, h))."""
        roll = self.rng.random()
        typing = typing_in(app)
        if roll < 0.02:
            return "resize", self.rng.choice(SIZES)
        if roll < 0.10:  # keys faster than the app handles them (key repeat, a fast typist)
            return "burst", [self.rng.choice(self.keys) for _ in range(self.rng.randint(2, 6))]
        if typing and roll < 0.45:
            n = self.rng.randint(1, 6)
            return "type", "".join(self.rng.choice(TEXT) for _ in range(n))
        if roll < 0.12:
            return "key", self.rng.choice(("enter", "escape"))
        return "key", self.rng.choice(self.keys)

    async def run(self, app: NewsdeskApp, pilot: Pilot, count: int) -> None:
        done = 0
        while done < count:
            kind, what = self.step(app)
            where = f"{type(app.screen).__name__}/{type(app.focused).__name__}"
            self.trail = [*self.trail[-40:], f"{kind} {what!r} on {where}"]
            if kind == "resize":
                width, height = what  # type: ignore[misc]
                await pilot.resize_terminal(width, height)
                done += 1
            elif kind == "burst":
                keys = [k for k in what if k not in QUIT_KEYS]  # type: ignore[union-attr]
                for key in keys:  # all queued before the first is handled
                    app.post_message(events.Key(key, key_to_character(key)))
                await pilot.pause(0)
                done += len(keys)
            else:
                keys = [_key_name(c) for c in str(what)] if kind == "type" else [str(what)]
                for key in keys:
                    if key in QUIT_KEYS:
                        # An Escape just before may still be closing the field's screen: let it
                        # land, or `q` meant as text reaches the panes as a quit.
                        await pilot.pause()
                        if not typing_in(app):
                            continue  # typing went on after focus left the field: not a quit
                    await press(app, pilot, key)
                done += len(keys)
            if not app.is_running:
                raise AssertionError(
                    f"the app stopped (return code {app.return_code}, "
                    f"exception {app._exception!r})"
                )

    async def quit_cleanly(self, app: NewsdeskApp, pilot: Pilot) -> None:
        """Back to the panes (Escape closes every view and dialog), then `q`."""
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        for _ in range(10):
            if isinstance(app.screen, MainScreen):
                break
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, MainScreen), f"stuck on {app.screen!r}"
        await pilot.press("q")
        await pilot.pause()


def typing_in(app: NewsdeskApp) -> bool:
    """A text field has focus: keys are text (`q` too)."""
    return isinstance(app.focused, (Input, TextArea))


async def press(app: NewsdeskApp, pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    """A key as the terminal driver sends it, then every screen message handled.

    `pilot.press` also waits for the process to idle, twice a key (40 ms): thousands of keys
    would take minutes. Here the next key comes as soon as the last one is handled, like a fast
    typist (or a key held down).
    """
    app.post_message(events.Key(key, key_to_character(key)))
    await pilot.pause(0)


def _key_name(char: str) -> str:
    names = {" ": "space", ".": "full_stop", ",": "comma", "'": "apostrophe",
             '"': "quotation_mark", "-": "minus", "[": "left_square_bracket",
             "]": "right_square_bracket", "/": "slash", "\\": "backslash", "$": "dollar_sign",
             "@": "at", ":": "colon", "%": "percent_sign"}
    return names.get(char, char)


def _seed() -> int:
    given = os.environ.get("NEWSDESK_MONKEY_SEED")
    return int(given) if given else random.SystemRandom().randrange(1 << 32)


def _count(default: int) -> int:
    return int(os.environ.get("NEWSDESK_MONKEY_KEYS", default))


async def _monkey_on(
    app: NewsdeskApp, count: int, *, ready: Callable[[Pilot], Awaitable[None]]
) -> None:
    seed = _seed()
    print(f"monkey seed={seed} keys={count}")  # pytest shows it when the test fails
    monkey = Monkey(seed)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            await monkey.run(app, pilot, count)
            await monkey.quit_cleanly(app, pilot)
    except BaseException as err:
        err.add_note(f"monkey seed {seed} ({count} keys); replay with "
                     f"NEWSDESK_MONKEY_SEED={seed} NEWSDESK_MONKEY_KEYS={count}")
        err.add_note("last steps: " + "; ".join(monkey.trail[-15:]))
        raise
    assert app.return_code == 0
    assert not app.is_running


@pytest.fixture
def monkey_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder (exports and screenshots land there) and the data dir, both in
    tmp_path; the palette offers every command but Quit (Enter on a typed query runs the top
    hit, and quitting midway is not what the monkey tests)."""
    offered = NewsdeskApp.get_system_commands

    def all_but_quit(self: NewsdeskApp, screen):  # type: ignore[no-untyped-def]
        for command in offered(self, screen):
            if getattr(command.callback, "__name__", "") not in ("action_quit", "exit"):
                yield command

    monkeypatch.setattr(NewsdeskApp, "get_system_commands", all_but_quit)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSDESK_CACHE_DIR", str(tmp_path / "cache"))
    return work


async def test_monkey_random_keys_and_resizes(make_app, monkey_home: Path) -> None:
    async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()

    await _monkey_on(make_app(), _count(CI_KEYS), ready=ready)


@pytest.mark.slow
async def test_monkey_long_run_on_a_real_folder(monkey_home: Path) -> None:
    folder = Path(os.environ.get("NEWSDESK_MONKEY_PATH", SEEDS))
    app = NewsdeskApp([folder], Settings.from_env())

    async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
        for _ in range(600):  # indexing with the real pipeline: up to a minute on a busy box
            if app.main.library is not None:
                break
            await pilot.pause(0.1)
        assert app.main.library is not None, "the index did not open"
        await app.workers.wait_for_complete()

    await _monkey_on(app, _count(LONG_KEYS), ready=ready)
