"""Merging mentions into actors across articles: pure Python over stored mentions, no spaCy.

The store recomputes this on every open, so it is one pass over the mentions plus work per
distinct in-article cluster (a few per article), never per pair of mentions.
"""

from __future__ import annotations

import gc
import re
import sys
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import attrgetter, itemgetter, ne

from ..models import Actor, ActorType, ArticleAnalysis, Mention
from .cannotlink import PARTY_FOLDS, GuardedUnionFind, Name, NameKind, person_name
from .countries import (
    article_country,
    article_division,
    countries_named,
    names_division,
    without_country,
    without_division,
)
from .gazetteer import COUNTRIES, COUNTRY_NAMESAKE_STATES, US_STATES
from .ids import anchor_actor_ids
from .kinds import (
    BODY_TAILS,
    DIVISION_ROLES,
    PLACE_TAILS,
    SUPRANATIONAL_WORDS,
    body_fold,
    body_scope,
    kind_by_role,
    name_fold,
    names_a_house,
    short_place_name,
)
from .names import (
    HONORIFICS,
    RANKS,
    SUFFIXES,
    acronym_letters,
    acronym_matches,
    fold_name,
    initials,
    is_acronym,
    looks_like_person_name,
    slug_name,
)
from .ranking import actor_score, counted_positions, named_in
from .rules import ORG_WORDS
from .unionfind import UnionFind

LABEL_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_COUNTRY_FOLDS = frozenset(fold_name(c) for c in COUNTRIES)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Countries and US states: "Mexico" is not "Mexico City", "New York" not "New York City".
_STATE_FOLDS = _COUNTRY_FOLDS | frozenset(fold_name(s) for s in US_STATES)
_US_STATE_FOLDS = frozenset(fold_name(s) for s in US_STATES)
#: Countries whose name a US state carries ("Georgia"): each article's context says which.
_NAMESAKE_STATE_FOLDS = frozenset(fold_name(s) for s in COUNTRY_NAMESAKE_STATES)
_UNITED_STATES = fold_name("United States")
#: The scope of a country's name read as its namesake US state's (`_country_or_state`).
_STATE_READING = "us state"
#: The scope of a US state's name read as its namesake city's (`_read_as_city`).
_CITY_READING = "city"
_CITY = fold_name("City")
# Kinds whose bare names may join a person (a surname the model tagged ORG is still a surname).
_PERSONISH = frozenset({"person", "organization", "other"})
_TEXT = attrgetter("text")
_LABEL = attrgetter("label")
_ROLE = attrgetter("role")
_KEY = itemgetter(1)


def actor_id(name: str, actor_type: ActorType) -> str:
    """A stable id from the type and the folded name ("person:vladimir-putin")."""
    slug = slug_name(name)
    if not slug:
        slug = re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "actor"
    return f"{actor_type}:{slug}"


@dataclass(slots=True)
class _KeyStats:
    """How one spelling of a name is used: in how many articles, how many mentions, and the
    label of its last cluster (for breaking a tied vote)."""

    articles: int
    mentions: int
    label: str


@dataclass(slots=True)
class _Group:
    """Every in-article cluster whose key folds to the same name, gathered in one pass."""

    fold: str
    clusters: list[tuple[str, str]] = field(default_factory=list)
    """(article id, key) of each cluster, in article order."""
    sizes: list[int] = field(default_factory=list)
    """Mentions in each cluster (its slice of `mentions`)."""
    mentions: list[Mention] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    keys: dict[str, _KeyStats] = field(default_factory=dict)
    forms: set[str] = field(default_factory=set)
    """Folded surface forms of its mentions (aliases used somewhere)."""
    kind: ActorType = "other"
    acronyms: list[str] = field(default_factory=list)
    """Acronyms written for it ("U.S." for "United States")."""
    scope: str | None = None
    """Where its name names one actor, when not everywhere: a country ("parliament" of a
    British story), or `#<article id>` (a namesake's first name, "the Department")."""
    body: bool = False
    """Scoped as a body every state has: it joins longer names only within its scope."""
    acronym: bool = False
    """Scoped as an acronym its article does not spell out ("ABC"): the same letters name
    different bodies in different countries, so it joins only within its country."""
    by_country: bool = False
    """One country's clusters of a word a party's name begins (`_party_words_by_country`)."""
    party: bool = False
    """A party's name without "Party", joined to the party (`_join_party_words`)."""
    qualified: bool = False
    """Scoped to the country its article writes before its name ("Kenya Red Cross" read as
    "Kenya" and "Red Cross"): that country's branch, not the body of the name alone."""


def _vote(votes: Mapping[str, int], longest_label: str) -> ActorType:
    """The type most mentions agree on; a tie goes to the label of the longest name."""
    top = sorted(votes.items(), key=lambda item: -item[1])[:2]
    if not top:
        return "other"
    label = top[0][0]
    if len(top) > 1 and top[1][1] == top[0][1]:
        label = longest_label if longest_label in (top[0][0], top[1][0]) else label
    return LABEL_TYPES.get(label, "other")


def _cluster_label(key: str, texts: list[str], labels: list[str]) -> str:
    """An in-article cluster's label: the vote of its full-name mentions (a surname joined to
    "Alexis Tipton" is a person even where the model tagged it ORG), else of all of them."""
    first = labels[0]
    if labels.count(first) == len(labels):
        return first
    counts = {label: labels.count(label) for label in set(labels)}
    fulls = [label for text, label in zip(texts, labels, strict=True) if text == key]
    full = {label: fulls.count(label) for label in set(fulls)}
    if "PERSON" in counts and looks_like_person_name(key):
        # A person's name the model half-recognised ("Ricardo Rosselló Nevares" as ORG, its
        # surname as PERSON half the time) is still a person.
        if (full and full.get("PERSON", 0) >= max(full.values())) or counts[
            "PERSON"
        ] * 5 >= 2 * len(labels):
            return "PERSON"
    votes = full or counts
    best = max(votes.values())
    tied = [label for label, n in votes.items() if n == best]
    if len(tied) == 1:
        return tied[0]
    # the longest mention's label; at equal length an actor's label over a thing's: the model
    # reads a work or a product into a name it half knows ("Zachary (Cates" as a title)
    return max(
        (len(t), label not in _THING_LABELS, label)
        for t, label in zip(texts, labels, strict=True)
        if label in tied
    )[2]


#: The model's labels for things rather than actors, which lose a tie within a cluster.
_THING_LABELS = frozenset({"WORK_OF_ART", "PRODUCT"})


def merge_actors(
    analyses: Iterable[ArticleAnalysis],
    positions: Mapping[tuple[str, str], int] | None = None,
) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """Actors from every article's mentions, and a map (article id, cluster key) -> actor id,
    in rank order. `positions` counts quotes per (article, speaker key) when the analyses
    carry no quotes (the store merges from stored mentions only).

    Clusters with the same folded key are one actor (Yanukovych/Yanukovich). A bare name that
    is elsewhere used as a short form of exactly one actor joins it ("Putin", "Guo", "US"); one
    that could be several (Hillary or Bill "Clinton") stays on its own.
    """
    # Merging allocates many small objects and frees none: the cyclic collector would walk
    # every stored mention again and again (most of the time on a large corpus).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return anchor_actor_ids(*_merge(analyses, positions))
    finally:
        if enabled:
            gc.enable()


def _merge(
    analyses: Iterable[ArticleAnalysis],
    positions: Mapping[tuple[str, str], int] | None = None,
    joins: list[Join] | None = None,
) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """The pipeline, one phase each: gather clusters by folded name, count each group's votes,
    join short forms and acronym expansions (one union-find over the groups), then build the
    actors and give each a stable id.

    Reader corrections hook in between the joins and `_records`: a correction is one more
    union (or a forced split) on `sets` keyed by (article, cluster key); ids come from the
    merged groups, not from any display name a reader sets.
    """
    analyses = list(analyses)
    places = _ArticleCountries(analyses)
    groups, folds, order = _gather(analyses, places)
    _keep_namesake_states_apart(groups, places)
    _party_words_by_country(groups, places)
    for group in groups.values():
        _count(group, folds)
    sets: GuardedUnionFind[str] = (
        GuardedUnionFind(groups) if joins is None else _Recorded(groups, joins)
    )
    for gkey, group in groups.items():
        sets.name(gkey, _full_names(group))
    _join_acronyms_by_country(groups, sets, places)
    _join_city_readings(groups, sets)
    # middle names first: a bare surname then sees "Donald J. Trump" and "Donald Trump" as one
    _join_middle_names(groups, sets)
    _join_reversed_names(groups, sets, places)
    _join_short_forms(groups, sets, places)
    _join_bodies_to_their_country(groups, sets)
    _join_names_with_their_country(groups, sets, places)
    _join_namesakes_by_role(groups, sets, places)
    _join_acronym_expansions(groups, folds, sets)
    _join_acronym_heads(groups, sets)
    _join_party_words(groups, sets, places)
    _join_bare_acronyms_to_names(groups, sets, places)
    return _records(groups, sets, order, folds, _Evidence.of(analyses, positions))


