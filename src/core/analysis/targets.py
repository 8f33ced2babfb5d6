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
from functools import cache

from ..models import ActorSummary, ActorType, Mention
from ..pipeline.actors import LABEL_TYPES
from ..pipeline.cues import verb_base
from ..pipeline.gazetteer import COUNTRIES, COUNTRY_FORMS, US_STATES

#: Actor types that can be the target of a position: those that can act or be acted upon.
TARGET_TYPES: frozenset[ActorType] = frozenset({"person", "organization", "group", "place"})
#: Place labels that name polities ("urged Russia"); rivers, regions and buildings are settings.
POLITY_LABELS = frozenset({"GPE"})
#: Labels of places, whatever type the actor was given ("Carrascal" merged as a person).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
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
#: Words that make "of" + a place a bearing ("north of Tandag City", "the outskirts of X")
#: or a part of it ("in northern parts of X").
BEARINGS = frozenset(
    "north south east west northeast northwest southeast southwest outskirts edge centre "
    "center heart suburbs coast border inside outside part parts area areas region regions "
    "province provinces".split()
)
#: Offices and inhabitants a polity after "of" belongs to: "the president of the United
#: States" names a person (by description), "citizens of X" people, not the polity.
HOLDERS_OF = frozenset(
    "president vice-president king queen prince princess emperor monarch governor mayor "
    "ambassador minister secretary chancellor premier senator citizen citizens resident "
    "residents people".split()
)
#: Nouns after which "of <polity>" names the state itself ("the government of Iraq").
GOVERNMENT_NOUNS = frozenset(
    "government governments regime regimes authorities leadership state administration "
    "military army navy forces".split()
)
#: Kin nouns: a name after "<kin> of" describes the one whose kin it is ("Hamza bin Laden,
#: son of the late al-Qaeda founder Osama bin Laden").
KIN_NOUNS = frozenset(
    "son sons daughter daughters wife husband widow widower mother father brother brothers "
    "sister sisters child children grandson granddaughter nephew niece cousin".split()
)

