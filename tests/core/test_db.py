"""The one SQLite layer: versions and migrations, checks, repair; real files in tmp_path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk.core import db

SCRIPT = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"


def test_db_new_file_gets_the_schema_and_its_version(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "a.sqlite")
    assert db.ensure_schema(conn, SCRIPT, 1) == 0
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert db.ensure_schema(conn, SCRIPT, 1) == 1  # a second open changes nothing


def test_db_older_file_is_migrated_step_by_step_keeping_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    conn = db.connect(path)
    db.ensure_schema(conn, SCRIPT, 1)
    with db.transaction(conn):
        conn.execute("INSERT INTO notes (text) VALUES ('kept')")
    migrations = {
        1: "ALTER TABLE notes ADD COLUMN tag TEXT",
        2: "UPDATE notes SET tag = 'old'; CREATE INDEX notes_tag ON notes (tag)",
    }
    assert db.ensure_schema(conn, SCRIPT, 3, migrations) == 1
    assert conn.execute("SELECT text, tag FROM notes").fetchall() == [("kept", "old")]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3


def test_db_failed_migration_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "a.sqlite")
    db.ensure_schema(conn, SCRIPT, 1)
    with pytest.raises(sqlite3.DatabaseError):
        db.ensure_schema(conn, SCRIPT, 3, {1: "ALTER TABLE notes ADD COLUMN tag TEXT"})
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert [r[1] for r in conn.execute("PRAGMA table_info(notes)")] == ["id", "text"]


def test_db_newer_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    conn = db.connect(path)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    before = path.read_bytes()
    conn = db.connect(path)
    with pytest.raises(db.NewerSchema) as err:
        db.ensure_schema(conn, SCRIPT, 1)
    conn.close()
    assert err.value.found == 7 and not db.is_corruption(err.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"not a database at all" * 10, "was not a SQLite database"), (None, "was ")],
)
def test_db_check_file_names_the_damage(
    tmp_path: Path, content: bytes | None, problem: str
) -> None:
    path = tmp_path / "a.sqlite"
    conn = db.connect(path)
    db.ensure_schema(conn, SCRIPT, 1)
    with db.transaction(conn):
        conn.executemany("INSERT INTO notes (text) VALUES (?)", [("x" * 500,)] * 50)
    conn.close()
    assert db.check_file(path) is None
    data = path.read_bytes()
    path.write_bytes(content if content is not None else data[: len(data) // 2])
    found = db.check_file(path)
    assert found is not None and found.startswith(problem), found


def test_db_move_aside_keeps_the_file_and_its_side_files(tmp_path: Path) -> None:
    path = tmp_path / "marks.sqlite"
    path.write_bytes(b"user data")
    (tmp_path / "marks.sqlite-wal").write_bytes(b"wal")
    moved = db.move_aside(path)
    assert not path.exists() and moved.read_bytes() == b"user data"
    assert Path(f"{moved}-wal").read_bytes() == b"wal"
    path.write_bytes(b"again")
    assert db.move_aside(path) != moved  # a second damage in the same second gets its own name


def test_db_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "a.sqlite")
    db.ensure_schema(conn, SCRIPT, 1)
    with pytest.raises(RuntimeError), db.transaction(conn):
        conn.execute("INSERT INTO notes (text) VALUES ('lost')")
        raise RuntimeError
    assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0
    assert not conn.in_transaction
