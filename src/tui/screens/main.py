"""The main screen: three panes, and the routing that links them.

Widgets only report intent (`messages`); this screen decides what follows, keeps the
back/forward history and the walk that `n` / `N` step through. Its pane state (the article
shown, the chosen actor, the walk, the sidebar scope, the status text, which keys can run) is
held in reactives: handlers set them, and their watchers make the panes, the status line and
the footer follow, only when a value changes. The features beside the panes
(marks, search, corrections) read it only through `here()`, a `Here` record of what the keys
act on, and post messages for everything they change: `JumpTo`, `StartWalk`, `FocusText`,
`ReturnTo`, `AddLayers` (layers painted on each article opened; `messages.ArticleOpened`
follows), `LayerChanged` / `CountsChanged` (this screen sets the panes' reactives) and
`LibraryChanged`. They never touch the panes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.reactive import Reactive, var
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from newsdesk.core.marks.places import ReadingPlace
from newsdesk.core.models import (
    Actor,
    ActorSummary,
    ArticleAnalysis,
    ArticleSummary,
    Quote,
)
from newsdesk.core.store.library import Library, label_type

from .. import messages
from ..bindings import (
    ACTOR_TREE_BINDINGS,
    ARTICLE_LIST_BINDINGS,
    CORRECTION_BINDINGS,
    MAIN_BINDINGS,
    MARK_BINDINGS,
    TEXT_BINDINGS,
    key_name,
)
from ..here import Here, Location
from ..highlight import LEGEND, HSpan, Target
from ..widgets.actor_tree import ActorTree
from ..widgets.article_list import ArticleList
from ..widgets.article_text import ArticleText
from ..widgets.footer import KeyFooter
from ..widgets.index_progress import IndexProgress
from ..widgets.legend import Legend
from ..widgets.status_line import StatusLine

HISTORY_LIMIT = 200
PREVIEW_DELAY = 0.15
"""Seconds the article list's highlight rests before the text pane previews that article."""

#: Why a key does nothing while its action cannot run (by action name).
DISABLED_REASONS: dict[str, str] = {
    "walk": "Nothing to step through: choose an actor (Enter) or search (/) first.",
    "back": "Nothing to go back to: your history starts here.",
    "forward": "Nothing ahead: this is the end of your history ([ goes back).",
}
#: The actors pane with no actor to list, in one line of its narrowest width.
TREE_HINTS: dict[str, str] = {
    "article": "No actors in this article.",
    "corpus": "No actors in this folder.",
    "indexing": "Actors come after indexing.",
}
#: Each pane's own keys, for "works in the article list" when pressed elsewhere.
PANE_BINDINGS: tuple[tuple[str, str, list[Binding]], ...] = (
    ("the article list", "1", ARTICLE_LIST_BINDINGS),
    ("the text pane", "2", TEXT_BINDINGS),
    ("the actors pane", "3", ACTOR_TREE_BINDINGS),
)
EXPLAINED_KEYS: frozenset[str] = frozenset(
    key.strip()
    for binding in (*MAIN_BINDINGS, *(b for _p, _n, group in PANE_BINDINGS for b in group))
    for key in binding.key.split(",")
)

LayerProvider = Callable[[ArticleAnalysis], Mapping[str, Sequence[HSpan]]]
"""Called for each article opened: highlight layers to draw on it (marks)."""


@dataclass(frozen=True, slots=True)
class StatusText:
    """What the status line under the text says: the place, the walk's "N of M", the rest."""

    place: str
    parts: tuple[str, ...] = ()
    walk: str = ""


