"""The index store: a SQLite cache per corpus folder, so warm opens never load spaCy.

Opening a folder compares each file's stamp (size, mtime) and content hash with the store:
unchanged articles are reused, new or changed ones go through spaCy in batches (one
transaction per batch, so a killed run keeps what it finished), deleted ones leave. The
cross-article actor merge is pure Python over stored mentions and is persisted, so it only
runs again when some article changed. The store is a cache: damage or a schema change
rebuilds it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ArticleReadError, NoArticles, StoreError
from .fingerprint import file_stamp, pipeline_fingerprint, revision, store_path, trusted_mtime
from .library import Library
from .models import Article, ArticleAnalysis, SkippedFile
from .settings import RULES_MODEL, Settings
from .store_library import StoreLibrary
from .store_tables import (
    SCHEMA,
    SCHEMA_VERSION,
    connect,
    load_mentions,
    write_actors,
    write_analysis,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from .index import ProgressCallback
    from .scan import FoundFile

log = logging.getLogger(__name__)

__all__ = ["OpenedIndex", "StoreLibrary", "open_library", "prime_store"]


@dataclass(slots=True)
class OpenedIndex:
    """An opened corpus: the library to read, and what happened while opening it."""

    library: Library
    skipped: tuple[SkippedFile, ...] = ()
    indexed: int = 0
    """Articles that went through spaCy on this open (0 on a warm open)."""
    reused: int = 0
    """Articles served from the store unchanged."""
    removed: int = 0
    notices: list[str] = field(default_factory=list)
    """Things to tell the user once (rule-based pipeline, store rebuilt, ...)."""


@dataclass(slots=True)
class _Plan:
    """What an open has to do, found from file stamps and hashes (no spaCy)."""

    order: dict[str, int]
    pending: list[tuple[Article, tuple[int, int]]]
    refresh: list[tuple[int, str, int, int, str]]
    """(ord, path, size, mtime_ns, id) for reused rows whose stamp, path or order moved."""
    removed: list[str]
    reused: int
    skipped: list[SkippedFile]
    rows: dict[str, tuple[str, str]]
    """id -> (content hash, fingerprint) after this open."""


def open_library(
    paths: Sequence[Path],
    settings: Settings,
    *,
    reindex: bool = False,
    progress: ProgressCallback | None = None,
    nlp: Language | None = None,
) -> OpenedIndex:
    """Open the corpus under `paths`, indexing only what the store does not already hold.

    `nlp` is a preloaded pipeline (tests, the bench); otherwise spaCy is loaded only when
    some article needs indexing. Raises `PathNotFound` for a missing path and `NoArticles`
    when nothing can be indexed.
    """
    from .scan import scan

    files, skipped = scan(paths)
    notices: list[str] = []
    try:
        return _open_cached(paths, files, skipped, settings, reindex, progress, nlp, notices)
    except StoreError as err:
        log.warning("%s; indexing in memory", err)
        notices.append(f"{err}. Indexed in memory this time: nothing is cached.")
    return _open_in_memory(paths, settings, progress, nlp, notices)


def _open_cached(
    paths: Sequence[Path],
    files: Sequence[FoundFile],
    skipped: Sequence[SkippedFile],
    settings: Settings,
    reindex: bool,
    progress: ProgressCallback | None,
    nlp: Language | None,
    notices: list[str],
) -> OpenedIndex:
    db_path = store_path(paths, settings.cache_dir)
    fingerprint = pipeline_fingerprint(settings.model)
    if reindex:
        _remove_store(db_path)
    for attempt in (1, 2):
        conn = _open_store(db_path, notices)
        try:
            plan = _plan(conn, files, list(skipped), settings, fingerprint)
            if not plan.order:
                raise _no_articles(paths)
            _apply(conn, plan)
            if plan.pending:
                if describe_rule_based(settings):
                    notices.append(rules_notice(settings))
                _index(conn, plan, settings, fingerprint, progress, nlp)
            current = revision((i, h, f) for i, (h, f) in plan.rows.items())
            if _meta(conn, "revision") != current:
                _merge(conn, current)
            conn.close()
            break
        except sqlite3.DatabaseError as err:
            conn.close()
            if attempt == 2 or _busy(err):
                raise StoreError(f"cannot write the index store {db_path}: {err}") from err
            log.warning("index store %s is damaged (%s); rebuilding", db_path, err)
            notices.append(f"The index store was damaged ({err}) and has been rebuilt.")
            _remove_store(db_path)
        except BaseException:
            conn.close()
            raise
    try:
        library = StoreLibrary(db_path, current, plan.skipped)
    except sqlite3.DatabaseError as err:
        raise StoreError(f"cannot read the index store {db_path}: {err}") from err
    return OpenedIndex(
        library,
        tuple(plan.skipped),
        indexed=len(plan.pending),
        reused=plan.reused,
        removed=len(plan.removed),
        notices=notices,
    )


def rules_notice(settings: Settings) -> str:
    """What to say once when the rule-based pipeline indexed: chosen, or the only one there."""
    if settings.model == RULES_MODEL:
        return "Indexed with the rule-based pipeline (NEWSDESK_MODEL=rules): fewer entities and quotes."
    return (
        "No spaCy model is installed: indexed with the rule-based pipeline "
        "(fewer entities and quotes). Install en_core_web_sm or set NEWSDESK_MODEL."
    )


def _no_articles(paths: Sequence[Path]) -> NoArticles:
    shown = ", ".join(str(p) for p in paths)
    return NoArticles(f"no articles found in {shown} (newsdesk reads .txt and .md files)")


def _open_in_memory(
    paths: Sequence[Path],
    settings: Settings,
    progress: ProgressCallback | None,
    nlp: Language | None,
    notices: list[str],
) -> OpenedIndex:
    """No usable store (cache folder not writable, disk full): index everything in memory."""
    from .index import analyze, build_corpus, read_articles
    from .library import MemoryLibrary

    articles, skipped = read_articles(paths, settings.max_file_bytes)
    if not articles:
        raise _no_articles(paths)
    if nlp is None:
        from .nlp import load_pipeline

        nlp, _info = load_pipeline(settings.model)
    if describe_rule_based(settings):
        notices.append(rules_notice(settings))
    from .resources import resolve_jobs

    analyses = []
    jobs = resolve_jobs(settings.jobs, len(articles), settings.batch_size)
    stream = analyze(nlp, articles, batch_size=settings.batch_size, n_process=jobs)
    for done, analysis in enumerate(stream, 1):
        analyses.append(analysis)
        if progress:
            progress(done, len(articles), analysis.article.id)
    corpus = build_corpus(analyses, skipped)
    return OpenedIndex(
        MemoryLibrary(corpus), corpus.skipped, indexed=len(analyses), notices=notices
    )


def _busy(err: sqlite3.DatabaseError) -> bool:
    """Another process holds the store: not damage, so never a reason to delete it."""
    text = str(err).lower()
    return isinstance(err, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def describe_rule_based(settings: Settings) -> bool:
    from .nlp import describe_model

    return describe_model(settings.model).rule_based


def prime_store(
    paths: Sequence[Path], settings: Settings, analyses: Sequence[ArticleAnalysis]
) -> Path:
    """Write analyses made elsewhere as if indexed now (the bench's synthetic 10,000 articles).

    Each `analysis.article.path` must be the file discovered under `paths` with that id.
    """
    db_path = store_path(paths, settings.cache_dir)
    _remove_store(db_path)
    fingerprint = pipeline_fingerprint(settings.model)
    conn = _open_store(db_path, [])
    try:
        for start in range(0, len(analyses), 500):
            with _transaction(conn):
                for ord_, analysis in enumerate(analyses[start : start + 500], start):
                    stamp = file_stamp(Path(analysis.article.path))
                    write_analysis(conn, analysis, ord_=ord_, stamp=stamp, fingerprint=fingerprint)
        current = revision((a.article.id, a.article.content_hash, fingerprint) for a in analyses)
        _merge(conn, current)
    finally:
        conn.close()
    return db_path


# ---------------------------------------------------------------------------------------------
# Opening and checking the file


def _remove_store(db_path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.remove(f"{db_path}{suffix}")
        except FileNotFoundError:
            pass
        except OSError as err:
            raise StoreError(f"cannot remove the index store {db_path}: {err}") from err


def _open_store(db_path: Path, notices: list[str]) -> sqlite3.Connection:
    """A connection to a store with the current schema; a damaged or outdated one is rebuilt."""
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"cannot create the cache folder {db_path.parent}: {err}") from err
    if db_path.exists():
        problem = _check(db_path)
        if problem:
            log.warning("index store %s: %s; rebuilding", db_path, problem)
            notices.append(f"The index store {problem} and has been rebuilt.")
            _remove_store(db_path)
    try:
        conn = connect(db_path)
        if _meta(conn, "schema") is None:
            conn.executescript(
                f"BEGIN IMMEDIATE; {SCHEMA} "
                f"INSERT OR REPLACE INTO meta VALUES ('schema', '{SCHEMA_VERSION}'); COMMIT;"
            )
    except sqlite3.DatabaseError as err:
        raise StoreError(f"cannot open the index store {db_path}: {err}") from err
    return conn


def _check(db_path: Path) -> str | None:
    """Cheap checks (header, size against the page count, schema version); None when fine."""
    try:
        with open(db_path, "rb") as f:
            header = f.read(100)
        if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
            return "was not a SQLite database"
        conn = connect(db_path)
        try:
            version = _meta(conn, "schema")
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            page_count = conn.execute("PRAGMA page_count").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return f"was damaged ({err})"
    except OSError as err:
        return f"could not be read ({err.strerror or err})"
    if os.path.getsize(db_path) < page_size * page_count:
        return "was truncated"
    if version != SCHEMA_VERSION:
        return f"had an older layout (schema {version})"
    return None


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError as err:
        if "no such table" in str(err):
            return None
        raise
    return row[0] if row else None


class _transaction:
    """`BEGIN IMMEDIATE` ... `COMMIT`, rolled back on any exception."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        if kind is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


# ---------------------------------------------------------------------------------------------
# Planning, indexing and merging


def _plan(
    conn: sqlite3.Connection,
    files: Sequence[FoundFile],
    skipped: list[SkippedFile],
    settings: Settings,
    fingerprint: str,
) -> _Plan:
    stored = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT id, ord, path, size, mtime_ns, content_hash, fingerprint FROM articles"
        )
    }
    order: dict[str, int] = {}
    pending: list[tuple[Article, tuple[int, int]]] = []
    refresh: list[tuple[int, str, int, int, str]] = []
    rows: dict[str, tuple[str, str]] = {}
    reused = 0
    racy_after = trusted_mtime()
    for found in files:
        article_id = found.id
        stamp = (found.size, found.mtime_ns if found.mtime_ns < racy_after else 0)
        ord_ = len(order)
        old = stored.get(article_id)
        fresh = old is not None and old[5] == fingerprint
        if fresh and old is not None and (old[2], old[3]) == stamp and stamp[1] != 0:
            order[article_id] = ord_
            rows[article_id] = (old[4], fingerprint)
            reused += 1
            if old[0] != ord_ or old[1] != found.path:
                refresh.append((ord_, found.path, stamp[0], stamp[1], article_id))
            continue
        path = Path(found.path)
        try:
            from .text import read_article

            article = read_article(path, article_id=article_id, max_bytes=settings.max_file_bytes)
        except ArticleReadError as err:
            skipped.append(SkippedFile(str(path), str(err).removeprefix(f"{path}: ")))
            continue
        if not article.text.strip():
            skipped.append(SkippedFile(str(path), "empty article (no body text)"))
            continue
        order[article_id] = ord_
        rows[article_id] = (article.content_hash, fingerprint)
        if fresh and old is not None and old[4] == article.content_hash:
            reused += 1
            refresh.append((ord_, found.path, stamp[0], stamp[1], article_id))
        else:
            pending.append((article, stamp))
    removed = [i for i in stored if i not in order]
    return _Plan(order, pending, refresh, removed, reused, skipped, rows)