@dataclass(frozen=True, slots=True)
class Join:
    """One union of the cross-article merge: the rule (the `_join_...` phase) that joined two
    groups of in-article clusters, each named by its folded name (and `@scope` when scoped),
    and the cluster keys on each side: what `explain_merges` shows of a false merge."""

    rule: str
    left: str
    right: str
    left_keys: tuple[str, ...]
    right_keys: tuple[str, ...]
    cluster: tuple[str, str]
    """(article id, cluster key) of one cluster on the right: where to find the actor."""


def _full_names(group: _Group) -> set[Name]:
    """A group's names as the cannot-link guard compares them (`core.pipeline.cannotlink`):
    its clusters' keys, the fullest form of each in-article cluster; not an acronym, nor a
    person's bare surname. A state's name read as its city (`_read_as_city`) has none: the
    reading itself decides which place it is."""
    if group.scope == _CITY_READING:
        return set()
    kind: NameKind = (
        "person" if group.kind == "person" else "place" if group.kind == "place" else "other"
    )
    names: set[Name] = set()
    for key in group.keys:
        if is_acronym(key):
            continue
        fold = name_fold(key, kind == "place")
        if kind != "person" or person_name(fold):
            names.add((fold, kind))
    return names


class _Recorded(GuardedUnionFind[str]):
    """The merge's union-find, noting each union that joins two sets and the rule (the
    function) doing it, and each union the cannot-link guard refused (rule "refused <rule>");
    used only to explain a merge, never to index."""

    __slots__ = ("_groups", "joins")

    def __init__(self, groups: dict[str, _Group], joins: list[Join]) -> None:
        super().__init__(groups)
        self._groups = groups
        self.joins = joins

    def union(self, a: str, into: str) -> bool:
        refused = self.find(a) != self.find(into) and self.apart(a, into)
        joined = super().union(a, into)
        if joined or refused:
            rule = sys._getframe(1).f_code.co_name.removeprefix("_join_")
            rule = f"refused {rule}" if refused else rule
            left, right = (tuple(sorted(self._groups[g].keys)) for g in (a, into))
            cluster = self._groups[into].clusters[0]
            self.joins.append(Join(rule, a, into, left, right, cluster))
        return joined


def explain_merges(
    analyses: Iterable[ArticleAnalysis],
) -> tuple[list[Actor], dict[tuple[str, str], str], list[Join]]:
    """What `merge_actors` returns, and every union across articles that made its actors, in
    order, so a false merge can be traced to the rule that made it (`bench/explain_merges.py`).
    Joins inside one article are the in-article clusters themselves (`Mention.key`)."""
    joins: list[Join] = []
    actors, mapping = anchor_actor_ids(*_merge(analyses, None, joins))
    return actors, mapping, joins


@dataclass(slots=True)
class _Evidence:
    """What ranks an actor beyond its mentions: quotes per (article, cluster key), and each
    article's headline words (folded)."""

    positions: Mapping[tuple[str, str], int]
    headlines: dict[str, frozenset[str]]

    @classmethod
    def of(
        cls, analyses: list[ArticleAnalysis], known: Mapping[tuple[str, str], int] | None
    ) -> _Evidence:
        positions: Mapping[tuple[str, str], int] = (
            known
            if known is not None
            else Counter(
                (q.article, q.speaker_key) for a in analyses for q in a.quotes if q.speaker_key
            )
        )
        headlines = {
            a.article.id: frozenset(fold_name(a.article.title or "").split()) for a in analyses
        }
        return cls(positions, headlines)


class _ArticleCountries:
    """The country each article is about (`core.countries.article_country`), read from its
    headline and mentions the first time a scoped name asks."""

    __slots__ = ("_analyses", "_divisions", "_known", "_named")

    def __init__(self, analyses: list[ArticleAnalysis]) -> None:
        self._analyses = {a.article.id: a for a in analyses}
        self._known: dict[str, str | None] = {}
        self._named: dict[str, frozenset[str]] = {}
        self._divisions: dict[str, str | None] = {}

    def body_scope(
        self, article_id: str, fold: str, mentions: Iterable[Mention] = ()
    ) -> str | None:
        """Whose a body every state has, named alone (`fold`), is in this article: its state's
        or province's in a story about one ("Senate" in a story headlined on Alabama is
        "united states/alabama"), unless the article names that body with its country ("US
        Supreme Court") or says "federal"; else its country's. The words before it decide
        first: "the state's Supreme Court" is the state's even where the article also names
        the nation's (None, the article's own, when no state stands out). A party is its
        country's: parties run under one name in every state of it, their branches are named
        with the state ("Democratic Party of Wisconsin")."""
        country = self.of(article_id)
        division = self.division(article_id)
        analysis = self._analyses[article_id]
        if any(m.role in DIVISION_ROLES for m in mentions):
            return f"{country}/{division}" if division and country else None
        if division is None or country is None or fold.split()[-1] in PARTY_FOLDS:
            return country
        if any(without_country(fold_name(m.text)) == (fold, country) for m in analysis.mentions):
            return country  # "US Supreme Court" ... "the Supreme Court": the nation's
        return f"{country}/{division}"

    def division(self, article_id: str) -> str | None:
        """The state or province the article is about (`core.countries.article_division`)."""
        if article_id not in self._divisions:
            analysis = self._analyses.get(article_id)
            self._divisions[article_id] = (
                None
                if analysis is None
                else article_division(
                    analysis.article.title or "", analysis.article.text, self.of(article_id)
                )
            )
        return self._divisions[article_id]

    def scope_of(self, article_id: str, scope: str) -> bool:
        """The article is in a body's scope: about its country, or its state or province."""
        if "/" not in scope:
            return self.of(article_id) == scope
        return f"{self.of(article_id)}/{self.division(article_id)}" == scope

    def mentions(self, article_id: str) -> tuple[Mention, ...]:
        """The article's mentions, in text order."""
        analysis = self._analyses.get(article_id)
        return () if analysis is None else analysis.mentions

    def named(self, article_id: str) -> frozenset[str]:
        """Every country the article names, and the one it is about."""
        if article_id not in self._named:
            analysis = self._analyses.get(article_id)
            names = () if analysis is None else analysis.mentions
            found = set(countries_named(fold_name(m.text) for m in names))
            country = self.of(article_id)
            self._named[article_id] = frozenset(found | ({country} if country else set()))
        return self._named[article_id]

    def of(self, article_id: str) -> str | None:
        """The country the article is about, if one stands out."""
        if article_id not in self._known:
            analysis = self._analyses.get(article_id)
            self._known[article_id] = (
                None
                if analysis is None
                else article_country(
                    (fold_name(m.text) for m in analysis.mentions), analysis.article.title or ""
                )
            )
        return self._known[article_id]


_PARTY_WORDS = frozenset({"party", "parties"})
#: Holidays every country has under the same name, named without saying whose.
_NATIONAL_DAYS = frozenset(
    fold_name(f"{kind} Day")
    for kind in ("National", "Independence", "Republic", "Constitution", "Victory", "Liberation")
)


def _scope(key: str, fold: str, mentions: list[Mention]) -> tuple[str, bool] | None:
    """Whether an in-article cluster's name is one actor only within a country or an article,
    and whether as a body (see `_Group.scope`): a body every state has, named without saying
    whose ("Parliament", "Supreme Court", "Air Force"), is its article's country's; one of many
    alike ("the Department", "District Court") is its article's own; a holiday every country
    has ("National Day") is its article's country's; a person named by one
    word only ("Elizabeth") is someone of that article, unless the same role names them
    elsewhere (`_join_namesakes_by_role`)."""
    where = body_scope(fold)
    if where is not None:
        return where, True
    if fold in _NATIONAL_DAYS:
        return "country", True  # every country has one: China's "National Day" is not Ireland's
    if _bare_acronym(key, fold, mentions):
        return "country", False
    if " " in key.strip() or is_acronym(key) or not fold:
        return None
    people = sum(1 for m in mentions if m.label == "PERSON")
    return ("article", False) if people * 2 > len(mentions) else None


