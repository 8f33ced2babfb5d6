"""Which country a name belongs to, and which country an article is mostly about.

Names that every state has ("Parliament", "Supreme Court", "Air Force") name a different body
in a British and in an Australian story; actor merging asks these questions before joining them
across articles. Pure string functions over folded names (no spaCy).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .gazetteer import COUNTRIES, COUNTRY_FORMS, DEMONYMS, TERRITORIES, US_STATES
from .names import fold_name

_COUNTRY_FOLDS = {fold_name(c): fold_name(COUNTRY_FORMS.get(c, c)) for c in COUNTRIES}
_COUNTRY_FOLDS |= {fold_name(k): fold_name(v) for k, v in COUNTRY_FORMS.items()}
_UNITED_KINGDOM = fold_name("United Kingdom")
_UNITED_STATES = fold_name("United States")
#: The nations of the United Kingdom are the UK's ("Parliament" in a Scottish court's ruling is
#: Westminster's); a US state is the United States' ("Supreme Court" in a Florida story is the
#: federal one, unless its headline names the state: `article_division`).
_COUNTRY_FOLDS |= {
    fold_name(n): _UNITED_KINGDOM for n in ("England", "Scotland", "Wales", "Northern Ireland")
}
_COUNTRY_FOLDS |= dict.fromkeys((fold_name(s) for s in US_STATES), _UNITED_STATES)
#: Territories count for themselves: they have their own parliaments and courts.
_COUNTRY_FOLDS |= {fold_name(t): fold_name(t) for t in TERRITORIES}
#: Short forms written as acronyms: "U.S.", "US", "UK", "U.K." (folded "us", "uk").
_COUNTRY_FOLDS |= {"us": _UNITED_STATES, "uk": _UNITED_KINGDOM, "usa": _UNITED_STATES}
#: US states and the UK's nations, and their people: a body named with one is the division's.
_DIVISION_FOLDS = (
    frozenset(fold_name(s) for s in US_STATES if s not in TERRITORIES)
    | frozenset(
        fold_name(n)
        for n in "England Scotland Wales English Scottish Scots Welsh Texan Californian "
        "Floridian".split()
    )
    | {fold_name("Northern Ireland")}
)
_DEMONYM_FOLDS = {fold_name(k): fold_name(COUNTRY_FORMS.get(v, v)) for k, v in DEMONYMS.items()}
#: Endings of a demonym, tried longest first: "Iranian" -> "Iran", "Taiwanese" -> "Taiwan".
_DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ese", "is", "i", "ns", "n", "s", "")
#: What a stem may lack of its country: "Mexic" + "o", "Chin" + "a", "Philippine" + "s".
_COUNTRY_ENDINGS = ("", "a", "o", "s", "ia", "e")


@lru_cache(maxsize=50_000)
def country_of(folded: str) -> str | None:
    """The country a folded name is or belongs to: a country or its short form ("america" ->
    "united states"), a US state (the United States), a nation of the United Kingdom (the
    UK), a territory with its own parliament (itself: "puerto rico"), or a demonym
    ("iranian" -> "iran"); None for anything else."""
    country = _COUNTRY_FOLDS.get(folded) or _DEMONYM_FOLDS.get(folded)
    if country is not None or " " in folded or len(folded) < 5:
        return country
    for ending in _DEMONYM_ENDINGS:
        if not folded.endswith(ending) or len(folded) - len(ending) < 4:
            continue
        stem = folded[: len(folded) - len(ending)]
        tails = _COUNTRY_ENDINGS if ending else ("s",)  # "philippine" + "s", not "dominic" + "a"
        found = {_COUNTRY_FOLDS[stem + tail] for tail in tails if stem + tail in _COUNTRY_FOLDS}
        if len(found) == 1:
            return found.pop()
    return None


def named_country(folded: str) -> str | None:
    """The country some one to three words of a folded name name ("us senate" -> "united
    states", "iranian air force" -> "iran"), else None."""
    words = folded.split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            country = country_of(" ".join(words[i : i + size]))
            if country is not None:
                return country
    return None


def without_country(folded: str) -> tuple[str, str] | None:
    """A folded name without the country it names, and that country: "us supreme court" ->
    ("supreme court", "united states"), "supreme court of the united states" -> the same,
    "iranian air force" -> ("air force", "iran"); None when it names none, or names a division
    of a country (a US state, a nation of the UK), whose bodies are its own."""
    words = folded.split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            named = " ".join(words[i : i + size])
            country = country_of(named)
            if country is None:
                continue
            if named in _DIVISION_FOLDS:
                return None  # "Maryland Democratic Party", "Scottish Parliament": a division's
            rest = words[:i] + words[i + size :]
            while rest and rest[-1] in ("of", "the"):
                rest.pop()
            while rest and rest[0] == "the":
                rest.pop(0)
            return (" ".join(rest), country) if rest else None
    return None


#: A run of up to three capitalised words: where a headline names a country ("U.S. House",
#: "Iran's President", "Puerto Rico Senate"), never the pronoun "us".
_CAPITALISED_RUN = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}")


