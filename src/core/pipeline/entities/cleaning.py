"""A tagged span cut to the name it holds: leading words, titles, possessives, run-ons off."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..kinds import BODY_TAILS, GENERIC_BODY_WORDS
from ..names import COURTESY, HONORIFICS, SUFFIXES, fold_name, is_acronym, looks_like_person_name
from ..rules import ORG_WORDS
from .candidates import Candidate
from .junk import words_of
from .labels import KIN_OR_PERSON_NOUNS
from .places import PLACE_FOLDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_LEADING = re.compile(r"(?:(?:the|a|an)\s+|[\"'“”‘’«»(\[{<*_\-–—,.;:!?/\s])", re.I)
_TRAILING = re.compile(r"(?:['’ʼ]s|['’ʼ]|[\"“”‘’«»)\]}>*_,;:!?/\s\-–—])$")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.)+$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|Bros|Jnr|Snr)\.$")

#: A possessive ending a word: "Fedora's" of "Fedora's Flock".
POSSESSIVE_WORD = re.compile(r"['‘’]s$", re.I)

#: The word that opens a picture's credit, run into the caption's last name ("Vera Lunn
#: Image: ..."), when a colon follows it.
_CAPTION_CREDIT = re.compile(r"\.?\s*(?:Image|Photo|Picture|Credit)$")
_TRAILING_MINOR = re.compile(r"\s+(?:and|or|of|the|for|in|at|on)$")
_TRAILING_NUMBER = re.compile(r"\s+[-–—:]\s*\d[\d,.]*$")
_INNER_POSSESSIVE = re.compile(r"(.+?)['’]s\s+(\S.*)$")
#: Plural nouns whose possessive begins a name rather than owning it ("the People's
#: Liberation Army", "the Children's Hospital"; "Ruritania's Velcorp" is Velcorp).
_COLLECTIVE_POSSESSORS = frozenset({"people", "children", "women", "men"})
#: A dash set between spaces: no name runs over it ("Ana Ruiz - League President").
_SPACED_DASH = re.compile(r"\s[-–—]\s")

_CAPS_WORD = re.compile(r"^[^\W\d_]")

MINOR_WORDS = frozenset({"of", "for", "on", "in", "and", "the", "de", "du", "la"})


def name_start(doc: Doc, ent: Span, has_tags: bool) -> int:
    """Where a person's name starts when the model left out a first name ("Mayor of Aldport
    Rui [Alves]"): one capitalised proper noun outside any entity that is not a title."""
    i = ent.start - 1
    if ent.label_ != "PERSON" or not has_tags or i < 0:
        return int(ent.start_char)
    token = doc[i]
    if (
        token.tag_ == "NNP"
        and token.ent_iob_ == "O"
        and token.is_title
        and token.lower_.rstrip(".") not in HONORIFICS
        and fold_name(ent.text) in PLACE_FOLDS
    ):
        return int(token.idx)  # "[Mister] [America]": a country's name ends a work's title
    if (
        token.tag_ == "NNP"
        and token.ent_iob_ == "O"
        and token.is_title
        and (not token.is_sent_start or _first_name_opening_a_sentence(token, ent))
        and token.lower_.rstrip(".") not in HONORIFICS
        and (i == 0 or doc[i - 1].tag_ != "NNP" or doc[i - 1].ent_iob_ != "O")
    ):
        return int(token.idx)
    if _name_word_read_as_a_verb(token, ent):
        return int(token.idx)
    return int(ent.start_char)


