"""Gender: what a pronoun or a noun for a person says of whom it can mean."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


_MALE_NOUNS = frozenset("man father son brother husband widower nephew grandson uncle".split())
_FEMALE_NOUNS = frozenset(
    "woman mother daughter sister wife widow niece granddaughter aunt actress".split()
)


def noun_gender(word: str) -> str | None:
    """ "m" or "f" for a noun that says it ("spokeswoman", "father"), else None."""
    if word in _FEMALE_NOUNS or word.endswith("woman"):
        return "f"
    if word in _MALE_NOUNS or word.endswith("man"):
        return "m"
    return None


def glossed_gender(word: str) -> str | None:
    """ "m" or "f" for a noun that, set before or beside a name ("his daughter Ana Ruiz",
    "Tom Berg, her husband", "spokeswoman Ana Ruiz"), says the person's gender for certain:
    kin and "-woman" words, not a "-man" title some women hold too ("chairman")."""
    if word in _FEMALE_NOUNS or word.endswith("woman"):
        return "f"
    return "m" if word in _MALE_NOUNS else None


def pronoun_gender(pronoun: Token) -> str:
    """ "f" for "she" and "her", else "m": the gender a person pronoun asks its antecedent for."""
    return "f" if pronoun.lower_ in {"she", "her"} else "m"
