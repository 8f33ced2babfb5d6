"""What kind of thing a name is, from its own words and its sentence: storms, places, events,
platforms. General signals that correct the model's label ("Hurricane Humberto" tagged PERSON,
"in Bermuda" tagged PERSON, "anti-Brexit"), never a list of particular names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from .cues import DOCUMENT_NOUNS
from .gazetteer import (
    COUNTRIES,
    COUNTRY_FORMS,
    DEMONYMS,
    RELIGIONS,
    STATE_NOUNS,
    STATE_PREFIX_WORDS,
    US_STATES,
)
from .names import fold_name, is_acronym, looks_like_person_name
from .rules import ORG_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Words that open a storm's name; the storm keeps its name as it strengthens or weakens.
_STORM_PREFIX = re.compile(
    r"^(?:(?:super\s+)?typhoon|super[\s-]?storm|super\s+cyclone|hurricane|"
    r"(?:tropical\s+|subtropical\s+|post-tropical\s+|"
    r"extratropical\s+|winter\s+)?(?:storm|depression|cyclone)|cyclone)\s+(?=\S)",
    re.I,
)
#: Last words of a place's name: "Trafalgar Square", "Great Abaco Island", "Hyde Park Corner".
PLACE_TAILS = frozenset(
    """square corner island islands isle isles street avenue road boulevard lane park bridge
    mountain mountains mount river lake bay sea ocean gulf strait valley desert peninsula
    province region district county heights plaza palace cathedral mosque church temple tower
    castle airport station stadium arena harbour harbor port canal beach coast cape mall fault
    trench ridge volcano glacier reef canyon plateau lagoon fjord cemetery monument base
    towers area areas prefecture territory territories governorate atoll atolls dam dams
    reservoir tunnel commune oblast krai okrug voivodeship canton""".split()
)
#: Last two words of a venue's name: "Mesquite Convention Center" (a "... Center" alone may be
#: a body: "Cancer Center").
PLACE_TAIL_PAIRS = frozenset(
    f"{kind} {word}"
    for kind in (
        "convention", "exhibition", "civic", "conference", "space", "congress", "detention"
    )
    for word in ("center", "centre")
)
#: Prefixes of a ship's name, written before it: "HMAS Parramatta", "USS Cole", "MV Sewol".
SHIP_PREFIXES = frozenset("HMS HMAS HMCS HMNZS USS USNS USCGC RMS MV".split())
#: Words for a church's denomination: "X Baptist Church" is a congregation, a body, where
#: "X Church" alone may be a building.
DENOMINATIONS = frozenset(
    """baptist methodist catholic orthodox lutheran anglican presbyterian episcopal
    pentecostal evangelical adventist reformed apostolic congregational unitarian mennonite
    coptic""".split()
)
#: Last words of a building's name that name no body: "Çağlayan Courthouse", "Abu Ghraib
#: prison", "Spice Bazaar", "Yasukuni Shrine" (not "Hospital" or "School", named for the
#: institution as often as for its walls).
BUILDING_TAILS = frozenset("courthouse barracks bazaar prison jail shrine".split())
#: Last words of a landmark's name that the model takes for a body, and that end people's
#: names too ("Anita Hill"): a place only when tagged as an organisation ("Capitol Hill",
#: "Grand Central Terminal").
LANDMARK_TAILS = frozenset({"hill", "hills", "terminal", "terminus"})
#: Last words of the name of a law or a founding text: "Tenure of Office Act", "Due Process
#: Clause", "United States Constitution".
LAW_TAILS = frozenset(
    "act acts constitution clause amendment treaty accord accords protocol statute law laws "
    "regulation regulations ordinance decree agreement pact bill bills".split()
)
#: Last words of a bill's name that end a nickname too ("Buffalo Bill"): a law when the name
#: has three words or more ("Marriage (Same Sex Couples) Bill") or is not tagged as someone.
BILL_TAILS = frozenset({"bill", "bills"})
#: Last words of a law's name that end people's names ("Nathan Law") and bodies' ("School of
#: Law") too: a law only when the model did not take it for someone's and no body's word is in
#: it ("Imperial Household Law", "Frontier Crimes Regulation").
SHARED_LAW_TAILS = frozenset({"law", "laws", "regulation", "regulations", "ordinance", "decree"})
#: First words of a treaty's name, before "on"/"of": "Convention on the Rights of the Child".
LAW_HEADS = frozenset({"convention", "treaty", "protocol", "accord", "agreement", "charter"})
#: Last words of a named event's name: "World Athletics Championships", "Beyond Fest",
#: "Watergate scandal", "Baku Olympiad", "Annapolis Conference", "Republican National
#: Convention" (not "summit": a relation may go to the "G7 Summit"
#: as to a body, `relations/` annotates one).
EVENT_TAILS = frozenset(
    """olympiad olympics championship championships festival fest expo marathon
    tournament massacre pandemic scandal referendum war election primaries convention
    conference fair paralympics games awards genocide disaster crisis uprising revolution
    protests riots earthquake cup march pride race""".split()
)
#: Event words that are people's surnames too ("Fair", "War"): alone, no event.
_SURNAME_EVENT_WORDS = frozenset(
    {"fair", "war", "fest", "marathon", "games", "march", "pride", "race"}
)
#: Event words that end people's names as often ("Peggy March", "Charley Pride"): an event
#: only where the model did not take the name for someone's.
_NAME_EVENT_WORDS = frozenset({"march", "pride", "race"})
#: Last words that make a place-tagged name a body: "United States Coast Guard".
BODY_TAILS = frozenset(
    """guard agency ministry department council committee commission army navy police party
    university company corporation association institute bureau authority board forces
    society movement league federation alliance administration court studio studios
    magazine newspaper bulletin gazette tribune herald times journal chronicle post""".split()
)
#: Last two words of a body's name whose last word alone names a place: "Irving Independent
#: School District" is a school board, not an area.
BODY_TAIL_PAIRS = frozenset({"school district", "water district", "fire district"})
#: Last words of a body's name that end no person's name ("Court", "Guard" and "Board" may:
#: "Margaret Court").
PERSONLESS_TAILS = (
    BODY_TAILS
    - frozenset({"court", "guard", "board", "society", "movement", "administration", "post"})
) | frozenset(
    """force campaign airlines airline airways aid network networks channel foundation group
    hospital college club team news""".split()
)
#: Last words of a family's or clan's name: "the Turpin family".
KIN_TAILS = frozenset({"family", "families", "clan", "dynasty"})
#: First words of a place's name: "County Mayo", "Mount Everest", "Lake Victoria".
PLACE_HEADS = frozenset({"county", "mount", "lake", "cape", "isle", "port", "fort"})
#: Generic words a place's longer name adds to its short one: "Abaco" / "Abaco Islands",
#: "Vatican" / "Vatican City", "Mayo" / "County Mayo".
GENERIC_PLACE_TAILS = frozenset(
    "island islands isle isles city county province district region parish prefecture "
    "municipality governorate".split()
)
GENERIC_PLACE_HEADS = frozenset({"county", "mount", "isle"})


def short_place_name(folded: str) -> str | None:
    """ "abaco islands" -> "abaco", "bradley international airport" -> "bradley airport": the
    folded name without its generic place word, or without its middle words before a place
    word that ends it; None for any other name."""
    words = folded.split()
    if len(words) < 2:
        return None
    if len(words) >= 3 and words[-1] in _PLACE_TAIL_FOLDS and words[-1] not in _GENERIC_TAIL_FOLDS:
        return f"{words[0]} {words[-1]}"
    if words[-1] in _GENERIC_TAIL_FOLDS:
        rest = " ".join(words[:-1])
        return None if rest in _DIRECTION_FOLDS else rest  # "Western District" is no "Western"
    if words[0] in _GENERIC_HEAD_FOLDS:
        return " ".join(words[1:])
    return None


#: Words before a body's name that make it a state's or a province's: "the state's Supreme
#: Court", "the state Senate", "the provincial legislature" (lower case: "State" opening a
#: name is the name's own word). Extraction keeps the word as the mention's role.
_DIVISION_BEFORE = re.compile(
    r"\b(?P<word>state|province|provincial)(?:'s|’s|-level)?\s+$"
)
DIVISION_ROLES = frozenset({"state", "province", "provincial"})


def division_before(text: str, start: int) -> str | None:
    """The word that introduces the body named at `start` as a state's or a province's."""
    m = _DIVISION_BEFORE.search(text, max(0, start - 24), start)
    return m.group("word") if m else None


#: Head words of the bodies every state has: "Parliament", "Supreme Court", "Air Force",
#: "Foreign Ministry", "Labour Party", "Ministry of Health", and the charter every state has
#: ("the Constitution"). Named by these alone, a body is the one of the country its article
#: is about (`core.countries`).
STATE_BODY_HEADS = frozenset(
    """parliament senate congress assembly house legislature court courts tribunal army navy
    force forces guard police ministry department government cabinet council party commission
    committee office service military judiciary presidency constitution""".split()
)
#: Heads that name several bodies of one country, so that alone they name one in one article
#: only ("the Department", "the Committee", "the University").
LOCAL_BODY_HEADS = frozenset(
    """department ministry committee office council commission party court courts tribunal
    assembly service force forces guard university college school hospital agency company
    bureau board authority union club group""".split()
)
#: Words that make a body one of many below the state, named the same in many places: "District
#: Court", "Fire Department", "County Council", "Court of Appeals".
LOCAL_BODY_WORDS = frozenset(
    """district county city municipal regional provincial local circuit magistrates fire
    appeals appeal precinct division branch""".split()
)
#: Words that name what a body does or is, as every state's do: a body whose other words are all
#: of these ("Supreme Court", "Foreign Ministry", "Labour Party", "House of Representatives")
#: says nothing of whose it is; one with a word of its own ("White House", "Bharatiya Janata
#: Party", "Kurdistan Workers' Party") is that one body wherever it is named.
GENERIC_BODY_WORDS = frozenset(
    """supreme high federal national state central constitutional legislative general grand
    upper lower air coast border armed royal defence defense foreign interior home justice
    health finance treasury education labour labor conservative liberal democratic democrat
    republican communist socialist social green greens progressive people peoples popular
    workers new united unity independent reform christian electoral election elections
    security intelligence judiciary judicial representatives commons lords deputies delegates
    councillors senators emergency emergencies situations affairs public civil criminal
    prosecutor prosecutors prosecution police fire rescue military naval ground special
    investigative investigation investigations anti corruption ethics oversight budget
    appropriations rules armed services trade commerce economy economic agriculture energy
    environment transport transportation communications culture tourism labour employment
    immigration customs revenue tax taxation disaster management planning development
    information human rights women youth sports veterans family families land housing
    science technology research water resources mines industry industries trade interior
    executive administrative court courts appeals appeal district county city municipal
    regional provincial local circuit magistrates parliamentary presidential prime ministers
    minister ministers cabinet council house senate assembly congress""".split()
)
#: Words that put a body above any one country: "European Commission", "International
#: Olympic Committee", "United Nations Security Council".
SUPRANATIONAL_WORDS = frozenset(
    """european international world global united nations un eu nato arab african asian
    pacific atlantic commonwealth olympic""".split()
)


@lru_cache(maxsize=50_000)
def body_scope(folded: str) -> Literal["country", "article"] | None:
    """Where a body's folded name names one body: "country" for a body every state has, named
    by generic words only ("parliament", "supreme court", "air force", "ministry of health"),
    "article" for one of many alike ("department", "district court", "western district"), None
    for a name that says whose it is ("united states air force", "iranian navy", "european
    commission", "white house") or is no such body."""
    words = folded.split()
    if not words or len(words) > 6:
        return None
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    lone_local = len(words) == 1 and words[0] in _LOCAL_HEAD_FOLDS
    if words[head] not in _STATE_HEAD_FOLDS and not lone_local:
        # "Western District" (of Texas, of Virginia): a division named by generic words only
        division = len(words) > 1 and words[-1] in _LOCAL_WORD_FOLDS
        return "article" if division and all(w in _DIVISION_FOLDS for w in words) else None
    if any(w in _SUPRANATIONAL_FOLDS for w in words) or _names_a_country(words):
        return None
    if any(w not in _GENERIC_FOLDS and w not in _MINOR_FOLDS for w in words):
        return None  # a word of its own: "White House", "Kurdistan Workers' Party"
    if lone_local or any(w in _LOCAL_WORD_FOLDS for w in words):
        return "article"
    return "country"


_STATE_HEAD_FOLDS = frozenset(fold_name(w) for w in STATE_BODY_HEADS)
_ORG_NAME_WORDS = frozenset(ORG_WORDS)
#: Words of a body's name: a name with one is no place ("Paris Police Prefecture").
_BODY_NAME_WORDS = BODY_TAILS | STATE_BODY_HEADS | LOCAL_BODY_HEADS
_BODY_WORDS = BODY_TAILS | frozenset(LOCAL_BODY_HEADS)
_LOCAL_HEAD_FOLDS = frozenset(fold_name(w) for w in LOCAL_BODY_HEADS)
_LOCAL_WORD_FOLDS = frozenset(fold_name(w) for w in LOCAL_BODY_WORDS)
_SUPRANATIONAL_FOLDS = frozenset(fold_name(w) for w in SUPRANATIONAL_WORDS)
_GENERIC_FOLDS = (
    frozenset(fold_name(w) for w in GENERIC_BODY_WORDS) | _STATE_HEAD_FOLDS | _LOCAL_HEAD_FOLDS
)
_MINOR_FOLDS = frozenset({"of", "the", "and", "for", "on"})
#: Words of a division's name that say only where it lies: "Western District", "Central Division".
_DIVISION_FOLDS = _LOCAL_WORD_FOLDS | frozenset(
    fold_name(w)
    for w in "north south east west northern southern eastern western central upper lower "
    "middle first second third fourth fifth".split()
)


def _names_a_country(words: list[str]) -> bool:
    """Some one to three words of the name are a country, a US state or a demonym."""
    from .countries import named_country

    return named_country(" ".join(words)) is not None


#: Prepositions after which a name is where something happens, not who ("at Hagia Sophia").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "towards", "toward", "across", "inside"})
#: Prepositions that put a one-word name as a medium ("posted on Twitter", "via Instagram").
MEDIUM_PREPOSITIONS = frozenset({"on", "via"})
#: Verbs of publishing: "wrote on X", "posted on X", "said on X" make X a platform.
MEDIUM_VERBS = frozenset(
    "say said says write wrote writes post posted posts tweet tweeted announce announced "
    "share shared publish published praise praised comment commented trend trended trends "
    "note noted notes confirm confirmed confirms indicate indicated indicates saying writing "
    "posting tweeting announcing sharing publishing noting confirming indicating "
    "appear appeared appears appearing circulate circulated circulates circulating".split()
)
#: Nouns only a place has: "Hagia Sophia's dome", "Bermuda's residents" make the owner a place.
PLACE_PARTS = frozenset(
    """dome domes nave minaret minarets facade façade courtyard harbour harbor coast coastline
    shore shores beach beaches residents inhabitants population capital streets airport mayor
    premier outskirts suburbs skyline territory coasts coastlines""".split()
)


def _verb_forms(bases: str, irregular: str = "") -> frozenset[str]:
    """Every written form of regular verbs, plus irregular forms (the pipeline runs without a
    lemmatizer, so verbs are matched as written)."""
    forms = set(irregular.split())
    for base in bases.split():
        stem = base[:-1] if base.endswith("e") else base
        ies = base.endswith("y") and base[-2] not in "aeiou"
        es = base.endswith(("s", "sh", "ch", "x", "z"))
        forms |= {base, stem + "ing", stem + "ed" if not ies else base[:-1] + "ied"}
        forms.add(base[:-1] + "ies" if ies else base + "es" if es else base + "s")
    return frozenset(forms)


#: Verbs whose object is where something goes: "approaching Bermuda", "struck Abaco".
MOTION_VERBS = _verb_forms(
    "approach reach enter cross batter lash pound ravage devastate evacuate",
    "strike strikes struck striking hit hits hitting sweep sweeps swept sweeping "
    "flee flees fled fleeing",
)
#: Verbs of travel whose "to"/"from"/"into" object is a place: "flew to Corvetta".
TRAVEL_VERBS = _verb_forms(
    "travel sail evacuate relocate journey walk march arrive emigrate migrate",
    "fly flies flew flown flying flee flees fled fleeing drive drives drove driven driving "
    "travelled travelling",
)
#: Forms of "be": "Okabe is a cartoon character".
_BE = frozenset({"is", "was", "are", "were", "'s", "’s"})
#: Prepositions after a verb of travel whose object is a place.
MOTION_PREPOSITIONS = frozenset({"to", "into", "from", "onto", "toward", "towards"})
#: Common nouns that say a name is a programme, a belief or a thing, not a body: "the health
#: programme Medicare", "the boat, Conception", "Naruto is a cartoon character".
THING_NOUNS = frozenset(
    """programme program scheme plan initiative insurance benefit benefits
    fund project mission religion faith belief doctrine ideology boat ship vessel yacht ferry
    character game festival operation treaty challenge race aircraft plane rocket
    spacecraft species""".split()
)
#: Ending of a one-word belief or doctrine: "Catholicism", "Christianity".
_DOCTRINE = re.compile(r"^[A-Z][a-z]{3,}(?:ism|ianity)$")
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
    """ "Tropical Storm Humberto" -> "Humberto"; None for a name that is not a storm's. After
    a bare "Storm" the name is one word of letters ("Storm Ciara"): "Storm Area 51" is the verb
    before a place."""
    stripped = text.strip()
    match = _STORM_PREFIX.match(stripped)
    if match is None:
        return None
    rest = stripped[match.end() :]
    if match.group(0).strip().lower() == "storm" and not rest.isalpha():
        return None
    return rest


def name_fold(name: str, place: bool = True) -> str:
    """`fold_name`, with every stage of a storm folded to one key ("storm humberto") and a
    country's long and short forms to one ("America", "Islamic Republic of Iran"). A formal
    state name folds to its country only for a `place`: "Islamic State of Iraq" tagged as an
    organisation is a militia, not Iraq."""
    bare = storm_name(name)
    if bare:
        return f"storm {fold_name(bare)}"
    folded = fold_name(name)
    state = _state_name(folded) if place else None
    return _COUNTRY_FORM_FOLDS.get(folded) or state or body_fold(name, folded)


def body_fold(name: str, folded: str) -> str:
    """A body's `fold_name` in one form whatever the spelling: a department's or a ministry's
    words in one order, a company's without its legal form."""
    return _company_fold(name, _department_fold(folded))


#: "department of state" and "state department", "ministry of defence" and "defence ministry":
#: one body's name in either order (one word after "of", and "the" or "national" before it:
#: "ministry of the interior", "ministry of national defence"; longer names keep their order).
_OF_ONE_WORD = re.compile(
    r"^(?:(.+) )?(department|ministri) of (?:the )?(?:(?:national|nation) )?(\w+)(?: afairs?)?$"
)
#: "[national] foreign affairs ministry": its subject's word alone, as `_OF_ONE_WORD` reads
#: "ministry of foreign affairs"; "Foreign Ministry" is how news shortens it.
_TOPIC_FIRST = re.compile(r"^(?:(?:national|nation) )?(\w+) (?:afairs? )?(department|ministri)$")


def _department_fold(folded: str) -> str:
    """A department's or a ministry's folded name in one word order: "[the] X Department";
    "Affairs" after its subject's word, and "the" or "National" before it, left out."""
    m = _OF_ONE_WORD.match(folded)
    if m is None:
        t = _TOPIC_FIRST.match(folded)
        return folded if t is None else f"{t.group(1)} {t.group(2)}"
    lead, head, topic = m.groups()
    return f"{lead} {topic} {head}" if lead else f"{topic} {head}"


#: A company's legal form, written or not: "Apple Inc." is "Apple", "Acme Ltd" is "Acme".
_LEGAL_FORMS = frozenset({"inc", "incorporated", "ltd", "llc", "plc"})
#: Abbreviated company words at the end of a name, spelled out: "Ford Motor Co." is "Ford
#: Motor Company" (at the end only: "Co. Mayo" is a county).
_COMPANY_ABBREVIATIONS = {"co": fold_name("company"), "corp": fold_name("corporation")}


def _company_fold(name: str, folded: str) -> str:
    """A company's fold without its legal form, its abbreviated company word spelled out; not
    where what is left has a person's shape ("Walt Disney Inc." beside the man)."""
    head, _, last = folded.rpartition(" ")
    if not head:
        return folded
    if last in _COMPANY_ABBREVIATIONS:
        return f"{head} {_COMPANY_ABBREVIATIONS[last]}"
    if last in _LEGAL_FORMS and not looks_like_person_name(name.rsplit(maxsplit=1)[0]):
        return head
    return folded


_COUNTRY_FOLDS = frozenset(fold_name(c) for c in COUNTRIES)
_US_STATE_FOLDS = frozenset(fold_name(s) for s in US_STATES)
_US_STATE_NOUN_FOLDS = frozenset({fold_name("state"), fold_name("commonwealth")})
_GENERIC_TAIL_FOLDS = frozenset(fold_name(w) for w in GENERIC_PLACE_TAILS)
_PLACE_TAIL_FOLDS = frozenset(fold_name(w) for w in PLACE_TAILS)
_GENERIC_HEAD_FOLDS = frozenset(fold_name(w) for w in GENERIC_PLACE_HEADS)
#: Words that say only where a place lies: alone they name no place.
_DIRECTION_FOLDS = frozenset(
    fold_name(w)
    for w in "north south east west northern southern eastern western central upper lower "
    "middle inner outer".split()
)
_RELIGION_FOLDS = frozenset(fold_name(r) for r in RELIGIONS)
_COUNTRY_FORM_FOLDS = {fold_name(k): fold_name(v) for k, v in COUNTRY_FORMS.items()}
_STATE_PREFIX_FOLDS = frozenset(fold_name(w) for w in STATE_PREFIX_WORDS)
_STATE_NOUN_FOLDS = frozenset(fold_name(w) for w in STATE_NOUNS)


def _state_name(folded: str) -> str | None:
    """ "islamic republic of iran" -> "iran": a state's formal name, when what follows "of" is
    a country; "state of texas" -> "texas", "commonwealth of virginia" -> "virginia"."""
    head, sep, rest = folded.partition(" of ")
    if sep and head in _US_STATE_NOUN_FOLDS and rest in _US_STATE_FOLDS:
        return rest
    if not sep or rest not in _COUNTRY_FOLDS:
        return None
    words = head.split()
    if not words or words[-1] not in _STATE_NOUN_FOLDS:
        return None
    if not all(w in _STATE_PREFIX_FOLDS for w in words[:-1]):
        return None
    return _COUNTRY_FORM_FOLDS.get(rest, rest)


#: A word written lower case first with a capital after ("iPhone", "webOS", "iTunes"): the
#: mark of a product or a service, which no person's, place's or body's name has (a company
#: written so, "eBay", is rarer in news than the devices and programs).
_LOWER_FIRST_BRAND = re.compile(r"^[a-z]{1,3}[A-Z][\w'’-]*$")
#: Labels the model gives such a mark.
_BRANDABLE_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
#: A year written after a name: "Marriage Act 2013".
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def label_from_words(text: str, label: str) -> str:
    """A storm is an event; a name ending (or opening) with a place word is a place; a
    religion or doctrine ("Islam", "Catholicism") is `MISC`, neither a body nor a group."""
    if storm_name(text) is not None:
        return "EVENT"
    words_of = text.split()
    if label in _BRANDABLE_LABELS and words_of and _LOWER_FIRST_BRAND.match(words_of[0]):
        return "MISC"  # "iPhone", "webOS": a product's mark, written lower case first
    if len(words_of) >= 3 and _YEAR.fullmatch(words_of[-1]):
        words_of = words_of[:-1]  # "Marriage Act 2013", "Expo 2020": the year is no name's word
    if (
        len(words_of) >= 3
        and words_of[-2] == "Flight"
        and words_of[-1].isdigit()
        and label not in {"DATE", "EVENT"}
    ):
        return "EVENT"  # "Lion Air Flight 610": a flight (and its crash), not the airline
    if len(words_of) >= 2 and words_of[0] == "Operation" and label not in {"DATE", "EVENT"}:
        return "EVENT"  # "Operation Desert Storm": a military operation, not its planners
    if (
        len(words_of) == 2
        and words_of[0].lower() in NUMBERED_PLACE_HEADS
        and words_of[1].isdigit()
        and label not in {"GPE", "LOC", "FAC"}
    ):
        return "LOC"  # "Region 11", "District 9": a numbered area

    if (
        label in {"ORG", "PERSON", "GPE", "NORP", "FAC"}
        and len(words_of) >= 2
        and words_of[-1].lower() in LAW_TAILS
        and not (
            words_of[-1].lower() in SHARED_LAW_TAILS
            and (label == "PERSON" or any(w.lower() in _BODY_NAME_WORDS for w in words_of))
        )
        and not (words_of[-1].lower() in BILL_TAILS and label == "PERSON" and len(words_of) < 3)
    ):
        return "LAW"  # "Tenure of Office Act", "United States Constitution"
    if (
        label in {"ORG", "PERSON", "GPE", "NORP", "FAC", "EVENT", "WORK_OF_ART"}
        and len(words_of) >= 3
        and words_of[0].lower() in LAW_HEADS
        and words_of[1].lower() in ("on", "of", "for", "against")
    ):
        return "LAW"  # "Convention on the Rights of the Child", "Treaty of Lisbon"
    if (
        label in {"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART"}
        and words_of[-1].lower() in EVENT_TAILS
        and (
            len(words_of) >= 2
            or words_of[0][1:].islower() and words_of[0].lower() not in _SURNAME_EVENT_WORDS
        )
        and not (label == "PERSON" and words_of[-1].lower() in _NAME_EVENT_WORDS)
    ):
        # "World Athletics Championships", "Baku Olympiad", "the Paralympics", "the
        # Convention" (an event's word alone names the event; no one is called that)
        return "EVENT"
    if (
        len(words_of) >= 2
        and words_of[-1] == "Day"
        and words_of[-2].endswith(("'s", "’s", "s'"))
        and label not in {"DATE", "EVENT"}
    ):
        return "EVENT"  # "Saint Patrick's Day", "Mother's Day": a feast, not a person "Day"
    if label in {"ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT"} and _programme_or_prize(words_of):
        return "MISC"  # "Commercial Crew Program", "Nobel Prize in Physics": neither body nor place
    if label in {"PERSON", "ORG", "NORP", "GPE"} and is_doctrine(text):
        return "MISC"  # "Islam", "Catholicism", "Roman Catholic Christianity"
    if (
        label in {"GPE", "LOC"}
        and len(words_of) >= 2
        and (
            words_of[-1].lower() in BODY_TAILS
            or " ".join(words_of[-2:]).lower() in BODY_TAIL_PAIRS
        )
    ):
        return "ORG"  # "United States Coast Guard", "Irving School District" tagged as places
    if (
        label in {"EVENT", "PRODUCT", "WORK_OF_ART"}
        and len(words_of) >= 2
        and words_of[-1].lower() in BODY_TAILS
    ):
        return "ORG"  # "Sydney Morning Herald" tagged as an event: a newspaper, a body
    if label == "PERSON" and len(words_of) >= 2 and words_of[-1].lower() in PERSONLESS_TAILS:
        return "ORG"  # "Quds Force", "Patriotic Army": no one's surname
    if label in {"PERSON", "ORG"} and len(words_of) >= 2 and words_of[-1].lower() in KIN_TAILS:
        return "NORP"  # "the Turpin family": a group of people
    if label == "PERSON" and len(words_of) >= 2 and words_of[-1] == "State":
        return "LOC"  # "Kwara State", taken for someone: no one's name ends with "State"
    if label in {"PERSON", "ORG", "GPE", "LOC", "FAC"} and len(words_of) >= 2 and (
        words_of[0] in SHIP_PREFIXES
    ):
        return "PRODUCT"  # "HMAS Parramatta", "USS Cole": a ship, not a body or a place
    words = text.lower().split()
    if label in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"} and len(words) >= 2 and (
        words[-1] == "church" and words[-2] in DENOMINATIONS
    ):
        return "ORG"  # "Westboro Baptist Church": a congregation, not a building
    if (
        label in {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"}
        and len(words) >= 2
        and words[-1] in BUILDING_TAILS
    ):
        return "LOC"  # "Çağlayan Courthouse", "U.S. Disciplinary Barracks"
    if label in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"} and _binomial(words_of):
        return "MISC"  # "Trypanosoma brucei", "Ebola virus disease": a species, a thing
    if label == "ORG" and len(words) >= 2 and words[-1] in LANDMARK_TAILS:
        return "LOC"  # "Capitol Hill": a landmark, not the body that sits there
    if (
        label in {"PERSON", "ORG", "NORP"}
        and len(words) >= 2
        and (
            words[-1] in PLACE_TAILS
            and " ".join(words[-2:]) not in BODY_TAIL_PAIRS
            or " ".join(words[-2:]) in PLACE_TAIL_PAIRS
            or words[0] in PLACE_HEADS
            and not any(w in BODY_TAILS or w in _ORG_NAME_WORDS for w in words)
        )
    ):
        # not "Port Authority of New York", "Fort Worth Police Department", "Fort Ore Group"
        return "LOC"
    return label


#: Lower-case words that may follow a capitalised one in a person's or a body's name.
_LOWER_NAME_WORDS = frozenset(
    "de da di del van von der bin al el la le du dos das y e and of the".split()
)
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _binomial(words: list[str]) -> bool:
    """A capitalised word followed only by lower-case words, none a name's particle or a
    body's word: the shape of a species' or a thing's name ("Trypanosoma brucei gambiense",
    "Ebola virus"), which no person's or body's name has ("Boston police" has a body's word);
    nor a place's, whose lower-case word says what kind of place it is ("Kratie province")."""
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    if words[-1] in PLACE_KIND_NOUNS:
        return False  # "Kratie province", "Snuol district": a place and the kind it is
    rest = words[1:]
    return all(
        _LOWER_WORD.fullmatch(w) is not None
        and w not in _LOWER_NAME_WORDS
        and w not in _BODY_NAME_WORDS
        and w not in _ORG_NAME_WORDS
        for w in rest
    )


#: Last words of a programme's name ("Voskhod programme", "Commercial Crew Program"); the
#: capitalised British "Programme" is left out: it names agencies ("... Food Programme").
PROGRAMME_TAILS = frozenset({"program", "programme", "Program"})
#: Head words of an award's name: "Nobel Prize in Physics", "Booker Prize".
PRIZE_HEADS = frozenset({"prize", "award", "medal", "trophy"})


def _programme_or_prize(words: list[str]) -> bool:
    """The name is a programme's ("Space Shuttle program") or an award's ("Nobel Prize in
    Physics", "Pulitzer Prize"): the award's word ends the name or comes before "in"/"for"."""
    if len(words) < 2:
        return False
    if words[-1] in PROGRAMME_TAILS:
        return True
    lower = [w.lower() for w in words]
    return any(
        w in PRIZE_HEADS and (i == len(lower) - 1 or lower[i + 1] in ("in", "for"))
        for i, w in enumerate(lower)
        if i > 0
    )


def is_doctrine(text: str) -> bool:
    """A religion or doctrine by its last word ("Islam", "Roman Catholic Christianity",
    "Wahhabism"), not a body named after one ("Nation of Islam")."""
    words = text.split()
    return bool(words) and " of " not in text and (
        _DOCTRINE.match(words[-1]) is not None or fold_name(words[-1]) in _RELIGION_FOLDS
    )


class ArticleWords:
    """What the name-use rules need of an article's text, read once: words written with an
    affix ("anti-Brexit") and words written after a given name ("Sadiq Khan")."""

    __slots__ = ("affixed", "after_given_name", "before_surname", "capitalised")

    def __init__(self, text: str) -> None:
        self.affixed = frozenset(
            (m.group("after") or m.group("before")).lower() for m in _AFFIXED.finditer(text)
        )
        pairs = [m.groups() for m in _PAIR.finditer(text)]  # one scan for both sets
        self.after_given_name = frozenset(
            after for before, after in pairs if before.lower() not in _NOT_GIVEN_NAMES
        )
        self.before_surname = frozenset(before for before, _after in pairs)
        self.capitalised = frozenset(_CAPITALISED.findall(text))


def label_from_use(ent: Span, words: ArticleWords, label: str) -> str:
    """A PERSON-tagged name used as a place ("at Hagia Sophia", "approaching Bermuda",
    "Hagia Sophia's dome"), an affixed topic ("anti-Brexit") or a medium ("wrote on Twitter")
    is not a person; a name that a common noun calls a programme or a thing ("medical services
    Medicare", "the boat, Conception") is not a body."""
    if label == "MISC" and _a_platform_by_its_mark(ent):
        return "ORG"  # "available on iTunes": a store or a service reached on, a platform
    if label in {"GPE", "LOC", "FAC"} and _whose_members(ent):
        return "ORG"  # "members of the Gendarmerie": a place has residents, a body members
    if label in {"PRODUCT", "WORK_OF_ART"}:
        return "LOC" if _placed_by_its_words(ent) else label
    if label == "NORP":
        if _a_party(ent):
            return "ORG"  # "the Democratic and Republican parties"
        return "LOC" if _part_of_place(ent) or _placed_people(ent) else label
    if (
        label in {"PERSON", "ORG", "FAC"}
        and ent.root.dep_ == "pobj"
        and ent.root.head.lower_ in _TIME_PREPOSITIONS
        and not any(t.lower_ in _BODY_NAME_WORDS or t.lower_ in _ORG_NAME_WORDS for t in ent)
    ):
        return "EVENT"  # "during the Kerrin Uprising": a time, not a body, a site or someone
    if label not in {"PERSON", "ORG"}:
        return label
    name = ent.text
    root = ent.root
    head = root.head
    if _called_a_thing(ent) or _a_disease(ent):
        return "MISC"
    if _a_vessel(ent):
        return "PRODUCT"  # "a briefing aboard Air Force One": a craft, not a body
    if " " not in name and name in words.after_given_name:
        return label  # "a message to Smith" where "John Smith" is named: a person
    if root.dep_ == "poss" and head.lower_ in PLACE_PARTS:
        return "LOC"
    if _placed_by_its_words(ent):
        return "LOC"
    if _a_people(ent):
        return "NORP"
    bare = name.removesuffix("'s").removesuffix("’s")
    if label == "ORG" and (
        bare in DEMONYMS or bare.endswith("s") and _demonym_of(bare, words.capitalised)
    ):
        return "NORP"  # "Hong Konger's rights", "Londoners" tagged as a body: a people
    if label != "PERSON":
        return label
    if name.lower() in words.affixed:
        return "EVENT"
    if (
        len(ent) == 1
        and root.dep_ == "compound"
        and head.i > root.i
        and head.tag_ in ("NN", "NNS")
        and head.lower_ in TOPIC_NOUNS
    ):
        return "EVENT"  # "the Brexit referendum": a question put to voters, not someone
    if (
        len(ent) == 1
        and root.dep_ in _MODIFIER_DEPS
        and head.i > root.i
        and head.lower_ in EQUIPMENT_NOUNS
    ):
        return "PRODUCT"  # "Abrams tanks", "Patriot anti-missile systems": a make
    if name not in words.before_surname and _demonym_of(name, words.capitalised):
        return "NORP"  # "Londoners" where "London" is written: people of a place, a group
    if len(ent) == 1 and _medium_by_its_words(ent):
        return "ORG"  # "her Twitter account", "my Twitter", "posted a photo to Twitter"
    if head.i == root.i or any(t.dep_ == "case" for t in root.children):
        return label
    if root.dep_ == "dobj" and head.pos_ == "VERB" and head.lower_ in MOTION_VERBS:
        return "LOC"
    if root.dep_ != "pobj":
        return label
    if head.lower_ in PLACE_PREPOSITIONS:
        if any(t.ent_type_ for t in ent.doc[head.i + 1 : ent.start]):
            # "officer at Acme Group Ana Ruiz said": the parser hung the person's name, glued
            # after the body's, on the preposition; the body is where, the person is someone
            return label
        if is_acronym(name) and ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the":
            return "ORG"  # "players in the IPL": letters with "the" are a body's, not a place
        return "LOC"
    if head.lower_ in MOTION_PREPOSITIONS and head.head.lower_ in TRAVEL_VERBS:
        return "LOC"  # "flew to Bermona", "fled from Idlib"
    if (
        len(ent) == 1
        and head.lower_ in MEDIUM_PREPOSITIONS
        and (
            head.head.lower_ in MEDIUM_VERBS
            or head.head.lower_ in DOCUMENT_NOUNS
            or _opens_the_sentence(head, ent)
        )
    ):
        return "ORG"  # "wrote on X", "posted a message on X", "On X, users said ..."
    return label


def _a_platform_by_its_mark(ent: Span) -> bool:
    """A one-word mark written lower case first ("iTunes") is the object of "on" or "via":
    a platform something is found or posted on, as "on Twitter" is, not a device."""
    root = ent.root
    return (
        len(ent) == 1
        and _LOWER_FIRST_BRAND.match(ent.text) is not None
        and root.dep_ == "pobj"
        and root.head.lower_ in MEDIUM_PREPOSITIONS
    )


def _opens_the_sentence(prep: Token, ent: Span) -> bool:
    """ "On X, ...": the preposition opens the sentence and a comma closes the name, where
    the sentence says what was found on a platform (no one writes "On Smith, ...")."""
    doc = ent.doc
    return (
        bool(prep.is_sent_start)
        and prep.i == ent.start - 1
        and ent.end < len(doc)
        and doc[ent.end].text == ","
    )


#: Prepositions whose object is a stretch of time: a name there is an event or an era.
_TIME_PREPOSITIONS = frozenset({"during", "throughout"})


def _whose_members(ent: Span) -> bool:
    """The name follows the "of" of "members": a body's, not a place's ("members of the
    Gendarmerie"), unless it is a country or a US state ("members of Iran's delegation" is not
    this, and "a member of Texas" is no one's phrase)."""
    root = ent.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lower_ not in ("members", "member"):
        return False
    return not _names_a_country(fold_name(ent.text).split())


#: Dependencies of a name that modifies the noun after it ("Abrams tanks", "the Zulu tribe").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _a_people(ent: Span) -> bool:
    """A one-word name the words call a people: compounded into "tribe" or "people" ("the Zulu
    tribe"), or after "ethnic" ("ethnic Ndebele")."""
    if len(ent) != 1:
        return False
    root = ent.root
    head = root.head
    if root.dep_ in _MODIFIER_DEPS and head.i > root.i and head.lower_ in PEOPLE_NOUNS:
        return True
    if any(
        c.dep_ == "appos" and c.i >= ent.end and c.lower_ in _PEOPLE_GLOSSES
        for c in root.children
    ):
        return True  # "the Quakers, a Christian sect"
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ == "ethnic"


#: Nouns for a people or a faith's followers in apposition to a name: "the Quakers, a sect".
_PEOPLE_GLOSSES = frozenset({"sect", "tribe", "minority", "denomination"})


#: Nouns a disease's name is compounded into ("the COVID-19 pandemic", "Ebola cases") or whose
#: "of", "with" or "for" takes it ("cases of COVID-19", "tested positive for COVID-19"); not
#: "vaccine", which a maker's name is compounded into too.
DISEASE_NOUNS = frozenset(
    """disease diseases virus viruses pandemic epidemic outbreak outbreaks infection infections
    cases symptoms""".split()
)
_DISEASE_PREPOSITIONS = frozenset({"of", "with", "for"})


def _a_disease(ent: Span) -> bool:
    """The words around the name make it a disease: compounded into a noun of diseases ("the
    COVID-19 pandemic"), taken by the "of"/"with" of one ("cases of COVID-19", "patients with
    X") or by "positive for", or glossed as a disease in apposition ("X, a fatal disease")."""
    root = ent.root
    head = root.head
    if head.i == root.i:
        return False
    if root.dep_ in _MODIFIER_DEPS and head.i > root.i and head.lower_ in DISEASE_NOUNS:
        return True
    if root.dep_ == "pobj" and head.lower_ in _DISEASE_PREPOSITIONS:
        owner = head.head
        if owner.lower_ in DISEASE_NOUNS or owner.lower_ == "patients" or (
            head.lower_ == "for" and owner.lower_ == "positive"
        ):
            return True
    return any(
        c.dep_ == "appos" and c.i >= ent.end and c.lower_ in ("disease", "virus")
        for c in root.children
    )


#: Prepositions whose object is a craft someone is in: "aboard Air Force One".
_VESSEL_PREPOSITIONS = frozenset({"aboard", "onboard"})


def _a_vessel(ent: Span) -> bool:
    """ "aboard" takes the name: a ship, a plane or a station, not a body."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in _VESSEL_PREPOSITIONS


#: What a platform has and a person does not: "her Chirper account", "a Vidtube channel",
#: "many Chirper users".
MEDIUM_NOUNS = frozenset(
    """account accounts feed bio handle followers profile page channel hashtag timeline users
    user subscribers""".split()
)
#: Possessive pronouns: "my Twitter", "his Instagram" (no one writes "my Smith").
_POSSESSIVE_PRONOUNS = frozenset({"my", "his", "her", "its", "our", "your", "their"})
#: Verbs that put something on a platform: "posted a photo to X".
_POSTING_VERBS = frozenset("post posted posts upload uploaded uploads".split())


def _medium_by_its_words(ent: Span) -> bool:
    """A one-word name the model took for someone is a platform where the words around it
    say so: a possessive pronoun owns it ("my Twitter"), it is compounded into what only a
    platform has ("her Twitter account"), or something is posted to it (read by words: the
    parser often hangs "to X showing ..." elsewhere)."""
    root = ent.root
    head = root.head
    if any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in root.children):
        return True
    if root.dep_ in ("compound", "amod") and head.i > root.i and head.lower_ in MEDIUM_NOUNS:
        return True
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "to":
        return False
    start = max(doc[ent.start].sent.start, ent.start - 5)
    return any(t.lower_ in _POSTING_VERBS for t in doc[start : ent.start - 1])


#: Nouns that name an area by its number: "Region 11", "Zone 3", "Ward 5".
NUMBERED_PLACE_HEADS = frozenset({"region", "district", "zone", "ward", "sector", "area"})
#: Common nouns a topic's one-word name is compounded into ("the Brexit referendum", "Frexit
#: talks"), and a person's hardly ever (not "campaign", "administration", "impeachment").
TOPIC_NOUNS = frozenset(
    "referendum referendums deadline negotiations talks debate crisis vote".split()
)
#: Common nouns a make of weapon or vehicle is compounded into ("Abrams tanks", "Paladin
#: artillery", "Patriot missiles"), which no one's name is.
EQUIPMENT_NOUNS = frozenset(
    """tank tanks artillery howitzer howitzers missile missiles rocket rockets launcher
    launchers jet jets fighter fighters helicopter helicopters drone drones rifle rifles
    warship warships submarine submarines systems""".split()
)
#: Common nouns a people's name is compounded into: "the Zulu tribe", "the Ndebele people".
PEOPLE_NOUNS = frozenset({"tribe", "tribes", "people", "peoples", "clan", "clans", "ethnicity"})
#: Common nouns a place's name is compounded into: "the Tsuen Wan district", "Afghanistan's
#: Maidan Wardak province", "the Sandy Point area".
PLACE_KIND_NOUNS = frozenset(
    """district province county region city town village area prefecture municipality
    neighbourhood neighborhood suburb suburbs governorate volcano mountain river lake valley
    peninsula island street road avenue commune""".split()
)
#: Plural nouns of places whose "of", "such as", "like" or "including" lists places: "the towns
#: of Gori and Senaki", "cities such as Talca, Curicó and Concepción".
PLACE_KIND_PLURALS = frozenset(
    """cities towns villages districts provinces regions areas islands counties
    municipalities prefectures suburbs neighbourhoods neighborhoods communes""".split()
)
#: Prepositions by which a plural noun of places gives examples: "cities such as X".
_EXAMPLE_PREPOSITIONS = frozenset({"as", "like", "including"})
#: Nouns for a place or a building that a name's apposition may call it: "Hagia Sophia,
#: formerly a church", "Tarrow, a village in Kent".
LANDMARK_NOUNS = PLACE_KIND_NOUNS | frozenset(
    "church mosque cathedral temple museum palace castle monument basilica shrine".split()
)
#: Nouns for people from a place, a one-word name compounded into which is that place: "a
#: 36-year-old Cheltenham man", "Tokyo residents".
LOCAL_PEOPLE_NOUNS = frozenset(
    "man woman men women boy girl boys girls resident residents native natives".split()
)
#: Nouns of a kind of place whose "of" names one: "the island of Anjouan", "the town of X".
PLACE_OF_NOUNS = PLACE_KIND_NOUNS | PLACE_KIND_PLURALS | frozenset({"capital", "port"})
#: Prepositions whose object, a one-word name tagged as a body, is a place: "an attack in
#: Ghazni", "met in Niamey" (not "at", which a workplace takes: "worked at Boeing").
_PLACE_ONLY_PREPOSITIONS = frozenset({"in", "near", "outside"})


def _placed_by_its_words(ent: Span) -> bool:
    """The words around the name make it a place whatever the model guessed: a noun of places
    it is compounded into ("the Tsuen Wan district"), a part only a place has whose "of" it
    follows ("the mayor of Yartsevo"), or, for one word tagged as a body or a product, "in" or
    "near" before it ("an assault in Ghazni"), unless it is an acronym or a body's word ("in
    Congress", "in NATO") or what was published in it ("published in Nature")."""
    root = ent.root
    head = root.head
    if _landmark_noun_before(ent) and not any(t.lower_ in _BODY_NAME_WORDS for t in ent):
        return True  # "the resort island Vabbinfaru", "the palace, named Villa Somalia"
    if head.i == root.i:
        return False
    if root.dep_ == "compound" and head.i > root.i and (
        head.tag_ == "NN" and head.lower_ in PLACE_KIND_NOUNS
        or head.tag_ == "NNS" and head.lower_ in PLACE_KIND_PLURALS and head.i == ent.end
    ):
        return True  # "the Tsuen Wan district", "the Hodan and Howl Wadag districts"
    if (
        len(ent) == 1
        and root.dep_ in ("compound", "nmod")
        and head.i == ent.end
        and head.lower_ in LOCAL_PEOPLE_NOUNS
        and ent.label_ != "PERSON"
    ):
        return True  # "a Cheltenham man" (not "the Kennedy women", a family's)
    if any(
        c.dep_ == "appos"
        and c.i >= ent.end
        and c.tag_ == "NN"
        and (c.lower_ in LANDMARK_NOUNS or c.lower_ == "capital")
        for c in root.children
    ) and not any(t.lower_ in _BODY_NAME_WORDS for t in ent):
        # "Hagia Sophia, formerly a church", "Tarrow, a village in Kent" (not "the Avoyelles
        # House of Mercy, a Pentecostal church": a congregation)
        return True
    if (
        root.dep_ == "appos"
        and head.i < root.i
        and head.tag_ == "NN"
        and (head.lower_ in PLACE_KIND_NOUNS or head.lower_ == "capital")
    ):
        return True  # "the capital, Sanaa"
    if _placed_in_a_list(ent):
        return True
    if root.dep_ != "pobj":
        return False
    if _part_of_place(ent) or _a_places_example(root):
        return True
    if (
        len(ent) != 1
        or ent.label_ not in {"ORG", "PRODUCT"}
        or head.lower_ not in _PLACE_ONLY_PREPOSITIONS
        or head.head.lower_ in MEDIUM_VERBS  # "published in Nature": a journal
    ):
        return False
    word = ent.text
    return not (
        word.isupper() or fold_name(word) in _STATE_HEAD_FOLDS or word.lower() in _BODY_WORDS
    )


#: Words between a noun for a kind of thing and the name it is given: "a palace named X".
_NAMED = frozenset({"called", "named", "dubbed"})


def _landmark_noun_before(ent: Span) -> bool:
    """A lower-case noun for a place or a building stands right before the name, or before
    "called" or "named" before it: "the resort island Vabbinfaru", "the presidential palace,
    named Villa Somalia", "an area called the Ellipse"."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 1 and doc[i].lower_ == "the" and doc[i - 1].lower_ in _NAMED:
        i -= 1  # "an area called the Ellipse"
    if i >= 1 and doc[i].lower_ in _NAMED:
        i -= 2 if i >= 2 and doc[i - 1].text == "," else 1
    if i < 0:
        return False
    noun = doc[i]
    return (
        noun.text.islower()
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.lower_ in _LANDMARK_NOUNS_BEFORE
    )


#: Nouns for a place or a building that, right before a name, call it one: not "church" or
#: "museum", which name congregations and institutions too ("the church Westboro Baptist").
_LANDMARK_NOUNS_BEFORE = (LANDMARK_NOUNS - {"church", "museum"}) | frozenset(
    "street avenue road square bazaar market courthouse prison".split()
)


def example_of(first: Token, plurals: frozenset[str]) -> bool:
    """The token is an example given of one of `plurals`: "cities such as Talca", "towns like
    Gori", "organisations including Acme"."""
    prep = first.head
    return (
        first.dep_ == "pobj"
        and prep.lower_ in _EXAMPLE_PREPOSITIONS
        and prep.head.tag_ == "NNS"
        and prep.head.lower_ in plurals
    )


def _a_places_example(first: Token) -> bool:
    return example_of(first, PLACE_KIND_PLURALS)


#: Prepositions whose list of names is a list of places when the model took one for a place.
_LIST_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside"})


def _placed_in_a_list(ent: Span) -> bool:
    """A name listed after another is where the list is: the list follows the "of" of a plural
    noun of places or of what only places have ("the islands of Fehendhoo and Fulhahdhoo", "the
    coasts of Andhra Pradesh and Tamil Nadu"), gives examples of places ("cities such as Talca,
    Constitución and Concepción"), or follows "in", "at" or "near" with another of its names
    the model took for a place ("protests in Suez, Mansoura and Alexandria"); never a name
    with a body's word ("in China and the European Union") or an acronym."""
    root = ent.root
    if root.dep_ != "conj" or any(t.lower_ in _BODY_NAME_WORDS for t in ent):
        return False
    if len(ent) == 1 and ent.text.isupper():
        return False
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.i == root.i:
        return False
    if any(
        c.dep_ == "appos" and c.i > root.i and c.tag_ == "NNS" and c.lower_ in PLACE_KIND_PLURALS
        for c in first.children
    ):
        return True  # "Batmaiya and Telasqaf, mostly Christian towns": a list called places
    if first.dep_ == "compound" and first.head.i > root.i:
        # "the Hodan and Howl Wadag districts": the list is compounded into a plural of places
        return first.head.tag_ == "NNS" and first.head.lower_ in PLACE_KIND_PLURALS
    if first.dep_ != "pobj":
        return False
    prep = first.head
    if prep.lower_ == "of":
        # a plural: "the coast of Fiji, Acropora millepora, ..." runs on from one place
        owner = prep.head
        return owner.tag_ == "NNS" and (
            owner.lower_ in PLACE_PARTS or owner.lower_ in PLACE_OF_NOUNS
        )
    if _a_places_example(first):
        return True
    if prep.lower_ not in _LIST_PLACE_PREPOSITIONS or any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children
    ):
        return False  # "in Saratoga Springs, New York and an Edward Steichen ... exhibit"
    if ent.label_ == "PERSON" and looks_like_person_name(ent.text):
        return False  # a person's full name: the list may go on from places to people
    return any(
        t.ent_type_ in ("GPE", "LOC") for t in (first, *first.conjuncts) if t.i != root.i
    )


