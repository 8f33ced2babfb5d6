"""Actor types from general signals: a product's mark, a speaker, a role's noun (invented names)."""

from __future__ import annotations

import pytest
from invented import candidates_at
from spacy.tokens import Doc, Span

from newsdesk.core.pipeline.entities.candidates import Candidate
from newsdesk.core.pipeline.entities.labels import label_from_context
from newsdesk.core.pipeline.kinds import ArticleWords, label_from_use, label_from_words


@pytest.mark.parametrize("name", ["zPhone", "iGlide", "webQX", "zPhone Mini", "arVault"])
@pytest.mark.parametrize("label", ["ORG", "PERSON", "GPE", "PRODUCT"])
def test_a_mark_written_lower_case_first_is_a_thing(name: str, label: str) -> None:
    assert label_from_words(name, label) == "MISC"


@pytest.mark.parametrize("name", ["McTavish Fold", "al-Zarquon", "de Brand", "Zorvex", "ZORVEX"])
def test_names_with_a_lower_case_particle_or_capitals_are_no_mark(name: str) -> None:
    assert label_from_words(name, "ORG") == "ORG"


def _doc(nlp, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:  # type: ignore[no-untyped-def]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_mark_something_is_found_on_is_a_platform(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp,
        ["The", "show", "is", "available", "on", "zTunes", "."],
        [1, 2, 2, 2, 3, 4, 2],
        ["det", "nsubj", "ROOT", "acomp", "prep", "pobj", "punct"],
        ["DET", "NOUN", "AUX", "ADJ", "ADP", "PROPN", "PUNCT"],
    )
    ent = Span(doc, 5, 6, label="ORG")
    words = ArticleWords(doc.text)
    assert label_from_use(ent, words, label_from_words(ent.text, "ORG")) == "ORG"


def test_a_mark_bought_is_a_thing(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp,
        ["She", "bought", "a", "zPhone", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "det", "dobj", "punct"],
        ["PRON", "VERB", "DET", "PROPN", "PUNCT"],
    )
    ent = Span(doc, 3, 4, label="ORG")
    words = ArticleWords(doc.text)
    assert label_from_use(ent, words, label_from_words(ent.text, "ORG")) == "MISC"


def _speaker_doc(nlp, label: str) -> Span:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp,
        ["Marta", "Velo", "Quintana", "said", "it", "shook", "."],
        [2, 2, 3, 3, 5, 3, 3],
        ["compound", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        ["PROPN", "PROPN", "PROPN", "VERB", "PRON", "VERB", "PUNCT"],
    )
    return Span(doc, 0, 3, label=label)


@pytest.mark.parametrize("label", ["WORK_OF_ART", "PRODUCT", "FAC", "LOC", "EVENT"])
def test_a_person_shaped_name_that_speaks_is_someone(nlp, label: str) -> None:  # type: ignore[no-untyped-def]
    ent = _speaker_doc(nlp, label)
    cand = Candidate(0, len(ent.text), ent.text, label)
    assert label_from_context(ent, cand) == "PERSON"


def test_a_body_that_speaks_stays_a_body(nlp) -> None:  # type: ignore[no-untyped-def]
    ent = _speaker_doc(nlp, "ORG")
    cand = Candidate(0, len(ent.text), ent.text, "ORG")
    assert label_from_context(ent, cand) == "ORG"


def _analysis(aid: str, *mentions: tuple[str, str, str]):  # type: ignore[no-untyped-def]
    from newsdesk.core.models import Article, ArticleAnalysis, Mention

    art = Article(aid, f"{aid}.txt", aid, None, None, None, "", (), "h")
    out = [
        Mention(aid, i * 100, i * 100 + len(text), text, label, key=key)
        for i, (text, label, key) in enumerate(mentions)
    ]
    return ArticleAnalysis(art, tuple(out), (), ())


@pytest.mark.parametrize("thing", ["WORK_OF_ART", "PRODUCT"])
def test_a_tie_between_someone_and_a_thing_goes_to_someone(thing: str) -> None:
    from newsdesk.core.pipeline.actors import merge_actors

    actors, _ = merge_actors(
        [_analysis("a", ("Tobiah", "PERSON", "Tobiah"), ("Tobiah", thing, "Tobiah"))]
    )
    assert [(a.name, a.type) for a in actors] == [("Tobiah", "person")]



