"""The index store on real SQLite files: reuse, changes, fingerprints, interruptions, damage."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from newsdesk.core.errors import NoArticles, PathNotFound
from newsdesk.core.models import Article, ArticleAnalysis, Mention, Quote
from newsdesk.core.settings import Settings
from newsdesk.core.store.fingerprint import store_path
from newsdesk.core.store.index_store import open_library, prime_store
from newsdesk.core.store.library import MemoryLibrary

DATA = Path(__file__).parent.parent / "data" / "store"


def _age(path: Path, seconds: float = 120.0) -> None:
    """Set a file's mtime in the past, so its stamp is trusted (not "racily clean")."""
    past = time.time() - seconds
    os.utime(path, (past, past))


@pytest.fixture
def store_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for source in sorted(DATA.glob("*.txt")):
        shutil.copy(source, folder / source.name)
        _age(folder / source.name)
    return folder


@pytest.fixture
def store_settings() -> Settings:
    return Settings.from_env(batch_size=2)


def test_store_fresh_open_indexes_then_warm_open_reuses(store_corpus, store_settings, nlp):
    seen: list[tuple[int, int, str]] = []
    first = open_library(
        [store_corpus], store_settings, nlp=nlp, progress=lambda *a: seen.append(a)
    )
    count = len(list(store_corpus.glob("*.txt")))
    assert (first.indexed, first.reused, first.removed) == (count, 0, 0)
    assert [done for done, _total, _id in seen] == list(range(1, count + 1))
    assert {total for _done, total, _id in seen} == {count}
    assert store_path([store_corpus], store_settings.cache_dir).is_file()

    second = open_library([store_corpus], store_settings, nlp=nlp)
    assert (second.indexed, second.reused, second.removed) == (0, count, 0)
    assert second.library.revision == first.library.revision
    assert [a.id for a in second.library.articles()] == [a.id for a in first.library.articles()]


def test_store_library_matches_memory_library(store_corpus, store_settings, nlp):
    from newsdesk.core.pipeline.indexing import analyze, build_corpus, read_articles

    opened = open_library([store_corpus], store_settings, nlp=nlp)
    articles, _skipped = read_articles([store_corpus])
    memory = MemoryLibrary(build_corpus(analyze(nlp, articles)))
    store = opened.library
    assert list(store.articles()) == list(memory.articles())
    assert list(store.actors()) == list(memory.actors())
    for summary in memory.articles():
        assert store.article(summary.id) == memory.article(summary.id)
        assert list(store.actors_in(summary.id)) == list(memory.actors_in(summary.id))
    ids = [actor.id for actor in memory.actors()]
    for actor_id in {i for i in ids if ids.count(i) == 1}:  # a duplicate id is the merge's bug
        actor = memory.actor(actor_id)
        assert store.actor(actor.id) == actor
        assert list(store.positions(actor.id)) == list(memory.positions(actor.id))
    with pytest.raises(KeyError):
        store.article("no-such-article")
    with pytest.raises(KeyError):
        store.actor("nobody-at-all")


def test_store_changed_deleted_and_added_articles(store_corpus, store_settings, nlp):
    first = open_library([store_corpus], store_settings, nlp=nlp)
    files = sorted(store_corpus.glob("*.txt"))
    changed, deleted = files[0], files[1]
    blocks = changed.read_text(encoding="utf-8").split("\n\n")
    # a new paragraph before the trailer
    blocks.insert(len(blocks) - 1, "Maria Fernandez visited Lisbon on Tuesday.")
    changed.write_text("\n\n".join(blocks), encoding="utf-8")
    _age(changed, 60)
    deleted.unlink()
    added = store_corpus / "added-article.txt"
    added.write_text(
        "A new story\n\nKlaus Berger flew to Oslo to meet Ingrid Solberg.\n", encoding="utf-8"
    )
    _age(added, 60)

    second = open_library([store_corpus], store_settings, nlp=nlp)
    assert (second.indexed, second.reused, second.removed) == (2, len(files) - 2, 1)
    assert second.library.revision != first.library.revision
    ids = [a.id for a in second.library.articles()]
    assert deleted.stem not in ids
    assert ids == sorted(ids)  # corpus order is file order, new articles included
    assert "Maria Fernandez" in second.library.article(changed.stem).article.text
    names = {actor.name for actor in second.library.actors()}
    assert {"Klaus Berger", "Oslo"} <= names
    third = open_library([store_corpus], store_settings, nlp=nlp)
    assert (third.indexed, third.reused, third.removed) == (0, len(files), 0)


