"""Dumps in the index store: unchanged dumps are not parsed again, rows keep their identity."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from newsdesk.core.settings import Settings
from newsdesk.core.store.index_store import open_library


def _age(path: Path, seconds: float = 120.0) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past))


def _rows(numbers: list[int]) -> list[dict[str, object]]:
    return [
        {
            "id": f"r{n}",
            "headline": f"Council vote {n}",
            "author": f"Reporter {n}",
            "publish_date": f"2020-01-{n + 1:02d}",
            "source": "Town Crier",
            "body": f'The council voted on plan {n} on Monday.\n"We will build it," '
            f"Mayor Ana Silva said of plan {n}.",
        }
        for n in numbers
    ]


def _dump(folder: Path, rows: list[dict[str, object]], name: str = "town.jsonl") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken\n", encoding="utf-8")
    _age(path)
    return path


@pytest.fixture
def settings() -> Settings:
    return Settings.from_env(batch_size=4)


def test_store_dumps_warm_open_of_unchanged_dump_reads_no_row(tmp_path, settings, nlp, monkeypatch):
    folder = tmp_path / "c"
    _dump(folder, _rows(list(range(6))))
    first = open_library([folder], settings, nlp=nlp)
    assert (first.indexed, first.reused) == (6, 0)
    assert [s.reason.split(":")[0] for s in first.skipped] == [
        "row 7",
        "1 of 7 rows skipped, 6 read",
    ]

    import newsdesk.core.pipeline.readers.dumps as dumps

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("an unchanged dump was read again")

    monkeypatch.setattr(dumps, "_rows", refuse)
    warm = open_library([folder], settings)
    assert (warm.indexed, warm.reused) == (0, 6)
    assert [s.reason for s in warm.skipped] == [s.reason for s in first.skipped]
    rows = warm.library.articles()
    assert [r.id for r in rows] == [f"town#r{n}" for n in range(6)]
    assert (rows[2].title, rows[2].date, rows[2].author, rows[2].source) == (
        "Council vote 2",
        "2020-01-03",
        "Reporter 2",
        "Town Crier",
    )
    detail = warm.library.article("town#r2")
    assert detail.article.author == "Reporter 2" and detail.quotes


def test_store_dumps_rows_added_removed_reordered_keep_their_analyses(tmp_path, settings, nlp):
    folder = tmp_path / "c"
    path = _dump(folder, _rows([0, 1, 2, 3, 4]))
    first = open_library([folder], settings, nlp=nlp)
    before = {r.id: r for r in first.library.articles()}
    hashes = {i: first.library.article(i).article.content_hash for i in before}

    _dump(folder, _rows([4, 9, 0, 2]))  # 1 and 3 removed, 9 added, the rest reordered
    os.utime(path, (time.time() - 60, time.time() - 60))
    second = open_library([folder], settings, nlp=nlp)
    assert (second.indexed, second.reused, second.removed) == (1, 3, 2)
    rows = second.library.articles()
    assert [r.id for r in rows] == ["town#r4", "town#r9", "town#r0", "town#r2"]
    for article_id in ("town#r4", "town#r0", "town#r2"):
        assert second.library.article(article_id).article.content_hash == hashes[article_id]
    third = open_library([folder], settings)
    assert (third.indexed, third.reused) == (0, 4)


def test_store_dumps_fields_are_part_of_the_fingerprint(tmp_path, nlp):
    folder = tmp_path / "c"
    _dump(folder, _rows([0, 1]))
    plain = Settings.from_env(batch_size=4)
    open_library([folder], plain, nlp=nlp)
    chosen = Settings.from_env(batch_size=4, fields="title=source")
    again = open_library([folder], chosen, nlp=nlp)
    assert again.indexed == 2
    assert {r.title for r in again.library.articles()} == {"Town Crier"}
    assert open_library([folder], chosen).indexed == 0


def test_store_dumps_mixed_folder_of_every_format(tmp_path, settings, nlp):
    import gzip
    import shutil

    pages = Path(__file__).parent.parent / "data" / "pages"
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(pages / "alexei-leonov.html", folder)
    (folder / "wire.csv").write_text(
        'title,text,url\nStorm,"The storm hit the coast, officials said.",https://x.example/1\n',
        encoding="utf-8",
    )
    (folder / "feed.jsonl.gz").write_bytes(gzip.compress(json.dumps(_rows([0])[0]).encode()))
    (folder / "note.txt").write_text("A note\n\nThe mayor said it was fine.\n", encoding="utf-8")
    for p in folder.iterdir():
        _age(p)
    opened = open_library([folder], settings, nlp=nlp)
    assert sorted(r.id for r in opened.library.articles()) == [
        "alexei-leonov",
        "feed#r0",
        "note",
        "wire#x.example-1",
    ]
    page = opened.library.article("alexei-leonov").article
    assert (page.source, page.date) == ("Wikinews", "2019-10-12")


def test_store_dumps_marks_stay_on_their_rows_when_rows_move(tmp_path, settings, nlp):
    from newsdesk.core.marks.mark_store import MarkStore

    folder = tmp_path / "c"
    path = _dump(folder, _rows([0, 1, 2, 3]))
    first = open_library([folder], settings, nlp=nlp)
    detail = first.library.article("town#r2")
    quote = detail.quotes[0]
    with MarkStore.open(settings) as marks:
        marks.add_quote(detail.article, quote, note="plan 2")

    _dump(folder, [*_rows([9]), *_rows([3, 2, 0])])  # 1 removed, 9 added in front, reordered
    os.utime(path, (time.time() - 60, time.time() - 60))
    second = open_library([folder], settings, nlp=nlp)
    with MarkStore.open(settings) as marks:
        report = marks.reanchor(second.library)
        (mark,) = marks.marks()
    assert report.detached == 0 and mark.article == "town#r2" and not mark.detached
    article = second.library.article("town#r2").article
    assert article.text[mark.start : mark.end] == mark.text and "plan 2" in article.text
