"""Relation targets and polarity: each rule on made-up sentences (no model needed)."""

from __future__ import annotations

import pytest

from newsdesk.core.analysis.polarity import polarity, words_polarity
from newsdesk.core.analysis.targets import is_target
from newsdesk.core.models import ActorSummary, ActorType, Mention

TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "NORP": "group",
    "LOC": "place",
}


def _check(
    text: str, name: str, label: str, *others: tuple[str, str], stance_object: bool = False
) -> bool:
    """Whether `name` (the first time it is written in `text`) is a target; `others` are
    further mentions (name, label) in the sentence."""
    mentions = []
    for other, other_label in ((name, label), *others):
        start = text.index(other)
        mentions.append(Mention("a", start, start + len(other), other, other_label, other))
    mention = mentions[0]
    actor = ActorSummary(name, name, TYPES[label], None, (), 1, 1, 0)
    neighbours = sorted(mentions, key=lambda m: m.start)
    return is_target(mention, actor, text, neighbours, stance_object=stance_object)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Moreau urged Norway to release the prisoners.", "Norway", "GPE"),
        ("Moreau said Veldoria has closed its border.", "Veldoria", "GPE"),  # a polity acting
        ("Moreau accused the Tallin Bank of fraud.", "Tallin Bank", "ORG"),
        ("Moreau praised Anna Kessler for her work.", "Anna Kessler", "PERSON"),
        ("Moreau said the Kessians were right.", "Kessians", "NORP"),
        ("Moreau said Veldoria said no.", "Veldoria", "GPE"),
        ("Moreau said the Tallin Bank must pay.", "Tallin Bank", "ORG"),
        ("Moreau said the Ostrava Union wanted more.", "Ostrava Union", "ORG"),
        ("Moreau said the US President Anna Kessler lied.", "Anna Kessler", "PERSON"),
        ("Moreau said the winner is Anna Kessler.", "Anna Kessler", "PERSON"),
    ],
)
def test_relation_targets_keep_parties(text: str, name: str, label: str) -> None:
    assert _check(text, name, label)


@pytest.mark.parametrize(
    ("text", "name", "label", "why"),
    [
        ("Moreau said the talks in Veldoria failed.", "Veldoria", "GPE", "a setting"),
        ("Moreau said the towns hit were Tarn, Veldoria and Ost.", "Veldoria", "GPE", "a town"),
        ("Moreau said the quake was 9 km east of Norway.", "Norway", "GPE", "a bearing"),
        ("Moreau said the plane flies to Veldoria.", "Veldoria", "GPE", "a destination"),
        ("Moreau said troops would be leaving Veldoria.", "Veldoria", "GPE", "a verb of going"),
        ("Moreau said the fires in the Ostrava Basin grew.", "Ostrava Basin", "LOC", "no polity"),
        ("Moreau said the Ostrava forest is burning.", "Ostrava", "ORG", "a modifier"),
        ("Moreau said a single Union country could act.", "Union", "ORG", "a modifier"),
        ("Moreau said the [Veldorian] casualties were low.", "Veldorian", "NORP", "a gloss"),
        ("Moreau said the Veldorian troops left.", "Veldorian", "NORP", "a nationality"),
        ("Moreau said Kessians are welcome.", "Kessians", "NORP", "a faith, no article"),
        ("Moreau said he will name a new Security Chief.", "Security Chief", "ORG", "a title"),
        ("Moreau said at the height of the Veldorian Civil War.", "Civil War", "PERSON", "a war"),
        ("Moreau said it [Santa Irene] is a temple.", "Santa Irene", "PERSON", "a thing"),
        ('Moreau said, "It [Santa Irene] is old."', "Santa Irene", "PERSON", "a thing, quoted"),
        ("Moreau said the name of this area is Irenopolis.", "Irenopolis", "PERSON", "a name"),
        ("Moreau said the town known as Irenopolis burned.", "Irenopolis", "PERSON", "a name"),
        (
            "Moreau said when Santa Irene is attacked, its roof burns.",
            "Santa Irene",
            "PERSON",
            "an it",
        ),
        ("Moreau said Kessler expanded the raid down the Ostrava.", "Ostrava", "ORG", "a path"),
        ("Moreau said the Guard Corps of Veldoria grew.", "Veldoria", "GPE", "part of a name"),
    ],
)
def test_relation_targets_skip_what_names_no_party(
    text: str, name: str, label: str, why: str
) -> None:
    others = (("Guard Corps", "ORG"),) if "Guard Corps" in text else ()
    assert not _check(text, name, label, *others), why


def test_relation_targets_keep_the_place_a_stance_addresses() -> None:
    text = "Moreau urged Veldoria to release the prisoners."
    assert not _check(text, "Veldoria", "GPE")  # no country we know, and not acting
    assert _check(text, "Veldoria", "GPE", stance_object=True)  # but what "urged" addresses


@pytest.mark.parametrize(
    ("cue", "before", "expected"),
    [
        ("supported", "", "support"),
        ("support", "Moreau did not ", "oppose"),
        ("back", "Moreau would never ", "oppose"),
        ("criticise", "Moreau did not ", "neutral"),
        ("condemned", "Moreau ", "oppose"),
        ("said", "Moreau did not say why but ", "neutral"),
    ],
)
def test_relation_polarity_heeds_negation_of_the_cue(cue: str, before: str, expected: str) -> None:
    assert polarity(cue, before) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Kessler treats the rule of law with utter contempt", "oppose"),
        ("our condolences to the family of Anna Kessler", "support"),
        ("I applaud the Kessians for their work", "support"),
        ("we will destroy the Ostrava Union", "oppose"),
        ("the Guard, which support the Ostrava Union, grew", "neutral"),  # not the speaker's act
        ("Kessler is not corrupt", "neutral"),
        ("Kessler met Moreau on Monday", "neutral"),
    ],
)
def test_relation_polarity_from_evaluative_words(words: str, expected: str) -> None:
    assert words_polarity(words) == expected


def test_relation_own_side_is_named_in_a_role() -> None:
    from newsdesk.core.analysis.relations import own_side

    def actor(actor_id: str, name: str, kind: ActorType, role: str | None = None) -> ActorSummary:
        return ActorSummary(actor_id, name, kind, role, (), 1, 1, 0)

    actors = {
        "a": actor("a", "Ana Torres", "person", "foreign minister of Veldoria"),
        "v": actor("v", "Veldoria", "place"),
        "g": actor("g", "Harbour Guard", "organization"),
        "h": actor("h", "Ivo Hale", "person", "Harbour Guard Commandant"),
        "o": actor("o", "Ostmark", "place"),
    }
    roles = {"a": {"foreign minister of Veldoria"}, "h": {"Harbour Guard Commandant"}}
    assert own_side("a", "v", actors, roles)  # the minister and her country
    assert own_side("g", "h", actors, roles)  # the guard and its commandant
    assert not own_side("a", "o", actors, roles)
    assert not own_side("a", "h", actors, roles)