def _keys(text: str, labelled: list[tuple[str, str]]) -> dict[str, str]:
    from newsdesk.core.pipeline.entities.clusters import cluster_candidates
    from newsdesk.core.pipeline.names import fold_name

    cands = candidates_at(text, labelled)
    keys = cluster_candidates(cands, {}, text, fold_name("A headline"))
    return {c.text: keys[c.cluster] for c in cands}


def test_a_given_name_with_two_letters_swapped_is_the_full_names_person() -> None:
    text = "He is survived by his wife Maribeth Lowry. He adored Mairbeth, a friend said."
    of = _keys(text, [("Maribeth Lowry", "PERSON"), ("Mairbeth", "PERSON")])
    assert of["Mairbeth"] == "Maribeth Lowry", of


def test_a_swapped_given_name_two_full_names_fit_joins_neither() -> None:
    text = "Maribeth Lowry met Maribeth Orne. Later Mairbeth left."
    labelled = [("Maribeth Lowry", "PERSON"), ("Maribeth Orne", "PERSON"), ("Mairbeth", "PERSON")]
    assert _keys(text, labelled)["Mairbeth"] == "Mairbeth"


def test_a_short_given_name_with_the_same_surname_is_one_person() -> None:
    text = "Theodora Quill spoke first. Later Theo Quill thanked the crowd."
    of = _keys(text, [("Theodora Quill", "PERSON"), ("Theo Quill", "PERSON")])
    assert of["Theo Quill"] == of["Theodora Quill"], of


def test_other_given_names_with_the_same_surname_stay_two() -> None:
    text = "Ansel Quill spoke first. Later Anselm Tarr and Brio Quill thanked the crowd."
    labelled = [("Ansel Quill", "PERSON"), ("Brio Quill", "PERSON"), ("Anselm Tarr", "PERSON")]
    of = _keys(text, labelled)
    assert len({of["Ansel Quill"], of["Brio Quill"], of["Anselm Tarr"]}) == 3, of


def _roles(analyze_text, text: str, name: str) -> set[str | None]:  # type: ignore[no-untyped-def]
    mentions = analyze_text("A headline for the test\n\n" + text).mentions
    return {m.role for m in mentions if m.text == name}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The 45th president of the United States Harold Quimby spoke on Monday.",
            "Harold Quimby",
            "45th president of the United States",
        ),
        (
            "He met the 12th Secretary-General of the United Nations Tomas Velk on Friday.",
            "Tomas Velk",
            "12th Secretary-General of the United Nations",
        ),
    ],
)
def test_a_title_of_a_country_or_body_right_before_a_name_is_its_role(
    analyze_text, text: str, name: str, role: str  # type: ignore[no-untyped-def]
) -> None:
    assert _roles(analyze_text, text, name) == {role}


