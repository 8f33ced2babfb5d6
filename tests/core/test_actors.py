"""Merging mentions into actors across articles (pure Python), and end to end with spaCy."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from newsdesk.core.models import Actor, Article, ArticleAnalysis, Mention
from newsdesk.core.pipeline.actors import merge_actors
from newsdesk.core.pipeline.indexing import build_corpus


def article(
    aid: str, *mentions: tuple[str, str, str] | tuple[str, str, str, str]
) -> ArticleAnalysis:
    """An analysis whose mentions are (text, label, key[, role]) in text order."""
    art = Article(aid, f"{aid}.txt", aid, None, None, None, "", (), "h")
    out = []
    for i, spec in enumerate(mentions):
        text, label, key = spec[0], spec[1], spec[2]
        role = spec[3] if len(spec) > 3 else None
        out.append(Mention(aid, i * 100, i * 100 + len(text), text, label, key=key, role=role))
    return ArticleAnalysis(art, tuple(out), (), ())


def by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


def actor_of(mapping: dict[tuple[str, str], str], aid: str, key: str) -> str:
    return mapping[(aid, key)]


def test_actors_same_actor_across_articles_is_one() -> None:
    actors, mapping = merge_actors(
        [
            article("a", ("Russia", "GPE", "Russia"), ("China", "GPE", "China")),
            article(
                "b",
                ("Russia", "GPE", "Russia"),
                ("Russia", "GPE", "Russia"),
                ("China", "GPE", "China"),
            ),
        ]
    )
    names = by_name(actors)
    assert set(names) == {"Russia", "China"}
    assert len(names["Russia"].mentions) == 3
    assert names["Russia"].articles == ("a", "b")
    assert (
        actor_of(mapping, "a", "Russia") == actor_of(mapping, "b", "Russia") == names["Russia"].id
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [("Zentrovo Inc.", "Zentrovo"), ("Kaldor Motor Co.", "Kaldor Motor Company")],
)
def test_actors_company_with_and_without_its_legal_form_is_one(one: str, other: str) -> None:
    actors, _mapping = merge_actors(
        [article("a", (one, "ORG", one)), article("b", (other, "ORG", other))]
    )
    assert len(actors) == 1, [a.name for a in actors]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ministry of Fisheries", "Fisheries Ministry"),
        ("Department of Mines", "Mines Department"),
        ("Ministry of the Fisheries", "Fisheries Ministry"),
        ("Ministry of National Fisheries", "Fisheries Ministry"),
        ("Ministry of Fisheries Affairs", "Fisheries Ministry"),
        ("Ministry of Fisheries Affairs", "Fisheries Affairs Ministry"),
        ("Ministry of Foreign Affairs", "Foreign Ministry"),
        ("Ministry of National Defence", "Defence Ministry"),
    ],
)
def test_actors_department_named_in_either_word_order_is_one(one: str, other: str) -> None:
    place = ("Chile", "GPE", "Chile")
    actors, _mapping = merge_actors(
        [article("a", (one, "ORG", one), place), article("b", (other, "ORG", other), place)]
    )
    assert sorted(a.name for a in actors) == sorted(["Chile", one]), [a.name for a in actors]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("House Finance Committee", "House Finance"),
        ("Health and Welfare Department", "Health Department"),
    ],
)
def test_actors_body_short_form_in_another_article_joins_it(one: str, other: str) -> None:
    place = ("Chile", "GPE", "Chile")
    actors, _mapping = merge_actors(
        [article("a", (one, "ORG", one), place), article("b", (other, "ORG", other), place)]
    )
    assert sorted(a.name for a in actors) == sorted(["Chile", one]), [a.name for a in actors]


def test_actors_body_named_after_a_person_is_not_their_short_form() -> None:
    place = ("Chile", "GPE", "Chile")
    actors, _mapping = merge_actors(
        [
            article("a", ("Lena Marsh University", "ORG", "Lena Marsh University"), place),
            article("b", ("Lena Marsh", "PERSON", "Lena Marsh"), place),
        ]
    )
    assert len(actors) == 3, [a.name for a in actors]


def test_actors_legal_form_does_not_join_a_company_to_its_founder() -> None:
    actors, _mapping = merge_actors(
        [
            article("a", ("Mara Velden Inc.", "ORG", "Mara Velden Inc.")),
            article("b", ("Mara Velden", "PERSON", "Mara Velden")),
        ]
    )
    assert len(actors) == 2, [a.name for a in actors]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Viktor Yanukovich", "Viktor Yanukovych"),
        ("Alexei Navalny", "Alexei Navalnyi"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Mikhail Khodorkovsky", "Mikhail Hodorkovsky"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ("Дмитрий Кошелев", "Dmitry Koshelev"),
    ],
)
def test_actors_transliteration_variants_merge(one: str, other: str) -> None:
    actors, mapping = merge_actors(
        [article("a", (one, "PERSON", one)), article("b", (other, "PERSON", other))]
    )
    assert len(actors) == 1
    assert set(actors[0].aliases) | {actors[0].name} == {one, other}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Hillary Clinton", "Bill Clinton"),
        ("Donald Trump", "Donald Trump Jr."),
        ("George Bush", "George W. Bush"),
        ("Kim Jong-un", "Kim Jong-il"),
    ],
)
def test_actors_different_people_do_not_merge(one: str, other: str) -> None:
    actors, _ = merge_actors(
        [article("a", (one, "PERSON", one)), article("b", (other, "PERSON", other))]
    )
    assert sorted(a.name for a in actors) == sorted([one, other])


def test_actors_bare_surname_joins_the_only_person_of_that_name() -> None:
    actors, mapping = merge_actors(
        [
            article(
                "a",
                ("Vladimir Putin", "PERSON", "Vladimir Putin"),
                ("Putin", "PERSON", "Vladimir Putin"),
            ),
            article("b", ("Putin", "PERSON", "Putin"), ("Putin", "ORG", "Putin")),
        ]
    )
    names = by_name(actors)
    assert set(names) == {"Vladimir Putin"}
    assert actor_of(mapping, "b", "Putin") == names["Vladimir Putin"].id
    assert names["Vladimir Putin"].type == "person"


def test_actors_bare_country_is_no_ones_surname_in_another_article() -> None:
    # the model takes a lone country's name for someone; across articles it is the country,
    # not the surname of a body another story's model took for a person
    actors, mapping = merge_actors(
        [
            article("a", ("Radio Zambia", "PERSON", "Radio Zambia")),
            article("b", ("Zambia", "PERSON", "Zambia"), ("Zambia", "PERSON", "Zambia")),
        ]
    )
    assert actor_of(mapping, "b", "Zambia") != actor_of(mapping, "a", "Radio Zambia")
    assert set(by_name(actors)) == {"Radio Zambia", "Zambia"}


def test_actors_surname_first_short_form_joins_across_articles() -> None:
    actors, mapping = merge_actors(
        [
            article(
                "a", ("Guo Shengkun", "PERSON", "Guo Shengkun"), ("Guo", "PERSON", "Guo Shengkun")
            ),
            article("b", ("Guo", "PERSON", "Guo")),
        ]
    )
    assert [a.name for a in actors] == ["Guo Shengkun"]


def test_actors_ambiguous_bare_surname_glues_nobody() -> None:
    actors, mapping = merge_actors(
        [
            article(
                "a",
                ("Hillary Clinton", "PERSON", "Hillary Clinton"),
                ("Clinton", "PERSON", "Hillary Clinton"),
            ),
            article(
                "b",
                ("Bill Clinton", "PERSON", "Bill Clinton"),
                ("Clinton", "PERSON", "Bill Clinton"),
            ),
            article("c", ("Clinton", "PERSON", "Clinton")),
        ]
    )
    names = by_name(actors)
    assert set(names) == {"Hillary Clinton", "Bill Clinton", "Clinton"}
    assert (
        len(
            {
                actor_of(mapping, x, k)
                for x, k in [("a", "Hillary Clinton"), ("b", "Bill Clinton"), ("c", "Clinton")]
            }
        )
        == 3
    )


def test_actors_bare_surname_prefers_the_father_over_junior() -> None:
    actors, mapping = merge_actors(
        [
            article("a", ("Donald Trump", "PERSON", "Donald Trump")),
            article("b", ("Donald Trump Jr.", "PERSON", "Donald Trump Jr.")),
            article("c", ("Trump", "PERSON", "Trump")),
        ]
    )
    names = by_name(actors)
    assert set(names) == {"Donald Trump", "Donald Trump Jr."}
    assert actor_of(mapping, "c", "Trump") == names["Donald Trump"].id


def test_actors_acronym_used_elsewhere_joins_its_name() -> None:
    actors, mapping = merge_actors(
        [
            article("a", ("United States", "GPE", "United States"), ("US", "GPE", "United States")),
            article("b", ("U.S.", "GPE", "U.S.")),
            article("c", ("US", "GPE", "US")),
        ]
    )
    assert [a.name for a in actors] == ["United States"]
    assert actors[0].type == "place"


def test_actors_known_acronym_expands_inside_names() -> None:
    actors, _ = merge_actors(
        [
            article(
                "a", ("United States", "GPE", "United States"), ("U.S.", "GPE", "United States")
            ),
            article("b", ("U.S. Navy", "ORG", "U.S. Navy")),
            article("c", ("United States Navy", "ORG", "United States Navy")),
        ]
    )
    assert sorted(a.name for a in actors) == ["United States", "United States Navy"]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["PERSON", "PERSON", "PERSON", "ORG"], "person"),
        (["ORG", "ORG", "ORG", "PERSON"], "organization"),
        (["GPE", "GPE", "LOC", "ORG"], "place"),
        (["NORP", "NORP"], "group"),
        (["EVENT", "EVENT"], "other"),
    ],
)
def test_actors_type_is_the_vote_of_mentions(labels: list[str], expected: str) -> None:
    analyses = [
        article(f"a{i}", ("Acme Thing", label, "Acme Thing")) for i, label in enumerate(labels)
    ]
    actors, _ = merge_actors(analyses)
    assert actors[0].type == expected


def test_actors_one_mislabelled_mention_does_not_flip_a_person() -> None:
    actors, _ = merge_actors(
        [
            article(
                "a",
                ("Alexis Tipton", "PERSON", "Alexis Tipton"),
                ("Tipton", "ORG", "Alexis Tipton"),
                ("Tipton", "ORG", "Alexis Tipton"),
                ("Tipton", "PERSON", "Alexis Tipton"),
            ),
            article("b", ("Alexis Tipton", "ORG", "Alexis Tipton")),
            article("c", ("Alexis Tipton", "PERSON", "Alexis Tipton")),
        ]
    )
    assert [(a.name, a.type) for a in actors] == [("Alexis Tipton", "person")]


def test_actors_country_is_a_place_whatever_the_label() -> None:
    actors, _ = merge_actors([article("a", ("Tajikistan", "NORP", "Tajikistan"))])
    assert actors[0].type == "place"


def test_actors_name_is_fullest_common_form_and_aliases_the_rest() -> None:
    actors, _ = merge_actors(
        [
            article(
                "a",
                ("Vladimir Putin", "PERSON", "Vladimir Putin"),
                ("Putin", "PERSON", "Vladimir Putin"),
            ),
            article(
                "b",
                ("Vladimir Putin", "PERSON", "Vladimir Putin"),
                ("Putin", "PERSON", "Vladimir Putin"),
            ),
            article("c", ("Putin", "PERSON", "Putin")),
            article(
                "d", ("Vladimir Vladimirovich Putin", "PERSON", "Vladimir Vladimirovich Putin")
            ),
        ]
    )
    names = by_name(actors)
    putin = names["Vladimir Putin"]
    assert "Putin" in putin.aliases
    assert "Vladimir Putin" not in putin.aliases


def test_actors_role_is_the_most_common_role() -> None:
    actors, _ = merge_actors(
        [
            article(
                "a", ("Guo Shengkun", "PERSON", "Guo Shengkun", "Chinese Public Security Minister")
            ),
            article(
                "b", ("Guo Shengkun", "PERSON", "Guo Shengkun", "Chinese Public Security Minister")
            ),
            article("c", ("Guo Shengkun", "PERSON", "Guo Shengkun", "minister")),
            article("d", ("Guo Shengkun", "PERSON", "Guo Shengkun")),
        ]
    )
    assert actors[0].role == "Chinese Public Security Minister"


def test_actors_ids_are_stable_unique_and_readable() -> None:
    analyses = [
        article("a", ("Georgia", "GPE", "Georgia"), ("Vladimir Putin", "PERSON", "Vladimir Putin")),
        article(
            "b", ("Shanghai Cooperation Organization", "ORG", "Shanghai Cooperation Organization")
        ),
        article("c", ("习近平", "PERSON", "习近平"), ("Rosselló", "PERSON", "Rosselló")),
    ]
    first, _ = merge_actors(analyses)
    again, _ = merge_actors(list(analyses))
    assert [a.id for a in first] == [a.id for a in again]
    ids = {a.name: a.id for a in first}
    assert len(set(ids.values())) == len(ids)
    assert ids["Vladimir Putin"] == "vladimir-putin"
    assert ids["Georgia"] == "georgia"
    assert ids["Shanghai Cooperation Organization"] == "shanghai-cooperation-organization"
    assert ids["Rosselló"] == "rossello"
    assert ids["习近平"]


def test_actors_mentions_keep_article_then_text_order() -> None:
    actors, _ = merge_actors(
        [
            article("z", ("Kremlin", "ORG", "Kremlin"), ("Kremlin", "ORG", "Kremlin")),
            article("a", ("Kremlin", "ORG", "Kremlin")),
        ]
    )
    assert [(m.article, m.start) for m in actors[0].mentions] == [("z", 0), ("z", 100), ("a", 0)]
    assert actors[0].articles == ("z", "a")


def test_actors_merge_many_mentions_fast() -> None:
    """The store merges on every open: 2,000 articles x 50 mentions in a fraction of a second
    (bench/merge_speed.py measures the full 10,000 x 50)."""
    people = [
        f"{g} {f}"
        for g in ("Anna", "Boris", "Chen", "David", "Elena")
        for f in ("Kov", "Mar", "Lin", "Hart")
    ]
    analyses = []
    for i in range(2000):
        cast = [people[(i + j) % len(people)] for j in range(8)] + [
            "Russia",
            "China",
            "United Nations",
        ]
        specs = []
        for j in range(50):
            name = cast[j % len(cast)]
            text = name.split()[-1] if j >= len(cast) and name in people else name
            specs.append((text, "PERSON" if name in people else "GPE", name))
        analyses.append(article(f"a{i:04d}", *specs))
    start = time.process_time()
    actors, mapping = merge_actors(analyses)
    elapsed = time.process_time() - start
    assert len(actors) == len(people) + 3
    assert elapsed < 1.0, f"merging 100,000 mentions took {elapsed:.2f}s"


# ---------------------------------------------------------------------------------------------
# End to end: real spaCy, several articles, build_corpus


def test_actors_end_to_end_across_articles(analyze_text) -> None:  # type: ignore[no-untyped-def]
    a = analyze_text(
        "Ukraine talks\n\nFormer Ukrainian President Viktor Yanukovich fled to Russia in February. "
        "Yanukovich said he was still the legitimate president.",
        article_id="one",
    )
    b = analyze_text(
        "Kiev court\n\nA court in Kiev sentenced Viktor Yanukovych in absentia on Thursday. "
        "Russia has refused to hand over Yanukovych, officials said.",
        article_id="two",
    )
    c = analyze_text(
        "Clinton book\n\nHillary Clinton published a memoir on Tuesday. "
        "Clinton said she was proud of it.",
        article_id="three",
    )
    d = analyze_text(
        "Clinton speech\n\nBill Clinton spoke at a university in Little Rock on Monday.",
        article_id="four",
    )
    corpus = build_corpus([a, b, c, d])
    names = {actor.name: actor for actor in corpus.actors}
    yanukovych = [actor for actor in corpus.actors if "Yanukovi" in actor.name]
    assert len(yanukovych) == 1
    assert yanukovych[0].type == "person"
    assert set(yanukovych[0].articles) == {"one", "two"}
    assert names["Russia"].articles == ("one", "two")
    assert names["Russia"].type == "place"
    assert "Hillary Clinton" in names and "Bill Clinton" in names
    assert names["Hillary Clinton"].id != names["Bill Clinton"].id
    assert {m.text for m in names["Hillary Clinton"].mentions} == {"Hillary Clinton", "Clinton"}
    assert names["Bill Clinton"].articles == ("four",)


def test_actors_first_name_alone_does_not_cross_articles() -> None:
    actors, mapping = merge_actors(
        [
            article(
                "a",
                ("Tony Marsh", "PERSON", "Tony Marsh"),
                ("Marsh", "PERSON", "Tony Marsh"),
                ("Tony", "PERSON", "Tony Marsh"),
            ),
            article("b", ("Toni", "PERSON", "Toni")),
        ]
    )
    assert sorted(a.name for a in actors) == ["Toni", "Tony Marsh"]


@pytest.mark.parametrize(
    ("full", "short", "roles"),
    [
        ("Robert Gabriel Mugambe", "Robert Mugambe", (None, None)),
        (
            "John R. Bolden",
            "John Bolden",
            ("National Security Advisor", "national security adviser"),
        ),
    ],
)
def test_actors_middle_names_and_initials_merge(
    full: str, short: str, roles: tuple[str | None, str | None]
) -> None:
    actors, _ = merge_actors(
        [
            article("a", (full, "PERSON", full, roles[0]) if roles[0] else (full, "PERSON", full)),
            article(
                "b", (short, "PERSON", short, roles[1]) if roles[1] else (short, "PERSON", short)
            ),
        ]
    )
    assert len(actors) == 1 and set(actors[0].aliases) | {actors[0].name} == {full, short}


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("Iran", "Islamic Republic of Iran"),
        ("United States", "America"),
        ("Spain", "Kingdom of Spain"),
    ],
)
def test_actors_country_long_and_short_forms_meet(short: str, long: str) -> None:
    actors, _ = merge_actors(
        [article("a", (short, "GPE", short)), article("b", (long, "GPE", long))]
    )
    assert len(actors) == 1 and actors[0].type == "place"


def test_actors_storm_stages_are_one_event() -> None:
    actors, _ = merge_actors(
        [
            article("a", ("Tropical Storm Vela", "EVENT", "Tropical Storm Vela")),
            article("b", ("Hurricane Vela", "EVENT", "Hurricane Vela")),
        ]
    )
    assert len(actors) == 1 and actors[0].type == "other"


def test_actors_rank_by_score_not_mentions_alone() -> None:
    from newsdesk.core.pipeline.ranking import actor_score

    busy = ArticleAnalysis(
        Article("a", "a.txt", "Harbour works begin", None, None, None, "", (), "h"),
        tuple(Mention("a", i * 10, i * 10 + 5, "Boats", "ORG", "Boats") for i in range(6)),
        (),
        (),
    )
    named = article("b", ("Lena Varga", "PERSON", "Lena Varga"), ("Varga", "PERSON", "Lena Varga"))
    named = ArticleAnalysis(
        Article("b", "b.txt", "Varga wins the vote", None, None, None, "", (), "h"),
        named.mentions,
        (),
        (),
    )
    actors, _ = merge_actors([busy, named, article("c", ("Lena Varga", "PERSON", "Lena Varga"))])
    assert [a.name for a in actors] == ["Lena Varga", "Boats"]
    assert actor_score(3, 2, 0, 1) > actor_score(6, 1, 0, 0)


def test_actors_rank_counts_a_few_positions_per_article() -> None:
    interview = article("a", ("Ana Ruiz", "PERSON", "Ana Ruiz"), ("Ruiz", "PERSON", "Ana Ruiz"))
    others = [
        article(aid, *[("Tom Hale", "PERSON", "Tom Hale")] * 3) for aid in ("b", "c", "d", "e")
    ]
    positions = {("a", "Ana Ruiz"): 40, ("b", "Tom Hale"): 1}
    actors, _ = merge_actors([interview, *others], positions)
    assert [a.name for a in actors] == ["Tom Hale", "Ana Ruiz"]


def test_actors_word_used_as_an_event_somewhere_is_not_a_person() -> None:
    actors, _ = merge_actors(
        [
            article("a", ("Frexit", "EVENT", "Frexit"), ("Frexit", "PERSON", "Frexit")),
            article("b", ("Frexit", "PERSON", "Frexit"), ("Frexit", "PERSON", "Frexit")),
        ]
    )
    assert [(a.name, a.type) for a in actors] == [("Frexit", "other")]


@pytest.mark.parametrize(
    ("short", "short_label", "long", "merged"),
    [
        ("Corvetta", "ORG", "Corvetta Islands", True),
        ("Orvel", "GPE", "Mount Orvel", True),
        # a division named after its seat or region: the bare name is as often the town
        ("Ostrava", "GPE", "Ostrava City", False),
        ("Dunmore", "GPE", "County Dunmore", False),
        ("Kesora", "GPE", "Kesora Prefecture", False),
        ("Mexico", "GPE", "Mexico City", False),  # a country is not its capital
        ("New York", "GPE", "New York City", False),  # nor a state its city
    ],
)
def test_actors_place_without_its_generic_word_joins_it_across_articles(
    short: str, short_label: str, long: str, merged: bool
) -> None:
    actors, mapping = merge_actors(
        [
            article("a", (long, "LOC", long), (long, "LOC", long)),
            article("b", (short, short_label, short)),
        ]
    )
    assert (actor_of(mapping, "a", long) == actor_of(mapping, "b", short)) is merged
    if merged:
        assert by_name(actors)[long].type == "place"


def test_actors_division_joins_its_bare_name_where_its_own_story_uses_it() -> None:
    """A story that calls "County Dunmore" "Dunmore" too says the bare name is the county:
    another story's "Dunmore" joins it; without that alias it stays apart (above)."""
    _actors, mapping = merge_actors(
        [
            article(
                "a",
                ("County Dunmore", "LOC", "County Dunmore"),
                ("Dunmore", "GPE", "County Dunmore"),
            ),
            article("b", ("Dunmore", "GPE", "Dunmore")),
        ]
    )
    assert actor_of(mapping, "a", "County Dunmore") == actor_of(mapping, "b", "Dunmore")


