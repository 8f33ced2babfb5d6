"""Corrections of actors and quotes: applied after the merge, kept, undone, re-anchored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from corrections_corpus import desk_for, library
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.core.corrections import CorrectedLibrary, Correction, CorrectionStore
from newsdesk.core.corrections.desk import CorrectionDesk
from newsdesk.core.errors import CorrectionError
from newsdesk.core.store.library import Library


def by_name(lib: Library) -> dict[str, str]:
    return {a.name: a.id for a in lib.actors()}


def snapshot(lib: Library) -> Any:
    """Everything a view can read, in one comparable value."""
    actors = list(lib.actors())
    return (
        actors,
        [lib.actor(a.id) for a in actors],
        [list(lib.positions(a.id)) for a in actors],
        list(lib.articles()),
        [lib.article(s.id) for s in lib.articles()],
        [list(lib.actors_in(s.id)) for s in lib.articles()],
    )


@pytest.fixture
def desk(tmp_path: Path) -> CorrectionDesk:
    return desk_for(library(), tmp_path / "corrections.sqlite")


def test_corrections_rename_keeps_id_and_old_name_findable(desk: CorrectionDesk) -> None:
    lib = desk.library
    tony = by_name(lib)["Tony Mendez"]
    record = desk.rename(tony, "Antonio Mendez", note="his full name")
    assert record.before == "Tony Mendez" and record.note == "his full name"
    actor = lib.actor(tony)
    assert actor.id == tony and actor.name == "Antonio Mendez"
    assert "Tony Mendez" in actor.aliases
    assert by_name(lib)["Antonio Mendez"] == tony
    assert lib.correction_for(tony) == record
    assert all(q.actor == tony for q in lib.positions(tony))


def test_corrections_merge_moves_mentions_positions_and_counts(desk: CorrectionDesk) -> None:
    lib = desk.library
    ids = by_name(lib)
    watch, green = ids["Watch"], ids["Green Watch"]
    before = {s.id: s.actor_count for s in lib.articles()}
    desk.merge(watch, green)
    assert watch not in by_name(lib).values()
    merged = lib.actor(watch)
    assert merged.id == green
    assert {m.text for m in merged.mentions} == {"Green Watch", "Watch"}
    assert "a3" in merged.articles
    assert lib.article("a3").actor_of["Watch"] == green
    assert {s.id: s.actor_count for s in lib.articles()} == before  # Watch became Green Watch
    with pytest.raises(CorrectionError, match="already one actor"):
        desk.merge(green, watch)


def test_corrections_split_one_mention_into_a_new_actor(desk: CorrectionDesk) -> None:
    lib = desk.library
    tony = by_name(lib)["Tony Mendez"]
    toni_at = lib.article("a1").article.text.index("Toni")
    record = desk.split_mention("a1", toni_at, note="a different person")
    toni = by_name(lib)["Toni"]
    assert toni != tony and [m.text for m in lib.actor(toni).mentions] == ["Toni"]
    assert "Toni" not in {m.text for m in lib.actor(tony).mentions}
    assert record.before == "Tony Mendez"
    assert lib.actor(toni).type == "person"
    # the quote by "Mendez" stays with Tony
    assert [q.text for q in lib.positions(tony)] == ["We will rebuild"]
    with pytest.raises(CorrectionError, match="already"):
        desk.split_mention("a1", toni_at)


def test_corrections_split_article_moves_its_quotes(desk: CorrectionDesk) -> None:
    lib = desk.library
    tony = by_name(lib)["Tony Mendez"]
    desk.split_article(tony, "a1")
    new = next(a for a in lib.actors() if a.id not in (tony,) and a.name == "Tony Mendez")
    assert new.id != tony
    assert set(lib.actor(new.id).articles) == {"a1"}
    assert set(lib.actor(tony).articles) == {"a2"}
    assert [q.text for q in lib.positions(new.id)] == ["We will rebuild"]
    assert lib.positions(tony) == []
    assert lib.article("a1").quotes[0].actor == new.id


def test_corrections_type_hide_unhide(desk: CorrectionDesk) -> None:
    lib = desk.library
    watch = by_name(lib)["Watch"]
    desk.set_type(watch, "group")
    assert lib.actor(watch).type == "group"
    with pytest.raises(CorrectionError, match="is already typed group"):
        desk.set_type(watch, "group")
    with pytest.raises(CorrectionError, match="unknown type"):
        desk.set_type(watch, "planet")
    desk.hide(watch)
    assert watch not in {a.id for a in lib.actors()}
    assert [a.id for a in lib.hidden_actors()] == [watch]
    assert "Watch" not in {m.text for m in lib.article("a3").mentions}
    desk.unhide(watch)
    assert watch in {a.id for a in lib.actors()}
    with pytest.raises(CorrectionError, match="not hidden"):
        desk.unhide(watch)


def test_corrections_quote_speaker_kind_hide_restore_add(desk: CorrectionDesk) -> None:
    lib = desk.library
    ids = by_name(lib)
    (quote,) = lib.article("a2").quotes
    desk.quote_speaker(quote.id, ids["Tony Mendez"])
    assert lib.article("a2").quotes[0].actor == ids["Tony Mendez"]
    assert lib.article("a2").quotes[0].speaker == "Tony Mendez"
    assert quote.id in [q.id for q in lib.positions(ids["Tony Mendez"])]
    assert lib.positions(ids["Green Watch"]) == []
    desk.quote_speaker(quote.id, text="a harbour official")
    assert lib.article("a2").quotes[0].speaker == "a harbour official"
    assert lib.article("a2").quotes[0].actor is None
    desk.quote_kind(quote.id, "stance")
    assert lib.article("a2").quotes[0].kind == "stance"
    desk.quote_hide(quote.id)
    assert lib.article("a2").quotes == ()
    assert next(s for s in lib.articles() if s.id == "a2").quote_count == 0
    desk.quote_restore(quote.id)
    assert lib.article("a2").quotes[0].id == quote.id
    text = lib.article("a2").article.text
    start = text.index("Tony Mendez disagreed")
    added = desk.quote_add(
        "a2",
        start,
        start + len("Tony Mendez disagreed"),
        actor_id=ids["Tony Mendez"],
        kind="stance",
    )
    new = [q for q in lib.article("a2").quotes if q.text == "Tony Mendez disagreed"]
    assert new and new[0].actor == ids["Tony Mendez"] and new[0].kind == "stance"
    assert added.verb == "quote.add"
    with pytest.raises(CorrectionError, match="already a quote"):
        desk.quote_add("a2", start, start + len("Tony Mendez disagreed"), text="someone")


def test_corrections_undo_refused_when_a_later_one_depends(desk: CorrectionDesk) -> None:
    lib = desk.library
    toni_at = lib.article("a1").article.text.index("Toni")
    split = desk.split_mention("a1", toni_at)
    toni = by_name(lib)["Toni"]
    rename = desk.rename(toni, "Toni Morrison")
    with pytest.raises(CorrectionError, match=f"correction {rename.id} .*depends on it"):
        desk.undo(split.id)
    desk.undo()  # the rename
    desk.undo(split.id)
    assert "Toni" not in by_name(lib)
    with pytest.raises(CorrectionError, match="nothing to undo"):
        desk.undo()
    desk.redo(split.id)
    desk.redo()
    assert "Toni Morrison" in by_name(lib)


def test_corrections_undo_restores_the_index_exactly(desk: CorrectionDesk) -> None:
    lib = desk.library
    before = snapshot(lib)
    ids = by_name(lib)
    desk.merge(ids["Watch"], ids["Green Watch"])
    desk.undo()
    assert snapshot(lib) == before


def test_corrections_are_kept_and_reapplied_on_reopen(tmp_path: Path) -> None:
    db = tmp_path / "corrections.sqlite"
    desk = desk_for(library(), db)
    desk.rename(by_name(desk.library)["Watch"], "The Watch Group")
    desk.store.close()
    again = desk_for(library(), db)
    assert "The Watch Group" in by_name(again.library)


def test_corrections_reanchor_after_an_edit_and_detach_when_gone(tmp_path: Path) -> None:
    db = tmp_path / "corrections.sqlite"
    desk = desk_for(library(), db)
    lib = desk.library
    toni_at = lib.article("a1").article.text.index("Toni")
    desk.split_mention("a1", toni_at)
    desk.rename(by_name(lib)["Maria Lopez"], "María López")
    desk.store.close()
    # a1 edited (everything moves), a3 left as it was
    edited = desk_for(library(prefix={"a1": "Updated Monday. "}), db)
    names = by_name(edited.library)
    assert "Toni" in names and "María López" in names
    assert edited.library.actor(names["Toni"]).mentions[0].start == toni_at + len(
        "Updated Monday. "
    )
    edited.store.close()
    # a3 gone: its rename is detached, kept and listed as such
    gone = desk_for(library(drop=("a3",)), db)
    statuses = {item.correction.verb: item.status for item in gone.listed()}
    assert statuses == {"actor.split": "applied", "actor.rename": "detached"}


def test_corrections_export_and_idempotent_import(tmp_path: Path) -> None:
    desk = desk_for(library(), tmp_path / "one.sqlite")
    ids = by_name(desk.library)
    desk.merge(ids["Watch"], ids["Green Watch"], note="same group")
    desk.rename(ids["Green Watch"], "Green Watch UK")
    exported = json.loads(json.dumps([item.correction.to_json() for item in desk.listed()]))
    other = desk_for(library(), tmp_path / "two.sqlite")
    records = [Correction.from_json(data) for data in exported]
    first = other.import_records(records)
    second = other.import_records(records)
    assert (first.added, first.already, first.refused) == (2, 0, ())
    assert (second.added, second.already) == (0, 2)
    assert snapshot(other.library) == snapshot(desk.library)


def test_corrections_corrupt_database_is_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "corrections.sqlite"
    db.write_bytes(b"not a database at all" * 100)
    store = CorrectionStore.open(None, path=db)  # type: ignore[arg-type]
    assert store.notices and "moved to" in store.notices[0]
    assert store.all() == []
    assert list(tmp_path.glob("corrections.sqlite.corrupt-*"))


# -- random sequences --------------------------------------------------------------------------

ops = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "rename",
                "merge",
                "split_mention",
                "split_article",
                "type",
                "hide",
                "unhide",
                "speaker",
                "kind",
                "qhide",
                "qrestore",
                "add",
                "undo",
                "redo",
                "reindex",
            ]
        ),
        st.integers(0, 20),
        st.integers(0, 20),
        st.integers(0, 4),
    ),
    max_size=12,
)


def _all_owned(lib: CorrectedLibrary) -> list[tuple[str, int, int]]:
    owned = []
    for summary in [*lib.actors(), *lib.hidden_actors()]:
        owned += [(m.article, m.start, m.end) for m in lib.actor(summary.id).mentions]
    return owned


def _check(lib: CorrectedLibrary) -> None:
    owned = _all_owned(lib)
    assert len(owned) == len(set(owned)), "a mention belongs to two actors"
    every = {
        (m.article, m.start, m.end)
        for s in lib.base.articles()
        for m in lib.base.article(s.id).mentions
    }
    assert set(owned) == every, "a mention belongs to no actor"
    for raw in lib.cast.redirect:  # no merge cycle: every chain ends
        lib.cast.canonical(raw)
    for summary in [*lib.actors(), *lib.hidden_actors()]:  # rows agree with the records
        actor = lib.actor(summary.id)
        assert summary.mention_count == len(actor.mentions)
        assert summary.article_count == len(actor.articles)
        assert summary.quote_count == len(lib.positions(summary.id))
        assert (summary.name, summary.type, summary.aliases) == (
            actor.name,
            actor.type,
            actor.aliases,
        )


def _apply(desk: CorrectionDesk, op: str, i: int, j: int, k: int) -> None:
    lib = desk.library
    actors = [*lib.actors(), *lib.hidden_actors()]
    actor = actors[i % len(actors)].id
    other = actors[j % len(actors)].id
    articles = [s.id for s in lib.articles()]
    article = articles[j % len(articles)]
    quotes = [q for s in articles for q in lib.article(s).quotes]
    hidden = sorted(lib.cast.quote_hidden)
    if op == "rename":
        desk.rename(actor, ["Tony", "Mendez", "The Group", "Lopez"][k % 4])
    elif op == "merge":
        desk.merge(actor, other)
    elif op == "split_mention":
        mentions = lib.actor(actor).mentions
        m = mentions[j % len(mentions)]
        desk.split_mention(m.article, m.start, into_id=other if k % 2 else None)
    elif op == "split_article":
        desk.split_article(actor, lib.actor(actor).articles[0], into_id=other if k % 2 else None)
    elif op == "type":
        desk.set_type(actor, ["person", "organization", "place", "group", "other"][k])
    elif op == "hide":
        desk.hide(actor)
    elif op == "unhide":
        desk.unhide(actor)
    elif op == "speaker" and quotes:
        q = quotes[i % len(quotes)]
        if k % 2:
            desk.quote_speaker(q.id, other)
        else:
            desk.quote_speaker(q.id, text="an official")
    elif op == "kind" and quotes:
        desk.quote_kind(
            quotes[i % len(quotes)].id, ["direct", "mixed", "indirect", "stance"][k % 4]
        )
    elif op == "qhide" and quotes:
        desk.quote_hide(quotes[i % len(quotes)].id)
    elif op == "qrestore" and hidden:
        desk.quote_restore(hidden[i % len(hidden)])
    elif op == "add":
        text = lib.article(article).article.text
        start = i % (len(text) - 10)
        desk.quote_add(article, start, start + 5 + k, actor_id=other)
    else:
        raise CorrectionError("nothing to do")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sequence=ops)
def test_corrections_random_sequences_keep_the_invariants(tmp_path: Path, sequence: Any) -> None:
    db = tmp_path / f"c{abs(hash(repr(sequence)))}.sqlite"
    db.unlink(missing_ok=True)
    desk = desk_for(library(), db)
    edits = 0
    try:
        for op, i, j, k in sequence:
            lib = desk.library
            if op == "reindex":
                edits += 1
                desk.store.close()
                desk = desk_for(library(prefix={"a1": "Edit. " * edits}), db)
                _check(desk.library)
                continue
            if op in ("undo", "redo"):
                try:
                    (desk.undo if op == "undo" else desk.redo)()
                except CorrectionError:
                    pass
                _check(lib)
                continue
            before = snapshot(lib)
            try:
                _apply(desk, op, i, j, k)
            except CorrectionError:
                assert snapshot(lib) == before  # a refused correction changes nothing
                continue
            _check(lib)
            after = snapshot(lib)
            desk.undo()
            assert snapshot(lib) == before
            desk.redo()
            assert snapshot(lib) == after
    finally:
        desk.store.close()


def test_corrections_core_imports_neither_textual_rich_nor_spacy() -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "import newsdesk.core.corrections, newsdesk.core.corrections.cast\n"
        "import newsdesk.core.resolve, newsdesk.core.pipeline.ids\n"
        "print(sorted(m for m in ('textual', 'rich', 'spacy') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
