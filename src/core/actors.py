"""Merging mentions into actors across articles: pure Python over stored mentions, no spaCy.

The store recomputes this on every open, so it is one pass over the mentions plus work per
distinct in-article cluster (a few per article), never per pair of mentions.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from operator import attrgetter
from dataclasses import dataclass, field
from typing import Any

from .gazetteer import COUNTRIES
from .models import Actor, ActorType, ArticleAnalysis, Mention
from .names import SUFFIXES, fold_name, is_acronym, looks_like_person_name, slug_name

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
_TEXT = attrgetter("text")
_LABEL = attrgetter("label")
_ROLE = attrgetter("role")
_ORDER = attrgetter("order")


def actor_id(name: str, actor_type: ActorType) -> str:
    """A stable id from the type and the folded name ("person:vladimir-putin")."""
    slug = slug_name(name)
    if not slug:
        slug = re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "actor"
    return f"{actor_type}:{slug}"


@dataclass(slots=True)
class _Group:
    """Every in-article cluster whose key folds to the same name, gathered in one pass."""

    fold: str
    clusters: list[tuple[str, str]] = field(default_factory=list)
    """(article id, key) of each cluster, in article order."""
    mentions: list[Mention] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    votes: dict[str, int] = field(default_factory=dict)
    keys: dict[str, list[int]] = field(default_factory=dict)
    """key -> [articles using it, mentions under it, label of its last cluster]."""
    forms: set[str] = field(default_factory=set)
    """Folded surface forms of its mentions (aliases used somewhere)."""
    kind: ActorType = "other"


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
    fulls = [label for text, label in zip(texts, labels) if text == key]
    full = {label: fulls.count(label) for label in set(fulls)}
    if "PERSON" in counts and looks_like_person_name(key):
        # A person's name the model half-recognised ("Ricardo Rosselló Nevares" as ORG, its
        # surname as PERSON half the time) is still a person.
        if (full and full.get("PERSON", 0) >= max(full.values())) or counts["PERSON"] * 5 >= 2 * len(labels):
            return "PERSON"
    votes = full or counts
    best = max(votes.values())
    tied = [label for label, n in votes.items() if n == best]
    if len(tied) == 1:
        return tied[0]
    return max((len(t), label) for t, label in zip(texts, labels) if label in tied)[1]


def merge_actors(analyses: Iterable[ArticleAnalysis]) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """Actors from every article's mentions, and a map (article id, cluster key) -> actor id.

    Clusters with the same folded key are one actor (Yanukovych/Yanukovich). A bare name that
    is elsewhere used as a short form of exactly one actor joins it ("Putin", "Guo", "US"); one
    that could be several (Hillary or Bill "Clinton") stays on its own.
    """
    # Merging allocates many small objects and frees none: the cyclic collector would walk
    # every stored mention again and again (most of the time on a large corpus).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _merge(analyses)
    finally:
        if enabled:
            gc.enable()


def _merge(analyses: Iterable[ArticleAnalysis]) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    groups: dict[str, _Group] = {}
    folds: dict[str, str] = {}
    order: dict[str, int] = {}
    for analysis in analyses:
        article_id = analysis.article.id
        order[article_id] = len(order)
        local: dict[str, list[Mention]] = {}
        for mention in analysis.mentions:
            local.setdefault(mention.key, []).append(mention)
        for key, mentions in local.items():
            fold = folds.get(key)
            if fold is None:
                fold = folds[key] = fold_name(key)
            group = groups.get(fold)
            if group is None:
                group = groups[fold] = _Group(fold)
            group.clusters.append((article_id, key))
            group.mentions += mentions
            texts = list(map(_TEXT, mentions))
            group.texts += texts
            if len(mentions) == 1:
                label = mentions[0].label
            else:
                label = _cluster_label(key, texts, list(map(_LABEL, mentions)))
            votes = group.votes
            votes[label] = votes.get(label, 0) + len(texts)
            stats = group.keys.get(key)
            if stats is None:
                group.keys[key] = [1, len(texts), label]
            else:
                stats[0] += 1
                stats[1] += len(texts)
                stats[2] = label

    for group in groups.values():
        forms = set()
        for text in set(group.texts):
            fold = folds.get(text)
            if fold is None:
                fold = folds[text] = fold_name(text)
            forms.add(fold)
        group.forms = forms
        group.kind = _vote(group.votes, _longest_label(group.keys))

    parent = {fold: fold for fold in groups}

    def find(fold: str) -> str:
        while parent[fold] != fold:
            parent[fold] = parent[parent[fold]]
            fold = parent[fold]
        return fold

    # Where each short form was used for a longer name, and each person's surname.
    short_of: dict[str, set[str]] = {}
    for fold, group in groups.items():
        for form in group.forms:
            if form != fold and form:
                short_of.setdefault(form, set()).add(fold)
        if group.kind == "person":
            words = fold.split()
            if len(words) >= 2:
                core = words[:-1] if words[-1] in SUFFIXES else words
                short_of.setdefault(core[-1], set()).add(fold)
    for fold in sorted(groups):
        kind = groups[fold].kind
        targets = {t for t in short_of.get(fold, ()) if t != fold and _compatible(kind, groups[t].kind)}
        if len(targets) > 1:
            plain = {t for t in targets if t.split()[-1] not in SUFFIXES}
            targets = plain or targets
        if len(targets) == 1:
            a, b = find(fold), find(next(iter(targets)))
            if a != b:
                parent[a] = b

    merged: dict[str, list[_Group]] = {}
    for fold, group in groups.items():
        merged.setdefault(find(fold), []).append(group)

    built: list[tuple[Actor, list[_Group], int]] = []
    for root in sorted(merged):
        parts = merged[root]
        if len(parts) == 1:
            group = parts[0]
            votes: Mapping[str, int] = group.votes
            keys = group.keys
            texts = Counter(group.texts)
            mentions = tuple(group.mentions)
        else:
            votes, keys, every, many = Counter(), {}, [], []
            for group in parts:
                votes.update(group.votes)  # type: ignore[attr-defined]
                for key, stats in group.keys.items():
                    if key in keys:
                        keys[key] = [keys[key][0] + stats[0], keys[key][1] + stats[1], stats[2]]
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
        if folds.get(name) in _COUNTRY_FOLDS:
            actor_type: ActorType = "place"
        else:
            actor_type = _vote(votes, _longest_label(keys))
        aliases = tuple(sorted((t for t in texts if t != name), key=lambda t: (-texts[t], t)))
        roles = Counter(filter(None, map(_ROLE, mentions)))
        role = min(roles, key=lambda r: (-roles[r], r)) if roles else None
        first = order[mentions[0].article]
        built.append((Actor("", name, actor_type, aliases, role, mentions), parts, first))

    actors: list[Actor] = []
    mapping: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    built.sort(key=lambda item: (-len(item[0].mentions), item[0].name, item[2]))
    for actor, parts, _first in built:
        base = aid = actor_id(actor.name, actor.type)
        n = 2
        while aid in used:
            aid = f"{base}-{n}"
            n += 1
        used.add(aid)
        actors.append(Actor(aid, actor.name, actor.type, actor.aliases, actor.role, actor.mentions))
        for group in parts:
            mapping.update(dict.fromkeys(group.clusters, aid))
    return actors, mapping


def _longest_label(keys: Mapping[str, list[Any]]) -> str:
    """The label of the longest key (ties: alphabetical), for breaking a tied vote."""
    longest = max(keys, key=lambda k: (len(k), k))
    return str(keys[longest][2])


def _compatible(a: ActorType, b: ActorType) -> bool:
    """Whether a short form of kind `a` may name an actor of kind `b`."""
    return a == b or (a in _PERSONISH and b in _PERSONISH)


def _name(keys: Mapping[str, list[Any]]) -> str:
    """The fullest, most common proper form: articles using the key x its words (acronyms count
    least), then most mentions, then alphabetical."""

    def score(key: str) -> tuple[float, int, str]:
        words = 0.5 if is_acronym(key) else len(key.split())
        return (-keys[key][0] * words, -keys[key][1], key)

    return min(keys, key=score)