def _gather(
    analyses: Iterable[ArticleAnalysis], places: _ArticleCountries
) -> tuple[dict[str, _Group], dict[str, str], dict[str, int]]:
    """Every in-article cluster into the group of its folded key (one pass over mentions); a
    scoped name (`_scope`) into the group of its key within its scope (`fold@scope`)."""
    groups: dict[str, _Group] = {}
    folds: dict[str, str] = {}
    keys_folded: dict[str, str] = {}
    order: dict[str, int] = {}
    by_key: dict[str, _Group] = {}
    state_of: dict[str, bool] = {}
    namesake_of: dict[str, bool] = {}
    for analysis in analyses:
        article_id = analysis.article.id
        order[article_id] = len(order)
        local: dict[str, list[Mention]] = {}
        for mention in analysis.mentions:
            local.setdefault(mention.key, []).append(mention)
        qualified = _country_qualified(analysis, local)
        stationed = _stationed_in(analysis)
        for key, mentions in local.items():
            state = state_of.get(key)
            if state is None:
                state = state_of[key] = name_fold(key) in _US_STATE_FOLDS
            if state and _read_as_city(key, local):
                folds.setdefault(key, fold_name(key))
                _file_scoped(groups, name_fold(key), _CITY_READING, (article_id, key), mentions)
                continue
            namesake = namesake_of.get(key)
            if namesake is None:
                namesake = namesake_of[key] = name_fold(key) in _NAMESAKE_STATE_FOLDS
            if namesake:
                reading = _country_or_state(key, local, places.of(article_id))
                if reading is not None:
                    folds.setdefault(key, fold_name(key))
                    read = _reading_group(groups, name_fold(key), reading, article_id)
                    read.clusters.append((article_id, key))
                    read.sizes.append(len(mentions))
                    read.mentions += mentions
                    continue
            city = stationed.get(key)
            if city is not None:
                folds.setdefault(key, fold_name(key))
                _file_scoped(groups, name_fold(key), f"in {city}", (article_id, key), mentions)
                continue
            country = qualified.get(key)
            if country is not None and _scope(key, name_fold(key), mentions) is None:
                # (a body every state has, or one of many alike, keeps its own scope)
                folds.setdefault(key, fold_name(key))
                _file_scoped(
                    groups, name_fold(key), country, (article_id, key), mentions, qualified=True
                )
                continue
            group = by_key.get(key)  # names that are never scoped, once seen
            if group is None:
                fold = keys_folded.get(key)
                if fold is None:
                    fold = keys_folded[key] = name_fold(key)
                    folds.setdefault(key, fold_name(key))
                if fold != folds[key] and " of " in folds[key] and not _placed_labels(mentions):
                    fold = body_fold(key, folds[key])  # "Islamic State of Iraq" tagged ORG
                scoped = _scope(key, fold, mentions)
                if scoped is not None:
                    group = _scoped_group(groups, fold, scoped, article_id, places, mentions)
                else:
                    group = groups.get(fold)
                    if group is None:
                        group = groups[fold] = _Group(fold)
                    if (" " in key.strip() or is_acronym(key) and fold != folds[key]) and (
                        keys_folded[key] == folds[key] or " of " not in folds[key]
                    ):  # a one-word name's or an acronym's scope, and a formal state name,
                        # depend on labels
                        by_key[key] = group
            group.clusters.append((article_id, key))
            group.sizes.append(len(mentions))
            group.mentions += mentions
    return groups, folds, order


def _keep_namesake_states_apart(groups: dict[str, _Group], places: _ArticleCountries) -> None:
    """A US state's bare name where the folder also names its namesake city in full ("New
    York" beside "New York City") is the city in one story ("the UN headquarters in New
    York") and the state in another ("Saratoga Springs, New York"): nothing in the name says
    which, so each article's bare name is an actor of that article only, joined to neither.
    Listed with other states ("Ohio, Texas and Washington") it is the state: those stay
    one actor. A state's name read as the city (`_read_as_city`) is not this group and
    still joins it."""
    cities = _namesake_cities(groups)
    for fold in [g.fold for g in groups.values() if g.scope is None and g.fold in _US_STATE_FOLDS]:
        if fold not in cities:
            continue
        group = groups.pop(fold)
        start = 0
        for (article_id, key), size in zip(group.clusters, group.sizes, strict=True):
            listed = _listed_with_states(places.mentions(article_id), key)
            gkey = fold if listed else f"{fold}@#{article_id}"
            own = groups.get(gkey)
            if own is None:
                own = groups[gkey] = _Group(fold, scope=None if listed else f"#{article_id}")
            own.clusters.append((article_id, key))
            own.sizes.append(size)
            own.mentions += group.mentions[start : start + size]
            start += size


#: Characters between two names listed one after the other (", ", " and ", ", and ").
_LIST_GAP = 6


def _listed_with_states(mentions: tuple[Mention, ...], key: str) -> bool:
    """A mention of the cluster `key` stands in a list next to another US state's name
    ("Missouri, North Dakota, and Washington"), read from the offsets alone."""
    for i, mention in enumerate(mentions):
        if mention.key != key:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(mentions) or mentions[j].key == key:
                continue
            other = mentions[j]
            gap = other.start - mention.end if j > i else mention.start - other.end
            if 0 < gap <= _LIST_GAP and name_fold(other.key) in _US_STATE_FOLDS:
                return True
    return False


def _namesake_cities(groups: dict[str, _Group]) -> dict[str, str]:
    """US state name -> the group of its namesake city named in full, a place: the state's
    name and "City" ("New York City"), or its name and an abbreviation ("Washington, D.C.")."""
    cities: dict[str, str] = {}
    for gkey, group in groups.items():
        head, _, last = group.fold.rpartition(" ")
        if group.scope is not None or head not in _US_STATE_FOLDS:
            continue
        if last == _CITY or any(is_acronym(k.split()[-1]) for k in group.keys or _keys(group)):
            if _placed_labels(group.mentions) and (last == _CITY or head not in cities):
                cities[head] = gkey
    return cities


def _keys(group: _Group) -> set[str]:
    """The cluster keys of a group whose votes are not counted yet."""
    return {key for _article, key in group.clusters}


def _read_as_city(key: str, local: dict[str, list[Mention]]) -> bool:
    """A US state's name in a story that names other countries but nothing American ("London
    and New York concerts" in a British drummer's obituary) is its namesake city, as such
    stories use it; also where another country's names outnumber American ones two to one
    (a story about Delhi's trade that cites the US once: "displeasure in Washington"). Not
    where the story names the city in full itself ("New York City" ... "Queens, New York")
    or mostly American places ("Jerrold Nadler of New York")."""
    fold = name_fold(key)
    others = countries_named(fold_name(m.text) for k, ms in local.items() if k != key for m in ms)
    american = others.pop(_UNITED_STATES, 0)
    return (
        bool(others)
        and american * 2 < max(others.values())
        and not any(name_fold(k) == f"{fold} {_CITY}" for k in local)
    )


def _reading_group(
    groups: dict[str, _Group], fold: str, reading: str, article_id: str
) -> _Group:
    """The group of a country's name read as the country (its plain group), as its namesake
    US state, or as its article's own place (`_country_or_state`)."""
    scope = None if reading == "country" else (
        _STATE_READING if reading == "state" else f"#{article_id}"
    )
    gkey = fold if scope is None else f"{fold}@{scope}"
    group = groups.get(gkey)
    if group is None:
        group = groups[gkey] = _Group(fold, scope=scope)
    return group


def _file_scoped(
    groups: dict[str, _Group],
    fold: str,
    scope: str,
    cluster: tuple[str, str],
    mentions: list[Mention],
    *,
    qualified: bool = False,
) -> None:
    """File an in-article cluster under the group of `fold` in `scope` ("<fold>@<scope>"),
    made on first use: a city's reading of a state's name, a mission in its city, a body of a
    named country."""
    gkey = f"{fold}@{scope}"
    group = groups.get(gkey)
    if group is None:
        group = groups[gkey] = _Group(fold, scope=scope, qualified=qualified)
    group.clusters.append(cluster)
    group.sizes.append(len(mentions))
    group.mentions += mentions


#: Last words of a state's missions: it has one in many cities, each its own body.
_MISSION_WORDS = frozenset(fold_name(w) for w in ("embassy", "consulate", "legation"))
_IN_GAP = len(" in ")


def _stationed_in(analysis: ArticleAnalysis) -> dict[str, str]:
    """In-article clusters of a mission the article writes with its city ("the Ruritanian
    Embassy in Norden"): cluster key -> that place, folded. The same state's embassy in another
    city is another body, which no story naming each in its city should join. Read from the
    mentions' offsets, as `_country_qualified` (a place four characters on: " in ", " at ")."""
    found: dict[str, str] = {}
    before: Mention | None = None
    for mention in analysis.mentions:
        if (
            before is not None
            and mention.label in _PLACE_LABELS
            and mention.start - before.end == _IN_GAP
            and fold_name(before.key).rpartition(" ")[2] in _MISSION_WORDS
        ):
            found.setdefault(before.key, fold_name(mention.text))
        before = mention
    return found


def _country_qualified(
    analysis: ArticleAnalysis, local: dict[str, list[Mention]]
) -> dict[str, str]:
    """In-article clusters of a body's name that the article writes right after a country's
    name, at least twice ("a Kenya Red Cross spokesman ... the Kenya Red Cross have access",
    which the model read as "Kenya" and "Red Cross"): cluster key -> that country. The name is
    then that country's branch or body, not the one a story elsewhere names alone. Read from
    the mentions' offsets alone (the store merges without the text): once is no name's word
    but maybe a title's end ("First Minister of Scotland Ana Quill"). Not a person's name
    (every mention tagged as someone, or introduced with a role), nor a place's."""
    found: dict[str, tuple[str, int]] = {}
    before: Mention | None = None
    for mention in analysis.mentions:
        if (
            before is not None
            and before.label == "GPE"
            and mention.start - before.end == 1
            and mention.text[:1].isupper()
        ):
            country = fold_name(before.text)
            if country in _COUNTRY_FOLDS:
                seen, times = found.get(mention.key, (country, 0))
                found[mention.key] = (seen, times + 1 if seen == country else times)
        before = mention
    for key, country in _bare_branch_names(local).items():
        found[key] = (country, 2)
    return {
        key: country
        for key, (country, times) in found.items()
        if times >= 2
        and any(m.label not in _PLACE_LABELS and m.label != "PERSON" for m in local[key])
        and not _placed_labels(local[key])
        and not any(m.role for m in local[key])
    }


