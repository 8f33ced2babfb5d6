"""The search index: searchable units, a folded-token vocabulary, postings and skeleton trigrams.

Built once from a `Library` and kept as one SQLite file per `library.revision` in
`settings.cache_dir/search/`, so opening it again is a few blob reads. Unit texts stay in SQLite
and are read only for the few candidates that get ranked; in memory are the vocabulary and
compact numpy arrays (about 30 MB at 10,000 articles).
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
import time
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import db
from ..models import ActorSummary, ArticleAnalysis
from .fold import skeleton, token_set

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
FORMAT_VERSION = "3"
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
CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);
"""


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
    """The in-memory arrays of one search index and its SQLite file (thread-safe reads)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        import numpy as np

        self.path = path
        self._conn = conn
        self._lock = threading.Lock()
        blobs = dict(conn.execute("SELECT name, data FROM blobs"))
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        self.revision: str = meta["revision"]
        self.vocab: list[str] = _split(blobs["vocab"])
        self.skeletons: list[str] = _split(blobs["skeletons"])
        self.vocab_id: dict[str, int] = {token: i for i, token in enumerate(self.vocab)}
        self.vocab_len = np.frombuffer(blobs["vocab_len"], dtype=np.int16)
        self.post_off = np.frombuffer(blobs["post_off"], dtype=np.int64)
        self.post_ids = np.frombuffer(blobs["post_ids"], dtype=np.int32)
        self.unit_kind = np.frombuffer(blobs["unit_kind"], dtype=np.uint8)
        grams = _split(blobs["tri_keys"])
        tri_off = np.frombuffer(blobs["tri_off"], dtype=np.int64).tolist()
        self.tri: dict[str, tuple[int, int]] = {
            g: (tri_off[i], tri_off[i + 1]) for i, g in enumerate(grams)
        }
        self.tri_ids = np.frombuffer(blobs["tri_ids"], dtype=np.int32)
        self.n_units = len(self.unit_kind)

    def postings(self, vocab_id: int) -> npt.NDArray[np.int32]:
        return self.post_ids[self.post_off[vocab_id] : self.post_off[vocab_id + 1]]

    def doc_freq(self, vocab_id: int) -> int:
        return int(self.post_off[vocab_id + 1] - self.post_off[vocab_id])

    def units(self, ids: Sequence[int]) -> dict[int, UnitRow]:
        """The stored rows of some units, by id."""
        rows: list[Any] = []
        with self._lock:
            for chunk in range(0, len(ids), 500):
                part = [int(i) for i in ids[chunk : chunk + 500]]
                marks = ",".join("?" * len(part))
                rows.extend(self._conn.execute(
                    f"SELECT id, kind, article, start, end, actor, text, extra, in_body "
                    f"FROM units WHERE id IN ({marks})", part
                ))
        return {
            r[0]: UnitRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])) for r in rows
        }

    def actor_names(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._conn.execute("SELECT text FROM units WHERE kind = 'actor'")]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _split(blob: bytes) -> list[str]:
    return blob.decode("utf-8").split("\n") if blob else []


def trigrams(token: str, *, closed: bool = True) -> set[str]:
    """Padded trigrams of a skeleton; an open end (a prefix being typed) gets no end pad."""
    padded = f" {token} " if closed else f" {token}"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


# ---------------------------------------------------------------- building


def build_index(
    library: Library,
    conn: sqlite3.Connection,
    *,
    progress: BuildProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write the units, vocabulary, postings and trigrams of `library` into an empty database,
    in one transaction: units article by article, then the token arrays, then the blobs."""
    with db.transaction(conn):
        db.run_script(conn, _SCHEMA)
        postings = _write_units(library, conn, progress, cancelled)
        blobs = _blobs(postings)
        conn.executemany("INSERT INTO blobs VALUES (?, ?)", blobs.items())
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("version", FORMAT_VERSION), ("revision", library.revision),
            ("units", str(postings.units)),
        ])


@dataclass(slots=True)
class _Postings:
    """What the units phase hands the arrays phase: every (token, unit) pair, unit kinds."""

    token_id: dict[str, int] = field(default_factory=dict)
    post_tok: array[int] = field(default_factory=lambda: array("i"))
    post_unit: array[int] = field(default_factory=lambda: array("i"))
    kinds: array[int] = field(default_factory=lambda: array("B"))
    units: int = 0

    def add(self, kind: HitKind, text: str, extra: str | None) -> int:
        """Index one unit's tokens; return its id."""
        tokens = token_set(text)
        if extra:
            tokens |= token_set(extra)
        ids = [self.token_id.setdefault(token, len(self.token_id)) for token in tokens]
        self.post_tok.extend(ids)
        self.post_unit.extend([self.units] * len(ids))
        self.kinds.append(KIND_CODE[kind])
        self.units += 1
        return self.units - 1


_Unit = tuple[HitKind, int, int, "str | None", str, "str | None", int]
"""kind, start, end, actor, text, extra (aliases or speaker), in_body."""


def _write_units(
    library: Library,
    conn: sqlite3.Connection,
    progress: BuildProgress | None,
    cancelled: Callable[[], bool] | None,
) -> _Postings:
    """Phase 1: each article's units into the `units` table, their tokens into postings."""
    summaries = library.articles()
    actor_info = {a.id: a for a in library.actors()}
    seen_actors: set[str] = set()
    postings = _Postings()
    total = len(summaries)
    for done, summary in enumerate(summaries, 1):
        if cancelled is not None and cancelled():
            raise BuildCancelled
        detail = library.article(summary.id)
        rows = []
        for kind, start, end, actor, text, extra, in_body in _article_units(
            detail, summary.title, actor_info, seen_actors
        ):
            unit = postings.add(kind, text, extra)
            rows.append((unit, kind, summary.id, start, end, actor, text, extra, in_body))
        conn.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        if progress is not None:
            progress(done, total)
    return postings