#: Head words of names that name things, not actors: laws and documents, operations, awards,
#: events ("the United States Constitution", "Operation Fast and Furious", "the Nobel
#: Prize", "the International Student Olympiad").
THING_HEADS = frozenset(
    "constitution amendment act treaty charter bill code award awards prize prizes medal "
    "trophy cup festival championship championships olympiad olympics tournament contest "
    "election elections referendum".split()
)
#: First words of names that name operations, projects and ships, not their agents
#: ("Operation Fast", "the U.S.S. Grayback"); punctuation is stripped before the lookup.
THING_LEADS = frozenset({"operation", "project", "uss", "u.s.s", "hms", "h.m.s", "rms", "mv"})
#: Compass bearings: nothing after "north of" is anyone a statement targets.
COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern "
    "eastern western".split()
)
#: Verbs after which a capitalised non-person name is a title given ("was named Best Actor").
TITLE_VERBS = frozenset({"named", "crowned", "voted", "titled", "dubbed"})
#: Nouns for craft: a name after one is a vessel's name ("the rescue ship Alan Kurdi").
CRAFT_NOUNS = frozenset(
    "ship vessel boat ferry tanker yacht submarine frigate destroyer carrier aircraft plane "
    "jet spacecraft rocket satellite".split()
)
#: Prepositions after which an organisation is where something happens, not whom it is
#: about ("was treated at the Army Hospital", "the work of people in the Parliament").
ORG_SETTING_PREPOSITIONS = frozenset({"at", "in", "inside", "outside", "near"})
#: Endings of plural demonyms ("Britons", "Samoans", "Hongkongers"): a people, not a party.
DEMONYM_ENDINGS = ("ans", "ons", "ers", "ese", "ites")
#: Prepositions of path that no organisation or person follows as a party ("down the ERV").
PATH_PREPOSITIONS = frozenset("down up along across around throughout near via".split())
#: Verbs of going whose object place is where, not whom ("troops would be leaving Syria").
MOTION_VERBS = frozenset(
    "leave leaves leaving left enter enters entering entered visit visits visiting visited "
    "reach reaches reaching reached flee flees fleeing fled cross crosses crossing crossed "
    "tour tours touring toured invade invades invading invaded".split()
)
#: Verbs of governing: the place after them is the domain governed, not someone addressed
#: ("if she can't govern Hong Kong").
GOVERNING_VERBS = frozenset(
    "govern governs governed governing administer administers administered administering".split()
)
#: Verbs of going through or over a place: their object is a place whatever its label
#: ("crossed the Channel"); "leave"/"enter"/"visit" are left out, as bodies are left and
#: joined ("leave the EU").
CROSSING_VERBS = frozenset(
    "cross crosses crossing crossed fly flies flying flew swim swims swimming swam".split()
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
    *,
    stance_object: bool = False,
) -> bool:
    """Whether a mention inside a position names someone it is about, not a setting or modifier.

    `neighbours` are the article's other mentions near this one (to see a name that is part
    of a longer one); `stance_object`: the name opens a stance's object ("urged *Veldoria* to
    ..."), so it is addressed whatever it is. Each rule below is a reason a name inside the
    words is not a target.
    """
    if actor is None or actor.type not in TARGET_TYPES or mention.label not in TARGET_LABELS:
        return False
    raw = _words_before(text, mention.start)
    after_the = bool(raw) and raw[-1] == "the"
    before = raw[:-1] if after_the else raw
    if actor.type == "place" and mention.label not in POLITY_LABELS:
        return False
    if (actor.type == "place" or mention.label in PLACE_LABELS) and (
        _is_setting(before)
        or not mention.text[:1].isupper()  # "del Sur": a piece of a name
        or not (
            stance_object
            or is_state(actor.name)
            or is_state(mention.text)
            or acts(text, mention.end)
        )
    ):
        return False
    if mention.label != "PERSON" and before and before[-1] in PATH_PREPOSITIONS:
        return False
    if mention.label in ("ORG", "FAC") and before and before[-1] in CROSSING_VERBS:
        return False  # "we've crossed the Channel": a place the model took for a body
    if before[-2:-1] and before[-1] == "of" and before[-2] in COMPASS:
        return False  # "nine kilometers east of Carrascal", whatever the label
    if not mention.text[:1].isupper() and not actor.name[:1].isupper():
        return False  # "del Sur": a piece of a name
    if mention.label != "PERSON" and before and before[-1] in TITLE_VERBS:
        return False  # "he was named Best Actor": a title, no one's name
    if (
        not stance_object
        and not (is_state(actor.name) or is_state(mention.text))
        and in_a_list_of_places(mention, neighbours, text)
    ):
        return False  # "the towns damaged were Carrascal, Cantilan, Madrid and Lanuza"
    setting = _before_name_pieces(text, mention.start)
    if (
        mention.label in ("ORG", "FAC")
        and setting
        and setting[-1] in ORG_SETTING_PREPOSITIONS
        and not _possessive(text, mention.end)  # "what I saw in X's film" is about X
    ):
        return False  # "treated at the Army Hospital", "at the Gen. Santos Hospital"
    if mention.label != "PERSON" and names_a_site(mention, actor, text):
        return False  # "missing from Capitol Hill", "over the Channel" (the English Channel)
    if cited_as_a_source(before):
        return False  # "reported by The Guardian as ...": who tells, not whom it is about
    if is_a_binomial(mention, text) or quoted_phrase(mention, text):
        return False  # "sand crabs (Emerita talpoida)", 'attacked it as "Witch Hunt garbage"'
    if mention.label == "NORP" and coordinated_modifier(text, mention.end):
        return False  # "the European and North American trade blocs"
    if mention.label == "ORG" and seat_sought(before):
        return False  # "run for the United States Senate": an office sought
    if is_a_class(mention, text) or lists_names(mention):
        return False  # "NGOs [Non-Governmental Organizations]", "Deirdre, Wyatt & Zach"
    if names_a_thing(mention, actor, before) or is_a_people(mention, actor):
        return False
    if type_in_doubt(mention, actor):
        return False
    if in_an_address(mention, text, neighbours):
        return False
    bare = _words_before(_without_asides(text, mention.start), mention.start)
    bare = bare[:-1] if bare[-1:] == ["the"] else bare
    if holds_an_office_of(mention, bare) or sits_on(mention, bare):
        return False
    if qualifies_a_noun(mention, before) or kin_of(mention, text):
        return False
    if mention.label == "GPE" and not stance_object and not polity_takes_part(text, mention):
        return False
    if (
        mention.label in ("NORP", "GPE", "ORG")
        and modifies_next_word(text, mention.end)
        and not (mention.label == "ORG" and _members_follow(text, mention.end))
    ):
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