def test_a_country_between_a_title_and_a_name_after_and_is_no_role(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Talks between the leader of Ruritania and Harold Quimby ended on Monday."
    assert _roles(analyze_text, text, "Harold Quimby") == {None}


@pytest.mark.parametrize(
    ("one", "other"),
    [("al-Ba'ida", "Al-Baeda"), ("Ba’ida Front", "Baeda Front"), ("Ismaek", "Ismaik")],
)
def test_a_vowel_after_a_written_e_or_i_folds_alike(one: str, other: str) -> None:
    from newsdesk.core.pipeline.names import fold_name

    assert fold_name(one) == fold_name(other)


@pytest.mark.parametrize(("one", "other"), [("Baeda", "Beda"), ("Baeda", "Bada"), ("Teal", "Tial")])
def test_other_vowels_stay_apart(one: str, other: str) -> None:
    from newsdesk.core.pipeline.names import fold_name

    assert fold_name(one) != fold_name(other)


@pytest.mark.parametrize(
    ("roles", "kind"),
    [
        (["the country's largest opposition party", "opposition"], "ORG"),
        (["energy drink"], "MISC"),
        (["critical software flaw"], "MISC"),
        (["airport"], "LOC"),
        (["party leader"], None),
        (["opposition party", "spokesman"], None),
        (["company of Tomas"], None),
        (["broadcaster"], None),
        (["energy drink", "opposition party"], None),
    ],
)
def test_a_role_naming_a_body_a_thing_or_a_place_says_what_the_name_is(
    roles: list[str], kind: str | None
) -> None:
    from newsdesk.core.pipeline.kinds import kind_by_role

    assert kind_by_role(roles) == kind


def test_someone_whose_role_names_a_body_is_that_body() -> None:
    from newsdesk.core.models import Article, ArticleAnalysis, Mention
    from newsdesk.core.pipeline.actors import merge_actors

    art = Article("a", "a.txt", "a", None, None, None, "", (), "h")
    mention = Mention("a", 0, 9, "Al Varqua", "PERSON", key="Al Varqua", role="opposition party")
    actors, _ = merge_actors([ArticleAnalysis(art, (mention,), (), ())])
    assert [(a.name, a.type) for a in actors] == [("Al Varqua", "organization")]


@pytest.mark.parametrize("verb", ["said", "disagrees"])
def test_a_person_shaped_name_tagged_a_place_that_speaks_is_someone(nlp, verb: str) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp,
        ["Marta", "Quintana", verb, "."],
        [1, 2, 2, 2],
        ["compound", "nsubj", "ROOT", "punct"],
        ["PROPN", "PROPN", "VERB", "PUNCT"],
    )
    ent = Span(doc, 0, 2, label="GPE")
    assert label_from_context(ent, Candidate(0, 14, ent.text, "GPE")) == "PERSON"


def test_a_place_ending_a_longer_name_before_a_verb_of_speech_stays_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    words = ["University", "of", "Eastland", ",", "Port", "Vale", "disagreed", "."]
    doc = _doc(
        nlp,
        words,
        [0, 0, 1, 5, 5, 6, 6, 6],
        ["nsubj", "prep", "pobj", "punct", "compound", "nsubj", "ROOT", "punct"],
        ["PROPN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"],
    )
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 4, 6, label="GPE")]
    ent = doc.ents[1]
    cand = Candidate(ent.start_char, ent.end_char, ent.text, "GPE")
    assert label_from_context(ent, cand) == "GPE"


def test_a_name_after_the_place_a_title_serves_is_someone(mentions_of_types) -> None:  # type: ignore[no-untyped-def]
    found = mentions_of_types(
        "He sat down with the former premier of New Eastland Harold Quimby, now a banker."
    )
    assert found.get("Harold Quimby") == {"PERSON"}, found


@pytest.fixture(scope="module")
def mentions_of_types(analyze_text):  # type: ignore[no-untyped-def]
    def run(body: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for m in analyze_text("A headline for the test\n\n" + body).mentions:
            out.setdefault(m.text, set()).add(m.label)
        return out

    return run


def test_a_platform_opening_the_sentence_is_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp,
        ["On", "Chirpex", ",", "people", "shared", "it", "."],
        [4, 0, 4, 4, 4, 4, 4],
        ["prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
        ["ADP", "PROPN", "PUNCT", "NOUN", "VERB", "PRON", "PUNCT"],
    )
    ent = Span(doc, 1, 2, label="PERSON")
    assert label_from_use(ent, ArticleWords(doc.text), "PERSON") == "ORG"


def test_a_platform_whose_users_are_named_is_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp,
        ["The", "Chirpex", "users", "agreed", "."],
        [2, 2, 3, 3, 3],
        ["det", "compound", "nsubj", "ROOT", "punct"],
        ["DET", "PROPN", "NOUN", "VERB", "PUNCT"],
    )
    ent = Span(doc, 1, 2, label="PERSON")
    assert label_from_use(ent, ArticleWords(doc.text), "PERSON") == "ORG"


