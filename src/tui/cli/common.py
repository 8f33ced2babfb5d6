"""What the subcommands share: settings from flags, default paths, opening the index."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.core.settings import Settings

if TYPE_CHECKING:
    from newsdesk.core.resolve import Resolved, SearchOpener
    from newsdesk.core.search.query import SearchIndex
    from newsdesk.core.store.index_store import OpenedIndex
    from newsdesk.core.store.library import Library


def settings_from(options: argparse.Namespace) -> Settings:
    """Settings from the environment and flags; a bad `--fields` is a usage error here."""
    from newsdesk.core.pipeline.readers import FieldMap

    settings = Settings.from_env(
        model=getattr(options, "model", None), jobs=getattr(options, "jobs", None),
        fields=getattr(options, "fields", None), cluster=getattr(options, "cluster", None),
    )
    FieldMap.parse(settings.fields)  # raises FieldsError, shown as one line
    return settings


def default_paths(paths: list[Path]) -> list[Path]:
    """PATHs as given; else `seeds/` in the working directory; else the samples in the package."""
    if paths:
        return paths
    local = Path("seeds")
    if local.is_dir():
        return [local]
    return [bundled_samples()]


def bundled_samples() -> Path:
    """The folder of sample articles installed with the package.

    `newsdesk.seeds` is data only: an `__init__.py` there would be listed as a skipped file
    whenever the folder is opened. So it is a namespace package, and `files()` gives a
    `MultiplexedPath`, whose `str()` is not a path; the import system's search locations are
    real folders, installed or editable.
    """
    from importlib.util import find_spec

    from newsdesk.core.errors import PathNotFound

    spec = find_spec("newsdesk.seeds")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location)
        if folder.is_dir():
            return folder
    raise PathNotFound("the bundled sample articles are missing from this installation; "
                       "give a PATH")


def clip(text: str, width: int) -> str:
    """`text` in at most `width` characters; a cut one ends at a word boundary with "…", so a
    reader never takes a fragment ("inside Russ") for the whole."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space >= width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def warn(message: str) -> None:
    """One line on stderr (messages never go to stdout, which carries data)."""
    print(f"newsdesk: {message}", file=sys.stderr)


def search_opener(library: Library, settings: Settings) -> SearchOpener:
    """The cached search index of `library`, opened on first call only (resolving a name
    exactly needs none)."""
    opened: list[SearchIndex] = []

    def get() -> SearchIndex:
        if not opened:
            from newsdesk.core.search.query import open_search

            opened.append(open_search(library, settings))
        return opened[0]

    return get


def say_resolved(option: str, resolved: Resolved[Any], name: str, item_id: str) -> None:
    """Name on stderr the actor or article a name resolved to, unless it was typed exactly."""
    if resolved.how == "name" and resolved.query.strip() == name:
        return
    if resolved.how in ("id", "title") and resolved.query.strip() in (item_id, name):
        return
    warn(f"{option} {resolved.query!r}: {name} ({item_id})")


def open_index(options: argparse.Namespace) -> OpenedIndex:
    """Open (indexing what changed) the PATHs in `options`; skipped files and notices to stderr.

    A warm open imports neither spaCy nor Textual; progress shows only on a terminal.
    """
    from newsdesk.core.corrections import open_corrected

    from .progress import ProgressLine

    progress = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    opened = open_corrected(
        default_paths(list(getattr(options, "paths", []) or [])),
        settings_from(options),
        reindex=bool(getattr(options, "reindex", False)),
        progress=progress,
    )
    if progress and opened.indexed:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()
    for skipped in opened.skipped:
        warn(f"skipped {skipped.path}: {skipped.reason}")
    for notice in opened.notices:
        warn(notice)
    return opened
