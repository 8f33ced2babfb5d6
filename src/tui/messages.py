"""Messages that travel up to the main screen, which routes them to the other panes.

Widgets report intent ("this actor was chosen"); only `MainScreen` decides what follows. The
features beside the panes (marks, search, corrections) post `JumpTo`, `StartWalk`,
`LayerChanged` and `CountsChanged` instead of reaching into the panes; workers post progress
(`IndexProgress`, `SearchStatus`), since `post_message` is thread-safe.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from textual.message import Message

from newsdesk.core.events import IndexEvent
from newsdesk.core.models import ArticleAnalysis, ArticleSummary, Mention, Quote
from newsdesk.core.store.library import Library

from .highlight import HSpan, Target


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