def test_a_name_on_which_someone_comments_mid_sentence_stays_someone(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp,
        ["They", "relied", "on", "Quimby", ",", "a", "friend", "."],
        [1, 1, 1, 2, 3, 6, 3, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct", "det", "appos", "punct"],
        ["PRON", "VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT"],
    )
    ent = Span(doc, 3, 4, label="PERSON")
    assert label_from_use(ent, ArticleWords(doc.text), "PERSON") == "PERSON"


def test_platforms_given_as_examples_of_media_are_bodies(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        nlp,
        ["News", "spreads", "on", "social", "media", "like", "Chirpex", "."],
        [1, 1, 1, 4, 2, 4, 5, 1],
        ["nsubj", "ROOT", "prep", "amod", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    doc[4].tag_ = "NNS"
    ent = Span(doc, 6, 7, label="PERSON")
    cand = Candidate(ent.start_char, ent.end_char, ent.text, "PERSON")
    assert label_from_context(ent, cand) == "ORG"


@pytest.mark.parametrize("name", ["Superstorm Quilla", "Super Storm Quilla", "Super-storm Quilla"])
def test_a_superstorm_is_the_storm_of_its_name(name: str) -> None:
    from newsdesk.core.pipeline.kinds import name_fold, storm_name

    assert storm_name(name) == "Quilla"
    assert name_fold(name) == name_fold("Hurricane Quilla")
    assert label_from_words(name, "PERSON") == "EVENT"


@pytest.mark.parametrize(
    ("name", "label"),
    [("Quarva State", "PERSON"), ("Velska Oblast", "PERSON"), ("Dorny Krai", "ORG")],
)
def test_a_region_by_its_last_word_is_a_place(name: str, label: str) -> None:
    assert label_from_words(name, label) == "LOC"


def test_a_body_named_state_stays_a_body() -> None:
    assert label_from_words("Quarva State", "ORG") == "ORG"  # a university, a team


@pytest.mark.parametrize(
    ("name", "house"),
    [
        ("Grey House", True),
        ("the Quarry House", True),
        ("House", False),
        ("House of Elders", False),
        ("Lower House", False),
        ("U.S. House", False),
        ("US House", False),
        ("Ohio House", False),
    ],
)
def test_a_house_is_a_building_not_a_chamber(name: str, house: bool) -> None:
    from newsdesk.core.pipeline.kinds import names_a_house

    assert names_a_house(name) is house


def test_a_house_written_as_a_building_is_a_place() -> None:
    from newsdesk.core.pipeline.actors import merge_actors

    actors, _ = merge_actors(
        [_analysis("a", ("Grey House", "FAC", "Grey House"), ("Grey House", "ORG", "Grey House"))]
    )
    assert [(a.name, a.type) for a in actors] == [("Grey House", "place")]


def test_a_body_named_after_a_house_stays_a_body() -> None:
    from newsdesk.core.pipeline.actors import merge_actors

    actors, _ = merge_actors(
        [_analysis("a", ("Grey House", "ORG", "Grey House"), ("Grey House", "ORG", "Grey House"))]
    )
    assert [(a.name, a.type) for a in actors] == [("Grey House", "organization")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Grey House said on Monday that the talks would go on.", "place"),
        ("Officials at the Azure House declined to comment on the talks.", "place"),
        ("A report by Kestrel House found abuses in the prisons, and Kestrel House called for "
         "a recount.", "organization"),
    ],
)
def test_the_before_a_house_makes_it_a_building(analyze_text, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.core.pipeline.actors import merge_actors

    actors, _ = merge_actors([analyze_text(f"Talks\n\n{text}\n")])
    houses = [a.type for a in actors if a.name.endswith("House")]
    assert houses == [kind]


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Velmoran Genocide", "FAC"),
        ("Quarva Crisis", "ORG"),
        ("Orchid Revolution", "PERSON"),
        ("Zorvic Cup", "ORG"),
        ("Teachers' March", "ORG"),
        ("Harbourtown Pride", "ORG"),
        ("Moon Race", "GPE"),
    ],
)
def test_a_named_event_by_its_last_word_is_an_event(name: str, label: str) -> None:
    assert label_from_words(name, label) == "EVENT"


@pytest.mark.parametrize("name", ["Delia March", "Corin Pride", "Ansel Race", "Pride", "March"])
def test_a_persons_name_ending_as_an_event_stays_someone(name: str) -> None:
    assert label_from_words(name, "PERSON") == "PERSON"