def test_actors_person_with_a_role_is_not_the_place() -> None:
    _actors, mapping = merge_actors(
        [
            article("a", ("Kent County", "GPE", "Kent County")),
            article("b", ("Kent", "PERSON", "Kent", "coach")),
        ]
    )
    assert actor_of(mapping, "a", "Kent County") != actor_of(mapping, "b", "Kent")


def test_actors_institution_without_its_of_part_does_not_cross_articles() -> None:
    """ "Assembly" in one story is not "Assembly of Upper Rivia" spelled out in another: the
    "of" part is what tells one assembly from another."""
    actors, mapping = merge_actors(
        [
            article(
                "a",
                ("Assembly of Upper Rivia", "ORG", "Assembly of Upper Rivia"),
                ("Assembly", "ORG", "Assembly of Upper Rivia"),
            ),
            article("b", ("Assembly", "ORG", "Assembly"), ("Assembly", "ORG", "Assembly")),
        ]
    )
    assert actor_of(mapping, "a", "Assembly of Upper Rivia") != actor_of(mapping, "b", "Assembly")
    assert sorted(a.name for a in actors) == ["Assembly", "Assembly of Upper Rivia"]


def _in(aid: str, country: str, *mentions: tuple[str, str, str] | tuple[str, str, str, str]):
    """An article about `country` (named three times) that also mentions `mentions`."""
    return article(aid, *mentions, *[(country, "GPE", country)] * 3)


