"""`/`: the search bar over the panes, with live results as the reader types.

Each keystroke takes a ticket (`LiveSearch.begin`, cheap, on the UI thread) and hands it to a
thread worker; results come back as a message and are shown only if their ticket is still the
newest, so typing never waits on a search and stale results are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Static

from newsdesk.core.search.query import Hit, SearchResult, SearchTicket

from .. import messages
from ..bindings import SEARCH_BAR_BINDINGS
from ..widgets.search_bar import SearchResults
from .closing import ClosesItself

if TYPE_CHECKING:
    from ..search_controller import SearchController

#: Quiet time after the last keystroke before looking for a suggestion (the slower path).
SUGGEST_DELAY = 0.35


@dataclass(frozen=True, slots=True)
class Chosen:
    """What Enter hands back: the hit, and every hit listed (for `n` / `N`)."""

    query: str
    hits: tuple[Hit, ...]
    index: int


class SearchScreen(ClosesItself, ModalScreen[Chosen | None]):
    """Input at the bottom (like `/` in less and vim), results above it, the panes behind."""

    BINDINGS: ClassVar[list[BindingType]] = [*SEARCH_BAR_BINDINGS]
    BINDING_GROUP_TITLE = "Search bar"

    DEFAULT_CSS = """
    SearchScreen {
        align: center bottom;
        background: $background 30%;
    }
    #search-box {
        width: 100%;
        height: auto;
        border: round $primary;
        border-title-color: $text;
        background: $surface;
        padding: 0 1;
    }
    /* Docked: on a short terminal the results shrink and scroll, the input stays. */
    #search-prompt {
        dock: bottom;
        height: auto;
    }
    #search-status {
        height: 1;
        color: $text-muted;
    }
    #search-input {
        border: none;
        height: 1;
        padding: 0;
        background: $surface;
    }
    #search-input:focus {
        border: none;
    }
    """

    @dataclass
    class Results(Message):
        """A worker's answer for one ticket (None: it went stale)."""

        ticket: SearchTicket
        result: SearchResult | None

    @dataclass
    class Suggested(Message):
        """The nearest match for a query that found nothing."""

        ticket: SearchTicket
        suggestion: str | None

    index_status: reactive[str] = reactive("", init=False)
    """Why search cannot run yet (the index opening, its progress, a failure): set by the
    controller as `messages.SearchStatus` arrive, shown until the index is open."""

    def __init__(self, controller: SearchController, query: str = "") -> None:
        super().__init__()
        self.controller = controller
        self.set_reactive(SearchScreen.index_status, controller.status)
        self.initial_query = query
        self.ticket: SearchTicket | None = None
        self.result: SearchResult | None = None
        self.suggestion: str | None = None
        self._suggest_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield SearchResults(id="search-results")
            with Vertical(id="search-prompt"):
                yield Static(Text(""), id="search-status")
                yield Input(
                    self.initial_query, placeholder="Search actors, quotes, sentences, titles…",
                    id="search-input", select_on_focus=True,
                )

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def results(self) -> SearchResults:
        return self.query_one("#search-results", SearchResults)

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search"
        self.input.focus()
        self.search(self.input.value)
        self._fit(self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        """Results get at most ~2/3 of the screen (less 4 rows of frame, status and input), so
        the list scrolls to its highlight instead of being clipped by the box."""
        self.results.styles.max_height = max(2, min(20, height * 2 // 3 - 4))

    def watch_index_status(self, status: str) -> None:
        if self.controller.live is None:
            self.set_status(status)

    def set_status(self, text: str) -> None:
        """One line under the results: counts, "no matches", index progress (plain text)."""
        self.query_one("#search-status", Static).update(Text(text))

    # ----- typing ----------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.search(event.value)

    def search(self, query: str) -> None:
        """Start a search for `query` (or show why not); never waits for it."""
        if self._suggest_timer is not None:
            self._suggest_timer.stop()
            self._suggest_timer = None
        self.suggestion = None
        live = self.controller.live
        if live is None:
            self.ticket = None
            self.set_status(self.index_status)
            return
        self.ticket = live.begin(query)
        if not query.strip():
            self.result = None
            self.results.clear_hits()
            self.set_status("Type to search; ↑↓ choose, Enter jumps, Esc returns")
            return
        self.run_search(self.ticket)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, ticket: SearchTicket) -> None:
        """Off the UI thread; `LiveSearch.run` gives up as soon as a newer ticket exists."""
        result = ticket.live.run(ticket)
        self.post_message(self.Results(ticket, result))

    def on_search_screen_results(self, message: Results) -> None:
        ticket = message.ticket
        stale = ticket is not self.ticket or not ticket.live.is_current(ticket)
        if message.result is None or stale:
            return  # stale: a newer keystroke's answer is on its way
        result = message.result
        self.result = result
        self.results.show_result(result, self.controller.describe)
        if result.hits:
            shown = len(result.hits)
            more = f" of {result.total}" if result.total > shown else ""
            self.set_status(f"{shown}{more} hits · {result.elapsed_ms:.0f} ms")
        else:
            self.set_status("No matches")
            self._suggest_timer = self.set_timer(SUGGEST_DELAY, lambda: self.run_suggest(ticket))

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest")
    def run_suggest(self, ticket: SearchTicket) -> None:
        """The nearest suggestion (~70 ms): only once typing paused on a query with no hits."""
        if ticket.cancelled():
            return
        suggestion = ticket.live.index.suggest(ticket.query, kinds=ticket.live.kinds)
        self.post_message(self.Suggested(ticket, suggestion))

    def on_search_screen_suggested(self, message: Suggested) -> None:
        if message.ticket is not self.ticket or not message.ticket.live.is_current(message.ticket):
            return
        self.suggestion = message.suggestion
        if message.suggestion:
            self.set_status(f"No matches · nearest: {message.suggestion} (Enter to use it)")
        else:
            self.set_status("No matches")

    def on_search_ready(self, _message: messages.SearchReady) -> None:
        """The controller finished opening the index: search what is already typed."""
        self.search(self.input.value)

    # ----- keys ------------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        self.results.move(delta)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        """Enter: jump to the highlighted hit; with no hits, take the suggestion if there is one."""
        results = self.results
        index = results.highlighted_hit
        if index is None and results.hits:
            index = 0
        if index is not None and self.result is not None:
            self.dismiss(Chosen(self.result.query, tuple(results.hits), index))
            return
        if self.suggestion:
            self.input.value = self.suggestion
            self.input.cursor_position = len(self.suggestion)
            return
        self.app.bell()

    def on_option_list_option_selected(self, event: SearchResults.OptionSelected) -> None:
        """A click on a row chooses it."""
        event.stop()
        self.action_choose()

    def action_close(self) -> None:
        self.dismiss(None)
