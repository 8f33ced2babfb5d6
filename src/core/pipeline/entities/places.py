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


def join_states_to_their_district(
    members: list[list[Candidate]], by_fold: dict[str, int], sets: UnionFind[int]
) -> None:
    """A US state's bare name in a story that names its namesake city's long form ("Washington,
    D.C." ... "the crowds in Washington") is that city, unless the story lists it with other
    states ("Virginia, Washington and Washington, D.C."): the state is far from the district,
    and a story about one names the other plainly."""
    ordered: list[Candidate] | None = None
    for folded, j in by_fold.items():
        if folded not in STATE_FOLDS:
            continue
        cities = [
            k
            for fold, k in by_fold.items()
            if fold.startswith(folded + " ")
            and any(_DISTRICT_END.search(c.text) for c in members[k])
            and fold_name(_DISTRICT_END.sub("", members[k][0].text)) == folded
        ]
        if len(cities) != 1:
            continue
        if ordered is None:
            ordered = sorted((c for group in members for c in group), key=lambda c: c.start)
        if not _listed_with_states(ordered, members[j]):
            sets.union(j, cities[0])


#: Characters between two names listed one after the other (", ", " and ", ", and ").
_LIST_GAP = 6


def _listed_with_states(ordered: list[Candidate], group: list[Candidate]) -> bool:
    """A candidate of `group` is read as the state: listed next to another US state's name
    ("Missouri, North Dakota, and Washington"), or written after a town's ("Seattle,
    Washington")."""
    mine = {id(c) for c in group}
    for i, cand in enumerate(ordered):
        if id(cand) not in mine:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(ordered) or id(ordered[j]) in mine:
                continue
            other = ordered[j]
            gap = other.start - cand.end if j > i else cand.start - other.end
            if 0 < gap <= _LIST_GAP and fold_name(other.text) in STATE_FOLDS:
                return True
            if j < i and gap == len(", ") and other.label in PLACE_LABELS:
                return True
    return False


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


#: ", D.C." right after a name: the district its long form names ("Washington, D.C.").
_DISTRICT_AFTER = re.compile(r",\s(?:D\.\s?C\.|DC\b)")
#: The same at the end of a name, with or without its comma ("Washington D.C.").
_DISTRICT_END = re.compile(r",?\s(?:D\.\s?C\.|DC)$")


def with_its_district(candidates: list[Candidate], text: str) -> list[Candidate]:
    """ "Washington, D.C.", which the model reads as two places, is one: the city's long form,
    which tells it from the state of the same name (`core.pipeline.actors` keeps a state's
    bare name apart where the folder names its namesake city in full). The ", D.C." the model
    found on its own goes into the name."""
    drop: set[int] = set()
    for cand in candidates:
        m = _DISTRICT_AFTER.match(text, cand.end) if cand.label in PLACE_LABELS else None
        if m is None:
            continue
        end = m.end()
        drop |= {id(c) for c in candidates if c is not cand and cand.end <= c.start < end}
        cand.end, cand.text, cand.folded = end, text[cand.start : end], ()
    return [c for c in candidates if id(c) not in drop] if drop else candidates


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
    """In a match report (sport words and at least `MATCH_SCORES` scores, or a margin such
    as "by 322 runs"), a country named in a sentence with a result ("Sweden
    defeated South Korea 1 – 0", "Ruritania won the match by five wickets") is its national
    team all through the article: an organisation that wins and loses, not the country, and
    not one actor with the country of another story. Its cluster is keyed "<country> national
    team"; the end of its name alone ("Korea" of "South Korea") is the same team there."""
    if _SPORT.search(text) is None:
        return
    scores = list(_SCORE.finditer(text))
    margins = list(_MARGIN.finditer(text))
    if len(scores) < MATCH_SCORES and not margins:
        # (a vote is a score too, "13 – 2"; no vote is won by runs or wickets): without a
        # match, only a country someone plays for or a side beats is a team
        _teams(candidates, keys, text, _played(candidates, text))
        return
    results = scores + margins
    spans = []
    for match in results:
        lo = max(text.rfind(c, 0, match.start()) for c in ".!?\n") + 1
        ends = [i for c in ".!?\n" if (i := text.find(c, match.end())) >= 0]
        spans.append((lo, min(ends, default=len(text))))
    countries = [c for c in candidates if fold_name(c.text) in _COUNTRY_FOLDS]
    teams = {c.cluster for c in countries if any(lo <= c.start < hi for lo, hi in spans)}
    placed = {
        c.cluster for c in countries if _PLACED_BEFORE.search(text, max(0, c.start - 20), c.start)
    }
    if teams and len(scores) >= MATCH_SCORES:
        # the report's other countries are teams too ("losing to Spain", "Iceland secured a
        # place"), unless the article puts something in them ("the World Cup in Russia"); a
        # margin alone is one match in a story about something else, which names other
        # countries for themselves
        teams |= {c.cluster for c in countries if c.cluster not in placed and c.label == "GPE"}
    _teams(candidates, keys, text, teams)


