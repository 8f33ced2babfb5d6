"""Which of an article's actors can be a party at all: rules over all the mentions of a name.

`targets` reads the words next to one mention; some names only betray what they are somewhere
else in the article: "Caudipteryx zoui, a dinosaur", "the god Thoth", a "Brexit" that is mostly
a modifier ("the Brexit deadline", "his Brexit strategy"), or a surname three people share
("Wyatt Cooper", "Anderson Cooper", "Carter Cooper": "Cooper" alone names none for sure).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..models import Mention
from ..pipeline.cues import verb_base
from .targets import is_state

#: Kinds of beings and things that are no party to a statement: a name they classify ("the
#: god Thoth", "Caudipteryx, a dinosaur", "the comic character X") names one of them.
KIND_NOUNS = frozenset(
    """
    god gods goddess deity deities spirit demon angel character characters mascot puppet
    cartoon avatar dinosaur dinosaurs species genus animal animals bird birds dog dogs cat cats
    horse horses fish whale whales shark bear bears ape apes monkey gorilla elephant lion tiger
    insect insects plant plants tree trees flower virus bacterium bacteria fungus fossil
    fossils robot robots doll dolls ship vessel boat storm hurricane typhoon cyclone song
    album novel film movie book painting statue church cathedral mosque temple synagogue
    shrine chapel basilica museum monument building palace castle tower stadium
    """.split()
)
#: Words that may stand between "a"/"the" and a kind noun ("a feathered dinosaur", "the
#: Egyptian god"): at most this many.
_KIND_GAP = 3
#: Possessive determiners: a name after one is a thing someone has ("his Brexit strategy").
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
#: Clause words after a name: not a noun it modifies.
_CLAUSE = frozenset(
    "and or but nor to of in on at for from by with as than that which who whom whose is are "
    "was were be been being has have had will would could should may might must can did does "
    "do not also if when while because after before since until so yet then where said says "
    "told".split()
)
_STRIP = ".,;:!?\"'“”‘’()[]{}"


def non_parties(
    mentions: Sequence[Mention], text: str, actor_at: Callable[[Mention], str | None]
) -> set[str]:
    """Actor ids of this article that name no one a statement can target: an actor one of
    whose mentions is classed by a kind noun; a person's name never written in full nor
    with a role and used mostly as a modifier or after a possessive (a topic the model took
    for a person: "the Brexit deadline", "his Brexit strategy"); a "person" the article also
    writes as a place after "at"/"in" ("Punta Tombo is ...", "at Punta Tombo"), unless a
    country or state ("in Georgia", "Georgia said": the polity rules decide)."""
    found: set[str] = set()
    uses: Counter[str] = Counter()
    as_modifier: Counter[str] = Counter()
    as_person: Counter[str] = Counter()
    placed: set[str] = set()
    people = {actor_at(m) for m in mentions if m.label == "PERSON"}  # taken for a person
    full_or_titled: set[str] = set()
    for mention in mentions:
        actor = actor_at(mention)
        if actor is None:
            continue
        if classed_as_a_kind(text, mention):
            found.add(actor)
        if mention.label in PLACE_LABELS and _located(text, mention) and not is_state(mention.text):
            placed.add(actor)  # "at Punta Tombo": a place here, whatever else it was taken for
        modifier = modifies_a_noun(text, mention)
        if mention.role or (" " in mention.text.strip() and not modifier):
            full_or_titled.add(actor)  # "Barack Obama" makes "the Obama era" a person's
            continue
        uses[actor] += 1
        as_person[actor] += mention.label == "PERSON"
        as_modifier[actor] += modifier
    for actor, count in uses.items():
        if actor in full_or_titled or count < 3 or as_person[actor] * 2 < count:
            continue
        if as_modifier[actor] * 2 > count:
            found.add(actor)
    # a "person" the article also writes as a place after "at"/"in" is that place
    return found | {actor for actor in placed if actor in people}


#: Words that end the noun phrase of an apposition (", a dinosaur *about* the size of ...").
_PHRASE_ENDS = _CLAUSE | frozenset({"about", "like", "known", "whose", "named", "called"})


#: Labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions of place: a place-labelled name after one is where something is.
_LOCATIVES = frozenset({"at", "in", "near"})  # "an apology from X" is no place


def _located(text: str, mention: Mention) -> bool:
    words = text[max(0, mention.start - 12) : mention.start].split()
    return bool(words) and words[-1].lower() in _LOCATIVES


def classed_as_a_kind(text: str, mention: Mention) -> bool:
    """A kind noun right before the name with nothing after it but punctuation ("the god
    Thoth, the god of wisdom"; "the book Smith wrote" is Smith), or heading its apposition
    (", a dinosaur about the size of a peacock"; ", a dog trainer" is a person)."""
    before = [
        w.strip(_STRIP).lower() for w in text[max(0, mention.start - 40) : mention.start].split()
    ]
    before = [w for w in before if w]
    closed = text[mention.end : mention.end + 1] in ("", ",", ".", ";", ":", ")", "’", "'", '"')
    if before and before[-1] in KIND_NOUNS and closed and text[mention.start - 1] == " ":
        return True
    # ", a dinosaur", or after a lower-case epithet the model left out ("X zoui, a dinosaur")
    # or after an adverb of time ("Hagia Sophia, formerly a Greek Orthodox church")
    opening = re.match(
        r"(?:\s+[a-z]+)?,\s+(?:(?:formerly|once|originally|now|today|currently)\s+)?"
        r"(?:a|an|the)\s+",
        text[mention.end : mention.end + 40],
    )
    if not opening:
        return False
    head = ""
    for raw in text[mention.end + opening.end() : mention.end + 80].split()[: _KIND_GAP + 1]:
        word = raw.strip(_STRIP).lower()
        if not word or word in _PHRASE_ENDS:
            break
        head = word
        if raw != raw.rstrip(_STRIP):
            break  # punctuation closes the phrase
    return head in KIND_NOUNS


def modifies_a_noun(text: str, mention: Mention) -> bool:
    """The name is used as a modifier: before a lower-case noun of its phrase ("the Brexit
    deadline"), in a hyphened compound ("anti-Brexit", "post-Brexit"), or after a possessive
    ("his Brexit strategy")."""
    if text[mention.start - 1 : mention.start] in ("-", "‑"):
        return True
    rest = text[mention.end : mention.end + 30]
    if rest[:1] in ("-", "‑") and rest[1:2].isalpha():
        return True
    words = text[max(0, mention.start - 12) : mention.start].split()
    if words and words[-1].lower() in POSSESSIVES:
        return True
    if not rest.startswith(" "):
        return False
    word = rest[1:].split(" ", 1)[0]
    bare = word.strip(_STRIP)
    return (
        bare.isalpha()
        and bare.islower()
        and bare not in _CLAUSE
        and not bare.endswith(("ed", "ly", "ing"))  # "Affleck directing" is a verb
        and verb_base(bare) is None
        and word[:1].isalpha()  # no mark opens another phrase
    )


def shared_surname(mention: Mention, mentions: Sequence[Mention]) -> bool:
    """A one-word person name that ends the full names of two or more people of the article
    ("Cooper" with "Wyatt Cooper" and "Anderson Cooper"): whichever the merge chose, the
    words may be about another."""
    word = mention.text.strip()
    if mention.label != "PERSON" or " " in word:
        return False
    owners = {
        m.key
        for m in mentions
        if m.label == "PERSON" and " " in m.text.strip() and m.text.split()[-1] == word
    }
    return len(owners) >= 2
