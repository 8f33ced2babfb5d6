"""The marks store: real SQLite files, restarts, re-indexed articles, two writers, damage."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from samples import MINISTERS

from newsdesk.core.errors import MarksError, NewsdeskError
from newsdesk.core.marks.mark_store import MARKS_FILE, MarkStore, locate
from newsdesk.core.pipeline.indexing import analyze, build_corpus, read_articles
from newsdesk.core.settings import Settings
from newsdesk.core.store.library import MemoryLibrary


@pytest.fixture
def marks_settings(tmp_path: Path) -> Settings:
    return Settings.from_env(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache")


@pytest.fixture
def marks_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ministers.txt").write_text(MINISTERS, encoding="utf-8")
    return folder


def library_of(nlp, folder: Path) -> MemoryLibrary:  # type: ignore[no-untyped-def]
    articles, _ = read_articles([folder])
    return MemoryLibrary(build_corpus(analyze(nlp, articles)))


def span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def test_marks_persist_across_restart(nlp, marks_settings: Settings, marks_corpus: Path) -> None:
    library = library_of(nlp, marks_corpus)
    detail = library.article("ministers")
    quote = next(q for q in detail.quotes if q.speaker == "Guo Shengkun")
    with MarkStore.open(marks_settings) as store:
        made = store.add_quote(detail.article, quote, note="lead quote")
        sentence = store.add(detail.article, *detail.sentences[-1], "sentence")
    assert (marks_settings.data_dir / MARKS_FILE).is_file()
    assert not (marks_settings.cache_dir / MARKS_FILE).exists()
    with MarkStore.open(marks_settings) as store:
        assert store.notices == []
        again = store.marks()
    assert again == [made, sentence]
    assert made.text == "We will protect the network together."
    assert made.kind == "quote" and made.quote == quote.id and made.quote_kind == "direct"
    assert made.speaker == "Guo Shengkun" and made.actor == "guo-shengkun"
    assert made.path == str((marks_corpus / "ministers.txt").resolve())
    assert made.content_hash == detail.article.content_hash and not made.detached
    assert sentence.text == detail.article.text[sentence.start : sentence.end]


def test_marks_database_is_wal(marks_settings: Settings) -> None:
    MarkStore.open(marks_settings).close()
    db = sqlite3.connect(marks_settings.data_dir / MARKS_FILE)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_marks_toggle_remove_and_restore(nlp, marks_settings: Settings, marks_corpus: Path) -> None:
    article = library_of(nlp, marks_corpus).article("ministers").article
    start, end = span_of(article.text, "The meeting ended without agreement.")
    with MarkStore.open(marks_settings) as store:
        first = store.toggle(article, start, end, "sentence")
        assert first.added and store.count_by_article() == {"ministers": 1}
        noted = store.set_note(first.mark.id, "  no deal  ")
        assert noted.note == "no deal" and noted.updated >= first.mark.updated
        assert [m.id for m in store.marks_at(article, start + 3)] == [first.mark.id]
        assert store.marks_at(article, end) == []
        second = store.toggle(article, start, end, "sentence")
        assert not second.added and second.mark == noted
        assert store.marks() == [] and store.count_by_article() == {}
        restored = store.restore(second.mark)
        assert restored == noted
    with MarkStore.open(marks_settings) as store:
        assert store.marks() == [noted]


def test_marks_refuse_bad_spans_and_ids(nlp, marks_settings: Settings, marks_corpus: Path) -> None:
    article = library_of(nlp, marks_corpus).article("ministers").article
    with MarkStore.open(marks_settings) as store:
        for start, end in ((5, 5), (-1, 3), (0, len(article.text) + 1)):
            with pytest.raises(MarksError):
                store.add(article, start, end)
        with pytest.raises(MarksError):
            store.set_note(999, "x")
        with pytest.raises(NewsdeskError):
            store.get(999)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_marks_reanchor_follows_moved_text(
    nlp, marks_settings: Settings, marks_corpus: Path
) -> None:
    library = library_of(nlp, marks_corpus)
    article = library.article("ministers").article
    with MarkStore.open(marks_settings) as store:
        exact = store.add(
            article, *span_of(article.text, "Officials will meet again in May."), "sentence"
        )
        spaced = store.add(
            article, *span_of(article.text, "not a right but a responsibility"), "selection"
        )
    file = marks_corpus / "ministers.txt"
    _edit(file, "Guo Shengkun, the", "A new opening paragraph was added.\n\nGuo Shengkun, the")
    _edit(file, "not a right but a", "not a right\nbut   a")
    changed = library_of(nlp, marks_corpus)
    new_article = changed.article("ministers").article
    assert new_article.content_hash != article.content_hash
    with MarkStore.open(marks_settings) as store:
        report = store.reanchor(changed)
        assert report.moved == 2 and report.detached == 0 and report.checked == 2
        by_id = {m.id: m for m in store.marks()}
    moved = by_id[exact.id]
    assert moved.start > exact.start and moved.content_hash == new_article.content_hash
    assert new_article.text[moved.start : moved.end] == exact.text
    respaced = by_id[spaced.id]
    assert " ".join(new_article.text[respaced.start : respaced.end].split()) == spaced.text
    with MarkStore.open(marks_settings) as store:
        assert store.reanchor(changed).moved == 0  # idempotent


def test_marks_reanchor_picks_the_occurrence_nearest_the_old_offset() -> None:
    text = "He said no. Later, he said no. Then he said no again."
    second = text.index("no.", 10)
    shifted = "Intro. " + text
    assert locate(shifted, "no.", second) == (second + 7, second + 10)
    assert locate("He  said\n no", "said no", 0) == (4, 12)
    assert locate("nothing here", "said no", 0) is None


def test_marks_detached_are_kept_and_come_back(
    nlp, marks_settings: Settings, marks_corpus: Path
) -> None:
    article = library_of(nlp, marks_corpus).article("ministers").article
    with MarkStore.open(marks_settings) as store:
        mark = store.add(
            article,
            *span_of(article.text, "The meeting ended without agreement."),
            "sentence",
            note="n",
        )
    file = marks_corpus / "ministers.txt"
    original = file.read_text(encoding="utf-8")
    _edit(file, "The meeting ended without agreement. ", "")
    with MarkStore.open(marks_settings) as store:
        changed = library_of(nlp, marks_corpus)
        report = store.reanchor(changed)
        assert report.detached == 1
        (kept,) = store.marks()
        assert kept.detached and kept.text == mark.text and kept.note == "n"
        assert store.count_by_article(changed) == {"ministers": 1}
        assert store.marks_for(changed) == [kept]  # listed in the marks view
        new_article = changed.article("ministers").article
        assert store.marks_at(new_article, kept.start) == []  # not highlighted anywhere
        assert store.spans(new_article) == []
    file.write_text(original, encoding="utf-8")
    with MarkStore.open(marks_settings) as store:
        report = store.reanchor(library_of(nlp, marks_corpus))
        assert report.reattached == 1
        (back,) = store.marks()
        assert not back.detached and (back.start, back.end) == (mark.start, mark.end)


def test_marks_of_another_corpus_with_the_same_id_are_left_alone(
    nlp, marks_settings: Settings, marks_corpus: Path, tmp_path: Path
) -> None:
    article = library_of(nlp, marks_corpus).article("ministers").article
    with MarkStore.open(marks_settings) as store:
        mark = store.add(article, *span_of(article.text, "Lu Wei said"), "selection")
    other = tmp_path / "other"
    other.mkdir()
    (other / "ministers.txt").write_text(
        "Another Story\n\nSomething else entirely happened.\n", encoding="utf-8"
    )
    with MarkStore.open(marks_settings) as store:
        assert store.reanchor(library_of(nlp, other)).checked == 0
        assert store.marks() == [mark]


def test_marks_follow_a_moved_folder(
    nlp, marks_settings: Settings, marks_corpus: Path, tmp_path: Path
) -> None:
    article = library_of(nlp, marks_corpus).article("ministers").article
    with MarkStore.open(marks_settings) as store:
        mark = store.add(article, *span_of(article.text, "Lu Wei said"), "selection")
    moved = marks_corpus.rename(tmp_path / "moved")
    with MarkStore.open(marks_settings) as store:
        store.reanchor(library_of(nlp, moved))
        (after,) = store.marks()
    assert after.path == str((moved / "ministers.txt").resolve()) and after.start == mark.start


WRITER = """
import sys, time
from pathlib import Path
from newsdesk.core.marks.mark_store import MarkStore
from newsdesk.core.models import Article
from newsdesk.core.settings import Settings
data, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
article = Article(name, "a.txt", "A", None, None, None, "x" * 1000, ((0, 1000),), "h")
store = MarkStore.open(Settings.from_env(data_dir=data))
(data / f"ready-{name}").touch()
while not (data / "go").exists():
    time.sleep(0.005)