def _name_word_read_as_a_verb(token: Token, ent: Span) -> bool:
    """ "[Am] Sam Ath, a monitor, said": a sentence's first word the tagger read as a verb,
    right before a person's name, where the parse cannot use it as one: it is a subject
    with the name hanging from it, or a clause whose subject is the name. A verb opening a
    sentence before a name otherwise governs it ("Ask Sam Ath", "Did Sam Ath say") or is
    an auxiliary; nouns (role words: "Critic Tom Reyes") and adverbs ("Later Tom Reyes
    said") stay out."""
    subjects = {"nsubj", "nsubjpass"}
    root = ent.root
    return bool(
        token.is_sent_start
        and token.is_title
        and token.ent_iob_ == "O"
        and token.pos_ in {"VERB", "AUX"}
        and token.lower_ not in HONORIFICS
        and (
            (token.dep_ in subjects and root.head.i == token.i)
            or (
                token.dep_ in subjects | {"advcl"}
                and root.dep_ in subjects
                and root.head.i == token.head.i
            )
        )
    )


def _first_name_opening_a_sentence(token: Token, ent: Span) -> bool:
    """ "[María] Cecilia Sánchez, the director, said": a sentence's first word the model left
    out of the name after it. Any word is capitalised there, and English role words open
    sentences too ("Critic Tom Reyes", "Prosecutor Ana Ruiz"), so the word must be written in
    letters no English word uses (an accent), the parse must make it part of the name (a
    compound of its head), and the article must never write it in lower case."""
    word = token.lower_
    return (
        not word.isascii()
        and token.dep_ == "compound"
        and ent.start <= token.head.i < ent.end
        and word not in words_of(token.doc.text)
        and word not in ORG_WORDS
        and word not in KIN_OR_PERSON_NOUNS
        and word not in GENERIC_BODY_WORDS
        and fold_name(token.text) not in PLACE_FOLDS
    )


#: A lower-case "the" after a capitalised word, then a capitalised word: a second name runs
#: on ("announced on Chirper the Federal Aviation Administration ...").
_INNER_THE = re.compile(r"(?<=[A-Za-z][a-z])\s+the\s+(?=[A-Z])")
#: A comma, then a capitalised word: two names listed ("Prohibition Party, Reform Party").
_INNER_COMMA = re.compile(r",\s+(?=[A-Z])")


def _first_of_two_names(text: str, start: int, end: int) -> int:
    """Where the first name ends when the model ran two into one: at a lower-case "the"
    after a capitalised word, before a body's name ("Chirper the Federal Aviation
    Administration"; not "Friends of the Earth", "Buffy the Vampire Slayer", "Stop the
    Steal"), or at a comma after a body's name, before another name ("Prohibition Party,
    Reform Party"; not "University of California, San Diego" nor "Acme, Inc.")."""
    chunk = text[start:end]
    m = _INNER_THE.search(chunk)
    if m and chunk[: m.start()].split()[-1][:1].isupper():
        rest = chunk[m.end() :].split()
        if len(rest) >= 2 and rest[-1].lower() in BODY_TAILS:
            return start + m.start()
    m = _INNER_COMMA.search(chunk)
    if m:
        before, after = chunk[: m.start()].split(), chunk[m.end() :].split()
        if before and before[-1].lower() in BODY_TAILS and len(after) >= 2:
            return start + m.start()
    return end


