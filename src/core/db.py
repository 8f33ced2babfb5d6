"""The one SQLite layer: connections with their pragmas, transactions, checks, versions, repair.

Three databases use it: the index store and the search index (caches: a damaged or outdated
file is rebuilt) and the marks (user data: migrated forward, a damaged file moved aside, never
deleted). The rules for each live here once; each database says which it needs.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Literal

from .errors import NewsdeskError

log = logging.getLogger(__name__)

#: How long a writer waits for another process's write lock before giving up.
BUSY_TIMEOUT_S = 15.0

Synchronous = Literal["OFF", "NORMAL", "FULL"]
_SIDE_FILES = ("-journal", "-wal", "-shm")


class NewerSchema(sqlite3.DatabaseError):
    """The file was written by a newer newsdesk (its version is above ours): leave it alone."""

    def __init__(self, found: int) -> None:
        super().__init__(f"schema {found} is newer than this newsdesk knows")
        self.found = found


def connect(
    path: Path | str,
    *,
    read_only: bool = False,
    wal: bool = False,
    synchronous: Synchronous = "NORMAL",
    journal: bool = True,
    timeout: float = BUSY_TIMEOUT_S,
) -> sqlite3.Connection:
    """A connection in autocommit mode (writers open `transaction`s), shareable across threads.

    `wal` for files written by several processes at once; `journal=False` for a file
    built once under a temporary name and then renamed (the search index).
    """
    if read_only:
        conn = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False,
            timeout=timeout,
        )
    else:
        conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=timeout
        )
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA temp_store = MEMORY")
        if not read_only:
            if wal:
                conn.execute("PRAGMA journal_mode = WAL")
            elif not journal:
                conn.execute("PRAGMA journal_mode = OFF")
            conn.execute(f"PRAGMA synchronous = {synchronous}")
    except BaseException:
        conn.close()
        raise
    return conn


def enable_wal(conn: sqlite3.Connection) -> None:
    """Write-ahead logging: readers never block the writer (marks open in several processes).
    Called after the checks, so a file this newsdesk must not touch is left byte for byte."""
    conn.execute("PRAGMA journal_mode = WAL")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """`BEGIN IMMEDIATE` ... `COMMIT`, rolled back on any exception.

    IMMEDIATE takes the write lock up front, so two processes queue on the busy timeout
    instead of one failing half-way through its changes.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back an open transaction, if any (a failed rollback is logged, not raised)."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.DatabaseError:
            log.debug("rollback failed", exc_info=True)


# ---------------------------------------------------------------------------------------------
# Checks


