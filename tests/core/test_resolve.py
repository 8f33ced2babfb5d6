"""Which actor a typed name means: one, or a refusal listing the candidates."""

from __future__ import annotations

import pytest

from newsdesk.core.library import ActorSummary, MemoryLibrary
from newsdesk.core.models import Corpus
from newsdesk.core.resolve import ActorNotResolved, match_actors, resolve_actor

ACTORS = [
    ActorSummary("guo-shengkun", "Guo Shengkun", "person", None, ("Guo",), 4, 1, 2),
    ActorSummary("lu-wei", "Lu Wei", "person", None, (), 2, 1, 1),
    ActorSummary("yanukovych", "Viktor Yanukovych", "person", None, (), 1, 1, 0),
    ActorSummary("brett-mcgurk", "Brett McGurk", "person", None, (), 2, 1, 0),
    ActorSummary("rob-bartlett", "Rob Bartlett", "person", None, (), 1, 1, 0),
]


class _Library(MemoryLibrary):
    def __init__(self) -> None:
        super().__init__(Corpus((), (), ()))

    def actors(self):  # type: ignore[no-untyped-def]
        return ACTORS


@pytest.mark.parametrize(
    ("query", "expected"),
    [("lu-wei", "lu-wei"), ("Guo Shengkun", "guo-shengkun"), ("GUO", "guo-shengkun"),
     ("Yanukovich", "yanukovych"), ("shengkn", "guo-shengkun"), ("Bartl", "rob-bartlett")],
)
def test_resolve_one_actor(query: str, expected: str) -> None:
    assert resolve_actor(_Library(), query).id == expected


def test_resolve_refuses_several_and_none() -> None:
    with pytest.raises(ActorNotResolved, match="several actors"):
        resolve_actor(_Library(), "b")  # Brett, Bartlett
    with pytest.raises(ActorNotResolved, match="no actor matches"):
        resolve_actor(_Library(), "Nobody Here")


def test_resolve_match_actors_ranks_the_closer_match_first() -> None:
    assert [a.id for a in match_actors(ACTORS, "bartlett")][0] == "rob-bartlett"