def clean(ent: Span, text: str, start: int | None = None) -> Candidate | None:
    """Strip leading articles, quotes, possessives and (for people) titles, which become a role."""
    start, end = (ent.start_char if start is None else start), ent.end_char
    if "\n" in text[start:end]:
        return None
    if (bracket := text.find(" (", start, end)) > start and ")" not in text[bracket:end]:
        end = bracket  # "the Institute of Seismology (Phivolcs": the name, then its short form
    while start < end:
        m = _LEADING.match(text, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    while start < end:
        chunk = text[start:end]
        if chunk.endswith(".") and not _ABBREVIATION_END.search(chunk):
            end -= 1
            continue
        m = _TRAILING.search(chunk)
        if not m:
            break
        end = start + m.start()
    start = after_a_sentence_end(text, start, end)
    dash = _SPACED_DASH.search(text, start, end)
    if dash is not None and looks_like_person_name(text[start : dash.start()]):
        # "Ana Ruiz - League President": a signature's name, then its role; a body's name may
        # hold a spaced hyphen ("Council on American - Islamic Relations")
        end = dash.start()
    if m := _TRAILING_NUMBER.search(text, start, end):
        end = m.start()  # "Labour Party - 203": a vote count, not part of the name
    if m := _TRAILING_MINOR.search(text, start, end):
        end = m.start()  # "Center for Coastal Diversity and"
    if text[end : end + 1] == ":" and (m := _CAPTION_CREDIT.search(text, start, end)):
        end = m.start()  # "Jo Kemp in July.Image: Ana Ruiz": a caption, then its credit
    if ent.label_ != "PERSON":
        end = _first_of_two_names(text, start, end)
    if ent.label_ == "ORG" and end == ent.end_char:
        end = _with_its_of_phrase(ent, end)
    if ent.label_ == "ORG":
        end = _before_a_title(text, start, end)
    if end <= start:
        return None
    label = ent.label_
    lead_place: tuple[int, int] | None = None
    if (m := _PLACE_IN_PLACE.match(text[start:end])) and not _an_awards_field(m.group(1)):
        # "Tomsk in Siberia": the first place; the region it is in is its own mention. A
        # longer name keeps its label: "Grey Medical Center in Ashford Vale" is a hospital
        end = start + m.end(1)
        label = "GPE" if len(m.group(1).split()) <= 2 else label
    m = _INNER_POSSESSIVE.match(text, start, end)
    if (
        m
        and sum(1 for w in m.group(2).split() if _CAPS_WORD.match(w) and w[0].isupper()) >= 2
        and m.group(1).lower() not in _COLLECTIVE_POSSESSORS
    ):
        start = m.start(2)
    elif m and label == "PERSON" and looks_like_person_name(m.group(1)):
        end = m.end(1)  # "Mina Holt's Mayorship": a person's name holds no possessive
    role = None
    if label in ("PERSON", "ORG"):
        # "NPR Karim bin Saleh", "Scotland Fiona Muir": an outlet or a place glued to a name.
        lead = re.match(r"(\S+)\s+(?=[A-Z][a-z])", text[start:end])
        if (
            lead
            and len(text[start:end].split()) >= 3
            and looks_like_person_name(text[start + lead.end() : end])
            and not after_the(text, start)  # "the Florida Highway Patrol": one body's name
        ):
            word = lead.group(1)
            place = fold_name(word) in PLACE_FOLDS
            if (is_acronym(word) and not word.endswith(".")) or place:
                if place:
                    lead_place = (start, start + len(word))
                start += lead.end()
                label = "PERSON"  # "the senator from Ohio Tom Reyes": the person
        name_from, role = _strip_titles(text, start, end)
        if label == "PERSON" or _a_person_after_the_title(text, start, name_from, end):
            start = name_from
        else:
            role = None  # "General Turbines", "Chief Whip Ltd": the title word opens the name
        if start >= end:
            return None
        split = _name_after_organisation(ent, text, start, end)
        if split is not None:
            start, label, role = split
    cand = Candidate(start, end, text[start:end], label, role=role)
    cand.lead_place = lead_place
    return cand


#: A full stop after a word, then a capitalised word: where a sentence may end inside a span.
_FULL_STOP = re.compile(r"\b([A-Za-z][a-z]+)\.\s+(?=[A-Z])")
#: Short words written with a full stop inside names: "St. Anne's", "Acme Inc. Holdings".
_NAME_ABBREVIATIONS = frozenset(
    "st mt ft jr sr inc co corp ltd bros jnr snr no vs ave blvd rd gen univ dept assn".split()
)


def after_a_sentence_end(text: str, start: int, end: int) -> int:
    """Where a name begins when a span runs across a sentence's end ("on Tuesday. Union chief"):
    after the last full stop that follows a whole word, not a title's or a name's
    abbreviation ("Sen. Ana Ruiz", "St. Anne's Hospital") nor an initial ("John F. Kennedy").
    A name never runs on over a full stop into the next sentence."""
    for m in _FULL_STOP.finditer(text, start, end):
        word = m.group(1).lower()
        if word not in HONORIFICS and word not in _NAME_ABBREVIATIONS and m.end() < end:
            start = m.end()
    return start


def _before_a_title(text: str, start: int, end: int) -> int:
    """Where a body's name ends when the model ran it into the title of someone named after it:
    "[Aerix Executive] Vice President Ana Ruiz" is "Aerix", then a title. Only before another
    capitalised word (the title or the name goes on): "the Scottish Executive said" keeps it."""
    if not _CAPITALISED_NEXT.match(text, end):
        return end
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and words[-1].group().lower().rstrip(".") in HONORIFICS - COURTESY:
        words.pop()
    if words[-1].group().lower() in MINOR_WORDS:
        return end  # "Secretary of State Ana Ruiz": the title is the whole span
    return start + words[-1].end()


_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")


def _with_its_of_phrase(ent: Span, end: int) -> int:
    """ "[Progressive Party] of Working People": the model stopped a body's name before its
    "of" phrase. Capitalised words after "of" that are no entity of their own and end there
    (not "the Party of [France]", which the model would tag) belong to the name, as does a
    second place joined by "and" to the one ending it ("Court of England and Wales")."""
    doc = ent.doc
    words = ent.text.split()
    if ent.end + 1 >= len(doc):
        return end
    if (
        len(words) >= 3
        and words[-2] == "of"
        and words[-3].lower() in BODY_TAILS
        and fold_name(words[-1]) in PLACE_FOLDS
        and doc[ent.end].lower_ == "and"
    ):
        # "the [High Court of England] and Wales": a body of two places
        j = ent.end + 1
        while j < len(doc) and j - ent.end <= 3 and doc[j].is_title:
            j += 1
        place = doc[ent.end + 1 : j].text
        if j > ent.end + 1 and fold_name(place) in PLACE_FOLDS:
            return int(doc[j - 1].idx + len(doc[j - 1]))
        return end
    if not words or words[-1].lower() not in BODY_TAILS or doc[ent.end].lower_ != "of":
        return end
    j = ent.end + 1
    while j < len(doc) and j - ent.end <= 3 and doc[j].is_title and doc[j].ent_iob_ == "O" and (
        doc[j].tag_ in ("NNP", "NNPS")
    ):
        j += 1
    if j == ent.end + 1 or j - ent.end > 3 or (j < len(doc) and doc[j].is_title):
        return end
    return int(doc[j - 1].idx + len(doc[j - 1]))


#: Last words of an award's name, which "in" and a field complete ("Orrin Prize in Physics"):
#: the prize of one field, not a place in another.
_AWARD_WORDS = frozenset({"prize", "prizes", "award", "awards", "medal", "medals"})


def _an_awards_field(name: str) -> bool:
    """The words before " in " name an award, so what follows is its field, not a region."""
    return name.rsplit(" ", 1)[-1].lower() in _AWARD_WORDS


#: "Tomsk in Siberia", "Goma in Congo": a place named with the region it lies in.
_PLACE_IN_PLACE = re.compile(
    r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}) in (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}$"
)


