"""Which actor or article a typed name means: exact ids and names first, then the search matcher.

Commands that take an ACTOR or ARTICLE argument (`export --actor`, `--article`; later `actor
show` and `actor rename`) resolve it here, so a name that `newsdesk search` finds is accepted
everywhere, with the same tolerance for typos, word order and romanisation variants. A name is
accepted only when one actor (or article) matches clearly; otherwise the error lists the
candidates, so the user can retype one of them or give its id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from .errors import NewsdeskError
from .marks.mark_store import normalise_path
from .models import ActorSummary, ArticleSummary
from .store.library import Library

if TYPE_CHECKING:
    from .search.query import Hit, SearchIndex

T = TypeVar("T", ActorSummary, ArticleSummary)
How = Literal["id", "name", "alias", "path", "title", "search"]

#: Search score (0-100) the best hit needs to be taken at all: below it, it is only "nearest".
MIN_SCORE = 85.0
#: Hits within this many points of the best compete with it: the best is clear only when alone.
MARGIN = 5.0
#: Candidates named in an error message.
SHOWN = 6
#: Hits asked of the search (enough to count the candidates an error leaves out).
_SEARCHED = 50


class NoMatch(NewsdeskError):
    """Nothing matches the name, or nothing closely enough (bad input: exit status 2)."""

    title = "Not found"


class SeveralMatches(NewsdeskError):
    """The name fits several actors (or articles) equally well (bad input: exit status 2)."""

    title = "Several matches"

    def __init__(self, message: str, candidates: Sequence[str]) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)
        """The candidates as the message lists them, best first."""


@dataclass(frozen=True, slots=True)
class Resolved(Generic[T]):
    """What a typed name resolved to, and how (front ends say which one was chosen)."""

    item: T
    query: str
    how: How
    score: float = 100.0
    """The search score for `how == "search"`; 100 for exact matches."""

    @property
    def exact(self) -> bool:
        """The query was the id, the name, an alias or the path itself, not a near match."""
        return self.how != "search"


SearchOpener = Callable[[], "SearchIndex"]


def resolve_actor(
    library: Library,
    query: str,
    open_search: SearchOpener | None = None,
    *,
    extra: Sequence[ActorSummary] = (),
) -> Resolved[ActorSummary]:
    """The one actor `query` means: its id, name or alias (any case), else the search matcher's
    clear best actor. Raises `NoMatch` or `SeveralMatches`.

    `open_search` gives the search index and is called only when no exact match exists (the
    CLI opens the cached index; by default one is built in memory). `extra` adds actors the
    library does not list (hidden ones, to unhide them by name or id).
    """
    wanted = query.strip().casefold()
    if not wanted:
        raise NoMatch("give an actor's name, an alias or an actor id")
    actors = [*library.actors(), *extra]
    stages: tuple[tuple[How, Callable[[ActorSummary], bool]], ...] = (
        ("id", lambda a: a.id.casefold() == wanted),
        ("name", lambda a: a.name.casefold() == wanted),
        ("alias", lambda a: wanted in (alias.casefold() for alias in a.aliases)),
    )
    for how, stage in stages:
        found = [a for a in actors if stage(a)]
        if len(found) == 1:
            return Resolved(found[0], query, how)
        quoted = [a for a in found if a.quote_count]
        if len(quoted) == 1:
            # "China" the place and "China" the group: the one with positions.
            return Resolved(quoted[0], query, how)
        if found:
            found.sort(key=lambda a: (-a.quote_count, -a.mention_count, a.name))
            raise _several("actors", query, [_actor_line(a) for a in found])
    by_id = {a.id: a for a in actors}
    hits = _search(open_search, library, query, "actor")
    chosen = _clear_best(hits, lambda h: h.actor if h.actor in by_id else None)
    if isinstance(chosen, tuple):
        key, score = chosen
        return Resolved(by_id[key], query, "search", score)
    if chosen:
        raise _several("actors", query, [_actor_line(by_id[k]) for k in chosen])
    raise _no_match("actor", query, [_actor_line(by_id[h.actor]) for h in hits if h.actor in by_id])


def resolve_article(
    library: Library, query: str, open_search: SearchOpener | None = None
) -> Resolved[ArticleSummary]:
    """The one article `query` means: its id, its file's path or its title (any case), else the
    search matcher's clear best title. Raises `NoMatch` or `SeveralMatches`."""
    wanted = query.strip()
    if not wanted:
        raise NoMatch("give an article's id, file path or title")
    articles = list(library.articles())
    for article in articles:
        if article.id == wanted:
            return Resolved(article, query, "id")
    path = normalise_path(wanted)
    for article in articles:
        if normalise_path(article.path) == path:
            return Resolved(article, query, "path")
    titled = [a for a in articles if a.title.casefold() == wanted.casefold()]
    if len(titled) == 1:
        return Resolved(titled[0], query, "title")
    if titled:
        raise _several("articles", query, [_article_line(a) for a in titled])
    by_id = {a.id: a for a in articles}
    hits = _search(open_search, library, query, "article")
    chosen = _clear_best(hits, lambda h: h.article if h.article in by_id else None)
    if isinstance(chosen, tuple):
        key, score = chosen
        return Resolved(by_id[key], query, "search", score)
    if chosen:
        raise _several("articles", query, [_article_line(by_id[k]) for k in chosen])
    nearest = [_article_line(by_id[h.article]) for h in hits if h.article in by_id]
    raise _no_match("article", query, nearest)