def test_store_warm_open_of_the_same_walk_compares_one_digest(
    store_corpus, store_settings, nlp, monkeypatch
):
    first = open_library([store_corpus], store_settings, nlp=nlp)
    from newsdesk.core.store import index_store

    def refuse(*_args: object) -> None:
        raise AssertionError("compared the rows although the walk was the same")

    with monkeypatch.context() as patched:
        patched.setattr(index_store, "_plan", refuse)
        warm = open_library([store_corpus], store_settings, nlp=nlp)
    count = len(first.library.articles())
    assert (warm.indexed, warm.reused, warm.removed) == (0, count, 0)
    assert warm.library.revision == first.library.revision
    assert list(warm.library.articles()) == list(first.library.articles())
    # A file too fresh to trust its stamp: the rows are compared (and the bytes hashed).
    fresh = sorted(store_corpus.glob("*.txt"))[0]
    os.utime(fresh)
    with monkeypatch.context() as patched:
        patched.setattr(index_store, "_plan", refuse)
        with pytest.raises(AssertionError, match="compared the rows"):
            open_library([store_corpus], store_settings, nlp=nlp)


def test_store_walk_digest_is_dropped_when_an_open_stops_halfway(
    store_corpus, store_settings, nlp
):
    """An open that dies after moving rows leaves no digest: the same walk as before must
    not vouch for rows that have changed since."""
    first = open_library([store_corpus], store_settings, nlp=nlp)
    added = store_corpus / "added-article.txt"
    added.write_text("A new story\n\nKlaus Berger flew to Oslo.\n", encoding="utf-8")
    _age(added, 60)

    def stop(done: int, _total: int, _article_id: str) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        open_library([store_corpus], store_settings, nlp=nlp, progress=stop)
    added.unlink()  # the folder walks as it did for the first open; the store does not
    again = open_library([store_corpus], store_settings, nlp=nlp)
    assert again.removed == 1
    assert [a.id for a in again.library.articles()] == [a.id for a in first.library.articles()]
    assert again.library.revision == first.library.revision


