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
        ("Moreau sued Johnson & Johnson.", "Johnson & Johnson", "ORG"),  # "&" in a body's name
        ("Moreau said Tallin Hill said no.", "Tallin Hill", "ORG"),  # a site that speaks
        ("Moreau said the SDF is made up of YPK militia.", "YPK", "ORG"),  # its members
        # kept by the rules that skip settings, parts, offices and lists
        ("Moreau said what he saw in Anna Kessler's film shocked him.", "Anna Kessler", "ORG"),
        ("Moreau said the Republicans were wrong.", "Republicans", "NORP"),  # a party
        ("Moreau said Anna Evans had lied.", "Anna Evans", "PERSON"),
        ("Moreau said Norway has failed its citizens.", "Norway", "GPE"),
        ("Moreau said the government of Norway lied.", "Norway", "GPE"),
        ("Moreau said it is a big win for Norway and Sweden.", "Sweden", "GPE"),
        ("Moreau urged the world to sanction Norway.", "Norway", "GPE"),
        ("Moreau said Norway's plan failed.", "Norway", "GPE"),
        ("Moreau said the rebels are backed by Norway.", "Norway", "GPE"),
        ("Moreau said Hale lied to the Tallin Committee.", "Tallin Committee", "ORG"),
        ("Moreau sent condolences to the family of Anna Kessler.", "Anna Kessler", "PERSON"),
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
        ("Moreau said he died at the Gen. Tarn Doctors' Hospital.", "Tarn Doctors' Hospital",
         "ORG", "a setting behind a name piece the model left out"),
        ("Moreau said Kessler was missing from Tallin Hill.", "Tallin Hill", "ORG", "a site"),
        ("Moreau said voters want him to run for the Ostrava Senate.", "Ostrava Senate", "ORG",
         "an office sought"),
        ("Moreau said it is not about ships, captains or NGOs.", "NGOs", "ORG", "a class"),
        ("Moreau said NGOs [Non-Governmental Organizations] matter.",
         "Non-Governmental Organizations", "ORG", "a class glossed"),
        ("Moreau said my heart breaks for Irene, Tomas & Zach.", "Irene, Tomas & Zach", "PERSON",
         "a list of people"),
        ("Moreau said my heart breaks for Irene, Tomas and Zach.", "Irene, Tomas and Zach",
         "ORG", "a list the model took for a body"),
        ("Moreau said the name 'Irene Kessler' shall be a reminder.", "Irene Kessler", "PERSON",
         "a name as a name"),
        ("Moreau said she had the reputation of being Miss Goody Gumdrop.", "Goody Gumdrop",
         "PERSON", "a role played"),
        ("Moreau said the wall runs along the border with Veldoria.", "Veldoria", "GPE",
         "a border's other side"),
        ("Moreau said if Kessler can't govern Veldoria, she must go.", "Veldoria", "GPE",
         "a domain governed"),
        ("Moreau said Kessler, reported by The Tallin Herald as a thief, fled.",
         "Tallin Herald", "ORG", "a source cited"),
        ("Moreau said she collected sand crabs (Irenia talpoida) as a child.", "Irenia",
         "PERSON", "a genus in a binomial"),
        ('Moreau attacked the inquiry as "Witch Hunt garbage."', "Witch Hunt", "PERSON",
         "a quoted phrase"),
        ("Moreau said it compares with the Veldorian and North Ostran trade blocs.",
         "Veldorian", "NORP", "a coordinated modifier"),
        ("Moreau said: As a Level 1 Trauma Center, Tarn Hospital is ready.", "Trauma Center",
         "ORG", "a description with a number"),
        ("Moreau said the Guard Corps of Veldoria grew.", "Veldoria", "GPE", "part of a name"),
        ("Moreau said the Kessler Act is unfair.", "Kessler Act", "ORG", "a law"),
        ("Moreau said the Tallin Prize was rigged.", "Tallin Prize", "ORG", "an award"),
        ("Moreau said Operation Tallin failed.", "Operation Tallin", "ORG", "an operation"),
        ("Moreau said the rescue ship Ana Maris sank.", "Ana Maris", "PERSON", "a vessel"),
        (
            "Moreau said Kessler was treated at the Tallin Hospital.",
            "Tallin Hospital",
            "ORG",
            "a setting",
        ),
        ("Moreau said people in the Ostrava Council agree.", "Ostrava Council", "ORG", "a setting"),
        ("Moreau said 84% of surveyed Veldorians wash.", "Veldorians", "PERSON", "a people"),
        ("Moreau said it was a coup against a president of Norway.", "Norway", "GPE", "an office"),
        ("Moreau said floods hit northern parts of Norway.", "Norway", "GPE", "a part"),
        ("Moreau said the wreck was the U.S.S. Kestrel.", "U.S.S. Kestrel", "ORG", "a ship"),
        ("Moreau said the epicentre was 9 km east of Tallin.", "Tallin", "ORG", "a bearing"),
        ("Moreau said he was named Best Dancer there.", "Best Dancer", "ORG", "a title"),
        ("Moreau said the Ostrava del Sur office closed.", "del Sur", "PERSON", "a piece"),
        ("Moreau said it is part of the history of Norway.", "Norway", "GPE", "a modifier"),
        ('Moreau said, "I was called Norway\'s Darling."', "Norway", "GPE", "a nickname"),
        ("Moreau said Norway's President Kessler lied.", "Norway", "GPE", "a title's"),
        ('Moreau said, "Hale was Norway."', "Norway", "GPE", "a predicate"),
        (
            "Moreau said trade, tariffs, the Norway accords and more.",
            "Norway",
            "GPE",
            "a list of things",
        ),
        (
            "Moreau said the former Chief Minister (CM) of Tallin died.",
            "Tallin",
            "PERSON",
            "an office, an aside between",
        ),
        ("Moreau said Hale sat on the Tallin Committee.", "Tallin Committee", "ORG", "a seat"),
        ('Moreau said, "We crossed the Tallin Sound."', "Tallin Sound", "ORG", "a place crossed"),
        (
            "Moreau said Hale, son of the late founder Ivo Kessler, died.",
            "Ivo Kessler",
            "PERSON",
            "a relative in a description",
        ),
        (
            "Moreau said the Tallin Student Olympiad grew.",
            "Tallin Student Olympiad",
            "ORG",
            "an event",
        ),
        ("Moreau said it would be a no-deal Kestrexit.", "Kestrexit", "PERSON", "described"),
        (
            "Moreau said the mayor of the Ostrava Council quit.",
            "Ostrava Council",
            "ORG",
            "an office",
        ),
    ],
)
def test_relation_targets_skip_what_names_no_party(
    text: str, name: str, label: str, why: str
) -> None:
    others = (("Guard Corps", "ORG"),) if "Guard Corps" in text else ()
    assert not _check(text, name, label, *others), why


