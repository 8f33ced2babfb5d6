"""Where search hits sit, as a reader cites them: the article's title and the paragraph number."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .document import paragraph_number

if TYPE_CHECKING:
    from ..models import ArticleAnalysis
    from ..search.query import Hit
    from ..store.library import Library


@dataclass(frozen=True, slots=True)
class HitPlace:
    """A hit's place for people: offsets stay in `Hit` (and `--json`) for programs."""

    title: str
    """The article's title (its id when the article has none)."""
    paragraph: int | None
    """1-based paragraph holding the hit's start; None for a title hit."""


def locate_hits(library: Library, hits: Iterable[Hit]) -> list[HitPlace]:
    """One `HitPlace` per hit, in order; each article is read once however many hits it holds."""
    details: dict[str, ArticleAnalysis] = {}
    places = []
    for hit in hits:
        detail = details.get(hit.article)
        if detail is None:
            detail = details[hit.article] = library.article(hit.article)
        article = detail.article
        paragraph = None if hit.kind == "article" else paragraph_number(article, hit.start)
        places.append(HitPlace(article.title or article.id, paragraph))
    return places
