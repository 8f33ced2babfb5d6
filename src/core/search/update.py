"""Updating a saved search index for the articles that changed, instead of rebuilding it.

The index file keeps each article's version (content hash and pipeline) and order key. When
the corpus moves on, the units of added, changed and removed articles are dropped and written
again as a delta: the main segment's arrays (memory-mapped, see `segment.py`) are not touched,
its dropped units are listed as dead, and the new units go into the SQLite file, where loading
the index tokenizes them into in-memory postings. So one changed article costs the same at
10,000 articles as at 100,000. Actor units whose actor changed (name, aliases) or lost the
article it was first mentioned in are anchored again. When the delta grows past a share of the
main segment, or order keys run out, the caller rebuilds whole (that rebuild is the "merge" of
the delta: it also refreshes what an update leaves, see `update_in_place`).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .. import db
from .index import (
    ARTICLE_STRIDE,
    IndexData,
    UnitTuple,
    actor_unit,
    article_units,
    article_versions,
    unit_tokens,
)

if TYPE_CHECKING:
    import numpy.typing as npt

    from ..models import ActorSummary
    from ..store.library import Library

log = logging.getLogger(__name__)

#: Past this share of changed articles (and this many) a full rebuild is as quick, no holes.
MAX_CHANGED_SHARE = 0.2
MIN_CHANGED_CAP = 50
#: Past this share of the main segment's units (dead ones plus the delta's; and this many),
#: the delta is merged by a full rebuild: loading tokenizes the delta, scoring skips the dead.
MAX_DELTA_SHARE = 0.05
MIN_DELTA_UNITS = 2_000
#: Past this share of dead main units a rebuild comes whatever the count (a corpus shrank).
MAX_DEAD_SHARE = 0.3
#: An order key for a new article needs this much room between its neighbours.
_UNIT_RANGE = 1 << 30


class RebuildNeeded(Exception):
    """The update cannot be done in place (too much changed, no room for order keys, ...)."""


def update_in_place(conn: sqlite3.Connection, library: Library, path: Path) -> IndexData:
    """Bring the index in `conn` (the read-write file at `path`, current format) up to
    `library`, in one transaction. Returns the updated index.

    Left for the next full rebuild: a quote in an unchanged article keeps the actor id it was
    indexed with, and an unchanged actor keeps its anchor even if a re-merge moved its first
    mention into another unchanged article.

    Raises `RebuildNeeded` when a full rebuild is the better (or only) way.
    """
    versions = article_versions(library)
    if versions is None:
        raise RebuildNeeded("the library cannot list article versions")
    import gc

    enabled = gc.isenabled()
    gc.disable()  # many short-lived lists and arrays, no cycles: the collector would only rescan
    try:
        with db.transaction(conn):
            counts = _update(conn, library, versions, path)
        data = IndexData(conn, path)
    finally:
        if enabled:
            gc.enable()
    log.info("search index update: %s", counts)
    return data


def _update(
    conn: sqlite3.Connection, library: Library, versions: dict[str, str], path: Path
) -> dict[str, int]:
    """The update, phase by phase: what changed, the units to drop, the actor units kept and
    anchored anew, the units to write, the dead units and the delta, then the writes."""
    diff = _diff(conn, library, versions)
    data = IndexData(conn, path)
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    dropped = _units_of(conn, diff.changed + diff.removed)
    actor_info = {a.id: a for a in library.actors()}
    kept = _kept_actor_units(conn, data, actor_info, dropped)
    anchors = _new_anchors(library, actor_info, kept)
    new_units = _new_units(library, diff, actor_info, kept, anchors, dropped)
    blobs: dict[str, bytes] = dict(conn.execute("SELECT name, data FROM blobs"))
    dead, adjust = _dead_units(conn, data, blobs, dropped)
    first_id = max(data.n_units, int(meta.get("next_unit", 0)))
    delta_ids, delta_keys = _delta(blobs, dropped, new_units, first_id)
    if len(dead) > MAX_DEAD_SHARE * data.n_main:
        raise RebuildNeeded(f"{len(dead)} of {data.n_main} units dropped")
    if len(dead) + len(delta_ids) > max(MIN_DELTA_UNITS, MAX_DELTA_SHARE * data.n_main):
        raise RebuildNeeded(f"the delta outgrew the main segment ({len(delta_ids)} units)")
    _write_units(conn, versions, diff, dropped, new_units, first_id)
    conn.executemany(
        "INSERT OR REPLACE INTO blobs VALUES (?, ?)",
        [
            ("dead", dead.astype(np.int32).tobytes()),
            ("dead_postings", adjust.tobytes()),
            ("delta_ids", delta_ids.astype(np.int32).tobytes()),
            ("delta_keys", delta_keys.astype(np.int64).tobytes()),
        ],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [
            ("revision", library.revision),
            ("next_unit", str(first_id + len(new_units))),
        ],
    )
    return {
        "changed": len(diff.changed),
        "removed": len(diff.removed),
        "added_units": len(new_units),
        "dropped_units": len(dropped),
        "delta_units": len(delta_ids),
        "dead_units": len(dead),
    }


@dataclass(frozen=True, slots=True)
class _Diff:
    """What changed since the index was written, and each article's order key now."""

    titles: dict[str, str]
    changed: list[str]
    removed: list[str]
    keys: dict[str, int]


