"""A marks database written by an earlier newsdesk opens with every mark (user data is kept)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from newsdesk.core.marks.mark_store import MarkStore
from newsdesk.core.settings import Settings

FIXTURE = Path(__file__).parent.parent / "data" / "marks" / "marks-v1.sqlite"


def test_marks_fixture_from_schema_1_opens_with_every_mark(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "marks.sqlite"
    db_path.parent.mkdir()
    shutil.copyfile(FIXTURE, db_path)
    with sqlite3.connect(FIXTURE) as raw:
        stored = raw.execute('SELECT id, text, kind, note, detached FROM marks').fetchall()
    settings = Settings.from_env(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache")

    with MarkStore.open(settings) as store:
        assert store.notices == []
        marks = {m.id: m for m in store.marks()}

    assert len(stored) == 5
    assert {(m.id, m.text, m.kind, m.note, int(m.detached)) for m in marks.values()} == set(stored)
    quote = marks[1]
    assert (quote.kind, quote.quote, quote.quote_kind) == ("quote", "reyes:q1", "direct")
    assert (quote.speaker, quote.actor) == ("Ana Reyes", "ana-reyes")
    assert (quote.start, quote.end, quote.content_hash) == (34, 53, "h2")
    assert marks[2].kind == "position"
    assert marks[3].note == "[b]not markup[/b] \x1b]52;c;aGk=\x07"
    assert marks[4].detached and marks[4].text == "A paragraph that will be edited away"
    assert not marks[5].detached and marks[5].created.endswith("Z")


def test_marks_fixture_from_schema_1_takes_new_marks_after_opening(tmp_path: Path) -> None:
    db_path = tmp_path / "marks.sqlite"
    shutil.copyfile(FIXTURE, db_path)
    settings = Settings.from_env(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache")

    with MarkStore.open(settings, path=db_path) as store:
        mark = store.set_note(5, "kept")
        assert mark.note == "kept"
        store.remove(1)
    with MarkStore.open(settings, path=db_path) as store:
        assert sorted(m.id for m in store.marks()) == [2, 3, 4, 5]
        assert store.get(5).note == "kept"
