"""Places among the mentions: their labels and folds, short forms, countries read as teams."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..gazetteer import COUNTRIES, US_STATES
from ..kinds import short_place_name
from ..names import fold_name, is_acronym
from ..rules import ORG_WORDS
from ..unionfind import UnionFind
from .candidates import Candidate, join_neighbours

if TYPE_CHECKING:
    from spacy.tokens import Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

STATE_FOLDS = frozenset(fold_name(s) for s in US_STATES)


def join_place_short_forms(
    members: list[list[Candidate]], by_fold: dict[str, int], sets: UnionFind[int]
) -> None:
    """A place's name without its generic word is the same place ("Abaco" and "the Abaco
    Islands", "Vatican" and "Vatican City"), and takes its label whatever the model guessed;
    not a country or state ("Mexico" is not "Mexico City"), nor anyone introduced with a role.
    Nor a bare name the article uses for two places it begins ("Gaza" beside "Gaza City" and
    "the Gaza Strip"): it is either, and must not bridge them."""
    begun: dict[str, set[int]] = {}  # a bare name -> the named places whose names begin with it
    for folded, j in by_fold.items():
        words = folded.split()
        if len(words) > 1 and _named_places(members[j]):
            for n in range(1, len(words)):
                begun.setdefault(" ".join(words[:n]), set()).add(j)
    for folded, j in by_fold.items():
        short = short_place_name(folded)
        k = by_fold.get(short) if short else None
        if k is None or short in PLACE_FOLDS:
            continue
        places = _named_places(members[j])
        if not places or any(c.role for c in members[k]):
            continue
        if short is not None and len({sets.find(i) for i in begun.get(short, ())}) > 1:
            continue
        sets.union(j, k)
        for cand in members[k]:
            cand.label = cand.kind_signal = places[0]


#: What lies between a possessive place name and the "County" that goes on with it.
_POSSESSIVE_GAP = re.compile(r"(?:['\u2019]s)? ")


def join_possessive_county(candidates: list[Candidate], text: str) -> list[Candidate]:
    """ "St. Mary's County Sheriff's Office": a county named with a possessive ("Prince Ana's
    County") is one name with the body it begins, which the model cut after the "'s" into a
    place and an organisation of "County ...". A body of another place keeps its own name
    ("Norland's Foreign Office")."""

    def join(first: Candidate, second: Candidate) -> Candidate | None:
        gap = text[first.end : second.start]
        possessive = first.text.endswith(("'s", "\u2019s")) or gap.startswith(("'s", "\u2019s"))
        if (
            possessive
            and _POSSESSIVE_GAP.fullmatch(gap)
            and second.text.split()[0] == "County"
            and second.label in {"ORG", "GPE", "FAC"}
        ):
            return Candidate(first.start, second.end, text[first.start : second.end],
                             second.label, role=second.role, headline=first.headline)
        return None

    return join_neighbours(candidates, join)


def _named_places(group: list[Candidate]) -> list[str]:
    """The place labels of a cluster's mentions whose generic word is capitalised, part of the
    name ("Abaco Islands"), not a description ("Pacific island")."""
    return [
        c.label for c in group if c.label in PLACE_LABELS and c.text.split()[-1][:1].isupper()
    ]


#: A match score: "1 – 0", "3-2" (not a date, a time or a decimal).
_SCORE = re.compile(r"(?<![\d.,:/–-])\d{1,2}\s?[–—-]\s?\d{1,2}(?![\d.,:/%–-])")
#: Words of a match report, not of politics ("goal", "match", "penalty" and "league" are:
#: "the Arab League voted 13 – 2").
_SPORT = re.compile(
    r"\b(?:football|soccer|world cup|goalkeeper|striker|midfielder|tournament|referee|rugby|"
    r"cricket|hockey|half-time|kick-off)\b",
    re.I,
)
#: Score lines that make an article a match report.
MATCH_SCORES = 2
_TEAM = " national team"
#: A preposition right before a country's name that puts something in it: "the cup in Russia".
_PLACED_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|throughout)\s+(?:the\s+)?$", re.I
)


def read_countries_as_teams(candidates: list[Candidate], keys: dict[int, str], text: str) -> None:
    """In a match report (sport words and at least `MATCH_SCORES` scores), a country named in
    a sentence with a score ("Sweden defeated South Korea 1 – 0") is its national team all
    through the article: an organisation that wins and loses, not the country, and not one
    actor with the country of another story. Its cluster is keyed "<country> national team"."""
    scores = list(_SCORE.finditer(text))
    if len(scores) < MATCH_SCORES or _SPORT.search(text) is None:
        return
    spans = []
    for match in scores:
        lo = max(text.rfind(c, 0, match.start()) for c in ".!?\n") + 1
        ends = [i for c in ".!?\n" if (i := text.find(c, match.end())) >= 0]
        spans.append((lo, min(ends, default=len(text))))
    countries = [c for c in candidates if fold_name(c.text) in _COUNTRY_FOLDS]
    teams = {c.cluster for c in countries if any(lo <= c.start < hi for lo, hi in spans)}
    if teams:
        # the report's other countries are teams too ("losing to Spain", "Iceland secured a
        # place"), unless the article puts something in them ("the World Cup in Russia")
        placed = {
            c.cluster
            for c in countries
            if _PLACED_BEFORE.search(text, max(0, c.start - 20), c.start)
        }
        teams |= {c.cluster for c in countries if c.cluster not in placed and c.label == "GPE"}
    for root in teams:
        if root in keys and not keys[root].endswith(_TEAM):
            keys[root] += _TEAM
    for cand in candidates:
        if cand.cluster in teams:
            cand.label = "ORG"


#: ", Texas" / ", Nigeria" right after a name: the region a town is in.
_REGION_AFTER = re.compile(r",\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)")


def followed_by_its_region(text: str, end: int, *, then_lower: bool = False) -> bool:
    """The name is followed by ", <a US state or a country>" and then a break ("Allen,
    Texas, near Dallas"): a place named with its region, not a person. With `then_lower`, a
    lower-case word may follow the region too ("in Lake Town, Texas after a fall"): for a
    name no person has the shape of, where ", Texas state senator" cannot follow."""
    match = _REGION_AFTER.match(text, end, end + 40)
    if match is None:
        return False
    after = text[match.end() : match.end() + 2]
    broken = after[:1] == "" or after[:1] in ",.;:)"
    if then_lower and not broken:
        broken = after[:1] == " " and after[1:].islower()
    return broken and fold_name(match.group(1)) in PLACE_FOLDS


_COUNTRY_FOLDS = frozenset(fold_name(c) for c in COUNTRIES)

PLACE_FOLDS = _COUNTRY_FOLDS | frozenset(fold_name(s) for s in US_STATES)


#: Adjectives of a level of government: "the Vorsk regional governor".
_GOVERNED_LEVELS = frozenset(
    "regional provincial municipal oblast prefectural county city state district".split()
)
#: Offices and bodies only a territory has; "regional manager" is a firm's too.
_GOVERNING = frozenset(
    """governor governors mayor mayors administration government legislature parliament
    duma assembly governorship""".split()
)
#: What a place has and a person or a body does not: "Vorsk's governor" (a leader has a
#: government, "Ana Ruiz's government", and a firm an administration).
_GOVERNORS = frozenset({"governor", "governors", "mayor", "mayors"})
_ORG_WORD_SET = frozenset(ORG_WORDS)


def governed_as_a_place(ent: Span) -> bool:
    """A name the territory's government is named by ("Vorsk regional Deputy Governor Ana
    Ruiz", "the Vorsk regional administration") or whose governor or mayor it has ("Vorsk's
    governor"; not "Ana Ruiz's government") is a place, whatever the model guessed: a body
    has no governor of its own unless it is a bank, whose name holds a body's word or is an
    acronym."""
    doc = ent.doc
    if any(t.lower_ in _ORG_WORD_SET for t in ent) or is_acronym(ent.text):
        return False
    if ent.end < len(doc) and doc[ent.end].lower_ in _GOVERNED_LEVELS:
        following = doc[ent.end + 1 : ent.end + 4]
        for token in following:
            if token.lower_ in _GOVERNING:
                return True
            if not (token.is_title or token.lower_ in ("deputy", "vice", "acting", "first")):
                break
        return False
    root = ent.root
    return root.dep_ == "poss" and root.head.i != root.i and root.head.lower_ in _GOVERNORS


#: Divisions of a territory, which name nothing but a place ("street", "area" do: "street
#: protests", "area manager").
_DIVISIONS = frozenset(
    """district province county region prefecture municipality commune governorate village
    township oblast""".split()
)
_DIVISIONS_PLURAL = frozenset(
    """districts provinces counties regions prefectures municipalities communes
    governorates villages townships oblasts""".split()
)
#: After a name: a kind of place in lower case ("Dorvak commune"), or the plural of one after
#: names listed with it ("Dorvak Khet and Lvem Orak districts").
_KIND_OF_PLACE_AFTER = re.compile(
    r" (?:(?P<one>[a-z]+)|(?:and (?:[A-Z][\w'’-]* ){1,3})?(?P<many>[a-z]+))\b"
)


def named_with_its_kind_of_place(text: str, end: int) -> bool:
    """A name the words after it call a kind of place, in lower case: "in Dorvak commune",
    "the Vela district attorney", "Khet and Lvem Orak districts" (both names): a place, not
    someone or a body, whatever the model guessed."""
    m = _KIND_OF_PLACE_AFTER.match(text, end, end + 60)
    if m is None:
        return False
    if m.group("one") is not None:
        return m.group("one") in _DIVISIONS or m.group("one") in _DIVISIONS_PLURAL
    return m.group("many") in _DIVISIONS_PLURAL
