"""The reader's marks: a SQLite database of user data, one committed transaction per change.

Marks live in `settings.data_dir` (never the cache) and are never deleted by newsdesk itself:
a corrupt database is moved aside, a mark whose text disappeared is kept as detached.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from .. import db
from ..errors import MarksError
from ..models import Article, ArticleAnalysis, Quote, QuoteKind
from ..settings import Settings
from ..store.library import Library

log = logging.getLogger(__name__)

MarkKind = Literal["quote", "sentence", "selection", "position"]
MARK_KINDS: tuple[MarkKind, ...] = ("quote", "sentence", "selection", "position")

MARKS_FILE = "marks.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS marks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article TEXT NOT NULL,
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    quote TEXT,
    quote_kind TEXT,
    speaker TEXT,
    actor TEXT,
    note TEXT NOT NULL DEFAULT '',
    detached INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS marks_article ON marks (article);
"""
#: `_MIGRATIONS[n]` takes a schema-`n` database to `n + 1` (none yet: schema 1 is the first).
_MIGRATIONS: dict[int, str] = {}


@dataclass(frozen=True, slots=True)
class Mark:
    """A passage the reader kept, anchored by article (path + content hash), offsets and text."""

    id: int
    article: str
    path: str
    """Absolute path of the article file when the mark was made (or last re-anchored)."""
    content_hash: str
    """`Article.content_hash` the offsets refer to."""
    start: int
    end: int
    text: str
    """The marked text itself: what re-anchoring looks for when the article changes."""
    kind: MarkKind
    quote: str | None
    """`Quote.id` when a quote or position was marked."""
    quote_kind: QuoteKind | None
    speaker: str | None
    """The speaker as written, kept so an export can attribute it even if the index changes."""
    actor: str | None
    """Global actor id of the speaker, if any."""
    note: str
    detached: bool
    """True when the article changed and the text could not be found again (kept, never dropped)."""
    created: str
    updated: str
    """ISO 8601 UTC timestamps."""


#: The columns are the fields of `Mark`, in order: rows and marks convert by position.
_FIELDS = tuple(f.name for f in fields(Mark))
_COLUMNS = ", ".join(f'"{name}"' for name in _FIELDS)  # quoted: "end" is an SQL keyword


