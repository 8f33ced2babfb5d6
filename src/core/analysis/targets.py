"""Which names inside a position name someone it is about: rules over the text around a mention.

The store keeps no parse, so these rules read the words next to a mention: a name that is a
setting ("in Moscow", "leaving Syria"), a modifier ("the Amazon rainforest", "a single EU
country"), a description ("a new National Security Advisor"), part of another name ("the
Guard Corps of Iran") or a thing the model took for a person ("the Syrian Civil War", "it
[the Hagia Sophia]") is no one a statement targets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import ActorSummary, ActorType, Mention
from ..pipeline.cues import verb_base

#: Actor types that can be the target of a position: those that can act or be acted upon.
TARGET_TYPES: frozenset[ActorType] = frozenset({"person", "organization", "group", "place"})
#: Place labels that name polities ("urged Russia"); rivers, regions and buildings are settings.
POLITY_LABELS = frozenset({"GPE"})
#: Entity labels that can name someone a position is about: people, organisations, polities,
#: and groups; buildings, events, laws, works, products and dates are what positions are
#: about, not whom.
TARGET_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

#: Prepositions that make the place after them a setting or a destination ("talks in Berlin",
#: "transports to Germany").
PLACE_PREPOSITIONS = frozenset(
    "in at near from to into onto across around outside inside throughout within via "
    "through towards toward over under down up along beyond".split()
)
#: Prepositions of path that no organisation or person follows as a party ("down the ERV").
PATH_PREPOSITIONS = frozenset("down up along across around throughout near via".split())
#: Verbs of going whose object place is where, not whom ("troops would be leaving Syria").
MOTION_VERBS = frozenset(
    "leave leaves leaving left enter enters entering entered visit visits visiting visited "
    "reach reaches reaching reached flee flees fleeing fled cross crosses crossing crossed "
    "tour tours touring toured invade invades invading invaded".split()
)
#: Words that may follow a name without being part of its noun phrase.
CLAUSE_WORDS = frozenset(
    "and or but nor to of in on at for from by with as than that which who whom whose is are "
    "was were be been being has have had will would could should may might must can did does "
    "do not also if when while because after before since until so yet then where".split()
)
#: Pronouns for things: a bracketed name glossing one ("It [the museum] is") names a thing.
THING_PRONOUNS = frozenset({"it", "its", "this", "that"})
#: Indefinite determiners: a capitalised title after one describes, it does not name
#: ("a new National Security Advisor", "an Iranian airline").
INDEFINITES = frozenset({"a", "an", "another"})

_STRIP = ".,;:!?\"'“”‘’()[]{}"


def is_target(
    mention: Mention,
    actor: ActorSummary | None,
    text: str,
    neighbours: Sequence[Mention] = (),
) -> bool:
    """Whether a mention inside a position names someone it is about, not a setting or modifier.

    `neighbours` are the article's other mentions near this one (to see a name that is part
    of a longer one). Each rule below is a reason a name inside the words is not a target.
    """
    if actor is None or actor.type not in TARGET_TYPES or mention.label not in TARGET_LABELS:
        return False
    raw = _words_before(text, mention.start)
    after_the = bool(raw) and raw[-1] == "the"
    before = raw[:-1] if after_the else raw
    if actor.type == "place" and (mention.label not in POLITY_LABELS or _is_setting(before)):
        return False
    if mention.label != "PERSON" and before and before[-1] in PATH_PREPOSITIONS:
        return False
    if mention.label in ("NORP", "GPE", "ORG") and modifies_next_word(text, mention.end):
        return False
    if mention.label == "NORP" and not after_the:
        return False  # "Christians" is a faith; "the Kurds" are a party to the story
    if is_description(before):
        return False
    if mention.label == "PERSON" and _after_the(text, mention):
        return False  # "the Syrian Civil War": a person's name takes no article
    if is_named_as_a_name(before, text, mention.start):
        return False
    if glosses_a_thing(text, mention) or (
        mention.label == "PERSON" and referred_to_as_a_thing(text, mention.end)
    ):
        return False
    return not _completes_another_name(text, mention, neighbours)


def _words_before(text: str, start: int, span: int = 40) -> list[str]:
    """The lower-cased words just before `start`, punctuation off."""
    words = [w.strip(_STRIP).lower() for w in text[max(0, start - span) : start].split()]
    return [w for w in words if w]


def _is_setting(before: list[str]) -> bool:
    """A place after a locative preposition or a verb of going: where, not whom."""
    if not before:
        return False
    return before[-1] in PLACE_PREPOSITIONS or before[-1] in MOTION_VERBS


def modifies_next_word(text: str, end: int) -> bool:
    """A name directly followed by another word of its noun phrase ("American troops",
    "the Amazon rainforest", "The [US] casualties", "US Secretary of State"); a verb or a
    clause word after it ends the phrase ("Russia said", "Facebook must")."""
    rest = text[end : end + 40]
    if rest.startswith("]"):
        rest = rest[1:]  # an editor's gloss: "[US] casualties"
    if not rest.startswith(" "):
        return False
    word = rest[1:].split(" ", 1)[0].strip(_STRIP)
    if not word or not word[0].isalpha():
        return False
    return word.lower() not in CLAUSE_WORDS and not _looks_like_verb(word.lower())


def _looks_like_verb(word: str) -> bool:
    """A cue verb, a past form, an adverb or a negated auxiliary ("won't")."""
    return verb_base(word) is not None or word.endswith(("ed", "ly", "n't", "n’t"))


def is_description(before: list[str]) -> bool:
    """A capitalised title after "a"/"an" (and at most two adjectives) describes someone, it
    names no one: "naming a new National Security Advisor"."""
    for i, word in enumerate(reversed(before[-3:])):
        if word in INDEFINITES:
            return True
        if not word.isalpha() or word in CLAUSE_WORDS or i >= 2:
            return False
    return False


def _after_the(text: str, mention: Mention) -> bool:
    """A name after "the", directly or through one capitalised word ("the Syrian Civil War");
    a title and a name between stop it ("the US President Trump")."""
    words = text[max(0, mention.start - 30) : mention.start].split()
    if len(words) >= 2 and words[-1][:1].isupper() and words[-1].isalpha():
        words.pop()
    return bool(words) and words[-1] in ("the", "The") and text[mention.start - 1] == " "


def is_named_as_a_name(before: list[str], text: str, start: int) -> bool:
    """A name given as a name, not someone spoken of: "known as X", "the name of this area is
    X" (the words use the name, they do not address its bearer)."""
    if before[-2:] == ["known", "as"]:
        return True
    if before and before[-1] in ("is", "was", "becomes", "became"):
        clause = re.split(r"[.;:!?\"“”]", text[max(0, start - 60) : start])[-1]
        return bool(re.search(r"\bnames?\b", clause, re.IGNORECASE))
    return False


