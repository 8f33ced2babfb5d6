"""Actors a reader sees first: names stop at the name, and a name's kind comes from its use."""

from __future__ import annotations

import pytest

from newsdesk.core.models import Mention
from newsdesk.core.pipeline.entities.acronyms import missed_organisations
from newsdesk.core.pipeline.entities.candidates import Taken
from newsdesk.core.pipeline.kinds import label_from_words


@pytest.fixture(scope="module")
def mentions_of(analyze_text):  # type: ignore[no-untyped-def]
    """`mentions_of(body)` -> the mentions of an article with that body (a title is added)."""

    def run(body: str) -> list[Mention]:
        return list(analyze_text("A headline for the test\n\n" + body).mentions)

    return run


def labels(mentions: list[Mention]) -> dict[str, set[str]]:
    """Surface text -> the labels its mentions were given."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        out.setdefault(m.text, set()).add(m.label)
    return out


def test_first_screen_a_name_never_runs_over_a_sentence_end(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of(
            "Dockers continued their strike on Tuesday. Union chief Marek Zalewski told "
            "reporters the talks had failed."
        )
    )
    assert not any(". " in name for name in found), found
    assert "Marek Zalewski" in found, found


def test_first_screen_a_full_stop_of_an_abbreviation_stays_in_the_name(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(mentions_of("She was treated at St. Agnes Hospital in the capital."))
    assert "St. Agnes Hospital" in found, found


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The singer died in Kettle Station, Texas after a fall.", "GPE"),
        ("The singer died in Kettle Station, Texas.", "GPE"),
        ("Trains stop at Kettle Station, Texas Rail's busiest hub.", "ORG"),
        ("Trains stop at Kettle Station on Mondays.", "ORG"),
    ],
)
def test_first_screen_a_town_named_with_its_state_is_a_place(text: str, label: str) -> None:
    # the name the model left out, ending in a body's word ("Station"), as the entity stage
    # finds it after cutting "the Marlow Medical Center in Kettle Station" at its "in"
    found = missed_organisations([], text, Taken(), [])
    assert [(c.text, c.label) for c in found] == [("Kettle Station", label)]


def test_first_screen_an_institution_named_after_two_founders_is_one(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of(
            "The singer died on Friday at the Hale Morton and Grey Medical Center in Lakeport "
            "after a fall, her agent said."
        )
    )
    assert found.get("Hale Morton and Grey Medical Center") == {"ORG"}, found
    assert "Hale Morton" not in found, found


def test_first_screen_two_bodies_listed_stay_two(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of("Funds went to the Hale Foundation and Grey Medical Center on Monday.")
    )
    assert {"Hale Foundation", "Grey Medical Center"} <= found.keys(), found


def test_first_screen_a_list_of_first_names_is_people(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of(
            "She is survived by her husband Dale Crane, their two sons Wyatt and Zachary, and "
            "four daughters, Nadine, Ashley, Elizabeth, and Toni, from her first marriage."
        )
    )
    for name in ("Nadine", "Ashley", "Elizabeth", "Toni"):
        assert found.get(name) == {"PERSON"}, found


def test_first_screen_a_list_of_bodies_stays_bodies(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(mentions_of("The fund backs Velcorp, Ardenia and Tullow Oil."))
    assert found.get("Velcorp") == {"ORG"}, found


def test_first_screen_people_listed_in_one_span_are_each_someone(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of(
            "Imus is survived by his wife Deirdre and their sons Wyatt and Zachary. Bartlett "
            'tweeted: "My heart breaks for Deirdre, Wyatt & Zach. Rest easy Cowboy."'
        )
    )
    assert not any("&" in name for name in found), found
    assert found.get("Zach") == {"PERSON"}, found


def test_first_screen_a_firm_with_an_ampersand_stays_one(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(mentions_of("Shares of Procter & Gamble rose on Monday."))
    assert "Procter & Gamble" in found, found


@pytest.mark.parametrize(
    "body",
    [
        'The station tweeted: "Doc. We salute you. A radio legend indeed. RIP #Doc".',
        "The account for the show, hosted by Hal Berger, who worked for Kendo, tweeted: "
        '"Big K. We salute you. A radio legend indeed. RIP #Kendo".',
    ],
)
def test_first_screen_capitals_filling_no_part_of_a_quote_are_no_body(  # type: ignore[no-untyped-def]
    mentions_of, body: str
) -> None:
    assert "RIP" not in labels(mentions_of(body))


def test_first_screen_an_acronym_a_quote_speaks_of_is_a_body(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(mentions_of('"The FBI is investigating, and we trust NASA," she said.'))
    assert {"FBI", "NASA"} <= found.keys(), found


def test_first_screen_a_shows_title_is_no_one(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of(
            "The account for The Dan and Sue Show, which replaced the old programme, hosted by "
            'Dan Keller and Sue Rosen, tweeted: "We salute you."'
        )
    )
    assert "Sue Show" not in found and "Dan" not in found, found
    assert found.get("Dan Keller") == {"PERSON"}, found
    assert "Dan and Sue Show" in found and "PERSON" not in found["Dan and Sue Show"], found


@pytest.mark.parametrize(
    "body",
    [
        "Rescuers searched the rubble on Monday, while Vorskaya regional Deputy Governor Oleg "
        "Kleshin said 68 people were missing.",
        "Rescuers searched the rubble on Monday. Vorskaya's governor has promised each victim a "
        "payout.",
    ],
)
def test_first_screen_a_name_its_government_is_named_by_is_a_place(  # type: ignore[no-untyped-def]
    mentions_of, body: str
) -> None:
    assert labels(mentions_of(body)).get("Vorskaya") == {"GPE"}


def test_first_screen_a_firms_regional_manager_leaves_it_a_firm(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of(
            "Delta regional manager Ana Ruiz said flights were delayed. Delta's chief executive "
            "apologised."
        )
    )
    assert found.get("Delta") == {"ORG"}, found


def keys(mentions: list[Mention]) -> dict[str, set[str]]:
    """Surface text -> the cluster keys its mentions were given."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        out.setdefault(m.text, set()).add(m.key)
    return out