@dataclass(frozen=True, slots=True)
class Toggled:
    """What `MarkStore.toggle` did: `added` False means `mark` was removed (keep it for undo)."""

    mark: Mark
    added: bool


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    """What `MarkStore.reanchor` changed."""

    checked: int = 0
    moved: int = 0
    """Marks whose offsets changed (text found again)."""
    detached: int = 0
    """Marks whose text is gone (newly detached)."""
    reattached: int = 0
    """Previously detached marks whose text is back."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def normalise_path(path: str) -> str:
    """Absolute, symlink-resolved path: how marks compare article files."""
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


class MarkStore:
    """The marks database. Thread-safe; any number of processes may write at once.

    Open with `MarkStore.open(settings)`; read `notices` once (a corrupt database moved aside).
    """

    def __init__(self, path: Path, connection: sqlite3.Connection, notices: list[str]) -> None:
        self.path = path
        self.notices = notices
        """Things to tell the reader once (e.g. where a corrupt database was moved)."""
        self._db = connection
        self._lock = threading.RLock()

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, settings: Settings, *, path: Path | None = None) -> MarkStore:
        """Open (creating if needed) the marks database in `settings.data_dir`.

        Raises `MarksError` when the folder cannot be created or the database is locked or
        written by a newer newsdesk; a corrupt database is moved aside, never overwritten.
        """
        db_path = path or settings.data_dir / MARKS_FILE
        connection, notices = db.open_user_data(db_path, _connect, "marks database", MarksError)
        return cls(db_path, connection, notices)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> MarkStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; `BEGIN IMMEDIATE` takes the write lock up front so two
        processes queue on busy_timeout instead of failing half-way."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as err:
                raise MarksError(f"marks database is busy or read-only ({err}); try again") from err
            try:
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.DatabaseError as err:
                db.rollback(self._db)
                raise MarksError(f"could not save marks ({err}); nothing was changed") from err
            except BaseException:
                db.rollback(self._db)
                raise

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[Mark]:
        with self._lock:
            try:
                rows = self._db.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as err:
                raise MarksError(f"cannot read marks ({err})") from err
        return [_mark(row) for row in rows]

    # -- reading -----------------------------------------------------------------------------

    def get(self, mark_id: int) -> Mark:
        found = self._read(f"SELECT {_COLUMNS} FROM marks WHERE id = ?", (mark_id,))
        if not found:
            raise MarksError(f"no mark with id {mark_id}")
        return found[0]

    def marks(self, article_id: str | None = None) -> list[Mark]:
        """All marks (or one article's), in article then text order."""
        if article_id is None:
            return self._read(f'SELECT {_COLUMNS} FROM marks ORDER BY article, start, "end", id')
        return self._read(
            f'SELECT {_COLUMNS} FROM marks WHERE article = ? ORDER BY start, "end", id',
            (article_id,),
        )

    def attached(self, article: Article) -> list[Mark]:
        """This article's marks that have a place in its text (not detached), in text order."""
        return [m for m in self.marks(article.id) if not m.detached and belongs(m, article)]

    def marks_at(self, article: Article, offset: int) -> list[Mark]:
        """Marks covering `offset` (for `m` on a marked passage), shortest first."""
        found = [m for m in self.attached(article) if m.start <= offset < m.end]
        return sorted(found, key=lambda m: (m.end - m.start, m.id))

    def find(
        self, article: Article, start: int, end: int, quote_id: str | None = None
    ) -> Mark | None:
        """The mark of exactly this span (or of this quote), if any."""
        for mark in self.attached(article):
            if (mark.start, mark.end) == (start, end) or (quote_id and mark.quote == quote_id):
                return mark
        return None

    def count_by_article(self, library: Library | None = None) -> dict[str, int]:
        """Article id -> number of marks (for the article list); with `library`, only marks that
        belong to its articles (another folder may have an article with the same id)."""
        if library is not None:
            counts: dict[str, int] = {}
            for mark in self.marks_for(library):
                counts[mark.article] = counts.get(mark.article, 0) + 1
            return counts
        with self._lock:
            rows = self._db.execute(
                "SELECT article, COUNT(*) FROM marks GROUP BY article"
            ).fetchall()
        return {article: count for article, count in rows}

    def marks_for(self, library: Library) -> list[Mark]:
        """The marks of this library's articles (the marks view `M`), in article order."""
        order = {summary.id: n for n, summary in enumerate(library.articles())}
        articles: dict[str, Article] = {}
        found = []
        for mark in self.marks():
            if mark.article not in order:
                continue
            if mark.article not in articles:
                articles[mark.article] = library.article(mark.article).article
            if belongs(mark, articles[mark.article]):
                found.append(mark)
        found.sort(key=lambda m: (order[m.article], m.start, m.end, m.id))
        return found

    def spans(self, article: Article) -> list[tuple[int, int, str]]:
        """`(start, end, "mark")` for every attached mark of an article: what the text view
        highlights (detached marks have no place in the text)."""
        return [(m.start, m.end, "mark") for m in self.attached(article)]

    def revision(self) -> tuple[int, int]:
        """Differs whenever the marks changed, here or in another process since the last call
        (poll it to refresh a marks view; cheap: no table is read)."""
        with self._lock:
            return db.change_counter(self._db)

    # -- changing ----------------------------------------------------------------------------

    def add(
        self,
        article: Article,
        start: int,
        end: int,
        kind: MarkKind = "selection",
        *,
        quote: Quote | None = None,
        note: str = "",
    ) -> Mark:
        """Mark `article.text[start:end]`; `quote` (for quote and position marks) gives speaker."""
        if kind not in MARK_KINDS:
            raise MarksError(f"unknown mark kind {kind!r}")
        if not 0 <= start < end <= len(article.text):
            raise MarksError(
                f"cannot mark {start}..{end}: outside the article ({len(article.text)} characters)"
            )
        text = article.text[start:end]
        now = _now()
        with self._write() as conn:
            cursor = conn.execute(
                'INSERT INTO marks (article, path, content_hash, start, "end", text, kind, quote, '
                "quote_kind, speaker, actor, note, detached, created, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                (
                    article.id,
                    normalise_path(article.path),
                    article.content_hash,
                    start,
                    end,
                    text,
                    kind,
                    quote.id if quote else None,
                    quote.kind if quote else None,
                    quote.speaker if quote else None,
                    quote.actor if quote else None,
                    note,
                    now,
                    now,
                ),
            )
            mark_id = cursor.lastrowid
        assert mark_id is not None
        return self.get(mark_id)

    def add_quote(
        self, article: Article, quote: Quote, kind: MarkKind = "quote", note: str = ""
    ) -> Mark:
        """Mark a quote (or, from the actor sidebar, a position) over its content span."""
        return self.add(article, quote.start, quote.end, kind, quote=quote, note=note)

    def toggle(
        self,
        article: Article,
        start: int,
        end: int,
        kind: MarkKind = "selection",
        *,
        quote: Quote | None = None,
    ) -> Toggled:
        """`m`: unmark this exact span (or quote) if marked, else mark it."""
        existing = self.find(article, start, end, quote.id if quote else None)
        if existing is not None:
            return Toggled(self.remove(existing.id), added=False)
        return Toggled(self.add(article, start, end, kind, quote=quote), added=True)

    def toggle_at(self, detail: ArticleAnalysis, offset: int) -> Toggled | None:
        """`m` at the text cursor: unmark the (shortest) mark under it, else mark the quote or,
        outside quotes, the sentence there. None when there is nothing to mark at `offset`."""
        under = self.marks_at(detail.article, offset)
        if under:
            return Toggled(self.remove(under[0].id), added=False)
        target = mark_target(detail, offset)
        if target is None:
            return None
        start, end, kind, quote = target
        return Toggled(self.add(detail.article, start, end, kind, quote=quote), added=True)

    def toggle_span(self, detail: ArticleAnalysis, start: int, end: int) -> Toggled:
        """`m` on what the text view chose (a quote, the cursor sentence or a selection):
        unmark the shortest mark covering it, else mark it, its kind read from the article
        (a quote's exact span -> quote, a sentence's -> sentence, else selection)."""
        covering = [m for m in self.attached(detail.article) if m.start <= start and end <= m.end]
        if covering:
            shortest = min(covering, key=lambda m: (m.end - m.start, m.id))
            return Toggled(self.remove(shortest.id), added=False)
        kind, quote = kind_of(detail, start, end)
        return Toggled(self.add(detail.article, start, end, kind, quote=quote), added=True)

    def remove(self, mark_id: int) -> Mark:
        """Delete one mark and return it, so `restore` can undo the deletion."""
        mark = self.get(mark_id)
        with self._write() as conn:
            conn.execute("DELETE FROM marks WHERE id = ?", (mark_id,))
        return mark

    def restore(self, mark: Mark) -> Mark:
        """Undo a `remove`: the mark comes back with its id, note and timestamps."""
        with self._write() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO marks ({_COLUMNS}) "
                f"VALUES ({', '.join('?' * len(_FIELDS))})",
                _row(mark),
            )
        return self.get(mark.id)

    def set_note(self, mark_id: int, note: str) -> Mark:
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE marks SET note = ?, updated = ? WHERE id = ?",
                (note.strip(), _now(), mark_id),
            )
            if cursor.rowcount == 0:
                raise MarksError(f"no mark with id {mark_id}")
        return self.get(mark_id)

    # -- re-anchoring ------------------------------------------------------------------------

    def reanchor(self, library: Library) -> ReanchorReport:
        """Bring marks up to date with re-indexed articles.

        A mark belongs to a library article with its id and either the same content hash (the
        file may have moved: path updated) or the same path. When its text is no longer at its
        offsets it is found again nearest the old offset, exactly, then ignoring whitespace;
        else it is kept and flagged detached (and re-attached if the text comes back).
        Marks of other corpora (same id, other path and hash) are left alone.
        """
        known = {summary.id for summary in library.articles()}
        checked = moved = detached = reattached = 0
        by_article: dict[str, list[Mark]] = {}
        for mark in self.marks():
            if mark.article in known:
                by_article.setdefault(mark.article, []).append(mark)
        for article_id, marks in by_article.items():
            detail = library.article(article_id)
            article = detail.article
            path = normalise_path(article.path)
            updates: list[tuple[Mark, dict[str, object]]] = []
            for mark in marks:
                same_hash = mark.content_hash == article.content_hash
                if not same_hash and mark.path != path:
                    continue
                checked += 1
                change: dict[str, object] = {}
                if mark.path != path:
                    change["path"] = path
                in_place = article.text[mark.start : mark.end] == mark.text
                if in_place and not mark.detached:
                    # Same text at the same place (a newer newsdesk may clean text differently,
                    # so an unchanged hash alone does not prove the offsets still hold).
                    if not same_hash:
                        change["content_hash"] = article.content_hash
                    if change:
                        updates.append((mark, change))
                    continue
                span = locate(article.text, mark.text, mark.start)
                change["content_hash"] = article.content_hash
                if span is None:
                    if not mark.detached:
                        detached += 1
                        change["detached"] = 1
                else:
                    if mark.detached:
                        reattached += 1
                        change["detached"] = 0
                    elif span != (mark.start, mark.end):
                        moved += 1
                    change["start"], change["end"] = span
                    relinked = next((q for q in detail.quotes if (q.start, q.end) == span), None)
                    if relinked is not None and mark.quote is not None:
                        change["quote"] = relinked.id
                        change["actor"] = relinked.actor or mark.actor
                updates.append((mark, change))
            if updates:
                now = _now()
                with self._write() as conn:
                    for mark, change in updates:
                        change["updated"] = now
                        columns = ", ".join(f'"{name}" = ?' for name in change)
                        conn.execute(
                            f"UPDATE marks SET {columns} WHERE id = ? AND content_hash = ?",
                            (*change.values(), mark.id, mark.content_hash),
                        )
        return ReanchorReport(checked, moved, detached, reattached)


