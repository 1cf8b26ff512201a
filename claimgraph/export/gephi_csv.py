"""Two CSV files in Gephi's spreadsheet-import shape: nodes.csv (Id, Label, ...) and edges.csv
(Source, Target, Type, Label, Weight, ...)."""

from __future__ import annotations

import csv
from pathlib import Path

import igraph as ig

NODE_FIELDS = ["type", "country", "degree", "strength", "betweenness", "pagerank", "community", "community_label"]
EDGE_FIELDS = ["relation", "claims", "sources", "hedged_share", "contradictions", "first_seen", "last_seen"]
SYMMETRIC = {"COOPERATES_WITH", "ASSOCIATED_WITH", "FAMILY", "TRAFFICS_WITH"}


def write(graph: ig.Graph, folder: str) -> list[Path]:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    names = set(graph.vs.attributes())
    nodes, edges = out / "nodes.csv", out / "edges.csv"
    with nodes.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        fields = [n for n in NODE_FIELDS if n in names]
        writer.writerow(["Id", "Label", *fields])
        for vertex in graph.vs:
            writer.writerow([vertex["entity_id"], vertex["name"], *(vertex[n] for n in fields)])
    with edges.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Source", "Target", "Type", "Label", "Weight", *EDGE_FIELDS])
        for edge in graph.es:
            kind = "Undirected" if edge["relation"] in SYMMETRIC else "Directed"
            writer.writerow([graph.vs[edge.source]["entity_id"], graph.vs[edge.target]["entity_id"], kind,
                             edge["relation"], edge["sources"], *(edge[n] for n in EDGE_FIELDS)])
    return [nodes, edges]