for i in range(count):
    store.add(article, i, i + 1, "selection", note=f"{name}-{i}")
store.close()
"""


def test_marks_two_processes_writing_at_once_lose_nothing(marks_settings: Settings) -> None:
    import time

    MarkStore.open(marks_settings).close()
    data = marks_settings.data_dir
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(data), name, "100"])
        for name in ("one", "two")
    ]
    deadline = time.monotonic() + 60
    while not all((data / f"ready-{n}").exists() for n in ("one", "two")):
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs)
        time.sleep(0.01)
    (data / "go").touch()  # both open: their writes overlap
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    with MarkStore.open(marks_settings) as store:
        assert store.count_by_article() == {"one": 100, "two": 100}
        notes = {m.note for m in store.marks()}
    assert len(notes) == 200


def test_marks_threads_sharing_a_store_lose_nothing(marks_settings: Settings) -> None:
    from newsdesk.core.models import Article

    article = Article("t", "t.txt", "T", None, None, None, "y" * 500, ((0, 500),), "h")
    store = MarkStore.open(marks_settings)
    other = MarkStore.open(marks_settings)

    def work(target: MarkStore, offset: int) -> None:
        for i in range(100):
            target.add(article, offset + i, offset + i + 1)

    threads = [
        threading.Thread(target=work, args=(s, n * 100))
        for n, s in enumerate((store, store, other))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(store.marks()) == 300 and len({m.start for m in other.marks()}) == 300
    store.close()
    other.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_marks_corrupt_database_is_moved_aside(
    nlp, marks_settings: Settings, marks_corpus: Path, damage: str
) -> None:
    article = library_of(nlp, marks_corpus).article("ministers").article
    with MarkStore.open(marks_settings) as store:
        for i in range(40):
            store.add(article, i, i + 5, note="n" * 2000)
    db = marks_settings.data_dir / MARKS_FILE
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if damage == "garbage":
        db.write_bytes(b"this is not a database at all" * 100)
    else:
        data = db.read_bytes()
        db.write_bytes(data[:100] + b"\x00" * 50 + data[150 : len(data) // 2])
    damaged = db.read_bytes()
    with MarkStore.open(marks_settings) as store:
        (notice,) = store.notices
        assert store.marks() == []
        store.add(article, 0, 5)
    aside = [
        p
        for p in db.parent.iterdir()
        if p.name.startswith(f"{MARKS_FILE}.corrupt-") and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert str(aside[0]) in notice
    assert len(aside[0].name) == len(f"{MARKS_FILE}.corrupt-YYYYmmdd-HHMMSS")


def test_marks_from_a_newer_newsdesk_are_not_touched(marks_settings: Settings) -> None:
    MarkStore.open(marks_settings).close()
    db = marks_settings.data_dir / MARKS_FILE
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 99")
    before = db.read_bytes()
    with pytest.raises(MarksError, match="newer newsdesk"):
        MarkStore.open(marks_settings)
    assert db.read_bytes() == before
    assert [p.name for p in db.parent.iterdir() if "corrupt" in p.name] == []


def test_marks_unusable_data_dir_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(MarksError, match="marks folder"):
        MarkStore.open(Settings.from_env(data_dir=blocker / "data"))
    assert os.path.isfile(blocker)


def test_marks_toggle_at_cursor_marks_quote_then_sentence(
    nlp, marks_settings: Settings, marks_corpus: Path, tmp_path: Path
) -> None:
    library = library_of(nlp, marks_corpus)
    detail = library.article("ministers")
    text = detail.article.text
    with MarkStore.open(marks_settings) as store:
        in_quote = store.toggle_at(detail, text.index("protect"))
        assert in_quote is not None and in_quote.added
        assert in_quote.mark.kind == "quote" and in_quote.mark.speaker == "Guo Shengkun"
        in_sentence = store.toggle_at(detail, text.index("Officials will"))
        assert in_sentence is not None and in_sentence.mark.kind == "sentence"
        assert in_sentence.mark.text == "Officials will meet again in May."
        assert store.spans(detail.article) == [
            (m.start, m.end, "mark") for m in (in_quote.mark, in_sentence.mark)
        ]
        assert store.toggle_at(detail, text.index("\n\n")) is None  # between paragraphs
        undone = store.toggle_at(detail, text.index("network"))
        assert undone is not None and not undone.added and undone.mark == in_quote.mark
        assert store.count_by_article(library) == {"ministers": 1}
        other = tmp_path / "other"
        other.mkdir()
        (other / "ministers.txt").write_text("Other\n\nA different story.\n", encoding="utf-8")
        assert store.marks_for(library_of(nlp, other)) == []
        assert store.count_by_article(library_of(nlp, other)) == {}
        assert store.marks_for(library) == [in_sentence.mark]


KILLED_WRITER = """
import sys
from pathlib import Path
from newsdesk.core.marks.mark_store import MarkStore
from newsdesk.core.models import Article
from newsdesk.core.settings import Settings
article = Article("k", "k.txt", "K", None, None, None, "z" * 100000, ((0, 100000),), "h")
store = MarkStore.open(Settings.from_env(data_dir=Path(sys.argv[1])))
for i in range(100000):
    mark = store.add(article, i, i + 1, note="n" * 500)
    print(mark.id, flush=True)
