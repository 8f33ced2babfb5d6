"""Updating a saved search index for the articles that changed, instead of rebuilding it.

The index file keeps each article's version (content hash and pipeline) and order key. When
the corpus moves on, only the units of added, changed and removed articles are dropped and
written again; the arrays (vocabulary, postings, skeleton trigrams) are merged with numpy, so
one changed article in 10,000 costs a fraction of a second instead of a full rebuild. Actor
units whose actor changed (name, aliases) or lost the article it was first mentioned in are
anchored again. When much changed, or order keys run out, the caller rebuilds whole (that
rebuild is the "merge" of the updates: it also refreshes what an update leaves, see
`update_in_place`).
"""

from __future__ import annotations

import bisect
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import db
from .fold import skeleton
from .index import (
    ARTICLE_STRIDE,
    KIND_CODE,
    IndexData,
    UnitTuple,
    actor_unit,
    article_units,
    article_versions,
    trigrams,
    unit_tokens,
    write_blobs,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from ..models import ActorSummary
    from ..store.library import Library

log = logging.getLogger(__name__)

#: Past this share of changed articles (and this many) a full rebuild is as quick, no holes.
MAX_CHANGED_SHARE = 0.2
MIN_CHANGED_CAP = 50
#: Past this share of dropped units (holes in the unit ids) the next update rebuilds whole.
MAX_HOLES_SHARE = 0.3
#: An order key for a new article needs this much room between its neighbours.
_UNIT_RANGE = 1 << 30


class RebuildNeeded(Exception):
    """The update cannot be done in place (too much changed, no room for order keys, ...)."""


def update_in_place(
    conn: sqlite3.Connection, library: Library, path: Path | None = None
) -> IndexData:
    """Bring the index in `conn` (read-write, current format) up to `library`, in one
    transaction. Returns the updated index, reading through `conn` (no second load).

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
            counts, arrays = _update(conn, library, versions)
    except BaseException:
        if enabled:
            gc.enable()
        raise
    try:
        data = IndexData(conn, path, arrays)
    finally:
        if enabled:
            gc.enable()
    log.info("search index update: %s", counts)
    return data


def _update(
    conn: sqlite3.Connection, library: Library, versions: dict[str, str]
) -> tuple[dict[str, int], dict[str, Any]]:
    """The update, phase by phase: what changed, the units to drop, the actor units kept and
    anchored anew, the units to write, the merged arrays, then the writes."""
    diff = _diff(conn, library, versions)
    data = IndexData(conn, None)
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    live = int(meta.get("live_units", data.n_units))
    dropped = _units_of(conn, diff.changed + diff.removed)
    actor_info = {a.id: a for a in library.actors()}
    kept = _kept_actor_units(conn, data, actor_info, dropped)
    anchors = _new_anchors(library, actor_info, kept)
    new_units = _new_units(library, diff, actor_info, kept, anchors, dropped)
    if live - len(dropped) + len(new_units) < (1 - MAX_HOLES_SHARE) * (
        data.n_units + len(new_units)
    ):
        raise RebuildNeeded("too many dropped units")
    added = _added_units(new_units, data.n_units)
    arrays = _merged_arrays(data, dropped, added)
    _write(conn, library, versions, diff, dropped, added, arrays)
    arrays["vocab_len"] = data.vocab_len if arrays["same_words"] else None
    arrays["vocab_id"] = data.vocab_id if arrays["same_words"] else None
    del arrays["same_words"]
    meta_live = live - len(dropped) + len(new_units)
    conn.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [
            ("revision", library.revision),
            ("units", str(len(arrays["unit_kind"]))),
            ("live_units", str(meta_live)),
        ],
    )
    counts = {
        "changed": len(diff.changed),
        "removed": len(diff.removed),
        "added_units": len(new_units),
        "dropped_units": len(dropped),
    }
    return counts, arrays


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
        kept[actor] = (uid, int(data.unit_key[uid]))
    return kept


def _new_anchors(
    library: Library, actor_info: dict[str, ActorSummary], kept: dict[str, tuple[int, int]]
) -> dict[str, tuple[str, int, int]]:
    """Phase 4: actor -> (article, start, end) of its first mention, for each actor without
    a kept unit."""
    anchors: dict[str, tuple[str, int, int]] = {}
    for actor_id in (a for a in actor_info if a not in kept):
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


@dataclass(frozen=True, slots=True)
class _Added:
    """The new units as rows (ids after the last one), kinds, order keys and token pairs."""

    rows: list[tuple[Any, ...]]
    kinds: npt.NDArray[np.uint8]
    keys: npt.NDArray[np.int64]
    pairs_tok: list[str]
    pairs_unit: npt.NDArray[np.int32]


def _added_units(new_units: Sequence[tuple[str, int, UnitTuple]], first_id: int) -> _Added:
    """Phase 6: rows and tokens of the new units, numbered from `first_id`."""
    import numpy as np

    rows = []
    pairs_tok: list[str] = []
    pairs_unit: list[int] = []
    kinds = np.empty(len(new_units), dtype=np.uint8)
    unit_keys = np.empty(len(new_units), dtype=np.int64)
    for offset, (article_id, base, unit) in enumerate(new_units):
        kind, start, end, actor, text, extra, in_body, key = unit
        uid = first_id + offset
        rows.append((uid, kind, article_id, start, end, actor, text, extra, in_body))
        for token in unit_tokens(text, extra):
            pairs_tok.append(token)
            pairs_unit.append(uid)
        kinds[offset] = KIND_CODE[kind]
        unit_keys[offset] = base + key
    return _Added(rows, kinds, unit_keys, pairs_tok, np.array(pairs_unit, dtype=np.int32))


def _merged_arrays(data: IndexData, dropped: set[int], added: _Added) -> dict[str, Any]:
    """Phase 7: vocabulary, postings and trigrams without the dropped units and with the
    added ones; unit kinds and keys with the added ones after the others."""
    import numpy as np

    vocab, skeletons, post_off, post_ids, remap, fresh = _merge_postings(
        data,
        np.fromiter(sorted(dropped), dtype=np.int64, count=len(dropped)),
        added.pairs_tok,
        added.pairs_unit,
    )
    # No word came or went: the vocabulary and trigram arrays stand as they are.
    same_words = not len(fresh) and len(vocab) == len(data.vocab)
    if same_words:
        gram_keys = sorted(data.tri)
        tri_off = np.array(
            [data.tri[g][0] for g in gram_keys] + [len(data.tri_ids)], dtype=np.int64
        )
        tri_ids = data.tri_ids
    else:
        gram_keys, tri_off, tri_ids = _merge_trigrams(data, remap, fresh, skeletons)
    return {
        "vocab": vocab,
        "skeletons": skeletons,
        "post_off": post_off,
        "post_ids": post_ids,
        "unit_kind": np.concatenate([data.unit_kind, added.kinds]),
        "unit_key": np.concatenate([data.unit_key, added.keys]),
        "gram_keys": gram_keys,
        "tri_off": tri_off,
        "tri_ids": tri_ids,
        "same_words": same_words,
    }


def _write(
    conn: sqlite3.Connection,
    library: Library,
    versions: dict[str, str],
    diff: _Diff,
    dropped: set[int],
    added: _Added,
    arrays: dict[str, Any],
) -> None:
    """Phase 8: units and articles out and in, the arrays stored (the vocabulary and trigram
    blobs left as they are when no word came or went)."""
    for start in range(0, len(dropped), 500):
        part = sorted(dropped)[start : start + 500]
        conn.execute(f"DELETE FROM units WHERE id IN ({','.join('?' * len(part))})", part)
    conn.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", added.rows)
    conn.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in diff.removed])
    conn.executemany(
        "INSERT OR REPLACE INTO articles VALUES (?, ?, ?)",
        [(i, versions.get(i, ""), diff.keys[i]) for i in diff.changed],
    )
    write_blobs(
        conn,
        arrays["vocab"],
        arrays["skeletons"],
        arrays["post_off"],
        arrays["post_ids"],
        arrays["unit_kind"],
        arrays["gram_keys"],
        arrays["tri_off"],
        arrays["tri_ids"],
        arrays["unit_key"],
        vocabulary=not arrays["same_words"],
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


def _grouped_insert(values: Any, counts: Any, groups: Any, extra: Any) -> tuple[Any, Any]:
    """Values grouped by key (`counts[k]` of key k, in key order), plus `extra` values of keys
    `groups`, each appended to its key's group: the merged values and the new offsets. One pass
    (`np.insert`), no sort of the whole array."""
    import numpy as np

    order = np.argsort(groups, kind="stable")
    groups, extra = groups[order], extra[order]
    ends = np.cumsum(counts)
    merged = np.insert(values, ends[groups], extra) if len(extra) else values
    total = counts + np.bincount(groups, minlength=len(counts))
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(total, out=offsets[1:])
    return merged, offsets


def _merge_postings(
    data: IndexData,
    dropped: npt.NDArray[np.int64],
    tokens: Sequence[str],
    units: npt.NDArray[np.int32],
) -> tuple[list[str], list[str], Any, Any, Any, Any]:
    """Postings without the dropped units, plus the new (token, unit) pairs, over a vocabulary
    that loses tokens nothing holds any more and gains the new ones (kept sorted). Also returns
    the old -> new vocabulary ids (-1: gone) and the new ids of the fresh tokens."""
    import numpy as np

    size = len(data.vocab)
    counts = np.diff(data.post_off)
    post_ids = data.post_ids
    if len(dropped):
        gone = np.zeros(data.n_units, dtype=bool)
        gone[dropped] = True
        mask = gone[post_ids]
        hit = np.flatnonzero(mask)
        if len(hit):
            owners = np.searchsorted(data.post_off, hit, side="right") - 1
            counts = counts - np.bincount(owners, minlength=size)
            post_ids = post_ids[~mask]
    known = np.array([data.vocab_id.get(t, -1) for t in tokens], dtype=np.int64)
    alive_mask = counts > 0
    alive_mask[known[known >= 0]] = True
    alive = np.flatnonzero(alive_mask)
    old_vocab = np.array(data.vocab, dtype=object)
    alive_tokens = old_vocab[alive].tolist()
    fresh = sorted({t for t, vid in zip(tokens, known.tolist(), strict=True) if vid < 0})
    inserted = np.array([bisect.bisect_left(alive_tokens, t) for t in fresh], dtype=np.int64)
    shift = np.searchsorted(inserted, np.arange(len(alive)), side="right")
    remap = np.full(size, -1, dtype=np.int64)
    remap[alive] = np.arange(len(alive)) + shift
    fresh_pos = inserted + np.arange(len(fresh), dtype=np.int64)
    fresh_id = {t: int(p) for t, p in zip(fresh, fresh_pos.tolist(), strict=True)}
    vocab_arr = np.empty(len(alive) + len(fresh), dtype=object)
    skel_arr = np.empty(len(vocab_arr), dtype=object)
    vocab_arr[remap[alive]] = alive_tokens
    skel_arr[remap[alive]] = np.array(data.skeletons, dtype=object)[alive]
    if fresh:
        vocab_arr[fresh_pos] = fresh
        skel_arr[fresh_pos] = [skeleton(t) for t in fresh]
    vocab: list[str] = vocab_arr.tolist()
    skeletons: list[str] = skel_arr.tolist()
    new_counts = np.zeros(len(vocab), dtype=np.int64)
    new_counts[remap[alive]] = counts[alive]  # dead tokens hold no postings: nothing moves
    new_tok = np.array(
        [
            remap[vid] if vid >= 0 else fresh_id[t]
            for t, vid in zip(tokens, known.tolist(), strict=True)
        ],
        dtype=np.int64,
    )
    merged, post_off = _grouped_insert(post_ids, new_counts, new_tok, units.astype(np.int32))
    return vocab, skeletons, post_off, merged.astype(np.int32, copy=False), remap, fresh_pos


def _merge_trigrams(
    data: IndexData, remap: Any, fresh: Any, skeletons: Sequence[str]
) -> tuple[list[str], Any, Any]:
    """The skeleton-trigram lists with vocabulary ids renumbered, dead tokens out, new ones in."""
    import numpy as np

    gram_keys = sorted(data.tri)  # stored in sorted order, so offsets ascend with the keys
    counts = np.array([data.tri[g][1] - data.tri[g][0] for g in gram_keys], dtype=np.int64)
    vids = remap[data.tri_ids]
    dead = np.flatnonzero(vids < 0)
    if len(dead):
        starts = np.array([data.tri[g][0] for g in gram_keys], dtype=np.int64)
        owners = np.searchsorted(starts, dead, side="right") - 1
        counts = counts - np.bincount(owners, minlength=len(gram_keys))
        vids = np.delete(vids, dead)
    extra_grams: list[str] = []
    extra_vids: list[int] = []
    for vid in fresh.tolist():
        for gram in trigrams(skeletons[vid]):
            extra_grams.append(gram)
            extra_vids.append(vid)
    new_grams = sorted(set(extra_grams) - set(data.tri))
    if new_grams:
        inserted = np.array([bisect.bisect_left(gram_keys, g) for g in new_grams], dtype=np.int64)
        shift = np.searchsorted(inserted, np.arange(len(gram_keys)), side="right")
        placed = np.zeros(len(gram_keys) + len(new_grams), dtype=np.int64)
        placed[np.arange(len(gram_keys)) + shift] = counts
        counts = placed
        keys_arr = np.empty(len(counts), dtype=object)
        keys_arr[np.arange(len(gram_keys)) + shift] = gram_keys
        keys_arr[inserted + np.arange(len(new_grams))] = new_grams
        gram_keys = keys_arr.tolist()
    position = {g: n for n, g in enumerate(gram_keys)} if extra_grams else {}
    groups = np.array([position[g] for g in extra_grams], dtype=np.int64)
    merged, tri_off = _grouped_insert(
        vids.astype(np.int32), counts, groups, np.array(extra_vids, dtype=np.int32)
    )
    return gram_keys, tri_off, merged.astype(np.int32, copy=False)
