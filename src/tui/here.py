"""What the keys of marks, search and corrections act on: one read-only record, `Here`.

The main screen owns the panes and answers with a `Here` when a feature asks (`MainScreen.here`,
handed to each controller as a callable); the features never touch the screen or its panes
and change them only by posting `messages` to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsdesk.core.models import ActorSummary, ArticleAnalysis, ArticleSummary, Mention, Quote
from newsdesk.core.store.library import Library

from .highlight import Target


@dataclass(frozen=True, slots=True)
class Location:
    """Where the reader was: an article and the cursor offset in it."""

    article: str
    offset: int


@dataclass(frozen=True, slots=True)
class Here:
    """The reader's place as the main screen sees it at one moment (taken when asked)."""

    library: Library | None
    """The library the panes show (None while the index opens)."""
    detail: ArticleAnalysis | None
    """The article opened last."""
    shown: ArticleAnalysis | None
    """The article the text pane draws (None: an empty state or an error)."""
    location: Location | None
    """The text cursor's place in `shown`."""
    mention: Mention | None
    """The entity under the text cursor (the focused one, else the sentence's first)."""
    quote: Quote | None
    """The quote under the text cursor."""
    text_mention: Mention | None
    """The entity the text cursor is on; None while the actors pane has focus."""
    text_target: Target | None
    """What the text cursor covers in `shown`: its quote, else the selection or sentence."""
    selection: tuple[int, int] | None
    """The selected range of `shown` (the cursor's sentence if nothing is selected)."""
    sidebar_focused: bool
    """The actors pane has the main screen's focus (still so under the palette or a dialog)."""
    sidebar_position: Quote | None
    """The position under the actors pane's cursor, when that pane has focus."""
    sidebar_actor: str | None
    """The actor under the actors pane's cursor, focused or not."""
    chosen_actor: str | None
    """The actor whose mentions are emphasised (Enter on an actor)."""
    walk_owner: str | None
    """Who started what `n` / `N` step through ("" for an actor's mentions; None: nothing)."""
    summaries: Mapping[str, ArticleSummary]
    actor_summaries: Mapping[str, ActorSummary]
    article_rows: Sequence[ArticleSummary]
    """The article list's rows, in its order."""

    @property
    def article_order(self) -> list[str]:
        """Article ids in the article list's order."""
        return [row.id for row in self.article_rows]