def _article_units(
    detail: ArticleAnalysis,
    title: str,
    actor_info: Mapping[str, ActorSummary],
    seen_actors: set[str],
) -> list[_Unit]:
    """An article's units: its title, actors first met here, then quotes and sentences in
    text order (a quote before the sentence starting where it does)."""
    body = detail.article.text
    units: list[_Unit] = [("article", 0, 0, None, title, None, 0)]
    for mention in sorted(detail.mentions, key=lambda m: (m.start, m.end)):
        actor_id = detail.actor_of.get(mention.key)
        if actor_id is None or actor_id in seen_actors or actor_id not in actor_info:
            continue
        seen_actors.add(actor_id)
        info = actor_info[actor_id]
        aliases = [a for a in info.aliases if a != info.name]
        units.append(("actor", mention.start, mention.end, actor_id, info.name,
                      "\n".join(aliases) or None, 0))
    spans: list[tuple[int, int, HitKind, str | None, str, str | None, int]] = []
    for quote in detail.quotes:
        in_body = int(body[quote.start : quote.end] == quote.text)
        spans.append(
            (quote.start, quote.end, "quote", quote.actor, quote.text, quote.speaker, in_body)
        )
    for start, end in detail.sentences:
        spans.append((start, end, "sentence", None, body[start:end], None, 1))
    spans.sort(key=lambda s: (s[0], s[2] != "quote"))
    units.extend((kind, start, end, actor, text, extra, in_body)
                 for start, end, kind, actor, text, extra, in_body in spans)
    return units


def _blobs(postings: _Postings) -> dict[str, bytes]:
    """Phase 2: the sorted vocabulary, postings grouped by token and skeleton trigrams."""
    import numpy as np

    # Vocabulary in sorted order (prefix lookups bisect it); postings grouped by token.
    token_id = postings.token_id
    vocab = sorted(token_id)
    remap = np.empty(len(token_id), dtype=np.int32)
    for new, token in enumerate(vocab):
        remap[token_id[token]] = new
    post_tok, post_unit, kinds = postings.post_tok, postings.post_unit, postings.kinds
    toks = remap[np.frombuffer(post_tok, dtype=np.int32)] if post_tok else np.empty(0, np.int32)
    order = np.argsort(toks, kind="stable")
    post_ids = (
        np.frombuffer(post_unit, dtype=np.int32)[order] if post_unit else np.empty(0, np.int32)
    )
    counts = np.bincount(toks, minlength=len(vocab)) if len(vocab) else np.empty(0, np.int64)
    post_off = np.zeros(len(vocab) + 1, dtype=np.int64)
    np.cumsum(counts, out=post_off[1:])
    del toks, order

    skeletons = [skeleton(token) for token in vocab]
    grams: dict[str, list[int]] = {}
    for vid, skel in enumerate(skeletons):
        for gram in trigrams(skel):
            grams.setdefault(gram, []).append(vid)
    gram_keys = sorted(grams)
    tri_off = np.zeros(len(gram_keys) + 1, dtype=np.int64)
    np.cumsum([len(grams[g]) for g in gram_keys], out=tri_off[1:])
    tri_ids = np.fromiter((v for g in gram_keys for v in grams[g]), dtype=np.int32,
                          count=int(tri_off[-1]))
    vocab_len = np.fromiter((len(t) for t in vocab), dtype=np.int16, count=len(vocab))
    return {
        "vocab": "\n".join(vocab).encode(),
        "skeletons": "\n".join(skeletons).encode(),
        "vocab_len": vocab_len.tobytes(),
        "post_off": post_off.tobytes(),
        "post_ids": post_ids.astype(np.int32).tobytes(),
        "unit_kind": np.frombuffer(kinds, dtype=np.uint8).tobytes() if kinds else b"",
        "tri_keys": "\n".join(gram_keys).encode(),
        "tri_off": tri_off.tobytes(),
        "tri_ids": tri_ids.tobytes(),
    }


def build_in_memory(library: Library) -> IndexData:
    """An index held in memory only (tests, one-off CLI runs without a cache folder)."""
    conn = db.connect(":memory:")
    build_index(library, conn)
    return IndexData(conn, None)


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
    path = folder / _file_name(library.revision)
    if path.exists():
        data = _load(path, library.revision)
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
    conn = db.connect(tmp, journal=False, synchronous="OFF")
    try:
        build_index(library, conn, progress=progress, cancelled=cancelled)
        conn.close()
        os.replace(tmp, path)
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    log.info("search index built in %.1f s: %s", time.perf_counter() - started, path)
    _prune(folder, keep=path)
    data = _load(path, library.revision)
    if data is None:  # pragma: no cover - a file we just wrote
        return build_in_memory(library)
    return data


def _load(path: Path, revision: str) -> IndexData | None:
    try:
        conn = db.connect(path, read_only=True)
        version, stored = db.meta_value(conn, "version"), db.meta_value(conn, "revision")
        if version != FORMAT_VERSION or stored != revision:
            conn.close()
            return None
        return IndexData(conn, path)
    except (sqlite3.DatabaseError, KeyError, ValueError) as err:
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
    except OSError:
        pass