def test_actors_body_every_state_has_stays_in_its_country() -> None:
    actors, mapping = merge_actors(
        [
            _in("a", "Norway", ("Parliament", "ORG", "Parliament")),
            _in("b", "Norway", ("Parliament", "ORG", "Parliament")),
            _in("c", "Chile", ("Parliament", "ORG", "Parliament")),
        ]
    )
    assert mapping[("a", "Parliament")] == mapping[("b", "Parliament")]
    assert mapping[("c", "Parliament")] != mapping[("a", "Parliament")]
    assert len([a for a in actors if a.name == "Parliament"]) == 2


def test_actors_constitution_named_alone_is_its_countrys() -> None:
    """Every state has a constitution: "the Constitution" of a Norwegian story is not the
    one of a Chilean story, and in a Chilean story it is the "Constitution of Chile"."""
    _actors, mapping = merge_actors(
        [
            _in("a", "Norway", ("Constitution", "LAW", "Constitution")),
            _in("b", "Chile", ("Constitution", "LAW", "Constitution")),
            _in("c", "Chile", ("Chilean Constitution", "LAW", "Chilean Constitution")),
        ]
    )
    assert mapping[("a", "Constitution")] != mapping[("b", "Constitution")]
    assert mapping[("b", "Constitution")] == mapping[("c", "Chilean Constitution")]


def test_actors_body_named_without_its_country_joins_the_longer_name_of_that_country() -> None:
    _, mapping = merge_actors(
        [
            _in(
                "a",
                "Chile",
                ("Chilean Air Force", "ORG", "Chilean Air Force"),
                ("Air Force", "ORG", "Chilean Air Force"),
            ),
            _in("b", "Chile", ("Air Force", "ORG", "Air Force")),
            _in("c", "Norway", ("Air Force", "ORG", "Air Force")),
        ]
    )
    assert mapping[("b", "Air Force")] == mapping[("a", "Chilean Air Force")]
    assert mapping[("c", "Air Force")] != mapping[("a", "Chilean Air Force")]


def test_actors_body_in_an_article_about_no_country_stays_in_it() -> None:
    _, mapping = merge_actors(
        [
            article("a", ("Supreme Court", "ORG", "Supreme Court")),
            article("b", ("Supreme Court", "ORG", "Supreme Court")),
            _in("c", "Chile", ("Department", "ORG", "Department")),
            _in("d", "Chile", ("Department", "ORG", "Department")),
        ]
    )
    assert mapping[("a", "Supreme Court")] != mapping[("b", "Supreme Court")]
    assert mapping[("c", "Department")] != mapping[("d", "Department")]  # one of many


def test_actors_body_that_says_whose_it_is_crosses_countries() -> None:
    _, mapping = merge_actors(
        [
            _in("a", "Norway", ("Chilean Navy", "ORG", "Chilean Navy")),
            _in("b", "Chile", ("Chilean Navy", "ORG", "Chilean Navy")),
            _in("c", "Norway", ("European Commission", "ORG", "European Commission")),
            _in("d", "Chile", ("European Commission", "ORG", "European Commission")),
        ]
    )
    assert mapping[("a", "Chilean Navy")] == mapping[("b", "Chilean Navy")]
    assert mapping[("c", "European Commission")] == mapping[("d", "European Commission")]


def test_actors_first_name_alone_is_someone_of_its_article() -> None:
    actors, _ = merge_actors(
        [
            article("a", ("Marisol", "PERSON", "Marisol")),
            article("b", ("Marisol", "PERSON", "Marisol")),
        ]
    )
    assert [a.name for a in actors] == ["Marisol", "Marisol"]