def test_relation_targets_skip_a_name_whose_type_is_in_doubt() -> None:
    text = "Moreau said Greenfold and Kessler had lied."

    def target(name: str, label: str, actor_name: str, kind: ActorType) -> bool:
        start = text.index(name)
        mention = Mention("a", start, start + len(name), name, label, name)
        actor = ActorSummary(actor_name, actor_name, kind, None, (), 1, 1, 0)
        return is_target(mention, actor, text, [mention])

    assert not target("Greenfold", "ORG", "Greenfold", "person")  # the merge and NER disagree
    assert target("Greenfold", "ORG", "Greenfold", "organization")
    assert target("Kessler", "ORG", "Anna Kessler", "person")  # a surname: the usual slip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the decision, which Kessler has referred to as a stunt", True),
        ("mourned Hale, while Kessler noted his strength", True),
        ("said Kessler told reporters", True),
        ("said Kessler has resigned", False),
        ("said Kessler's plan failed", False),
        ("accused Kessler of fraud", False),
    ],
)
def test_relation_second_source_speaks_in_turn(text: str, expected: bool) -> None:
    from newsdesk.core.analysis.targets import speaks_in_turn

    assert speaks_in_turn(text, text.index("Kessler") + len("Kessler")) is expected


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "expected"),
    [
        (
            "Hale was held in contempt for refusing to hand over documents.",
            "Hale",
            "refusing",
            False,
        ),
        ("Moreau wrote denying Kessians citizenship broke the law.", "Moreau", "denying", False),
        ("Lam agreed, saying Kessler was right.", "Lam", "saying", True),
        ("Lam agreed, also saying Kessler was right.", "Lam", "saying", True),
        ("with Spano calling the inquiry a coup", "Spano", "calling", True),
        ("Spano said Kessler lied.", "Spano", "said", True),
        ("according to Spano, Kessler lied.", "Spano", "according to", True),
        ('Spano went on to add, "Kessler lied."', "Spano", "add", True),
        ("Spano continued to write songs for Kessler.", "Spano", "write", False),
    ],
)
def test_relation_participle_cue_holds_only_from_its_source(
    text: str, speaker: str, cue: str, expected: bool
) -> None:
    from newsdesk.core.analysis.relations import holds_the_position
    from newsdesk.core.models import Quote

    s, c = text.index(speaker), text.index(cue)
    quote = Quote(
        "q",
        "a",
        text,
        c + len(cue),
        len(text),
        "indirect",
        cue,
        c,
        c + len(cue),
        speaker,
        s,
        s + len(speaker),
    )
    assert holds_the_position(quote, text) is expected


