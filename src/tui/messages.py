"""Messages that travel up to the main screen, which routes them to the other panes.

Widgets report intent ("this actor was chosen"); only `MainScreen` decides what follows. The
features beside the panes (marks, search, corrections) read the screen only as a `here.Here`
record and post `JumpTo`, `StartWalk`, `FocusText`, `ReturnTo`, `AddLayers`, `LayerChanged`,
`CountsChanged`, `MarksChanged` and `LibraryChanged` to it instead of reaching into the panes;
they reach each other through the app with `Undoable` and `UndoCorrection`. Workers post progress
(`IndexProgress`, `SearchStatus`), since `post_message` is thread-safe.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from newsdesk.core.events import IndexEvent
from newsdesk.core.models import ArticleAnalysis, ArticleSummary, Mention, Quote
from newsdesk.core.store.library import Library

from .here import Location
from .highlight import HSpan, Target

if TYPE_CHECKING:
    from .corrections_controller import CorrectionChange
    from .marks_controller import Change


@dataclass
class IndexProgress(Message):
    """Articles analysed so far while the index opens (a flood collapses to the latest)."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class IndexStep(Message):
    """What opening the index is doing now (scanning, loading the model, linking actors)."""

    event: IndexEvent

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexStep)


@dataclass
class ArticleIndexed(Message):
    """An article analysed while the index opens: listed and readable before the merge.

    Never replaced: each one adds a row."""

    summary: ArticleSummary
    detail: ArticleAnalysis


@dataclass
class LibraryLoaded(Message):
    """The index is open: every pane may read the library now."""

    library: Library
    notices: Sequence[str] = ()
    skipped: int = 0
    skipped_rows: int = 0
    """Of `skipped`, the rows of dump files (JSONL, CSV, ...)."""


@dataclass
class LibraryFailed(Message):
    """Opening the index failed with an error a user can act on."""

    title: str
    message: str


@dataclass
class SearchStatus(Message):
    """Why search cannot answer yet: the index opening, its build progress, a failure.

    Posted to the app by the search index worker (`post_message` is thread-safe and never
    waits on the UI thread); a flood of progress collapses to the latest."""

    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SearchStatus)


@dataclass
class ArticleChosen(Message):
    """The reader opened an article (article list, palette)."""

    article_id: str


@dataclass
class ArticleHighlighted(Message):
    """The article list's highlight moved: preview that article after a pause."""

    article_id: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ArticleHighlighted)


@dataclass
class ArticlesSorted(Message):
    """The article list's order changed (`o`): walks in reading order follow it."""

    sort_key: str


@dataclass
class ArticleOpened(Message):
    """The text pane now shows this article (posted by the main screen; bubbles to the app)."""

    article_id: str


@dataclass
class ActorChosen(Message):
    """The reader chose an actor: highlight its mentions and walk them."""

    actor_id: str


@dataclass
class RecordWanted(Message):
    """The reader asked for an actor's record (the "more positions" row)."""

    actor_id: str


@dataclass
class PositionChosen(Message):
    """The reader chose a position (quote or stance): open it and highlight quote and cue."""

    quote: Quote


@dataclass
class CursorMoved(Message):
    """The text cursor moved: what lies under it, so the sidebar can follow."""

    article_id: str
    start: int
    end: int
    mention: Mention | None = None
    quote: Quote | None = None

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, CursorMoved)


@dataclass
class JumpTo(Message):
    """Open `target.article`, put the cursor on `target.start` and highlight the span.

    For search hits, marks and anything else that points into an article.
    """

    target: Target
    layer: str = "target"
    """Highlight layer (component class `article-text--<layer>`)."""
    record: bool = True
    """Add the place the reader leaves to the back/forward history."""


@dataclass
class StartWalk(Message):
    """Replace what `n` / `N` step through (an actor's mentions, search hits, ...)."""

    label: str
    targets: Sequence[Target] = field(default_factory=tuple)
    layer: str = "target"
    index: int = 0
    owner: str = ""
    """Who starts it (`Here.walk_owner` tells whether it is still the one `n` / `N` walk)."""
    hits_layer: str = ""
    hits: Mapping[str, Sequence[HSpan]] = field(default_factory=dict)
    """Spans by article, painted as `hits_layer` on each article shown while this walk is the
    current one (every matched word of the search hits listed, say)."""


@dataclass
class LayerChanged(Message):
    """A feature's highlight layer on the open article changed (marks, search hits): the main
    screen draws it (empty `spans` clear it) and its status line follows ("✎ marked")."""

    name: str
    spans: Sequence[HSpan] = ()
    article_id: str | None = None
    """The article the spans belong to (dropped if another one is open by then); None: the
    open article, whichever it is."""


@dataclass
class CountsChanged(Message):
    """Per-article counts to show on the article list's rows ("2 marked"), by name."""

    name: str
    counts: Mapping[str, int]


@dataclass
class FocusText(Message):
    """Focus the text pane; with `mention_at`, its cursor on the entity starting at that offset
    of the open article, if it has one."""

    mention_at: int | None = None


@dataclass
class ReturnTo(Message):
    """Back where the reader was (a search given up): no jump highlight, history kept."""

    location: Location


@dataclass
class AddLayers(Message):
    """Paint `provider(detail)` layers on every article shown from now on, and on the open one."""

    provider: Callable[[ArticleAnalysis], Mapping[str, Sequence[HSpan]]]


@dataclass
class LibraryChanged(Message):
    """The library changed in place (a correction, undo or redo): the main screen redraws the
    lists, the sidebar and the open article; it bubbles on to the app, whose search index
    catches up."""

    library: Library


@dataclass
class Undoable(Message):
    """A change for `u` to take back (posted to the app, which keeps one history of marks and
    corrections)."""

    change: Change | CorrectionChange


@dataclass
class UndoCorrection(Message):
    """`u` reached a correction in the shared history: the app has the corrections undo it."""

    change: CorrectionChange


@dataclass
class MarksChanged(Message):
    """The marks in the store changed: the main screen paints their layer again, an open marks
    view reloads its rows."""


@dataclass
class SearchReady(Message):
    """The search index is open: an open search bar searches what is already typed."""