@dataclass(slots=True, eq=False)
class Walk:
    """What `n` / `N` step through: an actor's mentions, search hits, ...

    `index` and `on_cursor` follow the text cursor however it moved (`follow`): the target at
    the cursor, else the first one after it in reading order, so "3 of 6" is always what `n`
    would show and `n` goes on from where the reader is, not from where the walk last was.
    Compared by identity (`eq=False`): `MainScreen.walk` is a reactive, and a new walk must
    replace the old one even when it lists the same targets.
    """

    label: str
    targets: list[Target] = field(default_factory=list)
    index: int = 0
    layer: str = "target"
    rank: dict[str, int] = field(default_factory=dict)
    """Article -> its place in the article list (reading order; `reorder` when it changes)."""
    on_cursor: bool = True
    """`targets[index]` is at the cursor (else it is the next one after it)."""
    ahead: bool = True
    """Some target is at or after the cursor (else the counter reads "– of N")."""
    owner: str = ""
    """Who started it ("search"; "" for an actor's mentions): `Here.walk_owner`."""
    hits_layer: str = ""
    hits: Mapping[str, Sequence[HSpan]] = field(default_factory=dict)
    """Spans by article painted as `hits_layer` on each article shown while this walk is
    current (every matched word of the search hits listed)."""
    _reading: list[tuple[tuple[int, int], int]] | None = field(default=None, repr=False)
    """((article rank, start), index) of every target, sorted: reading order, built once."""

    def describe(self) -> str:
        place = str(self.index + 1) if self.ahead else "–"
        return f"{self.label}: {place} of {len(self.targets)}"

    def _place(self, article: str, start: int) -> tuple[int, int]:
        return self.rank.get(article, len(self.rank)), start

    def reorder(self, rank: dict[str, int]) -> None:
        """The article list was reordered: "N of M" and `n` follow its new order. Targets in
        the list's reading order (an actor's mentions) are sorted again, so `n` still walks
        down the list; the current target stays the current one."""
        current = self.targets[self.index] if self.targets else None
        in_reading_order = all(
            self._place(a.article, a.start) <= self._place(b.article, b.start)
            for a, b in zip(self.targets, self.targets[1:], strict=False)
        )
        self.rank, self._reading = rank, None
        if in_reading_order:
            self.targets.sort(key=lambda t: self._place(t.article, t.start))
            if current is not None:
                self.index = self.targets.index(current)

    def follow(self, article: str, sentence: tuple[int, int], focus: int | None) -> None:
        """Place the walk at the cursor: sentence `sentence` of `article`, on the entity starting
        at `focus` (None: the sentence as a whole). A binary search over the targets in reading
        order: this runs on every cursor move, and an actor can have thousands of mentions."""
        start, end = sentence
        current = self.targets[self.index]
        if current.article == article and (
            current.start == focus if focus is not None else start <= current.start < end
        ):
            self.on_cursor = self.ahead = True  # several in one sentence: keep the one reached
            return
        reading = self._reading
        if reading is None:
            reading = self._reading = sorted(
                (self._place(t.article, t.start), i) for i, t in enumerate(self.targets)
            )
        at = bisect_left(reading, (self._place(article, start if focus is None else focus), -1))
        self.ahead = at < len(reading)
        if not self.ahead:
            self.on_cursor = False
            return
        self.index = reading[at][1]
        target = self.targets[self.index]
        self.on_cursor = target.article == article and (
            target.start == focus if focus is not None else target.start < end
        )

    def step(self, delta: int) -> int:
        """The index `n` (delta 1) or `N` (-1) goes to from the cursor."""
        count = len(self.targets)
        if not self.ahead:
            return 0 if delta > 0 else count - 1
        if delta > 0 and not self.on_cursor:
            return self.index  # the next one is the one the counter shows
        return (self.index + delta) % count


