"""Node positions, sizes and communities for the web view, computed once per build (so a large graph opens
at once): a force-directed layout of every tie, PageRank and Leiden community per entity."""

from __future__ import annotations

from typing import Any

from claimgraph.analyse.graph import Filters, Graph
from claimgraph.store import Store


def compute(store: Store, *, seed: int = 7) -> list[dict[str, Any]]:
    import random

    graph = Graph.from_store(store, Filters(negated=True))
    g = graph.graph
    if g.vcount() == 0:
        return []
    simple = graph.undirected()
    random.seed(seed)
    start = [[random.uniform(-1, 1), random.uniform(-1, 1)] for _ in range(simple.vcount())]
    if simple.vcount() > 2000:
        coords = simple.layout_drl(seed=start)
    else:
        coords = simple.layout_fruchterman_reingold(seed=start, niter=500)
    pagerank = g.pagerank(weights="sources", directed=True)
    membership: dict[str, tuple[int, str]] = {}
    for group in graph.communities(seed=seed):
        for member in group["members"]:
            membership[member["entity_id"]] = (group["community"], group["label"])
    rows = []
    for vertex, (x, y), rank in zip(g.vs, coords, pagerank, strict=True):
        community, label = membership.get(vertex["entity_id"], (-1, ""))
        rows.append({"entity_id": vertex["entity_id"], "x": round(float(x), 4), "y": round(float(y), 4),
                     "pagerank": float(rank), "degree": simple.degree(vertex.index), "community": community,
                     "community_label": label})
    return rows