def _apply(conn: sqlite3.Connection, plan: _Plan) -> None:
    """Forget deleted articles and record moved stamps, in one transaction."""
    if not plan.removed and not plan.refresh:
        return
    from .store_tables import delete_articles

    with _transaction(conn):
        delete_articles(conn, plan.removed)
        conn.executemany(
            "UPDATE articles SET ord = ?, path = ?, size = ?, mtime_ns = ? WHERE id = ?",
            plan.refresh,
        )


def _index(
    conn: sqlite3.Connection,
    plan: _Plan,
    settings: Settings,
    fingerprint: str,
    progress: ProgressCallback | None,
    nlp: Language | None,
) -> None:
    """Analyze pending articles with spaCy, committing one transaction per batch."""
    articles = [article for article, _stamp in plan.pending]
    stamps = {article.id: stamp for article, stamp in plan.pending}
    total = len(articles)
    done = 0
    for batch in _analysed_batches(articles, settings, nlp):
        with _transaction(conn):
            for analysis in batch:
                article_id = analysis.article.id
                write_analysis(
                    conn, analysis, ord_=plan.order[article_id], stamp=stamps[article_id],
                    fingerprint=fingerprint,
                )
        if progress:
            for analysis in batch:
                done += 1
                progress(done, total, analysis.article.id)


