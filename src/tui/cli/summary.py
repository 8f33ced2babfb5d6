"""The readable (Rich) summary of an index: article text is data, so every cell is a `Text`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsdesk.core.models import Corpus


def print_summary(corpus: Corpus, console: Console | None = None) -> None:
    console = console or Console()
    articles = Table(title=Text(f"{len(corpus.articles)} articles"), show_lines=False)
    for column in ("id", "title", "date", "source", "quotes"):
        articles.add_column(column)
    quote_counts: dict[str, int] = {}
    for q in corpus.quotes:
        quote_counts[q.article] = quote_counts.get(q.article, 0) + 1
    for a in corpus.articles:
        articles.add_row(Text(a.id), Text(a.title), Text(a.date or ""), Text(a.source or ""),
                         Text(str(quote_counts.get(a.id, 0))))
    console.print(articles)
    actors = Table(title=Text(f"{len(corpus.actors)} actors"))
    for column in ("name", "type", "role", "mentions", "articles"):
        actors.add_column(column)
    for actor in sorted(corpus.actors, key=lambda a: -len(a.mentions))[:40]:
        actors.add_row(Text(actor.name), Text(actor.type), Text(actor.role or ""),
                       Text(str(len(actor.mentions))), Text(str(len(actor.articles))))
    console.print(actors)
    quotes = Table(title=Text(f"{len(corpus.quotes)} quotes"))
    for column in ("speaker", "kind", "quote"):
        quotes.add_column(column)
    for q in corpus.quotes[:60]:
        quotes.add_row(Text(q.speaker or "?"), Text(q.kind), Text(q.text[:160]))
    console.print(quotes)
