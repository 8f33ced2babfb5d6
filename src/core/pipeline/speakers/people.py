"""Nouns for people: groups of people, one person of a group, someone the article introduces."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities import KIN_NOUNS, PERSON_NOUNS
from ..names import HONORIFICS
from .words import PEOPLE_ENDINGS, PEOPLE_PLURALS

if TYPE_CHECKING:
    from spacy.tokens import Token


def people_noun(token: Token) -> bool:
    """A plural noun for people ("researchers", "local officials"); coordinated nouns count
    when the first does ("doctors and nurses")."""
    word = token.lower_
    if word in PEOPLE_PLURALS:
        return True
    if word.endswith("ments"):
        return False  # "statements", "documents": things, though they end like "residents"
    return word.endswith(PEOPLE_ENDINGS)


def singular(word: str) -> str:
    """A plural noun's singular, by its ending ("victims", "witnesses", "deputies"); the
    pipeline runs no lemmatizer."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


#: Endings of nouns for one person by what they do ("spokesman", "chairwoman", "salesperson").
PERSON_ENDINGS = ("man", "woman", "person")


def one_person_noun(word: str) -> bool:
    """A common noun for one person: a known one ("lawyer", "daughter", "minister") or one
    ending in "-man", "-woman" or "-person"."""
    if word in PERSON_NOUNS or word in KIN_NOUNS or word in HONORIFICS:
        return True
    return word.endswith(PERSON_ENDINGS) and len(word) > 6


def people_one_is_of(subject: Token) -> Token | None:
    """The group noun of "one of the victims", "one of their daughters": a single person of
    a group of people the article does not name (None for any other subject)."""
    if subject.lower_ != "one":
        return None
    prep = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if noun is None or noun.tag_ != "NNS":
        return None
    word = singular(noun.lower_)
    people = word in PERSON_NOUNS or word in KIN_NOUNS or people_noun(noun)
    return noun if people else None


def introduces_someone(subject: Token) -> bool:
    """An indefinite subject for a person ("a witness", "one of the victims"): someone new,
    not an epithet for a person named before ("the Colombian-French politician")."""
    if people_one_is_of(subject) is not None:
        return True
    return any(c.dep_ == "det" and c.lower_ in INDEFINITES for c in subject.children)


INDEFINITES = frozenset({"a", "an", "another"})
