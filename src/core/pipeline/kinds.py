"""What kind of thing a name is, from its own words and its sentence: storms, places, events,
platforms. General signals that correct the model's label ("Hurricane Humberto" tagged PERSON,
"in Bermuda" tagged PERSON, "anti-Brexit"), never a list of particular names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import COUNTRIES, COUNTRY_FORMS, STATE_NOUNS, STATE_PREFIX_WORDS
from .names import fold_name

if TYPE_CHECKING:
    from spacy.tokens import Span

#: Words that open a storm's name; the storm keeps its name as it strengthens or weakens.
_STORM_PREFIX = re.compile(
    r"^(?:(?:super\s+)?typhoon|hurricane|(?:tropical\s+|subtropical\s+|post-tropical\s+|"
    r"extratropical\s+|winter\s+)?(?:storm|depression|cyclone)|cyclone)\s+(?=\S)",
    re.I,
)
#: Last words of a place's name: "Trafalgar Square", "Great Abaco Island", "Hyde Park Corner".
PLACE_TAILS = frozenset(
    """square corner island islands isle isles street avenue road boulevard lane park bridge
    mountain mountains mount river lake bay sea ocean gulf strait valley desert peninsula
    province region district county heights plaza palace cathedral mosque church temple tower
    castle airport station stadium harbour harbor port canal beach coast cape""".split()
)
#: First words of a place's name: "County Mayo", "Mount Everest", "Lake Victoria".
PLACE_HEADS = frozenset({"county", "mount", "lake", "cape", "isle", "port", "fort"})
#: Prepositions after which a name is where something happens, not who ("at Hagia Sophia").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "towards", "toward", "across", "inside"})
#: Prepositions that put a one-word name as a medium ("posted on Twitter", "via Instagram").
MEDIUM_PREPOSITIONS = frozenset({"on", "via"})
#: Verbs of publishing: "wrote on X", "posted on X", "said on X" make X a platform.
MEDIUM_VERBS = frozenset(
    "say said says write wrote writes post posted posts tweet tweeted announce announced "
    "share shared publish published praise praised comment commented".split()
)
_AFFIXED = re.compile(
    r"\b(?:anti|pro|post|pre|non)-(?P<after>[A-Z][\w'’]*)|\b(?P<before>[A-Z][\w'’]*)-(?:related|era|style)\b",
    re.I,
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
#: Endings that make a place's name its people's ("Londoners", "Parisians", "Texans").
_DEMONYM_ENDINGS = ("ers", "er", "ians", "ian", "ans", "an", "ites", "ite", "ese")


def _demonym_of(name: str, capitalised: frozenset[str]) -> bool:
    if " " in name:
        return False
    for ending in _DEMONYM_ENDINGS:
        stem = name[: -len(ending)]
        if name.endswith(ending) and len(stem) >= 3:
            if any(place in capitalised for place in (stem, stem + "e", stem + "a", stem + "o")):
                return True
    return False


_PAIR = re.compile(r"\b([A-Z][\w.'’-]*)\s+(?=([A-Z][\w'’-]*)\b)")


def storm_name(text: str) -> str | None:
    """ "Tropical Storm Humberto" -> "Humberto"; None for a name that is not a storm's."""
    match = _STORM_PREFIX.match(text.strip())
    return text.strip()[match.end() :] if match else None


def name_fold(name: str) -> str:
    """`fold_name`, with every stage of a storm folded to one key ("storm humberto") and a
    country's long and short forms to one ("America", "Islamic Republic of Iran")."""
    bare = storm_name(name)
    if bare:
        return f"storm {fold_name(bare)}"
    folded = fold_name(name)
    return _COUNTRY_FORM_FOLDS.get(folded) or _state_name(folded) or folded


_COUNTRY_FOLDS = frozenset(fold_name(c) for c in COUNTRIES)
_COUNTRY_FORM_FOLDS = {fold_name(k): fold_name(v) for k, v in COUNTRY_FORMS.items()}
_STATE_PREFIX_FOLDS = frozenset(fold_name(w) for w in STATE_PREFIX_WORDS)
_STATE_NOUN_FOLDS = frozenset(fold_name(w) for w in STATE_NOUNS)


def _state_name(folded: str) -> str | None:
    """ "islamic republic of iran" -> "iran": a state's formal name, when what follows "of" is
    a country."""
    head, sep, rest = folded.partition(" of ")
    if not sep or rest not in _COUNTRY_FOLDS:
        return None
    words = head.split()
    if not words or words[-1] not in _STATE_NOUN_FOLDS:
        return None
    if not all(w in _STATE_PREFIX_FOLDS for w in words[:-1]):
        return None
    return _COUNTRY_FORM_FOLDS.get(rest, rest)


def label_from_words(text: str, label: str) -> str:
    """A storm is an event; a name ending (or opening) with a place word is a place."""
    if storm_name(text) is not None:
        return "EVENT"
    words = text.lower().split()
    if (
        label in {"PERSON", "ORG", "NORP"}
        and len(words) >= 2
        and (words[-1] in PLACE_TAILS or words[0] in PLACE_HEADS)
    ):
        return "LOC"
    return label


class ArticleWords:
    """What the name-use rules need of an article's text, read once: words written with an
    affix ("anti-Brexit") and words written after a given name ("Sadiq Khan")."""

    __slots__ = ("affixed", "after_given_name", "before_surname", "capitalised")

    def __init__(self, text: str) -> None:
        self.affixed = frozenset(
            (m.group("after") or m.group("before")).lower() for m in _AFFIXED.finditer(text)
        )
        self.after_given_name = frozenset(
            m.group(2) for m in _PAIR.finditer(text) if m.group(1).lower() not in _NOT_GIVEN_NAMES
        )
        self.before_surname = frozenset(m.group(1) for m in _PAIR.finditer(text))
        self.capitalised = frozenset(_CAPITALISED.findall(text))


def label_from_use(ent: Span, words: ArticleWords, label: str) -> str:
    """A PERSON-tagged name used as a place ("at Hagia Sophia"), an affixed topic
    ("anti-Brexit") or a medium ("wrote on Twitter") is not a person."""
    if label != "PERSON":
        return label
    name = ent.text
    if name.lower() in words.affixed:
        return "EVENT"
    if name not in words.before_surname and _demonym_of(name, words.capitalised):
        return "NORP"  # "Londoners" where "London" is written: people of a place, a group
    root = ent.root
    head = root.head
    if root.dep_ != "pobj" or head.i == root.i or any(t.dep_ == "case" for t in root.children):
        return label
    if " " not in name and name in words.after_given_name:
        return label  # "a message to Smith" where "John Smith" is named: a person
    if head.lower_ in PLACE_PREPOSITIONS:
        return "LOC"
    if len(ent) == 1 and head.lower_ in MEDIUM_PREPOSITIONS and head.head.lower_ in MEDIUM_VERBS:
        return "ORG"
    return label


#: Capitalised words before a name that are not a given name ("The Azores", "In Bermuda").
_NOT_GIVEN_NAMES = frozenset(
    "the a an in at on to from near of for and but by with as approaching towards".split()
)
