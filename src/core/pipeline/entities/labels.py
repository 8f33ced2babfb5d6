"""Labels the sentence around a name corrects, and the nouns that say it names someone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..countries import country_of, named_country
from ..cues import SPEECH_VERBS, STANCE_VERBS, verb_base
from ..kinds import (
    PLACE_PREPOSITIONS,
    example_of,
    label_from_words,
    names_a_house,
    short_place_name,
)
from ..names import COURTESY, HONORIFICS, fold_name, looks_like_person_name
from ..rules import ORG_WORDS
from .candidates import Candidate
from .places import STATE_FOLDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


#: NER labels that can be actors.
ACTOR_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)

_ORG_WORD_SET = frozenset(ORG_WORDS)
#: Common nouns that name what an organisation is: "the social media website Chirper".
_ORG_KIND_NOUNS = frozenset(
    "website site company firm platform network newspaper paper app service agency broadcaster "
    "channel magazine outlet airline carrier bank startup manufacturer retailer group party "
    "union club team band supergroup label publisher studio network charity periodical journal "
    "tabloid daily weekly organisation organization troupe orchestra choir ensemble".split()
)


def label_from_context(ent: Span, cand: Candidate) -> str:
    """Correct a label the model got wrong where the sentence says what the entity is.

    A name coordinated with a person and shaped like one is a person ("foes Ivan Petrov
    and Oleg Marin", the first tagged ORG); a name in apposition to an organisation noun
    is an organisation ("the website Chirper", tagged PERSON).
    """
    root = ent.root
    if cand.label == "ORG" and names_a_house(cand.text) and _determined(ent):
        return "FAC"  # "the Mudi House said": the seat named for the body in it
    if cand.label != "PERSON" and looks_like_person_name(cand.text):
        partners = [*root.conjuncts]
        if any(t.ent_type_ == "PERSON" and t.lower_ not in _ORG_WORD_SET for t in partners):
            return "PERSON"  # (not "Orbit Play, Gamestation Network", a network tagged PERSON)
        if (
            cand.label not in {"GPE", "LOC", "NORP"}
            and named_country(fold_name(cand.text)) is None  # "Agence France-Presse"
            and (titled_or_glossed(ent) or _titled_within(cand))
        ):
            return "PERSON"  # "MP Tessa Dale", "Hugo Marsh, chief executive of ..."
        if cand.label in {"LOC", "FAC"} and titled_or_glossed(ent, titles=False):
            return "PERSON"  # "presidential nominee Dora Quarry", "Ian Ash, the chief officer"
        if cand.label == "ORG" and _of_a_body_or_place(ent, cand):
            return "PERSON"  # "Nina Hollis of the UK's National Crime Agency said"
        if (
            cand.label in {"ORG", "GPE", "LOC", "FAC"}
            and root.dep_ == "pobj"
            and root.head.lower_ == "by"
            and root.head.head.lower_ in _PERSON_DEEDS
            and named_country(fold_name(cand.text)) is None
            and fold_name(cand.text) not in STATE_FOLDS
        ):
            return "PERSON"  # "founded by Dora Quarry", "saved by Ian Ash": done by someone
        if (
            cand.label == "GPE"
            and titled_or_glossed(ent)
            and not _a_known_place(cand.text)
            and label_from_words(cand.text, "PERSON") == "PERSON"
            and short_place_name(fold_name(cand.text)) is None  # "General Santos City"
            and not (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS)
        ):
            return "PERSON"  # "South African president Jan Odaro" tagged as a place
        if (
            cand.label in _SPEAKERLESS_LABELS
            and _says_something(root)
            and not _ends_a_longer_name(ent)
            and named_country(fold_name(cand.text)) is None
            and fold_name(cand.text) not in STATE_FOLDS
        ):
            # "Ana Ruiz Toro said", tagged as a work, "Ana Ruiz disagrees", as a place: a
            # work does not speak, and a place speaks by its one-word name ("Moscow said")
            return "PERSON"
        if (
            cand.label in {"GPE", "LOC", "FAC"}
            and root.dep_ in ("nsubj", "nsubjpass")
            and root.head.lower_ in _PERSON_FATES
            and named_country(fold_name(cand.text)) is None
            and fold_name(cand.text) not in STATE_FOLDS
        ):
            return "PERSON"  # "Vera Lunn was convicted of fraud": a place is not convicted
    if cand.label in {"ORG", "FAC", "PRODUCT", "WORK_OF_ART"} and _listed_with_first_names(ent):
        return "PERSON"  # "four daughters, Nadia, Ashlyn, Beth and Tonia", the first tagged ORG
    if (
        cand.label in {"GPE", "LOC", "FAC", "ORG"}
        and len(ent) == 1
        and _glossed_by_kin(ent)
        and not _a_known_place(cand.text)
    ):
        return "PERSON"  # "his only son Aurelio", "the leader's son, Casimir"
    if (
        cand.label in _GLOSSABLE_LABELS
        and glossed_as_body(ent)
        and not _a_known_place(cand.text)
        and not (ent.label_ == "PERSON" and glossed_as_someone(ent))
    ):
        return "ORG"  # "law firm Harlow Penn", "the newspaper Gazetem", "a group called X"
    if cand.label == "PERSON" and len(ent) == 1 and _a_known_place(cand.text) and (
        (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS) or _a_hashtag(ent)
    ):
        return "GPE"  # "critics in Ruritania", "#Ruritania": a country the model took for someone
    if cand.label == "PERSON" and _a_thing_named_after(ent, cand):
        return "FAC"  # "The Tomás Vidal Mirador was damaged": no one is "the" Jane Doe
    if cand.label == "PERSON" and len(ent) == 1 and root.dep_ in ("appos", "compound"):
        head = root.head
        if head.i != root.i and head.tag_ in ("NN", "NNS") and (
            head.lower_ in _ORG_KIND_NOUNS or head.lower_.removesuffix("s") in _ORG_KIND_NOUNS
        ):
            return "ORG"
    return cand.label


#: Labels of things and places that say nothing: a name so tagged that is the subject of a
#: verb of speech or of a stance, and shaped like a person's, is someone (a body speaks
#: through its people, so ORG is not here; nor a country or a state, checked apart).
_SPEAKERLESS_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "FAC", "LOC", "EVENT", "GPE"})


def _determined(ent: Span) -> bool:
    """ "the" opens the name or stands right before it: a building's name takes it, a body
    named after a house does not ("Halden House said")."""
    if ent[0].lower_ == "the":
        return True
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the"


def _ends_a_longer_name(ent: Span) -> bool:
    """A comma and another name stand right before it: "the University of Eastland, Port
    Vale": the place ends that name, whatever verb the parser hung it on."""
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].text == "," and bool(doc[ent.start - 2].ent_type_)


