"""The search bar's pieces: the query input and the live results, grouped by kind.

Rows are built from `Hit.context` with `Hit.context_matches` as Content spans: search text and
article text are data, never markup.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdesk.core.search.query import Hit, SearchResult

#: Group titles, in the order groups appear when they tie (core ranks groups by their best hit).
KIND_TITLES: dict[str, str] = {
    "actor": "Actors",
    "article": "Articles",
    "quote": "Quotes",
    "sentence": "Sentences",
}

Describe = Callable[[Hit], str]
"""Where a hit lives, for the dim part of its row ("Ferry strike ends", "person · 4 mentions")."""


def display_order(result: SearchResult) -> list[Hit]:
    """Hits as the bar lists them: grouped by kind (best group first), rank order inside.

    `n` / `N` step through this order too, so "3 of 11" is the third row the reader saw.
    """
    return [hit for hits in result.by_kind().values() for hit in hits]


def hit_row(hit: Hit, where: str, match: Style, dim: Style) -> Content:
    """One result row: the context line with its matched characters styled, then `where`."""
    row = Content(hit.context)
    for start, end in hit.context_matches:
        row = row.stylize(match, start, end)
    if where:
        row = row + Content.styled(f"  · {where}", dim)
    return row


def result_options(
    result: SearchResult, describe: Describe, match: Style, dim: Style, heading: Style
) -> tuple[list[Option], list[Hit]]:
    """Options for the list (a disabled heading per kind, then its hits) and the hits in order.

    Hit options have the id `hit-<n>`, n indexing the returned hits.
    """
    options: list[Option] = []
    hits: list[Hit] = []
    for kind, group in result.by_kind().items():
        title = KIND_TITLES.get(kind, kind)
        options.append(Option(Content.styled(f"{title} · {len(group)}", heading), disabled=True))
        for hit in group:
            options.append(Option(hit_row(hit, describe(hit), match, dim), id=f"hit-{len(hits)}"))
            hits.append(hit)
    return options, hits


class SearchResults(OptionList, can_focus=False):
    """Live results; the input keeps the focus, and up/down move the highlight here."""

    COMPONENT_CLASSES = {
        "search-results--match",
        "search-results--where",
        "search-results--heading",
    }

    DEFAULT_CSS = """
    SearchResults {
        height: auto;
        max-height: 20;
        border: none;
        padding: 0;
        background: $surface;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    SearchResults > .search-results--match {
        color: $text-warning;
        text-style: bold underline;
    }
    SearchResults > .search-results--where {
        color: $text-muted;
    }
    SearchResults > .search-results--heading {
        color: $text-accent;
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.hits: list[Hit] = []
        """The hits listed, in display order (what `n` / `N` step through after Enter)."""

    def show_result(self, result: SearchResult, describe: Describe) -> None:
        """Replace the rows with `result`, highlighting its first hit."""
        style = self.get_visual_style
        options, hits = result_options(
            result, describe,
            style("search-results--match", partial=True),
            style("search-results--where", partial=True),
            style("search-results--heading", partial=True),
        )
        self.hits = hits
        self.set_options(options)
        if hits:
            self.highlighted = 1  # the first hit, under its heading

    def clear_hits(self) -> None:
        self.hits = []
        self.clear_options()

    @property
    def highlighted_hit(self) -> int | None:
        """Index into `hits` of the highlighted row, or None."""
        if self.highlighted is None or not self.hits:
            return None
        option = self.get_option_at_index(self.highlighted)
        if option.id is None or not option.id.startswith("hit-"):
            return None
        return int(option.id.removeprefix("hit-"))

    def move(self, delta: int) -> None:
        """Up/down from the input: headings are skipped (they are disabled options)."""
        if not self.hits:
            return
        if delta > 0:
            self.action_cursor_down()
        else:
            self.action_cursor_up()