def test_first_screen_a_full_name_spelt_two_ways_is_one_person(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = keys(
        mentions_of(
            "Officials said Hamid bin Rashad was killed in a raid. Hamid bin Rushad had been a "
            "leader of the group. Analysts said bin Rushad's death mattered."
        )
    )
    assert found["Hamid bin Rushad"] == found["Hamid bin Rashad"], found


def test_first_screen_a_given_name_spelt_two_ways_may_be_two_people(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = keys(mentions_of("Jon Berger met Jan Berger on Monday."))
    assert found["Jon Berger"] != found["Jan Berger"], found


def test_first_screen_a_leaders_government_leaves_the_leader_someone(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of("The rebels fought against Ian Doyle's government until 1979.")
    )
    assert found.get("Ian Doyle") == {"PERSON"}, found


def test_first_screen_a_bodys_letters_written_twice_stay_a_body(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of(
            "A team from the University of Kelmar at Dunno (UH Dunno) took part. Its head said, "
            '"Ecosystem responses are rarely observed in real time. UH has a strong tradition '
            'of volcanic research."'
        )
    )
    assert "UH" in found, found


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "San Lek, 41, the former councillor in neighbouring Kork Thmei commune, says party "
            "officials had gone door-to-door on election day.",
            "San Lek",
        ),
        (
            "Sarit, 39, a villager in Kampong Mean province, said local officials threatened to "
            "block the signing of documents.",
            "Sarit",
        ),
    ],
)
def test_first_screen_a_name_given_an_age_is_someone(mentions_of, body: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert labels(mentions_of(body)).get(name) == {"PERSON"}


def test_first_screen_numbers_listed_after_a_name_are_no_age(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(mentions_of("The fire at Block 7, 12, and 14 spread fast."))
    assert "PERSON" not in found.get("Block 7", set()), found


@pytest.mark.parametrize(
    ("name", "label", "wanted"),
    [
        ("Varnea province", "GPE", "GPE"),  # a place and the kind of place it is
        ("Dorvak district", "GPE", "GPE"),
        ("Trypanosoma brucei", "PERSON", "MISC"),  # a species' name has this shape too
    ],
)
def test_first_screen_a_place_with_its_kind_in_lower_case_is_no_species(
    name: str, label: str, wanted: str
) -> None:
    assert label_from_words(name, label) == wanted


def test_first_screen_a_commune_is_a_place(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of(
            "He said that he was sent to Dorvak Commune by his department head who directed "
            "his staff to campaign."
        )
    )
    assert found.get("Dorvak Commune") == {"LOC"}, found


def test_first_screen_names_before_a_kind_of_place_are_places(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        mentions_of(
            "The minister is in charge of promoting the party in the Dorvak Khet and Lvem Orak "
            "districts this year."
        )
    )
    assert found.get("Lvem Orak") == {"LOC"}, found


def test_first_screen_a_street_or_an_area_after_a_name_leaves_it_alone(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = labels(mentions_of("On Monday Tim Cook street protests grew in the city."))
    assert found.get("Tim Cook") == {"PERSON"}, found


def test_first_screen_two_names_written_family_name_first_stay_two(mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = keys(
        mentions_of(
            "Two of the leader's children, Chea Sokha and Chea Sokhe, won seats on Sunday. Chea "
            "Sokha said she was proud. Chea Sokhe thanked voters."
        )
    )
    assert found["Chea Sokha"] != found["Chea Sokhe"], found