def test_actors_one_word_name_with_a_shared_role_is_one_person() -> None:
    actors, _ = merge_actors(
        [
            article("a", ("Benedictus", "PERSON", "Benedictus", "Pope")),
            article("b", ("Benedictus", "PERSON", "Benedictus", "Pope")),
            article("c", ("Benedictus", "PERSON", "Benedictus", "goalkeeper")),
        ]
    )
    assert sorted(len(a.articles) for a in actors) == [1, 2]


def test_actors_one_word_surname_still_joins_the_full_name_elsewhere() -> None:
    actors, _ = merge_actors(
        [
            article("a", ("Orlov", "PERSON", "Orlov")),
            article("b", ("Orlov", "PERSON", "Orlov")),
            article("c", ("Dmitri Orlov", "PERSON", "Dmitri Orlov")),
        ]
    )
    assert [len(a.articles) for a in actors] == [3]


def test_actors_word_taken_for_someone_joins_the_thing_it_names_elsewhere() -> None:
    _, mapping = merge_actors(
        [
            article("a", ("Chirpr", "ORG", "Chirpr"), ("Chirpr", "ORG", "Chirpr")),
            article("b", ("Chirpr", "PERSON", "Chirpr")),  # "posted on Chirpr", tagged PERSON
            article("c", ("Velden", "GPE", "Velden")),
            article("d", ("Velden", "PERSON", "Velden", "Police Chief")),
        ]
    )
    assert mapping[("a", "Chirpr")] == mapping[("b", "Chirpr")]
    assert mapping[("c", "Velden")] != mapping[("d", "Velden")]  # a town is not its police chief


def test_actors_surname_alone_joins_a_full_name_of_its_own_country_only() -> None:
    _, mapping = merge_actors(
        [
            _in("a", "Chile", ("Kira Mak", "PERSON", "Kira Mak")),
            _in("b", "Norway", ("Mack", "PERSON", "Mack")),  # folds to "mak" too
            _in("c", "Chile", ("Mak", "PERSON", "Mak")),
            _in("d", "Norway", ("Mak", "PERSON", "Mak", "Minister")),
            _in("e", "Chile", ("Kira Mak", "PERSON", "Kira Mak", "Foreign Minister")),
        ]
    )
    assert mapping[("c", "Mak")] == mapping[("a", "Kira Mak")]
    assert mapping[("b", "Mack")] != mapping[("a", "Kira Mak")]
    assert mapping[("d", "Mak")] == mapping[("a", "Kira Mak")]  # the same role: the minister


def test_actors_militia_named_like_a_state_is_not_the_country() -> None:
    _, mapping = merge_actors(
        [
            article("a", ("Islamic State of Chile", "ORG", "Islamic State of Chile")),
            article("b", ("Chile", "GPE", "Chile")),
            article("c", ("Islamic Republic of Chile", "GPE", "Islamic Republic of Chile")),
        ]
    )
    assert mapping[("a", "Islamic State of Chile")] != mapping[("b", "Chile")]
    assert mapping[("c", "Islamic Republic of Chile")] == mapping[("b", "Chile")]


def test_actors_described_place_is_not_the_short_name_of_another() -> None:
    _, mapping = merge_actors(
        [
            article("a", ("Corvetta island", "LOC", "Corvetta island")),
            article("b", ("Corvetta", "LOC", "Corvetta")),
            article("c", ("Ostrava Islands", "LOC", "Ostrava Islands")),
            article("d", ("Ostrava", "LOC", "Ostrava")),
        ]
    )
    assert mapping[("a", "Corvetta island")] != mapping[("b", "Corvetta")]
    assert mapping[("c", "Ostrava Islands")] == mapping[("d", "Ostrava")]


def test_actors_surname_alone_must_be_spelled_as_the_full_name_writes_it() -> None:
    _, mapping = merge_actors(
        [
            article("a", ("Kerry Lee", "PERSON", "Kerry Lee")),
            article("b", ("Le", "PERSON", "Le")),  # folds to "le" like "Lee"
            article("c", ("Lee", "PERSON", "Lee")),
        ]
    )
    assert mapping[("b", "Le")] != mapping[("a", "Kerry Lee")]
    assert mapping[("c", "Lee")] == mapping[("a", "Kerry Lee")]
    _, mapping = merge_actors(
        [
            article("a", ("Omar al-Hadi", "PERSON", "Omar al-Hadi")),
            article("b", ("Hadi", "PERSON", "Hadi")),
        ]
    )
    assert mapping[("b", "Hadi")] == mapping[("a", "Omar al-Hadi")]


def test_actors_body_named_alone_is_its_countrys_named_in_full() -> None:
    _, mapping = merge_actors(
        [
            _in("a", "Chile", ("Senate", "ORG", "Senate")),
            _in("b", "Norway", ("Chilean Senate", "ORG", "Chilean Senate")),
            _in("c", "Chile", ("Senate of Chile", "ORG", "Senate of Chile")),
            _in("d", "Norway", ("Senate", "ORG", "Senate")),
            _in("e", "Norway", ("District Court of Chile", "ORG", "District Court of Chile")),
            _in("f", "Chile", ("District Court", "ORG", "District Court")),
        ]
    )
    assert mapping[("a", "Senate")] == mapping[("b", "Chilean Senate")]
    assert mapping[("c", "Senate of Chile")] == mapping[("b", "Chilean Senate")]
    assert mapping[("d", "Senate")] != mapping[("a", "Senate")]  # Norway's
    assert mapping[("f", "District Court")] != mapping[("e", "District Court of Chile")]


def test_actors_acronym_not_spelled_out_stays_in_its_country() -> None:
    """The same letters name different bodies in different countries (America's and
    Australia's "ABC"): an acronym no article spells out joins across stories that name a
    country in common only; a body above countries ("NATO") and a place ("US") join
    everywhere."""
    _, mapping = merge_actors(
        [
            _in("a", "Chile", ("QBC", "ORG", "QBC"), ("NATO", "ORG", "NATO")),
            _in("b", "Chile", ("QBC", "ORG", "QBC")),
            _in("c", "Norway", ("QBC", "ORG", "QBC"), ("NATO", "ORG", "NATO")),
            article("d", ("QBC", "ORG", "QBC")),  # about no clear country
            _in("e", "Peru", ("QBC", "ORG", "QBC"), ("Chile", "GPE", "Chile")),
            _in("f", "Peru", ("US", "GPE", "US")),
            _in("g", "Norway", ("US", "GPE", "US")),
        ]
    )
    assert mapping[("a", "QBC")] == mapping[("b", "QBC")] == mapping[("e", "QBC")]
    assert mapping[("c", "QBC")] != mapping[("a", "QBC")]
    assert mapping[("d", "QBC")] not in {mapping[("a", "QBC")], mapping[("c", "QBC")]}
    assert mapping[("a", "NATO")] == mapping[("c", "NATO")]
    assert mapping[("f", "US")] == mapping[("g", "US")]


def test_actors_acronym_of_stories_of_one_country_joins_those_of_none() -> None:
    _, mapping = merge_actors(
        [
            _in("a", "Chile", ("QBC", "ORG", "QBC")),
            article("b", ("QBC", "ORG", "QBC")),
        ]
    )
    assert mapping[("a", "QBC")] == mapping[("b", "QBC")]


def test_actors_acronym_joins_its_spelling_out_only_in_the_same_country() -> None:
    _, mapping = merge_actors(
        [
            _in(
                "a",
                "Chile",
                ("Quillota Broadcasting Company", "ORG", "Quillota Broadcasting Company"),
                ("QBC", "ORG", "Quillota Broadcasting Company"),
            ),
            _in("b", "Chile", ("QBC", "ORG", "QBC")),
            _in("c", "Norway", ("QBC", "ORG", "QBC")),
        ]
    )
    assert mapping[("b", "QBC")] == mapping[("a", "Quillota Broadcasting Company")]
    assert mapping[("c", "QBC")] != mapping[("a", "Quillota Broadcasting Company")]


def test_actors_state_name_in_a_foreign_story_is_its_namesake_city() -> None:
    """ "New York" in a story naming other countries and nothing American is the city the
    folder names in full. Elsewhere, where the folder names the city in full, a bare "New
    York" is the city in one story and the state in another: each story's is its own, joined
    to neither (`_keep_namesake_states_apart`)."""
    _, mapping = merge_actors(
        [
            _in("a", "Chile", ("New York", "GPE", "New York")),
            article(
                "b",
                ("New York City", "GPE", "New York City"),
                ("Queens", "GPE", "Queens"),
                ("New York", "GPE", "New York"),
            ),
            _in("c", "United States", ("New York", "GPE", "New York")),
        ]
    )
    assert mapping[("a", "New York")] == mapping[("b", "New York City")]
    assert mapping[("b", "New York")] != mapping[("c", "New York")]
    assert mapping[("b", "New York")] != mapping[("b", "New York City")]
    assert mapping[("c", "New York")] != mapping[("b", "New York City")]


