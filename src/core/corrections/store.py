"""The corrections database beside the marks: SQLite in the data dir, one transaction each."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .. import db
from ..errors import CorrectionError
from ..settings import Settings
from .records import Anchor, Correction

CORRECTIONS_FILE = "corrections.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    corpus TEXT NOT NULL,
    verb TEXT NOT NULL,
    target TEXT NOT NULL,
    other TEXT,
    value TEXT,
    speaker TEXT,
    note TEXT NOT NULL DEFAULT '',
    before TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0,
    changed TEXT NOT NULL
)
"""
_COLUMNS = "id, uid, corpus, verb, target, other, value, speaker, note, before, created, undone"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class CorrectionStore:
    """Every correction ever made, in the order made; undo and redo flip a flag, nothing is
    deleted. Thread-safe; several processes may write (BEGIN IMMEDIATE queues them)."""

    def __init__(self, path: Path, connection: sqlite3.Connection, notices: list[str]) -> None:
        self.path = path
        self.notices = notices
        self._db = connection
        self._lock = threading.RLock()

    @classmethod
    def open(cls, settings: Settings, *, path: Path | None = None) -> CorrectionStore:
        """Open (creating) `corrections.sqlite` in the data dir; a corrupt one is moved aside."""
        db_path = path or settings.data_dir / CORRECTIONS_FILE
        connection, notices = db.open_user_data(
            db_path, _connect, "corrections database", CorrectionError
        )
        return cls(db_path, connection, notices)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as err:
                raise CorrectionError(
                    f"corrections database is busy or read-only ({err}); try again"
                ) from err
            try:
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.DatabaseError as err:
                self._db.execute("ROLLBACK")
                raise CorrectionError(
                    f"could not save the correction ({err}); nothing changed"
                ) from err
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def all(self) -> list[Correction]:
        """Every correction, oldest first."""
        with self._lock:
            try:
                rows = self._db.execute(
                    f"SELECT {_COLUMNS} FROM corrections ORDER BY id"
                ).fetchall()
            except sqlite3.DatabaseError as err:
                raise CorrectionError(f"cannot read corrections ({err})") from err
        return [_record(row) for row in rows]

    def get(self, correction_id: int) -> Correction:
        found = [c for c in self.all() if c.id == correction_id]
        if not found:
            raise CorrectionError(f"no correction with id {correction_id}")
        return found[0]

    def add(self, record: Correction) -> Correction:
        """Store one correction (one transaction); an identical one (same uid) is not stored
        twice: the stored one is returned."""
        with self._write() as db:
            row = db.execute("SELECT id FROM corrections WHERE uid = ?", (record.uid,)).fetchone()
            if row is None:
                cursor = db.execute(
                    "INSERT INTO corrections (uid, corpus, verb, target, other, value, speaker, "
                    "note, before, created, undone, changed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        record.uid,
                        record.corpus,
                        record.verb,
                        _anchor(record.target),
                        _anchor(record.other) if record.other else None,
                        record.value,
                        record.speaker,
                        record.note,
                        record.before,
                        record.created,
                        int(record.undone),
                        now(),
                    ),
                )
                row = (cursor.lastrowid,)
        return self.get(int(row[0]))

    def set_undone(self, correction_id: int, undone: bool) -> Correction:
        with self._write() as db:
            db.execute(
                "UPDATE corrections SET undone = ?, changed = ? WHERE id = ?",
                (int(undone), now(), correction_id),
            )
        return self.get(correction_id)

    def last_undone(self) -> Correction | None:
        """The correction undone most recently (what a bare `redo` brings back)."""
        with self._lock:
            row = self._db.execute(
                "SELECT id FROM corrections WHERE undone = 1 ORDER BY changed DESC, id DESC LIMIT 1"
            ).fetchone()
        return self.get(int(row[0])) if row else None

    def revision(self) -> tuple[int, int]:
        """Differs whenever corrections changed here or in another process."""
        with self._lock:
            return db.change_counter(self._db)


def _anchor(anchor: Anchor) -> str:
    return json.dumps(anchor.to_json(), ensure_ascii=False)


def _record(row: Sequence[object]) -> Correction:
    cid, uid, corpus, verb, target, other, value, speaker, note, before, created, undone = row
    return Correction(
        id=int(cid),  # type: ignore[call-overload]
        uid=str(uid),
        verb=verb,  # type: ignore[arg-type]
        target=Anchor.from_json(json.loads(str(target))),
        other=Anchor.from_json(json.loads(str(other))) if other else None,
        value=value,  # type: ignore[arg-type]
        speaker=speaker,  # type: ignore[arg-type]
        note=str(note),
        before=str(before),
        created=str(created),
        undone=bool(undone),
        corpus=str(corpus),
    )


def _connect(path: Path) -> sqlite3.Connection:
    """Open through the one SQLite layer: integrity check, schema (a newer file is left
    untouched with an error), WAL for several processes, `synchronous=FULL` (user data)."""
    conn = db.connect(path, synchronous="FULL")
    try:
        db.quick_check(conn)
        try:
            db.ensure_schema(conn, _SCHEMA, SCHEMA_VERSION)
        except db.NewerSchema as err:
            raise CorrectionError(
                f"the corrections database {path} was written by a newer newsdesk "
                f"(schema {err.found}); upgrade newsdesk to use it"
            ) from None
        db.enable_wal(conn)
    except BaseException:
        conn.close()
        raise
    return conn