def _analysed_batches(
    articles: Sequence[Article], settings: Settings, nlp: Language | None
) -> Iterator[list[ArticleAnalysis]]:
    """Batches of finished analyses: from a Dask cluster (`settings.cluster`), else from this
    machine's processes (`settings.jobs`; 0 picks a number from cores and free memory)."""
    if settings.cluster and nlp is None:
        from .cluster import analyze_on_cluster

        yield from analyze_on_cluster(
            settings.cluster, settings.model, articles, batch_size=settings.batch_size
        )
        return
    from .index import analyze, prepare_pipeline
    from .resources import resolve_jobs

    if nlp is None:
        from .nlp import load_pipeline

        nlp, _info = load_pipeline(settings.model)
    prepare_pipeline(nlp)
    batch: list[ArticleAnalysis] = []
    jobs = resolve_jobs(settings.jobs, len(articles), settings.batch_size)
    for analysis in analyze(nlp, articles, batch_size=settings.batch_size, n_process=jobs):
        batch.append(analysis)
        if len(batch) >= settings.batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _merge(conn: sqlite3.Connection, current: str) -> None:
    """Recompute the cross-article actors from stored mentions and persist them (no spaCy)."""
    from .actors import merge_actors

    analyses = load_mentions(conn)
    actors, mapping = merge_actors(analyses)
    with _transaction(conn):
        write_actors(conn, actors, mapping, analyses)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('revision', ?)", (current,))
