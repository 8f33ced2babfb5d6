"""Speakers as the article wrote them: a name's first word the tagger took for a common word,
a role the article gave a named person earlier, a pseudonym, a document; each rule on
invented text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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


def test_person_introduced_by_one_name_is_no_namesakes_short_form(
    analyze_text: AnalyzeText,
) -> None:
    # an age at the first mention, or a withheld real name: the whole name the article gives
    text = (
        "Vanna, 34, said he was expected to join the party from the day he began teaching in "
        "the capital.\n\n"
        "“If you do not go, they note your name,” he said.\n\n"
        "Chenda, not her real name, said nurses were told the same.\n\n"
        "After the court jailed opposition leader Lim Vanna last year, staff have no choice, "
        "critics say.\n\n"
        "Opposition adviser Sok Chenda said the pressure had grown."
    )
    result = analyze_text(TITLE + text)
    assert only(result.quotes, "began teaching").speaker == "Vanna"
    assert only(result.quotes, "note your name").speaker == "Vanna"
    assert only(result.quotes, "nurses were told").speaker == "Chenda"
    keys = {m.text: m.key for m in result.mentions}
    assert keys["Vanna"] != keys["Lim Vanna"]
    assert keys["Chenda"] != keys["Sok Chenda"]


def test_bare_surname_after_the_full_name_still_joins_it(analyze_text: AnalyzeText) -> None:
    text = (
        "Opposition adviser Sok Chenda, 52, said the pressure had grown.\n\n"
        "Chenda said teachers were told to attend rallies."
    )
    result = analyze_text(TITLE + text)
    assert only(result.quotes, "attend rallies").speaker == "Sok Chenda"


def test_untagged_one_name_person_is_not_the_namesakes_surname(nlp: Any) -> None:
    from newsdesk.core.pipeline.entities import extract_mentions
    from newsdesk.core.pipeline.text import build_article

    text = (
        "Sokun, 29, said he was expected to join the party.\n\n"
        "Last year the court jailed opposition leader Chea Sokun, critics say.\n\n"
        "Sokun said teachers had no choice."
    )
    article = build_article(TITLE + text, article_id="t", path="t.txt", content_hash="x")
    doc = nlp(article.text)
    doc.ents = [e for e in doc.ents if e.text != "Sokun"]  # as the model missed it
    keys = {(m.text, m.start): m.key for m in extract_mentions(doc, article)}
    full = next(k for (name, _at), k in keys.items() if name == "Chea Sokun")
    bare = [
        k for (name, _at), k in sorted(keys.items(), key=lambda kv: kv[0][1]) if name == "Sokun"
    ]
    assert len(bare) == 2 and full not in bare


def test_one_name_marks() -> None:
    from newsdesk.core.pipeline.names import one_name_mark

    def mark(text: str, name: str) -> str | None:
        at = text.index(name)
        return one_name_mark(text, at, at + len(name))

    assert mark("Later, Vanna, 34, said so.", "Vanna") == "age"
    assert mark("Dara, not his real name, said so.", "Dara") == "alias"
    assert mark("A nurse identified only as Mina said so.", "Mina") == "alias"
    assert mark("Mina, who asked that her real name be withheld, said so.", "Mina") == "alias"
    assert mark("Vanna said so in 2018.", "Vanna") is None
    assert mark("Has Nang, 34, said so.", "Nang") is None  # the name's start may be cut
    assert mark("Vanna, 2018, said so.", "Vanna") is None


def test_named_law_is_its_own_source_not_its_country(analyze_text: AnalyzeText) -> None:
    text = (
        "According to Ruritania’s Press Law, no permit is needed to interview villagers.\n\n"
        "According to the law, no permit is needed to film in public places.\n\n"
        "Per the Acme Agency's Emergency Use of Unregistered Interventions framework, all "
        "clinics are to be permitted to use the drug."
    )
    quotes = analyze_text(TITLE + text).quotes
    assert "Press Law" in (only(quotes, "interview villagers").speaker or "")
    assert "Acme Agency" in (only(quotes, "all clinics").speaker or "")  # a framework: its owner
    assert not [q for q in quotes if "film in public" in q.text]  # a common "law" says nothing


def test_he_never_means_a_person_glossed_as_a_daughter(analyze_text: AnalyzeText) -> None:
    text = (
        "Due to his media experience, Tom Berg was appointed as one of three party spokesmen "
        "in 2015.\n\n"
        "He also promotes the party during a show broadcast several days a week online, "
        "“Voices of the People.” In the two-hour program, which is produced by Delta Radio, a "
        "station owned by Governor Paul Oden’s daughter Mira Oden, he receives calls from "
        "listeners who generally praise the party.\n\n"
        "He says he considers himself a “foot soldier” for the party, doing battle against "
        "critics."
    )
    assert only(analyze_text(TITLE + text).quotes, "foot soldier").speaker == "Tom Berg"


def test_they_after_a_finding_means_the_researchers(analyze_text: AnalyzeText) -> None:
    text = (
        "In a paper published in March in the journal Rural Studies, the researchers Ana Ruiz "
        "and Tom Berg found that local officials often refused permits to river families, "
        "rather than checking whether they actually qualified for them.\n\n"
        "“The result is a quiet exclusion of whole villages,” they wrote."
    )
    speaker = only(analyze_text(TITLE + text).quotes, "quiet exclusion").speaker or ""
    assert "officials" not in speaker and "families" not in speaker
    assert "researchers" in speaker or "Ruiz" in speaker


def test_he_after_a_titled_person_the_model_did_not_tag(analyze_text: AnalyzeText) -> None:
    text = (
        "Party spokesman Tom Berg played down questions on whether the practice undermined the "
        "civil service.\n\n"
        "“It doesn’t mean all engineers are required to join the party,” he said.\n\n"
        "Last May, Minister of Rural Roads, Bridges and Canal Works Pich Rotha made it "
        "abundantly clear, however, what is expected of the country’s engineers.\n\n"
        "“Engineers eat the state’s salary and must support the party,” he reportedly told a "
        "gathering of new officials."
    )
    speaker = only(analyze_text(TITLE + text).quotes, "state’s salary").speaker or ""
    assert speaker.endswith("Pich Rotha")


def test_a_wife_listed_after_a_man_does_not_make_him_a_woman(analyze_text: AnalyzeText) -> None:
    text = (
        "When the war came, Tom Berg, his wife and their family had no idea where to go. "
        "They began walking toward the coast and eventually ended up in a fishing village.\n\n"
        "“We walked for weeks,” he said."
    )
    assert only(analyze_text(TITLE + text).quotes, "walked for weeks").speaker == "Tom Berg"


def test_a_wife_named_after_a_man_glosses_her_not_him(nlp: Any) -> None:
    from newsdesk.core.pipeline.entities import extract_mentions
    from newsdesk.core.pipeline.speakers.article import ArticleMentions
    from newsdesk.core.pipeline.text import build_article

    text = (
        "After it was revealed his aide Ana Ruiz tested positive, President Tom Berg himself, his "
        "wife Mira, and son Leo all tested positive. Grace Oden, his daughter, was not ill."
    )
    article = build_article(TITLE + text, article_id="t", path="t.txt", content_hash="x")
    doc = nlp(article.text)
    words = {t.text: t for t in doc}
    # as the model read the real sentence: the wife in apposition to him, her name under it
    words["wife"].dep_, words["wife"].head = "appos", words["Berg"]
    words["Mira"].dep_, words["Mira"].head = "appos", words["wife"]
    for word in ("and", "son", "Leo"):
        if words[word].head.i == words["wife"].i:
            words[word].head = words["Berg"]  # the list hangs from him, not from "wife"
    genders = ArticleMentions(doc, extract_mentions(doc, article))._genders
    assert genders.get("Tom Berg") != "f"
    assert genders.get("Grace Oden") == "f"