_ARTICLES = frozenset({"the", "a", "an"})


def _before_name_pieces(text: str, start: int) -> list[str]:
    """The lower-cased words before `start`, without the capitalised words just before it that
    the model left out of the name ("at the Gen. Santos Doctors' Hospital") nor "the"."""
    raw = [w for w in text[max(0, start - 60) : start].split() if w.strip(_STRIP)]
    while raw and raw[-1].strip(_STRIP)[:1].isupper():
        word = raw[-1].strip(_STRIP).lower()
        abbreviation = raw[-1].endswith(".") and len(raw[-1]) <= 4  # "Gen.", "St."
        ended = raw[-1][-1:] in ",;:!?" or (raw[-1][-1:] == "." and not abbreviation)
        if ended or word in CLAUSE_WORDS or word in PLACE_PREPOSITIONS or word in _ARTICLES:
            break  # "In Paris, Berg", "At the ...": a comma or a function word ends it
        raw.pop()
    words = [w.strip(_STRIP).lower() for w in raw]
    return words[:-1] if words[-1:] == ["the"] else words


#: Head words of sites: a name ending in one is a place whatever the model labelled it
#: ("Capitol Hill", "Tiananmen Square"), unless it acts ("Capitol Hill said").
SITE_HEADS = frozenset(
    "hill hills square avenue boulevard road lane bridge park river lake mountain mountains "
    "island islands beach valley bay harbour harbor canal channel sea ocean strait peninsula "
    "desert forest airport station cemetery".split()
)


def names_a_site(mention: Mention, actor: ActorSummary, text: str) -> bool:
    """A name whose head word is a site's ("Capitol Hill", "Heathrow Airport"; "the Channel"
    of the English Channel) that does not speak: a place, not a party ("winds over the
    Channel", "the Channel presented difficulty")."""
    for name in (mention.text, actor.name):
        words = [w.strip(_STRIP).lower() for w in name.split()]
        if len(words) > 1 and words[-1] in SITE_HEADS:
            return not speaks_in_turn(text, mention.end)  # "Downing Street said" speaks
    return False


#: Words before a name that make it who tells, inside someone's position ("a poll published
#: by NBC News", "reported by The Guardian as convicted").
SOURCE_PHRASES = frozenset(
    {("reported", "by"), ("according", "to"), ("cited", "by"), ("quoted", "by"),
     ("published", "by"), ("told", "by")}
)


def cited_as_a_source(before: list[str]) -> bool:
    """A name cited as the source of what follows ("reported by The Guardian as convicted"):
    a channel, not a party the words are about."""
    return len(before) >= 2 and (before[-2], before[-1]) in SOURCE_PHRASES


def is_a_binomial(mention: Mention, text: str) -> bool:
    """A genus the model took for a name, in a species' binomial in brackets ("sand crabs
    (Emerita talpoida)"): a kind of animal or plant."""
    if " " in mention.text.strip() or text[mention.start - 1 : mention.start] != "(":
        return False
    return bool(re.match(r" [a-z]{3,}\)", text[mention.end : mention.end + 30]))


_OPENING_MARKS = ('"', "“", "‘")


def quoted_phrase(mention: Mention, text: str) -> bool:
    """A capitalised phrase the model took for a person, opening a quotation and modifying
    the next word ('as "Witch Hunt garbage"', '"Fake News media"'): words, not a name."""
    if mention.label != "PERSON" or text[mention.start - 1 : mention.start] not in _OPENING_MARKS:
        return False
    rest = text[mention.end : mention.end + 30]
    closes = re.match(r"\s*[\w-]+(?:\s+[\w-]+)?[.,!?]?[\"”’]", rest)  # a fragment, not a sentence
    return bool(closes) and modifies_next_word(text, mention.end)