def _says_something(root: Token) -> bool:
    """The name is the subject of a verb of speech or of a stance: "X said", "said X", "X
    disagrees"."""
    head = root.head
    if root.dep_ != "nsubj" or head.i == root.i or head.pos_ != "VERB":
        return False
    base = verb_base(head.text)
    return base in SPEECH_VERBS or base in STANCE_VERBS


def _listed_with_first_names(ent: Span) -> bool:
    """A one-word name listed with two one-word names or more that the model took for people,
    and with no name it took for anything else: a list of first names ("Nadia, Ashlyn, Beth
    and Tonia"), in which one the model tagged otherwise is someone too. A list of bodies
    ("Velcorp, Arden and Tully") has no two people in it."""
    if len(ent) != 1 or ent.doc[ent.start].is_upper:
        return False
    people = 0
    for token in ent.root.conjuncts:
        if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
            nxt = token.i + 1
            if nxt < len(token.doc) and token.doc[nxt].ent_iob_ == "I":
                return False  # a full name in the list: not a list of first names
            people += 1
        elif token.ent_type_ and token.i != ent.root.i:
            return False
    return people >= 2


def _a_hashtag(ent: Span) -> bool:
    """The name is written as a hashtag ("#Ruritania"): a topic's tag, not a name in a sentence."""
    return ent.start_char > 0 and ent.doc.text[ent.start_char - 1] == "#"


def _of_a_body_or_place(ent: Span, cand: Candidate) -> bool:
    """A name without "the" before it is followed by "of" (or ", of") and a body or a place
    the model named, or by "at" and a body: someone and where they work or what they lead
    ("Nina Hollis of the National Crime Agency", "Patrice Tolan of Benin", "Ada Kern at the
    Evening Courier"); a body's name takes "the" ("the Bank of X") or keeps its "of" inside.
    The model's span may run on over the "of" the name was cut at ("Patrice Tolan of Benin")."""
    doc = ent.doc
    i = ent.end
    for token in ent:
        if token.idx >= cand.end:
            i = token.i
            break
    i += 1 if i < len(doc) and doc[i].text == "," else 0
    if i + 1 >= len(doc) or doc[i].lower_ not in ("of", "at"):
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        return False
    after = doc[i + 2] if doc[i + 1].lower_ == "the" and i + 2 < len(doc) else doc[i + 1]
    return after.ent_type_ == "ORG" or after.ent_type_ == "GPE" and doc[i].lower_ == "of"


def _a_thing_named_after(ent: Span, cand: Candidate) -> bool:
    """A name of several words shaped like a person's that "the" determines, standing as a
    noun phrase of its own, names a thing named after someone (a lookout, a building, a
    ship): a person takes no article ("the late Jane Doe" is a person, and "the Jane Doe
    affair" is a modifier, not this)."""
    doc = ent.doc
    first = ent.start  # the name as cleaned may begin before the model's span
    while first > 0 and doc[first - 1].idx >= cand.start:
        first -= 1
    if ent.end - first < 2 or first == 0 or ent.root.i != ent.end - 1:
        return False
    before = doc[first - 1]
    return before.lower_ == "the" and before.dep_ == "det" and before.head.i == ent.root.i


