"""Entity rules for the rule-based pipeline, used when no trained spaCy model is installed.

Two rulers: the country gazetteer first (GPE), then general shapes of names: titled names
("President Putin") and capitalised multiword names are PERSON, names ending in an
organisation word ("Safe Internet League") or read as an acronym ("SCO") are ORG.
"""

from __future__ import annotations

from typing import Any

from .gazetteer import COUNTRIES, US_STATES

#: Titles written before a person's name.
TITLES: tuple[str, ...] = (
    "President",
    "Minister",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Senator",
    "Sen.",
    "Rep.",
    "Governor",
    "Gov.",
    "Prime",
    "Premier",
    "Chancellor",
    "Mayor",
    "Secretary",
    "Speaker",
    "General",
    "Gen.",
    "Judge",
    "Justice",
    "Pope",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Ambassador",
    "Professor",
    "Prof.",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Chairman",
    "Director",
    "Commissioner",
)
#: Last words of organisation names.
ORG_WORDS: tuple[str, ...] = (
    "organization",
    "organisation",
    "league",
    "council",
    "ministry",
    "party",
    "university",
    "company",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "agency",
    "service",
    "services",
    "committee",
    "court",
    "bank",
    "association",
    "union",
    "times",
    "news",
    "post",
    "institute",
    "department",
    "commission",
    "group",
    "fund",
    "foundation",
    "army",
    "police",
    "office",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "federation",
    "alliance",
    "network",
    "school",
    "college",
    "hospital",
    "airlines",
    "authority",
    "board",
    "bureau",
    "guard",
    "forces",
    "front",
    "movement",
    "society",
    "club",
    "team",
    "channel",
    "press",
    "ltd",
    "llc",
    "facility",
    "prison",
    "center",
    "centre",
    "airport",
    "station",
    "museum",
    "stadium",
    "cathedral",
    "church",
    "institution",
    "laboratory",
    "observatory",
    "reserve",
    "zoo",
    "nations",
    "house",
    "system",
    "olympiad",
    "games",
    "championship",
    "summit",
    "navy",
    "administration",
    "center",
    "centre",
    "project",
    "program",
    "programme",
    "initiative",
)
#: Last words of place names ("Yellowstone National Park", "Java Sea").
PLACE_WORDS: tuple[str, ...] = (
    "city",
    "county",
    "state",
    "island",
    "islands",
    "river",
    "sea",
    "ocean",
    "mountains",
    "mountain",
    "province",
    "bay",
    "valley",
    "lake",
    "park",
    "street",
    "avenue",
    "road",
    "square",
    "district",
    "region",
    "peninsula",
    "gulf",
    "strait",
    "desert",
    "coast",
    "harbour",
    "harbor",
    "bridge",
)
#: Words that start the names of storms ("Hurricane Dorian").
STORM_WORDS: tuple[str, ...] = ("hurricane", "typhoon", "cyclone", "storm")
_NOT_NAME_WORDS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "internet",
    "read",
    "full",
    "original",
    "comments",
    "share",
)
_ACRONYM = r"^(?!(?:US|UK|USA|UAE|AM|PM|OK|TV|I{1,3}|IV|VI{0,3}|IX|XI{0,3})$)[A-Z]{2,6}$"
_COUNTRY_ACRONYMS = {
    "US": "GPE",
    "U.S.": "GPE",
    "USA": "GPE",
    "UK": "GPE",
    "U.K.": "GPE",
    "UAE": "GPE",
}


def gazetteer_patterns() -> list[dict[str, Any]]:
    """Countries (and the common acronyms of a few) as GPE, matched case-sensitively."""
    patterns: list[dict[str, Any]] = [
        {"label": "GPE", "pattern": name} for name in (*COUNTRIES, *US_STATES)
    ]
    patterns += [{"label": label, "pattern": text} for text, label in _COUNTRY_ACRONYMS.items()]
    return patterns


def entity_patterns() -> list[dict[str, Any]]:
    """Token patterns for spaCy's EntityRuler; the longest match wins."""
    name_word: dict[str, Any] = {
        "IS_TITLE": True,
        "IS_STOP": False,
        "LOWER": {
            "NOT_IN": [
                *ORG_WORDS,
                *PLACE_WORDS,
                *STORM_WORDS,
                *_NOT_NAME_WORDS,
                *(t.lower() for t in TITLES),
            ]
        },
    }
    org_word = {"IS_TITLE": True, "LOWER": {"IN": list(ORG_WORDS)}}
    title_case = {"IS_TITLE": True}
    patterns: list[dict[str, Any]] = []
    # Titled names: "President Vladimir Putin", "Public Security Minister Guo Shengkun".
    for title in TITLES:
        patterns.append(
            {"label": "PERSON", "pattern": [{"TEXT": title}, name_word, {**name_word, "OP": "?"}]}
        )
        patterns.append(
            {
                "label": "PERSON",
                "pattern": [
                    {**title_case, "OP": "*"},
                    {"TEXT": title},
                    name_word,
                    {**name_word, "OP": "?"},
                ],
            }
        )
    # Capitalised multiword names: "Fang Binxing", "Alexei Navalny".
    patterns.append(
        {"label": "PERSON", "pattern": [name_word, name_word, {**name_word, "OP": "?"}]}
    )
    # Organisations: "Safe Internet League", "Shanghai Cooperation Organization",
    # "Federal Security Service", "House of Representatives", "Ministry of Foreign Affairs".
    patterns.append({"label": "ORG", "pattern": [{**title_case, "OP": "+"}, org_word]})
    patterns.append(
        {
            "label": "ORG",
            "pattern": [
                {**title_case, "OP": "*"},
                org_word,
                {"LOWER": {"IN": ["of", "for"]}},
                {"LOWER": "the", "OP": "?"},
                {**title_case, "OP": "+"},
            ],
        }
    )
    # Places: "Yellowstone National Park", "Java Sea"; storms: "Hurricane Dorian".
    patterns.append(
        {
            "label": "LOC",
            "pattern": [
                {**title_case, "OP": "+"},
                {"IS_TITLE": True, "LOWER": {"IN": list(PLACE_WORDS)}},
            ],
        }
    )
    patterns.append(
        {
            "label": "EVENT",
            "pattern": [{"IS_TITLE": True, "LOWER": {"IN": list(STORM_WORDS)}}, title_case],
        }
    )
    # Acronyms: "SCO", "FSB", "NATO" (not Roman numerals or common short capitals).
    patterns.append(
        {
            "label": "ORG",
            "pattern": [{"TEXT": {"REGEX": _ACRONYM}}],
        }
    )
    return patterns
