"""Dump files in the store: many articles per file, planned without holding their texts.

A dump whose stamp (size, mtime) matches every stored row from it is reused without being
opened: a warm open of an unchanged 100,000-row file reads no row. Otherwise its rows stream
through once to find which changed (only ids and hashes are kept), and the changed rows are
read again when indexed, so a dump of any size is never held in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import Article, SkippedFile
from ..pipeline.readers import FieldMap, read_dump
from ..pipeline.readers.dumps import RowKey
from ..settings import Settings

if TYPE_CHECKING:
    from ..pipeline.scan import FoundFile


@dataclass(slots=True)
class DumpPending:
    """Rows of one dump to index: read again from the file when their turn comes."""

    path: str
    file_id: str
    stamp: tuple[int, int]
    ids: set[str] = field(default_factory=set)


class DumpPlanner:
    """Plans the rows of dump files: reused whole when unchanged, else read once for hashes."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        stored: dict[str, tuple[object, ...]],
        settings: Settings,
        fingerprint: str,
    ) -> None:
        self.stored = stored
        self.by_path: dict[str, list[str]] = {}
        for article_id, row in sorted(stored.items(), key=lambda item: item[1][0]):  # type: ignore[arg-type,return-value]
            self.by_path.setdefault(str(row[1]), []).append(article_id)
        self.saved = load_notes(conn)
        self.fields = FieldMap.parse(settings.fields)
        self.max_row_bytes = settings.max_file_bytes
        self.fingerprint = fingerprint
        self.pending: list[DumpPending] = []
        self.notes: dict[str, tuple[int, int, list[SkippedFile]]] = {}

    def plan(
        self,
        found: FoundFile,
        stamp: tuple[int, int],
        order: dict[str, int],
        rows: dict[str, tuple[str, str]],
        refresh: list[tuple[int, str, int, int, str]],
        skipped: list[SkippedFile],
    ) -> int:
        """Add one dump's rows to the plan; returns how many are reused."""
        known = self.by_path.get(found.path, [])
        saved = self.saved.get(found.path)
        if (
            known
            and stamp[1] != 0
            and saved is not None
            and saved[:2] == stamp
            and all(
                (self.stored[i][2], self.stored[i][3]) == stamp
                and self.stored[i][5] == self.fingerprint
                for i in known
            )
        ):
            for article_id in known:  # unchanged: not even opened
                content_hash = str(self.stored[article_id][4])
                self._keep(article_id, content_hash, found, stamp, order, rows, refresh)
            skipped.extend(saved[2])
            return len(known)
        told: list[SkippedFile] = []
        dump = DumpPending(found.path, found.id, stamp)
        reused = 0
        for item in read_dump(found.path, found.id, self.fields, self.max_row_bytes, build=False):
            if isinstance(item, SkippedFile):
                told.append(item)
                continue
            if not isinstance(item, RowKey):
                continue
            article_id, content_hash = item.id, item.content_hash  # the text is gone already
            old = self.stored.get(article_id)
            if old is not None and old[5] == self.fingerprint and old[4] == content_hash:
                self._keep(article_id, content_hash, found, stamp, order, rows, refresh, force=True)
                reused += 1
                continue
            order[article_id] = len(order)
            rows[article_id] = (content_hash, self.fingerprint)
            dump.ids.add(article_id)
        skipped.extend(told)
        self.notes[found.path] = (stamp[0], stamp[1], told)
        if dump.ids:
            self.pending.append(dump)
        return reused

    def _keep(
        self,
        article_id: str,
        content_hash: str,
        found: FoundFile,
        stamp: tuple[int, int],
        order: dict[str, int],
        rows: dict[str, tuple[str, str]],
        refresh: list[tuple[int, str, int, int, str]],
        force: bool = False,
    ) -> None:
        ord_ = len(order)
        order[article_id] = ord_
        rows[article_id] = (content_hash, self.fingerprint)
        old = self.stored[article_id]
        if force or old[0] != ord_ or old[1] != found.path:
            refresh.append((ord_, found.path, stamp[0], stamp[1], article_id))


def pending_articles(
    pending: Sequence[DumpPending], fields: FieldMap, max_row_bytes: int
) -> Iterator[tuple[Article, tuple[int, int]]]:
    """The pending rows, read again one at a time, with their dump's stamp."""
    for dump in pending:
        left = set(dump.ids)
        for item in read_dump(dump.path, dump.file_id, fields, max_row_bytes):
            if isinstance(item, Article) and item.id in left:
                left.discard(item.id)
                yield item, dump.stamp
                if not left:
                    break


def load_notes(conn: sqlite3.Connection) -> dict[str, tuple[int, int, list[SkippedFile]]]:
    """path -> (size, mtime_ns, skipped rows) as the last full read of each dump found them."""
    notes: dict[str, tuple[int, int, list[SkippedFile]]] = {}
    for path, size, mtime_ns, skipped in conn.execute("SELECT * FROM dump_notes"):
        notes[path] = (size, mtime_ns, [SkippedFile(path, *r) for r in json.loads(skipped)])
    return notes


def save_notes(
    conn: sqlite3.Connection, notes: dict[str, tuple[int, int, list[SkippedFile]]]
) -> None:
    """Remember each dump's skipped rows for warm opens (inside a transaction); a note is only
    read back while its dump keeps the same stamp, so a deleted dump's note does no harm."""
    conn.executemany(
        "INSERT OR REPLACE INTO dump_notes VALUES (?,?,?,?)",
        [
            (
                path,
                size,
                mtime_ns,
                json.dumps([[s.reason, s.row, s.summary] for s in skipped], ensure_ascii=False),
            )
            for path, (size, mtime_ns, skipped) in notes.items()
        ],
    )
