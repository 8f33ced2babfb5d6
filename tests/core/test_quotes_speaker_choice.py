"""Choosing among named candidates: whom a pronoun or a cue-less quote means, on invented text."""

from __future__ import annotations

import pytest
from invented import TITLE, AnalyzeText, speaker_of


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


@pytest.mark.parametrize(
    "text",
    [
        "Officers Tom Baxter and Ray Lind were charged in March.\n\nThe head of the internal "
        "inquiry, Ann Ward, told the court the checks were weak. ",
        "Judge Ann Ward sentenced officers Tom Baxter and Ray Lind on Monday. Lind wept in "
        'court.\n\nThe judge told the court "Basic checks were not done." ',
    ],
)
def test_quotes_pronoun_after_a_named_role_is_the_person(
    analyze_text: AnalyzeText, text: str
) -> None:
    # the same shape with the role's holder named in apposition, or introduced in the role
    # before: the name
    text += 'She also said "I regret we were not called sooner. We could have acted."'
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


def test_quotes_they_skips_bodies_talked_about_in_someone_elses_words(
    analyze_text: AnalyzeText,
) -> None:
    # countries named inside what the minister said ("disappointed when X and Y developed")
    # are talked about: "they" is the party that is the subject of the sentence before
    text = (
        "The foreign minister, Ann Ward, said that the government was disappointed when "
        "Norland and Sudria developed nuclear weapons.\n\n"
        "The Green Party supported the government's stance on exports. \"Any future agreement "
        'must depend on a treaty being signed first," they said in a press release.'
    )
    assert speaker_of(analyze_text, text, "Any future agreement") == "Green Party"


@pytest.mark.parametrize(
    ("last_paragraph", "speaker"),
    [
        # the article's own president, not the other one named in passing paragraphs before
        ("The president says the country will stay engaged in the region for years.", "Ward"),
        # the president named in the sentence right before is the one meant
        (
            "President Carl Dunn hosted the talks. The president says the country will stay "
            "engaged in the region for years.",
            "Carl Dunn",
        ),
    ],
)
def test_quotes_role_noun_means_the_salient_holder(
    analyze_text: AnalyzeText, last_paragraph: str, speaker: str
) -> None:
    text = (
        "President Ward travels to the region next week to urge allies to back the talks. "
        "Ward will meet leaders in four countries.\n\n"
        "The president's first stop is Norland, where Ward will encourage Prime Minister Tom "
        "Baxter and Sudrian President Carl Dunn to move forward with the talks.\n\n"
        "After Norland, the president visits three more capitals.\n\n" + last_paragraph
    )
    assert speaker_of(analyze_text, text, "stay engaged") == speaker


@pytest.mark.parametrize(
    ("verb", "speaker"),
    [
        # a body's name with a plural verb is taken as its members: "they" next is that body
        ("have visited the victims", "Rights Watch"),
        # with a singular verb, and no word of its own, "they" is the plural group before it
        ("has visited the victims", "Military officials"),
        # a body that spoke is "they" whatever its verb (British usage)
        ("has called for compensation", "Rights Watch"),
    ],
)
def test_quotes_they_means_a_body_with_a_plural_verb(
    analyze_text: AnalyzeText, verb: str, speaker: str
) -> None:
    text = (
        "Military officials said the jets had been sent after reports of rebels in the area."
        f"\n\nRights Watch {verb}. They say the military is "
        "not absolved of liability."
    )
    assert speaker_of(analyze_text, text, "absolved") == speaker


def test_quotes_pronoun_skips_a_capitalised_noun_with_an_article(
    analyze_text: AnalyzeText,
) -> None:
    # "the first Westerner" is a kind of person, not a name: "he" is the person named before
    text = (
        "Tom Baxter was charged in March with killing two colleagues.\n\nBaxter used his "
        "pistol to kill Ray Lind, 37, from Leeds, England and Carl Dunn, 37, from Perth. The "
        "first Westerner tried in Iraq since the invasion in 2003, he testified that the pair "
        "had attacked him in his room."
    )
    assert speaker_of(analyze_text, text, "the pair had attacked") == "Tom Baxter"


def test_quotes_person_subject_beats_a_title_split_off_an_apposition(
    analyze_text: AnalyzeText,
) -> None:
    # the parser makes the end of an unclosed apposition ("the movie Bat-Cat and the Moon") a
    # second subject of the verb: the person speaks, not the film
    text = (
        "After Gunn was fired, Ann Ward, an actor in the latest Acme Studios movie Bat-Cat and "
        "the Moon wrote on Instagram, “He is the kindest person I have ever worked with.”"
    )
    assert speaker_of(analyze_text, text, "kindest person") == "Ann Ward"


def test_quotes_participle_acting_on_the_object_is_the_subjects(
    analyze_text: AnalyzeText,
) -> None:
    # "calling them outrageous": the remarks do not call themselves anything; the one who
    # dismissed them speaks, not the remarks' author
    text = (
        "Carl Dunn complained of double standards at the summit.\n\n"
        "Minister Ann Ward dismissed Dunn's remarks calling them outrageous and saying that it "
        "was not possible to compare the two countries."
    )
    assert speaker_of(analyze_text, text, "not possible to compare") == "Ann Ward"


