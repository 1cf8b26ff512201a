"""GraphML (Gephi, yEd, Cytoscape, networkx): nodes with type, country, measures and community; edges
with relation, claim count, corroboration, hedged share and contradictions."""

from __future__ import annotations

import igraph as ig


def write(graph: ig.Graph, path: str) -> None:
    out = graph.copy()
    out.vs["label"] = out.vs["name"] if out.vcount() else []
    out.es["label"] = out.es["relation"] if out.ecount() else []
    out.es["weight"] = out.es["sources"] if out.ecount() else []
    out.write_graphml(path)