def _diff(conn: sqlite3.Connection, library: Library, versions: dict[str, str]) -> _Diff:
    """Phase 1: articles added or changed (by version) and removed; too many: a rebuild."""
    summaries = library.articles()
    order = [s.id for s in summaries]
    titles = {s.id: s.title for s in summaries}
    old = {
        row[0]: (row[1], row[2]) for row in conn.execute("SELECT id, version, key FROM articles")
    }
    current = set(order)
    changed = [i for i in order if i not in old or old[i][0] != versions.get(i)]
    removed = [i for i in old if i not in current]
    if len(changed) + len(removed) > max(MIN_CHANGED_CAP, MAX_CHANGED_SHARE * len(order)):
        raise RebuildNeeded(f"{len(changed)} changed and {len(removed)} removed articles")
    keys = _article_keys(order, {i: k for i, (_v, k) in old.items()})
    return _Diff(titles, changed, removed, keys)


def _units_of(conn: sqlite3.Connection, articles: Sequence[str]) -> set[int]:
    """Phase 2: the units to drop, everything of these articles (their actor units too)."""
    dropped: set[int] = set()
    for start in range(0, len(articles), 500):
        part = articles[start : start + 500]
        marks = ",".join("?" * len(part))
        dropped.update(
            r[0] for r in conn.execute(f"SELECT id FROM units WHERE article IN ({marks})", part)
        )
    return dropped


def _kept_actor_units(
    conn: sqlite3.Connection,
    data: IndexData,
    actor_info: dict[str, ActorSummary],
    dropped: set[int],
) -> dict[str, tuple[int, int]]:
    """Phase 3: actor -> (unit id, order key) of the actor units kept, those whose actor is
    unchanged and whose anchor article stays; the others join `dropped`."""
    kept: dict[str, tuple[int, int]] = {}
    for uid, actor, text, extra in conn.execute(
        "SELECT id, actor, text, extra FROM units WHERE kind = 'actor'"
    ):
        if uid in dropped:
            continue
        info = actor_info.get(actor)
        if info is None or actor_unit(info, 0, 0)[4:6] != (text, extra):
            dropped.add(uid)
            continue
        kept[actor] = (uid, data.key_of(uid))
    return kept


def _new_anchors(
    library: Library, actor_info: dict[str, ActorSummary], kept: dict[str, tuple[int, int]]
) -> dict[str, tuple[str, int, int]]:
    """Phase 4: actor -> (article, start, end) of its first mention, for each actor without
    a kept unit."""
    anchors: dict[str, tuple[str, int, int]] = {}
    for actor_id in [a for a in actor_info if a not in kept]:
        mentions = library.actor(actor_id).mentions
        if mentions:
            first = mentions[0].article
            m = min((m for m in mentions if m.article == first), key=lambda m: (m.start, m.end))
            anchors[actor_id] = (first, m.start, m.end)
    return anchors


def _new_units(
    library: Library,
    diff: _Diff,
    actor_info: dict[str, ActorSummary],
    kept: dict[str, tuple[int, int]],
    anchors: dict[str, tuple[str, int, int]],
    dropped: set[int],
) -> list[tuple[str, int, UnitTuple]]:
    """Phase 5: (article, article key, unit) of the units to write: every unit of the changed
    articles (with the actors first met there), then actor units anchored anew in unchanged
    articles. An actor now first met before its kept anchor moves: `kept`, `anchors` and
    `dropped` follow."""
    new_units: list[tuple[str, int, UnitTuple]] = []
    changed_set = set(diff.changed)
    claimed: set[str] = set()
    for article_id in diff.changed:
        base = diff.keys[article_id]

        def claim(actor_id: str, article_id: str = article_id, base: int = base) -> bool:
            if actor_id in claimed:
                return False
            anchor = anchors.get(actor_id)
            held = kept.get(actor_id)
            if anchor is not None and anchor[0] == article_id:
                claimed.add(actor_id)
                return True
            if anchor is None and held is not None and held[1] > base:
                dropped.add(held[0])  # first mentioned here now, before its old anchor
                del kept[actor_id]
                anchors[actor_id] = (article_id, -1, -1)
                claimed.add(actor_id)
                return True
            return False

        title = diff.titles[article_id]
        units, _hash = article_units(library, article_id, title, actor_info, claim)
        new_units.extend((article_id, base, unit) for unit in units)
    for actor_id, (article_id, start, end) in anchors.items():
        if article_id not in changed_set and actor_id not in claimed:
            new_units.append(
                (article_id, diff.keys[article_id], actor_unit(actor_info[actor_id], start, end))
            )
    return new_units