"""


def test_marks_a_killed_writer_loses_no_committed_mark(marks_settings: Settings) -> None:
    import signal

    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(marks_settings.data_dir)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    committed = [int(proc.stdout.readline()) for _ in range(40)]
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    committed += [int(line) for line in proc.stdout.read().split()]
    with MarkStore.open(marks_settings) as store:
        assert store.notices == []
        ids = {m.id for m in store.marks("k")}
    assert set(committed) <= ids
    assert len(ids) - len(committed) <= 1  # at most the one committed as the kill came


def test_marks_reanchor_checks_text_even_when_hash_is_unchanged(
    nlp, marks_settings: Settings, marks_corpus: Path
) -> None:
    from dataclasses import replace

    library = library_of(nlp, marks_corpus)
    article = library.article("ministers").article
    with MarkStore.open(marks_settings) as store:
        mark = store.add(article, *span_of(article.text, "Officials will meet"), "selection")
        # As if a newer newsdesk cleaned the same bytes differently: same hash, shifted text.
        shifted = replace(article, text="Preface. " + article.text)
        corpus = library.corpus
        moved = MemoryLibrary(replace(corpus, articles=(shifted,)))
        assert store.reanchor(moved).moved == 1
        (after,) = store.marks()
    assert after.start == mark.start + len("Preface. ")


def test_marks_revision_sees_other_processes(marks_settings: Settings) -> None:
    from newsdesk.core.models import Article

    article = Article("r", "r.txt", "R", None, None, None, "some text here", ((0, 14),), "h")
    with MarkStore.open(marks_settings) as mine, MarkStore.open(marks_settings) as theirs:
        first = mine.revision()
        assert mine.revision() == first
        theirs.add(article, 0, 4)
        second = mine.revision()
        assert second != first
        mine.add(article, 5, 9)
        assert mine.revision() != second


RECOVERING_WRITER = """
import sys, time
from pathlib import Path
from newsdesk.core.marks.mark_store import MarkStore
from newsdesk.core.models import Article
from newsdesk.core.settings import Settings
data, name = Path(sys.argv[1]), sys.argv[2]
article = Article(name, "a.txt", "A", None, None, None, "x" * 100, ((0, 100),), "h")
(data / f"ready-{name}").touch()
while not (data / "go").exists():
    time.sleep(0.002)