#: Prepositions between a role noun and the organisation it belongs to ("director of X").
_ROLE_PREPOSITIONS = frozenset({"of", "for", "at"})


def _name_after_organisation(
    ent: Span, text: str, start: int, end: int
) -> tuple[int, str, str] | None:
    """`director of Amnesty International Wai-lun Ho`: the model ran the organisation and the
    person together. After "<role noun> of", the span must begin with the organisation, so a
    person-shaped last two words are the name and the rest, with the role noun, is the role."""
    doc = ent.doc
    prep_i = ent.start - 1
    while 0 < prep_i and ent.start - prep_i <= 4 and doc[prep_i].is_title:
        if doc[prep_i].ent_type_:
            break
        prep_i -= 1  # "of Human Rights [Watch Anna Berg]": the organisation began earlier
    if prep_i < 1 or doc[prep_i].lower_ not in _ROLE_PREPOSITIONS:
        return None
    noun = doc[prep_i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_:
        return None
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[start:end])]
    if len(words) < 3:
        return None
    name_from = len(words) - 2
    if words[name_from - 1][1].lower() in {"de", "van", "von", "bin", "al", "da", "del", "le"}:
        name_from -= 1
    name_start = start + words[name_from][0]
    if name_from < 1 or not looks_like_person_name(text[name_start:end]):
        return None
    role = text[noun.idx : name_start].strip()
    return name_start, "PERSON", role