def test_actors_state_name_read_as_a_city_the_folder_never_names_is_the_state() -> None:
    _, mapping = merge_actors(
        [
            _in("a", "Chile", ("New York", "GPE", "New York")),
            _in("c", "United States", ("New York", "GPE", "New York")),
        ]
    )
    assert mapping[("a", "New York")] == mapping[("c", "New York")]


def test_actors_one_word_name_half_taken_for_someone_is_the_other_kind() -> None:
    """A one-word name nobody is introduced by, tagged PERSON as often as ORG, is the
    organisation; with a role it stays someone."""
    actors, _ = merge_actors(
        [
            article("a", ("Zentrix", "ORG", "Zentrix")),
            article("b", ("Zentrix", "PERSON", "Zentrix")),
            article("c", ("Orvald", "ORG", "Orvald"), ("Orvald", "PERSON", "Orvald", "Mayor")),
        ]
    )
    kinds = {a.name: a.type for a in actors}
    assert kinds["Zentrix"] == "organization"
    assert kinds["Orvald"] == "person"


def _headlined(aid: str, title: str, text: str, *mentions: tuple[str, str, str]) -> ArticleAnalysis:
    """An article with a headline and body text, whose mentions are (text, label, key)."""
    art = Article(aid, f"{aid}.txt", title, None, None, None, text, (), "h")
    out = [
        Mention(aid, i * 100, i * 100 + len(t), t, label, key=key)
        for i, (t, label, key) in enumerate(mentions)
    ]
    return ArticleAnalysis(art, tuple(out), (), ())


def test_actors_body_in_a_story_about_one_state_is_that_states() -> None:
    us = ("United States", "GPE", "United States")
    _, mapping = merge_actors(
        [
            _headlined(
                "a",
                "Governor of US state of Ohio signs water bill",
                "The bill passed the Senate of the state.",
                us,
                ("Ohio", "GPE", "Ohio"),
                ("Senate", "ORG", "Senate"),
            ),
            _headlined(
                "b",
                "Varnel ends US presidential bid",
                "Mira Varnel ran for Senate against Tod Quill.",
                us,
                ("Senate", "ORG", "Senate"),
            ),
            _headlined("c", "US Senate votes", "", us, ("U.S. Senate", "ORG", "U.S. Senate")),
            _headlined("d", "Ohio Senate votes", "", us, ("Ohio Senate", "ORG", "Ohio Senate")),
            _headlined(
                "e",
                "Ohio federal judge blocks water bill",
                "The Senate had passed it.",
                us,
                ("Senate", "ORG", "Senate"),
            ),
        ]
    )
    assert mapping[("a", "Senate")] != mapping[("b", "Senate")]  # Ohio's, not the nation's
    assert mapping[("b", "Senate")] == mapping[("c", "U.S. Senate")]
    assert mapping[("a", "Senate")] == mapping[("d", "Ohio Senate")]
    assert mapping[("e", "Senate")] == mapping[("c", "U.S. Senate")]  # the text says federal


def test_actors_body_a_state_story_names_with_its_country_is_the_nations() -> None:
    us = ("United States", "GPE", "United States")
    _, mapping = merge_actors(
        [
            _headlined(
                "a",
                "Ohio governor signs water bill",
                "",
                us,
                ("US Supreme Court", "ORG", "US Supreme Court"),
                ("Supreme Court", "ORG", "Supreme Court"),
            ),
            _headlined("b", "US court rules", "", us, ("Supreme Court", "ORG", "Supreme Court")),
        ]
    )
    assert mapping[("a", "Supreme Court")] == mapping[("b", "Supreme Court")]


def _written(
    aid: str, title: str, text: str, *mentions: tuple[str, str, str] | tuple[str, str, str, str]
) -> ArticleAnalysis:
    """An article whose mentions (text, label, key[, role]) sit where the text writes them, in
    order. The merge reads no text (the store merges stored mentions): the text is there to
    read the test by."""
    art = Article(aid, f"{aid}.txt", title, None, None, None, text, (), "h")
    out, at = [], 0
    for spec in mentions:
        t, label, key = spec[0], spec[1], spec[2]
        start = text.index(t, at)
        at = start + len(t)
        role = spec[3] if len(spec) > 3 else None
        out.append(Mention(aid, start, at, t, label, key=key, role=role))
    return ArticleAnalysis(art, tuple(out), (), ())


def test_actors_body_introduced_as_a_states_is_not_the_nations() -> None:
    ohio = (
        "Voters in Ohio chose a judge for the state's Supreme Court. The United States "
        "Supreme Court had ruled on the vote, and the Ohio Supreme Court had not."
    )
    _, mapping = merge_actors(
        [
            _written(
                "a",
                "US state of Ohio holds election",
                ohio,
                ("Ohio", "GPE", "Ohio"),
                ("Supreme Court", "ORG", "Supreme Court", "state"),  # "the state's"
                ("United States Supreme Court", "ORG", "United States Supreme Court"),
                ("Ohio Supreme Court", "ORG", "Ohio Supreme Court"),
            ),
            _written(
                "b",
                "US court rules on fraud",
                "The United States Supreme Court ruled. The Supreme Court was unanimous.",
                ("United States Supreme Court", "ORG", "United States Supreme Court"),
                ("Supreme Court", "ORG", "United States Supreme Court"),
            ),
        ]
    )
    assert mapping[("a", "Supreme Court")] == mapping[("a", "Ohio Supreme Court")]
    assert mapping[("a", "Supreme Court")] != mapping[("b", "United States Supreme Court")]
    assert (
        mapping[("a", "United States Supreme Court")]
        == mapping[("b", "United States Supreme Court")]
    )


def test_actors_states_body_in_a_story_of_no_state_stays_in_it() -> None:
    _, mapping = merge_actors(
        [
            _written(
                "a",
                "Former US senator Vera Quill dies",
                "Vera Quill won a seat in the state Senate, then in the United States.",
                ("Vera Quill", "PERSON", "Vera Quill"),
                ("Senate", "ORG", "Senate", "state"),
                ("United States", "GPE", "United States"),
            ),
            _written(
                "b",
                "US Senate votes",
                "The U.S. Senate voted. The Senate adjourned in the United States.",
                ("U.S. Senate", "ORG", "U.S. Senate"),
                ("Senate", "ORG", "U.S. Senate"),
                ("United States", "GPE", "United States"),
            ),
        ]
    )
    assert mapping[("a", "Senate")] != mapping[("b", "U.S. Senate")]


def test_actors_party_in_a_story_about_one_state_is_the_nations() -> None:
    us = ("United States", "GPE", "United States")
    _, mapping = merge_actors(
        [
            _headlined(
                "a",
                "US state of Ohio holds primaries",
                "",
                us,
                ("Ohio", "GPE", "Ohio"),
                ("Democratic Party", "ORG", "Democratic Party"),
            ),
            _headlined(
                "b", "US primaries", "", us, ("Democratic Party", "ORG", "Democratic Party")
            ),
        ]
    )
    assert mapping[("a", "Democratic Party")] == mapping[("b", "Democratic Party")]


def test_actors_word_never_taken_for_someone_joins_no_person_elsewhere() -> None:
    actors, _ = merge_actors(
        [
            article("a", ("Orlova", "ORG", "Orlova")),
            article("b", ("Dmitri Orlova", "PERSON", "Dmitri Orlova")),
        ]
    )
    assert sorted(len(a.articles) for a in actors) == [1, 1]


def test_actors_title_of_a_surname_alone_picks_among_namesakes() -> None:
    full = [
        article("a", ("Vera Quill", "PERSON", "Vera Quill", "First Lady")),
        article("b", ("Tod Quill", "PERSON", "Tod Quill", "President")),
    ]
    _, mapping = merge_actors(
        [
            *full,
            article("c", ("Quill", "PERSON", "Quill", "President")),
            article("d", ("Quill", "PERSON", "Quill", "actor")),
        ]
    )
    assert mapping[("c", "Quill")] == mapping[("b", "Tod Quill")]
    assert mapping[("d", "Quill")] not in {
        mapping[("a", "Vera Quill")],
        mapping[("b", "Tod Quill")],
    }
    _, mapping = merge_actors([full[1], article("e", ("Quill", "PERSON", "Quill", "Judge"))])
    assert mapping[("e", "Quill")] != mapping[("b", "Tod Quill")]  # a judge, not the president


def test_actors_surname_named_by_rank_joins_only_someone_of_that_rank() -> None:
    full = article("a", ("Dorian Vell", "PERSON", "Dorian Vell"))
    team = article("b", ("Orm Brack", "PERSON", "Orm Brack", "captain"))
    ranked = article(
        "c", ("Vell", "PERSON", "Vell", "Captain"), ("Brack", "PERSON", "Brack", "Captain")
    )
    _, mapping = merge_actors([full, team, ranked])
    assert mapping[("c", "Vell")] != mapping[("a", "Dorian Vell")]  # a soldier, not the actor
    assert mapping[("c", "Brack")] != mapping[("b", "Orm Brack")]  # nor the team's captain
    officer = article("d", ("Orm Brack", "PERSON", "Orm Brack", "Army Captain"))
    _, mapping = merge_actors([officer, ranked])
    assert mapping[("c", "Brack")] == mapping[("d", "Orm Brack")]
    _, mapping = merge_actors([full, article("e", ("Vell", "PERSON", "Vell", "President"))])
    assert mapping[("e", "Vell")] == mapping[("a", "Dorian Vell")]  # an office, not a rank


