"""Fuzzy search across all articles: actors, quotes, sentences and titles (typos welcome)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .common import clip, open_index, settings_from, warn

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from newsdesk.core.export.locate import HitPlace
    from newsdesk.core.search.query import SearchResult

KIND_CHOICES = ("actor", "quote", "sentence", "article")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", type=_query,
                        help='what to find; words match in any order, "quoted words" as a phrase')
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="files or folders (default: seeds/)")
    parser.add_argument("--kind", action="append", choices=KIND_CHOICES,
                        help="only hits of this kind (repeatable; default: all)")
    parser.add_argument("--limit", type=_positive, default=20, metavar="N",
                        help="most hits shown (default: 20)")
    parser.add_argument("--json", action="store_true",
                        help='hits as JSON on stdout: [{"kind", "article", "start", "end", '
                        '"text", "score", "actor", ...}] (offsets into the article body)')


def _query(value: str) -> str:
    """A query with something to find (argparse makes an empty one a usage error, exit 2)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("empty: give a word or a name to find")
    return value


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.export.locate import locate_hits
    from newsdesk.core.search.query import open_search

    opened = open_index(options)
    index = open_search(opened.library, settings_from(options))
    result = index.search(options.query, kinds=options.kind, limit=options.limit)
    if not result.hits:
        nearest = f"; nearest: {result.suggestion}" if result.suggestion else ""
        warn(f"no matches for {options.query!r}{nearest}")
        if options.json:
            sys.stdout.write("[]\n")
        return 1
    if options.json:
        json.dump([hit.to_json() for hit in result.hits], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print_hits(result, locate_hits(opened.library, result.hits))
    return 0


#: Characters of an article title in the table (about two lines of its column).
TITLE_WIDTH = 40


def print_hits(
    result: SearchResult, places: Sequence[HitPlace], console: Console | None = None
) -> None:
    """A Rich table of hits: the article's title and paragraph (¶), as a reader cites them;
    matched characters are styled spans on plain `Text`, never markup."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    shown = len(result.hits)
    title = Text(f"{shown} of {result.total} hits for ")
    title.append(result.query, style="bold")
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("kind", no_wrap=True)
    table.add_column("article", max_width=26)
    table.add_column("¶", justify="right", no_wrap=True)
    table.add_column("match", ratio=1)
    table.add_column("score", justify="right", no_wrap=True)
    for hit, place in zip(result.hits, places, strict=True):
        line = Text(hit.context)
        for start, end in hit.context_matches:
            line.stylize("bold reverse", start, end)
        paragraph = "" if place.paragraph is None else str(place.paragraph)
        table.add_row(Text(hit.kind), Text(clip(place.title, TITLE_WIDTH)), Text(paragraph),
                      line, Text(f"{hit.score:.0f}"))
    console.print(table)