def _bare_branch_names(local: dict[str, list[Mention]]) -> dict[str, str]:
    """In-article clusters of a body's bare name where the article also names the body with a
    country before it, as one name ("the Kenya Red Cross Society ... The Red Cross says"):
    cluster key -> that country, as when the model splits the country off."""
    found: dict[str, str] = {}
    for longer, mentions in local.items():
        if any(m.label in _PLACE_LABELS or m.label == "PERSON" for m in mentions):
            continue
        words = longer.split()
        for n in range(1, min(3, len(words) - 1) + 1):
            country = fold_name(" ".join(words[:n]))
            if country not in _COUNTRY_FOLDS:
                continue
            rest = " ".join(words[n:])
            for key in local:
                if key != longer and (rest == key or rest.startswith(f"{key} ")):
                    found.setdefault(key, country)
            break
    return found


def _country_or_state(
    key: str, local: dict[str, list[Mention]], country: str | None
) -> str | None:
    """Which place a name that a country and a US state share ("Georgia") is in one article:
    the state where the article names American places (other states, "U.S.") more than any
    other country, the country where the article is about it (its headline, its demonym,
    most of its mentions), else neither: that article's own place, joined to no other
    story's. None for a cluster that is no place (a person's or a body's name)."""
    if not _placed_labels(local[key]):
        return None
    fold = name_fold(key)
    named = countries_named(
        fold_name(m.text) for k, ms in local.items() if k != key for m in ms
    )
    american = named.pop(_UNITED_STATES, 0)
    named.pop(fold, None)
    if american and american > max(named.values(), default=0):
        return "state"
    if country == fold:
        return "country"
    return "article"


def _bare_acronym(key: str, fold: str, mentions: list[Mention]) -> bool:
    """An organisation's acronym its article never spells out ("ABC" reported): the letters
    say nothing of which country's body it is. Not a place ("US"), nor a body above countries
    ("UN", "NATO"), which are one body wherever they are named."""
    return (
        is_acronym(key)
        and fold == fold_name(key)
        and fold not in SUPRANATIONAL_WORDS
        and not _placed_labels(mentions)
        and all(is_acronym(m.text) for m in mentions)
    )


def _placed_labels(mentions: list[Mention]) -> bool:
    """Some mention of the cluster is tagged as a place."""
    return any(m.label in _PLACE_LABELS for m in mentions)


def _scoped_group(
    groups: dict[str, _Group],
    fold: str,
    scoped: tuple[str, bool],
    article_id: str,
    places: _ArticleCountries,
    mentions: list[Mention],
) -> _Group:
    """The group of a scoped name in this article's scope: its country's (an article naming no
    country more than another keeps it to itself) or the article's own."""
    where, body = scoped
    country = None
    if where == "country":
        country = places.body_scope(article_id, fold, mentions) if body else places.of(article_id)
    scope = country or f"#{article_id}"
    gkey = f"{fold}@{scope}"
    group = groups.get(gkey)
    if group is None:
        acronym = where == "country" and not body
        group = groups[gkey] = _Group(fold, scope=scope, body=body, acronym=acronym)
    return group


def _count(group: _Group, folds: dict[str, str]) -> None:
    """A group's surface forms, cluster labels and type vote, in bulk (no per-mention Python)."""
    texts = group.texts = list(map(_TEXT, group.mentions))
    labels = list(map(_LABEL, group.mentions))
    votes = group.votes = Counter(labels)
    per_key = Counter(map(_KEY, group.clusters))
    majority = max(votes, key=lambda label: (votes[label], label))
    for key, articles in per_key.items():
        group.keys[key] = _KeyStats(articles, 0, majority)
    if len(per_key) == 1:
        group.keys[group.clusters[0][1]].mentions = len(labels)
    else:
        for (_article, key), size in zip(group.clusters, group.sizes, strict=True):
            group.keys[key].mentions += size
    # A cluster whose mentions disagree votes once, with its own label (see _cluster_label).
    changes = list(compress(range(1, len(labels)), map(ne, labels[1:], labels[:-1])))
    if changes:
        bounds = list(accumulate(group.sizes))
        edges = set(bounds)
        for index in sorted({bisect_right(bounds, i) for i in changes if i not in edges}):
            start = bounds[index - 1] if index else 0
            end = bounds[index]
            key = group.clusters[index][1]
            label = _cluster_label(key, texts[start:end], labels[start:end])
            votes.subtract(labels[start:end])
            votes[label] += end - start
            group.keys[key].label = label
    _finish_group(group, texts, folds)


def _person_core(fold: str) -> list[str]:
    """A person's folded name words without a generational suffix."""
    words = fold.split()
    return words[:-1] if len(words) > 1 and words[-1] in SUFFIXES else words


def _join_short_forms(
    groups: dict[str, _Group], sets: UnionFind[str], places: _ArticleCountries
) -> None:
    """A bare name used elsewhere as the short form of exactly one actor joins it ("Putin",
    "Guo", "US"). A person's first name alone never does ("Tony" is not "Tony Mendez" from
    another article) unless the writers use it as the surname: it is the short form there and
    the last name never stands alone (surname first, "Guo Shengkun" -> "Guo"). A body named
    without saying whose ("Air Force") joins only a longer name used in its scope (not the
    "United States Air Force" from an American story when its own story is Iranian). A
    surname its own article kept apart from the namesake it names in full ("Senator Kennedy"
    beside "Rep. Patrick Kennedy") is someone that article never names in full: no other
    article's namesake either. A bare place name that begins two different places named in
    full ("Gaza": "Gaza City", "Gaza Strip") is either: it joins none of them."""
    short_of: dict[str, set[str]] = {}
    begun: dict[str, set[str]] = {}  # a bare name -> the named places whose names begin with it
    surnames: set[tuple[str, str]] = set()  # (article id, surname) of people named in full
    opened: dict[str, set[str]] = {}  # a word -> the longer names of any kind it begins
    # a body's short forms (`_body_short_forms`): for bodies only ("George Washington" is no
    # short form of the university named after him)
    body_short_of: dict[str, set[str]] = {}
    for gkey, group in groups.items():
        fold = group.fold
        first, space, _rest = fold.partition(" ")
        if space and first:
            opened.setdefault(first, set()).add(gkey)
        for form in group.forms:
            if form != fold and form:
                short_of.setdefault(form, set()).add(gkey)
        if group.kind == "organization":
            for body_short in _body_short_forms(fold):
                body_short_of.setdefault(body_short, set()).add(gkey)
        if group.kind == "person":
            core = _person_core(fold)
            if len(core) >= 2:
                short_of.setdefault(core[-1], set()).add(gkey)
                surnames.update((article, core[-1]) for article, _key in group.clusters)
        elif group.kind == "place" and any(_capitalised_tail(k) for k in group.keys):
            # "Abaco Islands" in one article, "Abaco" in another (not "Mexico City"/"Mexico",
            # nor "Pacific island" / "Pacific")
            short = short_place_name(fold)
            if short and short not in _STATE_FOLDS and not _names_a_division(fold):
                short_of.setdefault(short, set()).add(gkey)
            words = fold.split()
            for n in range(1, len(words)):
                begun.setdefault(" ".join(words[:n]), set()).add(gkey)
    for gkey in sorted(groups):
        group = groups[gkey]
        fold, kind = group.fold, group.kind
        if " " not in fold and any((a, fold) in surnames for a, _key in group.clusters):
            continue  # its own article kept it apart from the namesake it names in full
        if len({sets.find(t) for t in begun.get(fold, ())}) > 1:
            continue  # "Gaza" where the folder names "Gaza City" and the "Gaza Strip": either
        if " " not in fold and not group.body and fold in opened:
            # (a body every state has, "Parliament" of a British story, its scope picks)
            targets_begun = _begun_by(group, opened[fold], groups, sets)
            if targets_begun is not None:
                begun_targets = {t for t in short_of.get(fold, ()) if t in opened[fold]}
                if begun_targets - targets_begun:
                    continue  # a word that begins several actors' names, context picks none
        candidates = short_of.get(fold, set())
        if kind == "organization":
            candidates = candidates | body_short_of.get(fold, set())
        targets = {
            t
            for t in candidates
            if groups[t].fold != fold
            and (_compatible(kind, groups[t].kind) or _placed(group, groups[t]))
            and not _first_name_only(fold, groups[t])
            and _surname_fits(group, groups[t])
            and not _qualifier_dropped(fold, groups[t].fold)
            and not _named_thing_of(group, groups[t])
            and _within_scope(group, groups[t], places)
            and not (groups[t].kind == "person" and _a_country_written_as_one(group))
        }
        if len(targets) > 1:
            plain = {t for t in targets if groups[t].fold.split()[-1] not in SUFFIXES}
            targets = plain or targets
        targets = _by_title(group, targets, groups, sets)
        if len({sets.find(t) for t in targets}) == 1:  # one actor, however many spellings
            sets.union(gkey, min(targets))