#: Labels the model gives a body that a noun before it calls one ("the charity Helping Hand").
_GLOSSABLE_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: Words between a noun for a kind of body and its name: "a group called Safewatch".
_CALLED = frozenset({"called", "named", "dubbed"})
#: Nouns of kinship: a one-word name glossed by one is someone ("his only son Aurelio").
KIN_NOUNS = frozenset(
    """son daughter wife husband mother father brother sister widow widower cousin nephew niece
    grandson granddaughter uncle aunt heir""".split()
)


def _org_kind_before(ent: Span) -> bool:
    """A noun for a kind of body stands right before the name, or before "called" or "named"
    before it: "the charity Helping Hand", "the newspaper Gazetem", "a group called X"."""
    doc = ent.doc
    i = ent.start - 1
    called = i >= 1 and doc[i].lower_ in _CALLED
    if called:
        i -= 2 if i >= 2 and doc[i - 1].text == "," else 1
    if i < 0:
        return False
    before = doc[i]
    if called and before.lower_ == "site":
        return False  # "a site called Bacho Kiro": a place as often as a website
    if not called and _named_already(before):
        return False  # "the Cleo magazine Ada Kern": the magazine has its name; hers follows
    return before.tag_ == "NN" and before.lower_ in _ORG_KIND_NOUNS


def _named_already(noun: Token) -> bool:
    """A proper noun that is no place's or people's name stands right before the noun for a
    kind of body ("Cleo magazine", "Apex publisher"): that body is named already, and a name
    after the noun is someone who works there, not the body ("the UK charity X" keeps X)."""
    if noun.i == 0:
        return False
    prior = noun.doc[noun.i - 1]
    return prior.tag_ == "NNP" and prior.ent_type_ not in ("GPE", "NORP", "LOC")


def glossed_as_body(ent: Span) -> bool:
    """A noun for a kind of body names what the name is, before it or in apposition, or the
    name is given as an example of bodies ("organisations such as Ir Hadash and Shoval")."""
    return _org_kind_before(ent) or _org_kind_apposition(ent) or _a_bodys_example(ent)


#: Plural nouns for bodies whose "such as", "like" or "including" names some: "Jewish
#: organisations, such as X and Y", "companies like X".
_BODY_PLURALS = frozenset(
    """organisations organizations groups companies firms newspapers parties charities banks
    airlines broadcasters publishers websites outlets unions clubs bands networks agencies
    institutions media platforms""".split()
)


def _a_bodys_example(ent: Span) -> bool:
    """The name, or the first of the list it is in, is an example given of a plural noun for
    bodies: "organisations, such as Ir Hadash and Shoval", "companies like Velcorp"."""
    first = ent.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return example_of(first, _BODY_PLURALS)


#: Nouns for a body that name a person too: "broadcaster Karim Ostad".
_PERSONAL_ORG_NOUNS = frozenset({"broadcaster", "publisher", "developer", "label"})


def glossed_as_someone(ent: Span) -> bool:
    """The noun before a person-shaped name names people too ("broadcaster Ana Ruiz")."""
    return (
        ent.start > 0
        and ent.doc[ent.start - 1].lower_ in _PERSONAL_ORG_NOUNS
        and looks_like_person_name(ent.text)
    )


def _org_kind_apposition(ent: Span) -> bool:
    """A noun for a kind of body follows the name in apposition: "Kosmoprom, the Ruritanian space
    agency", "Andicom, an economic union"."""
    if ent.label_ == "PERSON" and len(ent) > 1:
        return False  # the parse hangs a later noun on a person's name too often
    return any(
        c.dep_ == "appos" and c.i >= ent.end and c.tag_ == "NN" and c.lower_ in _ORG_KIND_NOUNS
        for c in ent.root.children
    )


def _glossed_by_kin(ent: Span) -> bool:
    """A noun of kinship, for a person or a title written in lower case stands right before
    the name, or a noun of kinship takes it in apposition: "his son Aurelio", "fashion
    designer Lorenzo", "rescue head Suryadi", "the leader's son, Casimir"."""
    doc = ent.doc
    root = ent.root
    if ent.start > 0:
        before = doc[ent.start - 1]
        if before.tag_ == "NN" and before.lower_ in KIN_OR_PERSON_NOUNS:
            return True  # "fashion designer Lorenzo"
        if (
            before.tag_ == "NN"
            and before.text.islower()
            and before.lower_ in HONORIFICS - COURTESY - {"state", "foreign", "first", "former"}
        ):
            return True  # "search and rescue head Suryadi": a title written in lower case
    head = root.head
    return root.dep_ == "appos" and head.i < ent.start and head.lower_ in KIN_NOUNS


