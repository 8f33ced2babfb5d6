"""Where quotes start and end, and whose they are, at their edges: each rule on invented text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

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


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Officials said "no comment" in a brief statement.', "no comment"),
        ('A farmer named Tomas said "call me later" on Monday.', "call me later"),
    ],
)
def test_whole_quotation_then_an_adjunct_of_the_telling_is_direct(
    analyze_text: AnalyzeText, text: str, content: str
) -> None:
    quote = only(quotes_in(analyze_text, text), content[:12])
    assert (quote.kind, quote.text) == ("direct", content)


def test_quotation_then_a_clause_stays_mixed(analyze_text: AnalyzeText) -> None:
    text = 'The mayor, Ana Ruiz, said "the old bridge" was no longer safe for lorries.'
    quote = only(quotes_in(analyze_text, text), "old bridge")
    assert quote.kind == "mixed"
    assert quote.text.endswith("no longer safe for lorries")


@pytest.mark.parametrize("opener", ["[", "<", "("])
def test_reported_clause_keeps_the_bracket_that_opens_it(
    analyze_text: AnalyzeText, opener: str
) -> None:
    closer = {"[": "]", "<": ">", "(": ")"}[opener]
    text = f"Officials said {opener}the ministry{closer} had acted too late."
    quote = only(quotes_in(analyze_text, text), "the ministry")
    assert quote.text.startswith(f"{opener}the ministry{closer}")


def test_contrast_with_its_own_source_is_not_part_of_the_report(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "The Valley Courier reported that two guards were injured in the fire on Sunday, "
        "while video from the site showed smoke rising over the roof."
    )
    quote = only(quotes_in(analyze_text, text), "two guards")
    assert quote.text.endswith("in the fire on Sunday")


def test_contrast_without_a_source_stays_in_the_report(analyze_text: AnalyzeText) -> None:
    text = "Tomas Berg, an economist, said prices rose sharply in May, while wages fell again."
    quote = only(quotes_in(analyze_text, text), "prices rose")
    assert quote.text.endswith("while wages fell again")


def test_passive_told_of_quoted_words_is_the_agents_quote(analyze_text: AnalyzeText) -> None:
    text = (
        "The governor visited the site on Monday. He was told by Fire Chief Lena Varga of "
        '"at least twenty people still inside the building", while Deputy Mayor Tomas Berg '
        "put the number at twelve."
    )
    quote = only(quotes_in(analyze_text, text), "twenty people")
    assert quote.text == "at least twenty people still inside the building"
    assert quote.speaker == "Lena Varga"


def test_statement_with_a_common_noun_owner_is_the_owners(analyze_text: AnalyzeText) -> None:
    text = 'The family\'s statement said, "We are grateful to every volunteer who searched."'
    quote = only(quotes_in(analyze_text, text), "grateful")
    assert quote.speaker == "The family"
    assert quote.via == "The family's statement"


def test_statement_with_a_pronoun_owner_is_the_antecedents(analyze_text: AnalyzeText) -> None:
    text = (
        "Mayor Ana Ruiz wrote to the council on Friday. "
        'Her letter says, "The budget must pass before the summer."'
    )
    quote = only(quotes_in(analyze_text, text), "budget")
    assert quote.speaker == "Ana Ruiz"
    assert quote.via == "Her letter"


@pytest.mark.parametrize(
    "text",
    [
        "The host takes calls from listeners who praise the council and criticize the mayor.",
        "The new forum allows residents to speak their minds and mock the powerful.",
    ],
)
def test_a_kind_of_people_or_what_they_may_do_is_no_stance(
    analyze_text: AnalyzeText, text: str
) -> None:
    assert quotes_in(analyze_text, text) == []


def test_people_who_took_a_stance_keep_it(analyze_text: AnalyzeText) -> None:
    text = "Protesters who condemned the plan gathered outside the town hall on Monday."
    assert [q.speaker for q in quotes_in(analyze_text, text)] == ["Protesters"]


@pytest.mark.parametrize(
    "text",
    [
        "While the demand for cheaper housing and better transport has long drawn attention, "
        "research on its effect on young families and their neighbourhoods has only just "
        "started, the Valley Trust said in a 2019 report (PDF) on the issue.",
        "Although the plan for regulating fishing and ending illegal catches has long won "
        "support, work on its cost to coastal towns and their harbours has barely begun, "
        "Oxfam said in a 2016 report.",
    ],
)
def test_fronted_adverbial_and_main_clause_before_the_cue_are_reported(
    analyze_text: AnalyzeText, text: str
) -> None:
    quote = only(quotes_in(analyze_text, text), "has long")
    assert quote.kind == "indirect"
    said_at = text.index(", the Valley") if "Valley" in text else text.index(", Oxfam")
    assert quote.text == text[:said_at]


def test_main_clause_the_parser_joined_to_a_fronted_clause_is_reported(nlp: Any) -> None:
    from newsdesk.core.pipeline.quotes import find_quotes
    from newsdesk.core.pipeline.text import build_article

    text = (
        "While the demand for cheaper housing has long drawn attention, research on its effect "
        "on young families in the poorest parts of the old town has only just started, the "
        "Valley Trust said in a report."
    )
    article = build_article(TITLE + text, article_id="t", path="t.txt", content_hash="x")
    doc = nlp(article.text)
    words = {t.text: t for t in doc}
    # as the parser read it on real text: the main clause a conjunct of the "while" clause
    words["drawn"].dep_, words["drawn"].head = "advcl", words["said"]
    words["started"].dep_, words["started"].head = "conj", words["drawn"]
    words["research"].dep_, words["research"].head = "nsubj", words["started"]
    quote = only(list(find_quotes(doc, article, [])), "has long")
    assert quote.text == text[: text.index(", the Valley")]


def test_clause_before_a_cue_the_parser_made_its_adverbial_is_reported(nlp: Any) -> None:
    from newsdesk.core.pipeline.quotes import find_quotes
    from newsdesk.core.pipeline.text import build_article

    text = (
        "The county's roads have been badly neglected in breach of the state's rules, with "
        "dozens of bridges closing and several schools losing buses, the Valley Trust said in "
        "a May 3 report, adding that repairs had stalled."
    )
    article = build_article(TITLE + text, article_id="t", path="t.txt", content_hash="x")
    doc = nlp(article.text)
    words = {t.text: t for t in doc}
    # as the parser read it on real text: the reported clause the root, the cue its adverbial
    # clause, and the "with" phrase the cue's
    words["neglected"].dep_, words["neglected"].head = "ROOT", words["neglected"]
    words["said"].dep_, words["said"].head = "advcl", words["neglected"]
    words["with"].dep_, words["with"].head = "prep", words["said"]
    quote = only(list(find_quotes(doc, article, [])), "badly neglected")
    assert quote.kind == "indirect"
    assert quote.text == text[: text.index(", the Valley")]


def test_a_cue_after_a_subordinator_reports_nothing_before_it(analyze_text: AnalyzeText) -> None:
    text = "The bridge was closed for repairs, after the Valley Trust said in May it was unsafe."
    assert all("closed for repairs" not in q.text for q in quotes_in(analyze_text, text))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The wages are better than expected but he is quick to add that the long hours "
            "have taken their toll on his health.",
            "the long hours have taken their toll on his health",
            "he",
        ),
        (
            "The mayor does not think such talk is useful in the debate over the budget, "
            "complaining that she has lost the trust of voters who fear being ignored.",
            "she has lost the trust of voters who fear being ignored",
            "The mayor",
        ),
        (
            "There are few shops left in the valley, and local farmers told visiting Courier "
            "reporters that half of the young people had moved to the city.",
            "half of the young people had moved to the city",
            "local farmers",
        ),
    ],
)
def test_report_whose_cue_the_parser_hung_elsewhere(
    analyze_text: AnalyzeText, text: str, content: str, speaker: str
) -> None:
    quote = only(quotes_in(analyze_text, text), content[:20])
    assert (quote.kind, quote.text, quote.speaker) == ("indirect", content, speaker)


def test_participle_the_parser_read_as_a_subject_still_reports(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        '"It was a hard winter," the farmer said, adding a notice about the sale followed the '
        "council meeting."
    )
    quote = only(quotes_in(analyze_text, text), "a notice")
    assert (quote.kind, quote.text, quote.speaker) == (
        "indirect",
        "a notice about the sale followed the council meeting",
        "the farmer",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Police were able to determine the van had come from the depot on Friday.",
        "It is worth noting that the rules are not binding on private schools.",
    ],
)
def test_an_ability_or_the_articles_aside_is_no_report(
    analyze_text: AnalyzeText, text: str
) -> None:
    assert quotes_in(analyze_text, text) == []


def test_their_statement_is_the_body_that_issued_it(analyze_text: AnalyzeText) -> None:
    text = (
        "The government of Valley Province issued a statement agreeing the matter belongs to "
        'parliament: "a court cannot decide this for us." Their statement added: "the '
        'ruling ignores our own traditions."'
    )
    quote = only(quotes_in(analyze_text, text), "ignores")
    assert quote.speaker == "The government of Valley Province"
    assert quote.via == "Their statement"


def test_a_hope_holding_the_hopers_quoted_word_is_reported(analyze_text: AnalyzeText) -> None:
    text = (
        "Nineteen small parties are also on the ballot. Mayor Ana Ruiz, who has led the town "
        'for a decade, hopes the "newcomers" will make the vote look fair.'
    )
    quote = only(quotes_in(analyze_text, text), "newcomers")
    assert (quote.kind, quote.speaker) == ("mixed", "Ana Ruiz")
    assert quote.text == 'the "newcomers" will make the vote look fair'


@pytest.mark.parametrize(
    "text", ['Many residents hope the "worst" is over.', "Tomas Berg believes the plan will fail."]
)
def test_a_belief_without_the_thinkers_words_is_no_report(
    analyze_text: AnalyzeText, text: str
) -> None:
    assert quotes_in(analyze_text, text) == []


def test_passive_quoted_names_are_the_agents_words(analyze_text: AnalyzeText) -> None:
    text = (
        "But now Berg, along with his former allies and friends, have been labeled "
        '"traitors" and "city rebels" by a friendly pro-government press.'
    )
    quote = only(quotes_in(analyze_text, text), "traitors")
    assert (quote.kind, quote.text) == ("mixed", 'traitors" and "city rebels')
    assert quote.speaker == "a friendly pro-government press"


def test_passive_unquoted_name_is_no_quote(analyze_text: AnalyzeText) -> None:
    assert quotes_in(analyze_text, "The nurse was called a hero by the mayor.") == []


def test_a_let_in_a_later_quotation_permits_nothing_before_it(analyze_text: AnalyzeText) -> None:
    text = (
        "Since then, a Republican, Tom Berg, has publicly voiced support for the inquiry, "
        'telling the Valley Courier: "I am a big fan of oversight, so let us let the '
        'committees get to work and see where it goes."'
    )
    quote = only(quotes_in(analyze_text, text), "support for")
    assert (quote.kind, quote.speaker) == ("stance", "Tom Berg")


@pytest.mark.parametrize("end", ["?", "!"])
def test_a_quotes_cue_is_not_looked_for_in_the_next_paragraph(
    analyze_text: AnalyzeText, end: str
) -> None:
    """A quotation closing its paragraph with "?" or "!" does not take a speech verb of the
    paragraph after it ("asked by a reporter") as its cue, nor that paragraph's people."""
    text = (
        "Marta Velez, a farmer in the valley, has lived there for forty years.\n\n"
        f"\u201cWhere would we go{end}\u201d\n\n"
        "The village chief grew angry when asked by a reporter about the plan."
    )
    quotes = [q for q in quotes_in(analyze_text, text) if "Where would we go" in q.text]
    assert not any("chief" in (q.speaker or "").lower() for q in quotes), quotes
