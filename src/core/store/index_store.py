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
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from .. import db
from ..errors import ArticleReadError, NoArticles, StoreError
from ..models import Article, ArticleAnalysis, SkippedFile
from ..pipeline.readers import FieldMap, is_dump, read_single
from ..settings import RULES_MODEL, Settings
from .dumps import DumpPending, DumpPlanner, pending_articles, save_notes
from .fingerprint import (
    file_stamp,
    pipeline_fingerprint,
    revision,
    store_path,
    trusted_mtime,
    walk_digest,
)
from .library import Library
from .sqlite_library import StoreLibrary
from .tables import (
    SCHEMA,
    SCHEMA_VERSION,
    connect,
    load_mentions,
    load_positions,
    write_actors,
    write_analysis,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from ..events import EventCallback
    from ..pipeline.indexing import ProgressCallback
    from ..pipeline.scan import FoundFile, Walked

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
    dumps: list[DumpPending] = field(default_factory=list)
    """Dump rows to index, read again from their files (never all held in memory)."""
    notes: dict[str, tuple[int, int, list[SkippedFile]]] = field(default_factory=dict)
    """Skipped rows of the dumps read on this open, kept for warm opens."""

    @property
    def indexing(self) -> int:
        return len(self.pending) + sum(len(d.ids) for d in self.dumps)


def open_library(
    paths: Sequence[Path],
    settings: Settings,
    *,
    reindex: bool = False,
    progress: ProgressCallback | None = None,
    nlp: Language | None = None,
    events: EventCallback | None = None,
) -> OpenedIndex:
    """Open the corpus under `paths`, indexing only what the store does not already hold.

    `nlp` is a preloaded pipeline (tests, the bench); otherwise spaCy is loaded only when
    some article needs indexing. `events` hears each step and each analysed article
    (`index_events`). Raises `PathNotFound` for a missing path and `NoArticles` when nothing
    can be indexed.
    """
    from ..events import Scanned, Scanning
    from ..pipeline.scan import walk

    tell = events or _ignore
    tell(Scanning())
    walked, skipped = walk(paths)
    tell(Scanned(len(walked)))
    notices: list[str] = []
    try:
        return _open_cached(paths, walked, skipped, settings, reindex, progress, nlp, notices,
                            tell)
    except StoreError as err:
        log.warning("%s; indexing in memory", err)
        notices.append(f"{err}. Indexed in memory this time: nothing is cached.")
    return _open_in_memory(paths, settings, progress, nlp, notices, tell)


def _ignore(_event: object) -> None:
    """No one listens to the steps."""


def open_stored(paths: Sequence[Path], settings: Settings) -> StoreLibrary | None:
    """The store of `paths` as the last finished open left it, without walking the folder.

    Walking and stat-ing 100,000 files takes most of a second: a front end shows this library
    at once and runs `open_library` meanwhile, keeping what it showed when that finds the same
    revision. None when there is nothing whole to show (no store, another schema, articles
    indexed by another pipeline, or no finished open yet).
    """
    db_path = store_path(paths, settings.cache_dir)
    if not db_path.is_file() or _check(db_path) is not None:
        return None
    fingerprint = pipeline_fingerprint(settings.model) + fields_fingerprint(settings)
    try:
        conn = db.connect(db_path, read_only=True)
        try:
            current = db.meta_value(conn, "revision")
            any_article = conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone()
            # One row: scanning them all costs most of a second on a cold disk. A store half
            # re-indexed by another pipeline is shown until the open that follows finishes it.
            first = conn.execute("SELECT fingerprint FROM articles LIMIT 1").fetchone()
        finally:
            conn.close()
        if current is None or any_article is None or first is None or first[0] != fingerprint:
            return None
        return StoreLibrary(db_path, current)
    except sqlite3.DatabaseError:
        return None


def _open_cached(
    paths: Sequence[Path],
    walked: list[Walked],
    skipped: Sequence[SkippedFile],
    settings: Settings,
    reindex: bool,
    progress: ProgressCallback | None,
    nlp: Language | None,
    notices: list[str],
    tell: EventCallback,
) -> OpenedIndex:
    """Open through the store: the walk's digest when it matches, else the rows compared."""
    from ..pipeline.scan import identify

    db_path = store_path(paths, settings.cache_dir)
    fingerprint = pipeline_fingerprint(settings.model) + fields_fingerprint(settings)
    if reindex:
        _remove_store(db_path)
    walk = None if reindex else walk_digest(walked, fingerprint)
    for attempt in (1, 2):
        conn = _open_store(db_path, notices)
        try:
            same = _same_walk(conn, walk)
            if same is not None:
                conn.close()
                return _opened(db_path, same, list(skipped), notices, reused=len(walked))
            files = identify(walked)  # ids only when the rows must be compared
            plan = _plan(conn, files, list(skipped), settings, fingerprint)
            if not plan.order:
                raise _no_articles(paths, plan.skipped)
            moves = plan.indexing or plan.removed or plan.refresh or plan.notes
            if moves and db.meta_value(conn, "walk") is not None:
                with db.transaction(conn):  # before any row moves: the walk no longer matches
                    conn.execute("DELETE FROM meta WHERE key = 'walk'")
            _apply(conn, plan)
            if plan.indexing:
                if describe_rule_based(settings):
                    notices.append(rules_notice(settings))
                _index(conn, plan, settings, fingerprint, progress, nlp, tell)
            current = revision((i, h, f) for i, (h, f) in plan.rows.items())
            remember = walk if walk is not None and len(plan.skipped) == len(skipped) else None
            if db.meta_value(conn, "revision") != current:
                from ..events import Linking

                tell(Linking(len(plan.order)))
                _merge(conn, current, remember)
            elif remember is not None:
                _remember_walk(conn, current, remember)
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
    return _opened(
        db_path, current, plan.skipped, notices,
        indexed=plan.indexing, reused=plan.reused, removed=len(plan.removed),
    )


def _opened(
    db_path: Path,
    current: str,
    skipped: list[SkippedFile],
    notices: list[str],
    *,
    indexed: int = 0,
    reused: int = 0,
    removed: int = 0,
) -> OpenedIndex:
    """The store's library at revision `current`, and what the open did."""
    try:
        library = StoreLibrary(db_path, current, skipped)
    except sqlite3.DatabaseError as err:
        raise StoreError(f"cannot read the index store {db_path}: {err}") from err
    return OpenedIndex(
        library, tuple(skipped), indexed=indexed, reused=reused, removed=removed,
        notices=notices,
    )


def _same_walk(conn: sqlite3.Connection, walk: str | None) -> str | None:
    """The stored revision when the last finished open walked exactly these files, else None.

    Comparing one digest replaces reading 100,000 rows into Python to compare stamps: the
    digest is only kept after an open whose every file was reused or indexed (none skipped
    by the plan, none too fresh to trust, no dumps), and any open that moves a row drops it
    first, so a match means every row still holds its file's stamp.
    """
    if walk is None:
        return None
    current = db.meta_value(conn, "revision")
    if current is None or db.meta_value(conn, "walk") != f"{current}:{walk}":
        return None
    return current


def _remember_walk(conn: sqlite3.Connection, current: str, walk: str) -> None:
    """Keep the walk's digest beside the revision it led to, for the next warm open."""
    value = f"{current}:{walk}"
    if db.meta_value(conn, "walk") != value:
        with db.transaction(conn):
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('walk', ?)", (value,))


def fields_fingerprint(settings: Settings) -> str:
    """`--fields` is part of the fingerprint: another mapping reads every dump anew."""
    chosen = FieldMap.parse(settings.fields).fingerprint()
    return f"+fields-{chosen}" if chosen else ""


def rules_notice(settings: Settings) -> str:
    """What to say once when the rule-based pipeline indexed: chosen, or the only one there."""
    if settings.model == RULES_MODEL:
        return (
            "Indexed with the rule-based pipeline (NEWSDESK_MODEL=rules): "
            "fewer entities and quotes."
        )
    return (
        "No spaCy model is installed: indexed with the rule-based pipeline "
        "(fewer entities and quotes). Install en_core_web_sm or set NEWSDESK_MODEL."
    )


def _no_articles(paths: Sequence[Path], skipped: Sequence[SkippedFile] = ()) -> NoArticles:
    """Why nothing could be read: the skipped files' own reasons (a binary .txt, an empty
    file, a dump with no usable row) when there are some; else which files newsdesk reads."""
    shown = ", ".join(str(p) for p in paths)
    reasons = [s for s in skipped if not s.summary]
    read = [s for s in reasons if not s.reason.startswith("not an article file")]
    if read:
        first = read[0]
        where = first.path if first.row is None else f"{first.path} row {first.row}"
        why = first.reason if where == shown else f"{where}: {first.reason}"
        if len(reasons) > 1:
            why = f"{len(reasons)} files or rows skipped; {why}"
        return NoArticles(f"nothing readable in {shown} ({why})")
    return NoArticles(
        f"nothing to read in {shown} (newsdesk reads .txt, .md, .html, .jsonl, .csv, .tsv "
        "and .json files, gzipped or not)"
    )


def _open_in_memory(
    paths: Sequence[Path],
    settings: Settings,
    progress: ProgressCallback | None,
    nlp: Language | None,
    notices: list[str],
    tell: EventCallback,
) -> OpenedIndex:
    """No usable store (cache folder not writable, disk full): index everything in memory."""
    from ..events import Indexed, Linking, LoadingModel
    from ..pipeline.indexing import analyze, build_corpus, read_articles
    from .library import MemoryLibrary

    articles, skipped = read_articles(paths, settings.max_file_bytes, settings.fields)
    if not articles:
        raise _no_articles(paths, skipped)
    if nlp is None:
        from ..pipeline.nlp import describe_model, load_pipeline

        tell(LoadingModel(describe_model(settings.model).name, len(articles)))
        nlp, _info = load_pipeline(settings.model)
    if describe_rule_based(settings):
        notices.append(rules_notice(settings))
    from ..pipeline.resources import resolve_jobs

    analyses = []
    jobs = resolve_jobs(settings.jobs, len(articles), settings.batch_size)
    stream = analyze(nlp, articles, batch_size=settings.batch_size, n_process=jobs)
    for done, analysis in enumerate(stream, 1):
        analyses.append(analysis)
        tell(Indexed(done, len(articles), analysis))
        if progress:
            progress(done, len(articles), analysis.article.id)
    tell(Linking(len(analyses)))
    corpus = build_corpus(analyses, skipped)
    return OpenedIndex(
        MemoryLibrary(corpus), corpus.skipped, indexed=len(analyses), notices=notices
    )


def _busy(err: sqlite3.DatabaseError) -> bool:
    """Another process holds the store: not damage, so never a reason to delete it."""
    text = str(err).lower()
    return isinstance(err, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def describe_rule_based(settings: Settings) -> bool:
    from ..pipeline.nlp import describe_model

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
            with db.transaction(conn):
                for ord_, analysis in enumerate(analyses[start : start + 500], start):
                    stamp = file_stamp(Path(analysis.article.path))
                    write_analysis(conn, analysis, ord_=ord_, stamp=stamp, fingerprint=fingerprint)
        current = revision((a.article.id, a.article.content_hash, fingerprint) for a in analyses)
        dumps = {a.article.path for a in analyses if is_dump(a.article.path)}
        with db.transaction(conn):  # as a full read of each dump would leave them
            save_notes(conn, {p: (*file_stamp(Path(p)), []) for p in dumps})
        _merge(conn, current)
    finally:
        conn.close()
    return db_path


# ---------------------------------------------------------------------------------------------
# Opening and checking the file


def _remove_store(db_path: Path) -> None:
    try:
        db.remove_files(db_path)
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
        if db.meta_value(conn, "schema") is None:
            with db.transaction(conn):
                db.run_script(conn, SCHEMA)
                conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,)
                )
    except sqlite3.DatabaseError as err:
        raise StoreError(f"cannot open the index store {db_path}: {err}") from err
    return conn


