"""`StoreLibrary`: the `Library` protocol served lazily from the SQLite index store.

Nothing is loaded until asked for: the article list has no text, an article's text, mentions
and quotes are read when it is opened, so a 10,000-article folder costs little memory.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate, groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, overload

from ..errors import StoreError
from ..models import (
    Actor,
    ActorOutline,
    ActorSummary,
    ArticleAnalysis,
    ArticleSummary,
    Corpus,
    Quote,
    SkippedFile,
)
from .library import article_detail
from .tables import (
    ARTICLE_COLUMNS,
    MENTION_COLUMNS,
    QUOTE_COLUMNS,
    article_from,
    connect,
    load_analyses,
    mention_from,
    offsets_from,
    quote_from,
)


class StoreLibrary:
    """A `Library` reading an index store; safe to share between threads (one lock)."""

    def __init__(self, path: Path, revision: str, skipped: Sequence[SkippedFile] = ()) -> None:
        self.path = path
        self._revision = revision
        self._skipped = tuple(skipped)
        self._conn = connect(path)
        self._lock = threading.RLock()
        self._places: dict[str, tuple[int, str | None]] | None = None
        """Article id -> (corpus order, date): read with the article list, kept."""

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @property
    def revision(self) -> str:
        return self._revision

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as err:
                raise StoreError(
                    f"the index store {self.path} is damaged ({err}); reopen with --reindex"
                ) from err

    def article_versions(self) -> dict[str, str]:
        """Article id -> content hash and pipeline: what the search index updates by."""
        return {
            article_id: f"{content_hash}+{fingerprint}"
            for article_id, content_hash, fingerprint in self._query(
                "SELECT id, content_hash, fingerprint FROM articles"
            )
        }

    def articles(self) -> Sequence[ArticleSummary]:
        rows = self._query(
            "SELECT id, path, title, date, source, url, actor_count, quote_count, author, ord "
            "FROM articles ORDER BY ord"
        )
        self._places = {row[0]: (row[9], row[3]) for row in rows}
        return [ArticleSummary(*row[:9]) for row in rows]

    def _article_places(self, wanted: Sequence[str] = ()) -> Mapping[str, tuple[int, str | None]]:
        """Article id -> (corpus order, date), kept from the article list (or read once, and
        again if an article in `wanted` is not in it): an actor's record sorts and dates its
        articles from this, where joining the wide `articles` rows cost more than the rest of
        the record (7 ms a query for an actor in 1,800 of 10,000 articles)."""
        places = self._places
        if places is None or any(article not in places for article in wanted):
            places = {
                article: (ord_, date)
                for article, ord_, date in self._query("SELECT id, ord, date FROM articles")
            }
            self._places = places
        return places

    def article(self, article_id: str) -> ArticleAnalysis:
        rows = self._query(
            f"SELECT {ARTICLE_COLUMNS}, a.sentences FROM articles a "
            "JOIN texts t ON t.article = a.id WHERE a.id = ?",
            (article_id,),
        )
        if not rows:
            raise KeyError(article_id)
        article = article_from(rows[0])
        actor_of = dict(
            self._query("SELECT key, actor FROM actor_keys WHERE article = ?", (article_id,))
        )
        mentions = tuple(
            sorted(
                (
                    mention_from(r)
                    for r in self._query(
                        f"SELECT {MENTION_COLUMNS} FROM mentions WHERE article = ? ORDER BY seq",
                        (article_id,),
                    )
                ),
                key=lambda m: (m.start, m.end),
            )
        )
        quotes = tuple(
            quote_from(r, actor_of.get(r[12]) if r[12] else None)
            for r in self._query(
                f"SELECT {QUOTE_COLUMNS} FROM quotes WHERE article = ? ORDER BY seq", (article_id,)
            )
        )
        keys = {m.key for m in mentions}
        actor_of = {k: v for k, v in actor_of.items() if k in keys}
        types = dict(
            self._query(
                "SELECT DISTINCT a.id, a.type FROM actor_keys k JOIN actors a ON a.id = k.actor "
                "WHERE k.article = ?",
                (article_id,),
            )
        )
        return article_detail(
            article, mentions, quotes, offsets_from(rows[0][10]), actor_of, types
        )

    def actors(self) -> Sequence[ActorSummary]:
        rows = self._query(
            "SELECT id, name, type, role, aliases, mention_count, article_count, quote_count "
            "FROM actors ORDER BY ord"
        )
        return [
            ActorSummary(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5], r[6], r[7])
            for r in rows
        ]

    def actor(self, actor_id: str) -> Actor:
        rows = self._query(
            "SELECT id, name, type, aliases, role FROM actors WHERE id = ? "
            "ORDER BY ord DESC LIMIT 1",
            (actor_id,),
        )
        if not rows:
            raise KeyError(actor_id)
        aid, name, actor_type, aliases, role = rows[0]
        mentions = tuple(
            mention_from(r)
            for r in self._query(
                "SELECT m.article, m.start, m.\"end\", m.text, m.label, m.key, m.role "
                "FROM actor_keys k JOIN mentions m ON m.article = k.article AND m.key = k.key "
                "JOIN articles a ON a.id = k.article WHERE k.actor = ? ORDER BY a.ord, m.seq",
                (actor_id,),
            )
        )
        return Actor(aid, name, actor_type, tuple(json.loads(aliases)), role, mentions)

    def positions(self, actor_id: str) -> Sequence[Quote]:
        columns = ", ".join(f"q.{c.strip()}" for c in QUOTE_COLUMNS.split(","))
        rows = self._query(
            f"SELECT {columns} FROM actor_keys k "
            "JOIN quotes q ON q.article = k.article AND q.speaker_key = k.key "
            "JOIN articles a ON a.id = k.article WHERE k.actor = ? ORDER BY a.ord, q.seq",
            (actor_id,),
        )
        return [quote_from(r, actor_id) for r in rows]

    def article_dates(self) -> Mapping[str, str | None]:
        return dict(self._query("SELECT id, date FROM articles"))

    def actor_outline(self, actor_id: str) -> ActorOutline:
        """The record's counts in four queries, each answered from an index (`tables.SCHEMA`),
        articles sorted by date here, position keys read when first listed: opening an actor
        costs a few rows per article, not an object (or a key) per position."""
        rows = self._query(
            "SELECT id, name, type, aliases FROM actors WHERE id = ? ORDER BY ord DESC LIMIT 1",
            (actor_id,),
        )
        if not rows:
            raise KeyError(actor_id)
        aid, name, actor_type, aliases = rows[0]
        per_article = self._query(
            "SELECT article, SUM(mentions) FROM actor_keys WHERE actor = ? GROUP BY article",
            (actor_id,),
        )
        said: dict[str, int] = dict(self._query(
            "SELECT k.article, COUNT(*) FROM actor_keys k "
            "JOIN quotes q INDEXED BY quotes_by_speaker "
            "ON q.article = k.article AND q.speaker_key = k.key WHERE k.actor = ? "
            "GROUP BY k.article",
            (actor_id,),
        ))
        roles = self._query(
            "SELECT m.role, m.article, m.seq FROM actor_keys k "
            "JOIN mentions m INDEXED BY mentions_with_role "
            "ON m.article = k.article AND m.key = k.key "
            "WHERE k.actor = ? AND m.role IS NOT NULL AND m.role <> ''",
            (actor_id,),
        )
        # Every article with a position or a role is in `per_article` (all go through
        # actor_keys).
        places = self._article_places([article for article, _n in per_article])
        per_article.sort(key=lambda row: places[row[0]][0])
        by_date = sorted(said, key=lambda article: _by_date(places[article]))
        roles.sort(key=lambda m: (places[m[1]][0], m[2]))
        return ActorOutline(
            id=aid,
            name=name,
            type=actor_type,
            aliases=tuple(json.loads(aliases)),
            roles=tuple((role, article) for role, article, _seq in roles),
            articles=tuple(article for article, n in per_article if n > 0),
            dates={article: places[article][1] for article, _n in per_article},
            mentions={article: n for article, n in per_article if n > 0},
            positions=PositionKeys(
                [(article, said[article]) for article in by_date],
                lambda articles: self._position_keys(actor_id, articles),
            ),
            said=said,
        )

    def _position_keys(
        self, actor_id: str, articles: Sequence[str]
    ) -> dict[str, list[tuple[str, int]]]:
        """(article, seq) of the actor's positions in these articles, by offset in each: one
        index search per article, or the whole actor in one when asked for many."""
        sql = (
            "SELECT q.article, q.seq FROM actor_keys k "
            "JOIN quotes q INDEXED BY quotes_by_speaker "
            "ON q.article = k.article AND q.speaker_key = k.key WHERE k.actor = ? "
        )
        order = 'ORDER BY q.article, q.start, q."end"'
        if len(articles) > KEYS_ONE_BY_ONE:
            rows = self._query(sql + order, (actor_id,))
        else:
            rows = []
            for article in articles:
                rows += self._query(sql + "AND k.article = ? " + order, (actor_id, article))
        return {article: list(keys) for article, keys in groupby(rows, itemgetter(0))}

    def quotes_at(self, actor_id: str, keys: Sequence[tuple[str, int]]) -> list[Quote]:
        """The positions at these (article, seq) keys, in that order (a page of a record).

        One primary-key lookup each: 200 take about 2 ms, where one `IN (VALUES ...)` query
        makes SQLite scan every quote of each article.
        """
        sql = f"SELECT {QUOTE_COLUMNS} FROM quotes WHERE article = ? AND seq = ?"
        found: list[Quote] = []
        with self._lock:
            try:
                for key in keys:
                    row = self._conn.execute(sql, key).fetchone()
                    if row is not None:
                        found.append(quote_from(row, actor_id))
            except sqlite3.DatabaseError as err:
                raise StoreError(
                    f"the index store {self.path} is damaged ({err}); reopen with --reindex"
                ) from err
        return found

    def actors_in(self, article_id: str) -> Sequence[str]:
        rows = self._query(
            "SELECT actor, SUM(mentions) AS n, MIN(first_start) AS first FROM actor_keys "
            "WHERE article = ? AND mentions > 0 GROUP BY actor ORDER BY n DESC, first",
            (article_id,),
        )
        return [r[0] for r in rows]

    def content_hashes(self) -> dict[str, str]:
        """Article id -> content hash (corrections find a renamed file by its content)."""
        return dict(self._query("SELECT id, content_hash FROM articles"))

    def mention_counts(self, actor_id: str) -> dict[str, int]:
        """Article id -> mentions of the actor there, without reading the mentions (a
        corrected actor's counts are summed from these)."""
        return dict(self._query(
            "SELECT article, SUM(mentions) FROM actor_keys WHERE actor = ? AND mentions > 0 "
            "GROUP BY article", (actor_id,),
        ))

    def quote_article(self, quote_id: str) -> str | None:
        """The article holding a quote id, if any."""
        rows = self._query("SELECT article FROM quotes WHERE id = ? LIMIT 1", (quote_id,))
        return rows[0][0] if rows else None

    def corpus(self) -> Corpus:
        """The whole index in memory (JSON export of everything); prefer the lazy methods."""
        with self._lock:
            try:
                analyses = list(load_analyses(self._conn))
            except sqlite3.DatabaseError as err:
                raise StoreError(
                    f"the index store {self.path} is damaged ({err}); reopen with --reindex"
                ) from err
        actor_of = {
            (article, key): actor
            for article, key, actor in self._query("SELECT article, key, actor FROM actor_keys")
        }
        actors = [self.actor(summary.id) for summary in self.actors()]
        quotes = tuple(
            q if not q.speaker_key else _with_actor(q, actor_of.get((q.article, q.speaker_key)))
            for a in analyses
            for q in a.quotes
        )
        return Corpus(
            articles=tuple(a.article for a in analyses),
            actors=tuple(actors),
            quotes=quotes,
            sentences={a.article.id: a.sentences for a in analyses},
            skipped=self._skipped,
        )


def _with_actor(quote: Quote, actor: str | None) -> Quote:
    from dataclasses import replace

    return replace(quote, actor=actor) if actor != quote.actor else quote


#: Articles whose position keys are read one search each; more are read in one query.
KEYS_ONE_BY_ONE = 64


class PositionKeys(Sequence[tuple[str, int]]):
    """An actor's position keys, (article, seq), in record order, read an article at a time
    as they are first indexed: the record's first screen reads the keys of a few articles,
    not the thousands of a prolific actor."""

    def __init__(
        self,
        counts: Sequence[tuple[str, int]],
        read: Callable[[Sequence[str]], Mapping[str, list[tuple[str, int]]]],
    ) -> None:
        self._articles = [article for article, _n in counts]
        self._starts = list(accumulate((n for _a, n in counts), initial=0))
        """Where each article's positions start (and, last, how many there are)."""
        self._read = read
        self._keys: dict[str, list[tuple[str, int]]] = {}

    def __len__(self) -> int:
        return self._starts[-1]

    @overload
    def __getitem__(self, index: int) -> tuple[str, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[str, int]]: ...
    def __getitem__(
        self, index: int | slice
    ) -> tuple[str, int] | list[tuple[str, int]]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            if start >= stop:
                return []
            first = bisect_right(self._starts, start) - 1
            last = bisect_right(self._starts, stop - 1) - 1
            self._load(self._articles[first : last + 1])
            keys = [
                key for article in self._articles[first : last + 1] for key in self._keys[article]
            ]
            offset = start - self._starts[first]
            return keys[offset : offset + stop - start]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self[index : index + 1][0]

    def _load(self, articles: Sequence[str]) -> None:
        missing = [article for article in articles if article not in self._keys]
        if missing:
            found = self._read(missing)
            for article in missing:
                self._keys[article] = found.get(article, [])


def _by_date(place: tuple[int, str | None]) -> tuple[bool, str, int]:
    """An article's place in a record: by date (undated last), then corpus order."""
    order, date = place
    return (date is None, date or "", order)