def test_store_indexing_open_commits_only_its_schema_batches_and_merge(
    store_corpus, store_settings, nlp, monkeypatch
):
    """Each commit waits for a disk sync: a first open commits the schema, each batch (the first
    article alone), and the merge with the walk's digest, and nothing else; the warm open that
    follows trusts that digest."""
    import sqlite3
    from collections.abc import Iterator
    from contextlib import contextmanager

    from newsdesk.core import db

    commits: list[str] = []
    real = db.transaction

    @contextmanager
    def counted(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        with real(conn) as inside:
            yield inside
        commits.append("commit")

    monkeypatch.setattr(db, "transaction", counted)
    first = open_library([store_corpus], store_settings, nlp=nlp)
    count = len(first.library.articles())
    batches = 1 + -(-(count - 1) // store_settings.batch_size)
    assert len(commits) == 1 + batches + 1
    commits.clear()
    warm = open_library([store_corpus], store_settings, nlp=nlp)
    assert (warm.indexed, warm.reused, commits) == (0, count, [])


def test_store_skipped_file_is_reported_on_every_warm_open(store_corpus, store_settings, nlp):
    empty = store_corpus / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    _age(empty)
    for _ in range(3):
        opened = open_library([store_corpus], store_settings, nlp=nlp)
        assert [s.path for s in opened.skipped] == [str(empty)]


def test_store_touched_but_unchanged_file_is_reused(store_corpus, store_settings, nlp):
    open_library([store_corpus], store_settings, nlp=nlp)
    touched = sorted(store_corpus.glob("*.txt"))[0]
    _age(touched, 30)  # a new mtime, the same bytes: hashed, not re-analyzed
    again = open_library([store_corpus], store_settings, nlp=nlp)
    assert again.indexed == 0


def test_store_fingerprint_change_reindexes_everything(
    store_corpus, store_settings, nlp, monkeypatch
):
    first = open_library([store_corpus], store_settings, nlp=nlp)
    import newsdesk.core

    monkeypatch.setattr(newsdesk.core, "EXTRACTION_VERSION", "test-bump")
    second = open_library([store_corpus], store_settings, nlp=nlp)
    assert (second.indexed, second.reused) == (first.indexed, 0)
    assert second.library.revision != first.library.revision
    third = open_library([store_corpus], store_settings, nlp=nlp)
    assert third.indexed == 0


def test_store_interrupted_run_continues(store_corpus, store_settings, nlp):
    total = len(list(store_corpus.glob("*.txt")))

    def stop_after_two(done: int, _total: int, _article_id: str) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        open_library([store_corpus], store_settings, nlp=nlp, progress=stop_after_two)
    # progress counts committed articles (the first comes alone, then batches of two): the two
    # reported, and the rest of their batch, were kept
    resumed = open_library([store_corpus], store_settings, nlp=nlp)
    assert resumed.reused >= 2 and resumed.indexed + resumed.reused == total
    assert len(resumed.library.articles()) == total
    assert resumed.library.actors()


def test_store_warm_open_does_not_merge_again(store_corpus, store_settings, nlp, monkeypatch):
    open_library([store_corpus], store_settings, nlp=nlp)
    import newsdesk.core.pipeline.actors

    def refuse(*_args: object) -> None:
        raise AssertionError("merge_actors ran on a warm open")

    monkeypatch.setattr(newsdesk.core.pipeline.actors, "merge_actors", refuse)
    warm = open_library([store_corpus], store_settings, nlp=nlp)
    assert warm.library.actors()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty-file"])
def test_store_corrupt_file_is_rebuilt_with_notice(store_corpus, store_settings, nlp, damage):
    first = open_library([store_corpus], store_settings, nlp=nlp)
    db = store_path([store_corpus], store_settings.cache_dir)
    data = db.read_bytes()
    if damage == "garbage":
        db.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        db.write_bytes(data[: len(data) // 2])
    else:
        db.write_bytes(b"")
    rebuilt = open_library([store_corpus], store_settings, nlp=nlp)
    assert rebuilt.indexed == first.indexed
    if damage != "empty-file":  # an empty file is a valid, empty SQLite database
        assert any("rebuilt" in notice for notice in rebuilt.notices)
    assert len(rebuilt.library.articles()) == first.indexed


def test_store_damaged_page_is_rebuilt_with_notice(store_corpus, store_settings, nlp):
    first = open_library([store_corpus], store_settings, nlp=nlp)
    db = store_path([store_corpus], store_settings.cache_dir)
    data = bytearray(db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):  # every page but the header page
        data[page * page_size : page * page_size + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    rebuilt = open_library([store_corpus], store_settings, nlp=nlp)
    assert rebuilt.indexed == first.indexed
    assert any("rebuilt" in notice for notice in rebuilt.notices)


def test_store_reindex_rebuilds(store_corpus, store_settings, nlp):
    first = open_library([store_corpus], store_settings, nlp=nlp)
    again = open_library([store_corpus], store_settings, nlp=nlp, reindex=True)
    assert (again.indexed, again.reused) == (first.indexed, 0)


def test_store_missing_path_and_empty_folder(tmp_path, store_settings, nlp):
    with pytest.raises(PathNotFound):
        open_library([tmp_path / "nope"], store_settings, nlp=nlp)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("   \n", encoding="utf-8")
    with pytest.raises(NoArticles):
        open_library([empty], store_settings, nlp=nlp)


def test_store_one_file_per_corpus_keyed_by_resolved_paths(
    store_corpus, store_settings, nlp, tmp_path
):
    open_library([store_corpus], store_settings, nlp=nlp)
    spelled = tmp_path / "articles" / ".." / "articles"
    cache = store_settings.cache_dir
    assert store_path([spelled], cache) == store_path([store_corpus], cache)
    other = tmp_path / "other"
    shutil.copytree(store_corpus, other)
    assert store_path([other], cache) != store_path([store_corpus], cache)
    warm = open_library([spelled], store_settings, nlp=nlp)
    assert warm.indexed == 0


def test_store_primed_quotes_are_linked_to_actors(tmp_path, store_settings):
    folder = tmp_path / "primed"
    folder.mkdir()
    text = "Ana Silva said the plan would work. Ana Silva met Paul Weber in Berlin."
    path = folder / "one.txt"
    path.write_text(f"Title\n\n{text}\n", encoding="utf-8")
    _age(path)
    from newsdesk.core.pipeline.text import read_article

    article = read_article(path, article_id="one")
    assert article.text == text
    mentions = (
        Mention("one", 0, 9, "Ana Silva", "PERSON", "Ana Silva"),
        Mention("one", 36, 45, "Ana Silva", "PERSON", "Ana Silva"),
        Mention("one", 50, 60, "Paul Weber", "PERSON", "Paul Weber"),
        Mention("one", 64, 70, "Berlin", "GPE", "Berlin"),
    )
    quote = Quote(
        "one:q0", "one", "the plan would work", 15, 34, "indirect", "said", 10, 14,
        "Ana Silva", 0, 9, speaker_key="Ana Silva", via="the report",
    )
    analysis = ArticleAnalysis(article, mentions, (quote,), ((0, 35), (36, 71)))
    prime_store([folder], store_settings, [analysis])
    opened = open_library([folder], store_settings)  # warm: no pipeline needed
    assert opened.indexed == 0
    detail = opened.library.article("one")
    assert detail.quotes[0] == replace(quote, actor="ana-silva")
    assert [q.id for q in opened.library.positions("ana-silva")] == ["one:q0"]
    assert opened.library.actors_in("one")[0] == "ana-silva"
    summary = {a.id: a for a in opened.library.actors()}["ana-silva"]
    assert (summary.mention_count, summary.quote_count) == (2, 1)
    assert isinstance(detail.article, Article)


def test_store_warm_open_does_not_import_spacy(store_corpus, store_settings, nlp):
    open_library([store_corpus], store_settings, nlp=nlp)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from newsdesk.core.settings import Settings\n"
        "from newsdesk.core.store.index_store import open_library\n"
        f"opened = open_library([Path({str(store_corpus)!r})], Settings.from_env())\n"
        "lib = opened.library\n"
        "first = lib.articles()[0].id\n"
        "lib.article(first); [lib.actor(a.id) for a in lib.actors()[:3]]\n"
        "print(opened.indexed, 'spacy' in sys.modules, 'textual' in sys.modules)\n"
    )
    env = dict(os.environ)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.split() == ["0", "False", "False"], result.stderr


def test_store_scan_ids_of_all_stems_at_once_equal_each_alone():
    from newsdesk.core.pipeline.scan import _article_id, _article_ids

    stems = ["ﬁle", "\u0301accent", "e\u0301t\u00e9", "--a--", "!!!", "Ünïcode name", "x\u0308",
             "\u0308", "a/b", "Ｆｕｌｌｗｉｄｔｈ", "日本語", "tab\there", "", "-", "ok.name"]
    assert _article_ids(stems) == [_article_id(s) for s in stems]
    assert _article_ids([]) == []


def test_store_scan_finds_articles_ids_and_skips(tmp_path):
    from newsdesk.core.pipeline.scan import scan

    root = tmp_path / "tree"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    for name in ("a/story.txt", "b/story.txt", "b/deep/Story.TXT", "b/notes.md", "top.markdown",
                 "data.xlsx", "README", "odd.", ".secret.txt", ".hidden/x.txt", "b/deep/z.txt"):
        (root / name).write_text("Title\n\nSome body text.\n", encoding="utf-8")
    (root / "link.txt").symlink_to(root / "a" / "story.txt")
    (root / "broken.txt").symlink_to(root / "missing.txt")
    (root / "b" / "loop").symlink_to(root / "b")
    single = tmp_path / "single.txt"
    single.write_text("Title\n\nBody.\n", encoding="utf-8")
    files, skipped = scan([root, single, root / "a" / "story.txt"])
    # Each real file once (a link and its target are one article; the loop is walked once),
    # hidden files and README left alone, ids from file names made unique.
    assert [(f.id, str(Path(f.path).relative_to(tmp_path))) for f in files] == [
        ("link", "tree/link.txt"),
        ("top", "tree/top.markdown"),
        ("notes", "tree/b/notes.md"),
        ("story", "tree/b/story.txt"),
        ("Story", "tree/b/deep/Story.TXT"),
        ("z", "tree/b/deep/z.txt"),
        ("single", "single.txt"),
    ]
    assert sorted((Path(s.path).name, s.reason) for s in skipped) == [
        ("broken.txt", "broken symbolic link"),
        ("data.xlsx", "not an article file (.xlsx)"),
        ("odd.", "not an article file (no suffix)"),
    ]
    assert all(f.size > 0 and f.mtime_ns > 0 for f in files)


@pytest.mark.slow
def test_store_killed_process_leaves_a_consistent_store(store_corpus, store_settings, nlp):
    """SIGKILL in the middle of indexing (batches of one): the next open keeps what was done."""
    script = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from newsdesk.core.settings import Settings\n"
        "from newsdesk.core.store.index_store import open_library\n"
        "def die(done, total, article_id):\n"
        "    if done == 3:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        f"open_library([Path({str(store_corpus)!r})], Settings.from_env(batch_size=1),"
        " progress=die)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == -9, result.stderr
    total = len(list(store_corpus.glob("*.txt")))
    resumed = open_library([store_corpus], store_settings, nlp=nlp)
    assert not resumed.notices
    assert (resumed.indexed, resumed.reused) == (total - 3, 3)


def test_store_unwritable_cache_falls_back_to_memory(store_corpus, tmp_path, nlp):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    settings = Settings.from_env(cache_dir=blocked / "cache")
    opened = open_library([store_corpus], settings, nlp=nlp)
    assert opened.indexed == len(list(store_corpus.glob("*.txt")))
    assert any("nothing is cached" in notice for notice in opened.notices)
    first = opened.library.articles()[0]
    assert opened.library.article(first.id).article.text


def test_store_article_detail_hands_finished_spans_and_counts(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.core.store.library import MemoryLibrary, mention_counts

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Harbour plan\n\nMaria Lopez said the plan \u201cwill go ahead\u201d in Portsmouth. "
        "Lopez met Green Watch in Lisbon on Monday.\n",
        encoding="utf-8",
    )
    settings = Settings.from_env(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache")
    opened = open_library([folder], settings, nlp=nlp)
    stored = opened.library.article("one")
    memory = MemoryLibrary(opened.library.corpus()).article("one")  # type: ignore[attr-defined]
    assert stored.spans == memory.spans and stored.actor_counts == memory.actor_counts
    text = stored.article.text
    kinds = {(text[s.start:s.end], s.kind) for s in stored.spans}
    assert ("Maria Lopez", "person") in kinds and ("said", "cue") in kinds
    assert any(k == "quote" and "will go ahead" in t for t, k in kinds)
    assert list(stored.actor_counts) == list(opened.library.actors_in("one"))
    assert stored.actor_counts == mention_counts(stored.mentions, stored.actor_of)
    linked = sum(m.key in stored.actor_of for m in stored.mentions)
    assert sum(stored.actor_counts.values()) == linked
def test_open_library_tells_each_step_and_article(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.core.events import Indexed, Linking, Scanned, Scanning
    from newsdesk.core.settings import Settings
    from newsdesk.core.store.index_store import open_library

    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(
            f"Story {i}\n\nAna Ruiz said the dam in Lisbon needs repairs number {i}.\n",
            encoding="utf-8")
    heard: list[object] = []
    settings = Settings.from_env(cache_dir=tmp_path / "cache")
    open_library([folder], settings, nlp=nlp, events=heard.append)
    kinds = [type(e) for e in heard]
    assert kinds == [Scanning, Scanned, Indexed, Indexed, Indexed, Linking]
    assert heard[1] == Scanned(3)
    indexed = [e for e in heard if isinstance(e, Indexed)]
    assert [(e.done, e.total) for e in indexed] == [(1, 3), (2, 3), (3, 3)]
    assert sorted(e.analysis.article.id for e in indexed) == ["a0", "a1", "a2"]
    heard.clear()
    open_library([folder], settings, nlp=nlp, events=heard.append)  # warm: nothing to index
    assert [type(e) for e in heard] == [Scanning, Scanned]


def test_store_open_stored_shows_the_last_finished_open_without_a_walk(
    store_corpus, store_settings, nlp, monkeypatch
):  # type: ignore[no-untyped-def]
    from newsdesk.core.store import index_store
    from newsdesk.core.store.index_store import open_stored

    assert open_stored([store_corpus], store_settings) is None  # nothing indexed yet
    first = open_library([store_corpus], store_settings, nlp=nlp).library
    import newsdesk.core.pipeline.scan as scan

    def no_walk(*args: object, **kwargs: object) -> None:
        raise AssertionError("walked the folder")

    monkeypatch.setattr(scan, "scan", no_walk)
    monkeypatch.setattr(scan, "walk", no_walk)
    shown = open_stored([store_corpus], store_settings)
    assert shown is not None and shown.revision == first.revision
    assert [a.id for a in shown.articles()] == [a.id for a in first.articles()]
    assert [a.id for a in shown.actors()] == [a.id for a in first.actors()]
    monkeypatch.undo()
    # Another pipeline indexed it: nothing to show until the folder is indexed again.
    monkeypatch.setattr(index_store, "pipeline_fingerprint", lambda model: "another-model")
    assert open_stored([store_corpus], store_settings) is None
    monkeypatch.undo()
    # After a change the stored library is the old revision; the next open moves it on.
    victim = sorted(store_corpus.glob("*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n\nOne more line.", encoding="utf-8")
    _age(victim)
    before = open_stored([store_corpus], store_settings)
    assert before is not None and before.revision == first.revision
    second = open_library([store_corpus], store_settings, nlp=nlp).library
    after = open_stored([store_corpus], store_settings)
    assert after is not None and after.revision == second.revision != first.revision


def test_store_merge_reads_a_state_story_as_memory_does(tmp_path, store_settings, nlp):
    """A story headlined on a state whose text says "federal" names the nation's bodies: the
    store's merge (from stored mentions) reads that word as the merge in memory does, so a
    "Senate" named alone joins the same actor in both."""
    from newsdesk.core.pipeline.indexing import analyze, build_corpus, read_articles

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-state.txt").write_text(
        "Ohio farmers wait for a vote\n\nFarmers in Ohio asked for federal help on Monday. "
        "The Senate will vote on the aid bill next week, said Dana Pell of the farm bureau.\n",
        encoding="utf-8",
    )
    (folder / "b-nation.txt").write_text(
        "Aid bill advances\n\nThe United States Senate passed the farm aid bill on Friday. "
        "Senator Mara Quill said the United States Senate had acted quickly.\n",
        encoding="utf-8",
    )
    for path in folder.iterdir():
        _age(path)
    store = open_library([folder], store_settings, nlp=nlp).library
    articles, _skipped = read_articles([folder])
    memory = MemoryLibrary(build_corpus(analyze(nlp, articles)))
    assert [(a.id, a.name) for a in store.actors()] == [(a.id, a.name) for a in memory.actors()]
    senate = [a for a in memory.actors() if a.name == "United States Senate"]
    assert senate and "a-state" in {m.article for m in memory.actor(senate[0].id).mentions}