_BODY_TAIL_FOLDS = frozenset(fold_name(w) for w in BODY_TAILS)


def _body_short_forms(fold: str) -> list[str]:
    """Short forms a body's folded name is written in elsewhere: without its body word ("house
    finance" of "house finance committee", three words or more) and without the word joined
    by "and" ("foreign office" of "foreign and commonwealth office")."""
    words = fold.split()
    out = []
    if len(words) >= 3 and words[-1] in _BODY_TAIL_FOLDS and "of" not in words:
        out.append(" ".join(words[:-1]))
    if "and" in words[1:-2]:
        i = words.index("and", 1)
        out.append(" ".join(words[:i] + words[i + 2 :]))
    return out


def _begun_by(
    short: _Group, longer: set[str], groups: dict[str, _Group], sets: UnionFind[str]
) -> set[str] | None:
    """A bare word that begins the names of several actors ("Fukushima" of a prefecture and
    of a power plant, "Tesco" of a shop chain and of its Polish arm, a sea and a record label)
    names any of them: it joins one only where its context picks it, else none. Its own
    article names that one in full, or the bare name's type is that one's alone. Returns the
    groups it may join (empty: none), or None when the word begins one actor's names only.
    """
    roots: dict[str, set[str]] = {}
    for gkey in longer:
        roots.setdefault(sets.find(gkey), set()).add(gkey)
    if len(roots) < 2:
        return None
    articles = {article for article, _key in short.clusters}
    named = [
        root
        for root, gkeys in roots.items()
        if any(article in articles for g in gkeys for article, _key in groups[g].clusters)
    ]
    if len(named) != 1:
        named = [
            root
            for root, gkeys in roots.items()
            if any(groups[g].kind == short.kind for g in gkeys)
        ]
    if len(named) != 1:
        return set()
    return roots[named[0]]


#: Generic words of an administrative division's name: "County Galway", "Fukushima
#: Prefecture", "Khost Province", "Quebec City".
_DIVISION_WORDS = frozenset(
    fold_name(w)
    for w in "city county province district region parish prefecture municipality governorate"
    .split()
)


def _names_a_division(fold: str) -> bool:
    """A place's name is a division's, named after its seat or its region ("County Galway",
    "Quebec City"): the bare name ("Galway", "Quebec") is as often the town or the province,
    so it names the division only in a story that uses it so (an alias there), never on the
    strength of the words alone. Islands and mountains have no such namesake: "Abaco" is
    the "Abaco Islands" wherever it is named."""
    words = fold.split()
    return len(words) > 1 and (words[-1] in _DIVISION_WORDS or words[0] in _DIVISION_WORDS)


def _join_city_readings(groups: dict[str, _Group], sets: UnionFind[str]) -> None:
    """A state's name read as its namesake city (`_read_as_city`) is that city where the
    folder names it in full ("New York City", "Washington, D.C."); else it is the state after
    all."""
    cities = _namesake_cities(groups)
    for gkey, group in groups.items():
        if group.scope == _CITY_READING:
            city = cities.get(group.fold)
            if city is not None and groups[city].kind == "place":
                sets.union(gkey, city)
            elif group.fold in groups:
                sets.union(gkey, group.fold)


def _join_acronyms_by_country(
    groups: dict[str, _Group], sets: UnionFind[str], places: _ArticleCountries
) -> None:
    """An acronym no article spells out is one body across stories that name a country in
    common ("NASA" of an American story and of an Israeli one that names the United States),
    not across stories that share none (America's "ABC" and Australia's, cited by a Tongan
    story). Stories of no country join only where the others are all one body."""
    alike: dict[str, list[str]] = {}
    for gkey, group in groups.items():
        if group.acronym:
            alike.setdefault(group.fold, []).append(gkey)
    for gkeys in alike.values():
        named = {
            g: frozenset().union(*(places.named(a) for a, _key in groups[g].clusters))
            for g in gkeys
        }
        placed = [g for g in gkeys if named[g]]
        for i, one in enumerate(placed):
            for other in placed[i + 1 :]:
                if named[one] & named[other]:
                    sets.union(other, one)
        if len({sets.find(g) for g in placed}) <= 1:
            for other in gkeys:
                sets.union(other, gkeys[0])


def _join_bodies_to_their_country(groups: dict[str, _Group], sets: UnionFind[str]) -> None:
    """A body named alone in stories about one country is that country's body named in full
    ("Senate" in American stories is the "U.S. Senate"; "Supreme Court of the United States",
    "US Supreme Court" and "United States Supreme Court" are one court); in stories about one
    state or province, that one's ("Senate" in stories headlined on Ohio is the "Ohio
    Senate")."""
    full: dict[tuple[str, str], list[str]] = {}
    for gkey, group in groups.items():
        if group.scope is None and " " in group.fold:
            split = without_country(group.fold) or without_division(group.fold)
            if split is not None and body_scope(split[0]) == "country":
                full.setdefault(split, []).append(gkey)
    if not full:
        return
    for gkey, group in groups.items():
        if group.body and group.scope is not None and not group.scope.startswith("#"):
            full.setdefault((group.fold, group.scope), []).append(gkey)
    for same in full.values():
        for other in same[1:]:
            sets.union(other, same[0])


def _join_names_with_their_country(
    groups: dict[str, _Group], sets: UnionFind[str], places: _ArticleCountries
) -> None:
    """An organisation's name with its country written two ways is one body ("U.S. Geological
    Survey", "United States Geological Survey"), and the name without the country is that
    body in stories about that country only ("Environmental Protection Agency" in American
    stories; the same words in a story about another country name no American body). Not a
    name of one word beside its country: a country has many an "Embassy", in many cities."""
    full: dict[tuple[str, str], list[str]] = {}
    for gkey, group in groups.items():
        if group.scope is None and group.kind == "organization" and " " in group.fold:
            split = without_country(group.fold)
            if split is not None and " " in split[0]:
                full.setdefault(split, []).append(gkey)
    if not full:
        return
    for same in full.values():
        for other in same[1:]:
            sets.union(other, same[0])
    rests = {rest for rest, _country in full}
    for gkey, group in groups.items():
        if group.scope is not None or group.kind != "organization" or group.fold not in rests:
            continue
        countries = {places.of(a) for a, _key in group.clusters}
        country = countries.pop() if len(countries) == 1 else None
        found = full.get((group.fold, country)) if country is not None else None
        if found:
            sets.union(gkey, found[0])


def _names_other_level(scope: str, fold: str) -> bool:
    """A longer name says it is the body of another level than `scope`: the nation's ("United
    States Supreme Court") for a state's body named alone ("the state's Supreme Court"), a
    state's or a nation's of a union ("Wisconsin Supreme Court", "Scottish Parliament") for the
    nation's."""
    if "/" in scope:
        return without_country(fold) is not None
    return without_division(fold) is not None or names_division(fold)


def _capitalised_tail(name: str) -> bool:
    """The name's first and last words are capitalised: its generic word is part of the name
    ("Abaco Islands", "County Mayo"), not a description ("Pacific island")."""
    words = name.split()
    return len(words) > 1 and words[0][:1].isupper() and words[-1][:1].isupper()


def _within_scope(short: _Group, target: _Group, places: _ArticleCountries) -> bool:
    """A scoped body's short name names `target` only where its scope holds: `target` is used
    in the same article, or in an article about the same country. A surname alone ("Mack" in a
    story from New Hampshire) names the one person of that surname named in full elsewhere
    ("Kitty Mak" of Hong Kong) only when their stories name a country in common (or either
    names none), or a role of theirs shares a word with its own ("President")."""
    if short.body and short.scope is not None:
        if short.scope.startswith("#"):
            article = short.scope[1:]
            return any(a == article for a, _key in target.clusters)
        if _names_other_level(short.scope, target.fold):
            return False
        return any(places.scope_of(a, short.scope) for a, _key in target.clusters)
    if short.acronym and short.scope is not None and not short.scope.startswith("#"):
        # spelled out in a story of another country: another body with the same letters
        homes = {places.of(a) for a, _key in target.clusters} - {None}
        supranational = any(w in SUPRANATIONAL_WORDS for w in target.fold.split())
        return not homes or short.scope in homes or supranational
    if target.kind == "place" and target.fold not in _STATE_FOLDS:
        return _same_country(short, target, places)
    if target.kind != "person" or " " in short.fold:
        return True
    if not _spelled_alike(short, target):
        return False
    own = frozenset().union(*(places.named(a) for a, _key in short.clusters))
    theirs = frozenset().union(*(places.named(a) for a, _key in target.clusters))
    if _other_home(short, own, target, theirs, places):
        return bool(_role_words(short) & _role_words(target))
    if not own or not theirs or own & theirs:
        return True  # nothing says they are apart
    return bool(_role_words(short) & _role_words(target))


