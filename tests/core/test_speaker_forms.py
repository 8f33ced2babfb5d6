"""Speakers as the article wrote them: a name's first word the tagger took for a common word,
a role the article gave a named person earlier, a pseudonym, a document; each rule on
invented text."""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.core.models import ArticleAnalysis, Quote

#: The `analyze_text` fixture from tests/conftest.py.
AnalyzeText = Callable[..., ArticleAnalysis]

#: The fixture reads its first block as the title; the text under test is the body.
TITLE = "Invented test article\n\n"


def only(quotes: tuple[Quote, ...], containing: str) -> Quote:
    found = [q for q in quotes if containing in q.text]
    assert len(found) == 1, f"expected one quote with {containing!r}, got {quotes!r}"
    return found[0]


def test_name_opening_with_a_verb_word_keeps_it(analyze_text: AnalyzeText) -> None:
    # the tagger reads "Am" as the verb and hangs the name from it, or makes it a clause
    text = (
        "Am Vannak Chea, a researcher at the Phnom Penh-based group Riverwatch, said floods "
        "were the worst in a decade.\n\n"
        "Am Rin Bo, program director at the rights group Licadho, said the dams were to blame."
        "\n\n“The river has never been this high,” he said."
    )
    result = analyze_text(TITLE + text)
    assert only(result.quotes, "floods were").speaker == "Am Vannak Chea"
    assert only(result.quotes, "dams were").speaker == "Am Rin Bo"
    assert only(result.quotes, "never been").speaker == "Am Rin Bo"


def test_verb_governing_a_name_stays_out_of_it(analyze_text: AnalyzeText) -> None:
    text = "Did Sam Vuth say that? Ask Sam Vuth what he thinks, Ana Ruiz said."
    names = {m.text for m in analyze_text(TITLE + text).mentions}
    assert "Sam Vuth" in names
    assert not any(n.startswith(("Did ", "Ask ")) for n in names)


def test_role_glossing_an_untagged_name_is_that_person(analyze_text: AnalyzeText) -> None:
    # the model tags no name in "Ear Vanny"; the role in apposition is his, not a new speaker
    text = (
        "Ear Vanny, an associate professor at Delmar College who has studied the river trade, "
        "said the new dams had cut the fish catch by half.\n\n"
        "“The river is now seen as a resource to be sold,” he said."
    )
    quotes = analyze_text(TITLE + text).quotes
    assert only(quotes, "fish catch").speaker == "Ear Vanny"
    assert only(quotes, "resource to be sold").speaker == "Ear Vanny"


def test_roles_joined_before_a_name_after_the_verb_are_that_person(
    analyze_text: AnalyzeText,
) -> None:
    # the parser makes the name a conjunct of the bare role "monitor"; the comma ends the subject
    text = (
        "“I saw no sign of any fraud at the polling stations,” said monitor and Green League "
        "member Tom Haverly, before leaving for the airport."
    )
    assert only(analyze_text(TITLE + text).quotes, "no sign").speaker == "Tom Haverly"
