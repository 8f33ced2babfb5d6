"""Opening a corpus step by step: what it is doing now, and each article as soon as it is read.

`open_library(..., events=callback)` calls `callback` with these records, on its own thread, so a
front end can say what the wait is for (scanning N files, loading the language model, indexing k
of N, linking actors) and show every article before the cross-article actor merge is done.
An article seen that early is complete but for its actors: `store.library.provisional_detail`
gives it with no actor ids, so it is drawn by entity label until the merged library arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .models import ArticleAnalysis


@dataclass(frozen=True, slots=True)
class Scanning:
    """Listing the files under the corpus folders."""


@dataclass(frozen=True, slots=True)
class Scanned:
    """The files found (articles to check against the store)."""

    files: int


@dataclass(frozen=True, slots=True)
class LoadingModel:
    """Loading the language model: some articles are new or changed."""

    model: str
    to_index: int


@dataclass(frozen=True, slots=True)
class Indexed:
    """One article analysed (`done` of `total` new or changed ones)."""

    done: int
    total: int
    analysis: ArticleAnalysis


@dataclass(frozen=True, slots=True)
class Linking:
    """Merging the actors of all articles (no spaCy; seconds at most)."""

    articles: int


IndexEvent = Scanning | Scanned | LoadingModel | Indexed | Linking
EventCallback = Callable[[IndexEvent], None]
