"""Merging mentions into actors across articles: pure Python over stored mentions, no spaCy.

BASELINE: one actor per exact key; the actors helper replaces this with the full rules.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from .models import Actor, ActorType, ArticleAnalysis, Mention

LABEL_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


def actor_id(name: str, actor_type: ActorType) -> str:
    slug = re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "actor"
    return f"{actor_type}:{slug}"


def merge_actors(analyses: Iterable[ArticleAnalysis]) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """Actors from every article's mentions, and a map (article id, cluster key) -> actor id."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for analysis in analyses:
        for mention in analysis.mentions:
            groups[mention.key].append(mention)
    actors = []
    mapping: dict[tuple[str, str], str] = {}
    for key, mentions in groups.items():
        actor_type = LABEL_TYPES.get(Counter(m.label for m in mentions).most_common(1)[0][0], "other")
        aid = actor_id(key, actor_type)
        aliases = tuple(sorted({m.text for m in mentions} - {key}))
        actors.append(Actor(aid, key, actor_type, aliases, None, tuple(mentions)))
        for m in mentions:
            mapping[(m.article, m.key)] = aid
    return actors, mapping