def placed_by_use(ent: Span) -> bool:
    """The words around a name the model took for a place say it is one: "in" or "near" takes
    it (not "at", which a workplace takes: "a senior figure at the Holy See"), a noun of places
    is compounded with it ("Khowst province"), or it owns or follows the "of" of what only a
    place has ("Anjouan's capital", "the village of X")."""
    root = ent.root
    head = root.head
    if head.i == root.i:
        return False
    if root.dep_ == "pobj" and head.lower_ in _PLACE_ONLY_PREPOSITIONS:
        return True
    if root.dep_ == "poss" and head.lower_ in PLACE_PARTS:
        return True
    return _placed_by_its_words(ent)


def _part_of_place(ent: Span) -> bool:
    """The name follows the "of" of a part only a place has or of a kind of place: "the mayor
    of Yartsevo", "the territory of Martinique", "the village of Sadanpoini"."""
    root = ent.root
    head = root.head
    return (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.tag_ in ("NN", "NNS")
        and (head.head.lower_ in PLACE_PARTS or head.head.lower_ in PLACE_OF_NOUNS)
        # "the premier of Eastland Ana Ruiz": the parser hung the name, after the place the
        # "of" takes, on the "of"; the place is the premier's, the name someone's
        and not any(t.ent_type_ or t.pos_ == "PROPN" for t in ent.doc[head.i + 1 : ent.start])
    )


