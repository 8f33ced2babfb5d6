"""`CorrectedLibrary`: any `Library` as the reader corrected it, so every view agrees."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NewsdeskError
from ..models import (
    Actor,
    ActorOutline,
    ActorSummary,
    ArticleAnalysis,
    ArticleSummary,
    Corpus,
    Mention,
    Quote,
)
from ..store.library import Library, article_detail
from .cast import Cast, build_cast
from .records import Correction

if TYPE_CHECKING:
    from ..settings import Settings
    from ..store.index_store import OpenedIndex
    from .desk import CorrectionDesk

log = logging.getLogger(__name__)


class CorrectedLibrary:
    """The `Library` protocol over another library with the corrections applied.

    Reads cost what the base costs plus work for what the corrections touched; nothing is
    re-indexed. `set_corrections` swaps in a new state at once (the desk calls it).
    """

    def __init__(self, base: Library, corrections: Sequence[Correction] = ()) -> None:
        self.base = base
        self.desk: CorrectionDesk | None = None
        self._where: dict[str, int] | None = None
        self.cast = build_cast(base, corrections)
        self._reset()

    def _reset(self) -> None:
        self._members: dict[str, list[str]] | None = None
        self._actors: list[ActorSummary] | None = None
        self._article_rows: list[ArticleSummary] | None = None
        self._views: dict[str, ArticleAnalysis] = {}

    def set_cast(self, cast: Cast) -> None:
        self.cast = cast
        self._reset()

    def set_corrections(self, corrections: Sequence[Correction]) -> None:
        self.set_cast(build_cast(self.base, corrections, cache=self.cast))

    # -- what changed ------------------------------------------------------------------------

    @property
    def corrected(self) -> bool:
        return bool(self.cast.applied)

    def correction_for(self, item_id: str) -> Correction | None:
        """The latest correction that changed this actor or quote (for the small mark and the
        status line's 'was ...')."""
        return self.cast.origin.get(item_id)

    # -- Library -----------------------------------------------------------------------------

    @property
    def revision(self) -> str:
        if not self.cast.applied:
            return self.base.revision
        digest = hashlib.sha256("\n".join(c.uid for c in self.cast.applied).encode())
        return f"{self.base.revision}+c{digest.hexdigest()[:10]}"

    def _members_of(self, actor_id: str) -> list[str]:
        if self._members is None:
            members: dict[str, list[str]] = {}
            for raw in self.cast.redirect:
                members.setdefault(self.cast.canonical(raw), []).append(raw)
            self._members = members
        return [actor_id, *self._members.get(actor_id, ())]

    def articles(self) -> Sequence[ArticleSummary]:
        if not self.cast.applied:
            return list(self.cast.article_rows())  # read once: redraws after an undo are cheap
        rows = self._article_rows
        if rows is None:
            rows = list(self.cast.article_rows())
            views = self.cast.view_articles | self.cast.moved_articles
            if views:
                for n, row in enumerate(rows):
                    if row.id in views:
                        detail = self.article(row.id)
                        rows[n] = replace(
                            row,
                            actor_count=len(self.actors_in(row.id)),
                            quote_count=len(detail.quotes),
                        )
            self._article_rows = rows
        return rows

    def article(self, article_id: str) -> ArticleAnalysis:
        cast = self.cast
        if not cast.applied:
            return self.base.article(article_id)
        view = self._views.get(article_id)
        if view is not None:
            return view
        detail = cast.detail(article_id)
        actor_of = {
            key: cast.canonical(cast.cluster_owner.get((article_id, key), raw))
            for key, raw in detail.actor_of.items()
        }
        mentions: list[Mention] = []
        for m in detail.mentions:
            owner = cast.mention_owner.get((article_id, m.start, m.end))
            if owner is not None:
                m = replace(m, key=f"{m.key}\x1f{m.start}")
                actor_of[m.key] = cast.canonical(owner)
            if actor_of.get(m.key) in cast.hidden:
                continue
            mentions.append(m)
        for key in [k for k, a in actor_of.items() if a in cast.hidden]:
            del actor_of[key]
        quotes = [cast.patched(q) for q in detail.quotes if q.id not in cast.quote_hidden]
        for qid in cast.added.get(article_id, {}):
            if qid not in cast.quote_hidden:
                quotes.append(cast.patched(cast.quotes[qid]))
        quotes.sort(key=lambda q: (q.start, q.end))
        keys = {m.key for m in mentions}
        actor_of = {k: v for k, v in actor_of.items() if k in keys}
        view = article_detail(  # spans typed by the corrected types, counts after the merge
            detail.article,
            tuple(mentions),
            tuple(quotes),
            detail.sentences,
            actor_of,
            {aid: cast.type_of(aid) for aid in set(actor_of.values())},
        )
        self._views[article_id] = view
        return view

    def actors(self) -> Sequence[ActorSummary]:
        if self._actors is not None:
            return self._actors
        cast = self.cast
        if not cast.applied:
            return list(cast.summaries().values())
        # The library's list (read once per library), with only the changed rows touched.
        summaries = cast.summaries()
        out: list[ActorSummary | None] = list(summaries.values())
        where = {aid: n for n, aid in enumerate(summaries)} if self._where is None else self._where
        self._where = where
        recount = {cast.canonical(a) for a in cast.touched}
        changed = set(cast.redirect) | cast.hidden | recount | set(cast.names) | set(cast.types)
        for aid in changed:
            n = where.get(aid)
            if n is None:
                continue
            summary = summaries[aid]
            if aid in cast.redirect or aid in cast.hidden:
                out[n] = None
            elif aid in recount:
                fresh = self._summary(aid)
                out[n] = fresh if fresh.mention_count else None
            else:
                out[n] = replace(
                    summary,
                    name=cast.name(aid),
                    type=cast.type_of(aid),
                    aliases=_with_alias(summary.aliases, summary.name, cast.name(aid)),
                )
        found: list[ActorSummary] = [a for a in out if a is not None]
        for aid in cast.created:
            if aid in cast.redirect or aid in cast.hidden:
                continue
            summary = self._summary(aid)
            if summary.mention_count:
                found.append(summary)
        self._actors = found
        return found

    def hidden_actors(self) -> Sequence[ActorSummary]:
        """Actors the reader hid ("not an actor"): listed nowhere but here, so they can be
        found again to unhide."""
        found = [self._summary(a) for a in sorted(self.cast.hidden) if a not in self.cast.redirect]
        return [s for s in found if s.mention_count]

    def _summary(self, actor_id: str) -> ActorSummary:
        """A corrected actor's row, counted from the library's per-article counts and the few
        quotes and articles the corrections touched (never every mention of a large actor)."""
        cast = self.cast
        members = [m for m in self._members_of(actor_id) if m not in cast.created]
        moved = cast.moved_articles
        mentions = 0
        articles: set[str] = set()
        for member in members:
            for article_id, n in cast.mention_counts(member).items():
                if article_id not in moved:
                    mentions += n
                    articles.add(article_id)
        for article_id in moved:
            detail = cast.detail(article_id)
            n = sum(1 for m in detail.mentions if cast.owner(detail, m) == actor_id)
            if n:
                mentions += n
                articles.add(article_id)
        summaries = cast.summaries()
        quotes = sum(summaries[m].quote_count for m in members if m in summaries)
        special: dict[str, Quote] = dict(cast.quotes)
        for article_id in moved:
            special.update((q.id, q) for q in cast.detail(article_id).quotes)
        raw = set(members)
        for q in special.values():
            if q.actor in raw and not _added(cast, q):
                quotes -= 1  # counted in its member's row: counted again below if still here
            if q.id not in cast.quote_hidden and cast.quote_actor(q) == actor_id:
                quotes += 1
        base = summaries.get(actor_id)
        return ActorSummary(
            actor_id,
            cast.name(actor_id),
            cast.type_of(actor_id),
            base.role if base else None,
            self._aliases(actor_id, members),
            mention_count=mentions,
            article_count=len(articles),
            quote_count=quotes,
        )

    def _aliases(self, actor_id: str, members: Sequence[str]) -> tuple[str, ...]:
        """Every name the actor is known by, but its display name: its members' names and
        aliases (an old name after a rename, a merged actor's), then the mentions moved to it."""
        cast = self.cast
        summaries = cast.summaries()
        names: list[str] = []
        for member in members:
            row = summaries.get(member)
            if row is not None:
                names += [row.name, *row.aliases]
        if actor_id in cast.created:
            names.append(cast.created[actor_id].name)
        for article_id in sorted(cast.moved_articles):
            detail = cast.detail(article_id)
            names += [m.text for m in detail.mentions if cast.owner(detail, m) == actor_id]
        name = cast.name(actor_id)
        return tuple(n for n in dict.fromkeys(names) if n != name)

    def actor(self, actor_id: str) -> Actor:
        cast = self.cast
        if not cast.applied:
            return self.base.actor(actor_id)
        actor_id = cast.canonical(actor_id)
        if actor_id not in cast.created and actor_id not in cast.summaries():
            raise KeyError(actor_id)
        members = self._members_of(actor_id)
        moved = cast.moved_articles
        mentions: list[Mention] = []
        base_actor: Actor | None = None
        for raw in members:
            if raw in cast.created:
                continue
            found = self.base.actor(raw)
            if raw == actor_id:
                base_actor = found
            mentions.extend(m for m in found.mentions if m.article not in moved)
        for article_id in moved:
            detail = cast.detail(article_id)
            mentions.extend(m for m in detail.mentions if cast.owner(detail, m) == actor_id)
        order = cast.order()
        mentions.sort(key=lambda m: (order.get(m.article, 0), m.start, m.end))
        name = cast.name(actor_id)
        aliases = self._aliases(actor_id, [m for m in members if m not in cast.created])
        return Actor(
            actor_id,
            name,
            cast.type_of(actor_id),
            aliases,
            base_actor.role if base_actor else None,
            tuple(mentions),
        )

    def positions(self, actor_id: str) -> Sequence[Quote]:
        cast = self.cast
        if not cast.applied:
            return self.base.positions(actor_id)
        actor_id = cast.canonical(actor_id)
        moved = cast.moved_articles
        found: dict[str, Quote] = {}
        for raw in self._members_of(actor_id):
            if raw in cast.created:
                continue
            for q in self.base.positions(raw):
                if q.article not in moved and q.id not in cast.quote_speaker:
                    found[q.id] = q
        for article_id in moved:
            for q in cast.detail(article_id).quotes:
                if cast.quote_actor(q) == actor_id:
                    found[q.id] = q
        for qid in cast.quote_speaker:
            q = cast.quotes[qid]
            if cast.quote_actor(q) == actor_id:
                found[qid] = q
        for added in cast.added.values():
            for qid in added:
                if cast.quote_actor(cast.quotes[qid]) == actor_id:
                    found[qid] = cast.quotes[qid]
        order = cast.order()
        quotes = [cast.patched(q) for q in found.values() if q.id not in cast.quote_hidden]
        quotes.sort(key=lambda q: (order.get(q.article, 0), q.start, q.end))
        return quotes

    def actor_outline(self, actor_id: str) -> ActorOutline | None:
        """The base store's outline of an actor no correction touched (renamed, retyped,
        hidden, merged, split, its quotes moved or hidden); else None, and the record counts
        the corrected actor from `actor` and `positions`."""
        outline = getattr(self.base, "actor_outline", None)
        if outline is None:
            return None
        cast = self.cast
        if cast.applied and (
            cast.canonical(actor_id) != actor_id
            or actor_id in cast.touched
            or actor_id in cast.created
        ):
            return None
        found: ActorOutline | None = outline(actor_id)
        return found

    def quotes_at(self, actor_id: str, keys: Sequence[tuple[str, int]]) -> list[Quote]:
        """A page of the positions an outline lists, as corrected (a changed kind)."""
        quotes: list[Quote] = self.base.quotes_at(actor_id, keys)  # type: ignore[attr-defined]
        if not self.cast.applied:
            return quotes
        return [self.cast.patched(q) for q in quotes]

    def actors_in(self, article_id: str) -> Sequence[str]:
        if not self.cast.applied:
            return self.base.actors_in(article_id)
        detail = self.article(article_id)
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for m in detail.mentions:
            aid = detail.actor_of.get(m.key)
            if aid is not None:
                counts[aid] += 1
                first.setdefault(aid, m.start)
        return sorted(counts, key=lambda a: (-counts[a], first[a]))

    def corpus(self) -> Corpus:
        """The whole corrected index in memory (`index --json`)."""
        base_corpus = _corpus_of(self.base)
        if not self.cast.applied:
            return base_corpus
        quotes = [q for a in base_corpus.articles for q in self.article(a.id).quotes]
        actors = tuple(self.actor(s.id) for s in self.actors())
        return replace(base_corpus, actors=actors, quotes=tuple(quotes))

    def close(self) -> None:
        close = getattr(self.base, "close", None)
        if callable(close):
            close()
        if self.desk is not None:
            self.desk.store.close()

    def __getattr__(self, name: str) -> Any:
        # Anything else the base offers (path, skipped, ...) reads through.
        return getattr(self.base, name)


def _added(cast: Cast, quote: Quote) -> bool:
    return quote.id in cast.added.get(quote.article, {})


def _with_alias(aliases: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    """After a rename the old name stays findable, as an alias."""
    if old == new:
        return aliases
    return (old, *(a for a in aliases if a not in (old, new)))


def _corpus_of(library: Library) -> Corpus:
    corpus = getattr(library, "corpus", None)
    if isinstance(corpus, Corpus):
        return corpus
    if callable(corpus):
        made = corpus()
        assert isinstance(made, Corpus)
        return made
    raise TypeError(f"{type(library).__name__} cannot give its whole corpus")


def correction_of(library: Library, item_id: str) -> Correction | None:
    """The reader's latest correction of an actor or quote, for any library (None for one the
    reader never corrected, or a library without corrections)."""
    return library.correction_for(item_id) if isinstance(library, CorrectedLibrary) else None


def with_corrections(
    library: Library, paths: Sequence[Path], settings: Settings, notices: list[str] | None = None
) -> Library:
    """`library` with the reader's corrections applied (and a desk to make more); the library
    as it is, with a note in the log, when the corrections database cannot be opened."""
    from .desk import CorrectionDesk
    from .store import CorrectionStore

    try:
        store = CorrectionStore.open(settings)
        corrected = CorrectedLibrary(library, store.all())
    except NewsdeskError as err:
        log.warning("corrections not applied: %s", err)
        if notices is not None:
            notices.append(f"Corrections not applied: {err}")
        return library
    if notices is not None:
        notices.extend(store.notices)
    corrected.desk = CorrectionDesk(store, corrected, paths)
    return corrected


def open_stored_corrected(paths: Sequence[Path], settings: Settings) -> Library | None:
    """`open_stored` (the store as last saved, no folder walk), with the reader's corrections."""
    from ..store.index_store import open_stored

    library = open_stored(paths, settings)
    return None if library is None else with_corrections(library, paths, settings)


def open_corrected(paths: Sequence[Path], settings: Settings, **options: Any) -> OpenedIndex:
    """`open_library`, with the reader's corrections applied after the automatic merge: what
    every front end opens, so the explorer, `--json`, search and exports all agree."""
    from ..store.index_store import open_library

    opened = open_library(paths, settings, **options)
    opened.library = with_corrections(opened.library, paths, settings, opened.notices)
    return opened
