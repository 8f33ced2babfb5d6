"""Speakers a reader can trust: the person a quote's context introduces, never a phrase that is
no actor; on invented text."""

from __future__ import annotations

from invented import TITLE, AnalyzeText, speaker_of


def test_speaker_of_quoted_paragraph_after_one_introducing_its_speaker(
    analyze_text: AnalyzeText,
) -> None:
    # the paragraph before the quote closes on a sentence whose subject is a newly named
    # person: the quoted paragraph is theirs, not the previous quote's speaker's
    text = (
        "The new camps were built in the spring, according to Tom Baxter, a former district "
        "clerk.\n\n"
        '"They came here in April," he said. "Nobody asked us about it."\n\n'
        "The district's governor, Ann Lindqvist, grew angry when asked about the camps in "
        "her district.\n\n"
        '"I do not see why reporters care about the camps. They can be built anywhere."'
    )
    assert speaker_of(analyze_text, text, "reporters care") == "Ann Lindqvist"
    assert speaker_of(analyze_text, text, "Nobody asked") == "Tom Baxter"


def test_speaker_of_quoted_paragraph_after_one_about_someone_else_goes_on(
    analyze_text: AnalyzeText,
) -> None:
    # a paragraph naming someone only as an object introduces no speaker
    text = (
        '"The camps came in April," Tom Baxter, a former district clerk, said. "Nobody asked '
        'us about it."\n\n'
        "The soldiers were sent by the governor, Ann Lindqvist.\n\n"
        '"I do not see why they came. They can go anywhere."'
    )
    assert speaker_of(analyze_text, text, "they came") == "Tom Baxter"