def _a_party(ent: Span) -> bool:
    """A one-word name modifying "party" or "parties", itself or the name it is coordinated
    with: "the Democratic and Republican parties" name two parties, not two groups."""
    if len(ent) != 1:
        return False
    root = ent.root
    if root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head = root.head
    return (
        root.dep_ in ("amod", "compound")
        and head.i > root.i
        and head.lower_ in ("party", "parties")
    )


#: Endings of a word for a people or its language, which "in" may take too ("in Arabic",
#: "popular in Kurdish"): no place by its preposition.
_PEOPLE_ENDINGS = ("ish", "ese", "ian", "ians", "an", "ans", "ic", "i", "s")


def _placed_people(ent: Span) -> bool:
    """A one-word name the model took for a people is a place where the words say so: it owns
    what only a place has ("Anjouan's capital"), or "in", "at" or "near" takes it and it
    has no ending of a people's word ("in Esigodini", not "in Arabic")."""
    if len(ent) != 1:
        return False
    root = ent.root
    head = root.head
    if head.i == root.i:
        return False
    if root.dep_ == "poss" and head.lower_ in PLACE_PARTS:
        return True
    if root.dep_ == "compound" and head.i > root.i and head.lower_ in PLACE_KIND_NOUNS:
        return True  # "the Dagestan village"
    word = ent.text
    return (
        root.dep_ == "pobj"
        and head.lower_ in ("in", "at", "near")
        and not word.lower().endswith(_PEOPLE_ENDINGS)
        and fold_name(word) not in _RELIGION_FOLDS
    )


