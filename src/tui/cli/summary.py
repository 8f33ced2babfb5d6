"""The readable (Rich) summary of an index: article text is data, so every cell is a `Text`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsdesk.core.models import Corpus

from .common import clip

Row = TypeVar("Row")

#: Rows per table unless `--limit` says otherwise.
DEFAULT_LIMIT = 40
#: Characters of a quote shown in the summary; longer ones are cut at a word and end with "…".
QUOTE_WIDTH = 160


def print_summary(
    corpus: Corpus, console: Console | None = None, *, limit: int = DEFAULT_LIMIT
) -> None:
    """Three tables (articles, actors in rank order, quotes), each at most `limit` rows (0: all);
    a cut table says how many it shows of how many. Actors keep the corpus's order, the
    documented rank (`core.pipeline.ranking`) the sidebar and the palette use too."""
    console = console or Console()
    quote_counts: dict[str, int] = {}
    for q in corpus.quotes:
        quote_counts[q.article] = quote_counts.get(q.article, 0) + 1
    articles = _table(f"{len(corpus.articles)} articles",
                      ("id", "title", "date", "source", "quotes"), corpus.articles, limit)
    for a in _shown(corpus.articles, limit):
        articles.add_row(Text(a.id), Text(a.title), Text(a.date or ""), Text(a.source or ""),
                         Text(str(quote_counts.get(a.id, 0))))
    console.print(articles)
    ranked = list(corpus.actors)
    actors = _table(f"{len(corpus.actors)} actors",
                    ("name", "type", "role", "mentions", "articles"), ranked, limit)
    for actor in _shown(ranked, limit):
        actors.add_row(Text(actor.name), Text(actor.type), Text(actor.role or ""),
                       Text(str(len(actor.mentions))), Text(str(len(actor.articles))))
    console.print(actors)
    quotes = _table(f"{len(corpus.quotes)} quotes", ("speaker", "kind", "quote"),
                    corpus.quotes, limit)
    for q in _shown(corpus.quotes, limit):
        quotes.add_row(Text(q.speaker or "?"), Text(q.kind), Text(clip(q.text, QUOTE_WIDTH)))
    console.print(quotes)


def _shown(rows: Sequence[Row], limit: int) -> Sequence[Row]:
    return rows if limit <= 0 else rows[:limit]


def _table(title: str, columns: Sequence[str], rows: Sequence[object], limit: int) -> Table:
    caption = None
    if 0 < limit < len(rows):
        caption = Text(f"showing {limit} of {len(rows)} (--limit 0 for all)")
    table = Table(title=Text(title), caption=caption, caption_justify="left")
    for column in columns:
        # Ids are typed back (`export --article`): folded whole onto more lines, never cut.
        table.add_column(column, overflow="fold" if column == "id" else "ellipsis")
    return table
