"""An actor's record: roles, timeline by period, positions by date, JSON shape."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from newsdesk.core.analysis.record import (
    build_record,
    granularity_for,
    period_of,
    record_json,
    record_relations,
    sparkline,
)
from newsdesk.core.store.library import MemoryLibrary


def _days(*offsets: int) -> list[str]:
    start = date(2019, 1, 1)
    return [(start + timedelta(days=n)).isoformat() for n in offsets]


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (_days(0), "day"),
        (_days(0, 60), "day"),
        (_days(0, 61), "week"),
        (_days(0, 700), "week"),
        (_days(0, 800), "month"),
        ([], "day"),
    ],
)
def test_record_granularity_follows_the_span_of_dates(dates: list[str], expected: str) -> None:
    assert granularity_for(dates) == expected


def test_record_period_labels() -> None:
    assert period_of("2019-03-04", "day") == "2019-03-04"
    assert period_of("2019-03-04", "week") == "2019-W10"
    assert period_of("2019-03-04", "month") == "2019-03"
    assert period_of(None, "week") is None
    assert period_of("not a date", "month") is None


def test_record_sparkline_keeps_zero_apart() -> None:
    assert sparkline([0, 1, 8]) == "▁▂█"
    assert sparkline([0, 0]) == "▁▁"
    assert sparkline([]) == ""


def test_record_timeline_counts_mentions_and_positions(
    summit_library: MemoryLibrary,
) -> None:
    hale = next(a for a in summit_library.actors() if a.name == "Victor Hale")
    record = build_record(summit_library, hale.id)
    assert record.granularity == "day"  # March 4 to March 21
    dated = [p for p in record.timeline if p.period]
    assert dated[0].period == "2019-03-04" and dated[-1].period == "2019-03-21"
    assert len(dated) == 18  # empty days are kept, so a chart shows the gaps
    assert record.timeline[-1].period is None  # the undated note, apart
    assert record.timeline[-1].positions >= 1
    assert sum(p.mentions for p in record.timeline) == len(summit_library.actor(hale.id).mentions)
    assert sum(p.positions for p in record.timeline) == len(record.positions)


def test_record_positions_sorted_by_date_undated_last(
    summit_library: MemoryLibrary,
) -> None:
    hale = next(a for a in summit_library.actors() if a.name == "Victor Hale")
    rows = build_record(summit_library, hale.id).position_rows()
    dates = [row.date for row in rows]
    assert dates[-1] is None
    assert [d for d in dates if d] == sorted(d for d in dates if d)


def test_record_json_shape(summit_library: MemoryLibrary) -> None:
    lopez = next(a for a in summit_library.actors() if a.name == "Maria Lopez")
    record = build_record(summit_library, lopez.id)
    data = record_json(record, record_relations(summit_library, record))
    assert {
        "id",
        "name",
        "type",
        "aliases",
        "roles",
        "articles",
        "timeline",
        "positions",
        "relations",
    } <= set(data)
    assert {"role": "Trade Minister of Spain", "article": "summit"} in data["roles"]
    assert all(set(p) == {"period", "mentions", "positions"} for p in data["timeline"])
    assert all(
        set(p) == {"quote", "article", "date", "kind", "cue", "text"} for p in data["positions"]
    )
    assert any(r["target"] == "Angela Novak" for r in data["relations"])


def test_record_of_an_unknown_actor_is_a_key_error(
    summit_library: MemoryLibrary,
) -> None:
    with pytest.raises(KeyError):
        build_record(summit_library, "person:nobody")


def _summit_store(nlp, tmp_path):  # type: ignore[no-untyped-def]
    """Three articles (two dated, one undated) in an index store: (library, analyses)."""
    from samples import SUMMIT, SUMMIT_FOLLOWUP, UNDATED_NOTE

    from newsdesk.core.pipeline.indexing import analyze, read_articles
    from newsdesk.core.settings import Settings
    from newsdesk.core.store.index_store import open_library, prime_store

    folder = tmp_path / "summit"
    folder.mkdir()
    for name, text in (("summit", SUMMIT), ("talks", SUMMIT_FOLLOWUP), ("note", UNDATED_NOTE)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    articles, _ = read_articles([folder])
    analyses = list(analyze(nlp, articles))
    settings = Settings.from_env(cache_dir=tmp_path / "cache")
    prime_store([folder], settings, analyses)
    return open_library([folder], settings).library, analyses


def test_record_from_the_store_outline_matches_the_whole_actor(
    nlp, tmp_path, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    """The store's outline (counts per article, position keys read a page at a time) gives
    the record the whole actor gives."""
    import newsdesk.core.analysis.record as record_module
    from newsdesk.core.pipeline.indexing import build_corpus
    from newsdesk.core.store.sqlite_library import StoreLibrary

    library, analyses = _summit_store(nlp, tmp_path)
    base = getattr(library, "base", library)
    assert isinstance(base, StoreLibrary)
    memory = MemoryLibrary(build_corpus(analyses))
    monkeypatch.setattr(record_module, "POSITION_PAGE", 1)  # every row its own page
    for actor in memory.actors():
        from_store = build_record(library, actor.id)
        assert isinstance(from_store.positions, record_module.PagedPositions)
        whole = build_record(memory, actor.id)
        assert record_json(from_store, []) == record_json(whole, []), actor.name
        assert list(from_store.positions) == list(whole.positions)


def test_record_outline_is_read_from_indexes_only(nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Outlining an actor never reads the wide article, quote or mention rows: every query
    is an index search (a prolific actor's record costs index entries, not rows)."""
    from newsdesk.core.store.sqlite_library import StoreLibrary

    library, _analyses = _summit_store(nlp, tmp_path)
    base = getattr(library, "base", library)
    assert isinstance(base, StoreLibrary)
    base.articles()  # as the explorer does first: the article places come with the list
    actors = [a.id for a in base.actors()]
    statements: list[str] = []
    base._conn.set_trace_callback(statements.append)
    try:
        outlines = [base.actor_outline(actor) for actor in actors]
        keys = [list(o.positions) for o in outlines]  # read an article at a time, or at once
    finally:
        base._conn.set_trace_callback(None)
    assert any(o.roles for o in outlines) and any(keys)
    assert [len(k) for k in keys] == [len(o.positions) for o in outlines]
    assert statements and not any("FROM articles" in sql for sql in statements)
    for sql in set(statements):
        plan = [row[3] for row in base._conn.execute("EXPLAIN QUERY PLAN " + sql)
                if not row[3].startswith("USE TEMP B-TREE")]  # sorting what was found
        assert plan, sql
        for step in plan:  # "SEARCH q USING COVERING INDEX quotes_by_speaker (article=?)"
            table = step.split()[1]
            assert step.startswith("SEARCH") and table not in ("a", "articles"), (sql, step)
            if table in ("q", "quotes", "m", "mentions"):  # the wide rows: indexes only
                assert "COVERING INDEX" in step or "mentions_with_role" in step, (sql, step)