def _called_a_thing(ent: Span) -> bool:
    """The name is glossed by a noun for a programme or a thing: right after it, in apposition
    to it or compounded into it ("the boat, Conception", "the health programme Medicare"), the
    subject of "is a ... character", or coordinated with a name that is ("Medicare and
    Medicaid")."""
    root = ent.root
    if root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    doc = ent.doc
    before = root.left_edge.i - 1 if root.i != ent.root.i else ent.start - 1
    if before >= 0 and doc[before].pos_ == "NOUN" and doc[before].lower_ in THING_NOUNS:
        return True
    if any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < ent.start and c.lower_ in THING_NOUNS
        for c in root.children
    ):
        return True  # "medical programmes Medicare": not the "Fund" of "World Wildlife Fund"
    head = root.head
    if any(
        c.dep_ == "appos" and c.i >= ent.end and c.tag_ == "NN" and c.lower_ in THING_NOUNS
        for c in ent.root.children
    ):
        return True  # "Project Lanternfly, a CIA mind control program"
    if _names_a_thing_it_modifies(ent):
        return True  # "the Deferred Action for Childhood Arrivals policy"
    if root.dep_ == "appos" and head.i != root.i and head.tag_ in {"NN", "NNS"}:
        return head.lower_ in THING_NOUNS
    if root.dep_ == "nsubj" and head.lower_ in _BE:
        attrs = [c for c in head.children if c.dep_ == "attr" and c.tag_ == "NN"]
        return bool(attrs) and attrs[0].lower_ in THING_NOUNS
    return False