def parsed(nlp, rows: list[tuple[str, str, str, str, int]]):  # type: ignore[no-untyped-def]
    """A Doc parsed as `rows` say (word, tag, pos, dep, head index): a misparse pinned down,
    whatever the model of the day makes of the sentence."""
    from spacy.tokens import Doc

    words = [r[0] for r in rows]
    tight = {",", ":", ")", '"'}
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in tight for i in range(len(rows))]
    return Doc(
        nlp.vocab, words=words, spaces=spaces, tags=[r[1] for r in rows],
        pos=[r[2] for r in rows], deps=[r[3] for r in rows], heads=[r[4] for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )


def test_speaker_fronted_participle_takes_its_verbs_subject(  # type: ignore[no-untyped-def]
    nlp,
) -> None:
    # `Noting "...", (gloss), Governor Ruiz added`: the parser gave the fronted participle a
    # "subject" after its quote; a participle before its verb speaks for that verb's subject
    from newsdesk.core.pipeline.speakers import SpeakerResolver

    doc = parsed(nlp, [
        ("Noting", "VBG", "VERB", "advcl", 8),       # 0
        ("fines", "NNS", "NOUN", "dobj", 0),         # 1
        ("(", "-LRB-", "PUNCT", "punct", 3),         # 2
        ("gloss", "NN", "NOUN", "nsubj", 0),         # 3: the misparse
        (")", "-RRB-", "PUNCT", "punct", 3),         # 4
        (",", ",", "PUNCT", "punct", 8),             # 5
        ("Governor", "NNP", "PROPN", "compound", 7), # 6
        ("Ruiz", "NNP", "PROPN", "nsubj", 8),        # 7
        ("added", "VBD", "VERB", "ROOT", 8),         # 8
    ])
    subject = SpeakerResolver(doc, []).subject_of(doc[0])
    assert subject is not None and subject.text == "Ruiz"


def test_speaker_is_never_a_count_of_times(analyze_text: AnalyzeText) -> None:
    # "several times" read as the subject of the second verb: how often, so the verb's
    # speaker is the first verb's
    text = (
        "Mayor Tom Baxter spoke at the plant on Monday. He stated that he expected the new "
        'company to make "safe and cheap buses," and several times described what he wanted '
        'as "quiet" and "clean" buses.'
    )
    assert speaker_of(analyze_text, text, "clean") == "Tom Baxter"


def test_speaker_of_a_letter_one_acts_in_is_its_writer(analyze_text: AnalyzeText) -> None:
    # "resigned in a letter ... stating": the letter is the means of her act, so hers; a letter
    # that names no writer speaks for itself
    text = (
        "Helen Barker, founder of Acme, has stepped down as its chief. Barker resigned in a "
        'letter to the board of directors stating, "I have always said that I would tell you '
        'first when the day came. That day has come."'
    )
    assert speaker_of(analyze_text, text, "That day") == "Helen Barker"


def test_speaker_it_after_an_untagged_body_that_spoke(analyze_text: AnalyzeText) -> None:
    # "Tradex ... says ...; it noted": the model tagged no organisation at the name, yet the
    # capitalised subject that spoke is what "it" means, not a body named further back
    text = (
        "Two senators called on Congress to investigate the sell-off.\n\n"
        "Tradex, meanwhile, says that all trades at prices far above the preceding price are "
        "to be cancelled; it noted that it coordinated its move with the other exchanges."
    )
    assert speaker_of(analyze_text, text, "coordinated its move") == "Tradex"


def test_speaker_a_paper_named_times_is_no_count(analyze_text: AnalyzeText) -> None:
    # "The ... Times" is a paper's name, not a count of times
    text = (
        "Students rallied for the boy on Monday. The Dalby Times reported that what began as "
        'single messages to the boy had grown into a "support movement" by the evening.'
    )
    assert speaker_of(analyze_text, text, "support movement") == "Dalby Times"


def test_speaker_of_a_quote_sourced_after_its_closing_mark(analyze_text: AnalyzeText) -> None:
    # `"...," according to X`: the quote names its own source, it does not go on with the
    # quote before it
    text = (
        "A cabinet meeting is due today, with ministry spokesman Tom Baxter telling reporters "
        'the attack was "a hostile act". The prime minister has been more measured.\n\n'
        '"Military action against the island is out of the question," according to Ann '
        'Lindqvist, foreign minister of Norland, for either "the government or the alliance."'
    )
    quotes = [q for q in analyze_text(TITLE + text).quotes if "out of the question" in q.text]
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Ann Lindqvist")]


def test_speaker_of_an_order(analyze_text: AnalyzeText) -> None:
    # "instructed X to "..."" orders in the speaker's words
    text = (
        "Seeing this, Interior Minister Tom Baxter instructed local officials to \u201cincrease "
        "the monitoring of land conflicts\u201d before the vote."
    )
    quotes = analyze_text(TITLE + text).quotes
    assert [q.speaker for q in quotes if "monitoring of land" in q.text] == ["Tom Baxter"]


def test_speaker_quote_ending_its_sentence_before_according_to_goes_on(
    analyze_text: AnalyzeText,
) -> None:
    # the next sentence's "According to X" sources that sentence, not the quote before it
    text = (
        'Tom Baxter stated that "we have no such problem here," drawing laughter. "We do not '
        'have this at all, I do not know who told you that." According to the Norland Rights '
        "Group, the law is used against dozens of people each year."
    )
    assert speaker_of(analyze_text, text, "who told you") == "Tom Baxter"


def test_speaker_county_named_with_a_possessive_is_one_name(analyze_text: AnalyzeText) -> None:
    # "St. Anne's County Sheriff's Office": the model cut the name after "St. Anne's"; the
    # county goes on with the body it begins
    text = (
        "St. Anne's County Sheriff's Office released the recordings on Monday.\n\n"
        "In the shooting at the school on March 2, according to St. Anne's County Sheriff's "
        "Office, a student opened fire with a pistol at 7:57 AM local time."
    )
    assert speaker_of(analyze_text, text, "opened fire") == "St. Anne's County Sheriff's Office"



def test_speaker_named_after_a_participle_parsed_as_the_subject(  # type: ignore[no-untyped-def]
    nlp,
) -> None:
    # "Writing in a blog post, X of Y dubbed ...: "..."", with the participle parsed as the
    # cue's subject and the name hung on it: the person named between the participle and the
    # cue speaks, not a body named after the cue
    from newsdesk.core.pipeline.indexing import analyze_doc
    from newsdesk.core.pipeline.text import build_article

    text = TITLE + (
        "Writing in a blog post, Matthew Baxter of The Dalby Courier dubbed the conflict "
        "involving the Church of Norland's attempts to remove the video: \"Norland vs. the "
        'Internet, part nine".'
    )
    article = build_article(text, article_id="t", path="t.txt", content_hash="x")
    doc = nlp(article.text)
    words = {t.text: t for t in doc}
    writing, baxter, dubbed = words["Writing"], words["Baxter"], words["dubbed"]
    writing.head, writing.dep_ = dubbed, "nsubj"  # the misparse of the article it came from
    baxter.head, baxter.dep_ = writing, "npadvmod"
    quotes = [q for q in analyze_doc(doc, article).quotes if "part nine" in q.text]
    assert [q.speaker for q in quotes] == ["Matthew Baxter"]


def test_sourced_words_with_quotations_inside_are_not_one_quotation(
    analyze_text: AnalyzeText,
) -> None:
    # "“six workers” were found at the farm, “working without a contract”": two quoted pieces
    # of one report, not a whole quotation
    text = (
        "According to Labour Minister Ann Lindqvist, \u201csix workers and one foreman\u201d were "
        "found at the Dalby farm, \u201cworking without a contract and without pay.\u201d"
    )
    quotes = [q for q in analyze_text(TITLE + text).quotes if "found at the Dalby farm" in q.text]
    assert [q.kind for q in quotes] != ["direct"]


def test_sourced_quoted_fragment_is_not_a_whole_quotation(analyze_text: AnalyzeText) -> None:
    # `came to register and "defend the vote," according to X`: a fragment the sourced clause
    # quotes, not a quoted sentence
    text = (
        "Their purpose was not to guard the border. Instead, the soldiers came to register to "
        "vote and \u201cdefend the election,\u201d according to Norby\u2019s chief of police, "
        "Tom Baxter."
    )
    quotes = [q for q in analyze_text(TITLE + text).quotes if "defend the election" in q.text]
    assert quotes and all(q.kind != "direct" for q in quotes)