def _other_home(
    short: _Group,
    own: frozenset[str],
    target: _Group,
    theirs: frozenset[str],
    places: _ArticleCountries,
) -> bool:
    """The stories of a surname alone and of the full name are each about a country the
    other's never names (a Yemeni story's "Omar", a Kenyan story's "Hassan Omar"): a country
    both merely cite (the United States, named by most news) does not make them one person's."""
    homes = {places.of(a) for a, _key in short.clusters}
    their_homes = {places.of(a) for a, _key in target.clusters}
    if None in homes or None in their_homes:
        return False
    return not (homes & theirs or their_homes & own)


def _same_country(short: _Group, target: _Group, places: _ArticleCountries) -> bool:
    """A place's short name ("Santa Cruz") names a longer one of other stories ("Santa Cruz
    Island") only where nothing says they are apart: one story names it, or their stories
    name a country in common, or either names none. Many towns, islands and rivers share a
    name; a Chilean story's "Santa Cruz" is not a Californian island."""
    own = {a for a, _key in short.clusters}
    theirs = {a for a, _key in target.clusters}
    if own & theirs:
        return True
    named_own = frozenset().union(*(places.named(a) for a in own))
    named_theirs = frozenset().union(*(places.named(a) for a in theirs))
    return not named_own or not named_theirs or bool(named_own & named_theirs)


def _spelled_alike(short: _Group, target: _Group) -> bool:
    """A surname alone is written as `target` writes it (accents and case aside): folding
    evens out transliterations of a full name ("Zelensky" / "Zelenskyy"), but a bare "Le" or
    "Mack" is not "Lee" or "Mak" from another story."""
    own = {_plain(k) for k in short.keys}
    theirs = {_plain(t) for t in target.texts}
    last = [k.split()[-1] for k in target.keys if k.split()]
    theirs |= {_plain(w) for w in last} | {_plain(w.rsplit("-", 1)[-1]) for w in last}
    return bool(own & theirs)  # "Assad" of "Bashar al-Assad" too


def _plain(word: str) -> str:
    """Lower case without accents or punctuation (no transliteration folding)."""
    text = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in text if c.isalnum())


def _join_namesakes_by_role(
    groups: dict[str, _Group], sets: UnionFind[str], places: _ArticleCountries
) -> None:
    """People named by one word in several articles ("Francis") are one person where their
    roles share a word ("Pope Francis"); without that, two articles' "Elizabeth" are two
    people (a daughter in one obituary, a wife in another). A word that other articles use as
    something else ("Twitter", "Bermuda", "Frexit") is that thing where the model took it for
    someone no title introduces ("Police Chief Allen" is not the town of Allen), unless it is
    the short of a given name its article writes in full ("Jon" of "Jonas Berg")."""
    alone: dict[str, list[str]] = {}
    for gkey, group in groups.items():
        if (
            group.scope is not None
            and not (group.body or group.acronym or group.qualified)
            and group.kind == "person"
        ):
            alone.setdefault(group.fold, []).append(gkey)
    for fold, gkeys in alone.items():
        roles = [(g, _role_words(groups[g])) for g in sorted(gkeys)]
        if fold in groups:  # some article's cluster of that word is mostly not a person
            for gkey, _words in roles:
                if not _titled(groups[gkey]) and not _given_name_short(groups[gkey], places):
                    sets.union(gkey, fold)
        for i, (one, words) in enumerate(roles):
            for other, theirs in roles[i + 1 :]:
                if words & theirs:
                    sets.union(other, one)


def _given_name_short(group: _Group, places: _ArticleCountries) -> bool:
    """The word begins the given name of someone its article names in full ("Jon", where the
    story names "Jonas Berg"): a familiar short of that name, no other thing's name."""
    fold = group.fold
    for article, _key in group.clusters:
        for m in places.mentions(article):
            words = fold_name(m.text).split()
            if m.label == "PERSON" and len(words) > 1 and words[0] != fold:
                if words[0].startswith(fold):
                    return True
    return False


def _titled(group: _Group) -> bool:
    """Someone in the group is introduced with a title ("Police Chief", "Pope")."""
    return any(
        w in HONORIFICS for m in group.mentions if m.role for w in m.role.lower().split()
    )


#: Courtesy titles: they say someone is a person, not which one ("Mr Jackson").
_COURTESY = frozenset("mr mrs ms miss mx dr mme mlle madame monsieur herr frau sir dame".split())


def _surname_fits(short: _Group, target: _Group) -> bool:
    """A word alone names a person named in full in other articles only where its own
    articles take it for someone (a mention tagged as a person, or a role): not the planet
    "Saturn" of an astronomy story, nor the journal "Science"."""
    if target.kind != "person" or " " in short.fold:
        return True
    return any(m.label == "PERSON" or m.role not in (None, *DIVISION_ROLES) for m in short.mentions)


def _by_title(
    short: _Group, targets: set[str], groups: dict[str, _Group], sets: UnionFind[str]
) -> set[str]:
    """The people a word alone may name, by the title it carries: of several ("Trump" of
    Donald and of Melania Trump) the one whose title shares a word with it ("President
    Trump"), none if no title does; of one, not if both have titles that share no word
    ("Judge Jackson" is not the President Andrew Jackson)."""
    if " " in short.fold or not targets or any(groups[t].kind != "person" for t in targets):
        return targets
    own = _role_words(short) - _COURTESY
    shared = {t for t in targets if own & _role_words(groups[t])}
    ranks = _ranks(short)
    if ranks:  # "Captain Ruiz": only someone another story gives that rank too
        return {t for t in targets if ranks & _ranks(groups[t])}
    if len({sets.find(t) for t in targets}) > 1:
        return shared
    return {t for t in targets if t in shared or not own or not _role_words(groups[t])}


def _ranks(group: _Group) -> set[str]:
    """Ranks written as titles ("Captain", "Sgt."), capitalised: a rank names someone of a
    force, as no description does ("team captain")."""
    return {
        fold_name(w)
        for m in group.mentions
        if m.role
        for w in m.role.split()
        if w[:1].isupper() and fold_name(w) in RANKS
    }


def _qualifier_dropped(short: str, full: str) -> bool:
    """`short` is `full` without its "of ..." part ("Parliament" of "Parliament of New South
    Wales"): a kind of institution, which the "of" part tells apart, so it names that one only
    in the article that spells it out, not in another ("Parliament" in a British story)."""
    return full.startswith(short + " of ")


#: Words that end a body's or a place's name without naming another thing: "Harvard" is the
#: "Harvard University", "Acme" the "Acme Corporation", "Heathrow" the "Heathrow Airport" (and
#: a company's trade words, as `entities` reads "Ford Motor Company" for "Ford").
_GENERIC_TAIL = frozenset(fold_name(w) for w in (*ORG_WORDS, *PLACE_TAILS)) | frozenset(
    fold_name(w)
    for w in """international incorporated limited co plc ag sa gmbh holdings motor motors
    airlines airline airways air records studios pictures media entertainment industries
    technologies labs laboratories pharmaceuticals""".split()
)


def _named_thing_of(short: _Group, target: _Group) -> bool:
    """`target`'s name is `short`'s followed by proper words of its own ("Red Hat Enterprise
    Linux", "Falcon Heavy", "GitHub Trust"): a product, a branch or a model of the body `short`
    names, not that body (a story writing both keeps them apart itself). A generic tail ("Harvard
    University", "Acme Corporation") only says what `short` is, and a person's name goes by
    the rules for names."""
    if target.kind == "person" or not target.fold.startswith(short.fold + " "):
        return False
    return not all(w in _GENERIC_TAIL for w in target.fold[len(short.fold) + 1 :].split())


def _first_name_only(short: str, target: _Group) -> bool:
    """`short` is the given name of the person `target`, not their surname."""
    if target.kind != "person" or " " in short:
        return False
    core = _person_core(target.fold)
    if len(core) < 2 or core[0] != short or core[-1] == short:
        return False
    return core[-1] in target.forms  # the surname stands alone somewhere: `short` is a first name


#: A one-letter word of a folded name: an initial ("John R. Bolton").
_INITIAL = re.compile(r"^[a-z]$")
#: Role words too common to tell two people apart.
_ROLE_STOP = frozenset({"the", "of", "a", "an", "and", "for", "former", "us", "u", "s", "then"})


