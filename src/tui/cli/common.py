"""What the subcommands share: settings from flags, default paths, opening the index."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.core.settings import Settings

if TYPE_CHECKING:
    from newsdesk.core.store import OpenedIndex


def settings_from(options: argparse.Namespace) -> Settings:
    return Settings.from_env(
        model=getattr(options, "model", None), jobs=getattr(options, "jobs", None),
        cluster=getattr(options, "cluster", None),
    )


def default_paths(paths: list[Path]) -> list[Path]:
    """PATHs as given; else `seeds/` in the working directory; else the samples in the package."""
    if paths:
        return paths
    local = Path("seeds")
    if local.is_dir():
        return [local]
    from importlib.resources import files

    return [Path(str(files("newsdesk.seeds")))]


def warn(message: str) -> None:
    """One line on stderr (messages never go to stdout, which carries data)."""
    print(f"newsdesk: {message}", file=sys.stderr)


def open_index(options: argparse.Namespace) -> OpenedIndex:
    """Open (indexing what changed) the PATHs in `options`; skipped files and notices to stderr.

    A warm open imports neither spaCy nor Textual; progress shows only on a terminal.
    """
    from newsdesk.core.store import open_library

    from .progress import ProgressLine

    progress = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    opened = open_library(
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
