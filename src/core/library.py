"""The read API every front end uses (TUI, CLI, search, export), whatever holds the index.

`MemoryLibrary` serves a `Corpus` held in memory; the SQLite store serves the same protocol
lazily, so a 10,000-article folder never has to be loaded whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .models import Actor, ActorType, Article, Corpus, Mention, Offsets, Quote


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article-list row: everything but the text."""

    id: str
    path: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    actor_count: int
    quote_count: int


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """A sidebar row: an actor without its mentions."""

    id: str
    name: str
    type: ActorType
    role: str | None
    aliases: tuple[str, ...]
    mention_count: int
    article_count: int
    quote_count: int


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """One article with everything found in it, ready to draw."""

    article: Article
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    """With `actor` set where the speaker is a known actor."""
    sentences: tuple[Offsets, ...]
    actor_of: dict[str, str]
    """In-article cluster key -> actor id, for every mention."""

    def actor_at(self, mention: Mention) -> str | None:
        return self.actor_of.get(mention.key)


class Library(Protocol):
    """What front ends may ask of an index."""

    @property
    def revision(self) -> str:
        """Changes whenever any article, actor or quote changes (keys derived caches)."""
        ...

    def articles(self) -> Sequence[ArticleSummary]: ...
    def article(self, article_id: str) -> ArticleDetail: ...
    def actors(self) -> Sequence[ActorSummary]: ...
    def actor(self, actor_id: str) -> Actor: ...
    def positions(self, actor_id: str) -> Sequence[Quote]: ...
    def actors_in(self, article_id: str) -> Sequence[str]:
        """Ids of the actors mentioned in one article, most mentioned first."""
        ...


class MemoryLibrary:
    """A `Library` over a `Corpus` in memory."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._articles = {a.id: a for a in corpus.articles}
        self._actors = {a.id: a for a in corpus.actors}
        self._actor_of: dict[tuple[str, str], str] = {}
        self._mentions: dict[str, list[Mention]] = {a.id: [] for a in corpus.articles}
        for actor in corpus.actors:
            for m in actor.mentions:
                self._actor_of[(m.article, m.key)] = actor.id
                self._mentions.setdefault(m.article, []).append(m)
        for mentions in self._mentions.values():
            mentions.sort(key=lambda m: (m.start, m.end))
        self._quotes: dict[str, list[Quote]] = {a.id: [] for a in corpus.articles}
        self._positions: dict[str, list[Quote]] = {}
        for q in corpus.quotes:
            self._quotes.setdefault(q.article, []).append(q)
            if q.actor:
                self._positions.setdefault(q.actor, []).append(q)

    @property
    def revision(self) -> str:
        import hashlib

        digest = hashlib.sha256()
        for a in self.corpus.articles:
            digest.update(f"{a.id}\0{a.content_hash}\n".encode())
        return digest.hexdigest()[:20]

    def article_versions(self) -> dict[str, str]:
        """Article id -> content hash: what the search index updates by."""
        return {a.id: a.content_hash for a in self.corpus.articles}

    def articles(self) -> Sequence[ArticleSummary]:
        return [
            ArticleSummary(
                a.id, a.path, a.title, a.date, a.source, a.url,
                actor_count=len(self.actors_in(a.id)),
                quote_count=len(self._quotes.get(a.id, ())),
            )
            for a in self.corpus.articles
        ]

    def article(self, article_id: str) -> ArticleDetail:
        article = self._articles[article_id]
        mentions = tuple(self._mentions.get(article_id, ()))
        return ArticleDetail(
            article,
            mentions,
            tuple(self._quotes.get(article_id, ())),
            self.corpus.sentences.get(article_id, ()),
            {m.key: self._actor_of[(m.article, m.key)] for m in mentions if (m.article, m.key) in self._actor_of},
        )

    def actors(self) -> Sequence[ActorSummary]:
        return [
            ActorSummary(
                a.id, a.name, a.type, a.role, a.aliases,
                mention_count=len(a.mentions),
                article_count=len(a.articles),
                quote_count=len(self._positions.get(a.id, ())),
            )
            for a in self.corpus.actors
        ]

    def actor(self, actor_id: str) -> Actor:
        return self._actors[actor_id]

    def positions(self, actor_id: str) -> Sequence[Quote]:
        return list(self._positions.get(actor_id, ()))

    def actors_in(self, article_id: str) -> Sequence[str]:
        counts = Counter(
            self._actor_of[(m.article, m.key)]
            for m in self._mentions.get(article_id, ())
            if (m.article, m.key) in self._actor_of
        )
        return [aid for aid, _ in counts.most_common()]
