"""The index store's SQLite tables, and records in and out of them.

A plain schema (one row per article, mention, quote, actor) so the library can read any part
lazily; JSON only for small per-article lists (paragraph and sentence offsets, aliases).
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import db
from ..models import Actor, Article, ArticleAnalysis, Mention, Offsets, Quote

#: Bumped whenever the tables change shape; an older store is rebuilt.
SCHEMA_VERSION = "6"
#: Seconds a store writer waits for another process's lock.
STORE_TIMEOUT_S = 10.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    source TEXT,
    url TEXT,
    author TEXT,
    quote_count INTEGER NOT NULL,
    actor_count INTEGER NOT NULL DEFAULT 0,
    paragraphs TEXT NOT NULL,
    sentences TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS texts (article TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (
    article TEXT NOT NULL, seq INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, label TEXT NOT NULL, key TEXT NOT NULL, role TEXT,
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quotes (
    article TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL,
    cue TEXT, cue_start INTEGER, cue_end INTEGER,
    speaker TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_key TEXT, via TEXT,
    confidence REAL NOT NULL DEFAULT 1.0,
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actors (
    ord INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
    aliases TEXT NOT NULL, role TEXT,
    mention_count INTEGER NOT NULL, article_count INTEGER NOT NULL, quote_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS actor_keys (
    article TEXT NOT NULL, key TEXT NOT NULL, actor TEXT NOT NULL,
    mentions INTEGER NOT NULL, first_start INTEGER NOT NULL,
    PRIMARY KEY (article, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dump_notes (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, skipped TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actors_by_id ON actors (id);
-- An actor's record reads from these alone, never the wide article, quote or mention rows:
-- its mentions per article, its quotes' keys and offsets, and the few mentions with a role.
CREATE INDEX IF NOT EXISTS actor_keys_by_actor ON actor_keys (actor, article, mentions);
CREATE INDEX IF NOT EXISTS quotes_by_speaker ON quotes (article, speaker_key, start, "end");
CREATE INDEX IF NOT EXISTS mentions_with_role ON mentions (article, key)
    WHERE role IS NOT NULL AND role <> '';
"""

MENTION_COLUMNS = 'article, start, "end", text, label, key, role'
QUOTE_COLUMNS = (
    'id, article, text, start, "end", kind, cue, cue_start, cue_end, '
    "speaker, speaker_start, speaker_end, speaker_key, via, confidence"
)
ARTICLE_COLUMNS = (
    "a.id, a.path, a.title, a.date, a.source, a.url, t.body, a.paragraphs, a.content_hash, a.author"
)


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the index store (a cache: `synchronous=NORMAL` is enough)."""
    return db.connect(path, synchronous="NORMAL", timeout=STORE_TIMEOUT_S)


def offsets_json(spans: Sequence[Offsets]) -> str:
    return json.dumps([list(s) for s in spans], separators=(",", ":"))


def offsets_from(data: str) -> tuple[Offsets, ...]:
    return tuple((int(s), int(e)) for s, e in json.loads(data))


def mention_from(row: Sequence[Any]) -> Mention:
    return Mention(row[0], row[1], row[2], row[3], row[4], row[5], row[6])


def quote_from(row: Sequence[Any], actor: str | None = None) -> Quote:
    return Quote(
        id=row[0], article=row[1], text=row[2], start=row[3], end=row[4], kind=row[5], cue=row[6],
        cue_start=row[7], cue_end=row[8], speaker=row[9], speaker_start=row[10],
        speaker_end=row[11], speaker_key=row[12], actor=actor, via=row[13],
        confidence=row[14],
    )


def article_from(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0], path=row[1], title=row[2], date=row[3], source=row[4], url=row[5],
        text=row[6], paragraphs=offsets_from(row[7]), content_hash=row[8], author=row[9],
    )


def write_analysis(
    conn: sqlite3.Connection,
    analysis: ArticleAnalysis,
    *,
    ord_: int,
    stamp: tuple[int, int],
    fingerprint: str,
) -> None:
    """Replace one article's rows (call inside a transaction)."""
    a = analysis.article
    delete_articles(conn, [a.id])
    conn.execute(
        "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            a.id, ord_, a.path, stamp[0], stamp[1], a.content_hash, fingerprint,
            a.title, a.date, a.source, a.url, a.author, len(analysis.quotes), 0,
            offsets_json(a.paragraphs), offsets_json(analysis.sentences),
        ),
    )
    conn.execute("INSERT INTO texts VALUES (?,?)", (a.id, a.text))
    conn.executemany(
        "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)",
        [
            (a.id, seq, m.start, m.end, m.text, m.label, m.key, m.role)
            for seq, m in enumerate(analysis.mentions)
        ],
    )
    conn.executemany(
        "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                a.id, seq, q.id, q.text, q.start, q.end, q.kind, q.cue, q.cue_start, q.cue_end,
                q.speaker, q.speaker_start, q.speaker_end, q.speaker_key, q.via,
                q.confidence,
            )
            for seq, q in enumerate(analysis.quotes)
        ],
    )