def test_actors_short_given_name_is_not_a_place_of_that_word() -> None:
    place = article("a", ("Tamor", "GPE", "Tamor"))
    story = article(
        "b", ("Tamoran Quell", "PERSON", "Tamoran Quell"), ("Tamor", "PERSON", "Tamor")
    )
    _, mapping = merge_actors([place, story])
    assert mapping[("b", "Tamor")] != mapping[("a", "Tamor")]
    alone = article("c", ("Tamor", "PERSON", "Tamor"))
    _, mapping = merge_actors([place, alone])
    assert mapping[("c", "Tamor")] == mapping[("a", "Tamor")]  # no one named in full: the place


def _stationed(aid: str, city: str) -> ArticleAnalysis:
    """ "the Ruritanian Embassy in <city>" ... "the Ruritanian Embassy", at real offsets."""
    art = Article(aid, f"{aid}.txt", aid, None, None, None, "", (), "h")
    body = "Ruritanian Embassy"
    mentions = (
        Mention(aid, 4, 4 + len(body), body, "ORG", key=body),
        Mention(aid, 4 + len(body) + 4, 4 + len(body) + 4 + len(city), city, "GPE", key=city),
        Mention(aid, 200, 200 + len(body), body, "ORG", key=body),
    )
    return ArticleAnalysis(art, mentions, (), ())


def test_actors_embassy_in_a_city_is_not_the_one_in_another() -> None:
    _, mapping = merge_actors([_stationed("a", "Norden"), _stationed("b", "Sudport")])
    assert mapping[("a", "Ruritanian Embassy")] != mapping[("b", "Ruritanian Embassy")]
    _, mapping = merge_actors([_stationed("a", "Norden"), _stationed("c", "Norden")])
    assert mapping[("a", "Ruritanian Embassy")] == mapping[("c", "Ruritanian Embassy")]


def test_actors_states_word_is_no_role_of_the_body() -> None:
    actors, _ = merge_actors([article("a", ("Supreme Court", "ORG", "Supreme Court", "state"))])
    assert [a.role for a in actors] == [None]


def test_actors_role_is_a_persons_only() -> None:
    actors, _ = merge_actors(
        [
            article("a", ("Wayne State University", "ORG", "Wayne State University", "Wayne")),
            article("b", ("Ana Quill", "PERSON", "Ana Quill", "Trade Minister")),
        ]
    )
    assert {a.name: a.role for a in actors} == {
        "Wayne State University": None,
        "Ana Quill": "Trade Minister",
    }


def test_actors_direction_word_is_no_places_short_name() -> None:
    _, mapping = merge_actors(
        [
            article("a", ("Western District", "LOC", "Western District")),
            article("b", ("Western", "NORP", "Western")),
            article("c", ("Abaco Islands", "LOC", "Abaco Islands")),
            article("d", ("Abaco", "NORP", "Abaco")),
        ]
    )
    assert mapping[("a", "Western District")] != mapping[("b", "Western")]
    assert mapping[("c", "Abaco Islands")] == mapping[("d", "Abaco")]  # a name, not a direction


def test_actors_surname_kept_apart_in_its_article_joins_no_other_namesake() -> None:
    actors, mapping = merge_actors(
        [
            article(
                "a",
                ("Lena Whitcombe", "PERSON", "Lena Whitcombe", "Rep."),
                ("Whitcombe", "PERSON", "Whitcombe", "Senator"),
            ),
            article("b", ("Arthur Whitcombe", "PERSON", "Arthur Whitcombe", "Senator")),
        ]
    )
    names = by_name(actors)
    assert set(names) == {"Lena Whitcombe", "Whitcombe", "Arthur Whitcombe"}
    assert actor_of(mapping, "a", "Whitcombe") == names["Whitcombe"].id


def test_actors_a_national_day_is_its_own_countrys() -> None:
    actors, mapping = merge_actors(
        [
            article(
                "a",
                ("China", "GPE", "China"),
                ("China", "GPE", "China"),
                ("National Day", "EVENT", "National Day"),
            ),
            article(
                "b",
                ("France", "GPE", "France"),
                ("France", "GPE", "France"),
                ("National Day", "EVENT", "National Day"),
            ),
        ]
    )
    assert actor_of(mapping, "a", "National Day") != actor_of(mapping, "b", "National Day")


def test_actors_bare_place_name_beginning_two_places_joins_neither() -> None:
    """ "Port Arden" where the folder names the "Port Arden Islands" and the "Port Arden
    Strip" is either: it joins none of them (and so never makes them one); where the folder
    names only one of them, it is that one. A division ("Port Arden City") it never joins
    on its words alone: the bare name is as often the province or the town."""
    isles = article("a", ("Port Arden Islands", "GPE", "Port Arden Islands"))
    strip = article("b", ("Port Arden Strip", "LOC", "Port Arden Strip"))
    bare = article("c", ("Port Arden", "GPE", "Port Arden"))
    city = article("d", ("Port Arden City", "GPE", "Port Arden City"))
    actors, mapping = merge_actors([isles, strip, bare])
    keys = [("a", "Port Arden Islands"), ("b", "Port Arden Strip"), ("c", "Port Arden")]
    assert len({actor_of(mapping, *k) for k in keys}) == 3
    _actors, mapping = merge_actors([isles, bare])
    assert actor_of(mapping, "c", "Port Arden") == actor_of(mapping, "a", "Port Arden Islands")
    _actors, mapping = merge_actors([city, bare])
    assert actor_of(mapping, "c", "Port Arden") != actor_of(mapping, "d", "Port Arden City")


@pytest.mark.parametrize("city_name", ["Oklahoma City", "Oklahoma, O.C."])
def test_actors_state_name_beside_its_namesake_city_is_each_articles_own(city_name: str) -> None:
    """A US state's bare name where the folder also names its namesake city in full is the
    city in one story and the state in another: each article's is its own actor, joined to
    neither; without the city in full, the state's name is one actor across stories."""
    one = article("a", ("Oklahoma", "GPE", "Oklahoma"), ("Texas", "GPE", "Texas"))
    two = article("b", ("Oklahoma", "GPE", "Oklahoma"), ("Texas", "GPE", "Texas"))
    city = article("c", (city_name, "GPE", city_name))
    actors, mapping = merge_actors([one, two, city])
    ids = {actor_of(mapping, "a", "Oklahoma"), actor_of(mapping, "b", "Oklahoma")}
    assert len(ids) == 2
    assert actor_of(mapping, "c", city_name) not in ids
    assert all(a.type == "place" for a in actors)
    assert actor_of(mapping, "a", "Texas") == actor_of(mapping, "b", "Texas")
    _actors, mapping = merge_actors([one, two])
    assert actor_of(mapping, "a", "Oklahoma") == actor_of(mapping, "b", "Oklahoma")


def test_actors_state_name_read_as_a_city_joins_the_city_named_with_an_abbreviation() -> None:
    """The namesake city named as the state's name and an abbreviation ("Washington, D.C.")
    is the city a foreign story's bare state name means, as "<state> City" is."""
    _, mapping = merge_actors(
        [
            _in("a", "Chile", ("Oklahoma", "GPE", "Oklahoma")),
            article("b", ("Oklahoma, O.C.", "GPE", "Oklahoma, O.C.")),
        ]
    )
    assert mapping[("a", "Oklahoma")] == mapping[("b", "Oklahoma, O.C.")]


def test_actors_explain_merges_names_the_rule_of_each_join() -> None:
    """Each union across articles comes with the rule that made it and both sides' keys, and
    the actors are those `merge_actors` makes."""
    from newsdesk.core.pipeline.actors import explain_merges

    analyses = [
        article("a", ("Vera Lindqvist", "PERSON", "Vera Lindqvist")),
        article("b", ("Lindqvist", "PERSON", "Lindqvist")),
        article("c", ("Norway", "GPE", "Norway")),
    ]
    actors, mapping, joins = explain_merges(analyses)
    assert [a.id for a in actors] == [a.id for a in merge_actors(analyses)[0]]
    assert [(j.rule, j.left_keys, j.right_keys) for j in joins] == [
        ("short_forms", ("Lindqvist",), ("Vera Lindqvist",))
    ]
    assert mapping[joins[0].cluster] == mapping[("b", "Lindqvist")]


def _label_and_sea(bare: tuple[str, str, str]) -> dict[tuple[str, str], str]:
    """A record label whose story also calls it by its first word, a sea named in full, and
    a bare word in a third story."""
    _, mapping = merge_actors(
        [
            article(
                "a",
                ("Korvath Records", "ORG", "Korvath Records"),
                ("Korvath", "ORG", "Korvath Records"),
            ),
            article("b", ("Korvath Sea", "LOC", "Korvath Sea")),
            article("c", bare),
        ]
    )
    return mapping


