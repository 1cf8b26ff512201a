"""Two CSV files in Gephi's spreadsheet-import shape: nodes.csv (Id, Label, ...) and edges.csv
(Source, Target, Type, Label, Weight, ...)."""

from __future__ import annotations

import csv
from pathlib import Path

from claimgraph.export import EDGE_FIELDS, Written, annotated_graph, spreadsheet_safe
from claimgraph.filters import Filters
from claimgraph.model import SYMMETRIC
from claimgraph.store import Store

NODE_FIELDS = ["type", "country", "degree", "strength", "betweenness", "pagerank", "community", "community_label"]


def write(store: Store, filters: Filters, folder: str) -> Written:
    graph = annotated_graph(store, filters)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    names = set(graph.vs.attributes())
    nodes, edges = out / "nodes.csv", out / "edges.csv"
    with nodes.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        fields = [n for n in NODE_FIELDS if n in names]
        writer.writerow(["Id", "Label", *fields])
        for vertex in graph.vs:
            writer.writerow([spreadsheet_safe(v) for v in (vertex["entity_id"], vertex["name"],
                                                            *(vertex[n] for n in fields))])
    with edges.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Source", "Target", "Type", "Label", "Weight", *EDGE_FIELDS])
        for edge in graph.es:
            kind = "Undirected" if edge["relation"] in SYMMETRIC else "Directed"
            writer.writerow([spreadsheet_safe(v) for v in (
                graph.vs[edge.source]["entity_id"], graph.vs[edge.target]["entity_id"], kind, edge["relation"],
                edge["sources"], *(edge[n] for n in EDGE_FIELDS))])
    return Written(f"{graph.vcount()} actors and {graph.ecount()} ties", (str(nodes), str(edges)))