# -- helpers --------------------------------------------------------------------------------


def belongs(mark: Mark, article: Article) -> bool:
    """A mark is this article's if the id matches and the file is the same (hash or path)."""
    return mark.article == article.id and (
        mark.content_hash == article.content_hash or mark.path == normalise_path(article.path)
    )


def kind_of(detail: ArticleAnalysis, start: int, end: int) -> tuple[MarkKind, Quote | None]:
    """The kind of a span: a quote's exact span, a sentence's, else a free selection."""
    quote = next((q for q in detail.quotes if (q.start, q.end) == (start, end)), None)
    if quote is not None:
        return "quote", quote
    if (start, end) in detail.sentences:
        return "sentence", None
    return "selection", None


def mark_target(
    detail: ArticleAnalysis, offset: int
) -> tuple[int, int, MarkKind, Quote | None] | None:
    """What `m` marks at `offset`: the innermost quote there, else the sentence there."""
    quotes = [q for q in detail.quotes if q.start <= offset < q.end]
    if quotes:
        quote = min(quotes, key=lambda q: q.end - q.start)
        return quote.start, quote.end, "quote", quote
    for start, end in detail.sentences:
        if start <= offset < end:
            return start, end, "sentence", None
    return None


def locate(text: str, needle: str, near: int) -> tuple[int, int] | None:
    """Where `needle` is in `text`, nearest `near`: exact first, then ignoring whitespace."""
    if not needle.strip():
        return None
    best: tuple[int, int] | None = None
    start = text.find(needle)
    while start != -1:
        if best is None or abs(start - near) < abs(best[0] - near):
            best = (start, start + len(needle))
        start = text.find(needle, start + 1)
    if best is not None:
        return best
    pattern = r"\s+".join(re.escape(word) for word in needle.split())
    for match in re.finditer(pattern, text):
        if best is None or abs(match.start() - near) < abs(best[0] - near):
            best = (match.start(), match.end())
    return best