def delete_articles(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    rows = [(i,) for i in ids]
    for table, column in (
        ("articles", "id"), ("texts", "article"), ("mentions", "article"),
        ("quotes", "article"), ("actor_keys", "article"),
    ):
        conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", rows)


def load_analyses(conn: sqlite3.Connection) -> Iterator[ArticleAnalysis]:
    """Every stored article with its mentions and quotes, in corpus order (for the actor merge)."""
    mentions: dict[str, list[Mention]] = {}
    for row in conn.execute(f"SELECT {MENTION_COLUMNS} FROM mentions ORDER BY article, seq"):
        mentions.setdefault(row[0], []).append(mention_from(row))
    quotes: dict[str, list[Quote]] = {}
    for row in conn.execute(f"SELECT {QUOTE_COLUMNS} FROM quotes ORDER BY article, seq"):
        quotes.setdefault(row[1], []).append(quote_from(row))
    for row in conn.execute(
        f"SELECT {ARTICLE_COLUMNS}, a.sentences FROM articles a JOIN texts t ON t.article = a.id "
        "ORDER BY a.ord"
    ):
        article = article_from(row)
        yield ArticleAnalysis(
            article,
            tuple(mentions.get(article.id, ())),
            tuple(quotes.get(article.id, ())),
            offsets_from(row[10]),
        )


def load_positions(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """Quotes per (article, speaker key): what the actor ranking needs of the quotes."""
    return {
        (article, key): count
        for article, key, count in conn.execute(
            "SELECT article, speaker_key, COUNT(*) FROM quotes WHERE speaker_key IS NOT NULL "
            "GROUP BY article, speaker_key"
        )
    }


def load_mentions(conn: sqlite3.Connection) -> list[ArticleAnalysis]:
    """Every article's mentions, in corpus order, as analyses without text, quotes or sentences.

    The actor merge reads mentions only ("recomputed from stored mentions", issue #4), so the
    text is not loaded: on 10,000 articles that is most of the time and memory. Only a story
    whose headline names a state or a province carries its text: whether it says "federal"
    decides whose a body named alone is (`countries.article_division`), as in memory.
    """
    from ..pipeline.countries import headline_division

    enabled = gc.isenabled()
    gc.disable()  # many small objects, none garbage: the collector would only rescan them
    try:
        mentions: dict[str, list[Mention]] = {}
        for row in conn.execute(f"SELECT {MENTION_COLUMNS} FROM mentions ORDER BY article, seq"):
            mentions.setdefault(row[0], []).append(mention_from(row))
        rows = conn.execute(
            "SELECT id, path, title, date, source, url, content_hash FROM articles ORDER BY ord"
        ).fetchall()
        texts = _texts(conn, [row[0] for row in rows if headline_division(row[2] or "")])
        return [
            ArticleAnalysis(
                Article(
                    article_id, path, title, date, source, url,
                    texts.get(article_id, ""), (), content_hash,
                ),
                tuple(mentions.get(article_id, ())),
                (),
                (),
            )
            for article_id, path, title, date, source, url, content_hash in rows
        ]
    finally:
        if enabled:
            gc.enable()


def _texts(conn: sqlite3.Connection, articles: Sequence[str]) -> dict[str, str]:
    """The bodies of a few articles, by id."""
    found: dict[str, str] = {}
    for i in range(0, len(articles), 500):
        chunk = articles[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            conn.execute(f"SELECT article, body FROM texts WHERE article IN ({marks})", chunk)
        )
    return found


def write_actors(
    conn: sqlite3.Connection,
    actors: Sequence[Actor],
    mapping: dict[tuple[str, str], str],
    analyses: Sequence[ArticleAnalysis],
) -> None:
    """Bring the actor table, the (article, key) -> actor map and per-article actor counts up
    to date (inside a transaction), writing only rows that changed: after one edited article
    most of a large corpus's actors are as they were.
    """
    quote_counts: Counter[str] = Counter()
    for article, key, count in conn.execute(
        "SELECT article, speaker_key, COUNT(*) FROM quotes WHERE speaker_key IS NOT NULL "
        "GROUP BY article, speaker_key"
    ):
        if aid := mapping.get((article, key)):
            quote_counts[aid] += count
    new_actors = [
        (
            ord_, a.id, a.name, a.type, json.dumps(list(a.aliases), ensure_ascii=False), a.role,
            len(a.mentions), len(a.articles), quote_counts.get(a.id, 0),
        )
        for ord_, a in enumerate(actors)
    ]
    old_actors = conn.execute("SELECT * FROM actors ORDER BY ord").fetchall()
    changed = [
        row for ord_, row in enumerate(new_actors)
        if ord_ >= len(old_actors) or old_actors[ord_] != row
    ]
    conn.executemany("INSERT OR REPLACE INTO actors VALUES (?,?,?,?,?,?,?,?,?)", changed)
    conn.execute("DELETE FROM actors WHERE ord >= ?", (len(new_actors),))

    stats: dict[tuple[str, str], list[int]] = {}
    for analysis in analyses:
        for m in analysis.mentions:
            entry = stats.setdefault((m.article, m.key), [0, m.start])
            entry[0] += 1
    new_keys = {
        (article, key): (actor, *stats.get((article, key), (0, 0)))
        for (article, key), actor in mapping.items()
    }
    old_keys = {
        (article, key): (actor, count, first)
        for article, key, actor, count, first in conn.execute("SELECT * FROM actor_keys")
    }
    conn.executemany(
        "DELETE FROM actor_keys WHERE article = ? AND key = ?",
        [k for k in old_keys if k not in new_keys],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO actor_keys VALUES (?,?,?,?,?)",
        [(*k, *v) for k, v in new_keys.items() if old_keys.get(k) != v],
    )

    per_article: dict[str, set[str]] = {}
    for (article, _key), (actor, count, _first) in new_keys.items():
        if count:
            per_article.setdefault(article, set()).add(actor)
    old_counts = dict(conn.execute("SELECT id, actor_count FROM articles"))
    conn.executemany(
        "UPDATE articles SET actor_count = ? WHERE id = ?",
        [
            (len(per_article.get(article_id, ())), article_id)
            for article_id, old in old_counts.items()
            if old != len(per_article.get(article_id, ()))
        ],
    )
