"""GraphML (Gephi, yEd, Cytoscape, networkx): nodes with type, country, measures and community; edges with
relation, claim and source counts, hedged share, the denials counted apart and the `denied` flag."""

from __future__ import annotations

from claimgraph.export import Written, annotated_graph
from claimgraph.filters import Filters
from claimgraph.store import Store


def write(store: Store, filters: Filters, out: str) -> Written:
    graph = annotated_graph(store, filters)
    graph.vs["label"] = graph.vs["name"] if graph.vcount() else []
    graph.es["label"] = graph.es["relation"] if graph.ecount() else []
    graph.es["weight"] = graph.es["sources"] if graph.ecount() else []
    graph.write_graphml(out)
    return Written(f"{graph.vcount()} actors and {graph.ecount()} ties", (out,))
