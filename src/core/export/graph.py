"""The actor network for Gephi and networkx: GEXF and GraphML.

Nodes are actors (type and counts); edges are the articles two actors share (undirected in
meaning, weight = articles) and relations (directed: verb, polarity, weight = evidence).
networkx writes the files, so they open wherever networkx and Gephi read them.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Literal

from ..analysis.relations import Relation, find_relations
from ..store.library import Library

if TYPE_CHECKING:
    import networkx as nx  # type: ignore[import-untyped]

GraphFormat = Literal["gexf", "graphml"]
GRAPH_FORMATS: tuple[GraphFormat, ...] = ("gexf", "graphml")


def actor_network(library: Library, actor_id: str | None = None) -> nx.MultiDiGraph:
    """The whole corpus's network, or one actor's neighbourhood (the actor, everyone sharing
    an article or a relation with it, and the edges among them)."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    summaries = {a.id: a for a in library.actors()}
    together: Counter[tuple[str, str]] = Counter()
    article_ids = (
        [a.id for a in library.articles()]
        if actor_id is None
        else list(library.actor(actor_id).articles)
    )
    for article_id in article_ids:
        present = sorted(library.actors_in(article_id))
        together.update(combinations(present, 2))
    relations = find_relations(library, actor_id)
    keep: set[str] | None = None
    if actor_id is not None:
        keep = {actor_id}
        keep.update(b if a == actor_id else a for a, b in together if actor_id in (a, b))
        keep.update(r.target if r.source == actor_id else r.source for r in relations)
    for aid in sorted(keep if keep is not None else summaries):
        actor = summaries.get(aid)
        if actor is None:
            continue
        graph.add_node(
            aid,
            label=actor.name,
            type=actor.type,
            mentions=actor.mention_count,
            articles=actor.article_count,
            positions=actor.quote_count,
        )
    for (a, b), shared in sorted(together.items()):
        if a in graph and b in graph:
            graph.add_edge(
                a,
                b,
                key=f"articles:{a}:{b}",
                kind="articles",
                label="articles in common",
                verb="",
                polarity="",
                weight=float(shared),
            )
    for (source, target, verb, polarity), count in _relation_counts(relations).items():
        if source in graph and target in graph:
            graph.add_edge(
                source,
                target,
                key=f"relation:{source}:{target}:{verb}",
                kind="relation",
                label=verb,
                verb=verb,
                polarity=polarity,
                weight=float(count),
            )
    return graph


def _relation_counts(relations: Sequence[Relation]) -> Counter[tuple[str, str, str, str]]:
    return Counter((r.source, r.target, r.verb, r.polarity) for r in relations)


def render_graph(graph: nx.MultiDiGraph, fmt: GraphFormat) -> str:
    """The graph as GEXF 1.2 or GraphML text (UTF-8)."""
    import networkx as nx

    buffer = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(graph, buffer, encoding="utf-8")
    else:
        nx.write_graphml(graph, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