def _a_known_place(name: str) -> bool:
    """A country, a US state or a territory: never a person's or a body's name alone."""
    folded = fold_name(name)
    return country_of(folded) is not None or folded in STATE_FOLDS  # the whole name only:
    # "Heron Scotland" is a body named for a country, no known place


#: What happens to people and never to a place, said of the subject: "Vera Lunn was convicted",
#: tagged as a place, is someone.
_PERSON_FATES = frozenset(
    """convicted sentenced pardoned arrested jailed imprisoned acquitted indicted testified
    testifies pleaded pled pleads married resigned resigns""".split()
)

#: What a person does, in the passive before "by" and a name shaped like a person's
#: ("founded by Dora Quarry", tagged ORG): the doer is someone.
_PERSON_DEEDS = frozenset(
    "founded co-founded cofounded invented saved scored written directed painted composed "
    "photographed coached authored".split()
)
#: Titles written as acronyms before a name: "MP Tessa Dale", "CEO Ana Ruiz".
TITLE_ACRONYMS = frozenset({"mp", "mep", "mla", "msp", "mpp", "td", "ceo", "cfo", "coo"})
#: Nouns for what a person is or does, in apposition to a name ("Hugo Marsh, chief
#: executive of the palace"), besides the titles of `names.HONORIFICS`.
PERSON_NOUNS = frozenset(
    """executive spokesperson owner author professor lecturer researcher scientist student
    resident lawyer manager founder activist journalist reporter analyst economist doctor
    nurse teacher coach player actor actress singer artist writer witness survivor victim
    farmer engineer official politician candidate member client wife husband son daughter
    mother father brother sister widow widower cousin nephew niece grandson granddaughter
    girlfriend boyfriend fiancee fiance rapper musician comedian businessman businesswoman
    entrepreneur billionaire physician surgeon inmate defendant plaintiff suspect prisoner
    lobbyist pastor priest historian novelist poet filmmaker developer programmer designer
    nominee astronaut astronomer archaeologist biologist physicist chemist mathematician
    photographer drummer guitarist bassist vocalist composer expert specialist consultant
    adviser advisor colleague counterpart delegate hopeful contender rival partner friend
    neighbour neighbor veteran volunteer employee staffer worker""".split()
)
KIN_OR_PERSON_NOUNS = KIN_NOUNS | PERSON_NOUNS


def _titled_within(cand: Candidate) -> bool:
    """The model ran a title into the name it tagged ("Assemblywoman Lena Ortiz" as one
    ORG): the title cleaning took off says it is a person."""
    return cand.role is not None and any(
        w in HONORIFICS - COURTESY - {"state", "foreign", "first", "former", "late"}
        for w in cand.role.lower().replace(".", "").split()
    )


def _person_noun(word: str) -> bool:
    """A noun for what a person is or does, or a title written as a common noun."""
    return word in PERSON_NOUNS or word in HONORIFICS - COURTESY


def _singular(word: str) -> str:
    """ "editors" -> "editor", "hopefuls" -> "hopeful": the regular singular of a plural."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def titled_or_glossed(ent: Span, titles: bool = True) -> bool:
    """A title stands right before the name ("MP Tessa Dale"), or a noun for a person is
    in apposition to it ("Hugo Marsh, chief executive of the palace"). Without `titles`, a
    noun for a person before it counts but not a title, which opens places' names too
    ("Prince Edward", "Saint Helena")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.ent_iob_ == "O":
        word = before.lower_.rstrip(".")
        if titles and (
            word in HONORIFICS - COURTESY - {"state", "foreign", "first", "former", "late"}
            or (word in TITLE_ACRONYMS and before.text.isupper())
        ):
            return True
        if before.tag_ == "NN" and word in PERSON_NOUNS:
            return True  # "committee member Ulf Dane", "student Ana Ruiz"
        if before.tag_ == "NNS" and _person_noun(_singular(word)):
            return True  # "current editors Ada Kern and ...", "candidates Ulf Dane and ..."
    root = ent.root
    head = root.head
    if (
        root.dep_ == "appos"
        and head.i < ent.start
        and (
            head.tag_ == "NN" and _person_noun(head.lower_)
            or head.tag_ == "NNS" and _person_noun(_singular(head.lower_))
        )
    ):
        return True  # "a State Department spokesperson, Jo Kemp,", "editors ... Ada Kern"
    return any(
        c.dep_ == "appos"
        and c.i >= ent.end
        and c.tag_ == "NN"
        and (c.lower_ in PERSON_NOUNS or c.lower_ in HONORIFICS - COURTESY)
        for c in root.children
    )
