"""The read API every front end uses (TUI, CLI, search, export), whatever holds the index.

`MemoryLibrary` serves a `Corpus` held in memory; the SQLite store serves the same protocol
lazily, so a 10,000-article folder never has to be loaded whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from ..models import (
    Actor,
    ActorSummary,
    ActorType,
    Article,
    ArticleAnalysis,
    ArticleSummary,
    Corpus,
    Mention,
    Offsets,
    Quote,
    Span,
)
from ..pipeline.actors import LABEL_TYPES


def label_type(label: str) -> ActorType:
    """Newsdesk's type for an entity label ("GPE" -> "place"): what a mention is called before
    its actor is known (while a folder is indexed), so no front end shows the model's labels."""
    return LABEL_TYPES.get(label, "other")


def article_detail(
    article: Article,
    mentions: tuple[Mention, ...],
    quotes: tuple[Quote, ...],
    sentences: tuple[Offsets, ...],
    actor_of: Mapping[str, str],
    actor_types: Mapping[str, str],
) -> ArticleAnalysis:
    """One article finished for a front end: spans typed by actor (else by NER label), counts.

    Both libraries build their detail here, so the label -> kind table stays in the pipeline.
    """
    spans = [Span(q.start, q.end, "quote") for q in quotes]
    for m in mentions:
        actor = actor_of.get(m.key)
        kind = actor_types.get(actor, "") if actor else ""
        spans.append(Span(m.start, m.end, kind or label_type(m.label)))
    spans += [
        Span(q.cue_start, q.cue_end, "cue")
        for q in quotes
        if q.cue_start is not None and q.cue_end is not None
    ]
    return ArticleAnalysis(
        article, mentions, quotes, sentences,
        actor_of=dict(actor_of),
        spans=tuple(spans),
        actor_counts=mention_counts(mentions, actor_of),
        quote_counts=dict(Counter(q.actor for q in quotes if q.actor)),
    )


def mention_counts(mentions: Iterable[Mention], actor_of: Mapping[str, str]) -> dict[str, int]:
    """Actor id -> mentions, most mentioned first (ties: first mentioned first)."""
    counts = Counter(actor_of[m.key] for m in mentions if m.key in actor_of)
    return dict(counts.most_common())


class Library(Protocol):
    """What front ends may ask of an index."""

    @property
    def revision(self) -> str:
        """Changes whenever any article, actor or quote changes (keys derived caches)."""
        ...

    def articles(self) -> Sequence[ArticleSummary]: ...
    def article(self, article_id: str) -> ArticleAnalysis: ...
    def actors(self) -> Sequence[ActorSummary]: ...
    def actor(self, actor_id: str) -> Actor: ...
    def positions(self, actor_id: str) -> Sequence[Quote]: ...
    def actors_in(self, article_id: str) -> Sequence[str]:
        """Ids of the actors mentioned in one article, most mentioned first."""
        ...

    def article_dates(self) -> Mapping[str, str | None]:
        """Article id -> date for every article (cheaper than `articles()` for timelines)."""
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
                author=a.author,
            )
            for a in self.corpus.articles
        ]

    def article(self, article_id: str) -> ArticleAnalysis:
        article = self._articles[article_id]
        mentions = tuple(self._mentions.get(article_id, ()))
        actor_of = {
            m.key: self._actor_of[(m.article, m.key)]
            for m in mentions
            if (m.article, m.key) in self._actor_of
        }
        return article_detail(
            article,
            mentions,
            tuple(self._quotes.get(article_id, ())),
            self.corpus.sentences.get(article_id, ()),
            actor_of,
            {a: self._actors[a].type for a in actor_of.values() if a in self._actors},
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

    def article_dates(self) -> Mapping[str, str | None]:
        return {a.id: a.date for a in self.corpus.articles}

    def actors_in(self, article_id: str) -> Sequence[str]:
        counts = Counter(
            self._actor_of[(m.article, m.key)]
            for m in self._mentions.get(article_id, ())
            if (m.article, m.key) in self._actor_of
        )
        return [aid for aid, _ in counts.most_common()]


# -- before the merge: an article as soon as it is indexed (see `newsdesk.core.events`) ------


def provisional_summary(analysis: ArticleAnalysis) -> ArticleSummary:
    """An article-list row before the merge: distinct in-article clusters stand for actors."""
    a = analysis.article
    actors = len({m.key for m in analysis.mentions})
    return ArticleSummary(a.id, a.path, a.title, a.date, a.source, a.url, actors,
                          len(analysis.quotes))


def provisional_detail(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """The article ready to read before the merge: mentions, quotes, sentences and spans typed
    by entity label; no actor ids."""
    mentions = tuple(sorted(analysis.mentions, key=lambda m: (m.start, m.end)))
    return article_detail(analysis.article, mentions, analysis.quotes, analysis.sentences, {}, {})
