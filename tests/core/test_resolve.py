"""Resolving a typed actor or article name: exact first, then the search matcher, never a guess."""

from __future__ import annotations

from pathlib import Path

import pytest
from samples import MINISTERS

from newsdesk.core.models import ActorSummary
from newsdesk.core.pipeline.indexing import analyze, build_corpus, read_articles
from newsdesk.core.resolve import (
    NoMatch,
    SeveralMatches,
    match_actors,
    resolve_actor,
    resolve_article,
)
from newsdesk.core.search.query import open_search
from newsdesk.core.store.library import MemoryLibrary

SPEAKER = """Speaker Elected as Congress Opens

Thursday, January 3, 2019

Nancy Pelosi was elected Speaker of the House on Thursday. Pelosi said: "We will work for
every family." Nancy Drew, a teacher from Ohio, watched the vote from the gallery.
"""

SPEAKER_AGAIN = """Speaker Elected as Congress Opens Again

Friday, January 3, 2020

The House met again on Friday. Nancy Pelosi said the session would be long.
"""


@pytest.fixture(scope="module")
def resolve_library(nlp, tmp_path_factory: pytest.TempPathFactory) -> MemoryLibrary:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("resolve") / "corpus"
    folder.mkdir()
    for name, text in (("ministers", MINISTERS), ("speaker", SPEAKER), ("again", SPEAKER_AGAIN)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    articles, _ = read_articles([folder])
    return MemoryLibrary(build_corpus(analyze(nlp, articles)))


def actor_named(library: MemoryLibrary, name: str):  # type: ignore[no-untyped-def]
    (actor,) = [a for a in library.actors() if a.name == name]
    return actor


@pytest.mark.parametrize(
    ("query", "name", "how"),
    [
        ("Nancy Pelosi", "Nancy Pelosi", "name"),
        ("nancy pelosi", "Nancy Pelosi", "name"),
        ("Nancy Pelosy", "Nancy Pelosi", "search"),  # a typo, as `newsdesk search` forgives it
        ("pelosi nancy", "Nancy Pelosi", "search"),  # word order
        ("Guo Shengkn", "Guo Shengkun", "search"),
        ("SHENGKUN", "Guo Shengkun", "search"),  # one word of the name
        ("lu wei", "Lu Wei", "name"),
    ],
)
def test_resolve_actor_by_name_typo_or_part(resolve_library, query, name, how) -> None:  # type: ignore[no-untyped-def]
    resolved = resolve_actor(resolve_library, query)
    assert resolved.item.name == name and resolved.how == how
    assert resolved.exact == (how != "search")
    if how == "search":
        assert resolved.score >= 85


def test_resolve_actor_by_id_and_alias(resolve_library) -> None:  # type: ignore[no-untyped-def]
    for actor in resolve_library.actors():
        found = resolve_actor(resolve_library, actor.id.upper())
        assert found.item == actor and found.how == "id"
    with_alias = [a for a in resolve_library.actors() if a.aliases]
    assert with_alias
    for actor in with_alias:
        for alias in actor.aliases:
            assert resolve_actor(resolve_library, alias).item == actor


def test_resolve_actor_several_equal_matches_are_listed(resolve_library) -> None:  # type: ignore[no-untyped-def]
    pelosi = actor_named(resolve_library, "Nancy Pelosi")
    drew = actor_named(resolve_library, "Nancy Drew")
    with pytest.raises(SeveralMatches) as caught:
        resolve_actor(resolve_library, "Nancy")
    assert caught.value.exit_status == 2
    assert len(caught.value.candidates) == 2
    message = str(caught.value)
    assert "\n" not in message
    for actor in (pelosi, drew):
        assert actor.name in message and actor.id in message


@pytest.mark.parametrize("query", ["Zzyzx Qwertyuiop", "   "])
def test_resolve_actor_nothing_matches(resolve_library, query) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NoMatch) as caught:
        resolve_actor(resolve_library, query)
    assert caught.value.exit_status == 2