def test_actors_word_beginning_several_actors_names_joins_none() -> None:
    # the word begins a label's name and a sea's: a bare "Korvath" the model took for a
    # person is either, so it is not the label's short form from another story
    mapping = _label_and_sea(("Korvath", "PERSON", "Korvath"))
    assert mapping[("c", "Korvath")] != mapping[("a", "Korvath Records")]


def test_actors_word_beginning_several_names_joins_the_one_its_type_picks() -> None:
    mapping = _label_and_sea(("Korvath", "ORG", "Korvath"))
    assert mapping[("c", "Korvath")] == mapping[("a", "Korvath Records")]


def test_actors_word_beginning_several_names_joins_the_one_its_story_names() -> None:
    _, mapping = merge_actors(
        [
            article(
                "a",
                ("Korvath Records", "ORG", "Korvath Records"),
                ("Korvath", "ORG", "Korvath Records"),
            ),
            article("b", ("Korvath Sea", "LOC", "Korvath Sea")),
            article(
                "c", ("Korvath Records", "ORG", "Korvath Records"), ("Korvath", "PERSON", "Korvath")
            ),
        ]
    )
    assert mapping[("c", "Korvath")] == mapping[("a", "Korvath Records")]


@pytest.mark.parametrize(("country", "joined"), [("Peru", True), ("Norway", False)])
def test_actors_place_short_name_joins_only_a_place_of_a_shared_country(
    country: str, joined: bool
) -> None:
    _, mapping = merge_actors(
        [
            article(
                "a", ("Peru", "GPE", "Peru"), ("Punta Verde Island", "GPE", "Punta Verde Island")
            ),
            article("b", (country, "GPE", country), ("Punta Verde", "GPE", "Punta Verde")),
        ]
    )
    island = mapping[("a", "Punta Verde Island")]
    assert (mapping[("b", "Punta Verde")] == island) is joined


GEORGIA = ("Georgia", "GPE", "Georgia")


def test_actors_country_and_us_state_of_one_name_read_by_context() -> None:
    _, mapping = merge_actors(
        [
            article(
                "a", ("Georgia", "GPE", "Georgia"), ("Russia", "GPE", "Russia"), *[GEORGIA] * 2
            ),
            article("b", GEORGIA, ("Georgian", "NORP", "Georgian"), ("Russian", "NORP", "Russian")),
            article("c", ("Ohio", "GPE", "Ohio"), ("Georgia", "GPE", "Georgia")),
            article("d", ("Georgia", "GPE", "Georgia"), ("U.S.", "GPE", "U.S.")),
            article("e", ("Georgia", "GPE", "Georgia"), ("Peru", "GPE", "Peru")),
        ]
    )
    country, state = mapping[("a", "Georgia")], mapping[("c", "Georgia")]
    assert mapping[("b", "Georgia")] == country  # a story about the country
    assert mapping[("d", "Georgia")] == state != country
    assert mapping[("e", "Georgia")] not in (country, state)  # nothing says which


def test_actors_body_named_alone_is_not_a_nations_body_of_its_union() -> None:
    uk = ("United Kingdom", "GPE", "United Kingdom")
    _, mapping = merge_actors(
        [
            article(
                "a", uk, ("Parliament", "ORG", "Parliament"), ("Parliament", "ORG", "Parliament")
            ),
            article(
                "b",
                uk,
                ("Welsh Parliament", "ORG", "Welsh Parliament"),
                ("Parliament", "ORG", "Welsh Parliament"),
            ),
            article(
                "c",
                uk,
                ("Parliament of the United Kingdom", "ORG", "Parliament of the United Kingdom"),
            ),
        ]
    )
    assert mapping[("a", "Parliament")] != mapping[("b", "Welsh Parliament")]
    assert mapping[("a", "Parliament")] == mapping[("c", "Parliament of the United Kingdom")]


def written(aid: str, text: str, *names: tuple[str, str, str]) -> ArticleAnalysis:
    """An analysis of `text` whose mentions (text, label, key) are found in it, in order."""
    art = Article(aid, f"{aid}.txt", aid, None, None, None, text, (), "h")
    out, at = [], 0
    for name, label, key in names:
        start = text.index(name, at)
        at = start + len(name)
        out.append(Mention(aid, start, at, name, label, key=key))
    return ArticleAnalysis(art, tuple(out), (), ())


def test_actors_body_written_after_a_country_is_that_countrys_branch() -> None:
    crescent = ("Green Crescent", "ORG", "Green Crescent")
    peru = ("Peru", "GPE", "Peru")
    stories = [
        written(
            "a",
            "A Peru Green Crescent worker said the Peru Green Crescent was busy.",
            peru,
            crescent,
            peru,
            crescent,
        ),
        written("b", "The Green Crescent said so.", crescent),
        written("c", "The Green Crescent agreed.", crescent),
        written(
            "d",
            "The First Minister of Peru Ana Quill met Ana Quill's aides.",
            peru,
            ("Ana Quill", "ORG", "Ana Quill"),
            ("Ana Quill", "PERSON", "Ana Quill"),
        ),
        written("e", "Ana Quill spoke.", ("Ana Quill", "PERSON", "Ana Quill")),
    ]
    _, mapping = merge_actors(stories)
    assert mapping[("b", "Green Crescent")] == mapping[("c", "Green Crescent")]
    assert mapping[("a", "Green Crescent")] != mapping[("b", "Green Crescent")]
    assert mapping[("d", "Ana Quill")] == mapping[("e", "Ana Quill")]  # once: a title's end
    # the store merges stored mentions without the text: the same actors
    bare = [replace(s, article=replace(s.article, text="")) for s in stories]
    assert merge_actors(bare)[1] == mapping


@pytest.mark.parametrize(
    ("longer", "joined"),
    [("Zentrix Nova Cloud", False), ("Zentrix Orbital", False), ("Zentrix Corporation", True)],
)
def test_actors_body_is_not_its_product_named_after_it(longer: str, joined: bool) -> None:
    _, mapping = merge_actors(
        [
            article("a", (longer, "ORG", longer), ("Zentrix", "ORG", longer)),
            article("b", ("Zentrix", "ORG", "Zentrix")),
        ]
    )
    assert (mapping[("a", longer)] == mapping[("b", "Zentrix")]) is joined


def test_actors_party_word_is_its_storys_countrys_party() -> None:
    party = ("Verdant Party", "ORG", "Verdant Party")
    word = ("Verdant", "NORP", "Verdant")
    peru, norway = ("Peru", "GPE", "Peru"), ("Norway", "GPE", "Norway")
    actors, mapping = merge_actors(
        [
            article("a", peru, peru, party),
            article("b", norway, norway, word),
            article("c", peru, peru, word, word),
            article("d", ("Verdant Coast", "LOC", "Verdant Coast")),
        ]
    )
    assert mapping[("c", "Verdant")] == mapping[("a", "Verdant Party")]
    assert mapping[("b", "Verdant")] != mapping[("a", "Verdant Party")]  # another country's
    joined = next(a for a in actors if a.id == mapping[("c", "Verdant")])
    assert (joined.name, joined.type) == ("Verdant Party", "organization")


@pytest.mark.parametrize(("other", "joined"), [(None, True), ("Zonal Bank Reserve", False)])
def test_actors_bare_acronym_joins_the_one_body_it_abbreviates(
    other: str | None, joined: bool
) -> None:
    us = ("United States", "GPE", "United States")
    stories = [
        article("a", us, ("Zeta Broadcast Radio", "ORG", "Zeta Broadcast Radio")),
        article("b", us, ("ZBR", "ORG", "ZBR")),
    ]
    if other is not None:  # a second body those letters abbreviate: nothing says which
        stories.append(article("c", us, (other, "ORG", other)))
    _, mapping = merge_actors(stories)
    assert (mapping[("b", "ZBR")] == mapping[("a", "Zeta Broadcast Radio")]) is joined


def test_actors_person_is_not_the_place_named_after_them() -> None:
    _, mapping = merge_actors(
        [
            article("a", ("Quillon Island", "LOC", "Quillon Island")),
            article("b", ("Quillon", "PERSON", "Quillon"), ("Quillon", "PERSON", "Quillon")),
        ]
    )
    assert mapping[("b", "Quillon")] != mapping[("a", "Quillon Island")]


def test_actors_surname_joins_one_person_written_with_and_without_middle_name() -> None:
    _, mapping = merge_actors(
        [
            article("a", ("Ana Maria Quill", "PERSON", "Ana Maria Quill", "Minister")),
            article("b", ("Ana Quill", "PERSON", "Ana Quill", "Minister")),
            article("c", ("Ben Quill", "PERSON", "Ben Quill", "Coach")),
            article("d", ("Quill", "PERSON", "Quill", "Minister")),
        ]
    )
    assert mapping[("a", "Ana Maria Quill")] == mapping[("b", "Ana Quill")]
    assert mapping[("d", "Quill")] == mapping[("b", "Ana Quill")]
    assert mapping[("d", "Quill")] != mapping[("c", "Ben Quill")]


