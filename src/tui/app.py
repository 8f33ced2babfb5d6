"""The explorer app: opens the index in a thread worker while the three panes are already live.

spaCy is never imported here: `open_corrected` runs in the worker (and a warm store needs no spaCy).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import sys
import threading
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandListItem, CommandPalette, SimpleProvider
from textual.geometry import Size
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.timer import Timer
from textual.worker import get_current_worker

from newsdesk.core.events import IndexEvent
from newsdesk.core.marks.places import ReadingPlace
from newsdesk.core.settings import Settings
from newsdesk.core.store.library import Library

from . import messages
from .bindings import APP_BINDINGS, GROUPS, SCREEN_ONLY_GROUPS
from .commands import ActorCommands, ArticleCommands, Palette
from .correction_commands import CorrectionCommands
from .corrections_controller import CorrectionsController
from .entity_colors import entity_variables
from .marks_controller import MarksController
from .screens.closing import nothing_to_await
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .screens.too_small import TooSmallScreen, too_small
from .search_controller import SearchController

log = logging.getLogger(__name__)


#: How long the first screen waits for the index before it paints. A warm store opens in tens of
#: milliseconds (the worker starts at Load, while the panes are styled and composed), and then
#: the first frame already shows the list and an article instead of empty panes painted again
#: right after; indexing takes longer, and the panes show its progress meanwhile.
FIRST_SCREEN_WAIT = 0.25
#: Longest the folder check waits for the first paint of a stored library (seconds).
FIRST_PAINT_WAIT = 3.0
#: Longest the first frame waits for the stored library (a few SQLite reads; a cold disk).
STORED_WAIT = 1.0
#: Seconds after the reader stops moving before the reading place is saved (and on quit).
PLACE_SAVE_DELAY = 2.0
#: Middle-generation passes between two full passes of the cyclic collector once the app has
#: settled (CPython's default is 10): see `settle_memory`.
FULL_PASS_EVERY = 100


def post_index_event(main: MainScreen, event: IndexEvent) -> None:
    """Hand a step of opening the index to the screen (from the indexing thread)."""
    from newsdesk.core.events import Indexed
    from newsdesk.core.store.library import provisional_detail, provisional_summary

    if isinstance(event, Indexed):
        analysis = event.analysis
        main.post_message(messages.ArticleIndexed(
            provisional_summary(analysis), provisional_detail(analysis)
        ))
        main.post_message(messages.IndexProgress(event.done, event.total))
    else:
        main.post_message(messages.IndexStep(event))


class _Cancelled(Exception):
    """Raised from the progress callback to stop indexing when the app quits."""


class NewsdeskApp(App[None]):
    """Articles | Text | Actors & positions, linked, all from the keyboard."""

    TITLE = "newsdesk"
    CSS_PATH = "newsdesk.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*APP_BINDINGS]
    COMMANDS = App.COMMANDS | {ActorCommands, ArticleCommands, CorrectionCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(
        self,
        paths: list[Path],
        settings: Settings,
        *,
        reindex: bool = False,
        library: Library | None = None,
    ) -> None:
        """`library` skips opening `paths` (tests, embedding); otherwise a worker opens them."""
        super().__init__()
        self.paths = list(paths)
        self.settings = settings
        self.reindex = reindex
        self.library: Library | None = library
        self.main = MainScreen()
        # The features beside the panes ask the main screen where the reader is (`here`) and
        # post it messages for whatever they change; they reach each other through this app.
        here, post = self.main.here, self.main.post_message
        self.marks = MarksController(self, here, post)
        """The reader's marks: `m` `u` `M` `e` `y`, highlights and counts."""
        self.corrections = CorrectionsController(self, here, post)
        """Corrections of actors and quotes: keys on the actors pane, palette, `u` with marks."""
        self.search = SearchController(self, here, post)
        """`/`: the search index, the bar, jumps and `n` / `N` across hits."""
        self._index_thread: threading.Thread | None = None
        self._place_timer: Timer | None = None
        self._index_settled: asyncio.Event | None = None
        """Set (from the worker, thread-safely) when opening the index ends, however it ends."""
        self._stored_tried: asyncio.Event | None = None
        """Set (from the worker) once the stored library is open, or known not to be there."""
        self._first_painted = threading.Event()
        """Set once the first screen is painted: the folder check waits for it (GIL)."""

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the app; if indexing is still under way on quit, leave without waiting for it.

        spaCy's native code cannot be interrupted, and tearing the interpreter down around it
        aborts in libblis, so the process ends with `os._exit` once the terminal is restored.
        Nothing is lost: the store commits whole transactions and marks are committed as made.
        """
        # Starting up allocates tens of thousands of long-lived objects (styles, widgets, strips)
        # and next to no garbage, yet the cyclic collector would walk them all a dozen times
        # (about 40 ms, a tenth of a warm start). It is back on once the first screen is painted.
        gc.disable()
        try:
            result = super().run(*args, **kwargs)
        finally:
            gc.enable()
        if self._index_thread is not None and self._index_thread.is_alive():
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(self.return_code or 0)
        return result

    def get_css_variables(self) -> dict[str, str]:
        """Textual's theme variables plus `$entity-<kind>`: a clearly distinct colour per entity
        kind in whichever theme is current (see `entity_colors`)."""
        variables = super().get_css_variables()
        variables.update(entity_variables(variables, self.current_theme.dark))
        return variables

    def on_load(self) -> None:
        from newsdesk.core.marks.places import load_place

        self.main.resume = load_place(self.settings, self.paths)
        if self.library is None:  # start now: the panes are styled and composed meanwhile
            self._index_settled = asyncio.Event()
            self._stored_tried = asyncio.Event()
            self.open_index()

    async def on_mount(self) -> None:
        given = self.library
        self.main.first_library = self._first_library
        await self.push_screen(self.main)
        self.call_after_refresh(self.settle_memory)  # see `run`
        self._check_size(self.size)
        self.marks.start()
        self.corrections.watch()
        if given is not None:  # else they start when the worker's LibraryLoaded arrives
            self.marks.library_ready(given)
            self.search.library_ready(given)

    async def _first_library(self) -> Library | None:
        """The library for the first frame: given, or opened within FIRST_SCREEN_WAIT."""
        if self.library is None and self._stored_tried is not None and not self.reindex:
            with contextlib.suppress(TimeoutError):  # a cold disk: the folder check goes on
                await asyncio.wait_for(self._stored_tried.wait(), STORED_WAIT)
        if self.library is None and self._index_settled is not None:
            try:
                await asyncio.wait_for(self._index_settled.wait(), FIRST_SCREEN_WAIT)
            except TimeoutError:
                pass  # still indexing: the panes come up now and show the progress
        self.call_after_refresh(self._first_painted.set)
        return self.library

    @work(thread=True, exclusive=True, exit_on_error=False, group="index")
    def open_index(self) -> None:
        """Open (index where needed) the corpus; only messages leave this thread."""
        try:
            self._open_index()
        finally:
            loop, settled = self._loop, self._index_settled
            if loop is not None and settled is not None:
                with contextlib.suppress(RuntimeError):  # the app has quit: nobody waits
                    loop.call_soon_threadsafe(settled.set)

    def _open_index(self) -> None:
        from newsdesk.core.corrections import open_corrected
        from newsdesk.core.corrections.library import open_stored_corrected
        from newsdesk.core.errors import NewsdeskError
        from newsdesk.core.store.index_store import OpenedIndex

        worker = get_current_worker()
        main = self.main
        # The store as last saved makes the first screen; the folder is checked meanwhile.
        shown = None
        if not self.reindex:
            try:
                shown = open_stored_corrected(self.paths, self.settings)
            except (NewsdeskError, OSError) as err:  # the full open below says what is wrong
                log.info("no stored library to show first: %s", err)
        if shown is not None:
            self.library = shown
        loop, tried = self._loop, self._stored_tried
        if loop is not None and tried is not None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(tried.set)
        if shown is not None:
            # Walking the folder holds the GIL for most of a second: not while the first
            # screen is laid out and painted.
            self._first_painted.wait(FIRST_PAINT_WAIT)

        def step(event: IndexEvent) -> None:
            if worker.is_cancelled:
                raise _Cancelled
            post_index_event(main, event)

        outcome: dict[str, object] = {}
        finished = threading.Event()

        def run() -> None:
            try:
                outcome["opened"] = open_corrected(
                    self.paths, self.settings, reindex=self.reindex, events=step
                )
            except BaseException as err:  # noqa: BLE001 - handed back to the worker below
                outcome["error"] = err
            finally:
                finished.set()

        # spaCy cannot be interrupted mid-batch: it runs in a thread of its own that quitting
        # abandons (see `run`), so `q` never waits for a batch to finish.
        thread = threading.Thread(target=run, name="newsdesk-index", daemon=True)
        self._index_thread = thread
        thread.start()
        while not finished.wait(0.05):
            if worker.is_cancelled:
                return
        error = outcome.get("error")
        if isinstance(error, _Cancelled):
            return
        if isinstance(error, NewsdeskError):
            main.post_message(messages.LibraryFailed(error.title, str(error)))
            return
        if isinstance(error, BaseException):  # a bug: the reader still gets a message
            log.error("opening the index failed", exc_info=error)
            main.post_message(
                messages.LibraryFailed("Unexpected error", f"{type(error).__name__}: {error}")
            )
            return
        opened = outcome["opened"]
        assert isinstance(opened, OpenedIndex)
        if worker.is_cancelled:
            return
        library = opened.library
        if shown is not None and not opened.indexed and library.revision == shown.revision:
            library = shown  # nothing changed: keep the library on screen (and the reader's place)
        self.library = library
        main.post_message(
            messages.LibraryLoaded(
                library, tuple(opened.notices),
                sum(1 for s in opened.skipped if not s.summary),
                sum(1 for s in opened.skipped if s.row is not None),
            )
        )

    def every(self, seconds: float, callback: Callable[[], object], name: str) -> Timer:
        """Call `callback` every `seconds` while the panes are up, on the main screen's clock.

        The features' polls read the panes (`MainScreen.here`). The app's own timers may outlive
        them: Textual's test harness removes the screens before it stops the app's timers, and a
        tick in between (a run past the first tick, on a loaded machine) ended the app in
        NoMatches. A screen stops its timers before it removes its widgets, however it closes.
        """
        return self.main.set_interval(seconds, callback, name=name)

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size)  # runs before App._on_resize updates self.size

    def _check_size(self, size: Size) -> None:
        """Below the smallest usable size, a "too small" note covers the panes (never a crash)."""
        if self.main not in self.screen_stack:
            return  # on_mount checks once the panes are up
        note = self._too_small_note()
        if too_small(size):
            if note is None:
                self.push_screen(TooSmallScreen(size))
            else:
                note.show_size(size)
        elif note is not None:
            while self.screen is not note:  # cannot happen while `push_screen` keeps it on top
                super().pop_screen()
            super().pop_screen()

    def pop_screen(self) -> AwaitComplete:
        """Pop the top screen, unless it is the panes.

        `Screen.dismiss` and the command palette pop whatever is on top: a second Enter or Escape
        queued before the first closed its screen (keys held down, pasted, sent by tmux in one
        go) closed the screen below instead, at worst the panes themselves (and the next palette
        command crashed on them). A screen may only close itself: every screen pushed here
        dismisses through `ClosesItself`, which does nothing unless that screen is on top.
        """
        if not self.screen_stack or self.screen_stack[-1] is self.main:
            return nothing_to_await()
        return super().pop_screen()

    def _too_small_note(self) -> TooSmallScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, TooSmallScreen)), None)

    def push_screen(
        self, screen: Screen[Any] | str, *args: Any, **kwargs: Any
    ) -> Any:
        """Push `screen`; while the "too small" note is up, it goes under the note.

        A screen pushed over the note (a dialog a worker opens, say) would be drawn in a terminal
        too small for it and take keys meant for nothing; the note leaves and comes back on top.
        """
        note = self._too_small_note()
        if note is None or isinstance(screen, TooSmallScreen) or self.screen is not note:
            return super().push_screen(screen, *args, **kwargs)
        super().pop_screen()  # whoever pushes: the note is theirs to move
        pushed = super().push_screen(screen, *args, **kwargs)
        super().push_screen(TooSmallScreen(note.terminal_size))
        return pushed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the "too small" note is up only quitting works: the panes are out of sight."""
        top = self.screen_stack[-1] if self.screen_stack else None  # empty while shutting down
        if isinstance(top, TooSmallScreen):
            return action in ("quit", "help_quit")
        return True

    def action_command_palette(self) -> None:
        """Ctrl+P: one palette at most, anywhere in the stack (Textual looks on top only).

        No fixed id (Textual gives its palette one): a palette just closed is still being
        removed when Ctrl+P comes again at once, and a second one with its id crashed the app
        (DuplicateIds).
        """
        if self.use_command_palette and not any(
            isinstance(s, CommandPalette) for s in self.screen_stack
        ):
            self.push_screen(Palette())

    def search_themes(self) -> None:
        """Textual's theme picker (palette: Theme), as a `Palette`: its races closed too."""
        self.push_screen(Palette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def search_commands(
        self, commands: Sequence[CommandListItem], placeholder: str = "Search for commands…"
    ) -> Any:
        """Textual's list of commands, as a `Palette` (see `search_themes`)."""
        # Textual's own `search_commands` hands the palette a SimpleProvider instance, which
        # it accepts (`CommandPalette._provider_classes`) though `ProviderSource` lists classes.
        provider = SimpleProvider(self.screen, list(commands))
        return self.push_screen(
            Palette(providers=[provider], placeholder=placeholder)  # type: ignore[list-item]
        )

    def on_library_loaded(self, message: messages.LibraryLoaded) -> None:
        """Bubbled up after the main screen showed the library: marks and search follow,
        once the first screen is painted (their threads would hold the GIL during it)."""
        library = message.library

        def follow() -> None:
            if self.library is library:
                self.marks.library_ready(library)
                self.search.library_ready(library)
                self._import_record_screen()
            self.settle_memory()

        self.call_after_refresh(follow)

    @work(thread=True, exclusive=True, group="preload", exit_on_error=False)
    def _import_record_screen(self) -> None:
        """Import the record screen (`v`) and what it draws with, while the reader reads: the
        first `v` waited for these imports (25-45 ms, most of it the relations' verb lists)."""
        import newsdesk.tui.screens.record  # noqa: F401

    def on_search_status(self, message: messages.SearchStatus) -> None:
        self.search.show_status(message.text)

    def on_library_changed(self, message: messages.LibraryChanged) -> None:
        """Bubbled up after the main screen redrew a corrected library: the search index
        catches up in the background (it is keyed by the revision)."""
        self.search.library_ready(message.library)

    def on_undoable(self, message: messages.Undoable) -> None:
        """A correction made, or one whose undo failed: `u` takes it back with the marks."""
        self.marks.remember(message.change)

    def on_undo_correction(self, message: messages.UndoCorrection) -> None:
        self.corrections.undo(message.change)

    def on_article_opened(self, _message: messages.ArticleOpened) -> None:
        self._save_place_soon()

    def on_cursor_moved(self, _message: messages.CursorMoved) -> None:
        self._save_place_soon()

    def _save_place_soon(self) -> None:
        """Keep the reading place a moment after the reader stops moving (and on exit)."""
        if self._place_timer is not None:
            self._place_timer.stop()
        self._place_timer = self.set_timer(PLACE_SAVE_DELAY, self._save_place_in_background)

    def _save_place_in_background(self) -> None:
        """The timer can fire while the app closes, its panes already gone: `exit` has kept
        the place then, and reading the removed text pane would end the app in an error."""
        self._place_timer = None
        if not self.main.is_attached or not self.main.query("#text"):
            return
        place = self.main.reading_place()
        if place is not None:
            self.run_worker(lambda: self._save_place(place), thread=True, group="place",
                            exit_on_error=False)

    def _save_place(self, place: ReadingPlace | None = None) -> None:
        from newsdesk.core.marks.places import save_place

        place = place or self.main.reading_place()
        if place is not None:
            save_place(self.settings, self.paths, place)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quit, keeping where the reader is for next time."""
        if self._place_timer is not None:
            self._place_timer.stop()
            self._place_timer = None
        if self.main.is_attached and self.main.library is not None:
            self._save_place()
        super().exit(*args, **kwargs)

    def settle_memory(self) -> None:
        """Turn the cyclic collector on, with everything alive now out of its sight.

        The library, the styles, the widgets and the search index live as long as the app; the
        collector's full passes walked them all every few seconds (150-180 ms each on the
        Wikinews folder, an unanswered key whenever one landed). Frozen, a pass only sees what
        was made since. Called after the first screen, the library and the search index.

        What is made since still adds up: Textual keeps the painted lines (each `Strip` holds
        seven small caches) and the sidebar keeps a prolific actor's positions (thousands of
        `Quote`s), and with the default thresholds a full pass over all of it (20-70 ms at
        10,000 articles) came every two seconds of moving about, so one key in a few waited
        for it. Full passes come ten times less often; the young generations, which hold the
        short-lived garbage of a paint, are collected as before.
        """
        gc.freeze()
        young, middle, _full = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_PASS_EVERY)
        gc.enable()

    def action_toggle_mark(self) -> None:
        self.marks.toggle()

    def action_undo_mark(self) -> None:
        self.marks.undo()

    def action_show_marks(self) -> None:
        self.marks.show_marks()

    def action_export_marks(self) -> None:
        self.marks.export()

    def action_copy_markdown(self) -> None:
        self.marks.copy_markdown()

    def action_correct(self, verb: str) -> None:
        self.corrections.start(verb)

    def action_search(self) -> None:
        self.search.open_bar()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every binding as a palette command ("Text: Next entity"), plus Textual's own."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for title, bindings in GROUPS:
            if title in SCREEN_ONLY_GROUPS:
                continue
            for binding in bindings:
                if binding.id in seen or binding.action in ("quit",):
                    continue
                seen.add(binding.id or binding.action)
                yield SystemCommand(
                    f"{title}: {binding.tooltip}", binding.description,
                    self._runner(title, binding),
                )

    def _runner(self, group: str, binding: Binding) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            main = self.main
            target = {
                "Articles": main.articles,
                "Text": main.text,
                "Actors & positions": main.actor_tree,
            }.get(group)
            if target is not None:
                if group == "Actors & positions" and not main.sidebar_visible:
                    main.action_toggle_sidebar()
                target.focus()
                await target.run_action(binding.action)
            elif binding.action.startswith("app."):
                await self.run_action(binding.action.removeprefix("app."))
            elif binding.action in ("help",):
                await self.run_action(binding.action)
            else:
                await main.run_action(binding.action)

        return run
