"""Stable actor and quote ids: the same across re-indexing, new articles, renames and retypes."""

from __future__ import annotations

from newsdesk.core.models import Actor, Article, ArticleAnalysis, Mention, Quote
from newsdesk.core.pipeline.actors import merge_actors
from newsdesk.core.pipeline.ids import anchor_actor_ids, quote_id, with_quote_ids


def _analysis(
    aid: str, *mentions: tuple[str, str, str], role: str | None = None
) -> ArticleAnalysis:
    art = Article(aid, f"{aid}.txt", aid, None, None, None, "", (), f"hash-{aid}")
    out = tuple(
        Mention(aid, i * 100, i * 100 + len(text), text, label, key, role=role)
        for i, (text, label, key) in enumerate(mentions)
    )
    return ArticleAnalysis(art, out, (), ())


def test_ids_actor_id_survives_a_fuller_name_arriving() -> None:
    # one person named by a surname alone in two stories: the same title says so (a word alone
    # in two stories is two people otherwise, see test_actors)
    before = [
        _analysis("a", ("Putin", "PERSON", "Putin"), role="President"),
        _analysis("b", ("Putin", "PERSON", "Putin"), role="President"),
    ]
    (old,), _ = merge_actors(before)
    after = [
        *before,
        *(_analysis(a, ("Vladimir Putin", "PERSON", "Vladimir Putin")) for a in ("c", "d")),
    ]
    (new,), mapping = merge_actors(after)
    assert new.name == "Vladimir Putin" and old.name == "Putin"
    assert new.id == old.id
    assert set(mapping.values()) == {new.id}


def test_ids_actor_id_carries_no_type() -> None:
    as_org, _ = merge_actors([_analysis("a", ("Green Watch", "ORG", "Green Watch"))])
    as_person, _ = merge_actors([_analysis("a", ("Green Watch", "PERSON", "Green Watch"))])
    assert as_org[0].type != as_person[0].type
    assert as_org[0].id == as_person[0].id


def test_ids_actor_ids_unique_when_slugs_collide() -> None:
    # "the times" and "times" fold apart but slug alike (a leading "the-" is dropped).
    actors = [
        Actor("one", "The Times", "organization", (), None, ()),
        Actor("two", "Times", "person", (), None, ()),
    ]
    mapping = {("a", "The Times"): "one", ("b", "Times"): "two"}
    renamed, relabelled = anchor_actor_ids(actors, mapping)
    ids = [a.id for a in renamed]
    assert sorted(ids) == ["times", "times-2"]
    assert relabelled == {("a", "The Times"): ids[0], ("b", "Times"): ids[1]}


def test_ids_quote_id_from_content_and_span() -> None:
    quote = Quote("x:q0", "x", "we will", 10, 17, "direct", None, None, None, None)
    (a,) = with_quote_ids([quote], "h1")
    (b,) = with_quote_ids([quote], "h1")
    (c,) = with_quote_ids([quote], "h2")
    assert a.id == b.id == quote_id("h1", 10, 17)
    assert a.id != c.id
    assert quote_id("h1", 10, 18) != a.id
