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

from .models import Article, SkippedFile
from .readers import FieldMap, read_dump
from .readers.dumps import RowKey

NOTES_SCHEMA = """
CREATE TABLE IF NOT EXISTS dump_notes (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, skipped TEXT NOT NULL
) WITHOUT ROWID;
"""


@dataclass(slots=True)
class DumpPending:
    """Rows of one dump to index: read again from the file when their turn comes."""

    path: str
    file_id: str
    stamp: tuple[int, int]
    ids: set[str] = field(default_factory=set)


@dataclass(slots=True)
class DumpRead:
    """One dump's rows found while planning: (id, content hash) in file order, and skips."""

    rows: list[tuple[str, str]]
    skipped: list[SkippedFile]


def scan_dump(path: str, file_id: str, fields: FieldMap, max_row_bytes: int) -> DumpRead:
    """Ids and hashes of a dump's rows (texts are dropped as soon as they are hashed)."""
    rows: list[tuple[str, str]] = []
    skipped: list[SkippedFile] = []
    for item in read_dump(path, file_id, fields, max_row_bytes, build=False):
        if isinstance(item, RowKey):
            rows.append((item.id, item.content_hash))
        elif isinstance(item, SkippedFile):
            skipped.append(item)
    return DumpRead(rows, skipped)


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
            (path, size, mtime_ns,
             json.dumps([[s.reason, s.row, s.summary] for s in skipped], ensure_ascii=False))
            for path, (size, mtime_ns, skipped) in notes.items()
        ],
    )