def _teams(candidates: list[Candidate], keys: dict[int, str], text: str, teams: set[int]) -> None:
    """Those clusters are national teams: keyed "<country> national team", organisations."""
    if not teams:
        return
    _join_team_short_names(candidates, teams, text)
    for root in teams:
        if root in keys and not keys[root].endswith(_TEAM):
            keys[root] += _TEAM
    for cand in candidates:
        if cand.cluster in teams:
            cand.label = "ORG"


#: Words right before a country's name that make it a side in a sports story: "the most by
#: any player for Italy", "he played for Ruritania", "defeating France in the final".
_PLAYED_FOR = re.compile(
    r"\b(?:(?:player|play(?:s|ed|ing)?|capped|appearances?|caps)\s+for|defeat(?:s|ed|ing)?|"
    r"beat(?:s|ing)?|los(?:t|es|ing)\s+to)\s+$",
    re.I,
)


def _played(candidates: list[Candidate], text: str) -> set[int]:
    """Clusters of a country the story names as a side (`_PLAYED_FOR`)."""
    return {
        c.cluster
        for c in candidates
        if fold_name(c.text) in _COUNTRY_FOLDS
        and _PLAYED_FOR.search(text, max(0, c.start - 30), c.start)
    }


#: A match won by a margin rather than a score: "by 322 runs", "by five wickets", "by an
#: innings".
_MARGIN = re.compile(
    r"\bby (?:an innings|(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:runs?|wickets?|goals?))\b",
    re.I,
)


def _join_team_short_names(candidates: list[Candidate], teams: set[int], text: str) -> None:
    """A team's country written short ("Korea's striker" beside "South Korea"): the end of a
    team's name, as a place the article puts nothing in, joins that team's cluster."""
    ends: dict[str, set[int]] = {}
    for cand in candidates:
        if cand.cluster in teams:
            words = fold_name(cand.text).split()
            for k in range(1, len(words)):
                ends.setdefault(" ".join(words[k:]), set()).add(cand.cluster)
    if not ends:
        return
    for cand in candidates:
        found = ends.get(fold_name(cand.text), set())
        if (
            len(found) == 1
            and cand.cluster not in teams
            and cand.label in PLACE_LABELS
            and not _PLACED_BEFORE.search(text, max(0, cand.start - 20), cand.start)
        ):
            cand.cluster = next(iter(found))


#: After a place's name, the war it names: "the Ruritania war", "the Ruritania and Borduria
#: wars" (the first of two that share the plural).
_WAR_AFTER = re.compile(
    r"(?:[ -]|\s(?:and|or|&)\s(?:the\s)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s(?=[Ww]ars\b))"
    r"(?:[Ww]ar|[Ww]ars)\b"
)


_WAR = " War"


def read_places_as_wars(candidates: list[Candidate], keys: dict[int, str], text: str) -> None:
    """A place's name that only ever comes before "war" ("the abuses of the Ruritania war",
    "veterans of the Ruritania and Borduria wars") names the war, not the place: an event,
    not one actor with the country of another story. Its cluster is keyed "<name> War", as
    stories that name the war in full write it. A place the article also names for itself
    keeps its one cluster: that is the place the article is about."""
    placed: dict[int, bool] = {}
    for cand in candidates:
        if cand.label not in PLACE_LABELS or cand.cluster not in keys:
            placed[cand.cluster] = True
            continue
        war = _WAR_AFTER.match(text, cand.end) is not None
        placed[cand.cluster] = placed.get(cand.cluster, False) or not war
    for cand in candidates:
        if placed.get(cand.cluster, True):
            continue
        cand.label = cand.kind_signal = "EVENT"
        if not keys[cand.cluster].endswith(_WAR):
            keys[cand.cluster] += _WAR


#: A legislature's chambers: the second of two named together shares the first one's place.
_CHAMBERS = ("House", "Senate", "Assembly", "Council", "Legislature")
#: "<Place> House and " right before a bare chamber ("the Ruritania House and Senate").
_PLACED_CHAMBER_BEFORE = re.compile(
    rf"\b([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?) (?:{'|'.join(_CHAMBERS)}) (?:and|or|&) (?:the )?$"
)


def read_chambers_with_their_place(
    candidates: list[Candidate], keys: dict[int, str], text: str
) -> None:
    """A bare chamber named with another of its place ("the Ohio House and Senate") is that
    place's chamber, not the country's: its cluster is keyed "<place> <chamber>", so a
    state's senate never joins the national one of another story. The place must be a
    country or a US state, so "the White House and Senate" is left as it is."""
    for cand in candidates:
        if cand.text not in _CHAMBERS or cand.cluster not in keys:
            continue
        before = _PLACED_CHAMBER_BEFORE.search(text, max(0, cand.start - 60), cand.start)
        if before is None:
            continue
        place = re.sub(r"^[Tt]he ", "", before.group(1))
        folded = fold_name(place)
        if folded in STATE_FOLDS or folded in _COUNTRY_FOLDS:
            keys[cand.cluster] = f"{place} {cand.text}"


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