def coordinated_modifier(text: str, end: int) -> bool:
    """A nationality coordinated with another before their noun ("the European and North
    American trade blocs"): a modifier like "American troops"."""
    found = re.match(r" (?:and|or) ((?:[A-Z][\w-]* )+)", text[end : end + 60])
    return found is not None and modifies_next_word(text, end + found.end() - 1)


#: Verbs of seeking an office: a body after "run for" or "elected to" is the seat sought.
_CANDIDACY = frozenset({"run", "runs", "ran", "running", "elected", "seat", "seats"})


def seat_sought(before: list[str]) -> bool:
    """"a run for the United States Senate", "was elected to the Senate", "a seat in the
    House": the body is the office sought, no one addressed."""
    return len(before) >= 2 and before[-1] in ("for", "to", "in", "on") and (
        before[-2] in _CANDIDACY
    )


#: A plural acronym ("NGOs", "MPs"): a class of bodies or people, no one in particular.
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")


def is_a_class(mention: Mention, text: str) -> bool:
    """A plural acronym ("NGOs"), or an editor's gloss of one ("NGOs [Non-Governmental
    Organizations]"), names a kind of body, not one."""
    if _PLURAL_ACRONYM.match(mention.text.strip(_STRIP)):
        return True
    head = text[max(0, mention.start - 20) : mention.start].rstrip()
    if not head.endswith(("[", "(")):
        return False
    words = head[:-1].split()
    return bool(words) and bool(_PLURAL_ACRONYM.match(words[-1].strip(_STRIP)))


def lists_names(mention: Mention) -> bool:
    """A mention that is a list of names ("Deirdre, Wyatt & Zach"): several people, and the
    merge cannot tell which. A person's name has neither "&" nor a comma; a body's may have
    one ("Johnson & Johnson"), so for a body it takes three one-word names."""
    if mention.label == "PERSON":
        return "&" in mention.text or ", " in mention.text
    parts = [p.strip() for p in re.split(r",\s*|\s+&\s+|\s+and\s+", mention.text)]
    return len(parts) >= 3 and all(p[:1].isupper() and " " not in p for p in parts)


def type_in_doubt(mention: Mention, actor: ActorSummary) -> bool:
    """The full name written here was labelled as another type than the merged actor's
    ("Greenpeace" an organisation here, a person in the merge; "Twitter" a person here): the
    merge is unsure what the name is, so it is no evidence of a party. A surname labelled
    oddly ("Jorden" as ORG for Al Jorden) is the model's usual slip and is kept."""
    labelled = LABEL_TYPES.get(mention.label)
    if labelled is None or labelled == actor.type:
        return False
    return " ".join(mention.text.split()).casefold() == " ".join(actor.name.split()).casefold()


def in_a_list_of_places(mention: Mention, neighbours: Sequence[Mention], text: str) -> bool:
    """A name listed with towns ("Carrascal, Cantilan, Madrid, and Lanuza") is one of them
    whatever the model labelled it, and a town in a list is a setting. Countries, which
    statements do address in lists ("criticised Iran, Russia and China"), are spared here
    and by the caller."""
    chain = _listed_with(mention, neighbours, text)
    if len(chain) < 3:
        return False
    return any(m.label in PLACE_LABELS and not is_state(m.text) for m in chain if m is not mention)


def _listed_with(mention: Mention, neighbours: Sequence[Mention], text: str) -> list[Mention]:
    """The mentions of the enumeration `mention` is an item of (itself included): names joined
    only by commas and "and"/"or"."""
    ordered = sorted(neighbours, key=lambda m: m.start)
    if mention not in ordered:
        return [mention]
    at = ordered.index(mention)
    chain = [mention]
    for step in (-1, 1):
        i = at
        while 0 <= i + step < len(ordered):
            left, right = (
                (ordered[i + step], ordered[i]) if step < 0 else (ordered[i], ordered[i + step])
            )
            gap = text[left.end : right.start].strip().lower()
            if gap not in (",", ", and", ", or", "and", "or", ",and"):
                break
            chain.append(ordered[i + step])
            i += step
    return chain


