"""Who can be a party to a relation: article-wide rules and the position's source (no model)."""

from __future__ import annotations

import pytest

from newsdesk.core.analysis.parties import classed_as_a_kind, non_parties, shared_surname
from newsdesk.core.analysis.relations import source_of, written_speaker
from newsdesk.core.models import Mention, Quote


def _mentions(text: str, *names: tuple[str, str, str]) -> list[Mention]:
    """(written name, label, cluster key) for every place each name is written in `text`."""
    found = []
    for name, label, key in names:
        start = text.find(name)
        while start >= 0:
            found.append(Mention("a", start, start + len(name), name, label, key))
            start = text.find(name, start + len(name))
    return sorted(found, key=lambda m: m.start)


def _by_key(mention: Mention) -> str:
    return mention.key.lower()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Scribes prayed to the god Thoth, the god of wisdom.", "Thoth"),
        ("The team chose Velox zoui, a feathered dinosaur about the size of a goose.", "Velox"),
        ("Children loved the comic character Pipkin.", "Pipkin"),
        (
            "He pledged converting Santa Irene, formerly a Byzantine church and now a museum.",
            "Santa Irene",
        ),
    ],
)
def test_relation_parties_a_kind_noun_classes_the_name(text: str, name: str) -> None:
    mention = _mentions(text, (name, "PERSON", name))[0]
    assert classed_as_a_kind(text, mention)
    assert non_parties([mention], text, _by_key) == {name.lower()}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fans bought the book Kessler wrote.", "Kessler"),  # the subject of a clause after it
        ("The board hired Kessler, a dog trainer from Ostrava.", "Kessler"),  # a person's job
        ("The board hired Kessler, formerly the museum's director.", "Kessler"),
    ],
)
def test_relation_parties_a_person_near_a_kind_noun_stays(text: str, name: str) -> None:
    mention = _mentions(text, (name, "PERSON", name))[0]
    assert not classed_as_a_kind(text, mention)


def test_relation_parties_a_name_used_as_a_modifier_is_a_topic() -> None:
    text = (
        "The Grexit deadline is near. Lopez tied his Grexit strategy to the Grexit vote. "
        '"We must get Grexit done," Lopez said.'
    )
    mentions = _mentions(text, ("Grexit", "PERSON", "Grexit"), ("Lopez", "PERSON", "Lopez"))
    assert non_parties(mentions, text, _by_key) == {"grexit"}


def test_relation_parties_a_name_before_a_participle_or_a_verb_is_no_modifier() -> None:
    text = "The film starred Ben Tarn directing it. Tarn tweeted thanks. Tarn wrote more."
    mentions = _mentions(text, ("Ben Tarn", "PERSON", "Tarn")) + [
        Mention("a", i, i + 4, "Tarn", "PERSON", "Tarn")
        for i in (text.index("Tarn tweeted"), text.index("Tarn wrote"))
    ]
    assert non_parties(mentions, text, _by_key) == set()


def test_relation_parties_a_person_with_a_role_is_never_a_topic() -> None:
    text = "Minister Tarn said the Tarn plan is dead. The Tarn era ended. Tarn left."
    mentions = [
        Mention("a", m.start, m.end, m.text, m.label, m.key, "Minister" if m.start < 10 else None)
        for m in _mentions(text, ("Tarn", "PERSON", "Tarn"))
    ]
    assert non_parties(mentions, text, _by_key) == set()


def test_relation_parties_a_surname_three_people_share_is_no_one_for_sure() -> None:
    text = (
        "Irene married Wyatt Lane. Her son Anderson Lane and her son Carter Lane survive her. "
        "She said her union with Lane was happy. Tomas Velde and Velde's staff agreed."
    )
    mentions = _mentions(
        text,
        ("Wyatt Lane", "PERSON", "Wyatt Lane"),
        ("Anderson Lane", "PERSON", "Anderson Lane"),
        ("Carter Lane", "PERSON", "Carter Lane"),
        ("Tomas Velde", "PERSON", "Tomas Velde"),
    )
    lone = Mention("a", text.index("Lane was"), text.index("Lane was") + 4, "Lane", "PERSON", "x")
    velde = text.index("Velde's")
    assert shared_surname(lone, mentions)
    assert not shared_surname(Mention("a", velde, velde + 5, "Velde", "PERSON", "x"), mentions)


def _quote(text: str, speaker: str, cue: str, words: str) -> Quote:
    start = text.index(speaker)
    cue_start = text.index(cue)
    words_start = text.index(words)
    return Quote(
        "q",
        "a",
        words,
        words_start,
        words_start + len(words),
        "direct",
        cue,
        cue_start,
        cue_start + len(cue),
        speaker,
        start,
        start + len(speaker),
        None,
        speaker.lower(),
    )


def test_relation_source_a_person_named_in_the_speakers_phrase_speaks() -> None:
    text = 'Longtime Tarn in the Morning writer Rob Velde tweeted: "He was a rebel."'
    mentions = _mentions(text, ("Tarn", "PERSON", "Tarn"), ("Rob Velde", "PERSON", "Rob Velde"))
    quote = _quote(text, "Tarn", "tweeted", "He was a rebel.")
    assert source_of(quote, mentions, text, _by_key) == "rob velde"


def test_relation_source_a_clause_between_keeps_the_speaker() -> None:
    text = 'Tarn, who had fired Rob Velde, tweeted: "He was a rebel."'
    mentions = _mentions(text, ("Tarn", "PERSON", "Tarn"), ("Rob Velde", "PERSON", "Rob Velde"))
    quote = _quote(text, "Tarn", "tweeted", "He was a rebel.")
    assert source_of(quote, mentions, text, _by_key) == "tarn"


def test_relation_source_a_body_whose_officer_speaks_is_not_the_source() -> None:
    text = '"He was brilliant," said Ostrava University, Tarn\'s chancellor, Pradesh Kolar.'
    mentions = _mentions(text, ("Ostrava University", "ORG", "Ostrava University"))
    quote = _quote(text, "Ostrava University", "said", "He was brilliant,")
    assert source_of(quote, mentions, text, _by_key) is None


def test_relation_source_needs_a_speaker_written_at_the_words() -> None:
    text = "Wikinews' Nick Tarn photographed the event."
    layout = Quote("q", "a", text, 0, len(text), "direct", None, None, None, "Irene", 0, 0)
    assert not written_speaker(layout)
    named = Quote("q", "a", text, 0, len(text), "direct", "said", 5, 9, "Irene", 10, 15)
    assert written_speaker(named)
    corrected = Quote("q", "a", text, 0, len(text), "direct", None, None, None, "Irene")
    assert written_speaker(corrected)  # the reader's correction: no span, kept