def is_corruption(err: sqlite3.DatabaseError) -> bool:
    """True when the file itself is damaged; False for locks, read-only or full disks."""
    name = getattr(err, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return True
    if isinstance(err, NewerSchema):
        return False
    if isinstance(err, sqlite3.OperationalError) and not name.startswith("SQLITE_ERROR"):
        return False  # locked, busy, read-only, disk full, I/O: not the file's fault
    text = str(err).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def check_file(path: Path) -> str | None:
    """Cheap checks without a full scan (header, size against the page count); None when fine.

    What is wrong is said as the end of a sentence ("was truncated"), for a notice.
    """
    try:
        with open(path, "rb") as f:
            header = f.read(100)
        if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
            return "was not a SQLite database"
        conn = connect(path)
        try:
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            page_count = conn.execute("PRAGMA page_count").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return f"was damaged ({err})"
    except OSError as err:
        return f"could not be read ({err.strerror or err})"
    if os.path.getsize(path) < page_size * page_count:
        return "was truncated"
    return None


def quick_check(conn: sqlite3.Connection) -> None:
    """SQLite's own `quick_check`; raises `DatabaseError` (a corruption) when it fails."""
    check = conn.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise sqlite3.DatabaseError(
            f"database disk image is malformed ({check[0] if check else '?'})"
        )


# ---------------------------------------------------------------------------------------------
# Versions: user data is migrated (`PRAGMA user_version`); caches carry a version row in their
# `meta` table and are rebuilt when it differs.


def ensure_schema(
    conn: sqlite3.Connection,
    script: str,
    version: int,
    migrations: Mapping[int, str] | None = None,
) -> int:
    """Create the tables of a new database or migrate an older one to `version`, in one
    transaction; return the version found (0 for a new file).

    `migrations[n]` is the SQL taking version `n` to `n + 1`. Raises `NewerSchema` when the
    file is newer than `version` (it is left untouched).
    """
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > version:
        raise NewerSchema(found)
    if found == version:
        return found
    with transaction(conn):
        if found == 0:
            run_script(conn, script)
        else:
            for step in range(found, version):
                if migrations is None or step not in migrations:
                    raise sqlite3.DatabaseError(f"no migration from schema {step} to {step + 1}")
                run_script(conn, migrations[step])
        conn.execute(f"PRAGMA user_version = {int(version)}")
    return found


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """A schema's statements one by one, inside the caller's transaction (`executescript`
    would commit it first). Statements are split on `;`: no triggers or `;` in literals."""
    for statement in filter(None, (s.strip() for s in script.split(";"))):
        conn.execute(statement)


def meta_value(conn: sqlite3.Connection, key: str) -> str | None:
    """A cache's `meta` row (`schema`, `version`, `revision`...); None when absent."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError as err:
        if "no such table" in str(err):
            return None
        raise
    return None if row is None else str(row[0])


def change_counter(conn: sqlite3.Connection) -> tuple[int, int]:
    """Differs whenever the database changed, through this connection or another process
    since the last call (`PRAGMA data_version` sees only the others): what a poller compares,
    with no table read."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes


# ---------------------------------------------------------------------------------------------
# Repair: caches are removed and rebuilt; user data is moved aside.


def remove_files(path: Path) -> None:
    """Delete a cache database and its side files (raises `OSError` when one cannot go)."""
    for suffix in ("", *_SIDE_FILES):
        try:
            os.remove(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL and shared-memory files) out of the way; return
    where it went. Raises `OSError` when it cannot be moved."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    # Side files first: once the main file is gone, a new database (and new side files) may
    # appear at any moment, and those must not be moved.
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(path, target)
    return target


@contextmanager
def exclusive(lock_path: Path) -> Iterator[None]:
    """An advisory inter-process lock (POSIX flock) around a repair; a no-op where there is
    none, so two processes that saw the same damage do not both repair it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        handle = open(lock_path, "a")  # noqa: SIM115
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


# ---------------------------------------------------------------------------------------------
# User data: open it, and never lose it


def open_user_data(
    path: Path,
    connect_checked: Callable[[Path], sqlite3.Connection],
    what: str,
    error: type[NewsdeskError],
) -> tuple[sqlite3.Connection, list[str]]:
    """Open a database of the reader's (`what`: "marks database"), creating its folder; a
    damaged one is moved aside, never overwritten, and a new one started (said in the notices
    returned). `connect_checked` opens and checks the file (raising `DatabaseError`); other
    failures raise `error` with a message a reader can act on."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        owner = what.split()[0]  # "marks database" -> the marks folder
        reason = err.strerror or err
        raise error(f"cannot create the {owner} folder {path.parent}: {reason}") from err
    notices: list[str] = []
    # Every open runs under a lock file: a second process that saw the same damage re-checks
    # instead of moving the new database away, and two processes never create the schema or
    # switch the journal mode at once (SQLite answers one of them "database is locked" at
    # once, without waiting, where each holds a lock the other needs).
    with exclusive(path.with_name(path.name + ".lock")):
        try:
            return connect_checked(path), notices  # a process before this one may have repaired it
        except sqlite3.DatabaseError as err:
            if not is_corruption(err):
                raise error(f"cannot open the {what} {path}: {err}") from err
            reason = str(err)
        try:
            moved = move_aside(path)
        except OSError as err:
            raise error(
                f"the {what} {path} is damaged and could not be moved aside "
                f"({err.strerror or err}); move it away yourself to start a new one"
            ) from err
        notices.append(
            f"the {what} was damaged and has been moved to {moved}; a new, empty one was started"
        )
        log.info("corrupt %s moved to %s (%s)", what, moved, reason)
        try:
            return connect_checked(path), notices
        except sqlite3.DatabaseError as err:
            raise error(f"cannot create the {what} {path}: {err}") from err
