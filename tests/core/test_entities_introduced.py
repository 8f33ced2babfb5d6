"""A bare name the article introduces on its own (an age, a pseudonym) is a person of its own."""

from __future__ import annotations

import pytest

from newsdesk.core.models import Mention
from newsdesk.core.pipeline.indexing import build_corpus


@pytest.fixture(scope="module")
def key_of(analyze_text):  # type: ignore[no-untyped-def]
    """`key_of(body)` -> surface text -> the set of cluster keys its mentions were given."""

    def run(body: str) -> dict[str, set[str]]:
        mentions: list[Mention] = list(analyze_text("A headline for the test\n\n" + body).mentions)
        out: dict[str, set[str]] = {}
        for m in mentions:
            out.setdefault(m.text, set()).add(m.key)
        return out

    return run


def test_a_name_introduced_with_an_age_before_a_full_namesake_is_its_own(key_of) -> None:  # type: ignore[no-untyped-def]
    keys = key_of(
        "Teachers say they are pressed to campaign for the ruling party.\n\n"
        "Vanna, 34, said she was told to register with the party when she began teaching "
        "in the capital.\n\n"
        "Months later the government jailed the opposition leader Chea Vanna and "
        "dissolved his party."
    )
    assert keys["Chea Vanna"] == {"Chea Vanna"}
    assert keys["Vanna"] and keys["Vanna"] != {"Chea Vanna"}


def test_an_age_after_the_full_name_still_joins_it(key_of) -> None:  # type: ignore[no-untyped-def]
    keys = key_of(
        "The government jailed the opposition leader Chea Vanna last year.\n\n"
        "Vanna, 64, denies the charges and says he will appeal."
    )
    assert keys["Vanna"] == {"Chea Vanna"}


@pytest.mark.parametrize(
    "gloss",
    [
        "who asked that her real name be withheld for fear of reprisals",
        "not her real name",
        "a pseudonym",
        "who asked to be identified only by her first name",
        "whose surname has been withheld",
        "who spoke on condition of anonymity",
    ],
)
def test_a_pseudonym_never_joins_a_real_name(key_of, gloss: str) -> None:  # type: ignore[no-untyped-def]
    keys = key_of(
        "The opposition leader Chea Vanna was jailed last year.\n\n"
        f'"We were told to campaign or lose our jobs," said Vanna, {gloss}.'
    )
    assert keys["Vanna"] != {"Chea Vanna"}


def test_a_bare_name_without_such_words_joins_the_full_name(key_of) -> None:  # type: ignore[no-untyped-def]
    keys = key_of(
        "The opposition leader Chea Vanna was jailed last year.\n\n"
        '"We were told to campaign or lose our jobs," said Vanna, who founded the party '
        "in 2012."
    )
    assert keys["Vanna"] == {"Chea Vanna"}


def test_a_name_introduced_alone_does_not_cross_articles(analyze_text) -> None:  # type: ignore[no-untyped-def]
    one = analyze_text(
        "Party pressure\n\nVanna, 34, said she was told to register with the party. "
        "Later the government jailed the opposition leader Chea Vanna.",
        article_id="one",
    )
    two = analyze_text(
        "Leader jailed\n\nThe opposition leader Chea Vanna was jailed on Monday. "
        "Vanna denies the charges.",
        article_id="two",
    )
    corpus = build_corpus([one, two])
    leader = next(a for a in corpus.actors if a.name == "Chea Vanna")
    assert leader.articles == ("one", "two")
    assert not any(m.article == "one" and m.text == "Vanna" for m in leader.mentions)


def test_a_name_given_as_a_pseudonym_before_it_never_joins_a_real_name(key_of) -> None:  # type: ignore[no-untyped-def]
    keys = key_of(
        "The opposition leader Chea Vanna was jailed last year.\n\n"
        '"We were told to campaign or lose our jobs," said a teacher using the pseudonym '
        "Vanna."
    )
    assert keys["Vanna"] != {"Chea Vanna"}
