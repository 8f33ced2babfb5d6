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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import db
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
FORMAT_VERSION = "4"
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
CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);
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


#: The numeric arrays stored as blobs, with their element types.
_ARRAYS: dict[str, str] = {
    "vocab_len": "int16",
    "post_off": "int64",
    "post_ids": "int32",
    "unit_kind": "uint8",
    "tri_off": "int64",
    "tri_ids": "int32",
    "unit_key": "int64",
}


class IndexData:
    """The in-memory arrays of one search index and its SQLite file (thread-safe reads)."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, arrays: dict[str, Any] | None = None
    ) -> None:
        """Read the arrays from the file, or take `arrays` just written there (an update)."""
        import numpy as np

        self.path = path
        self._conn = conn
        self._lock = threading.Lock()
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        self.revision: str = meta["revision"]
        if arrays is None:
            blobs = dict(conn.execute("SELECT name, data FROM blobs"))
            arrays = {
                "vocab": _split(blobs["vocab"]),
                "skeletons": _split(blobs["skeletons"]),
                "gram_keys": _split(blobs["tri_keys"]),
                **{
                    name: np.frombuffer(blobs[name], dtype=dtype) for name, dtype in _ARRAYS.items()
                },
            }
        self.vocab: list[str] = arrays["vocab"]
        self.skeletons: list[str] = arrays["skeletons"]
        self.vocab_id: dict[str, int] = arrays.get("vocab_id") or {
            token: i for i, token in enumerate(self.vocab)
        }
        vocab_len = arrays.get("vocab_len")
        if vocab_len is None:
            vocab_len = np.fromiter((len(t) for t in self.vocab), np.int16, len(self.vocab))
        self.vocab_len: npt.NDArray[np.int16] = vocab_len
        self.post_off: npt.NDArray[np.int64] = arrays["post_off"]
        self.post_ids: npt.NDArray[np.int32] = arrays["post_ids"]
        self.unit_kind = arrays["unit_kind"]
        grams = arrays["gram_keys"]
        tri_off = np.asarray(arrays["tri_off"]).tolist()
        self.tri: dict[str, tuple[int, int]] = {
            g: (tri_off[i], tri_off[i + 1]) for i, g in enumerate(grams)
        }
        self.tri_ids = arrays["tri_ids"]
        self.unit_key = arrays["unit_key"]
        self.n_units = len(self.unit_kind)
        rank = np.empty(self.n_units, dtype=np.int32)
        rank[np.argsort(self.unit_key, kind="stable")] = np.arange(self.n_units, dtype=np.int32)
        self.order_rank = rank
        """Each unit's place in corpus order (ties in ranking go to the earlier unit)."""

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


def _split(blob: bytes) -> list[str]:
    return blob.decode("utf-8").split("\n") if blob else []


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
    progress: BuildProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write the units, vocabulary, postings and trigrams of `library` into an empty database,
    in one transaction: units article by article, then the token arrays, then the blobs."""
    with db.transaction(conn):
        db.run_script(conn, _SCHEMA)
        postings = _write_units(library, conn, progress, cancelled)
        units, kinds, keys = postings.units, postings.kind_array(), postings.key_array()
        vocab, post_off, post_ids = _group_postings(postings)
        del postings  # the token table and the pair arrays: held no longer than needed
        skeletons = [skeleton(token) for token in vocab]
        gram_keys, tri_off, tri_ids = _skeleton_trigrams(skeletons)
        write_blobs(
            conn, vocab, skeletons, post_off, post_ids, kinds, gram_keys, tri_off, tri_ids, keys
        )
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("version", FORMAT_VERSION), ("revision", library.revision), ("units", str(units))],
        )


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
        import numpy as np

        return np.frombuffer(self.kinds, dtype=np.uint8) if self.kinds else np.empty(0, np.uint8)

    def key_array(self) -> npt.NDArray[np.int64]:
        import numpy as np

        return np.frombuffer(self.keys, dtype=np.int64) if self.keys else np.empty(0, np.int64)


def _write_units(
    library: Library,
    conn: sqlite3.Connection,
    progress: BuildProgress | None,
    cancelled: Callable[[], bool] | None,
) -> _Postings:
    """Phase 1: each article's units into the `units` table (and its version into `articles`),
    their tokens into postings."""
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


def write_blobs(
    conn: sqlite3.Connection,
    vocab: Sequence[str],
    skeletons: Sequence[str],
    post_off: Any,
    post_ids: Any,
    unit_kind: Any,
    gram_keys: Sequence[str],
    tri_off: Any,
    tri_ids: Any,
    unit_key: Any,
    *,
    vocabulary: bool = True,
) -> None:
    """Store the arrays (replacing any already there); with `vocabulary` False the vocabulary
    and trigram blobs are left as they are (an update that added and dropped no word)."""
    import numpy as np

    vocab_len = np.fromiter((len(t) for t in vocab), dtype=np.int16, count=len(vocab))
    blobs = {
        "vocab": "\n".join(vocab).encode(),
        "skeletons": "\n".join(skeletons).encode(),
        "vocab_len": vocab_len.tobytes(),
        "post_off": np.asarray(post_off, dtype=np.int64).tobytes(),
        "post_ids": np.asarray(post_ids, dtype=np.int32).tobytes(),
        "unit_kind": np.asarray(unit_kind, dtype=np.uint8).tobytes(),
        "tri_keys": "\n".join(gram_keys).encode(),
        "tri_off": np.asarray(tri_off, dtype=np.int64).tobytes(),
        "tri_ids": np.asarray(tri_ids, dtype=np.int32).tobytes(),
        "unit_key": np.asarray(unit_key, dtype=np.int64).tobytes(),
    }
    if not vocabulary:
        for name in ("vocab", "skeletons", "vocab_len", "tri_keys", "tri_off", "tri_ids"):
            del blobs[name]
    conn.executemany("INSERT OR REPLACE INTO blobs VALUES (?, ?)", blobs.items())


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
    except (sqlite3.DatabaseError, KeyError, ValueError) as err:
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
