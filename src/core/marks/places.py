"""Where the reader left off in each corpus (article, cursor, chosen actor), kept in the data dir.

One small SQLite database, `places.sqlite`, beside the marks: a row per corpus (keyed like the
index store, so the same folders however spelled), each save one committed transaction. A
reading place is a convenience: a damaged, locked or unwritable file is logged and skipped,
never an error in the reader's face, and never a reason to touch the marks.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import db
from ..settings import Settings
from ..store.fingerprint import corpus_key

log = logging.getLogger(__name__)

PLACES_FILE = "places.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    corpus TEXT PRIMARY KEY,
    article TEXT NOT NULL,
    offset INTEGER NOT NULL,
    actor TEXT,
    saved_at REAL NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class ReadingPlace:
    """The article shown, the cursor's offset in it and the chosen actor, if any."""

    article: str
    offset: int
    actor: str | None = None


SCHEMA_VERSION = 1


def _connect(settings: Settings) -> sqlite3.Connection:
    """Through the one SQLite layer: checked, versioned, WAL (two explorers may share it)."""
    path = settings.data_dir / PLACES_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = db.connect(path, timeout=2.0)
    try:
        db.quick_check(conn)
        db.ensure_schema(conn, _SCHEMA, SCHEMA_VERSION)
        db.enable_wal(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def load_place(settings: Settings, paths: Sequence[Path]) -> ReadingPlace | None:
    """The place saved for the corpus under `paths`, or None (none saved, or unreadable)."""
    if not (settings.data_dir / PLACES_FILE).exists():
        return None
    try:
        conn = _connect(settings)
        try:
            row = conn.execute(
                "SELECT article, offset, actor FROM places WHERE corpus = ?", (corpus_key(paths),)
            ).fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as err:
        log.warning("cannot read the reading place in %s: %s", settings.data_dir, err)
        return None
    if row is None or not isinstance(row[0], str) or not isinstance(row[1], int):
        return None
    return ReadingPlace(row[0], max(row[1], 0), row[2] if isinstance(row[2], str) else None)


def save_place(settings: Settings, paths: Sequence[Path], place: ReadingPlace) -> bool:
    """Keep `place` for the corpus under `paths` (one transaction); False when it could not."""
    try:
        conn = _connect(settings)
        try:
            with db.transaction(conn):
                conn.execute(
                    "INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?)",
                    (corpus_key(paths), place.article, place.offset, place.actor, time.time()),
                )
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as err:
        log.warning("cannot save the reading place in %s: %s", settings.data_dir, err)
        return False
    return True