def _possessive(text: str, end: int) -> bool:
    return text[end : end + 2] in ("'s", "’s") or text[end : end + 1] in ("'", "’")


def names_a_thing(mention: Mention, actor: ActorSummary, before: list[str]) -> bool:
    """A law, an operation, an award or a vessel the model took for an actor: the name's head
    word says what it is ("the United States Constitution", "Operation Fast"), or a noun for
    a craft stands before it ("the rescue ship Alan Kurdi")."""
    for name in (mention.text, actor.name):
        words = [w.strip(_STRIP).lower() for w in name.split()]
        words = [w for w in words if w]
        if len(words) > 1 and (words[-1] in THING_HEADS or words[0] in THING_LEADS):
            return True
    return bool(before) and before[-1] in CRAFT_NOUNS


def is_a_people(mention: Mention, actor: ActorSummary) -> bool:
    """A one-word plural demonym the model took for a person or an organisation ("surveyed
    Britons"): a nationality, not a party (as NORP, "the Republicans" are a party and pass).
    A surname ending so ("Sanders") comes with a full name, so the actor's name has more
    words."""
    word = mention.text.strip(_STRIP)
    if " " in word or " " in actor.name.strip() or not word[:1].isupper():
        return False
    return word.endswith(DEMONYM_ENDINGS) and mention.label in ("PERSON", "ORG")


def holds_an_office_of(mention: Mention, before: list[str]) -> bool:
    """A name after "<office> of" ("a sitting president of the United States", "citizens
    of Samoa", "the mayor of Ostrava"): the words are about the holder, the polity or body
    only qualifies them."""
    if len(before) < 2 or before[-1] != "of":
        return False
    return before[-2] in HOLDERS_OF  # whatever the label: no one is "minister of" a person


def _without_asides(text: str, start: int) -> str:
    """The text before `start` with a parenthesis closing just before it blanked out
    ("Deputy Chief Minister (Dy CM) of Goa" reads "Deputy Chief Minister of Goa"), offsets
    kept."""
    head = text[max(0, start - 80) : start]
    blanked = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), head)
    return text[: max(0, start - 80)] + blanked + text[start:]


#: Bodies one sits on: an organisation named after "on the" with one of these heads is where
#: a member served ("unique on the Judiciary Committee"), not someone addressed.
BODY_HEADS = frozenset("committee committees board council panel commission".split())


def sits_on(mention: Mention, before: list[str]) -> bool:
    """Membership: "served on the Judiciary Committee"."""
    if mention.label != "ORG" or not before or before[-1] != "on":
        return False
    last = mention.text.split()[-1].strip(_STRIP).lower() if mention.text.split() else ""
    return last in BODY_HEADS


def qualifies_a_noun(mention: Mention, before: list[str]) -> bool:
    """A polity after "<noun> of" ("the history of France", "the economy of X"): a modifier
    in another form ("French history"), unless the noun is its government ("the government
    of Iraq" names the state)."""
    if mention.label != "GPE" or len(before) < 2 or before[-1] != "of":
        return False
    noun = before[-2]
    return (
        noun.isalpha()
        and noun not in GOVERNMENT_NOUNS
        and noun not in CLAUSE_WORDS
        and noun not in AUXILIARIES
        and not _looks_like_verb(noun)
    )


def kin_of(mention: Mention, text: str) -> bool:
    """A person named as someone's kin's relative ("son of the late founder X"): the words
    are about the son."""
    if mention.label != "PERSON":
        return False
    words = [
        w.strip(_STRIP).lower() for w in text[max(0, mention.start - 60) : mention.start].split()
    ]
    words = [w for w in words if w]
    for i in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if words[i] == "of":
            return i > 0 and words[i - 1] in KIN_NOUNS
    return False


