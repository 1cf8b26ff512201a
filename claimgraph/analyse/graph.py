"""The claim graph on igraph: filters, centrality, Leiden communities, paths with evidence, ego networks.

Nodes are entities; an edge is a tie (claims grouped by subject, relation, object) that passed the filters.
Analysis never writes to the store.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import igraph as ig

from claimgraph.analyse.ties import lookup
from claimgraph.filters import Filters
from claimgraph.store import Store
from claimgraph.store.records import Entity, StoredClaim, Tie

__all__ = ["Filters", "Graph", "Hop", "build_graph"]

EXACT_BETWEENNESS_LIMIT = 5_000  # vertices; above it betweenness is estimated from sampled sources


@dataclass
class Hop:
    subject: str
    relation: str
    object: str
    evidence: list[dict[str, Any]] = field(default_factory=list)
    subject_id: str = ""  # the entities' ids, so that a view can draw the hop on the graph
    object_id: str = ""


EXPANSIONS = 20_000  # steps the depth-first path search may take before Yen's search answers instead
MAX_DETOUR = 3  # paths up to this many edges longer than the shortest are enumerated, then Yen's search


class Graph:
    """A filtered view of the stored ties, ready for graph algorithms."""

    def __init__(self, store: Store, graph: ig.Graph, filters: Filters):
        self.store = store
        self.graph = graph
        self.filters = filters
        self._index = {v["entity_id"]: v.index for v in graph.vs}

    @classmethod
    def open(cls, path: str | None = None, filters: Filters | None = None) -> Graph:
        return cls.from_store(Store.open(path, read_only=True), filters)

    @classmethod
    def from_store(cls, store: Store, filters: Filters | None = None) -> Graph:
        filters = filters or Filters()
        ties = store.tie_rows(filters)
        entities = {e.entity_id: e for e in store.entities()}
        return cls(store, build_graph(entities, ties), filters)

    # --- measures -----------------------------------------------------------------------------------------

    def undirected(self) -> ig.Graph:
        """One edge per connected pair, weighted by the sources behind all ties between them (built once)."""
        simple: ig.Graph | None = self.__dict__.get("_undirected")
        if simple is None:
            simple = self.graph.as_undirected(mode="collapse", combine_edges={"sources": "sum", "claims": "sum"})
            self.__dict__["_undirected"] = simple
        return simple

    def centrality(self, by: str = "betweenness", top: int = 20) -> list[dict[str, Any]]:
        scores = self.scores(by)
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], self.graph.vs[i]["name"]))
        return [{**_node(self.graph.vs[i]), "score": round(scores[i], 6)} for i in order[:top]]

    def scores(self, by: str) -> list[float]:
        simple = self.undirected()
        if by == "degree":
            return [float(d) for d in simple.degree()]
        if by == "strength":
            return [float(s) for s in simple.strength(weights="sources")]
        if by == "pagerank":
            return [float(x) for x in self.graph.pagerank(weights="sources", directed=True)]
        if by == "betweenness":
            return betweenness(simple)
        raise ValueError(f"unknown centrality {by!r}: degree, strength, pagerank or betweenness")

    def communities(self, *, seed: int = 7) -> list[dict[str, Any]]:
        """Leiden communities (modularity), largest first, each labelled by its best-connected entities."""
        import leidenalg

        simple = self.undirected()
        if simple.ecount() == 0:
            return []
        partition = leidenalg.find_partition(simple, leidenalg.ModularityVertexPartition, weights="sources",
                                             seed=seed)
        degree = simple.degree()
        out = []
        for number, members in enumerate(sorted(partition, key=lambda m: (-len(m), min(m)))):
            ranked = sorted(members, key=lambda i: (-degree[i], simple.vs[i]["name"]))
            out.append({"community": number, "size": len(members),
                        "label": " / ".join(simple.vs[i]["name"] for i in ranked[:3]),
                        "members": [_node(simple.vs[i]) for i in ranked]})
        return out

    def membership(self) -> dict[str, int]:
        return {m["entity_id"]: c["community"] for c in self.communities() for m in c["members"]}

    def annotated(self) -> ig.Graph:
        """A copy of the graph whose nodes carry their measures and community (for exports)."""
        graph = self.graph.copy()
        if graph.vcount() == 0:
            return graph
        simple = self.undirected()
        graph.vs["degree"] = simple.degree()
        graph.vs["strength"] = [float(x) for x in simple.strength(weights="sources")]
        graph.vs["betweenness"] = betweenness(simple)
        graph.vs["pagerank"] = [float(x) for x in graph.pagerank(weights="sources", directed=True)]
        labels: dict[int, str] = {}
        member: dict[str, int] = {}
        for community in self.communities():
            labels[community["community"]] = community["label"]
            for m in community["members"]:
                member[m["entity_id"]] = community["community"]
        graph.vs["community"] = [member.get(e, -1) for e in graph.vs["entity_id"]]
        graph.vs["community_label"] = [labels.get(member.get(e, -1), "") for e in graph.vs["entity_id"]]
        return graph

    # --- paths and neighbourhoods ----------------------------------------------------------------------------

    def vertex(self, name: str) -> int:
        named = self._named().get(name.lower())
        if named is not None:  # an id, or a name one actor of the graph alone bears: no query
            return named
        entity = lookup(self.store, name)
        index = self._index.get(entity.entity_id)
        if index is None:
            from claimgraph.errors import NotFoundError

            raise NotFoundError(f"{entity.name} has no ties that pass the filters")
        return index

    def prepared(self) -> Graph:
        """This graph with its indexes built (undirected form, names, strongest tie per pair): ready to be shared
        by threads that only read it."""
        self.undirected()
        self._neighbours()
        self._named()
        if self.graph.ecount():
            first = self.graph.es[0]
            self._strongest(first.source, first.target)
        return self

    def bound_to(self, store: Store) -> Graph:
        """The same graph (and indexes) reading evidence and names through another connection of its store."""
        twin = copy.copy(self)
        twin.store = store
        return twin

    def _named(self) -> dict[str, int]:
        cached: dict[str, int] | None = self.__dict__.get("_by_name")
        if cached is None:
            cached = {}
            taken: dict[str, int] = {}
            for i, (eid, name) in enumerate(zip(self.graph.vs["entity_id"], self.graph.vs["name"], strict=True)):
                cached[eid.lower()] = i
                taken[name.lower()] = taken.get(name.lower(), 0) + 1
            for i, name in enumerate(self.graph.vs["name"]):
                if taken[name.lower()] == 1:
                    cached.setdefault(name.lower(), i)
            self.__dict__["_by_name"] = cached
        return cached

    def paths(self, a: str, b: str, *, k: int = 1) -> list[list[Hop]]:
        """Up to k shortest paths from A to B (ties followed either way), each hop with its claims."""
        source, target = self.vertex(a), self.vertex(b)
        found = self.shortest(source, target, k)
        steps = [[self._strongest(left, right) for left, right in zip(path, path[1:], strict=False)]
                 for path in found if path]
        vs = self.graph.vs

        def key(e: ig.Edge) -> tuple[str, str, str]:
            return vs[e.source]["entity_id"], e["relation"], vs[e.target]["entity_id"]

        evidence = self.store.evidence_of(sorted({key(e) for hops in steps for e in hops}), self.filters)
        return [[Hop(vs[e.source]["name"], e["relation"], vs[e.target]["name"], [
            {"doc_id": x.doc_id, "sentence": x.sentence, "char_start": x.char_start, "char_end": x.char_end,
             "attributed_to": x.attributed_to, "hedged": x.hedged, "negated": x.negated}
            for x in evidence[key(e)]], vs[e.source]["entity_id"], vs[e.target]["entity_id"]) for e in hops]
            for hops in steps]

    def shortest(self, source: int, target: int, k: int) -> list[list[int]]:
        """Up to k shortest simple paths (vertex lists), shortest first. The paths of each length are enumerated
        depth first, a step taken only where the target stays within reach of the steps left (the distances to it
        are one breadth-first search): on news networks that is a few hundred steps where igraph's Yen search
        repeats a shortest-path search per deviation. Past EXPANSIONS steps, Yen's search answers instead."""
        simple = self.undirected()
        if source == target:
            return [[source]]
        if k == 1:  # one breadth-first search
            return [list(p) for p in simple.get_k_shortest_paths(source, to=target, k=1, mode="all", output="vpath")
                    if p]
        adjacency = self._adjacency()
        to_target = simple.distances(source=target)[0]
        if to_target[source] == float("inf"):
            return []
        shortest = int(to_target[source])
        found: list[list[int]] = []
        budget = [EXPANSIONS]
        near = [v for v, d in enumerate(to_target) if d <= 1]  # the last two steps: the target and its neighbours
        for length in range(shortest, shortest + MAX_DETOUR + 1):
            path = [source]
            on_path = {source}
            if not self._walk(path, on_path, target, length, k, found, (adjacency, near), to_target, budget):
                return [list(p) for p in simple.get_k_shortest_paths(source, to=target, k=k, mode="all",
                                                                     output="vpath") if p]
            if len(found) >= k:
                break
        return found[:k]

    def _walk(self, path: list[int], on_path: set[int], target: int, length: int, k: int, found: list[list[int]],
              lists: tuple[list[list[int]], list[int]], to_target: list[float], budget: list[int]) -> bool:
        """Extend PATH to every simple path of exactly LENGTH edges ending at TARGET (depth first, in vertex order);
        False when the step budget runs out."""
        adjacency, near = lists
        left = length - (len(path) - 1)
        here = path[-1]
        steps = adjacency[here]
        if left <= 2 and len(steps) > len(near):  # a hub near the end: try only what lies next to the target
            linked = self._neighbours()[here]
            steps = [v for v in near if v in linked]
        for step in steps:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if step in on_path or to_target[step] > left - 1:
                continue
            if step == target:
                if left == 1:
                    found.append([*path, step])
                    if len(found) >= k:
                        return True
                continue
            path.append(step)
            on_path.add(step)
            ok = self._walk(path, on_path, target, length, k, found, lists, to_target, budget)
            path.pop()
            on_path.discard(step)
            if not ok:
                return False
            if len(found) >= k:
                return True
        return True

    def _neighbours(self) -> list[frozenset[int]]:
        cached: list[frozenset[int]] | None = self.__dict__.get("_neighbour_sets")
        if cached is None:
            cached = [frozenset(n) for n in self._adjacency()]
            self.__dict__["_neighbour_sets"] = cached
        return cached

    def _adjacency(self) -> list[list[int]]:
        cached: list[list[int]] | None = self.__dict__.get("_adjacent")
        if cached is None:
            cached = [sorted(n) for n in self.undirected().get_adjlist()]
            self.__dict__["_adjacent"] = cached
        return cached

    def _strongest(self, left: int, right: int) -> ig.Edge:
        """The best-sourced tie between two actors, either way (an index of every pair, built once)."""
        best: dict[tuple[int, int], int] | None = self.__dict__.get("_best")
        if best is None:
            best = {}
            es = self.graph.es
            rank = list(zip(es["sources"], es["claims"], es["relation"], strict=True))
            for i, (a, b) in enumerate(self.graph.get_edgelist()):
                pair = (min(a, b), max(a, b))
                if pair not in best or rank[i] > rank[best[pair]]:
                    best[pair] = i
            self.__dict__["_best"] = best
        return self.graph.es[best[(min(left, right), max(left, right))]]

    def ego(self, name: str, *, hops: int = 1) -> Graph:
        center = self.vertex(name)
        keep = self.graph.neighborhood(center, order=hops, mode="all")
        return Graph(self.store, self.graph.induced_subgraph(keep), self.filters)

    def timeline(self, name: str) -> list[StoredClaim]:
        entity = lookup(self.store, name)
        return self.store.claims_of(entity.entity_id, self.filters)


