"""Merging mentions into actors across articles: pure Python over stored mentions, no spaCy.

The store recomputes this on every open, so it is one pass over the mentions plus work per
distinct in-article cluster (a few per article), never per pair of mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .gazetteer import COUNTRIES
from .models import Actor, ActorType, ArticleAnalysis, Mention
from .names import SUFFIXES, fold_name, is_acronym, slug_name

LABEL_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_COUNTRY_FOLDS = frozenset(fold_name(c) for c in COUNTRIES)
# Kinds whose bare names may join a person (a surname the model tagged ORG is still a surname).
_PERSONISH = frozenset({"person", "organization", "other"})


def actor_id(name: str, actor_type: ActorType) -> str:
    """A stable id from the type and the folded name ("person:vladimir-putin")."""
    slug = slug_name(name)
    if not slug:
        slug = re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "actor"
    return f"{actor_type}:{slug}"


@dataclass(slots=True)
class _Group:
    """Every in-article cluster whose key folds to the same name."""

    fold: str
    clusters: list[tuple[str, str]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    """Folded surface forms of its mentions (aliases used somewhere)."""
    votes: Counter[str] = field(default_factory=Counter)

    @property
    def kind(self) -> ActorType:
        return _vote(self.votes, self.mentions)


def _vote(votes: Counter[str], mentions: list[Mention]) -> ActorType:
    """The type most mentions agree on; a tie goes to the label of the longest mention."""
    top = votes.most_common(2)
    if not top:
        return "other"
    label = top[0][0]
    if len(top) > 1 and top[1][1] == top[0][1]:
        label = max(mentions, key=lambda m: (len(m.text), m.label)).label
    return LABEL_TYPES.get(label, "other")


def _cluster_label(mentions: list[Mention], fold: str) -> str:
    """An in-article cluster's label: the vote of its full-name mentions (a surname joined to
    "Alexis Tipton" is a person even where the model tagged it ORG), else of all of them."""
    full = Counter(m.label for m in mentions if fold_name(m.text) == fold)
    votes = full or Counter(m.label for m in mentions)
    top = votes.most_common(2)
    if len(top) > 1 and top[0][1] == top[1][1]:
        return max((m for m in mentions if m.label in (top[0][0], top[1][0])), key=lambda m: len(m.text)).label
    return top[0][0]


def merge_actors(analyses: Iterable[ArticleAnalysis]) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """Actors from every article's mentions, and a map (article id, cluster key) -> actor id.

    Clusters with the same folded key are one actor (Yanukovych/Yanukovich). A bare name that
    is elsewhere used as a short form of exactly one actor joins it ("Putin", "Guo", "US"); one
    that could be several (Hillary or Bill "Clinton") stays on its own.
    """
    clusters: dict[tuple[str, str], list[Mention]] = {}
    order: dict[str, int] = {}
    for analysis in analyses:
        order[analysis.article.id] = len(order)
        for mention in analysis.mentions:
            ck = (mention.article, mention.key)
            found = clusters.get(ck)
            if found is None:
                clusters[ck] = [mention]
            else:
                found.append(mention)

    groups: dict[str, _Group] = {}
    for ck, mentions in clusters.items():
        fold = fold_name(ck[1])
        group = groups.get(fold)
        if group is None:
            group = groups[fold] = _Group(fold)
        group.clusters.append(ck)
        group.mentions.extend(mentions)
        for m in mentions:
            group.forms.add(fold_name(m.text))
        group.votes[_cluster_label(mentions, fold)] += len(mentions)

    parent = {fold: fold for fold in groups}

    def find(fold: str) -> str:
        while parent[fold] != fold:
            parent[fold] = parent[parent[fold]]
            fold = parent[fold]
        return fold

    kinds = {fold: group.kind for fold, group in groups.items()}
    # Where each short form was used for a longer name, and each person's surname.
    short_of: dict[str, set[str]] = {}
    for fold, group in groups.items():
        for form in group.forms:
            if form != fold and form:
                short_of.setdefault(form, set()).add(fold)
        if kinds[fold] == "person":
            words = fold.split()
            if len(words) >= 2:
                core = words[:-1] if words[-1] in SUFFIXES else words
                short_of.setdefault(core[-1], set()).add(fold)
    for fold in sorted(groups):
        targets = {t for t in short_of.get(fold, ()) if t != fold and _compatible(kinds[fold], kinds[t])}
        if len(targets) > 1:
            plain = {t for t in targets if t.split()[-1] not in SUFFIXES}
            targets = plain or targets
        if len(targets) == 1:
            a, b = find(fold), find(next(iter(targets)))
            if a != b:
                parent[a] = b

    merged: dict[str, list[_Group]] = {}
    for fold in groups:
        merged.setdefault(find(fold), []).append(groups[fold])

    built: list[tuple[Actor, list[tuple[str, str]]]] = []
    for root in sorted(merged):
        parts = merged[root]
        mentions: list[Mention] = []
        votes: Counter[str] = Counter()
        for part in parts:
            mentions.extend(part.mentions)
            votes.update(part.votes)
        name = _name(parts, clusters)
        actor_type = "place" if fold_name(name) in _COUNTRY_FOLDS else _vote(votes, mentions)
        texts = Counter(m.text for m in mentions)
        texts.update(ck[1] for part in parts for ck in part.clusters)
        aliases = tuple(sorted((t for t in texts if t != name), key=lambda t: (-texts[t], t)))
        roles = Counter(m.role for m in mentions if m.role)
        role = min(roles, key=lambda r: (-roles[r], r)) if roles else None
        mentions.sort(key=lambda m: (order.get(m.article, 0), m.start))
        actor = Actor("", name, actor_type, aliases, role, tuple(mentions))
        built.append((actor, [ck for part in parts for ck in part.clusters]))

    actors: list[Actor] = []
    mapping: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    built.sort(key=lambda item: (-len(item[0].mentions), item[0].name, item[0].mentions[0].article))
    for actor, cks in built:
        base = aid = actor_id(actor.name, actor.type)
        n = 2
        while aid in used:
            aid = f"{base}-{n}"
            n += 1
        used.add(aid)
        actors.append(Actor(aid, actor.name, actor.type, actor.aliases, actor.role, actor.mentions))
        for ck in cks:
            mapping[ck] = aid
    return actors, mapping


def _compatible(a: ActorType, b: ActorType) -> bool:
    """Whether a short form of kind `a` may name an actor of kind `b`."""
    return a == b or (a in _PERSONISH and b in _PERSONISH)


def _name(parts: list[_Group], clusters: dict[tuple[str, str], list[Mention]]) -> str:
    """The fullest, most common proper form: articles using the key x its words (acronyms count
    least), then most mentions, then alphabetical."""
    articles: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for part in parts:
        for ck in part.clusters:
            articles[ck[1]] += 1
            mentions[ck[1]] += len(clusters[ck])

    def score(key: str) -> tuple[float, int, str]:
        words = 0.5 if is_acronym(key) else len(key.split())
        return (-articles[key] * words, -mentions[key], key)

    return min(articles, key=score)
