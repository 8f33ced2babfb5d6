"""Choosing among named candidates: whom a pronoun or a cue-less quote means, on invented text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk.core.models import ArticleAnalysis, Quote

#: The `analyze_text` fixture from tests/conftest.py.
AnalyzeText = Callable[..., ArticleAnalysis]

#: The fixture reads its first block as the title; the text under test is the body.
TITLE = "Invented test article\n\n"


def speaker_of(analyze_text: AnalyzeText, text: str, containing: str) -> str | None:
    quotes: list[Quote] = [q for q in analyze_text(TITLE + text).quotes if containing in q.text]
    assert len(quotes) == 1, quotes
    return quotes[0].speaker


def test_quotes_pronoun_after_an_unnamed_speaker_is_not_someone_named_before(
    analyze_text: AnalyzeText,
) -> None:
    # the one who spoke in the sentence before is a person the article never names: "she" is
    # that person, not the last name written further back
    text = (
        "Officers Tom Baxter and Ray Lind were charged in March. Lind denied the charge, and "
        "Baxter wept in court.\n\n"
        'The head of the internal inquiry told the court "Basic checks were not done." She '
        'also said "I regret we were not called sooner. We could have acted."'
    )
    assert speaker_of(analyze_text, text, "I regret") == "The head of the internal inquiry"


def test_quotes_pronoun_after_a_named_role_is_the_person(analyze_text: AnalyzeText) -> None:
    # the same shape with the role's holder named in apposition: the name, as before
    text = (
        "Officers Tom Baxter and Ray Lind were charged in March.\n\n"
        "The head of the internal inquiry, Ann Ward, told the court the checks were weak. "
        'She also said "I regret we were not called sooner. We could have acted."'
    )
    assert speaker_of(analyze_text, text, "I regret") == "Ann Ward"


@pytest.mark.parametrize(
    "subject",
    [
        "Senators Ann Ward of Ohio, Bill Kerr of Utah, and Carl Dunn of Iowa each",
        "Senators Ann Ward and Carl Dunn both",
    ],
)
def test_quotes_pronoun_skips_a_subject_naming_several_people(
    analyze_text: AnalyzeText, subject: str
) -> None:
    # "he" is one person: a subject that names several (joined by "and", "each", "both") is
    # not what it means, however near; the one they asked is
    text = (
        f"Mark Tolley lost his seat in 2012. After the defeat, {subject} asked Tolley to run "
        'again. He alluded to a return during his farewell address, noting, "Victory and '
        'defeat are temporary, and we may meet again."'
    )
    assert speaker_of(analyze_text, text, "Victory and defeat") == "Mark Tolley"


def test_quotes_pronoun_chain_reaches_a_person_called_by_a_middle_name(
    analyze_text: AnalyzeText,
) -> None:
    # a long run of "she" goes back to the person the article calls by her middle name
    # ("Leyla" of "Fatma Leyla Osmanova"), not to a man named in a clause on the way
    text = (
        "Fatma Leyla Osmanova, the last princess born in the palace, died on Monday.\n\n"
        "As a young girl, Leyla left the country with her relatives after the family was "
        "banished. She was born a year before Kemal Bey founded the republic. In 1940, she "
        "married a prince. She was briefly under arrest with her husband. As an exile, she "
        'longed to return to the city. She told a biographer, "My mother had friends who '
        'would go to the city. None of them brought me back a thing."'
    )
    assert speaker_of(analyze_text, text, "My mother") == "Fatma Leyla Osmanova"


def test_quotes_cueless_quote_goes_on_with_the_latest_statement(
    analyze_text: AnalyzeText,
) -> None:
    # quoted words with no cue after someone's statement are theirs, even when the article
    # does not name them as a person ("Survivor Abu"), not the earlier named speaker's
    text = (
        '"We saw dozens of patients with wounds to the chest," said clinic doctor Mary '
        "Okello. She described wounded children in the ward.\n\n"
        "Survivor Abu, 37, a farmer, said the jets were a common sight but the attacking one "
        'behaved strangely. "The plane flew back and forth, and we knew something was wrong '
        'before the bombing."'
    )
    assert speaker_of(analyze_text, text, "plane flew") == "Survivor Abu"