@pytest.mark.parametrize(
    ("text", "name", "label", "others", "stance_object", "expected"),
    [
        # a town the model took for a person, in a list of towns
        (
            "Moreau said the towns hit were Tarn, Ostrava, Lanz and Cortes.",
            "Lanz",
            "PERSON",
            (("Tarn", "GPE"), ("Ostrava", "GPE"), ("Cortes", "GPE")),
            False,
            False,
        ),
        # a list of countries and people: each is a party
        (
            "Moreau criticised Norway, Kessler and Sweden.",
            "Kessler",
            "PERSON",
            (("Norway", "GPE"), ("Sweden", "GPE")),
            False,
            True,
        ),
        (
            "Moreau criticised Norway, Kessler and Sweden.",
            "Norway",
            "GPE",
            (("Kessler", "PERSON"), ("Sweden", "GPE")),
            False,
            True,
        ),
        # the country of an address
        (
            "Moreau said they met in his studio in Lagos, Nigeria, last year.",
            "Nigeria",
            "GPE",
            (("Lagos", "GPE"),),
            False,
            False,
        ),
        # no comma-address: a list
        (
            "Moreau said Lagos, Nigeria and Ghana agreed.",
            "Ghana",
            "GPE",
            (("Lagos", "GPE"), ("Nigeria", "GPE")),
            False,
            True,
        ),
        (
            "Moreau said Russia, China and Iran agreed.",
            "China",
            "GPE",
            (("Russia", "GPE"), ("Iran", "GPE")),
            False,
            True,
        ),
        # no country we know, and not acting; but what "urged" addresses
        ("Moreau urged Veldoria to release the prisoners.", "Veldoria", "GPE", (), False, False),
        ("Moreau urged Veldoria to release the prisoners.", "Veldoria", "GPE", (), True, True),
    ],
)
def test_relation_targets_lists_addresses_and_stance_objects(
    text: str,
    name: str,
    label: str,
    others: tuple[tuple[str, str], ...],
    stance_object: bool,
    expected: bool,
) -> None:
    assert _check(text, name, label, *others, stance_object=stance_object) is expected


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


def test_relation_targets_a_short_form_of_a_site_is_the_site() -> None:
    """"the Channel" written for the actor "Ostran Channel": the actor's head word says site."""
    text = "Moreau said strong winds over the Channel presented difficulty."
    start = text.index("Channel")
    mention = Mention("a", start, start + 7, "Channel", "ORG", "Ostran Channel")
    actor = ActorSummary("c", "Ostran Channel", "organization", None, (), 2, 1, 0)
    assert not is_target(mention, actor, text, [mention])


@pytest.mark.parametrize("verb", ["claiming", "reported", "alleges"])
def test_relation_targets_a_name_with_its_own_verb_of_saying_speaks(verb: str) -> None:
    from newsdesk.core.analysis.targets import speaks_in_turn

    text = f"despite Tallin Post {verb} a source saw it"
    assert speaks_in_turn(text, text.index(" " + verb))