def _connect(path: Path) -> sqlite3.Connection:
    """Open, check integrity, create or migrate the schema, switch to WAL (raises DatabaseError;
    `MarksError` for a file from a newer newsdesk, which is left untouched)."""
    conn = db.connect(path, synchronous="FULL")
    try:
        db.quick_check(conn)
        try:
            db.ensure_schema(conn, _SCHEMA, SCHEMA_VERSION, _MIGRATIONS)
        except db.NewerSchema as err:
            raise MarksError(
                f"the marks database {path} was written by a newer newsdesk (schema {err.found}); "
                "upgrade newsdesk to use it"
            ) from None
        db.enable_wal(conn)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(marks)")}
        missing = {c.strip().strip('"') for c in _COLUMNS.split(",")} - columns
        if missing:
            raise sqlite3.DatabaseError(
                f"database disk image is malformed (marks lacks {sorted(missing)})"
            )
    except BaseException:
        conn.close()
        raise
    return conn


def _mark(row: Sequence[object]) -> Mark:
    """A `marks` row as a `Mark` (columns in field order; `detached` is stored as 0 or 1)."""
    values = dict(zip(_FIELDS, row, strict=True))
    values["detached"] = bool(values["detached"])
    return Mark(**values)  # type: ignore[arg-type]


def _row(mark: Mark) -> tuple[object, ...]:
    """A `Mark` as a `marks` row, the inverse of `_mark`."""
    return tuple(int(mark.detached) if name == "detached" else getattr(mark, name)
                 for name in _FIELDS)