#: Common nouns a programme's or a policy's name is compounded into: "the Deferred Action for
#: Childhood Arrivals policy", "the Head Start programme" (not "rocket" or "app", which a
#: maker's name is compounded into too: "the Blue Origin rocket").
_THING_HEADS = frozenset(
    "policy policies programme program scheme initiative doctrine database constituency".split()
)


def _names_a_thing_it_modifies(ent: Span) -> bool:
    """A name of two words or more with no body's word, compounded into a noun for a programme
    or a policy that follows it, is that programme's name; a one-word name or an acronym there
    is as often its owner's ("the NASA program", "the Trump policy")."""
    last = ent[-1]  # the parse may hang the name on its "of" or "for", and its end on the noun
    head = last.head
    if len(ent) < 2 or ent.label_ == "PERSON" or head.i != ent.end:
        return False
    if last.dep_ not in _MODIFIER_DEPS or head.tag_ not in ("NN", "NNS"):
        return False
    if any(t.lower_ in _BODY_NAME_WORDS or t.lower_ in _ORG_NAME_WORDS for t in ent):
        return False
    return head.lower_ in _THING_HEADS


#: Capitalised words before a name that are not a given name ("The Azores", "In Bermuda").
_NOT_GIVEN_NAMES = frozenset(
    "the a an in at on to from near of for and but by with as approaching towards".split()
) | _POSSESSIVE_PRONOUNS