def test_record_outline_is_asked_only_for_actors_no_correction_touched(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Over a store that can outline, a corrected library hands out the outline for untouched
    actors (quotes read as corrected) and counts a renamed one itself."""
    from collections import Counter

    from corrections_corpus import analyses, desk_for

    from newsdesk.core.analysis.record import PagedPositions
    from newsdesk.core.models import ActorOutline
    from newsdesk.core.pipeline.indexing import build_corpus

    asked: list[str] = []

    class Outlined(MemoryLibrary):
        """A memory library answering as a store does (keys are (article, seq))."""

        def actor_outline(self, actor_id: str) -> ActorOutline:
            asked.append(actor_id)
            actor = self.actor(actor_id)
            dates = dict(self.article_dates())
            keys = [
                (q.article, [x.id for x in self.article(q.article).quotes].index(q.id))
                for q in self.positions(actor_id)
            ]
            return ActorOutline(
                actor.id, actor.name, actor.type, actor.aliases, (), actor.articles,
                {a: dates[a] for a in {*actor.articles, *(k[0] for k in keys)}},
                dict(Counter(m.article for m in actor.mentions)), keys,
            )

        def quotes_at(self, actor_id: str, keys: list[tuple[str, int]]) -> list:  # type: ignore[type-arg]
            from dataclasses import replace

            return [replace(self.article(a).quotes[n], actor=actor_id) for a, n in keys]

    desk = desk_for(Outlined(build_corpus(analyses())), tmp_path / "corrections.sqlite")
    lib = desk.library
    ids = {a.name: a.id for a in lib.actors()}
    tony, watch = ids["Tony Mendez"], ids["Green Watch"]
    [said] = lib.positions(watch)
    desk.quote_kind(said.id, "direct")
    desk.rename(tony, "Antonio Mendez")
    record = build_record(lib, watch)
    assert watch in asked and isinstance(record.positions, PagedPositions)
    assert [q.kind for q in record.positions] == ["direct"]  # read as corrected
    asked.clear()
    renamed = build_record(lib, tony)
    assert tony not in asked and renamed.name == "Antonio Mendez"


def test_record_position_keys_read_only_the_articles_a_slice_covers() -> None:
    """The store's lazy position keys: lengths from the counts, an article's keys read when a
    slice first reaches it, and many articles in one read."""
    from newsdesk.core.store.sqlite_library import PositionKeys

    stored = {"b": [("b", 4), ("b", 1)], "a": [("a", 0)], "c": [("c", 2), ("c", 3), ("c", 9)]}
    reads: list[list[str]] = []

    def read(articles):  # type: ignore[no-untyped-def]
        reads.append(list(articles))
        return {article: stored[article] for article in articles}

    keys = PositionKeys([("b", 2), ("a", 1), ("c", 3)], read)
    assert len(keys) == 6 and not reads
    assert keys[0:2] == [("b", 4), ("b", 1)] and reads == [["b"]]
    assert keys[1:4] == [("b", 1), ("a", 0), ("c", 2)] and reads == [["b"], ["a", "c"]]
    assert keys[-1] == ("c", 9) and keys[5] == ("c", 9) and len(reads) == 2
    assert list(keys) == [k for article in "bac" for k in stored[article]]
    assert keys[4:4] == [] and keys[::2] == [("b", 4), ("a", 0), ("c", 3)]
    with pytest.raises(IndexError):
        keys[6]
