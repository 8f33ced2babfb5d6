"""The index store: a SQLite cache per corpus folder, so warm opens never load spaCy.

STAND-IN: indexes everything in memory on every open; the store issue replaces the inside
of `open_library` while keeping its signature and `OpenedIndex`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .index import ProgressCallback, index_paths
from .library import Library, MemoryLibrary
from .models import SkippedFile
from .settings import Settings


@dataclass(slots=True)
class OpenedIndex:
    """An opened corpus: the library to read, and what happened while opening it."""

    library: Library
    skipped: tuple[SkippedFile, ...] = ()
    indexed: int = 0
    """Articles that went through spaCy on this open (0 on a warm open)."""
    reused: int = 0
    """Articles served from the store unchanged."""
    removed: int = 0
    notices: list[str] = field(default_factory=list)
    """Things to tell the user once (rule-based pipeline, store rebuilt, ...)."""


def open_library(
    paths: Sequence[Path],
    settings: Settings,
    *,
    reindex: bool = False,
    progress: ProgressCallback | None = None,
) -> OpenedIndex:
    """Open (index where needed) the corpus under `paths`.

    Raises `PathNotFound` for a missing path and `NoArticles` when nothing can be indexed.
    """
    from .errors import NoArticles

    corpus = index_paths(paths, settings, progress)
    if not corpus.articles:
        shown = ", ".join(str(p) for p in paths)
        raise NoArticles(f"no articles found in {shown} (newsdesk reads .txt and .md files)")
    return OpenedIndex(MemoryLibrary(corpus), corpus.skipped, indexed=len(corpus.articles))