@pytest.mark.parametrize(("country", "joined"), [("Peru", True), ("Chile", False)])
def test_actors_body_named_with_and_without_its_country(country: str, joined: bool) -> None:
    peru, own = ("Peru", "GPE", "Peru"), (country, "GPE", country)
    _, mapping = merge_actors(
        [
            article("a", peru, ("Peru Seismic Survey", "ORG", "Peru Seismic Survey")),
            article("b", ("Peruvian Seismic Survey", "ORG", "Peruvian Seismic Survey")),
            article("c", own, own, ("Seismic Survey", "ORG", "Seismic Survey")),
            article("e", peru, ("Peru Embassy", "ORG", "Peru Embassy")),
            article("f", peru, ("Peruvian Embassy", "ORG", "Peruvian Embassy")),
        ]
    )
    survey = mapping[("a", "Peru Seismic Survey")]
    assert mapping[("b", "Peruvian Seismic Survey")] == survey
    assert (mapping[("c", "Seismic Survey")] == survey) is joined  # only a story about Peru
    assert mapping[("e", "Peru Embassy")] != mapping[("f", "Peruvian Embassy")]  # many alike


def test_actors_bare_body_in_a_story_naming_its_country_branch_is_that_branch() -> None:
    """The model read "the Peru Green Crescent" as one name: a bare "Green Crescent" in that
    story is the branch too, not the body another story names alone."""
    crescent = ("Green Crescent", "ORG", "Green Crescent")
    _, mapping = merge_actors(
        [
            written(
                "a",
                "The Green Crescent said the Peru Green Crescent Society was busy.",
                crescent,
                ("Peru Green Crescent Society", "ORG", "Peru Green Crescent Society"),
            ),
            written("b", "The Green Crescent said so.", crescent),
            written("c", "The Green Crescent agreed.", crescent),
        ]
    )
    assert mapping[("b", "Green Crescent")] == mapping[("c", "Green Crescent")]
    assert mapping[("a", "Green Crescent")] != mapping[("b", "Green Crescent")]


def test_actors_a_name_begun_by_an_acronym_is_the_name_spelling_it_out() -> None:
    actors, _mapping = merge_actors(
        [
            article("a", ("ZBC Tamil", "ORG", "ZBC Tamil")),
            article("b", ("Zenith Broadcasting Corporation Tamil", "ORG",
                          "Zenith Broadcasting Corporation Tamil")),
            article("c", ("Voice of Zembla Tamil", "ORG", "Voice of Zembla Tamil")),
            article("d", ("VOZ Tamil", "ORG", "VOZ Tamil")),
        ]
    )
    assert len(actors) == 2, [a.name for a in actors]


def test_actors_an_acronym_head_spelled_by_two_names_joins_neither() -> None:
    actors, _mapping = merge_actors(
        [
            article("a", ("ZBC Tamil", "ORG", "ZBC Tamil")),
            article("b", ("Zenith Broadcasting Corporation Tamil", "ORG",
                          "Zenith Broadcasting Corporation Tamil")),
            article("c", ("Zora Business College Tamil", "ORG", "Zora Business College Tamil")),
        ]
    )
    assert len(actors) == 3, [a.name for a in actors]


def test_actors_an_acronym_head_needs_the_same_words_after_it() -> None:
    actors, _mapping = merge_actors(
        [
            article("a", ("ZBC Tamil", "ORG", "ZBC Tamil")),
            article("b", ("Zenith Broadcasting Corporation Sinhala", "ORG",
                          "Zenith Broadcasting Corporation Sinhala")),
        ]
    )
    assert len(actors) == 2, [a.name for a in actors]


def test_actors_a_name_written_family_name_first_is_the_same_person() -> None:
    place = ("Chile", "GPE", "Chile")
    actors, _mapping = merge_actors(
        [
            article("a", ("Dara Vorn", "PERSON", "Dara Vorn"), place),
            article("b", ("Vorn Dara", "PERSON", "Vorn Dara"), ("Vorn", "PERSON", "Vorn Dara"),
                    place),
        ]
    )
    people = [a for a in actors if a.type == "person"]
    assert len(people) == 1, [a.name for a in actors]
    assert {m.text for m in people[0].mentions} == {"Dara Vorn", "Vorn Dara", "Vorn"}


def test_actors_reversed_names_of_stories_with_no_country_in_common_stay_apart() -> None:
    actors, _mapping = merge_actors(
        [
            article("a", ("Dara Vorn", "PERSON", "Dara Vorn"), ("Chile", "GPE", "Chile")),
            article("b", ("Vorn Dara", "PERSON", "Vorn Dara"), ("Norway", "GPE", "Norway")),
        ]
    )
    assert len([a for a in actors if a.type == "person"]) == 2, [a.name for a in actors]


def test_actors_a_ministry_of_two_countries_stays_two() -> None:
    actors, _mapping = merge_actors(
        [
            article("a", ("Ministry of Foreign Affairs", "ORG", "Ministry of Foreign Affairs"),
                    ("Chile", "GPE", "Chile")),
            article("b", ("Foreign Ministry", "ORG", "Foreign Ministry"),
                    ("Norway", "GPE", "Norway")),
        ]
    )
    assert len([a for a in actors if a.type == "organization"]) == 2, [a.name for a in actors]


@pytest.mark.parametrize(("short", "joined"), [("Z.B.", True), ("ZB", False)])
def test_actors_two_letters_with_stops_join_the_one_body_they_abbreviate(
    short: str, joined: bool
) -> None:
    us = ("United States", "GPE", "United States")
    _, mapping = merge_actors(
        [
            article("a", us, ("Zonal Bureau", "ORG", "Zonal Bureau")),
            article("b", us, (short, "ORG", short)),
        ]
    )
    assert (mapping[("b", short)] == mapping[("a", "Zonal Bureau")]) is joined


def _at(aid: str, *mentions: tuple[str, str, str, int]) -> ArticleAnalysis:
    """An analysis whose mentions are (text, label, key, start): neighbours at known offsets."""
    art = Article(aid, f"{aid}.txt", aid, None, None, None, "", (), "h")
    out = [
        Mention(aid, start, start + len(text), text, label, key=key)
        for text, label, key, start in mentions
    ]
    return ArticleAnalysis(art, tuple(out), (), ())


def test_actors_state_listed_with_states_stays_the_state_beside_its_namesake_city() -> None:
    """Where the folder names "Washington, D.C.", a bare "Washington" is each story's own,
    unless the story lists it with other states: "Ohio, Texas and Washington" is the state,
    one actor across such stories, and not the city."""
    _, mapping = merge_actors(
        [
            article("a", ("Washington, D.C.", "GPE", "Washington, D.C.")),
            _at("b", ("Ohio", "GPE", "Ohio", 0), ("Washington", "GPE", "Washington", 6)),
            _at("c", ("Texas", "GPE", "Texas", 0), ("Washington", "GPE", "Washington", 10)),
            article("d", ("Washington", "GPE", "Washington")),
            article("e", ("Washington", "GPE", "Washington")),
        ]
    )
    assert mapping[("b", "Washington")] == mapping[("c", "Washington")]
    assert mapping[("b", "Washington")] != mapping[("a", "Washington, D.C.")]
    assert mapping[("d", "Washington")] != mapping[("e", "Washington")]


def test_actors_state_name_in_a_story_mostly_about_another_country_is_the_city() -> None:
    _, mapping = merge_actors(
        [
            article("a", ("New York City", "GPE", "New York City")),
            _in("b", "Chile", ("New York", "GPE", "New York"), ("U.S.", "GPE", "U.S.")),
            article(
                "c",
                ("New York", "GPE", "New York"),
                ("U.S.", "GPE", "U.S."),
                ("Chile", "GPE", "Chile"),
            ),
        ]
    )
    assert mapping[("b", "New York")] == mapping[("a", "New York City")]
    assert mapping[("c", "New York")] != mapping[("a", "New York City")]


def test_actors_surname_alone_stays_out_of_a_story_about_another_country() -> None:
    """A country both stories cite (the United States) does not join a Chilean story's bare
    "Mak" to a Norwegian story's "Kira Mak"; a story about Norway, or one naming it, does."""
    _, mapping = merge_actors(
        [
            _in("a", "Norway", ("Kira Mak", "PERSON", "Kira Mak"), ("U.S.", "GPE", "U.S.")),
            _in("b", "Chile", ("Mak", "PERSON", "Mak"), ("U.S.", "GPE", "U.S.")),
            _in("c", "Peru", ("Mak", "PERSON", "Mak"), ("Norway", "GPE", "Norway")),
        ]
    )
    assert mapping[("b", "Mak")] != mapping[("a", "Kira Mak")]
    assert mapping[("c", "Mak")] == mapping[("a", "Kira Mak")]


def test_actors_a_war_is_not_its_country() -> None:
    """The entity stage keys "the Chile war" as "Chile War" (`read_places_as_wars`): another
    actor than the country of another story, the same as a story naming the war in full."""
    _, mapping = merge_actors(
        [
            article("a", ("Chile", "EVENT", "Chile War")),
            article("b", ("Chile", "GPE", "Chile")),
            article("c", ("Chile War", "EVENT", "Chile War")),
        ]
    )
    assert mapping[("a", "Chile War")] != mapping[("b", "Chile")]
    assert mapping[("a", "Chile War")] == mapping[("c", "Chile War")]