def glosses_a_thing(text: str, mention: Mention) -> bool:
    """A bracketed name right after "it"/"its" (an editor's gloss) names a thing."""
    head = text[max(0, mention.start - 12) : mention.start].rstrip()
    if not head.endswith("["):
        return False
    words = head[:-1].split()
    return bool(words) and words[-1].strip(_STRIP).lower() in THING_PRONOUNS


def referred_to_as_a_thing(text: str, end: int) -> bool:
    """A name whose own clause goes on with "its" ("when X is attacked, trampled, its windows
    smashed"): only predicate words between, so "its" can only mean the name, and no person
    is an "it"."""
    for raw in text[end : end + 80].split()[:8]:
        word = raw.strip(_STRIP).lower()
        if word == "its":
            return True
        if word and word not in CLAUSE_WORDS and not word.endswith("ed"):
            return False
    return False


def _completes_another_name(text: str, mention: Mention, neighbours: Sequence[Mention]) -> bool:
    """A polity after "of" that ends another name ("the Guard Corps of Iran", "Crown Prince
    Mohammad bin Salman of Saudi Arabia") is part of that name, not a second party."""
    if mention.label != "GPE" or not text[max(0, mention.start - 4) : mention.start] == " of ":
        return False
    joint = mention.start - 4
    return any(other.end == joint for other in neighbours)
