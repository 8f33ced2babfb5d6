"""The search index: searchable units, a folded-token vocabulary, postings and skeleton trigrams.

Built once from a `Library` and kept in `settings.cache_dir/search/`: the unit texts in a SQLite
file (read only for the few candidates that get ranked), the arrays of the build (postings,
trigrams, unit kinds and order keys) in a segment folder beside it, memory-mapped (see
`segment.py`). Changed articles go into a small delta kept in the same SQLite file and held in
memory (see `update.py`); a full rebuild merges it.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
import shutil
import sqlite3
import threading
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import db
from .fold import skeleton, token_set
from .segment import new_folder, read_segment, remove_other_segments, write_segment

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from ..settings import Settings
    from ..store.library import Library

log = logging.getLogger(__name__)

HitKind = Literal["actor", "quote", "sentence", "article"]
KINDS: tuple[HitKind, ...] = ("actor", "article", "quote", "sentence")
KIND_CODE: dict[str, int] = {kind: code for code, kind in enumerate(KINDS)}

#: Bump when the file layout or the folding rules change: old files are then rebuilt.
FORMAT_VERSION = "9"
#: Search files kept in the cache folder (one per corpus revision, most recently used first).
KEEP_FILES = 6

BuildProgress = Callable[[int, int], None]
"""Called as `progress(done, total)` after each article while building."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE units (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, article TEXT NOT NULL, start INTEGER NOT NULL,
    end INTEGER NOT NULL, actor TEXT, text TEXT NOT NULL, extra TEXT, in_body INTEGER NOT NULL
);
CREATE INDEX units_article ON units (article);
CREATE INDEX units_actor ON units (kind) WHERE kind = 'actor';  -- an update re-checks actors
CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);  -- the delta's small arrays
CREATE TABLE articles (id TEXT PRIMARY KEY, version TEXT NOT NULL, key INTEGER NOT NULL);
"""

#: Order keys: each article owns a range of this width (its corpus position times it), so an
#: article added later slots in between its neighbours without renumbering the others.
ARTICLE_STRIDE = 1 << 32
#: Within an article: the title, then actor units (by first mention), then quotes and
#: sentences (by start, a quote before the sentence holding it), as a full build lists them.
_ACTOR_SECTION = 1 << 28
_SPAN_SECTION = 1 << 29
_OFFSET_CAP = (1 << 28) - 1

UnitTuple = tuple[HitKind, int, int, "str | None", str, "str | None", int, int]
"""(kind, start, end, actor, text, extra, in_body, order key within the article)."""


class BuildCancelled(Exception):
    """Raised inside a build when its `cancelled()` callback says so (the file is not kept)."""


@dataclass(frozen=True, slots=True)
class UnitRow:
    """One searchable unit as stored: an actor, an article title, a quote or a sentence."""

    id: int
    kind: HitKind
    article: str
    start: int
    end: int
    actor: str | None
    text: str
    extra: str | None
    """Also searched: a quote's speaker, an actor's aliases (one per line)."""
    in_body: bool
    """`text` is `article.text[start:end]`, so match offsets map straight into the body."""


class IndexData:
    """One search index as searched: the main segment (memory-mapped arrays of a full build)
    and the delta since (units of changed articles, held in memory; thread-safe reads).

    Vocabulary ids run over the main segment's sorted vocabulary, then the delta's new words.
    Unit ids run over the main units (in corpus order), then the delta's. Main units of changed
    or removed articles are `dead`: still in the main postings, never a hit.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, arrays: dict[str, Any] | None = None
    ) -> None:
        """Map the main segment named in the file's meta (or take `arrays` of an in-memory
        build), then read the delta from the file."""
        import numpy as np

        self.path = path
        self._conn = conn
        self._lock = threading.Lock()
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        self.revision: str = meta["revision"]
        if arrays is None:
            if path is None:
                raise ValueError("an index without a file needs its arrays")
            arrays = read_segment(path.with_name(meta["segment"]))
        self.vocab: list[str] = list(arrays["vocab"])
        self.skeletons: list[str] = list(arrays["skeletons"])
        self.n_main_vocab = len(self.vocab)
        self.vocab_id: dict[str, int] = {token: i for i, token in enumerate(self.vocab)}
        self.post_off: npt.NDArray[np.int64] = arrays["post_off"]
        self.post_ids: npt.NDArray[np.int32] = arrays["post_ids"]
        grams = arrays["gram_keys"]
        tri_off = np.asarray(arrays["tri_off"]).tolist()
        self.tri: dict[str, tuple[int, int]] = {
            g: (tri_off[i], tri_off[i + 1]) for i, g in enumerate(grams)
        }
        self.tri_ids = arrays["tri_ids"]
        self.main_kind: npt.NDArray[np.uint8] = arrays["unit_kind"]
        self.main_key: npt.NDArray[np.int64] = arrays["unit_key"]
        self.n_main = len(self.main_kind)
        self._main_rank: npt.NDArray[np.int32] | None = None
        if meta.get("ordered") != "1":  # unit ids not in corpus order: rank them once
            rank = np.empty(self.n_main, dtype=np.int32)
            rank[np.argsort(self.main_key, kind="stable")] = np.arange(self.n_main, dtype=np.int32)
            self._main_rank = rank
        counts = np.diff(np.asarray(self.post_off)).astype(np.int64)
        self._read_delta(conn, counts, np.asarray(arrays["vocab_len"]))
        self.prefixes: dict[str, tuple[Any, Any, Any, str]] = {}
        """Short prefix -> its best units (ids, similarities), units per kind and completions,
        as a one-word prefix search over the main segment found them (`query.prefix_table`)."""
        if "prefixes" in arrays:
            off = np.asarray(arrays["prefix_off"]).tolist()
            ids, sims, kinds = arrays["prefix_ids"], arrays["prefix_sims"], arrays["prefix_counts"]
            expansions = arrays["prefix_expansions"]
            for i, prefix in enumerate(arrays["prefixes"]):
                self.prefixes[prefix] = (
                    ids[off[i] : off[i + 1]], sims[off[i] : off[i + 1]], kinds[i], expansions[i]
                )

    def _read_delta(
        self, conn: sqlite3.Connection, counts: npt.NDArray[np.int64], main_len: Any
    ) -> None:
        """The delta: dead main units, and the delta units tokenized into in-memory postings."""
        import numpy as np

        blobs = dict(conn.execute("SELECT name, data FROM blobs"))
        dead = np.frombuffer(blobs.get("dead", b""), dtype=np.int32)
        adjust = np.frombuffer(blobs.get("dead_postings", b""), dtype=np.int32)
        ids = np.frombuffer(blobs.get("delta_ids", b""), dtype=np.int32)
        keys = np.frombuffer(blobs.get("delta_keys", b""), dtype=np.int64)
        self.n_units = int(ids.max()) + 1 if len(ids) else self.n_main
        self.dead: npt.NDArray[np.bool_] | None = None
        if len(dead):
            self.dead = np.zeros(self.n_units, dtype=bool)
            self.dead[dead] = True
        if len(adjust):
            counts = counts - adjust
        postings: dict[int, list[int]] = {}
        kinds = np.full(self.n_units - self.n_main, 255, dtype=np.uint8)
        delta_grams: dict[str, list[int]] = {}
        if len(ids):
            rows = conn.execute(
                "SELECT id, kind, text, extra FROM units WHERE id >= ? ORDER BY id", (self.n_main,)
            )
            for uid, kind, text, extra in rows:
                kinds[uid - self.n_main] = KIND_CODE[kind]
                for token in unit_tokens(text, extra):
                    vid = self.vocab_id.get(token)
                    if vid is None:
                        vid = self.vocab_id[token] = len(self.vocab)
                        self.vocab.append(token)
                        skel = skeleton(token)
                        self.skeletons.append(skel)
                        for gram in trigrams(skel):
                            delta_grams.setdefault(gram, []).append(vid)
                    postings.setdefault(vid, []).append(uid)
        self.delta_postings: dict[int, npt.NDArray[np.int32]] = {
            vid: np.array(units, dtype=np.int32) for vid, units in postings.items()
        }
        self.delta_tri: dict[str, npt.NDArray[np.int32]] = {
            g: np.array(v, dtype=np.int32) for g, v in delta_grams.items()
        }
        freq = np.zeros(len(self.vocab), dtype=np.int64)
        freq[: len(counts)] = counts
        for vid, units in self.delta_postings.items():
            freq[vid] += len(units)
        self.freq = freq
        """Live units holding each word (0: a word only dead units held)."""
        extra_len = [len(t) for t in self.vocab[self.n_main_vocab :]]
        self.vocab_len: npt.NDArray[np.int16] = (
            np.concatenate([main_len, np.array(extra_len, dtype=np.int16)])
            if extra_len
            else main_len
        )
        self.unit_kind: npt.NDArray[np.uint8] = (
            np.concatenate([self.main_kind, kinds]) if len(kinds) else self.main_kind
        )
        order = np.argsort(keys, kind="stable")
        self._delta_ids = ids[order]
        self._delta_keys = keys[order]
        self._delta_key_of = dict(zip(ids.tolist(), keys.tolist(), strict=True))

    @property
    def has_delta(self) -> bool:
        """Articles changed since the main segment was built (dead or delta units)."""
        return self.dead is not None or len(self._delta_ids) > 0

    @property
    def live_units(self) -> int:
        """Units that can be hits (the main segment's living ones and the delta's)."""
        dead = int(self.dead.sum()) if self.dead is not None else 0
        return self.n_main - dead + len(self._delta_ids)

    def postings(self, vocab_id: int) -> list[npt.NDArray[np.int32]]:
        """The units holding a word, as arrays of ids (main ones may be dead: mask with `dead`)."""
        parts = []
        if vocab_id < self.n_main_vocab:
            parts.append(self.post_ids[self.post_off[vocab_id] : self.post_off[vocab_id + 1]])
        extra = self.delta_postings.get(vocab_id)
        if extra is not None:
            parts.append(extra)
        return parts

    def doc_freq(self, vocab_id: int) -> int:
        return int(self.freq[vocab_id])

    def gram_ids(self, gram: str) -> list[Any]:
        """Vocabulary ids whose skeleton holds the trigram (main and delta)."""
        parts = []
        span = self.tri.get(gram)
        if span is not None:
            parts.append(self.tri_ids[span[0] : span[1]])
        extra = self.delta_tri.get(gram)
        if extra is not None:
            parts.append(extra)
        return parts

    def prefix_ids(self, prefix: str) -> list[int]:
        """Ids of the living words starting with `prefix`, in sorted word order."""
        lo = bisect.bisect_left(self.vocab, prefix, 0, self.n_main_vocab)
        hi = bisect.bisect_left(self.vocab, prefix + "\U0010ffff", lo, self.n_main_vocab)
        ids = list(range(lo, hi))
        extra = [
            v for v in range(self.n_main_vocab, len(self.vocab))
            if self.vocab[v].startswith(prefix)
        ]
        if extra:
            ids = sorted(ids + extra, key=self.vocab.__getitem__)
        freq = self.freq
        return [v for v in ids if freq[v] > 0]

    def words(self) -> list[str]:
        """The living vocabulary in sorted order (what a full build would hold)."""
        live = self.freq > 0
        return sorted(t for t, alive in zip(self.vocab, live.tolist(), strict=True) if alive)

    def key_of(self, unit_id: int) -> int:
        """A unit's order key (article position, then place in the article)."""
        if unit_id < self.n_main:
            return int(self.main_key[unit_id])
        return int(self._delta_key_of[unit_id])

    def order_of(self, ids: Any) -> npt.NDArray[np.int64]:
        """Each unit's place in corpus order (main and delta units interleaved by order key)."""
        import numpy as np

        ids = np.asarray(ids, dtype=np.int64)
        main = ids < self.n_main
        if self._main_rank is not None:
            rank = np.where(main, self._main_rank[np.minimum(ids, self.n_main - 1)], 0).astype(
                np.int64
            )
        else:
            rank = ids.copy()
        if not len(self._delta_ids):
            return rank
        out = np.empty(len(ids), dtype=np.int64)
        main_ids = ids[main]
        out[main] = rank[main] + np.searchsorted(
            self._delta_keys, self.main_key[main_ids], side="left"
        )
        others = np.flatnonzero(~main)
        if len(others):
            keys = np.array([self._delta_key_of[int(i)] for i in ids[others]], dtype=np.int64)
            ordered_main = (
                self.main_key if self._main_rank is None else np.sort(self.main_key)
            )
            below = np.searchsorted(ordered_main, keys, side="left")
            out[others] = below + np.searchsorted(self._delta_keys, keys, side="left")
        return out

    def units(self, ids: Sequence[int]) -> dict[int, UnitRow]:
        """The stored rows of some units, by id."""
        rows: list[Any] = []
        with self._lock:
            for chunk in range(0, len(ids), 500):
                part = [int(i) for i in ids[chunk : chunk + 500]]
                marks = ",".join("?" * len(part))
                rows.extend(
                    self._conn.execute(
                        f"SELECT id, kind, article, start, end, actor, text, extra, in_body "
                        f"FROM units WHERE id IN ({marks})",
                        part,
                    )
                )
        return {
            r[0]: UnitRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])) for r in rows
        }

    def actor_names(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._conn.execute("SELECT text FROM units WHERE kind = 'actor'")]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def trigrams(token: str, *, closed: bool = True) -> set[str]:
    """Padded trigrams of a skeleton; an open end (a prefix being typed) gets no end pad."""
    padded = f" {token} " if closed else f" {token}"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


