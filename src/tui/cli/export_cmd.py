"""Export marks (or an actor's positions, marked or not) as Markdown: stdout, or --out FILE."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import default_paths, settings_from, warn


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
        help="only this actor (name, alias or id): all their positions, marked or not",
    )
    parser.add_argument(
        "--article", metavar="ID", help="only marks in this article (id or file path)"
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
    from newsdesk.core.export import (
        build_document,
        check_target,
        find_actor,
        find_article,
        write_export,
    )
    from newsdesk.core.marks import MarkStore
    from newsdesk.core.store import open_library

    if options.out is not None:
        check_target(options.out, force=options.force)  # before any indexing: fail fast
    settings = settings_from(options)
    paths = default_paths(options.paths)
    opened = open_library(paths, settings, reindex=options.reindex)
    for skipped in opened.skipped:
        warn(f"skipped {skipped.path}: {skipped.reason}")
    for notice in opened.notices:
        warn(notice)
    library = opened.library
    actor_id = find_actor(library, options.actor).id if options.actor else None
    article_id = find_article(library, options.article) if options.article else None
    with MarkStore.open(settings) as store:
        for notice in store.notices:
            warn(notice)
        report = store.reanchor(library)
        if report.detached:
            warn(
                f"{report.detached} mark(s) no longer found in their changed articles "
                "(kept, detached)"
            )
        marks = store.marks()
    document = build_document(
        library,
        marks,
        corpus=", ".join(str(p) for p in paths),
        article_id=article_id,
        actor_id=actor_id,
        group=options.group,
        min_confidence=options.min_confidence,
    )
    if options.out is None:
        _write_stdout(document.text)
        return 0
    written = write_export(options.out, document.text, force=options.force)
    warn(f"wrote {document.count} passage(s) to {written}")
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