def in_an_address(mention: Mention, text: str, neighbours: Sequence[Mention]) -> bool:
    """A polity written after a place and a comma ("in Lagos, Nigeria", "Queens, New York")
    says where that place is."""
    if mention.label != "GPE":
        return False
    return any(
        other.label in PLACE_LABELS
        and not is_state(other.text)  # "Russia, China and Iran" is a list of parties
        and other.end < mention.start
        and text[other.end : mention.start] == ", "
        for other in neighbours
    )


#: Verbs of saying and naming: a name that is their subject inside a position is a second
#: source quoted there ("the decision, which Ross has referred to as a stunt").
SECOND_SOURCE_VERBS = frozenset(
    "say says said tell tells told state states stated note notes noted add adds added "
    "write writes wrote written tweet tweets tweeted remark remarks remarked comment comments "
    "commented reply replies replied respond responds responded describe describes described "
    "refer refers referred term termed label labelled labeled announce announces announced "
    "find finds found saying writing noting adding claim claims claimed claiming report reports "
    "reported reporting allege alleges alleged alleging".split()
)
#: Words that may stand between such a subject and its verb ("Ross has also referred").
_SUBJECT_GAP = frozenset("has have had also later then once previously earlier".split())


def speaks_in_turn(text: str, end: int) -> bool:
    """A name followed by its own verb of saying ("..., which Ross has referred to as",
    "while Trump noted his strength"): a second source inside the position, whose words
    the position reports, not someone it is about."""
    for raw in text[end : end + 40].split()[:4]:
        word = raw.strip(_STRIP).lower()
        if word in _SUBJECT_GAP:
            continue
        return word in SECOND_SOURCE_VERBS
    return False


def is_state(name: str) -> bool:
    """A country or a first-level state (the gazetteer's): a polity that statements address
    ("urged Russia", "sanction Saudi Arabia"); a town is mostly where things happen."""
    return name.removeprefix("the ") in _states()


@cache
def _states() -> frozenset[str]:
    return frozenset(COUNTRIES) | frozenset(COUNTRY_FORMS) | frozenset(US_STATES)


#: Words after a name that make it the subject of a clause ("Moscow has warned").
AUXILIARIES = frozenset(
    "is are was were has have had will would could should may might must can cannot did does "
    "do says said wants wanted".split()
)


def acts(text: str, end: int) -> bool:
    """A place that is the subject of a verb acts as a polity ("Moscow said", "Kyiv will")."""
    rest = text[end : end + 30].split()
    if not rest:
        return False
    word = rest[0].strip(_STRIP).lower()
    return word in AUXILIARIES or (
        bool(word) and word.isalpha() and _looks_like_verb(word) and not word.endswith("ly")
    )


#: Prepositions that make the polity after them a party: the one spoken to, acted on or
#: against, dealt or compared with ("urged on X", "sanctions on X", "a win for X").
PARTY_PREPOSITIONS = frozenset(
    "to by against with about toward towards upon between among versus for on than despite".split()
)
#: Copulas: a polity after one is a predicate ("Doris Day was America"), not a party.
COPULAS = frozenset("is was are were be been being become became".split())


def polity_takes_part(text: str, mention: Mention) -> bool:
    """Whether a polity named inside a position is a party to its clause (the store keeps
    no parse; the words around tell): the subject of a verb ("Iran has", "Moscow said"),
    the object of a verb ("sanction Saudi Arabia") or of a preposition of parties ("support
    for Iran", "pressure on China", "between the Kurds and Turkey"). Inside a statement a
    country is otherwise a predicate or a label ("Doris Day was America", "America's
    Virgin"), which names no party."""
    if _possessive(text, mention.end):
        after = text[mention.end : mention.end + 40].split()
        named = len(after) > 1 and after[1][:1].isupper()
        return not named  # "America's Virgin", "Russia's President": part of a name or title
    if acts(text, mention.end):
        return True
    words = text[max(0, mention.start - 60) : mention.start].split()
    if not words:
        return True
    word = words[-1].strip(_STRIP).lower()
    if word == "the" and len(words) > 1:
        word = words[-2].strip(_STRIP).lower()
    if word in ("and", "or") and len(words) > 2:
        return True  # a conjunct: the first of the pair decides, and it passed or not
    if not word or word in PARTY_PREPOSITIONS:
        return True
    if word in COPULAS or word in CLAUSE_WORDS or word in PLACE_PREPOSITIONS or word == "of":
        return False
    listed = words[-2] if words[-1].lower() == "the" and len(words) > 1 else words[-1]
    if listed.endswith(",") and listed[:1].islower():
        return False  # an item of a list of things ("trade, tariffs, the Court of Justice")
    return word.replace("-", "").isalpha()  # after a verb, or a noun it heads