# ---------------------------------------------------------------- building


def article_versions(library: Library) -> dict[str, str] | None:
    """Article id -> version (content hash and pipeline), when the library can tell cheaply."""
    versions = getattr(library, "article_versions", None)
    return versions() if callable(versions) else None


def article_units(
    library: Library,
    article_id: str,
    title: str,
    actor_info: dict[str, Any],
    claim_actor: Callable[[str], bool],
) -> tuple[list[UnitTuple], str]:
    """The searchable units of one article (and its content hash): its title, the actors
    `claim_actor` assigns to it (the first article mentioning them), its quotes and sentences."""
    detail = library.article(article_id)
    body = detail.article.text
    units: list[UnitTuple] = [("article", 0, 0, None, title, None, 0, 0)]
    for mention in sorted(detail.mentions, key=lambda m: (m.start, m.end)):
        actor_id = detail.actor_of.get(mention.key)
        if actor_id is None or actor_id not in actor_info or not claim_actor(actor_id):
            continue
        info = actor_info[actor_id]
        units.append(actor_unit(info, mention.start, mention.end))
    spans: list[UnitTuple] = []
    for quote in detail.quotes:
        in_body = int(body[quote.start : quote.end] == quote.text)
        spans.append(
            (
                "quote",
                quote.start,
                quote.end,
                quote.actor,
                quote.text,
                quote.speaker,
                in_body,
                _SPAN_SECTION + min(quote.start, _OFFSET_CAP // 2) * 2,
            )
        )
    for start, end in detail.sentences:
        spans.append(
            (
                "sentence",
                start,
                end,
                None,
                body[start:end],
                None,
                1,
                _SPAN_SECTION + min(start, _OFFSET_CAP // 2) * 2 + 1,
            )
        )
    spans.sort(key=lambda u: u[7])
    units.extend(spans)
    return units, detail.article.content_hash


def actor_unit(info: Any, start: int, end: int) -> UnitTuple:
    """An actor's unit, anchored at its first mention (`info` is an `ActorSummary`)."""
    aliases = [a for a in info.aliases if a != info.name]
    return (
        "actor",
        start,
        end,
        info.id,
        info.name,
        "\n".join(aliases) or None,
        0,
        _ACTOR_SECTION + min(start, _OFFSET_CAP),
    )


def build_index(
    library: Library,
    conn: sqlite3.Connection,
    *,
    segment: Path | None = None,
    progress: BuildProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Write the units of `library` into an empty database, in one transaction, and its
    arrays (vocabulary, postings, trigrams) into the new folder `segment` (when given).
    Returns the arrays."""
    with db.transaction(conn):
        arrays = _build(library, conn, progress, cancelled)
        from .query import prefix_table  # the table is made by searching the new index

        arrays.update(prefix_table(IndexData(conn, None, arrays)))
        if segment is not None:
            write_segment(segment, arrays)
            conn.execute("INSERT INTO meta VALUES ('segment', ?)", (segment.name,))
    return arrays


def _build(
    library: Library,
    conn: sqlite3.Connection,
    progress: BuildProgress | None,
    cancelled: Callable[[], bool] | None,
) -> dict[str, Any]:
    """The build, phase by phase: units article by article, postings grouped by token,
    skeleton trigrams, then the meta rows; returns the arrays."""
    import numpy as np

    db.run_script(conn, _SCHEMA)
    postings = _write_units(library, conn, progress, cancelled)
    units, kinds, unit_key = postings.units, postings.kind_array(), postings.key_array()
    vocab, post_off, post_ids = _group_postings(postings)
    del postings  # the token table and the pair arrays: held no longer than needed
    skeletons = [skeleton(token) for token in vocab]
    gram_keys, tri_off, tri_ids = _skeleton_trigrams(skeletons)
    ordered = bool(len(unit_key) < 2 or (unit_key[1:] >= unit_key[:-1]).all())
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("version", FORMAT_VERSION),
            ("revision", library.revision),
            ("units", str(units)),
            ("ordered", "1" if ordered else "0"),
        ],
    )
    return {
        "vocab": vocab,
        "skeletons": skeletons,
        "vocab_len": np.fromiter((len(t) for t in vocab), dtype=np.int16, count=len(vocab)),
        "post_off": post_off,
        "post_ids": post_ids,
        "unit_kind": kinds,
        "gram_keys": gram_keys,
        "tri_off": tri_off,
        "tri_ids": tri_ids,
        "unit_key": unit_key,
    }


@dataclass(slots=True)
class _Postings:
    """What the units phase hands the arrays phase: every (token, unit) pair in the order met,
    each unit's kind and order key."""

    token_id: dict[str, int] = field(default_factory=dict)
    post_tok: array[int] = field(default_factory=lambda: array("i"))
    post_unit: array[int] = field(default_factory=lambda: array("i"))
    kinds: array[int] = field(default_factory=lambda: array("B"))
    keys: array[int] = field(default_factory=lambda: array("q"))
    units: int = 0

    def add(self, kind: HitKind, text: str, extra: str | None, key: int) -> int:
        """Index one unit's tokens; return its id."""
        ids = [self.token_id.setdefault(t, len(self.token_id)) for t in unit_tokens(text, extra)]
        self.post_tok.extend(ids)
        self.post_unit.extend([self.units] * len(ids))
        self.kinds.append(KIND_CODE[kind])
        self.keys.append(key)
        self.units += 1
        return self.units - 1

    def kind_array(self) -> npt.NDArray[np.uint8]:
        """Each unit's kind code, by unit id."""
        import numpy as np

        return np.frombuffer(self.kinds, dtype=np.uint8) if self.kinds else np.empty(0, np.uint8)

    def key_array(self) -> npt.NDArray[np.int64]:
        """Each unit's order key, by unit id."""
        import numpy as np

        return np.frombuffer(self.keys, dtype=np.int64) if self.keys else np.empty(0, np.int64)


def _write_units(
    library: Library,
    conn: sqlite3.Connection,
    progress: BuildProgress | None,
    cancelled: Callable[[], bool] | None,
) -> _Postings:
    """Phase 1: each article's units into the `units` table (and its version and order key
    into `articles`), their tokens into postings."""
    summaries = library.articles()
    versions = article_versions(library)
    actor_info = {a.id: a for a in library.actors()}
    seen_actors: set[str] = set()

    def claim(actor_id: str) -> bool:
        if actor_id in seen_actors:
            return False
        seen_actors.add(actor_id)
        return True

    postings = _Postings()
    total = len(summaries)
    for done, summary in enumerate(summaries, 1):
        if cancelled is not None and cancelled():
            raise BuildCancelled
        units, content_hash = article_units(library, summary.id, summary.title, actor_info, claim)
        base = (done - 1) * ARTICLE_STRIDE
        version = versions.get(summary.id, content_hash) if versions else content_hash
        conn.execute("INSERT INTO articles VALUES (?, ?, ?)", (summary.id, version, base))
        rows = []
        for kind, start, end, actor, text, extra, in_body, key in units:
            unit = postings.add(kind, text, extra, base + key)
            rows.append((unit, kind, summary.id, start, end, actor, text, extra, in_body))
        conn.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        if progress is not None:
            progress(done, total)
    return postings


def _group_postings(
    postings: _Postings,
) -> tuple[list[str], npt.NDArray[np.int64], npt.NDArray[np.int32]]:
    """Phase 2: the vocabulary in sorted order (prefix lookups bisect it) and the postings
    grouped by token: `post_ids[post_off[v]:post_off[v + 1]]` are the units of token `v`."""
    import numpy as np

    token_id = postings.token_id
    vocab = sorted(token_id)
    remap = np.empty(len(token_id), dtype=np.int32)
    for new, token in enumerate(vocab):
        remap[token_id[token]] = new
    post_tok, post_unit = postings.post_tok, postings.post_unit
    toks = remap[np.frombuffer(post_tok, dtype=np.int32)] if post_tok else np.empty(0, np.int32)
    order = np.argsort(toks, kind="stable")
    post_ids = (
        np.frombuffer(post_unit, dtype=np.int32)[order] if post_unit else np.empty(0, np.int32)
    )
    counts = np.bincount(toks, minlength=len(vocab)) if len(vocab) else np.empty(0, np.int64)
    post_off = np.zeros(len(vocab) + 1, dtype=np.int64)
    np.cumsum(counts, out=post_off[1:])
    return vocab, post_off, post_ids


def _skeleton_trigrams(
    skeletons: Sequence[str],
) -> tuple[list[str], npt.NDArray[np.int64], npt.NDArray[np.int32]]:
    """Phase 3: for each trigram of the skeletons (sorted), the vocabulary ids holding it:
    `tri_ids[tri_off[g]:tri_off[g + 1]]` (typo-tolerant lookups start here)."""
    import numpy as np

    grams: dict[str, list[int]] = {}
    for vid, skel in enumerate(skeletons):
        for gram in trigrams(skel):
            grams.setdefault(gram, []).append(vid)
    gram_keys = sorted(grams)
    tri_off = np.zeros(len(gram_keys) + 1, dtype=np.int64)
    np.cumsum([len(grams[g]) for g in gram_keys], out=tri_off[1:])
    tri_ids = np.fromiter(
        (v for g in gram_keys for v in grams[g]), dtype=np.int32, count=int(tri_off[-1])
    )
    return gram_keys, tri_off, tri_ids


def unit_tokens(text: str, extra: str | None) -> set[str]:
    """The folded tokens a unit is found by: its text's and its extra field's."""
    tokens = token_set(text)
    if extra:
        tokens |= token_set(extra)
    return tokens


def build_in_memory(library: Library) -> IndexData:
    """An index held in memory only (tests, one-off CLI runs without a cache folder)."""
    conn = db.connect(":memory:")
    arrays = build_index(library, conn)
    return IndexData(conn, None, arrays)


def _file_name(revision: str) -> str:
    return "search-" + re.sub(r"[^A-Za-z0-9_.-]", "_", revision)[:80] + ".sqlite"


def open_index_data(
    library: Library,
    settings: Settings,
    *,
    progress: BuildProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> IndexData:
    """The search index for `library`: loaded from the cache folder, or built and saved there.

    Rebuilt only when `library.revision` changes. Falls back to memory when the folder is not
    writable. Raises `BuildCancelled` when `cancelled()` turns true during a build.
    """
    folder = Path(settings.cache_dir) / "search"
    store = getattr(library, "path", None)
    # One file per corpus store, updated in place as articles change; else one per revision.
    path = folder / _file_name(f"corpus-{Path(store).stem}" if store else library.revision)
    if path.exists():
        data = _load(path, library.revision) or _update(path, library)
        if data is not None:
            try:
                os.utime(path)
            except OSError:
                pass
            return data
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.unlink(missing_ok=True)
    except OSError as err:
        log.warning("search cache folder %s not writable (%s); index kept in memory", folder, err)
        return build_in_memory(library)
    started = time.perf_counter()
    conn = db.connect(tmp, journal=False, synchronous="OFF")  # renamed into place when whole
    segment = new_folder(path)
    try:
        build_index(library, conn, segment=segment, progress=progress, cancelled=cancelled)
        conn.close()
        os.replace(tmp, path)
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        shutil.rmtree(segment, ignore_errors=True)
        raise
    remove_other_segments(path, keep=segment.name)
    log.info("search index built in %.1f s: %s", time.perf_counter() - started, path)
    _prune(folder, keep=path)
    data = _load(path, library.revision)
    if data is None:  # pragma: no cover - a file we just wrote
        return build_in_memory(library)
    return data


def _update(path: Path, library: Library) -> IndexData | None:
    """Update a saved index for the articles that changed; None when it must be rebuilt."""
    from .update import RebuildNeeded, update_in_place

    started = time.perf_counter()
    try:
        conn = db.connect(path, synchronous="OFF")  # a cache: rebuilt whole if damaged
    except sqlite3.DatabaseError:
        return None
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta.get("version") != FORMAT_VERSION:
            conn.close()
            return None
        data = update_in_place(conn, library, path)
    except RebuildNeeded as why:
        log.info("search index %s rebuilt whole: %s", path, why)
        conn.close()
        return None
    except (sqlite3.DatabaseError, KeyError, ValueError, OSError) as err:
        log.warning("search index %s not updated (%s); rebuilding", path, err)
        conn.close()
        return None
    except BaseException:
        conn.close()
        raise
    log.info("search index updated in %.2f s: %s", time.perf_counter() - started, path)
    return data


def _load(path: Path, revision: str) -> IndexData | None:
    try:
        conn = db.connect(path, read_only=True)
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta.get("version") != FORMAT_VERSION or meta.get("revision") != revision:
            conn.close()
            return None
        return IndexData(conn, path)
    except (sqlite3.DatabaseError, KeyError, ValueError, OSError) as err:
        log.warning("search index %s unreadable (%s); rebuilding", path, err)
        return None


def _prune(folder: Path, keep: Path) -> None:
    """Keep the most recently used search files only (each corpus revision makes one)."""
    try:
        files = sorted(
            folder.glob("search-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in [f for f in files if f != keep][KEEP_FILES - 1 :]:
            old.unlink(missing_ok=True)
            remove_other_segments(old, keep=None)
    except OSError:
        pass