def _join_middle_names(groups: dict[str, _Group], sets: UnionFind[str]) -> None:
    """"Robert Gabriel Mugabe" is "Robert Mugabe": a person's name with middle names joins the
    one person written with the same first and last name. A middle initial alone also tells
    people apart ("George W. Bush"), so "John R. Bolton" joins "John Bolton" only when their
    roles share a word."""
    people = {fold for fold, group in groups.items() if group.kind == "person"}
    shorter: dict[str, set[str]] = {}
    for fold in people:
        core = _person_core(fold)
        if len(core) >= 3 and not _INITIAL.match(core[0]) and not _INITIAL.match(core[-1]):
            shorter.setdefault(f"{core[0]} {core[-1]}", set()).add(fold)
    for short, longer in sorted(shorter.items()):
        if short not in people or len(longer) != 1:
            continue
        full = next(iter(longer))
        middles = _person_core(full)[1:-1]
        if any(_INITIAL.match(w) for w in middles) and not (
            _role_words(groups[full]) & _role_words(groups[short])
        ):
            continue
        sets.union(full, short)


def _join_reversed_names(
    groups: dict[str, _Group], sets: UnionFind[str], places: _ArticleCountries
) -> None:
    """"Vorn Dara" is "Dara Vorn": a two-word name written family name first in one story
    (Khmer, Hungarian, East Asian order) and given name first in another is one person, when
    the stories name a country in common (a "Li Wang" and a "Wang Li" of unrelated stories may
    be two people)."""
    people = {
        fold: core
        for fold, group in groups.items()
        if group.kind == "person"
        and group.scope is None
        and len(core := _person_core(fold)) == 2
        and not any(_INITIAL.match(w) for w in core)
    }
    for fold, (first, last) in sorted(people.items()):
        other = f"{last} {first}"
        if other <= fold or other not in people:
            continue  # each pair once, from its first fold
        mine = frozenset().union(*(places.named(a) for a, _key in groups[fold].clusters))
        theirs = frozenset().union(*(places.named(a) for a, _key in groups[other].clusters))
        if mine & theirs:
            sets.union(other, fold)


def _role_words(group: _Group) -> set[str]:
    words = {w for m in group.mentions if m.role for w in fold_name(m.role).split()}
    return words - _ROLE_STOP


def _party_words_by_country(groups: dict[str, _Group], places: _ArticleCountries) -> None:
    """A word that a party's name begins ("Labour" where the folder names a "Labour Party")
    is that party of its story's country: its clusters are grouped by the country of their
    story (`fold@country`), each joined to its own country's party by `_join_party_words`;
    a story about no one country keeps the plain group."""
    heads = set()
    for group in groups.values():
        head, _, last = group.fold.rpartition(" ")
        if head and last in PARTY_FOLDS:
            heads.add(head)
    for fold in sorted(heads):
        plain = groups.get(fold)
        if plain is None or plain.scope is not None:
            continue
        labels = Counter(map(_LABEL, plain.mentions)).most_common(1)
        if labels[0][0] not in ("NORP", "ORG"):
            continue  # no party's adjective ("Brexit" of the "Brexit Party" is the event)
        countries = [places.of(a) for a, _key in plain.clusters]
        if not any(countries):
            continue
        group = groups.pop(fold)
        start = 0
        for (article_id, key), size, country in zip(
            group.clusters, group.sizes, countries, strict=True
        ):
            gkey = fold if country is None else f"{fold}@{country}"
            own = groups.get(gkey)
            if own is None:
                own = groups[gkey] = _Group(fold, scope=country, by_country=True)
            own.clusters.append((article_id, key))
            own.sizes.append(size)
            own.mentions += group.mentions[start : start + size]
            start += size


def _join_party_words(
    groups: dict[str, _Group], sets: UnionFind[str], places: _ArticleCountries
) -> None:
    """A party's name without "Party" ("Labour", the adjective "Republican" of "Republican
    senators") is that party where the folder names "<name> Party" as a party of the country
    every story of the word is about (else one it names, or a story naming none): British
    stories' "Labour" is the British Labour Party, not Australia's or Norway's. Of several
    such parties, none."""
    parties: dict[str, list[str]] = {}
    for gkey, group in groups.items():
        head, _, last = group.fold.rpartition(" ")
        if head and last in PARTY_FOLDS and group.kind == "organization":
            parties.setdefault(head, []).append(gkey)
    for gkey, group in groups.items():
        found = parties.get(group.fold)
        if not found or group.kind not in ("group", "organization") or group.body:
            continue
        if group.scope is not None and (group.acronym or group.scope.startswith("#")):
            continue
        if any(m.role for m in group.mentions):
            continue
        homes = (
            [frozenset({group.scope})]
            if group.scope is not None
            else [places.named(a) for a, _key in group.clusters]
        )
        fits = {
            sets.find(p)
            for p in found
            if all(not h or _party_home(groups[p], places) & h for h in homes)
        }
        if len(fits) == 1:
            sets.union(gkey, fits.pop())
            group.party = True
    # the word's groups of countries without such a party stay one actor, as before the split
    first: dict[str, str] = {}
    for gkey, group in groups.items():
        if group.by_country and not group.party:
            plain = groups.get(group.fold)
            if plain is not None and not plain.party:
                first.setdefault(group.fold, group.fold)
            sets.union(gkey, first.setdefault(group.fold, gkey))


def _party_home(party: _Group, places: _ArticleCountries) -> frozenset[str]:
    """The countries a party is of: its scope's, else those its stories are about."""
    if party.scope is not None and not party.scope.startswith("#"):
        return frozenset({party.scope.partition("/")[0]})
    return frozenset(c for a, _key in party.clusters if (c := places.of(a)) is not None)


def _join_bare_acronyms_to_names(
    groups: dict[str, _Group], sets: UnionFind[str], places: _ArticleCountries
) -> None:
    """An organisation's acronym that no story spells out ("NPR reported") is the one body
    of the folder whose name it abbreviates ("National Public Radio", written in full in
    another story), where that body is of the acronym's country (or above countries): of
    three letters or more, and only where exactly one such body is named. Two letters
    abbreviate too many names, unless written with stops ("U.N."): a newsroom's
    abbreviation of a body it names often, not a code."""
    spelled: dict[str, set[str]] = {}
    for gkey, group in groups.items():
        if " " not in group.fold or group.kind != "organization":
            continue
        if group.scope is not None and group.scope.startswith("#"):
            continue
        for key in group.keys:
            for letters in {initials(key), _every_initial(key)}:
                if len(letters) >= 2:
                    spelled.setdefault(letters, set()).add(gkey)
    if not spelled:
        return
    for gkey, group in groups.items():
        if group.kind != "organization" or not all(is_acronym(k) for k in group.keys):
            continue
        spelling = {acronym_letters(k) for k in group.keys}
        if len(spelling) != 1:
            continue
        if len(next(iter(spelling))) < 3 and not all(k.count(".") >= 2 for k in group.keys):
            continue
        found = spelled.get(spelling.pop(), set())
        own = sets.find(gkey)
        targets = {
            t
            for t in found
            if any(acronym_matches(k, name) for k in group.keys for name in groups[t].keys)
            and _acronym_home(group, groups[t], places)
        }
        roots = {sets.find(t) for t in targets}
        if len(roots) == 1 and own not in roots:
            sets.union(gkey, min(targets))


