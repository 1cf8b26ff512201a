#!/usr/bin/env python3
"""Graph analysis speed: Leiden communities and betweenness on a generated graph of 100,000 ties.

The graph is preferential-attachment (a few hubs, many small actors), as actor networks are. Betweenness is
exact up to 5,000 actors and estimated from 1,000 sampled sources above that (see analyse/graph.py).
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import igraph as ig

from claimgraph.analyse.graph import Filters, Graph

RELATIONS = ["COOPERATES_WITH", "SUPPORTS", "FUNDS", "MEMBER_OF", "OPPOSES", "OPERATES_IN"]


def generated(edges: int, seed: int = 0) -> ig.Graph:
    rng = random.Random(seed)
    graph = ig.Graph.Barabasi(n=edges // 4 + 1, m=4, directed=True)
    graph.vs["entity_id"] = [f"e{i}" for i in range(graph.vcount())]
    graph.vs["name"] = [f"Actor {i}" for i in range(graph.vcount())]
    graph.vs["type"] = ["Group"] * graph.vcount()
    graph.vs["country"] = [""] * graph.vcount()
    graph.es["relation"] = [rng.choice(RELATIONS) for _ in range(graph.ecount())]
    graph.es["claims"] = [rng.randint(1, 5) for _ in range(graph.ecount())]
    graph.es["sources"] = [rng.randint(1, 3) for _ in range(graph.ecount())]
    return graph


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edges", type=int, default=100_000)
    opts = parser.parse_args()
    graph = Graph(None, generated(opts.edges), Filters())  # type: ignore[arg-type]
    print(f"graph: {graph.graph.vcount()} actors, {graph.graph.ecount()} ties")
    started = time.perf_counter()
    communities = graph.communities()
    leiden = time.perf_counter() - started
    started = time.perf_counter()
    top = graph.centrality("betweenness", 5)
    between = time.perf_counter() - started
    print(f"Leiden: {leiden:.1f} s (target < 10 s), {len(communities)} communities")
    print(f"betweenness: {between:.1f} s (target < 10 s), top broker {top[0]['name']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