def _search(open_search: SearchOpener | None, library: Library, query: str, kind: str) -> list[Hit]:
    if open_search is None:
        from .search.query import open_search as build

        index = build(library)
    else:
        index = open_search()
    return list(index.search(query, kinds=(kind,), limit=_SEARCHED, suggest=False).hits)


def _clear_best(
    hits: Sequence[Hit], key_of: Callable[[Hit], str | None]
) -> tuple[str, float] | list[str]:
    """(key, score) of the clear best hit; else the keys of the hits competing for first place
    (empty when even the best is not close enough to be taken).

    The best is clear when no other hit scores within `MARGIN` of it, or when it is the only
    one among those whose every word the query matched ("Donlad Trump": Donald Trump, not
    Donald Trump Jr.).
    """
    best: dict[str, Hit] = {}
    for hit in hits:
        key = key_of(hit)
        if key is not None and key not in best:
            best[key] = hit  # hits come best first: the first per key is its best
    if not best:
        return []
    top = max(hit.score for hit in best.values())
    if top < MIN_SCORE:
        return []
    contenders = [(key, hit) for key, hit in best.items() if hit.score >= top - MARGIN]
    if len(contenders) == 1:
        key, hit = contenders[0]
        return key, hit.score
    whole = [(key, hit) for key, hit in contenders if hit.coverage >= 1.0 and hit.score == top]
    if len(whole) == 1:
        key, hit = whole[0]
        return key, hit.score
    return [key for key, _hit in contenders]


def _actor_line(actor: ActorSummary) -> str:
    n = actor.quote_count
    positions = f", {n} position{'' if n == 1 else 's'}" if n else ""
    return f"{actor.name} ({actor.type}{positions}; id {actor.id})"


def _article_line(article: ArticleSummary) -> str:
    return f"{article.title} (id {article.id})"


def _listed(lines: Sequence[str]) -> str:
    more = f"; and {len(lines) - SHOWN} more" if len(lines) > SHOWN else ""
    return "; ".join(lines[:SHOWN]) + more


def _several(what: str, query: str, lines: Sequence[str]) -> SeveralMatches:
    return SeveralMatches(
        f"{query!r} matches several {what}: {_listed(lines)}. Give more of the name or an id",
        lines,
    )


def _no_match(what: str, query: str, nearest: Sequence[str]) -> NoMatch:
    nearest = list(dict.fromkeys(nearest))
    if nearest:
        return NoMatch(f"no {what} matches {query!r} closely; nearest: {_listed(nearest[:3])}")
    return NoMatch(f"no {what} matches {query!r}")


# -- the explorer's picker ------------------------------------------------------------------


def _fold(name: str) -> str:
    from .search.query import parse_query

    return " ".join(w.text for w in parse_query(name + " "))


def match_actors(
    actors: Sequence[ActorSummary], query: str, *, limit: int = 50
) -> list[ActorSummary]:
    """Actors whose name or an alias every word of `query` matches (as `resolve_actor`'s last
    stage), best matched first (exact words before variants, prefixes and typos), then the
    most quoted and mentioned: a picker's list."""
    from .search.query import parse_query

    words = parse_query(query)
    if not words:
        return sorted(actors, key=lambda a: (-a.mention_count, a.name))[:limit]
    found = []
    for actor in actors:
        names = [_fold(actor.name), *(_fold(a) for a in actor.aliases)]
        score = max(_match_score(words, name) for name in names)
        if score > 0:
            found.append((-score, -actor.quote_count, -actor.mention_count, actor.name, actor))
    found.sort(key=lambda row: row[:4])
    return [row[4] for row in found[:limit]]


def _match_score(words: Sequence[object], name: str) -> float:
    """How well every query word matches a word of `name` (0: some word does not): 100 for
    the same word, 95 for a romanisation variant, 90 for a prefix, else the fuzzy ratio."""
    from rapidfuzz import fuzz

    from .search.fold import skeleton
    from .search.query import _cutoff

    parts = name.split()
    total = 0.0
    for word in words:
        text: str = word.text  # type: ignore[attr-defined]
        prefix: bool = word.prefix  # type: ignore[attr-defined]
        skel = skeleton(text)
        best = 0.0
        for part in parts:
            if part == text:
                best = 100.0
                break
            if skeleton(part) == skel:
                best = max(best, 95.0)
            elif prefix and part.startswith(text):
                best = max(best, 90.0)
            else:
                ratio = fuzz.ratio(text, part)
                if ratio >= _cutoff(text):
                    best = max(best, min(ratio, 89.0))
        if not best:
            return 0.0
        total += best
    return total / len(words)