def headline_country(title: str) -> str | None:
    """The first country a headline names ("U.S. House issues subpoena ... envoy to Ukraine"
    is about the United States' House), by its capitalised words."""
    for run in _CAPITALISED_RUN.finditer(title):
        words = run.group().split()
        for i in range(len(words)):
            for size in (3, 2, 1):
                if i + size <= len(words):
                    country = country_of(fold_name(" ".join(words[i : i + size])))
                    if country is not None:
                        return country
    return None


def countries_named(names: Iterable[str]) -> Counter[str]:
    """How often an article names each country, from its mentions' folded names."""
    return Counter(c for name in names if (c := country_of(name)) is not None)


def article_country(names: Iterable[str], title: str = "") -> str | None:
    """The country (or territory) an article is about: the first its headline names, else the
    one its mentions (folded names) name most; None when it names none, or two as often as
    each other (nothing says whose bodies it means).

    A territory counts for itself, not for its state, so an article about Puerto Rico's senate
    does not lend it to Washington's."""
    named = headline_country(title)
    if named is not None:
        return named
    top = countries_named(names).most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


#: First-level divisions of federal countries with their own legislatures and courts: a
#: "Senate" in a story about one of them is its own ("the Senate of the state"). US states
#: (not "Washington", which headlines use for the federal government), Canadian provinces and
#: territories, Australian states.
_DIVISION_COUNTRY: dict[str, str] = {
    fold_name(s): _UNITED_STATES for s in US_STATES if s not in TERRITORIES and s != "Washington"
}
_DIVISION_COUNTRY |= dict.fromkeys(
    (
        fold_name(p)
        for p in (
            "Alberta",
            "British Columbia",
            "Manitoba",
            "New Brunswick",
            "Newfoundland and Labrador",
            "Nova Scotia",
            "Ontario",
            "Prince Edward Island",
            "Quebec",
            "Saskatchewan",
            "Yukon",
            "Nunavut",
        )
    ),
    fold_name("Canada"),
)
_DIVISION_COUNTRY |= dict.fromkeys(
    (
        fold_name(p)
        for p in ("New South Wales", "Queensland", "Victoria", "Tasmania", "South Australia")
    ),
    fold_name("Australia"),
)
#: A word of the text that says a story's bodies are the nation's ("a federal judge").
_NATIONAL = re.compile(r"\b[Ff]ederal\b")


def headline_division(title: str) -> str | None:
    """The first state or province a headline names ("Governor of US state of Alabama signs
    ..." -> "alabama"), by its capitalised words; not a city named after one ("New York
    City")."""
    for run in _CAPITALISED_RUN.finditer(title):
        words = run.group().split()
        for i in range(len(words)):
            for size in (3, 2, 1):
                if i + size > len(words):
                    continue
                folded = fold_name(" ".join(words[i : i + size]))
                if folded in _DIVISION_COUNTRY:
                    rest = words[i + size :] or title[run.end() :].split()[:1]
                    if not rest or rest[0].lower() != "city":
                        return folded
    return None


def article_division(title: str, text: str, country: str | None) -> str | None:
    """The state or province a story is about, in which a body every state has named alone
    ("Senate", "House", "Supreme Court") is that state's: the first one its headline names,
    when the story's country is that state's (or none stands out), and the text never says
    the national one ("federal"); None otherwise."""
    division = headline_division(title)
    if division is None:
        return None
    if country is not None and country != _DIVISION_COUNTRY[division]:
        return None
    if _NATIONAL.search(title) or _NATIONAL.search(text):
        return None
    return division


def names_division(folded: str) -> bool:
    """Some one to three words of a folded name name a state, a province or a nation of the
    United Kingdom, or its people ("scotish parliament", "ohio senate", "welsh assembly"):
    a body so named is that division's, not its country's."""
    words = folded.split()
    return any(
        " ".join(words[i : i + size]) in _DIVISION_FOLDS
        or " ".join(words[i : i + size]) in _DIVISION_COUNTRY
        for size in (3, 2, 1)
        for i in range(len(words) - size + 1)
    )


def without_division(folded: str) -> tuple[str, str] | None:
    """A folded name without the state or province it names, and that division's scope (see
    `article_division`): "ohio senate" -> ("senate", "united states/ohio"); None when it names
    none."""
    words = folded.split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            named = " ".join(words[i : i + size])
            country = _DIVISION_COUNTRY.get(named)
            if country is None:
                continue
            rest = words[:i] + words[i + size :]
            while rest and rest[-1] in ("of", "the"):
                rest.pop()
            while rest and rest[0] == "the":
                rest.pop(0)
            return (" ".join(rest), f"{country}/{named}") if rest else None
    return None