def _check(db_path: Path) -> str | None:
    """Cheap checks (header, size against the page count, schema version); None when fine.

    A cache is never migrated: another layout means a rebuild.
    """
    problem = db.check_file(db_path)
    if problem:
        return problem
    try:
        conn = connect(db_path)
        try:
            version = db.meta_value(conn, "schema")
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return f"was damaged ({err})"
    if version != SCHEMA_VERSION:
        return f"had an older layout (schema {version})"
    return None


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
    dumps = DumpPlanner(conn, stored, settings, fingerprint) if any(f.dump for f in files) else None
    for found in files:
        article_id = found.id
        stamp = (found.size, found.mtime_ns if found.mtime_ns < racy_after else 0)
        if dumps is not None and found.dump:
            reused += dumps.plan(found, stamp, order, rows, refresh, skipped)
            continue
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
            article = read_single(
                found.path, article_id=article_id, max_bytes=settings.max_file_bytes
            )
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
    plan = _Plan(order, pending, refresh, removed, reused, skipped, rows)
    if dumps is not None:
        plan.dumps, plan.notes = dumps.pending, dumps.notes
    return plan


def _apply(conn: sqlite3.Connection, plan: _Plan) -> None:
    """Forget deleted articles and record moved stamps, in one transaction."""
    if not plan.removed and not plan.refresh and not plan.notes:
        return
    from .tables import delete_articles

    with db.transaction(conn):
        if plan.notes:
            save_notes(conn, plan.notes)
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
    tell: EventCallback,
) -> None:
    """Analyze pending articles (on this machine or a cluster), one transaction per batch; each
    article is reported once its batch is committed, so a killed run loses only the rest."""
    from ..events import Indexed

    stamps: dict[str, tuple[int, int]] = {}
    fields = FieldMap.parse(settings.fields)

    def articles() -> Iterator[Article]:
        queued = chain(plan.pending, pending_articles(plan.dumps, fields, settings.max_file_bytes))
        for article, stamp in queued:
            stamps[article.id] = stamp
            yield article

    total = plan.indexing
    done = 0
    for batch in _analysed_batches(articles(), total, settings, nlp, tell):
        with db.transaction(conn):
            for analysis in batch:
                article_id = analysis.article.id
                if article_id not in plan.order:  # a dump changed since it was planned
                    continue
                write_analysis(
                    conn, analysis, ord_=plan.order[article_id], stamp=stamps[article_id],
                    fingerprint=fingerprint,
                )
        for analysis in batch:
            done += 1
            tell(Indexed(done, total, analysis))
            if progress:
                progress(done, total, analysis.article.id)