def build_graph(entities: dict[str, Entity], ties: list[Tie]) -> ig.Graph:
    used = sorted({t.subject_id for t in ties} | {t.object_id for t in ties})
    graph = ig.Graph(directed=True)
    graph.add_vertices(len(used))
    index = {eid: i for i, eid in enumerate(used)}
    graph.vs["entity_id"] = used
    known = [entities.get(e) for e in used]
    graph.vs["name"] = [e.name if e else eid for e, eid in zip(known, used, strict=True)]
    graph.vs["type"] = [e.type if e else "" for e in known]
    graph.vs["country"] = [(e.country or "") if e else "" for e in known]
    graph.add_edges([(index[t.subject_id], index[t.object_id]) for t in ties])
    for attr in ("relation", "claims", "sources", "contradicting_claims", "contradicting_sources", "denied",
                 "hedged_share"):  # denied: only denials name it (kept with --with-negated)
        graph.es[attr] = [getattr(t, attr) for t in ties]
    graph.es["first_seen"] = [t.first_seen or "" for t in ties]
    graph.es["last_seen"] = [t.last_seen or "" for t in ties]
    return graph


def betweenness(simple: ig.Graph, *, samples: int = 1000, seed: int = 7) -> list[float]:
    """Normalised betweenness; exact up to EXACT_BETWEENNESS_LIMIT vertices, else estimated from a
    deterministic sample of source vertices (Brandes-Pich), scaled to the whole graph."""
    n = simple.vcount()
    if n < 3:
        return [0.0] * n
    scale = 2.0 / ((n - 1) * (n - 2))
    if n <= EXACT_BETWEENNESS_LIMIT:
        return [b * scale for b in simple.betweenness(directed=False)]
    import random

    sources = random.Random(seed).sample(range(n), min(samples, n))
    partial = simple.betweenness(directed=False, sources=sources)
    factor = n / len(sources) * scale
    return [b * factor for b in partial]


def _node(vertex: ig.Vertex) -> dict[str, Any]:
    return {"entity_id": vertex["entity_id"], "name": vertex["name"], "type": vertex["type"],
            "country": vertex["country"]}
