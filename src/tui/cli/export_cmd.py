"""Export marks or positions as Markdown, CSV or JSON lines, or the actor network as GEXF or
GraphML: stdout, or --out FILE."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Literal

from ..wording import counted
from .common import default_paths, say_resolved, search_opener, settings_from, warn

ExportFormat = Literal["md", "csv", "jsonl", "gexf", "graphml"]
FORMATS: tuple[ExportFormat, ...] = ("md", "csv", "jsonl", "gexf", "graphml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: seeds/)"
    )
    parser.add_argument(
        "--out",
        "-o",
        type=Path,
        metavar="FILE",
        help="write to FILE (atomically) instead of stdout",
    )
    parser.add_argument(
        "--actor",
        metavar="NAME",
        help="only this actor (name, alias or id; typos welcome, as in search): "
        "all their positions, marked or not",
    )
    parser.add_argument(
        "--article",
        metavar="ARTICLE",
        help="only marks in this article (id, file path or title; typos welcome)",
    )
    parser.add_argument(
        "--group",
        choices=("article", "actor"),
        default="article",
        help="group passages by article (default) or by actor",
    )
    parser.add_argument(
        "--min-confidence",
        type=_confidence,
        default=0.0,
        metavar="X",
        help="with --actor: leave out positions whose speaker confidence is below X (0..1); "
        "passages you marked are always kept",
    )
    parser.add_argument("--force", "-f", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="md (default), csv or jsonl: the passages in scope; gexf or graphml: the actor "
        "network (with --actor, that actor's neighbourhood); default: from FILE's extension",
    )
    parser.add_argument(
        "--all", action="store_true", help="every position in the corpus, marked or not"
    )


def _confidence(value: str) -> float:
    """A number from 0 to 1 (argparse turns the error into one usage line and exit 2)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number from 0 to 1") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return number


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.corrections import open_corrected
    from newsdesk.core.export.document import build_document, check_target
    from newsdesk.core.marks.mark_store import MarkStore
    from newsdesk.core.resolve import resolve_actor, resolve_article

    if options.out is not None:
        check_target(options.out, force=options.force)  # before any indexing: fail fast
    fmt = _format_named(options.format) if options.format else _format_of(options.out)
    settings = settings_from(options)
    paths = default_paths(options.paths)
    opened = open_corrected(paths, settings, reindex=options.reindex)
    for skipped in opened.skipped:
        warn(f"skipped {skipped.path}: {skipped.reason}")
    for notice in opened.notices:
        warn(notice)
    library = opened.library
    search = search_opener(library, settings)
    actor_id = article_id = None
    if options.actor is not None:
        actor = resolve_actor(library, options.actor, search)
        say_resolved("--actor", actor, actor.item.name, actor.item.id)
        actor_id = actor.item.id
    if options.article is not None:
        article = resolve_article(library, options.article, search)
        say_resolved("--article", article, article.item.title, article.item.id)
        article_id = article.item.id
    if fmt == "gexf" or fmt == "graphml":
        from newsdesk.core.export.graph import actor_network, render_graph

        graph = actor_network(library, actor_id)
        return _emit(options, render_graph(graph, fmt), counted(graph.number_of_nodes(), "actor"))
    with MarkStore.open(settings) as store:
        for notice in store.notices:
            warn(notice)
        report = store.reanchor(library)
        if report.detached:
            warn(
                f"{counted(report.detached, 'mark')} no longer found in their changed articles "
                "(kept, detached)"
            )
        marks = store.marks()
    if fmt == "csv" or fmt == "jsonl":
        from newsdesk.core.export.document import NothingToExport, collect
        from newsdesk.core.export.tables import position_records, render_table

        passages = collect(
            library, marks, article_id=article_id, actor_id=actor_id,
            every_position=options.all, min_confidence=options.min_confidence,
        )
        if not passages:
            raise NothingToExport("nothing to export: no marks or positions in this scope")
        rows = position_records(library, passages)
        return _emit(options, render_table(rows, fmt), counted(len(rows), "row"))
    document = build_document(
        library,
        marks,
        corpus=", ".join(str(p) for p in paths),
        article_id=article_id,
        actor_id=actor_id,
        group=options.group,
        every_position=options.all,
        min_confidence=options.min_confidence,
    )
    return _emit(options, document.text, counted(document.count, "passage"))


def _format_named(name: str) -> ExportFormat:
    """`--format NAME` as one of `FORMATS` (argparse has checked the choice)."""
    return next(f for f in FORMATS if f == name)


MARKDOWN_SUFFIXES = ("", "md", "markdown", "txt")
"""File names written as Markdown when no --format is given (a .txt of Markdown reads fine)."""


def _format_of(out: Path | None) -> ExportFormat:
    """The format a file name asks for (`cast.csv`; `notes`, `notes.md`: Markdown). Any other
    extension (`x.pdf`, `x.docx`) is refused: a file named for a format newsdesk does not
    write would only hold Markdown under the wrong name."""
    from newsdesk.core.errors import ExportError

    suffix = out.suffix.lower().lstrip(".") if out is not None else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "md"
    found = next((f for f in FORMATS if f == suffix), None)
    if found is None:
        raise ExportError(
            f"cannot write .{suffix} files: name the file .md, .csv, .jsonl, .gexf or "
            ".graphml, or choose one with --format"
        )
    return found


def _emit(options: argparse.Namespace, text: str, what: str) -> int:
    from newsdesk.core.export.document import write_export

    if options.out is None:
        _write_stdout(text)
        return 0
    written = write_export(options.out, text, force=options.force)
    warn(f"wrote {what} to {written}")
    return 0


def _write_stdout(text: str) -> None:
    """UTF-8 whatever the locale: Markdown files are UTF-8, and `—` must not crash a C locale."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()