def test_resolve_actor_a_weak_match_is_only_named_as_nearest(resolve_library) -> None:  # type: ignore[no-untyped-def]
    index = open_search(resolve_library)
    (hit,) = index.search("Pelosiana", kinds=("actor",)).hits  # a close word, not a typo
    assert hit.score < 85
    with pytest.raises(NoMatch, match="nearest: Nancy Pelosi"):
        resolve_actor(resolve_library, "Pelosiana", lambda: index)


def test_resolve_actor_opens_the_search_only_when_no_exact_match(resolve_library) -> None:  # type: ignore[no-untyped-def]
    opened: list[int] = []

    def opener():  # type: ignore[no-untyped-def]
        opened.append(1)
        return open_search(resolve_library)

    assert resolve_actor(resolve_library, "Nancy Pelosi", opener).how == "name"
    assert opened == []
    assert resolve_actor(resolve_library, "Nancy Pelosy", opener).item.name == "Nancy Pelosi"
    assert opened == [1]


def test_resolve_article_by_id_path_and_title(resolve_library, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    speaker = next(a for a in resolve_library.articles() if a.id == "speaker")
    assert resolve_article(resolve_library, "speaker").how == "id"
    path = Path(speaker.path)
    monkeypatch.chdir(path.parent.parent)
    roundabout = Path(path.parent.name) / ".." / path.parent.name / path.name
    found = resolve_article(resolve_library, str(roundabout))
    assert found.item == speaker and found.how == "path"
    found = resolve_article(resolve_library, "speaker elected as congress opens")
    assert found.item == speaker and found.how == "title"


def test_resolve_article_typo_prefers_the_title_it_covers_whole(resolve_library) -> None:  # type: ignore[no-untyped-def]
    # Both titles hold every word; only one holds nothing else.
    found = resolve_article(resolve_library, "Speakr Elected as Congres Opens")
    assert found.item.id == "speaker" and found.how == "search"
    found = resolve_article(resolve_library, "Speakr Elected as Congres Opens Agian")
    assert found.item.id == "again"


def test_resolve_article_several_or_none(resolve_library) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SeveralMatches) as caught:
        resolve_article(resolve_library, "congress opens")
    ids = {line.rsplit("id ", 1)[1].rstrip(")") for line in caught.value.candidates}
    assert {"speaker", "again"} <= ids
    with pytest.raises(NoMatch):
        resolve_article(resolve_library, "missing")
    with pytest.raises(NoMatch):
        resolve_article(resolve_library, "")


# -- hidden actors and the explorer's picker --------------------------------------------------

PICKER = [
    ActorSummary("guo-shengkun", "Guo Shengkun", "person", None, ("Guo",), 4, 1, 2),
    ActorSummary("yanukovych", "Viktor Yanukovych", "person", None, (), 1, 1, 0),
    ActorSummary("brett-mcgurk", "Brett McGurk", "person", None, (), 2, 1, 0),
    ActorSummary("rob-bartlett", "Rob Bartlett", "person", None, (), 1, 1, 0),
]


def test_resolve_actor_finds_hidden_actors_only_when_given(resolve_library) -> None:  # type: ignore[no-untyped-def]
    hidden = PICKER[3]
    with pytest.raises(NoMatch):
        resolve_actor(resolve_library, "rob-bartlett")  # not listed: only search could help
    assert resolve_actor(resolve_library, "Rob Bartlett", extra=[hidden]).item == hidden


@pytest.mark.parametrize(
    ("query", "first"),
    [("bartlett", "rob-bartlett"), ("Yanukovich", "yanukovych"), ("shengkn", "guo-shengkun"),
     ("Bartl", "rob-bartlett")],
)
def test_resolve_match_actors_ranks_the_closer_match_first(query: str, first: str) -> None:
    assert [a.id for a in match_actors(PICKER, query)][0] == first