def _strip_titles(text: str, start: int, end: int) -> tuple[int, str | None]:
    """ "Chinese Public Security Minister Lin Zhaoming" -> ("Lin Zhaoming", role).

    Cuts after the last title word that leaves a capitalised name which is not just a suffix.
    """
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text[start:end])]
    cut = -1
    for i, (_, _, word) in enumerate(words[:-1]):
        if not word[0].isupper():
            break
        hyphened = i == 0 and word.lower() in _TITLE_SUFFIXES and text[start - 1 : start] == "-"
        if word.lower().rstrip(".") in HONORIFICS or hyphened:
            rest = words[i + 1 :]
            if rest[0][2][0].isupper() and rest[0][2].lower().rstrip(".,") not in SUFFIXES:
                cut = i
    if cut < 0:
        return start, None
    role: str | None = text[start : start + words[cut][1]]
    title = _HYPHENED_TITLE.search(text, max(0, start - 30), start)
    if title and words[0][2].lower() in _TITLE_SUFFIXES:
        role = text[title.start() : start + words[cut][1]]  # "President-Elect"
    if role and role.lower().rstrip(".") in COURTESY:
        role = None
    return start + words[cut + 1][0], role


def _a_person_after_the_title(text: str, start: int, name_from: int, end: int) -> bool:
    """Whether the words after a title in an organisation's span are a person's name, so the
    title is a title ("Mayor Ana de Vries" tagged ORG), not the first word of a body's
    name ("General Turbines", "General Castings Corp."): they have a full name's shape, or the
    one word after the title also stands alone somewhere in the article ("Odaro")."""
    if name_from == start:
        return True
    if text[start:name_from].split()[-1].lower().rstrip(".") in _PERSONS_TITLES:
        return True  # "Dr Ana Ruiz" tagged ORG: no body's name opens with these
    rest = text[name_from:end]
    if looks_like_person_name(rest):
        return True
    words = rest.split()
    return len(words) == 1 and _stands_alone(text, words[0])


@lru_cache(maxsize=256)
def _stands_alone(text: str, word: str) -> bool:
    """The article writes the word somewhere without a capitalised word before it, not as the
    end of a longer name (asked once per article and word: the answer is cached)."""
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text):
        if not _NAME_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            return True
    return False


#: Titles only a person is given, never a body's first word (unlike "General", "State").
_PERSONS_TITLES = COURTESY | frozenset(
    "dr prof professor sen senator rep gov lt col capt sgt rev cpl maj adm insp det supt cllr "
    "coun hon msgr cst const pte cmdr mp".split()
)
#: A capitalised word right before (a word is then part of a longer name, not alone).
_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")


#: Second halves of a hyphened title the model starts a name with: "President-[Elect Ana Ruiz]".
_TITLE_SUFFIXES = frozenset({"elect", "designate"})
_HYPHENED_TITLE = re.compile(r"[A-Za-z]+-$")


def after_the(text: str, start: int) -> bool:
    """The word at `start` follows a definite article ("the Pacific")."""
    return text[max(0, start - 4) : start].lower() == "the "