@pytest.mark.parametrize(
    ("role", "holder"),
    [
        ("A spokesman for Carl Dunn, Ann Ward,", "Ann Ward"),
        ("A lawyer for Acme, Ann Ward,", "Ann Ward"),
    ],
)
def test_quotes_role_holder_named_after_whom_the_role_serves(
    analyze_text: AnalyzeText, role: str, holder: str
) -> None:
    # the parser hangs the name on the person or body the role serves: the role's holder speaks
    text = (
        "Carl Dunn has been in hiding since June.\n\n"
        f"{role} in a briefing for foreign reporters echoed the message and said: “The units "
        "defending the city will fight to the end.”\n\n“We hold the allies responsible for "
        "every death,” he added."
    )
    assert speaker_of(analyze_text, text, "fight to the end") == holder
    assert speaker_of(analyze_text, text, "We hold the allies") == holder


def test_quotes_participle_after_a_trailing_when_clause_is_the_main_subjects(
    analyze_text: AnalyzeText,
) -> None:
    # ", describing ..." after "when they recognised their mistake" goes on from the main
    # clause (Ward related), not from the "when" clause the parser hung it on (they recognised)
    text = (
        "Visitors watched the keepers every morning.\n\n"
        "Ann Ward also related anecdotes where she was bitten by sharks who mistook her for "
        "fish, releasing her when they recognised their mistake, describing the animals as "
        "“gentle”."
    )
    assert speaker_of(analyze_text, text, "gentle") == "Ann Ward"


def test_quotes_semicolon_right_after_the_verb_introduces_the_quote(
    analyze_text: AnalyzeText,
) -> None:
    # `X posted; "..."`: the semicolon stands for a colon, so the quote is X's, not the next
    # writer's whose cue follows its closing mark
    text = (
        "Former editors turned to social media. Ann Ward posted; “Sad for all the girls who "
        "dream of working in magazines. No joy today”, and Carl Dunn posting “Very sad to hear "
        "the news that the magazines are merging.” Dunn told a newspaper."
    )
    assert speaker_of(analyze_text, text, "Sad for all") == "Ann Ward"
    assert speaker_of(analyze_text, text, "Very sad") == "Carl Dunn"


def test_quotes_verb_after_a_relative_clause_on_a_name_is_a_cue(
    analyze_text: AnalyzeText,
) -> None:
    # the parser hangs "tweeted" on the name as a participle and roots the sentence in the
    # quote: after the comma closing "who ...", it is the person's own verb
    text = (
        "In one of the old posts, Carl Dunn wrote, “The best thing about it is the end.”\n\n"
        "Ann Ward, who portrays Drax the Destroyer in Dunn's movies, tweeted about Dunn's "
        "dismissal saying, “Carl Dunn is one of the most loving people I have ever met. He's "
        "made mistakes.”"
    )
    assert speaker_of(analyze_text, text, "most loving") == "Ann Ward"


def test_quotes_semicolon_after_a_verb_without_its_own_subject_is_no_colon(
    analyze_text: AnalyzeText,
) -> None:
    # `intends to appeal; "..."`: the verb has no subject of its own, so the semicolon ends
    # the sourced clause rather than introducing the quote with it
    text = (
        "According to the BBC, a spokesman for the office expressed disappointment and that "
        "the office intends to appeal; “The government needs to bring forward a strong "
        "agenda. Proroguing is the legal way of delivering this.”"
    )
    quotes = analyze_text(TITLE + text).quotes
    assert any("intends to appeal" in q.text and q.kind == "indirect" for q in quotes), quotes


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        ("One of the victims decided to speak in court.", "One of the victims"),
        ("A witness came forward on Tuesday.", "A witness"),
        # an epithet with "the" names back to a person named before: not someone new
        ("The veteran prosecutor was not in court.", "Ann Ward"),
    ],
)
def test_quotes_pronoun_after_an_unnamed_newcomer_is_that_person(
    analyze_text: AnalyzeText, opening: str, speaker: str
) -> None:
    # the nearest subject is a person the article introduces without a name, though no
    # speech verb says so: "she" is that person, not whoever was named before
    text = (
        "Prosecutor Ann Ward said the men had shown no remorse. "
        f"{opening} She said she wanted others to know there was nothing to be ashamed of."
    )
    assert speaker_of(analyze_text, text, "nothing to be ashamed") == speaker


@pytest.mark.parametrize(
    "text",
    [
        'A spokesman for President Ray Lind said the talks had failed. "There is no deal," he '
        "said.",
        '"There is no deal," a spokeswoman for Governor Ann Ward told reporters. She added that '
        '"talks will resume."',
    ],
)
def test_quotes_pronoun_after_a_spokesperson_is_not_whom_they_speak_for(
    analyze_text: AnalyzeText, text: str
) -> None:
    # the person the role is "for" is talked about: "he" goes on with the spokesperson
    quote = "talks will resume" if "resume" in text else "There is no deal"
    assert speaker_of(analyze_text, text, quote) in {"A spokesman", "a spokeswoman"}


def test_quotes_pronoun_means_the_agent_of_a_passive_over_an_earlier_speaker(
    analyze_text: AnalyzeText,
) -> None:
    # "criticised by X": X acts as a subject would, nearer the pronoun than the policeman
    text = (
        '"We came here to hand in our weapons," one policeman said.\n\n'
        "Officials announced new curfews on Friday. The move was criticised by Tom Berg, a "
        'member of parliament. "We condemn this decision," he said.'
    )
    assert speaker_of(analyze_text, text, "We condemn") == "Tom Berg"


def test_quotes_pronoun_after_a_role_with_its_holder_and_possessor_is_the_holder(
    analyze_text: AnalyzeText,
) -> None:
    # "X's partner Y": Y holds the role, X is whom it is of; "he" is Y
    text = (
        "Before the debate, Hunter Lind's former business partner Tony Berg held a press "
        "conference claiming Lind knew about the deals. He claimed to have evidence supporting "
        "the claim."
    )
    assert speaker_of(analyze_text, text, "to have evidence") == "Tony Berg"