def _analysed_batches(
    articles: Iterable[Article],
    total: int,
    settings: Settings,
    nlp: Language | None,
    tell: EventCallback,
) -> Iterator[list[ArticleAnalysis]]:
    """Batches of finished analyses: from a Dask cluster (`settings.cluster`), else from this
    machine's processes (`settings.jobs`; 0 picks a number from cores and free memory). On one
    process the first article comes alone, so a reader of a new folder can read it at once."""
    if settings.cluster and nlp is None:
        from .cluster import analyze_on_cluster

        yield from analyze_on_cluster(
            settings.cluster, settings.model, list(articles), batch_size=settings.batch_size
        )
        return
    from ..events import LoadingModel
    from ..pipeline.indexing import prepare_pipeline
    from ..pipeline.resources import resolve_jobs

    if nlp is None:
        from ..pipeline.nlp import describe_model, load_pipeline

        tell(LoadingModel(describe_model(settings.model).name, total))
        nlp, _info = load_pipeline(settings.model)
    prepare_pipeline(nlp)
    jobs = resolve_jobs(settings.jobs, total, settings.batch_size)
    batch: list[ArticleAnalysis] = []
    for number, analysis in enumerate(_first_alone(nlp, articles, settings, jobs)):
        batch.append(analysis)
        if number == 0 or len(batch) >= settings.batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _first_alone(
    nlp: Language, articles: Iterable[Article], settings: Settings, jobs: int
) -> Iterator[ArticleAnalysis]:
    """The first article on its own, then the rest in batches: spaCy hands back nothing before
    a whole batch is parsed, and a reader waiting on a new folder can read the first article
    while the others are indexed (one process only: a second pool would cost more). The
    articles may stream (rows of a dump): only one batch of them is held at a time."""
    from ..pipeline.indexing import analyze

    if jobs > 1:
        pending = list(articles)
        yield from analyze(nlp, pending, batch_size=settings.batch_size, n_process=jobs)
        return
    stream = iter(articles)
    first = next(stream, None)
    if first is None:
        return
    yield from analyze(nlp, [first], batch_size=1)
    yield from analyze(nlp, stream, batch_size=settings.batch_size)


def _merge(conn: sqlite3.Connection, current: str, walk: str | None = None) -> None:
    """Recompute the cross-article actors from stored mentions and persist them (no spaCy),
    with the walk's digest when the open may keep it (`_remember_walk`): one commit, not two,
    each costing a disk sync."""
    from ..pipeline.actors import merge_actors

    analyses = load_mentions(conn)
    actors, mapping = merge_actors(analyses, load_positions(conn))
    with db.transaction(conn):
        write_actors(conn, actors, mapping, analyses)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('revision', ?)", (current,))
        if walk is not None:
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('walk', ?)", (f"{current}:{walk}",))
