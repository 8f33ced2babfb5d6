"""Which country a name or an article belongs to, and which bodies are named without it."""

from __future__ import annotations

import pytest

from newsdesk.core.pipeline.countries import (
    article_country,
    article_division,
    country_of,
    headline_country,
    without_country,
    without_division,
)
from newsdesk.core.pipeline.kinds import body_scope, name_fold
from newsdesk.core.pipeline.names import fold_name


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Chile", "Chile"),
        ("U.S.", "United States"),
        ("America", "United States"),
        ("Ohio", "United States"),  # a state is its country's
        ("England", "United Kingdom"),
        ("Puerto Rico", "Puerto Rico"),  # a territory has its own parliament
        ("Chilean", "Chile"),  # demonyms by their ending
        ("Taiwanese", "Taiwan"),
        ("Philippine", "Philippines"),
        ("British", "United Kingdom"),  # and the irregular ones
        ("Dutch", "Netherlands"),
        ("Reuters", None),
        ("Catholic", None),
        ("Dominic", None),  # a given name, not "Dominica"
    ],
)
def test_countries_country_of_name(name: str, country: str | None) -> None:
    assert country_of(fold_name(name)) == (fold_name(country) if country else None)


def test_countries_article_country_is_the_most_named() -> None:
    names = [fold_name(n) for n in ("Chile", "Chilean", "Norway", "Reuters", "Chile")]
    assert article_country(names) == fold_name("Chile")
    assert article_country([fold_name("Chile"), fold_name("Norway")]) is None  # a tie
    assert article_country([fold_name("Reuters")]) is None


@pytest.mark.parametrize(
    ("name", "scope"),
    [
        ("Parliament", "country"),
        ("Supreme Court", "country"),
        ("Air Force", "country"),
        ("Ministry of Health", "country"),
        ("Labour Party", "country"),
        ("Department", "article"),  # one of many in a country
        ("District Court", "article"),
        ("Fire Department", "article"),
        ("Western District", "article"),  # of Texas, of Virginia
        ("Eastern Cape", None),  # a province's own name
        ("Chilean Air Force", None),  # says whose it is
        ("Supreme Court of Chile", None),
        ("European Commission", None),  # above any country
        ("Reuters", None),  # no body every state has
        ("Boeing", None),
    ],
)
def test_countries_body_scope(name: str, scope: str | None) -> None:
    assert body_scope(fold_name(name)) == scope


@pytest.mark.parametrize(
    ("title", "country"),
    [
        ("U.S. House sends subpoena as envoy to Chile resigns", "United States"),
        ("Chile's Senate passes budget", "Chile"),
        ("Puerto Rico Senate sues governor", "Puerto Rico"),
        ("Storm leaves us without power", None),  # the pronoun, not the country
        ("Iranian cargo plane crashes", "Iran"),
    ],
)
def test_countries_headline_names_the_country_first(title: str, country: str | None) -> None:
    assert headline_country(title) == (fold_name(country) if country else None)


def test_countries_headline_country_wins_over_the_most_named() -> None:
    names = [fold_name("Chile")] * 5
    assert article_country(names, "U.S. Senate votes on Chile") == fold_name("United States")


def test_countries_formal_state_name_folds_to_its_country_only_as_a_place() -> None:
    assert name_fold("Islamic Republic of Chile") == fold_name("Chile")
    assert name_fold("Islamic State of Chile", place=False) == fold_name("Islamic State of Chile")


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("US Supreme Court", ("Supreme Court", "United States")),
        ("Supreme Court of the United States", ("Supreme Court", "United States")),
        ("Iranian Air Force", ("Air Force", "Iran")),
        ("Chile", None),  # nothing left
        ("Reuters", None),
    ],
)
def test_countries_name_without_its_country(name: str, split: tuple[str, str] | None) -> None:
    expected = (fold_name(split[0]), fold_name(split[1])) if split else None
    assert without_country(fold_name(name)) == expected


def test_countries_a_divisions_body_is_not_the_countrys() -> None:
    assert without_country(fold_name("Maryland Democratic Party")) is None
    assert without_country(fold_name("Scottish Parliament")) is None


def test_countries_a_territorys_body_is_its_own() -> None:
    assert without_country(fold_name("Puerto Rico Senate")) == (
        fold_name("Senate"),
        fold_name("Puerto Rico"),
    )


@pytest.mark.parametrize(
    ("title", "text", "country", "division"),
    [
        ("Governor of US state of Ohio signs water bill", "", "united states", "ohio"),
        ("Manitoba passes farm law", "", "canada", "manitoba"),
        ("Missing New York City baker found", "", "united states", None),  # a city
        ("Ohio federal judge strikes down rule", "", "united states", None),  # says national
        ("Ohio judge strikes down rule", "A federal judge ruled", "united states", None),
        ("Ohio bill passes", "", "mexico", None),  # a story about another country
        ("US Senate passes bill", "", "united states", None),  # no state in the headline
    ],
)
def test_article_division_is_the_state_a_headline_names(
    title: str, text: str, country: str, division: str | None
) -> None:
    expected = fold_name(division) if division else None
    assert article_division(title, text, fold_name(country)) == expected


def test_without_division_takes_the_state_off_a_body() -> None:
    assert without_division(fold_name("Ohio Senate")) == (
        fold_name("senate"),
        f"{fold_name('united states')}/{fold_name('ohio')}",
    )
    assert without_division(fold_name("Senate of Ohio")) == without_division(
        fold_name("Ohio Senate")
    )
    assert without_division(fold_name("Chilean Senate")) is None


def test_countries_a_us_states_formal_name_and_a_country_acronym_fold_to_the_name() -> None:
    assert name_fold("State of Ohio") == name_fold("Ohio")
    assert name_fold("Commonwealth of Kentucky") == name_fold("Kentucky")
    assert name_fold("State of Ohio", place=False) != name_fold("Ohio")
    assert name_fold("U.K.") == name_fold("UK") == name_fold("United Kingdom")