def _dead_units(
    conn: sqlite3.Connection, data: IndexData, blobs: dict[str, bytes], dropped: set[int]
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """Phase 6: the dead main units (the dropped ones join those of earlier updates; their
    postings stay in the mapped arrays) and, per word, how many dead units hold it, so
    frequencies equal a full build's."""
    main_dropped = sorted(u for u in dropped if u < data.n_main)
    dead = np.union1d(np.frombuffer(blobs.get("dead", b""), dtype=np.int32), main_dropped)
    adjust = np.zeros(data.n_main_vocab, dtype=np.int32)
    old_adjust = np.frombuffer(blobs.get("dead_postings", b""), dtype=np.int32)
    adjust[: len(old_adjust)] = old_adjust
    for start in range(0, len(main_dropped), 500):
        part = main_dropped[start : start + 500]
        marks = ",".join("?" * len(part))
        for text, extra in conn.execute(
            f"SELECT text, extra FROM units WHERE id IN ({marks})", part
        ):
            for token in unit_tokens(text, extra):
                adjust[data.vocab_id[token]] += 1
    return dead, adjust


def _delta(
    blobs: dict[str, bytes],
    dropped: set[int],
    new_units: Sequence[tuple[str, int, UnitTuple]],
    first_id: int,
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int64]]:
    """Phase 7: ids and order keys of the delta units: the earlier delta's without the dropped
    ones (they simply go), then the new units, numbered from `first_id`."""
    old_ids = np.frombuffer(blobs.get("delta_ids", b""), dtype=np.int32)
    old_keys = np.frombuffer(blobs.get("delta_keys", b""), dtype=np.int64)
    stay = ~np.isin(old_ids, np.fromiter(dropped, dtype=np.int64, count=len(dropped)))
    delta_ids = np.concatenate(
        [old_ids[stay], np.arange(first_id, first_id + len(new_units), dtype=np.int32)]
    )
    delta_keys = np.concatenate(
        [old_keys[stay], np.array([base + u[7] for _a, base, u in new_units], dtype=np.int64)]
    )
    return delta_ids, delta_keys


def _write_units(
    conn: sqlite3.Connection,
    versions: dict[str, str],
    diff: _Diff,
    dropped: set[int],
    new_units: Sequence[tuple[str, int, UnitTuple]],
    first_id: int,
) -> None:
    """Phase 8: the dropped units out, the new ones in (ids from `first_id`), and the
    articles' versions and order keys."""
    rows = [
        (first_id + n, kind, article_id, start, end, actor, text, extra, in_body)
        for n, (article_id, _base, (kind, start, end, actor, text, extra, in_body, _key))
        in enumerate(new_units)
    ]
    ordered = sorted(dropped)
    for start in range(0, len(ordered), 500):
        part = ordered[start : start + 500]
        conn.execute(f"DELETE FROM units WHERE id IN ({','.join('?' * len(part))})", part)
    conn.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in diff.removed])
    conn.executemany(
        "INSERT OR REPLACE INTO articles VALUES (?, ?, ?)",
        [(i, versions.get(i, ""), diff.keys[i]) for i in diff.changed],
    )


def _article_keys(order: Sequence[str], old: dict[str, int]) -> dict[str, int]:
    """Order keys: kept articles keep theirs; new ones get room between their neighbours."""
    keys: dict[str, int] = {}
    previous: int | None = None
    run: list[str] = []

    def place(upper: int | None) -> None:
        if not run:
            return
        low = (
            previous
            if previous is not None
            else ((upper if upper is not None else 0) - ARTICLE_STRIDE * (len(run) + 1))
        )
        high = upper if upper is not None else low + ARTICLE_STRIDE * (len(run) + 1)
        step = (high - low) // (len(run) + 1)
        if step < _UNIT_RANGE:
            raise RebuildNeeded("no room left between order keys")
        for n, article_id in enumerate(run, 1):
            keys[article_id] = (low + step * n) // _UNIT_RANGE * _UNIT_RANGE
        run.clear()

    for article_id in order:
        key = old.get(article_id)
        if key is None:
            run.append(article_id)
            continue
        if previous is not None and key <= previous:
            raise RebuildNeeded("articles changed order")
        place(key)
        keys[article_id] = key
        previous = key
    place(None)
    return keys