def _words_before(text: str, start: int, span: int = 40) -> list[str]:
    """The lower-cased words just before `start`, punctuation off."""
    words = [w.strip(_STRIP).lower() for w in text[max(0, start - span) : start].split()]
    return [w for w in words if w]


def _is_setting(before: list[str]) -> bool:
    """A place after a locative preposition, a verb of going or governing or a bearing ("73 km
    north of X", "govern X"): where, not whom."""
    if not before:
        return False
    if before[-1] == "of" and len(before) > 1 and before[-2] in BEARINGS:
        return True
    if before[-1] == "with" and len(before) > 1 and before[-2] in ("border", "borders"):
        return True  # "the country's border with Mexico"
    return (
        before[-1] in PLACE_PREPOSITIONS
        or before[-1] in MOTION_VERBS
        or before[-1] in GOVERNING_VERBS
    )


#: Nouns for a body's members or forces: "YPG militia", "Hamas militants" name the body.
MEMBER_NOUNS = frozenset(
    "militia militias militants fighters forces rebels troops soldiers officials leaders "
    "members supporters".split()
)


def _members_follow(text: str, end: int) -> bool:
    """An organisation before a noun for its own members ("YPG militia which support the
    PKK", "Taliban fighters"): the body acts through them; "American troops" is a
    nationality and stays a modifier (the caller asks only for organisations)."""
    rest = text[end : end + 30].split()
    return bool(rest) and rest[0].strip(_STRIP).lower() in MEMBER_NOUNS


def modifies_next_word(text: str, end: int) -> bool:
    """A name directly followed by another word of its noun phrase ("American troops",
    "the Amazon rainforest", "The [US] casualties", "US Secretary of State") or in a compound
    ("US-built"); a verb or a clause word after it ends the phrase ("Russia said", "Facebook
    must")."""
    rest = text[end : end + 40]
    if rest.startswith("]"):
        rest = rest[1:]  # an editor's gloss: "[US] casualties"
    if rest[:1] in ("-", "‑") and rest[1:2].islower():
        return True  # a compound: "US-built", "Kremlin-backed"
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
    """A capitalised title after "a"/"an" (and at most two adjectives, hyphened ones too)
    describes someone or something, it names no one: "naming a new National Security
    Advisor", "a no-deal Brexit"."""
    for i, word in enumerate(reversed(before[-3:])):
        if word in INDEFINITES:
            return True
        if not word.replace("-", "").isalnum() or word in CLAUSE_WORDS or i >= 2:
            return False  # "a Level 1 Trauma Center" still describes
    return False


def _after_the(text: str, mention: Mention) -> bool:
    """A name after "the", directly or through one capitalised word ("the Syrian Civil War");
    a title and a name between stop it ("the US President Trump")."""
    words = text[max(0, mention.start - 30) : mention.start].split()
    if len(words) >= 2 and words[-1][:1].isupper() and words[-1].isalpha():
        words.pop()
    return bool(words) and words[-1] in ("the", "The") and text[mention.start - 1] == " "


#: Nouns for a name: a name right after one is the name itself ("the name 'Alan Kurdi'").
NAME_NOUNS = frozenset({"name", "names", "nickname", "nicknames", "term"})


def is_named_as_a_name(before: list[str], text: str, start: int) -> bool:
    """A name given as a name, not someone spoken of: "known as X", "the name of this area is
    X", "the name 'X' shall be a reminder", "the reputation of being Miss X" (the words use
    the name, they do not address its bearer)."""
    if before[-2:] == ["known", "as"]:
        return True
    pieces = _before_name_pieces(text, start)  # "of being Miss X": the title is no stop
    if pieces and (pieces[-1] in NAME_NOUNS or pieces[-1] == "being"):
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