store = MarkStore.open(Settings.from_env(data_dir=data))
for i in range(10):
    store.add(article, i, i + 1)
print(len(store.notices))
"""


def test_marks_two_processes_meeting_a_corrupt_database_move_it_once(
    marks_settings: Settings,
) -> None:
    import time

    data = marks_settings.data_dir
    data.mkdir(parents=True)
    (data / MARKS_FILE).write_bytes(b"not sqlite " * 400)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RECOVERING_WRITER, str(data), name],
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    deadline = time.monotonic() + 60
    while not all((data / f"ready-{n}").exists() for n in ("one", "two")):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    (data / "go").touch()
    outputs = [p.communicate(timeout=60)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert sorted(int(o) for o in outputs) == [0, 1]  # exactly one of them recovered
    aside = [p for p in data.iterdir() if ".corrupt-" in p.name]
    assert [p.read_bytes() for p in aside] == [b"not sqlite " * 400]
    with MarkStore.open(marks_settings) as store:
        assert store.count_by_article() == {"one": 10, "two": 10}


def test_marks_toggle_span_reads_the_kind_and_unmarks_covering_marks(
    nlp, marks_settings: Settings, marks_corpus: Path
) -> None:
    detail = library_of(nlp, marks_corpus).article("ministers")
    text = detail.article.text
    lu = next(q for q in detail.quotes if q.speaker == "Lu Wei")
    last = detail.sentences[-1]
    paragraph = detail.article.paragraphs[2]
    with MarkStore.open(marks_settings) as store:
        quote = store.toggle_span(detail, lu.start, lu.end)
        assert quote.added and quote.mark.kind == "quote" and quote.mark.quote == lu.id
        sentence = store.toggle_span(detail, *last)
        assert sentence.added and sentence.mark.kind == "sentence"
        start = text.index("The meeting")
        selection = store.toggle_span(detail, start, start + len("The meeting ended"))
        assert selection.mark.kind == "selection"
        # m again inside a marked passage unmarks the shortest mark covering it
        again = store.toggle_span(detail, start, start + 3)
        assert not again.added and again.mark == selection.mark
        whole = store.toggle_span(detail, *paragraph)
        assert whole.added
        inner = store.toggle_span(detail, *last)
        assert not inner.added and inner.mark == sentence.mark
        assert {m.kind for m in store.marks()} == {"quote", "selection"}