def _every_initial(name: str) -> str:
    """The first letter of every word, minor ones too ("Voice of America" -> "VOA")."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()).upper()


def _acronym_home(short: _Group, target: _Group, places: _ArticleCountries) -> bool:
    """An acronym scoped to its stories' country names a body of that country, of no
    country, or above countries; one of no scope, any."""
    if not short.acronym or short.scope is None or short.scope.startswith("#"):
        return True
    homes = {places.of(a) for a, _key in target.clusters} - {None}
    supranational = any(w in SUPRANATIONAL_WORDS for w in target.fold.split())
    return not homes or short.scope in homes or supranational


def _join_acronym_expansions(
    groups: dict[str, _Group], folds: dict[str, str], sets: UnionFind[str]
) -> None:
    """"U.S. Navy" is "United States Navy" once "U.S." is known to stand for "United States"."""
    expands: dict[str, set[str]] = {}
    for fold, group in groups.items():
        if " " in fold and group.scope is None:
            for text in group.acronyms:
                expands.setdefault(folds[text], set()).add(fold)
    for fold in sorted(groups):
        if groups[fold].scope is not None:
            continue
        head, _, rest = fold.partition(" ")
        if rest and len(expands.get(head, ())) == 1:
            longer = f"{next(iter(expands[head]))} {rest}"
            if longer in groups and _compatible(groups[fold].kind, groups[longer].kind):
                sets.union(fold, longer)


def _join_acronym_heads(groups: dict[str, _Group], sets: UnionFind[str]) -> None:
    """A body's name that begins with an acronym is the name another story writes with the
    acronym spelled out before the same words ("ABC Radio Service" is "Alpha Broadcasting
    Company Radio Service"), when only one name of the folder does: the words after it say
    which body the letters belong to, even where no story defines the acronym. Three letters
    or more (two abbreviate too many names); bodies named everywhere alike, not scoped ones."""
    spelled: dict[tuple[str, str], set[str]] = {}
    heads: list[tuple[str, str, str]] = []
    for gkey, group in groups.items():
        if group.kind != "organization" or group.scope is not None:
            continue
        for key in group.keys:
            words = key.split()
            if is_acronym(words[0]):
                if len(words) > 1 and len(acronym_letters(words[0])) >= 3:
                    letters = acronym_letters(words[0])
                    heads.append((gkey, letters, fold_name(" ".join(words[1:]))))
                continue
            for k in range(2, len(words)):
                head, rest = " ".join(words[:k]), fold_name(" ".join(words[k:]))
                for letters in {initials(head), _every_initial(head)}:
                    if len(letters) >= 3:
                        spelled.setdefault((letters, rest), set()).add(gkey)
    for gkey, letters, rest in heads:
        targets = spelled.get((letters, rest), set())
        if len({sets.find(t) for t in targets}) == 1:
            sets.union(gkey, min(targets))


def _records(
    groups: dict[str, _Group],
    sets: UnionFind[str],
    order: dict[str, int],
    folds: dict[str, str],
    evidence: _Evidence,
) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """Actors from the merged groups, each with a unique id, and (article, key) -> actor id,
    in rank order (`core.ranking.actor_score`)."""
    merged: dict[str, list[_Group]] = {}
    for fold, group in groups.items():
        merged.setdefault(sets.find(fold), []).append(group)
    built = [_build(merged[root], order, folds) for root in sorted(merged)]
    actors: list[Actor] = []
    mapping: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    tried: dict[str, int] = {}  # per base id, the last suffix given (namesakes are many)
    built.sort(key=lambda item: (-_score(item[0], item[1], evidence), item[0].name, item[2]))
    for actor, parts, _first in built:
        # the id comes from the merged groups' own anchor key, never from a display name a
        # reader may later set (corrections rename without moving marks)
        base = aid = actor_id(_anchor(parts), actor.type)
        n = tried.get(base, 1)  # 1: the base itself
        if n > 1:
            aid = f"{base}-{n}"
        while aid in used:
            n += 1
            aid = f"{base}-{n}"
        tried[base] = n
        used.add(aid)
        actors.append(Actor(aid, actor.name, actor.type, actor.aliases, actor.role, actor.mentions))
        for group in parts:
            mapping.update(dict.fromkeys(group.clusters, aid))
    return actors, mapping


def _score(actor: Actor, parts: list[_Group], evidence: _Evidence) -> float:
    clusters = [c for group in parts for c in group.clusters]
    articles = {article for article, _key in clusters}
    words = fold_name(actor.name).split()
    person = actor.type == "person"
    headlines = sum(
        1 for a in articles if named_in(evidence.headlines.get(a, frozenset()), words, person)
    )
    positions = counted_positions(evidence.positions.get(c, 0) for c in clusters)
    return actor_score(len(actor.mentions), len(articles), positions, headlines)


def _finish_group(group: _Group, texts: list[str], folds: dict[str, str]) -> None:
    """Folded forms, kind and acronyms of a group whose votes are counted."""
    forms = set()
    distinct = set(texts)
    for text in distinct:
        fold = folds.get(text)
        if fold is None:
            fold = folds[text] = fold_name(text)
        forms.add(fold)
    group.forms = forms
    group.kind = _vote(group.votes, _longest_label(group.keys))
    group.acronyms = [t for t in distinct if is_acronym(t) and folds[t] != group.fold]


def _build(
    parts: list[_Group], order: dict[str, int], folds: dict[str, str]
) -> tuple[Actor, list[_Group], int]:
    """One actor (id still empty) from its groups, with the order of its first article."""
    if len(parts) == 1:
        group = parts[0]
        votes = group.votes
        keys = group.keys
        texts = Counter(group.texts)
        mentions = tuple(group.mentions)
    else:
        votes = Counter()
        keys = {}
        every: list[str] = []
        many: list[Mention] = []
        for group in parts:
            votes.update(group.votes)
            for key, stats in group.keys.items():
                if key in keys:
                    old = keys[key]
                    keys[key] = _KeyStats(
                        old.articles + stats.articles, old.mentions + stats.mentions, stats.label
                    )
                else:
                    keys[key] = stats
            every += group.texts
            many += group.mentions
        texts = Counter(every)
        many.sort(key=lambda m: (order[m.article], m.start))
        mentions = tuple(many)
    for key in keys:
        texts[key] += 0
    name = _name(keys)
    if any(group.party for group in parts):  # the party's name, not its adjective's
        name = _name({k: v for k, v in keys.items() if k.split()[-1].lower() in _PARTY_WORDS})
    # "state" of "the state's Supreme Court" says whose body it is, not what it does
    roles = Counter(r for r in map(_ROLE, mentions) if r and r not in DIVISION_ROLES)
    if folds.get(name) in _COUNTRY_FOLDS:
        actor_type: ActorType = "place"
    elif any(group.party for group in parts):
        # a party joined by its adjective ("Republican" senators, `_join_party_words`): the
        # party is a body, however many mentions the model tagged as a people
        actor_type = "organization"
    elif " " not in name and not roles and any(m.label == "EVENT" for m in mentions):
        # one article plainly uses the word as an event ("anti-Brexit"); the model's PERSON
        # tags elsewhere do not make it someone
        actor_type = "other"
    elif " " not in name and not roles and _person_tie(votes):
        # a one-word name nobody is introduced by, half of whose mentions the model took for
        # someone ("Wikinews" as ORG and as PERSON): the other label says what it is
        actor_type = LABEL_TYPES.get(next(v for v in votes if v != "PERSON" and votes[v]), "other")
    else:
        actor_type = _vote(votes, _longest_label(keys))
    if actor_type == "organization" and names_a_house(name) and "FAC" in votes:
        # "the White House said": the seat named for the body in it, written as a building
        # somewhere ("the X House", `labels.label_from_context`); "Halden House" alone is a body
        actor_type = "place"
    if actor_type == "person" and roles and (by_role := kind_by_role(roles)):
        # "X, the country's largest opposition party", "Y, an energy drink": what the role
        # calls it, the model having taken it for someone
        actor_type = LABEL_TYPES.get(by_role, "other")
    aliases = tuple(sorted((t for t in texts if t != name), key=lambda t: (-texts[t], t)))
    # a role says what someone is ("Trade Minister"); on a place or a body the words before
    # its name are no role ("Mister" of a film's "Mister America", "Wayne" of "Wayne State")
    role = min(roles, key=lambda r: (-roles[r], r)) if roles and actor_type == "person" else None
    first = order[mentions[0].article]
    return Actor("", name, actor_type, aliases, role, mentions), parts, first


def _person_tie(votes: Mapping[str, int]) -> bool:
    """The vote is a tie between PERSON and one other label."""
    top = sorted((n for n in votes.values() if n), reverse=True)
    return len(top) == 2 and top[0] == top[1] and votes.get("PERSON", 0) == top[0]


def _anchor(parts: list[_Group]) -> str:
    """The key that identifies merged groups: the fullest, most used spelling (as `_name`),
    computed from the automatic merge alone."""
    keys: dict[str, _KeyStats] = {}
    for group in parts:
        for key, stats in group.keys.items():
            old = keys.get(key)
            keys[key] = (
                stats
                if old is None
                else _KeyStats(
                    old.articles + stats.articles, old.mentions + stats.mentions, stats.label
                )
            )
    return _name(keys)


def _longest_label(keys: Mapping[str, _KeyStats]) -> str:
    """The label of the longest key (ties: alphabetical), for breaking a tied vote."""
    longest = max(keys, key=lambda k: (len(k), k))
    return keys[longest].label


def _a_country_written_as_one(short: _Group) -> bool:
    """A bare name that is a known country or state: across articles, the place, not the
    surname of someone another article names in full ("Television Ruritania", a body the
    model took for someone); the model tags a lone country's name as a person often enough
    that its tag is no evidence. Its own article still joins a surname it uses so."""
    return short.fold in _STATE_FOLDS


def _placed(short: _Group, place: _Group) -> bool:
    """`short` is `place`'s name without its generic word ("Abaco" of "Abaco Islands") and no
    one was introduced by it with a role: the same place, whatever type the model guessed,
    unless most of its mentions are someone's (a person, not the island or the airport named
    after them)."""
    return (
        place.kind == "place"
        and short.kind != "person"
        and short_place_name(place.fold) == short.fold
        and not any(m.role for m in short.mentions)
    )


def _compatible(a: ActorType, b: ActorType) -> bool:
    """Whether a short form of kind `a` may name an actor of kind `b`."""
    return a == b or (a in _PERSONISH and b in _PERSONISH)


def _name(keys: Mapping[str, _KeyStats]) -> str:
    """The fullest, most common proper form: articles using the key x its words (acronyms count
    least), then most mentions, then alphabetical."""

    def score(key: str) -> tuple[float, int, str]:
        words = 0.5 if is_acronym(key) else len(key.split())
        return (-keys[key].articles * words, -keys[key].mentions, key)

    return min(keys, key=score)