class MainScreen(Screen[None]):
    """Articles | Text | Actors & positions."""

    # Corrections work from any pane; the actors pane shows their keys in its footer.
    BINDINGS: ClassVar[list[BindingType]] = [
        *MAIN_BINDINGS, *MARK_BINDINGS, *(replace(b, show=False) for b in CORRECTION_BINDINGS)
    ]
    BINDING_GROUP_TITLE = "Everywhere"
    AUTO_FOCUS = "#text"

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As on `Screen`, but moving focus repaints the panes it concerns (their `:focus` style
    and cursor rows), not the whole screen: Enter in the article list, and `1` `2` `3`, cost
    a full-screen repaint each (30-60 ms on a loaded 2-core machine) before."""

    # The panes' state. Handlers set it; the `watch_*` methods below make the panes, the
    # status line and the footer follow. All are `var`s (no repaint of the screen itself) with
    # `init=False` (nothing to redraw on compose), and their watchers run only on a change.
    shown_article: var[str | None] = var(None, init=False, always_update=True)
    """The article in the text pane. Always updated: an article opened again (the index has
    replaced its record) is marked and painted again in the list and the sidebar."""
    chosen_actor: var[str | None] = var(None, init=False)
    """The actor whose mentions are emphasised (Enter on an actor): the `actor` layer."""
    walk: var[Walk | None] = var(None, init=False)
    """What `n` / `N` step through. Stepping moves its `index` in place (the status line is
    then redrawn by the cursor move); a new walk, or none, is a new value."""
    scope: var[str] = var("article", init=False)
    """Sidebar scope: "article" (actors of the open article) or "corpus"."""
    status_text: var[StatusText] = var(StatusText(""), init=False)
    """The status line's text, derived from the text cursor (`_update_status`)."""
    key_state: var[tuple[bool, bool, bool]] = var((False, False, False), init=False,
                                                    bindings=True)
    """Whether `[`, `]` and `n` can run (what `check_action` answers): the footer follows."""

    def __init__(self) -> None:
        super().__init__()
        self.library: Library | None = None
        self.summaries: dict[str, ArticleSummary] = {}
        self.actor_summaries: dict[str, ActorSummary] = {}
        self.detail: ArticleAnalysis | None = None
        self.back_stack: list[Location] = []
        self.forward_stack: list[Location] = []
        self.layer_providers: list[LayerProvider] = []
        """Features that paint their own layers on every article opened (`add_layer_provider`)."""
        self._provisional: dict[str, ArticleAnalysis] = {}
        """Articles analysed while the index opens (no actors yet), readable at once."""
        self._rows_pending = False
        self._auto_opened: str | None = None
        """The article shown by itself while indexing (not chosen by the reader)."""
        self.resume: ReadingPlace | None = None
        """Where the reader left off last time: opened instead of the first article."""
        self.first_library: Callable[[], Awaitable[Library | None]] | None = None
        """Awaited before the first paint: the library to show in the first frame, if ready."""
        self._preview_timer: Timer | None = None
        self._preview_origin: Location | None = None
        """Where the reader was before the previews now shown (what history records)."""
        self._positions_read: dict[str, Sequence[Quote]] = {}
        self._chosen_spans: tuple[str, dict[str, list[HSpan]]] | None = None
        """The chosen actor's mention spans by article (`_actor_spans`)."""
        self._tree_stale = False
        """The sidebar still shows the previous article's actors (refilled after the paint)."""
        self._pending_reveal: tuple[str, Quote | None] | None = None
        """What to reveal in the sidebar once it is refilled."""

    # ----- composition -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The width class (-wide / -narrow) the first Resize would add: set now, that Resize
        # finds nothing to change instead of restyling every pane once more before the first paint.
        breakpoints = self.HORIZONTAL_BREAKPOINTS or self.app.HORIZONTAL_BREAKPOINTS or []
        for width, name in sorted(breakpoints, reverse=True):  # as Screen's Resize handler picks
            if self.app.size.width >= width:
                self.add_class(name, update=False)
                break
        with Horizontal(id="panes"):
            with Vertical(id="articles-pane"):
                yield ArticleList(id="articles")
                yield IndexProgress(id="progress")
            with Vertical(id="text-pane"):
                yield ArticleText(id="text")
                yield Legend(id="legend")
                yield StatusLine(id="status")
            with Vertical(id="sidebar"):
                yield ActorTree(id="actors")
        yield KeyFooter()

    @property
    def articles(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def text(self) -> ArticleText:
        return self.query_one("#text", ArticleText)

    @property
    def actor_tree(self) -> ActorTree:
        return self.query_one("#actors", ActorTree)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    async def on_mount(self) -> None:
        self.articles.border_title = "Articles"
        self.text.border_title = "Text"
        self.actor_tree.border_title = "Actors in article"
        self.actor_tree.positions_of = self._positions
        self.actor_tree.title_of = self._title
        self.actor_tree.corrected = lambda item_id: self.correction_note(item_id) is not None
        self._draw_legend()
        self.watch(self.app, "theme", self._draw_legend, init=False)
        if self.first_library is not None:  # the panes are composed: now wait for the index
            library = await self.first_library()
            if library is not None and library is not self.library:
                self.set_library(library)

    def on_resize(self, event: events.Resize) -> None:
        if self.laid_out_at(event.size):
            # Textual hands the screen the terminal's size once more after it has started:
            # laying out and restyling every pane for the size they have is a wasted frame.
            event.prevent_default()

    def laid_out_at(self, size: Size) -> bool:
        """The panes are laid out at `size` and carry its width class already.

        Only then may a Resize be skipped: `self.size` is no witness, the app takes the new
        size before the screen hears of it, so comparing with it swallowed every real resize.
        """
        breakpoints = self.HORIZONTAL_BREAKPOINTS or self.app.HORIZONTAL_BREAKPOINTS or []
        wanted = self._get_breakpoint_classes(size.width, breakpoints)
        # The compositor holds the size of the last layout (Textual has no public name for it).
        return self._compositor.size == size and all(self.has_class(c) for c in wanted)

    def on_key(self, event: events.Key) -> None:
        """A key that would do nothing here says why. (Keys reach the screen on their way up
        from the focused pane, before the app runs their bindings.)"""
        reason = self.why_key_does_nothing(event.key)
        if reason is not None:
            self.notify(reason, timeout=4, markup=False)

    def why_key_does_nothing(self, key: str) -> str | None:
        """Why `key` does nothing now: its action cannot run, or it works in another pane."""
        if key not in EXPLAINED_KEYS:
            return None
        active = self.active_bindings.get(key)
        if active is not None:
            if active.enabled:
                return None
            return DISABLED_REASONS.get(active.binding.action.split("(")[0])
        for pane, number, bindings in PANE_BINDINGS:
            for binding in bindings:
                if key in (k.strip() for k in binding.key.split(",")):
                    return (f"{key_name(key)} ({binding.description}) "
                            f"works in {pane}: press {number} to go there.")
        return None

    def _draw_legend(self) -> None:
        self.query_one(Legend).set_chips(
            [(label, self.text.kind_style(kind)) for kind, label in LEGEND])

    # ----- loading ---------------------------------------------------------------------------

    def on_index_progress(self, message: messages.IndexProgress) -> None:
        self.query_one(IndexProgress).update_progress(message.done, message.total)

    def on_library_failed(self, message: messages.LibraryFailed) -> None:
        self.query_one(IndexProgress).finish()
        self.actor_tree.clear()  # no actors will follow: the text pane says why
        self.text.show_message(f"{message.title}: {message.message}")
        self.status_text = StatusText("No articles")
        self.notify(message.message, title=message.title, severity="error", markup=False,
                    timeout=10)

    def on_library_loaded(self, message: messages.LibraryLoaded) -> None:
        if message.library is not self.library:  # else shown already, before the first paint
            self.set_library(message.library)
        for notice in message.notices:
            self.notify(notice, markup=False)
        if message.skipped:
            what = "files or dump rows" if message.skipped_rows else "files"
            self.notify(f"{message.skipped} {what} skipped (run `newsdesk index` for details)",
                        markup=False, severity="warning")

    def on_index_step(self, message: messages.IndexStep) -> None:
        self.query_one(IndexProgress).show_step(message.event)
        if self.library is None and not self.actor_tree.root.children:
            self.actor_tree.show_hint(TREE_HINTS["indexing"])

    def on_article_indexed(self, message: messages.ArticleIndexed) -> None:
        """A new folder fills in while it is indexed: rows as they come (once a frame), and
        the first article to read as soon as it is there."""
        if self.library is not None:
            return
        summary = message.summary
        self._provisional[summary.id] = message.detail
        self.summaries[summary.id] = summary
        if not self._rows_pending:
            self._rows_pending = True
            self.call_after_refresh(self._list_indexed)
        if self.detail is None:
            self._auto_opened = summary.id
            self.open_article(summary.id, record=False)

    def _list_indexed(self) -> None:
        self._rows_pending = False
        if self.library is None:
            self.articles.set_articles(list(self.summaries.values()))
            self.articles.border_title = f"Articles · {len(self.summaries)} so far"

    def _reopen_indexed(self) -> bool:
        """The library has replaced the articles shown while indexing: show its version of the
        one being read (unless it was only shown for the wait and a saved place exists)."""
        shown, self.detail = self.current_location(), None
        self._provisional.clear()
        if shown is None or (shown.article == self._auto_opened and self.resume is not None):
            return False
        if shown.article not in self.summaries:
            return False
        self.open_article(shown.article, offset=shown.offset, record=False)
        return True

    def set_library(self, library: Library) -> None:
        """Show a freshly opened library: fill the list, open the first article."""
        self.library = library
        self._chosen_spans = None
        self._positions_read.clear()
        self.query_one(IndexProgress).finish()
        rows = list(library.articles())
        self.summaries = {r.id: r for r in rows}
        self.actor_summaries = {a.id: a for a in library.actors()}
        self.articles.set_articles(rows)
        self.articles.border_title = f"Articles · {len(rows)}"
        if not rows:
            self.text.show_message("No articles in this folder.")
            self.actor_tree.clear()  # no actors will follow
            return
        if not self._reopen_indexed() and not self._resume_place():
            self.open_article(self.articles.order[0], record=False)

    def _resume_place(self) -> bool:
        """Open the saved reading place (`resume`) if its article is still here; once."""
        place, self.resume = self.resume, None
        if place is None or self.library is None or place.article not in self.summaries:
            return False
        self.open_article(place.article, offset=place.offset, record=False)
        if place.actor is not None and place.actor in self.actor_summaries:
            self._restore_actor(place.actor)
        return True

    def reading_place(self) -> ReadingPlace | None:
        """Where the reader is now, to reopen there next time."""
        here = self.current_location()
        if here is None:
            return None
        return ReadingPlace(here.article, here.offset, self.chosen_actor)

    def reload_library(self) -> None:
        """The library changed in place (a correction, undo or redo): redraw the lists, the
        sidebar and the open article at once, keeping the reader's place."""
        library = self.library
        if library is None:
            return
        here = self.current_location()
        rows = list(library.articles())
        self.summaries = {r.id: r for r in rows}
        self.actor_summaries = {a.id: a for a in library.actors()}
        self.actor_types = {a.id: a.type for a in self.actor_summaries.values()}
        self.articles.set_articles(rows)
        if self.chosen_actor is not None and self.chosen_actor not in self.actor_summaries:
            self.walk = None
            self.chosen_actor = None
        if self.detail is not None:
            article_id = self.detail.article.id
            self.detail = None
            self.open_article(article_id, offset=here.offset if here else None, record=False)
        self._fill_tree()
        self._update_status()

    def correction_note(self, item_id: str | None) -> str | None:
        """"corrected: was …" for an actor or quote the reader corrected, else None."""
        find = getattr(self.library, "correction_for", None)
        record = find(item_id) if callable(find) and item_id else None
        if record is None:
            return None
        return f"✓ corrected, was {record.before}" if record.before else "✓ corrected"

    def _positions(self, actor_id: str) -> Sequence[Quote]:
        """An actor's positions, read once per library (the sidebar asks on every jump)."""
        if self.library is None:
            return ()
        found = self._positions_read.get(actor_id)
        if found is None:
            if len(self._positions_read) > 256:
                self._positions_read.clear()
            found = self._positions_read[actor_id] = self.library.positions(actor_id)
        return found

    def _title(self, article_id: str) -> str:
        row = self.summaries.get(article_id)
        return row.title if row else article_id

    # ----- opening and jumping ---------------------------------------------------------------

    def current_location(self) -> Location | None:
        text = self.text
        if text.detail is None or not text.sentences:
            return None
        return Location(text.detail.article.id, text.sentences[text.cursor][0])

    def _record(self) -> None:
        here, self._preview_origin = self._preview_origin or self.current_location(), None
        if here is None:
            return
        if not self.back_stack or self.back_stack[-1] != here:
            self.back_stack.append(here)
            del self.back_stack[:-HISTORY_LIMIT]
        self.forward_stack.clear()
        self._update_key_state()

    def open_article(
        self, article_id: str, *, offset: int | None = None, record: bool = True
    ) -> None:
        """Show an article in the text pane (cursor at `offset`), keeping the history."""
        if self.library is None and article_id not in self._provisional:
            return
        if record:
            self._record()
        if self.detail is not None and self.detail.article.id == article_id:
            self.text.clear_layer("target")
            if offset is not None:
                self.text.move_cursor_to(offset, center=True)
            return
        self.detail = self._detail_of(article_id)
        self.text.show_article(self.detail, offset=offset)
        for provider in self.layer_providers:
            for name, spans in provider(self.detail).items():
                self.text.set_layer(name, spans)
        self._paint_walk_hits()
        self.shown_article = article_id

    def watch_shown_article(self, article_id: str | None) -> None:
        """The list marks the article shown, the sidebar follows it (after the paint)."""
        if article_id is None:
            return
        self.articles.opened = article_id
        self.articles.highlight_article(article_id)
        self._paint_actor()
        if self.scope == "article":
            self._refill_tree_soon()
        self.post_message(messages.ArticleOpened(article_id))

    def _detail_of(self, article_id: str) -> ArticleAnalysis:
        """The article to draw: from the library, or as indexed while the index still opens."""
        if self.library is not None:
            return self.library.article(article_id)
        return self._provisional[article_id]

    def jump_to(self, target: Target, *, layer: str = "target", record: bool = True) -> None:
        """Open `target.article`, highlight [start, end) in `layer` and put the cursor there."""
        if self.library is None or target.article not in self.summaries:
            self.notify("That article is not in this index.", severity="warning")
            return
        self.open_article(target.article, offset=target.start, record=record)
        self.text.set_layer(layer, [HSpan(target.start, target.end, layer)])
        self.text.move_cursor_to(target.start, center=True)

    def add_layer_provider(self, provider: LayerProvider) -> None:
        """Paint `provider(detail)` layers on every article opened, and on the open one now."""
        self.layer_providers.append(provider)
        if self.detail is not None:
            for name, spans in provider(self.detail).items():
                self.text.set_layer(name, spans)

    def start_walk(
        self,
        label: str,
        targets: Sequence[Target],
        *,
        index: int = 0,
        layer: str = "target",
        owner: str = "",
        hits_layer: str = "",
        hits: Mapping[str, Sequence[HSpan]] | None = None,
    ) -> None:
        """Make `n` / `N` step through `targets` (search hits, marks, ...); `hits` are painted
        as `hits_layer` on each article shown while this walk is current, the open one now."""
        self.walk = (
            Walk(label, list(targets), index, layer, self._article_rank(), owner=owner,
                 hits_layer=hits_layer, hits=hits or {})
            if targets else None
        )

    def watch_walk(self, walk: Walk | None) -> None:
        """A new walk (or none): its hits painted, `n` / `N` enabled, its counter shown."""
        if walk is not None:
            self._paint_walk_hits()
        self._update_key_state()
        self._update_status()

    def _paint_walk_hits(self) -> None:
        walk, detail = self.walk, self.detail
        if walk is not None and walk.hits_layer and detail is not None:
            self.text.set_layer(walk.hits_layer, walk.hits.get(detail.article.id, ()))

    def on_jump_to(self, message: messages.JumpTo) -> None:
        self.jump_to(message.target, layer=message.layer, record=message.record)

    def on_start_walk(self, message: messages.StartWalk) -> None:
        self.start_walk(
            message.label, message.targets, index=message.index, layer=message.layer,
            owner=message.owner, hits_layer=message.hits_layer, hits=message.hits,
        )

    def on_focus_text(self, message: messages.FocusText) -> None:
        """Focus the text pane, its cursor on the entity starting at `mention_at` (if any)."""
        detail = self.text.detail
        if message.mention_at is not None and detail is not None:
            mention = next((m for m in detail.mentions if m.start == message.mention_at), None)
            if mention is not None:
                self.text.move_cursor_to(mention.start, center=True, mention=mention)
        self.text.focus()

    def on_return_to(self, message: messages.ReturnTo) -> None:
        """Back where the reader was (a search given up): no jump highlight, history kept."""
        place = message.location
        self.text.clear_layer("target")
        self.open_article(place.article, offset=place.offset, record=True)
        self.text.move_cursor_to(place.offset, center=True)

    def on_add_layers(self, message: messages.AddLayers) -> None:
        self.add_layer_provider(message.provider)

    def on_marks_changed(self, _message: messages.MarksChanged) -> None:
        """The marks changed: their layer (from its provider) is painted again on the open
        article, and the status line follows ("✎ marked")."""
        detail = self.text.detail
        if detail is None:
            return
        for provider in self.layer_providers:
            for name, spans in provider(detail).items():
                self.text.set_layer(name, spans)
        self._update_status()

    def on_library_changed(self, message: messages.LibraryChanged) -> None:
        """Redraw at once after a correction (the message goes on up to the app)."""
        if message.library is self.library:
            self.reload_library()

    def on_layer_changed(self, message: messages.LayerChanged) -> None:
        if message.article_id is not None and message.article_id != self.text.article_id:
            return  # painted by its layer provider when that article is opened again
        self.text.set_layer(message.name, message.spans)
        self._update_status()  # "✎ marked" under the cursor

    def on_articles_sorted(self, message: messages.ArticlesSorted) -> None:
        """The list's order changed (`o`): the walk's "N of M" and `n` follow the new order."""
        if self.walk is not None:
            self.walk.reorder(self._article_rank())
            self._update_status()

    def on_counts_changed(self, message: messages.CountsChanged) -> None:
        self.articles.set_counts(message.name, message.counts)

    # ----- what the keys of marks, search and corrections act on -----------------------------

    def here(self) -> Here:
        """The reader's place now, for the features beside the panes (see `here.Here`).

        Focus is the main screen's own: still right under the palette or a dialog."""
        text, tree = self.text, self.actor_tree
        sidebar = self.focused is tree
        mention, quote = text.under_cursor()
        position = None
        node = tree.cursor_node if sidebar else None
        if node is not None and node.data is not None and node.data.kind == "position":
            position = node.data.quote
        return Here(
            library=self.library,
            detail=self.detail,
            shown=text.detail,
            location=self.current_location(),
            mention=mention,
            quote=quote,
            text_mention=None if sidebar else text.focus_mention or mention,
            text_target=text.cursor_target(),
            selection=text.selection_range() if text.detail is not None else None,
            sidebar_focused=sidebar,
            sidebar_position=position,
            sidebar_actor=tree.cursor_actor,
            chosen_actor=self.chosen_actor,
            walk_owner=self.walk.owner if self.walk is not None else None,
            summaries=self.summaries,
            actor_summaries=self.actor_summaries,
            article_rows=self.articles.rows,
        )

    # ----- links -----------------------------------------------------------------------------

    def on_article_chosen(self, message: messages.ArticleChosen) -> None:
        """Enter (or a click) in the list: the article now, and the text pane to read it."""
        self._cancel_preview()
        if self.detail is not None and self.detail.article.id == message.article_id:
            self._adopt_preview()
        else:
            self.open_article(message.article_id)
        self.set_focus(self.text)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.text:
            self._adopt_preview()

    def _adopt_preview(self) -> None:
        """The reader went on to read a previewed article: from here it is a jump."""
        if self._preview_origin is not None:
            self._record()

    def on_article_highlighted(self, message: messages.ArticleHighlighted) -> None:
        """Preview the highlighted article once the highlight rests (lazygit's way)."""
        self._cancel_preview()
        if self.detail is not None and self.detail.article.id == message.article_id:
            return
        self._preview_timer = self.set_timer(
            PREVIEW_DELAY, lambda: self.preview_article(message.article_id)
        )

    def _cancel_preview(self) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None

    def preview_article(self, article_id: str) -> None:
        """Show an article without a jump in the history (focus stays in the list)."""
        self._preview_timer = None
        if article_id not in self.summaries:  # (while indexing: the articles indexed so far)
            return
        if self._preview_origin is None:
            self._preview_origin = self.current_location()
        self.open_article(article_id, record=False)

    def on_actor_chosen(self, message: messages.ActorChosen) -> None:
        self.choose_actor(message.actor_id)

    def on_position_chosen(self, message: messages.PositionChosen) -> None:
        self.choose_position(message.quote)

    def _article_rank(self) -> dict[str, int]:
        return {aid: i for i, aid in enumerate(self.articles.order)}

    def choose_actor(self, actor_id: str) -> None:
        """Emphasise every mention of an actor; move to the first; let `n`/`N` walk them."""
        if self.library is None:
            return
        actor = self.library.actor(actor_id)
        self._actor_spans(actor)  # read from this record once: the watcher paints from it
        targets = self._mention_targets(actor)
        here = self.detail.article.id if self.detail else None
        index = next((i for i, t in enumerate(targets) if t.article == here), 0)
        self.chosen_actor = actor_id
        self.walk = Walk(actor.name, targets, index, "actor", self._article_rank())
        if targets:
            target = targets[index]
            self.open_article(target.article, offset=target.start, record=True)
            self._focus_mention(target)
        self._reveal(actor_id)

    def _mention_targets(self, actor: Actor) -> list[Target]:
        """An actor's mentions in list order: what `n` / `N` walk."""
        rank = self._article_rank()
        mentions = sorted(actor.mentions, key=lambda m: (rank.get(m.article, 1 << 30), m.start))
        return [Target(m.article, m.start, m.end, actor.name) for m in mentions]

    def _restore_actor(self, actor_id: str) -> None:
        """Choose an actor again where the reader is, without moving the cursor."""
        if self.library is None or self.detail is None:
            return
        actor = self.library.actor(actor_id)
        self._actor_spans(actor)  # read from this record once: the watcher paints from it
        targets = self._mention_targets(actor)
        here = (self.detail.article.id, self.text.sentences[self.text.cursor][0]
                if self.text.sentences else 0)
        index = next((i for i, t in enumerate(targets) if (t.article, t.start) >= here
                      and t.article == here[0]), 0)
        self.chosen_actor = actor_id
        self.walk = (Walk(actor.name, targets, index, "actor", self._article_rank())
                     if targets else None)
        self._reveal(actor_id)

    def _focus_mention(self, target: Target) -> None:
        detail = self.text.detail
        mention = None
        if detail is not None:
            mention = next((m for m in detail.mentions if m.start == target.start), None)
        self.text.move_cursor_to(target.start, center=True, mention=mention)

    def watch_chosen_actor(self) -> None:
        self._paint_actor()

    def _paint_actor(self) -> None:
        """The chosen actor's mentions in the open article, as the `actor` layer."""
        if self.chosen_actor is None or self.library is None or self.detail is None:
            self.text.clear_layer("actor")
            return
        spans = self._actor_spans(self.chosen_actor)
        self.text.set_layer("actor", spans.get(self.detail.article.id, ()))

    def _actor_spans(self, actor: Actor | str) -> dict[str, list[HSpan]]:
        """The chosen actor's mentions by article, read once per choice (not per jump: a
        much-quoted actor has thousands of mentions in a large corpus)."""
        actor_id = actor if isinstance(actor, str) else actor.id
        cached = self._chosen_spans
        if cached is None or cached[0] != actor_id:
            if isinstance(actor, Actor):
                record = actor
            elif self.library is not None:
                record = self.library.actor(actor)
            else:
                return {}
            by_article: dict[str, list[HSpan]] = {}
            for m in record.mentions:
                by_article.setdefault(m.article, []).append(HSpan(m.start, m.end, "actor"))
            cached = self._chosen_spans = (actor_id, by_article)
        return cached[1]

    def choose_position(self, quote: Quote) -> None:
        """Open the position's article, scroll to it, highlight the quote and its cue."""
        self.open_article(quote.article, offset=quote.start, record=True)
        spans = [HSpan(quote.start, quote.end, "target")]
        if quote.cue_start is not None and quote.cue_end is not None:
            spans.append(HSpan(quote.cue_start, quote.cue_end, "target"))
        self.text.set_layer("target", spans)
        self.text.move_cursor_to(quote.start, center=True)
        if quote.actor:
            self._reveal(quote.actor, quote)

    def on_cursor_moved(self, message: messages.CursorMoved) -> None:
        """The sidebar follows the text cursor (without choosing anything)."""
        self._update_status()
        detail = self.text.detail
        if detail is None:
            return
        actor_id = None
        if message.mention is not None:
            actor_id = detail.actor_of.get(message.mention.key)
        if message.quote is not None and message.quote.actor and (
            self.text.focus_mention is None or actor_id is None
        ):
            actor_id = message.quote.actor
            self._reveal(actor_id, message.quote)
        elif actor_id is not None:
            self._reveal(actor_id)

    def _reveal(self, actor_id: str, quote: Quote | None = None) -> None:
        if self._tree_stale:  # shown once the sidebar has caught up with the article
            self._pending_reveal = (actor_id, quote)
            return
        tree = self.actor_tree
        if actor_id not in tree.actor_nodes and actor_id in self.actor_summaries:
            tree.add_actor(self.actor_summaries[actor_id])
        tree.reveal(actor_id, quote)

    # ----- sidebar ---------------------------------------------------------------------------

    def _refill_tree_soon(self) -> None:
        """Refill the sidebar for the opened article right after the text is painted.

        The key asked for the article; rebuilding and painting the actor tree (Textual's Tree
        renders slowly) in the same frame made each jump miss the 50 ms answer.
        """
        if not self._tree_stale:
            self._tree_stale = True
            self.text.call_after_paint(self._refill_tree_now)
            # and at the latest: the text may not be painted soon (another screen on top)
            self.set_timer(0.25, self._refill_tree_now)

    def _refill_tree_now(self) -> None:
        if not self._tree_stale:
            return
        self._tree_stale = False
        self._fill_tree()
        pending, self._pending_reveal = self._pending_reveal, None
        if pending is not None:
            self._reveal(*pending)

    def _fill_tree(self) -> None:
        if self.library is None:  # actors are merged across articles once all are in
            self.actor_tree.show_hint(TREE_HINTS["indexing"])
            return
        if self.scope == "article" and self.detail is not None:
            detail = self.detail
            counts = detail.actor_counts
            actors = [self.actor_summaries[i] for i in counts if i in self.actor_summaries]
            self.actor_tree.set_actors(actors, counts, "article", detail.quote_counts)
            self.actor_tree.border_title = f"Actors in article · {len(actors)}"
        else:
            actors = sorted(self.actor_summaries.values(),
                            key=lambda a: (-a.mention_count, a.name.casefold()))
            self.actor_tree.set_actors(actors, {a.id: a.mention_count for a in actors}, "corpus",
                                 {a.id: a.quote_count for a in actors})
            self.actor_tree.border_title = f"Actors in corpus · {len(actors)}"
        if not actors:
            self.actor_tree.show_hint(TREE_HINTS[self.actor_tree.scope])

    def record_actor(self) -> str | None:
        """Whose record `v` opens: the actors pane's row when it has focus, else the chosen
        actor, else the actor under the text cursor."""
        if self.actor_tree.has_focus and self.actor_tree.cursor_actor:
            return self.actor_tree.cursor_actor
        if self.chosen_actor:
            return self.chosen_actor
        detail = self.text.detail
        mention, quote = self.text.under_cursor()
        if detail is not None and mention is not None:
            return detail.actor_of.get(mention.key)
        return quote.actor if quote is not None else None

    def on_record_wanted(self, message: messages.RecordWanted) -> None:
        self.show_record(message.actor_id)

    def action_show_record(self) -> None:
        self.show_record(self.record_actor())

    def show_record(self, actor_id: str | None) -> None:
        """Push the actor's record; Enter there opens the evidence here."""
        from newsdesk.core.analysis.record import build_record

        from .record import RecordScreen

        if self.library is None or actor_id is None:
            self.notify("Choose an actor first (Enter on a name), or put the cursor on one.",
                        title="No actor", severity="warning", markup=False)
            return
        record = build_record(self.library, actor_id)

        def opened(quote: Quote | None) -> None:
            if quote is not None:
                self.choose_position(quote)

        self.app.push_screen(RecordScreen(record, self.library, self._title), opened)

    def action_toggle_scope(self) -> None:
        self.scope = "corpus" if self.scope == "article" else "article"

    def watch_scope(self) -> None:
        """The sidebar lists the actors of the new scope, the chosen one shown."""
        self._fill_tree()
        if self.chosen_actor:
            self._reveal(self.chosen_actor)

    def action_toggle_sidebar(self) -> None:
        self.toggle_class("-sidebar-toggled")
        if not self.sidebar_visible and self.actor_tree.has_focus:
            self.text.focus()

    @property
    def sidebar_visible(self) -> bool:
        narrow = self.has_class("-narrow")
        return narrow == self.has_class("-sidebar-toggled")

    def action_focus_pane(self, name: str) -> None:
        widget = {"articles": self.articles, "text": self.text, "actors": self.actor_tree}[name]
        if name == "actors" and not self.sidebar_visible:
            self.action_toggle_sidebar()
            self.call_after_refresh(widget.focus)  # focusable once the sidebar is laid out
            return
        if name == "articles" and self.has_class("-narrow") and self.sidebar_visible:
            self.action_toggle_sidebar()  # the narrow sidebar stands in for the article list
            self.call_after_refresh(widget.focus)
            return
        self.set_focus(widget)  # at once: keys typed right after go to the new pane

    # ----- walking and history ---------------------------------------------------------------

    def action_walk(self, delta: int) -> None:
        walk = self.walk
        if walk is None or not walk.targets:
            self.notify("Nothing to step through: search (/) or choose an actor (Enter).",
                        timeout=3)
            return
        self._follow_cursor()
        walk.index = walk.step(delta)
        target = walk.targets[walk.index]
        here = self.detail.article.id if self.detail else None
        self.open_article(target.article, offset=target.start, record=target.article != here)
        if walk.layer == "actor":
            self._paint_actor()
            self._focus_mention(target)
        else:
            self.text.set_layer(walk.layer, [HSpan(target.start, target.end, walk.layer)])
            self.text.move_cursor_to(target.start, center=True)
        self._update_status()

    def _go(self, source: list[Location], dest: list[Location]) -> None:
        if not source:
            self.app.bell()
            return
        here = self.current_location()
        location = source.pop()
        if here is not None:
            dest.append(here)
        self.open_article(location.article, offset=location.offset, record=False)
        self.text.move_cursor_to(location.offset, center=True)
        self._update_key_state()

    def action_back(self) -> None:
        self._go(self.back_stack, self.forward_stack)

    def action_forward(self) -> None:
        self._go(self.forward_stack, self.back_stack)

    def action_clear(self) -> None:
        self.walk = None
        self.chosen_actor = None
        self.text.clear_layer("target")
        self.text.clear_layer("search")

    def _update_key_state(self) -> None:
        """`key_state` refreshes the footer's bindings only when `check_action` would answer
        differently (the history stacks are lists: they cannot be watched themselves)."""
        self.key_state = (bool(self.back_stack), bool(self.forward_stack), self.walk is not None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return True if self.back_stack else None
        if action == "forward":
            return True if self.forward_stack else None
        if action == "walk":
            return True if self.walk is not None else None
        return True

    # ----- status ----------------------------------------------------------------------------

    def _update_status(self) -> None:
        text = self.text
        if text.detail is None or not text.sentences:
            return
        paragraph = text.paragraph_of(text.cursor)
        place = (
            f"¶ {paragraph + 1}/{len(text.paragraphs)}"
            f" · sentence {text.cursor + 1}/{len(text.sentences)}"
        )
        if text.select_anchor is not None and text.select_anchor != text.cursor:
            place += f" · {abs(text.cursor - text.select_anchor) + 1} selected"
        s, e = text.sentences[text.cursor]
        if any(m.start < e and m.end > s for m in text.highlight_layers.get("mark", ())):
            place += " · ✎ marked"
        mention, quote = text.under_cursor()
        parts: list[str] = []
        if mention is not None:
            actor_id = text.detail.actor_of.get(mention.key)
            summary = self.actor_summaries.get(actor_id or "")
            name = summary.name if summary else mention.key
            kind = summary.type if summary else label_type(mention.label)  # never "GPE"
            parts.append(f"{name} ({kind})")
            if note := self.correction_note(actor_id):
                parts.append(note)
        if quote is not None:
            who = quote.speaker or "unattributed"
            parts.append(f"❝ {who} · {quote.kind}" + (f" · {quote.cue}" if quote.cue else ""))
            if note := self.correction_note(quote.id):
                parts.append(note)
        walk = ""
        if self.walk is not None:
            self._follow_cursor()
            walk = self.walk.describe()
        self.status_text = StatusText(place, tuple(parts), walk)

    def watch_status_text(self, status: StatusText) -> None:
        self.status.show(status.place, *status.parts, walk=status.walk)

    def _follow_cursor(self) -> None:
        """Keep the walk's counter on the target at or after the text cursor."""
        text, walk = self.text, self.walk
        if walk is None or text.detail is None or not text.sentences:
            return
        focus = text.focus_mention.start if text.focus_mention is not None else None
        walk.follow(text.detail.article.id, text.sentences[text.cursor], focus)