#: Nouns a role may end with that name a body, not someone: "the country's largest opposition
#: party", "a state newspaper" (not "broadcaster" or "publisher", which are people too).
ROLE_BODY_NOUNS = frozenset(
    """party newspaper magazine company firm agency network channel website airline bank
    charity union movement militia organisation organization""".split()
)
#: Nouns a role may end with that name a thing: "an energy drink", "a software flaw".
ROLE_THING_NOUNS = frozenset(
    """drink drug medicine beer wine brand product device vulnerability bug flaw software app
    program programme virus malware game""".split()
)
#: Nouns a role may end with that name a place: "the island's airport", "a small town".
ROLE_PLACE_NOUNS = frozenset(
    """airport city town village district province region island port capital""".split()
)
_ROLE_PREPOSITIONS = re.compile(r"\b(?:of|for|at|from|in|with|to|on)\b")


def kind_by_role(roles: Iterable[str]) -> Literal["ORG", "MISC", "LOC"] | None:
    """What the words read as a name's role say it is, when none of them is a person's: "Al
    Foo, the country's largest opposition party" is a body, "Foo Loco, an energy drink" a
    thing. A role with "of" or "for" after its noun ("company of ...") is read no further:
    its noun is too often cut from a longer phrase; one role that names someone ("leader")
    keeps the name someone's."""
    from .entities.labels import KIN_OR_PERSON_NOUNS
    from .names import HONORIFICS

    kinds: set[Literal["ORG", "MISC", "LOC"]] = set()
    for role in roles:
        if _ROLE_PREPOSITIONS.search(role):
            return None
        words = role.lower().replace(".", "").split()
        if not words:
            continue
        head = words[-1]
        if head in KIN_OR_PERSON_NOUNS or head in HONORIFICS:
            return None
        if head in ROLE_BODY_NOUNS:
            kinds.add("ORG")
        elif head in ROLE_THING_NOUNS:
            kinds.add("MISC")
        elif head in ROLE_PLACE_NOUNS:
            kinds.add("LOC")
    return kinds.pop() if len(kinds) == 1 else None


#: Words of a legislature's chamber before "House": "Lower House", "U.S. House".
_CHAMBER_WORDS = frozenset({"lower", "upper", "state", "us", "u.s.", "federal", "national"})


def names_a_house(name: str) -> bool:
    """ "White House", "Mudi House": a building's name, a place where a body may sit (and by
    which news names the body), not the body; not a chamber ("the House", "House of
    Commons", "Lower House", "U.S. House", "the Ohio House")."""
    words = name.split()
    if len(words) < 2 or words[-1] != "House" or "of" in words:
        return False
    rest = [w.lower() for w in words[:-1] if w.lower() != "the"]
    if fold_name(" ".join(rest)) in _COUNTRY_FOLDS | _US_STATE_FOLDS:
        return False  # "the Ohio House": a state's or a country's chamber
    return bool(rest) and not any(w in _CHAMBER_WORDS for w in rest)

