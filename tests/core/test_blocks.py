"""Quotes set out as blocks: a cue paragraph ending in a colon, the quoted paragraphs, tweets."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk.core.models import ArticleAnalysis, Quote

#: The `analyze_text` fixture from tests/conftest.py.
AnalyzeText = Callable[..., ArticleAnalysis]

#: The fixture reads its first block as the title; the text under test is the body.
TITLE = "Invented test article\n\n"


def quotes_in(analyze_text: AnalyzeText, text: str) -> list[Quote]:
    return list(analyze_text(TITLE + text).quotes)


def holding(quotes: list[Quote], words: str) -> list[Quote]:
    return [q for q in quotes if words in q.text]


def test_blocks_colon_paragraph_introduces_the_next_as_its_subjects_words(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "The port of Velmora closed on Monday after the strike spread to the docks.\n\n"
        "Harbour engineer Tomas Brandvik wrote on his blog:\n\n"
        "The cranes have stood still for a week. Nobody has explained to the crews what "
        "comes next, and the ships keep waiting outside the harbour.\n\n"
        "The port authority did not answer questions on Tuesday."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "The cranes have stood still")
    assert block.kind == "direct"
    assert block.speaker == "Tomas Brandvik"
    assert block.text.endswith("outside the harbour.")
    assert not holding(quotes, "did not answer")


def test_blocks_run_goes_on_over_paragraphs_that_carry_on_and_stops_at_narration(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "Farmers in the valley lost most of the harvest to the floods.\n\n"
        "Activist Mirela Dostan commented:\n\n"
        "The river was dredged for years and then simply forgotten by the council.\n\n"
        "But we warned them every spring, and we wrote to every office in the district.\n\n"
        "The regional council announced a relief fund on Friday.\n\n"
        "Officials estimate the damage at several million."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "The river was dredged")
    assert block.speaker == "Mirela Dostan"
    assert "\n\nBut we warned them" in block.text
    assert block.text.endswith("in the district.")
    assert not holding(quotes, "relief fund") or all(
        q.speaker != "Mirela Dostan" for q in holding(quotes, "relief fund")
    )


def test_blocks_lone_elision_paragraph_cuts_the_run_in_two_quotes_of_one_speaker(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "The election left the opposition divided.\n\n"
        "Blogger Anton Ferlić wrote in a long post:\n\n"
        "The vote was held in a hurry and the lists were printed too late.\n\n"
        "[...]\n\n"
        "Nobody in the capital seems to care about the villages any more.\n\n"
        "Turnout was the lowest since the war."
    )
    quotes = quotes_in(analyze_text, text)
    [first] = holding(quotes, "The vote was held")
    [second] = holding(quotes, "Nobody in the capital")
    assert first is not second
    assert first.speaker == second.speaker == "Anton Ferlić"
    assert "[...]" not in first.text and "[...]" not in second.text


def test_blocks_excerpt_after_a_full_stop_is_the_named_blogs(analyze_text: AnalyzeText) -> None:
    text = (
        "The march ended early when the police closed the square.\n\n"
        "Another local blog, Rain on Tallis Street, comments on the policing of the day.\n\n"
        "[...] we were no longer in control of where we walked or when we could leave.\n\n"
        "The organisers plan another march in June."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "we were no longer in control")
    assert block.kind == "direct"
    assert block.speaker is not None and "Rain on Tallis Street" in block.speaker


@pytest.mark.parametrize(
    ("handle", "tweet"),
    [
        ("@kestrel_news", "Smoke over the old town, roads closed near the bridge #Velmora"),
        ("@ana_ruiz", "@kestrel_news Sad to hear that. I hope everyone is safe tonight."),
    ],
)
def test_blocks_tweet_line_is_the_handles_words(
    analyze_text: AnalyzeText, handle: str, tweet: str
) -> None:
    text = (
        "A fire broke out in the old town of Velmora on Friday evening.\n\n"
        f"{handle}: {tweet}\n\n"
        "Firefighters brought the blaze under control before midnight."
    )
    quotes = quotes_in(analyze_text, text)
    [line] = [q for q in quotes if q.text == tweet]
    assert line.speaker == handle
    assert line.kind == "direct"


@pytest.mark.parametrize(
    "intro",
    [
        "Other events at the fair included:",
        "The new rules apply to:",
        "It goes further:",
    ],
)
def test_blocks_colon_paragraph_naming_no_one_introduces_no_quote(
    analyze_text: AnalyzeText, intro: str
) -> None:
    text = (
        "The county fair opened on Saturday with a record crowd.\n\n"
        f"{intro}\n\n"
        "A parade of vintage tractors and a baking contest for the local schools.\n\n"
        "The fair runs until Sunday evening."
    )
    quotes = quotes_in(analyze_text, text)
    assert not holding(quotes, "vintage tractors")


def test_blocks_colon_paragraph_followed_by_past_tense_report_is_no_block(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "Reporters asked the minister Elin Varga about the budget:\n\n"
        "The newspaper Velmora Courier reported that the budget would be cut by a third.\n\n"
        "The finance ministry declined to comment."
    )
    quotes = quotes_in(analyze_text, text)
    assert all(q.speaker != "Elin Varga" for q in holding(quotes, "budget would be cut"))


def test_blocks_quote_in_marks_inside_a_block_keeps_its_named_speaker(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "The visit to the capital drew criticism at home.\n\n"
        "Columnist Dara Okonkwo wrote about the visit:\n\n"
        "Such a meeting would not have happened a year ago. During the visit, Milan Petrov "
        "clearly stated, \u201cWe will not interfere in the case,\u201d and the hosts "
        "smiled.\n\n"
        "The delegation returned home on Sunday."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "Such a meeting would not have happened")
    assert block.speaker == "Dara Okonkwo"
    inner = [q for q in quotes if q.text.startswith("We will not interfere")]
    assert inner and inner[0].speaker == "Milan Petrov"


def test_blocks_heading_ends_the_run(analyze_text: AnalyzeText) -> None:
    text = (
        "Prices rose again in May.\n\n"
        "Economist Lena Hartwig said:\n\n"
        "We have not seen a month like this since the nineties.\n\n"
        "What the banks expect\n\n"
        "Most banks expect the rise to slow in the autumn."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "We have not seen a month")
    assert "What the banks expect" not in block.text


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        # a handle in the subject names the tweeter
        ("Twitter user @harbour_watch tweeted a photo of the square and said:", "@harbour_watch"),
        # the pronoun of the cue sentence is the paragraph's named subject before it
        (
            "In a long post, journalist Petra Lindqvist recalls the first campaign. "
            "Having followed it for years, she writes:",
            "Petra Lindqvist",
        ),
        # "the blog" is the blog the paragraph named first
        (
            "Vesna Diaries also posts an account of the march. While praising the marchers, "
            "the blog notes:",
            "Vesna Diaries",
        ),
    ],
)
def test_blocks_unnamed_cue_subject_takes_the_name_the_paragraph_gives(
    analyze_text: AnalyzeText, intro: str, speaker: str
) -> None:
    text = (
        "Thousands marched through the capital on Sunday.\n\n"
        f"{intro}\n\n"
        "We walked for hours and nobody stopped us until the bridge.\n\n"
        "The police said the march was peaceful."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "We walked for hours")
    assert block.speaker is not None and speaker in block.speaker


def test_blocks_words_owned_by_a_name_are_that_names(analyze_text: AnalyzeText) -> None:
    text = (
        "The debate was broadcast live on Thursday.\n\n"
        "Asked about the border, Ilse Morgenthal's reply was tweeted by a reporter:\n\n"
        "We will keep every crossing open and we will not build a single wall.\n\n"
        "The other candidates did not answer the question."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "We will keep every crossing open")
    assert block.speaker == "Ilse Morgenthal"


def test_blocks_tweet_under_a_cue_paragraph_leaves_its_handle_out(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "The storm reached the coast overnight.\n\n"
        "Meteorologist Jonas Ekdahl tweeted:\n\n"
        "@jonas_ekdahl: Winds above 120 km/h in the harbour now, stay indoors tonight\n\n"
        "The storm moved inland on Saturday."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "Winds above 120")
    assert block.text.startswith("Winds above 120")
    assert block.speaker == "Jonas Ekdahl"


def test_blocks_paragraph_opening_with_this_is_the_writers(analyze_text: AnalyzeText) -> None:
    text = (
        "Fans queued for hours before the concert.\n\n"
        "Blogger Ines Carvalho described the evening:\n\n"
        "The crowd sang every song from the first to the last note.\n\n"
        "This post was edited by Mara Lind."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "The crowd sang every song")
    assert "This post was edited" not in block.text


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        # the model reads "read" as a noun: still the cue of "a tweet by X"
        ("A tweet by user @lanternfish42 read:", "@lanternfish42"),
        # a relative clause on a name and its role: the name speaks, not the body in the role
        (
            "Support also came from his allies, like Oskar Varn, a deputy head of the "
            "party's city branch, who faulted critics for quoting him out of context:",
            "Oskar Varn",
        ),
    ],
)
def test_blocks_cue_paragraph_speaker_despite_the_parse(
    analyze_text: AnalyzeText, intro: str, speaker: str
) -> None:
    text = (
        "The vigil went on until late at night.\n\n"
        f"{intro}\n\n"
        "I can feel the same air in this place as four years ago, and we are not leaving.\n\n"
        "The police kept their distance."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "I can feel the same air")
    assert block.speaker is not None and speaker in block.speaker


def test_blocks_signed_pull_quote_inside_a_block_is_the_signers(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "The striker died on Friday at the age of 48.\n\n"
        "Sports blogger Femi Adebayo wrote:\n\n"
        "He scored the first goal of the tournament and led the line for a decade. "
        "\u201cHis talent was evident to the world\u201d \u2014 Kwame Asante, league president\n\n"
        "The funeral will be held on Monday."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "He scored the first goal")
    assert block.speaker == "Femi Adebayo"
    [signed] = [q for q in quotes if q.text.startswith("His talent was evident")]
    assert signed.speaker == "Kwame Asante"


@pytest.mark.parametrize(
    "intro",
    [
        # the sentence already quotes what it reports: the next "we" is the writer's
        "Columnist Ruth Abara says \u2018yes\u2019 on Monday but insists on \u2018no\u2019 by "
        "Friday.",
        # a photo's caption line names its photographer, who says nothing
        "The following photograph by Tomas Brandvik shows the harbour at dawn:",
    ],
)
def test_blocks_no_block_after_a_sentence_that_introduces_none(
    analyze_text: AnalyzeText, intro: str
) -> None:
    text = (
        "The local paper changed hands last year.\n\n"
        f"{intro}\n\n"
        "We try to get deeper into the issues and you can see more of our work online.\n\n"
        "The paper prints three days a week."
    )
    quotes = quotes_in(analyze_text, text)
    assert not holding(quotes, "We try to get deeper")


def test_blocks_full_stop_cue_of_a_named_writer_before_a_first_person_paragraph(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "Protests resumed in the capital on Thursday.\n\n"
        "Student leader Hana Kovac tweeted from the square late into the night.\n\n"
        "Now at the square. We lifted up our candles and nobody is going home.\n\n"
        "The protest ended peacefully at dawn."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "We lifted up our candles")
    assert block.speaker == "Hana Kovac"


def test_blocks_pronoun_cue_after_a_block_goes_on_with_its_speaker(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "The report drew angry replies online.\n\n"
        "Blogger Samira Haddad wondered:\n\n"
        "Until when will minister Lena Markovic publish unfounded reports about our towns?\n\n"
        "She added:\n\n"
        "I am not against counting the cases, but the figure was never checked by anyone.\n\n"
        "The newspaper did not reply."
    )
    quotes = quotes_in(analyze_text, text)
    [second] = holding(quotes, "I am not against counting")
    assert second.speaker == "Samira Haddad"


def test_blocks_first_person_inside_marks_is_no_block_of_the_writers_paragraph(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "The trial opened in Velmora on Monday.\n\n"
        "Prosecutor Ana Ruiz told the court about the night of the attack.\n\n"
        "The victim told a guard at the door, \u201cthey hurt me\u201d. She was taken to "
        "hospital.\n\n"
        "The trial continues on Tuesday."
    )
    quotes = quotes_in(analyze_text, text)
    assert all(q.speaker != "Ana Ruiz" for q in holding(quotes, "The victim told a guard"))


@pytest.mark.parametrize(
    "source",
    ["according to Ann Lee's report from Wired Weekly", "according to Ann Lee"],
)
def test_blocks_source_phrase_before_the_colon_names_whose_words_follow(
    analyze_text: AnalyzeText, source: str
) -> None:
    # the clause before the source phrase is about a group; the source gives the block
    text = (
        f"Many island people have also joined the party, {source}:\n\n"
        "The island has voted against the dump for years. The party won 35.7% of the votes "
        "there this spring, a new record that shows the anger of the island people."
    )
    [block] = holding(quotes_in(analyze_text, text), "The island has voted")
    assert (block.kind, block.speaker) == ("direct", "Ann Lee")


def test_blocks_first_person_labels_stay_inside_the_writers_run(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "Fireworks set a warehouse alight during the festival in Velmora.\n\n"
        "Kettlewing also asks some pointed questions.\n\n"
        "My first question:\n\n"
        "Who allowed fireworks next to a fuel depot?\n\n"
        "[...]\n\n"
        "My verdict:\n\n"
        "What a careless way to run a festival! I am angry about it.\n\n"
        "Later reports said that the depot had been closed."
    )
    quotes = quotes_in(analyze_text, text)
    [first] = holding(quotes, "Who allowed fireworks")
    [second] = holding(quotes, "What a careless way")
    assert first.text.startswith("My first question:")
    assert second.text.startswith("My verdict:")
    assert first.speaker == second.speaker == "Kettlewing"
    assert "depot had been closed" not in second.text


def test_blocks_a_cut_shows_an_excerpt_after_a_sentence_with_no_speech_verb(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "The march in Velmora was stopped by counter-protesters on Sunday.\n\n"
        "Openly: Velmora Queer Voices likens the disruption to a pogrom.\n\n"
        "The organisers planned a week of concerts, readings and open days across the city.\n\n"
        "But the march was attacked by men who had been told it was a provocation.\n\n"
        "[...]\n\n"
        "The police watched and did nothing at all. [...]\n\n"
        "Another blog, Letters in 4 Parts, comments on the policing:\n\n"
        "From that point on it was the police telling us where to walk."
    )
    quotes = quotes_in(analyze_text, text)
    [first] = holding(quotes, "The organisers planned")
    assert first.kind == "direct"
    assert first.speaker == "Openly: Velmora Queer Voices"
    assert "\n\nBut the march was attacked" in first.text
    [second] = holding(quotes, "The police watched")
    assert second.speaker == "Openly: Velmora Queer Voices"
    [third] = holding(quotes, "it was the police telling us")
    assert third.speaker == "Letters in 4 Parts"


def test_blocks_a_writers_state_of_mind_introduces_a_first_person_paragraph(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "Two men were released on bail after the attack on the cafe.\n\n"
        "Velmora Diaries in 3 Parts is also worried.\n\n"
        "For the first time since moving here, I am afraid to walk home at night.\n\n"
        "The trial is set for June."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "I am afraid to walk home")
    assert block.kind == "direct"
    assert block.speaker == "Velmora Diaries in 3 Parts"
    assert "trial is set" not in block.text


def test_blocks_a_commenter_goes_by_the_name_he_gives_himself(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "The news site of Velmora was offline for two days.\n\n"
        "Replied a reader calling himself Who Knows?:\n\n"
        "Attacks like this cost money and are hard to keep up for long.\n\n"
        "The site is online again."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "Attacks like this cost money")
    assert block.speaker == "Who Knows?"


def test_blocks_a_paragraph_whose_we_is_inside_its_own_quotation_ends_the_run(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "Protests against the beef imports went on for a second day.\n\n"
        "@velmoradad tweeted about his reasons for joining:\n\n"
        "I march because it is only the beginning, and yesterday was not loud enough.\n\n"
        "Meanwhile, a newspaper found an old advert of the ministry, which said, "
        "\u201cNothing matters more than your health. Count on us to protect you\u201d.\n\n"
        "The ministry did not comment."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "it is only the beginning")
    assert block.speaker == "@velmoradad"
    assert "advert" not in block.text


def test_blocks_a_paragraph_ending_in_quotes_someone_gives_them_the_next(
    analyze_text: AnalyzeText,
) -> None:
    text = (
        "A second fire was set at the cafe in Velmora last week.\n\n"
        "The blog also notes that the police came late and quotes one of its readers.\n\n"
        "Arson, silence from the mayor and now another fire, how long will this go on?\n\n"
        "The cafe has closed for the summer."
    )
    quotes = quotes_in(analyze_text, text)
    [block] = holding(quotes, "Arson, silence from the mayor")
    assert block.kind == "direct"
    assert block.speaker == "one of its readers"
    assert "closed for the summer" not in block.text
