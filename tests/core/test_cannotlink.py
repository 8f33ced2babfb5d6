"""The cannot-link guard: full names that never make one actor, whatever bridge links them."""

from __future__ import annotations

import pytest

from newsdesk.core.models import Article, ArticleAnalysis, Mention
from newsdesk.core.pipeline.actors import merge_actors
from newsdesk.core.pipeline.cannotlink import GuardedUnionFind, Name, NameKind, incompatible
from newsdesk.core.pipeline.kinds import name_fold


def _name(text: str, kind: NameKind) -> Name:
    return (name_fold(text, kind == "place"), kind)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # people: one surname, two given names that are not one name
        (("Corwin Altmark", "person"), ("Delia Altmark", "person")),
        (("Osric Tavel", "person"), ("Ruth Ilse Tavel", "person")),
        (("Mehmet Ali Tosunoglu", "person"), ("Ibrahim Tosunoglu", "person")),
        # people: one given name, two surnames
        (("Tonio Marek", "person"), ("Tonio Brill", "person")),
        # a place and a thing its name begins
        (("Verlin", "place"), ("Verlin Dam", "place")),
        (("Verlin", "place"), ("Verlin Nuclear Power Plant", "place")),
        (("Georgia", "place"), ("Georgia Solidarity Campaign", "other")),
        (("New York", "place"), ("New York City", "place")),
        (("United States", "place"), ("United States Senate", "other")),
        # two expansions of one short name
        (("Verlin City", "place"), ("Verlin Strip", "place")),
        (("Verlin Prefecture", "place"), ("Verlin Daiichi Plant", "place")),
        (("Brask Prize in Physics", "other"), ("Brask Prize in Literature", "other")),
        (
            ("American Broadcasting Company", "other"),
            ("Australian Broadcasting Corporation", "other"),
        ),
        (("National Progress Congress", "other"), ("United States Congress", "other")),
        (("Capitol Hill", "other"), ("United States Capitol", "other")),
        # a body and its branch in a state or a nation, or two levels' bodies
        (("Iowa Progress Party", "other"), ("Progress Party", "other")),
        (("Scottish Reform", "other"), ("Reform Party", "other")),
        (("Scottish Liberal Progressives", "other"), ("Liberal Progressives", "other")),
        (("Welsh Liberal Progressives", "other"), ("Scottish Liberal Progressives", "other")),
        (("Alabama Senate", "other"), ("United States Senate", "other")),
        (("Scottish Parliament", "other"), ("Parliament of the United Kingdom", "other")),
    ],
)
def test_cannotlink_incompatible_names(a: tuple[str, NameKind], b: tuple[str, NameKind]) -> None:
    assert incompatible(_name(*a), _name(*b))
    assert incompatible(_name(*b), _name(*a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one person under an initial, a short form, a nickname, a middle name, a spelling
        (("Corwin Altmark", "person"), ("C. Altmark", "person")),
        (("Alexander Brisk", "person"), ("Alex Brisk", "person")),
        (("Edward Brisk", "person"), ("Ted Brisk", "person")),
        (("Ruth Ilse Tavel", "person"), ("Ilse Tavel", "person")),
        (("Mohammed Qasir", "person"), ("Muhammad Qasir", "person")),
        (("Nouri al-Qasir", "person"), ("al-Qasir", "person")),
        (("Shirla Helps", "person"), ("Shirla Helps-Roper", "person")),
        (("Anna Kowalczyk", "person"), ("Anna Kowalczik", "person")),
        # one place or body under a fuller name
        (("Verlin", "place"), ("Verlin Strip", "place")),
        (("Verlin", "place"), ("Verlin Islands", "place")),
        (("Bradley Airport", "place"), ("Bradley International Airport", "place")),
        (("Harwick", "other"), ("Harwick University", "other")),
        (("Acme", "other"), ("Acme Corporation", "other")),
        (
            ("Environmental Protection Agency", "other"),
            ("US Environmental Protection Agency", "other"),
        ),
        (("UN Security Council", "other"), ("United Nations Security Council", "other")),
        (("United States", "place"), ("United States of America", "place")),
        # a word alone is a short form, left to the rules of short forms and scopes
        (("Department", "other"), ("United States Department of Justice", "other")),
        (("Church", "other"), ("Scientology", "other")),
        (("Senate", "other"), ("Ohio Senate", "other")),
        (("Channel", "other"), ("English Channel", "other")),
        (("Scottish Liberal Progressives", "other"), ("Liberal Progressives of Scotland", "other")),
        # a person and a body are left to the kind rules
        (("Corwin Altmark", "person"), ("Altmark Foundation", "other")),
    ],
)
def test_cannotlink_compatible_names(a: tuple[str, NameKind], b: tuple[str, NameKind]) -> None:
    assert not incompatible(_name(*a), _name(*b))
    assert not incompatible(_name(*b), _name(*a))


