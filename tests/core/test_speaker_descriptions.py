"""Speakers written as a description, a document or a group: the named actor the article
ties them to, each rule on invented text (with the model's misreading set by hand where the
invented sentence parses better than the real one did)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsdesk.core.models import ArticleAnalysis, Quote

#: The `analyze_text` fixture from tests/conftest.py.
AnalyzeText = Callable[..., ArticleAnalysis]

#: The fixture reads its first block as the title; the text under test is the body.
TITLE = "Invented test article\n\n"


def quotes_in(analyze_text: AnalyzeText, text: str) -> list[Quote]:
    return list(analyze_text(TITLE + text).quotes)


def only(quotes: list[Quote], containing: str) -> Quote:
    found = [q for q in quotes if containing in q.text]
    assert len(found) == 1, f"expected one quote with {containing!r}, got {quotes!r}"
    return found[0]


def hand_parsed(nlp: Any, text: str) -> tuple[Any, Any, dict[str, Any]]:
    """An invented article, its parse and its tokens by text."""
    from newsdesk.core.pipeline.text import build_article

    article = build_article(TITLE + text, article_id="t", path="t.txt", content_hash="x")
    doc = nlp(article.text)
    return article, doc, {t.text: t for t in doc}


def test_untagged_name_keeps_its_role_when_the_closing_comma_is_missing(nlp: Any) -> None:
    from newsdesk.core.pipeline.quotes import find_quotes

    text = (
        "Tarik Osmani, a captain of a cargo boat which sank last month off the coast stated, "
        "“I can almost certainly say that they are from our cargo.”"
    )
    article, doc, words = hand_parsed(nlp, text)
    # as the model read it: the name the subject, the role its apposition running to the verb
    words["Osmani"].dep_, words["Osmani"].head = "nsubj", words["stated"]
    words["captain"].dep_, words["captain"].head = "appos", words["Osmani"]
    quotes = find_quotes(doc, article, [])  # the model tagged no name
    assert only(quotes, "from our cargo").speaker == "Tarik Osmani"


def test_document_that_came_after_a_speaker_does_not_take_their_words(nlp: Any) -> None:
    from newsdesk.core.pipeline.entities import extract_mentions
    from newsdesk.core.pipeline.quotes import find_quotes

    text = (
        "The statement Monday by the Dutch government came after the Senate urged a review "
        "of the case and said that the country has a history of jailing reporters."
    )
    article, doc, words = hand_parsed(nlp, text)
    # as the model read it: "said" joined to "came", whose subject is the statement
    words["said"].dep_, words["said"].head = "conj", words["came"]
    words["urged"].dep_, words["urged"].head = "advcl", words["came"]
    quotes = find_quotes(doc, article, extract_mentions(doc, article))
    assert only(quotes, "history of jailing").speaker == "Senate"


def test_they_after_an_organisation_spoke_is_its_voice(analyze_text: AnalyzeText) -> None:
    text = (
        "Military officials said the strike was a mistake. Coastal Rights Watch have called for "
        "compensation for victims. They say the army is not absolved of liability."
    )
    quote = only(quotes_in(analyze_text, text), "not absolved")
    assert quote.speaker == "Coastal Rights Watch"


def test_they_after_an_untagged_organisation_spoke_is_its_voice(nlp: Any) -> None:
    from newsdesk.core.pipeline.entities import extract_mentions
    from newsdesk.core.pipeline.quotes import find_quotes

    text = (
        "Military officials said the strike was a mistake. Coastal Rights Watch have called for "
        "compensation for victims. They say the army is not absolved of liability."
    )
    article, doc, _words = hand_parsed(nlp, text)
    # the model tagged the group's name as nothing
    mentions = [m for m in extract_mentions(doc, article) if "Watch" not in m.text]
    quotes = find_quotes(doc, article, mentions)
    assert only(quotes, "not absolved").speaker == "Coastal Rights Watch"


def test_they_does_not_take_a_person_who_spoke(analyze_text: AnalyzeText) -> None:
    text = (
        "Local residents gathered outside the plant. Maria Lindqvist said the plant would "
        "close. They said they had not been told."
    )
    quote = only(quotes_in(analyze_text, text), "had not been told")
    assert quote.speaker != "Maria Lindqvist"


def test_a_feed_speaks_for_whose_it_is(analyze_text: AnalyzeText) -> None:
    text = (
        "The host died on Friday.\n\nThe account for The Rick and Tom Show, which replaced the "
        'host\'s programme, tweeted: "We salute you. A radio legend indeed."'
    )
    quote = only(quotes_in(analyze_text, text), "We salute you")
    assert quote.speaker == "The Rick and Tom Show"
    assert quote.via == "The account"


def test_a_document_from_a_body_is_the_bodys(analyze_text: AnalyzeText) -> None:
    text = "A statement from Northfield Mining Corporation said the mine would close in May."
    quote = only(quotes_in(analyze_text, text), "mine would close")
    assert quote.speaker == "Northfield Mining Corporation"


def test_a_date_after_from_issues_no_document(analyze_text: AnalyzeText) -> None:
    text = (
        "One study in the Journal of Rare Birds from March noted authorities seized 126 eggs "
        "from 2013 to 2019."
    )
    quote = only(quotes_in(analyze_text, text), "seized 126 eggs")
    assert quote.speaker != "March"


def test_a_group_speaks_by_the_name_it_goes_by(analyze_text: AnalyzeText) -> None:
    text = (
        "The move comes after the internet activist group known as Nightowl called on the "
        "hosting firms to drop the church's website."
    )
    quote = only(quotes_in(analyze_text, text), "hosting firms")
    assert quote.speaker == "Nightowl"


def test_untagged_holder_of_an_institutions_role_speaks(nlp: Any) -> None:
    from newsdesk.core.pipeline.entities import extract_mentions
    from newsdesk.core.pipeline.quotes import find_quotes

    text = (
        '"She was the finest scientist I have known," said University of Arden, Vale\'s '
        "chancellor, Tomas Reinholt."
    )
    article, doc, words = hand_parsed(nlp, text)
    # as the model read it: the institution the subject, the role its conjunct, the name the
    # role's apposition
    words["University"].dep_, words["University"].head = "nsubj", words["said"]
    words["chancellor"].dep_, words["chancellor"].head = "conj", words["University"]
    words["Reinholt"].dep_, words["Reinholt"].head = "appos", words["chancellor"]
    words["Tomas"].dep_, words["Tomas"].head = "compound", words["Reinholt"]
    mentions = [m for m in extract_mentions(doc, article) if "Reinholt" not in m.text]
    quotes = find_quotes(doc, article, mentions)
    assert only(quotes, "finest scientist").speaker == "Tomas Reinholt"


def test_a_document_relays_what_the_named_subject_decided(analyze_text: AnalyzeText) -> None:
    text = (
        "The court ruled on Wednesday. Helena Marsh, the Lord President of the court decided, "
        'according to the summary, "that the advice was unlawful and of no effect."'
    )
    quote = only(quotes_in(analyze_text, text), "the advice was unlawful")
    assert quote.speaker == "Helena Marsh"
    assert quote.via == "the summary"


def test_a_document_states_what_befell_its_subject(analyze_text: AnalyzeText) -> None:
    text = "Helena Marsh died on Tuesday, according to the report."
    quote = only(quotes_in(analyze_text, text), "died on Tuesday")
    assert quote.speaker == "the report"


def test_those_quoted_as_saying_say_it(analyze_text: AnalyzeText) -> None:
    text = (
        "Days earlier, a news agency article by Tom Reed reported that two former officials, "
        "Maria Lopez and Tom Becker, as saying that the main reason for the delay was money."
    )
    quote = only(quotes_in(analyze_text, text), "main reason for the delay")
    assert quote.speaker in {"Maria Lopez", "Tom Becker"}
