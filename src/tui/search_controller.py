"""Search in the explorer: the index, the `/` bar, jumping to hits and `n` / `N` across them.

The app owns one `SearchController`. It opens the search index in a thread worker once the
library is loaded (building it on first use, with progress in the bar), hands the bar a
`LiveSearch`, and turns a chosen hit into a jump plus a walk of every hit listed, so `n` / `N`
step through hits while that walk is the active one (choosing an actor replaces it). It reads
the main screen as a `Here` record and changes it only by messages (`StartWalk`, `JumpTo`,
`FocusText`, `LayerChanged`, `ReturnTo`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.worker import Worker, get_current_worker

from newsdesk.core.store.library import Library

from . import messages
from .highlight import HSpan, Target
from .wording import one_line

if TYPE_CHECKING:
    from textual.message import Message

    from newsdesk.core.search.query import Hit, LiveSearch, SearchIndex

    from .app import NewsdeskApp
    from .here import Here, Location
    from .screens.search import Chosen, SearchScreen

#: Live results: at most this many hits, and this many of each kind.
LIVE_LIMIT = 50
PER_KIND = 10
#: The layer painting every matched word of the listed hits in the open article; also the
#: owner of the walk through the hits (`Here.walk_owner`).
LAYER = "search"


def hit_target(hit: Hit, label: str) -> Target:
    """Where a hit points in its article: its matched words (hull), the unit, or the top."""
    if hit.kind == "article":
        return Target(hit.article, 0, 0, label)
    matches = hit.body_matches
    if matches:
        return Target(hit.article, matches[0][0], matches[-1][1], label)
    return Target(hit.article, hit.start, hit.end, label)


class SearchController:
    """Glue between `newsdesk.core.search.query` and the explorer's screens."""

    def __init__(
        self, app: NewsdeskApp, here: Callable[[], Here], post: Callable[[Message], bool]
    ) -> None:
        self.app = app
        self.here = here
        """Asks the main screen where the reader is."""
        self.post = post
        """Posts a message to the main screen."""
        self.index: SearchIndex | None = None
        """None until the index is open (then searches run; before that the bar says why not)."""
        self.live: LiveSearch | None = None
        self.status = "Search waits for the articles to load…"
        """Why the bar cannot search yet (shown in place of results)."""
        self.query = ""
        """The last query the reader jumped from (the bar opens with it)."""
        self.hits: tuple[Hit, ...] = ()
        self.walking = False
        """A walk through hits was started here and not given up (`active` says whether it is
        still the one `n` / `N` step through)."""
        self.origin: Location | None = None
        """Where the reader was when this search began (Esc in the bar returns there)."""
        self._worker: Worker[None] | None = None
        self._revision: str | None = None

    @property
    def active(self) -> bool:
        """A result set is active: `n` / `N` walk its hits."""
        return self.walking and self.here().walk_owner == LAYER

    # ----- the index -------------------------------------------------------------------------

    def library_ready(self, library: Library) -> None:
        """Open (or build) the index of `library` off the UI thread; swap it on a new revision."""
        if self._revision == library.revision and (self.index is not None or self._worker):
            return
        self._revision = library.revision
        self.show_status("Opening the search index…")
        self._worker = self.app.run_worker(
            lambda: self._open(library), thread=True, exclusive=True, group="search-index",
            exit_on_error=False, name="search-index",
        )

    def _open(self, library: Library) -> None:
        """Thread: load the saved index, or build it with progress; only UI calls leave."""
        from newsdesk.core.errors import NewsdeskError
        from newsdesk.core.search.query import BuildCancelled, open_search

        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            # A message, not `call_from_thread`: never blocks on the UI thread (quitting).
            text = f"Indexing for search: {done:,} / {total:,} articles…"
            self.app.post_message(messages.SearchStatus(text))

        try:
            index = open_search(
                library, self.app.settings, progress=progress,
                cancelled=lambda: worker.is_cancelled,
            )
        except BuildCancelled:
            return
        except (NewsdeskError, OSError) as err:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, str(err))
            return
        if worker.is_cancelled:
            index.close()
            return
        self.app.call_from_thread(self._ready, index, library.revision)

    def show_status(self, text: str) -> None:
        """Why the bar cannot search yet (`messages.SearchStatus`): kept for a bar opened
        later, and handed to the open bar."""
        self.status = text
        screen = self._bar()
        if screen is not None:
            screen.index_status = text

    def _failed(self, message: str) -> None:
        self.show_status(f"Search is unavailable: {message}")
        self.app.notify(message, title="Search index", severity="error", markup=False)

    def _ready(self, index: SearchIndex, revision: str) -> None:
        from newsdesk.core.search.query import LiveSearch

        if revision != self._revision:
            index.close()
            return
        old, self.index = self.index, index
        self.live = LiveSearch(index, limit=LIVE_LIMIT, per_kind=PER_KIND)
        self._worker = None
        self.show_status("")
        if old is not None:
            old.close()
        screen = self._bar()
        if screen is not None:
            screen.post_message(messages.SearchReady())
        self.app.settle_memory()  # the index lives as long as the app

    def _bar(self) -> SearchScreen | None:
        from .screens.search import SearchScreen  # imported on first use: not on the start path

        stack = self.app.screen_stack  # empty while the app closes: a late status finds none
        screen = stack[-1] if stack else None
        return screen if isinstance(screen, SearchScreen) else None

    # ----- the bar ---------------------------------------------------------------------------

    def open_bar(self) -> None:
        """`/`: the bar over the panes; a new search remembers where the reader is."""
        if self._bar() is not None:
            return
        if not self.active:
            self.origin = self.here().location
            self.query = ""
        from .screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self, self.query), self._closed)

    def describe(self, hit: Hit) -> str:
        """The dim part of a row: the article's title, or what an actor is."""
        here = self.here()
        if hit.kind == "actor" and hit.actor:
            actor = here.actor_summaries.get(hit.actor)
            if actor is not None:
                n = actor.mention_count
                return f"{actor.type} · {n} mention{'s' if n != 1 else ''}"
        row = here.summaries.get(hit.article)
        if row is None:
            return hit.article
        if hit.kind == "article":
            return " · ".join(x for x in (row.date, row.source) if x)
        return row.title or row.id

    def _closed(self, chosen: Chosen | None) -> None:
        if chosen is None:
            self.cancel()
        else:
            self.choose(chosen)

    def choose(self, chosen: Chosen) -> None:
        """Enter: jump to the hit; `n` / `N` then step through every hit listed."""
        self.query = chosen.query
        self.hits = chosen.hits
        label = "/" + one_line(chosen.query, 16)  # like less and vim: short, so "3 of 11" fits
        targets = [hit_target(hit, label) for hit in chosen.hits]
        self.walking = True
        self.post(messages.StartWalk(
            label, targets, layer="target", index=chosen.index, owner=LAYER,
            hits_layer=LAYER, hits=self._spans(),
        ))
        hit = chosen.hits[chosen.index]
        self.post(messages.JumpTo(targets[chosen.index], layer="target"))
        # On an actor's mention itself: it is drawn as the focused entity and the sidebar shows it.
        self.post(messages.FocusText(hit.start if hit.kind == "actor" else None))

    def cancel(self) -> None:
        """Esc: the search ends and the reader is back where they were before it began."""
        if self.active:
            self.post(messages.StartWalk(""))  # `n` / `N` no longer step through hits
        self.walking = False
        self.hits = ()
        self.post(messages.LayerChanged(LAYER))
        origin = self.origin
        self.origin = None
        if origin is None:
            return
        here = self.here().location
        if here is None or here.article != origin.article or here.offset != origin.offset:
            self.post(messages.ReturnTo(origin))

    # ----- highlights ------------------------------------------------------------------------

    def _spans(self) -> dict[str, list[HSpan]]:
        """Every matched word of the listed hits, by article."""
        found: dict[str, set[tuple[int, int]]] = {}
        for hit in self.hits:
            spans = found.setdefault(hit.article, set())
            spans.update(hit.body_matches)
            # An actor's first mention (its name matched, not body text): painted too, so the
            # hit shows inside the sentence cursor, whose background covers the target's.
            if hit.kind == "actor" and hit.end > hit.start:
                spans.add((hit.start, hit.end))
        return {
            article: [HSpan(s, e, LAYER) for s, e in sorted(spans)]
            for article, spans in found.items()
        }