def test_cannotlink_a_bridge_joins_one_of_two_incompatible_sets() -> None:
    """A bare surname fits both namesakes: it joins the first, and the second cannot follow it
    into the same set, so the two never become one."""
    sets: GuardedUnionFind[str] = GuardedUnionFind(["corwin", "delia", "bare"])
    sets.name("corwin", [_name("Corwin Altmark", "person")])
    sets.name("delia", [_name("Delia Altmark", "person")])
    assert sets.union("bare", "corwin")
    assert not sets.union("delia", "bare")
    assert sets.find("delia") != sets.find("corwin")
    assert sets.apart("delia", "corwin")


def test_cannotlink_names_follow_their_set() -> None:
    """A union carries its names to the joined set: a third set incompatible with either side
    is refused by the whole."""
    sets: GuardedUnionFind[str] = GuardedUnionFind(["dam", "plant", "town", "lake"])
    sets.name("dam", [_name("Verlin Dam", "place")])
    sets.name("plant", [_name("Verlin Power Plant", "place")])
    sets.name("town", [_name("Verlin", "place")])
    assert not sets.union("dam", "plant")  # two expansions of "Verlin"
    assert not sets.union("town", "dam")  # the town is not its dam
    sets.name("lake", [_name("Verlin Lake", "place")])
    assert sets.union("lake", "town")  # the town's area under a fuller name
    assert not sets.union("plant", "lake")  # the joined set keeps the town's name
    assert sets.find("plant") == "plant"


def test_cannotlink_join_anyway_overrides_the_names() -> None:
    """A rule that reads the article's context may join what the names alone keep apart."""
    sets: GuardedUnionFind[int] = GuardedUnionFind([0, 1])
    sets.name(0, [_name("Verlin", "place")])
    sets.name(1, [_name("Verlin Records", "place")])
    assert not sets.union(0, 1)
    assert sets.join_anyway(0, 1)
    assert sets.find(0) == sets.find(1)


def _article(aid: str, *mentions: tuple[str, str, str]) -> ArticleAnalysis:
    art = Article(aid, f"{aid}.txt", aid, None, None, None, "", (), "h")
    out = tuple(
        Mention(aid, i * 100, i * 100 + len(text), text, label, key=key)
        for i, (text, label, key) in enumerate(mentions)
    )
    return ArticleAnalysis(art, out, (), ())


def test_cannotlink_merge_keeps_a_place_from_the_dam_named_after_it() -> None:
    """One story joined a bare "Verlin" to the "Verlin Dam" it names; another story's town of
    Verlin is not that dam, though the bare word is the dam's short form somewhere."""
    actors, mapping = merge_actors(
        [
            _article("a", ("Verlin Dam", "FAC", "Verlin Dam"), ("Verlin", "FAC", "Verlin Dam")),
            _article("b", *[("Verlin", "GPE", "Verlin")] * 3),
        ]
    )
    assert mapping[("a", "Verlin Dam")] != mapping[("b", "Verlin")]


def test_cannotlink_merge_keeps_a_state_branch_from_its_party() -> None:
    """A bare party word joins the party; a state's branch named in another story stays apart,
    whichever of the two the bare word could name."""
    actors, mapping = merge_actors(
        [
            _article("a", ("Iowa Progress Party", "ORG", "Iowa Progress Party")),
            _article(
                "b",
                ("Progress Party", "ORG", "Progress Party"),
                ("Iowa Progress Party", "ORG", "Progress Party"),
            ),
        ]
    )
    assert mapping[("a", "Iowa Progress Party")] != mapping[("b", "Progress Party")]


def test_cannotlink_explain_merges_lists_a_refused_union() -> None:
    """The merge explained shows the union the guard refused, with the rule that asked for it."""
    from newsdesk.core.pipeline.actors import explain_merges

    _actors, _mapping, joins = explain_merges(
        [
            _article("a", ("Verlin Dam", "FAC", "Verlin Dam"), ("Verlin", "FAC", "Verlin Dam")),
            _article("b", *[("Verlin", "GPE", "Verlin")] * 3),
        ]
    )
    assert [j.rule for j in joins] == ["refused short_forms"]
