"""The actor network as GEXF and GraphML, read back by networkx."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from newsdesk.core.export.graph import actor_network, render_graph
from newsdesk.core.store.library import MemoryLibrary


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graph_reads_back_with_nodes_and_both_edge_kinds(
    summit_library: MemoryLibrary, fmt: str
) -> None:
    text = render_graph(actor_network(summit_library), fmt)  # type: ignore[arg-type]
    graph = nx.read_gexf(io.StringIO(text)) if fmt == "gexf" else nx.read_graphml(io.StringIO(text))
    names = {data.get("label") for _, data in graph.nodes(data=True)}
    assert {"Victor Hale", "Angela Novak", "Maria Lopez"} <= names
    assert graph.number_of_nodes() == len(summit_library.actors())
    kinds = {data["kind"] for _, _, data in graph.edges(data=True)}
    assert kinds == {"articles", "relation"}
    opposed = [d for _, _, d in graph.edges(data=True) if d.get("polarity") == "oppose"]
    assert opposed and all(float(d["weight"]) >= 1 for d in opposed)


def test_graph_of_one_actor_is_its_neighbourhood(summit_library: MemoryLibrary) -> None:
    lopez = next(a for a in summit_library.actors() if a.name == "Maria Lopez")
    graph = actor_network(summit_library, lopez.id)
    assert lopez.id in graph
    for node in graph:
        if node != lopez.id:
            assert graph.has_edge(node, lopez.id) or graph.has_edge(lopez.id, node)
