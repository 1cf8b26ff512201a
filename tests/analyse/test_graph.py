"""Graph analysis on the examples built into a real store."""

import json
from pathlib import Path

import pytest

from claimgraph.analyse.graph import Filters, Graph
from claimgraph.store import Store
from tests.conftest import run_cli


def test_path_rosneft_to_farc_has_evidence_on_every_hop(examples_db: Path) -> None:
    done = run_cli("path", "Rosneft", "FARC", "--db", str(examples_db), "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    hops = json.loads(done.stdout)["hops"]
    assert "Rosneft" in (hops[0]["subject"], hops[0]["object"])
    assert "FARC" in (hops[-1]["subject"], hops[-1]["object"])
    for left, right in zip(hops, hops[1:], strict=False):  # consecutive hops share an actor
        assert {left["subject"], left["object"]} & {right["subject"], right["object"]}
    for hop in hops:
        assert hop["evidence"], hop
        for evidence in hop["evidence"]:
            assert set(evidence) == {"doc_id", "sentence", "char_start", "char_end", "attributed_to", "hedged",
                                     "negated"}


def test_brokers_communities_and_filters(examples_db: Path) -> None:
    store = Store.open(str(examples_db), read_only=True)
    graph = Graph.from_store(store)
    top = [row["name"] for row in graph.centrality("betweenness", 3)]
    assert "Russia" in top
    groups = graph.communities()
    assert groups and groups[0]["size"] >= groups[-1]["size"]
    for group in groups:  # labelled by its best-connected members, in order
        assert group["label"] == " / ".join(m["name"] for m in group["members"][:3])
    assert sum(g["size"] for g in groups) == graph.graph.vcount()
    only_funds = Graph.from_store(store, Filters(kinds=("FUNDS",)))
    assert set(only_funds.graph.es["relation"]) == {"FUNDS"}
    assert only_funds.graph.ecount() < graph.graph.ecount()
    corroborated = Graph.from_store(store, Filters(min_sources=2))
    assert all(s >= 2 for s in corroborated.graph.es["sources"])


def test_ego_network_and_timeline(examples_db: Path) -> None:
    store = Store.open(str(examples_db), read_only=True)
    graph = Graph.from_store(store)
    ego = graph.ego("Tareck El Aissami", hops=1)
    names = set(ego.graph.vs["name"])
    assert {"Tareck El Aissami", "Hezbollah", "Cartel of the Suns"} <= names
    timeline = graph.timeline("Tareck El Aissami")
    assert timeline and all(c.sentence and "Tareck El Aissami" in (c.subject_name, c.object_name)
                            for c in timeline)


def test_ambiguous_name_lists_candidates(examples_db: Path) -> None:
    done = run_cli("ego", "Command", "--db", str(examples_db))
    assert done.returncode != 0
    assert "matches several entities" in done.stderr.decode()


def test_k_shortest_paths_match_yens_search_and_fall_back_when_it_explodes(examples_db: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    import igraph as ig

    import claimgraph.analyse.graph as graph_module

    rng = random.Random(3)
    net = ig.Graph(n=400, edges=[(i, rng.randrange(i)) for i in range(1, 400) for _ in range(2)]
                   + [(rng.randrange(400), rng.randrange(400)) for _ in range(200)], directed=True)
    net.vs["entity_id"] = [f"e{i}" for i in range(400)]
    net.vs["name"] = [f"E {i}" for i in range(400)]
    net.es["sources"], net.es["claims"], net.es["relation"] = 1, 1, "SUPPORTS"
    with Store.open(str(examples_db), read_only=True) as store:
        graph = Graph(store, net, Filters())
        simple = graph.undirected()
        for _ in range(60):
            a, b = rng.randrange(400), rng.randrange(400)
            for k in (2, 5):
                mine = graph.shortest(a, b, k)
                yen = [p for p in simple.get_k_shortest_paths(a, to=b, k=k, mode="all", output="vpath") if p]
                assert sorted(map(len, mine)) == sorted(map(len, yen))  # the same lengths as Yen's search
                assert all(p[0] == a and p[-1] == b and len(set(p)) == len(p) for p in mine)
                assert all(simple.are_adjacent(u, v) for p in mine for u, v in zip(p, p[1:], strict=False))
        monkeypatch.setattr(graph_module, "EXPANSIONS", 1)  # no steps allowed: Yen's search answers
        assert sorted(map(len, graph.shortest(0, 399, 5))) == sorted(
            map(len, [p for p in simple.get_k_shortest_paths(0, to=399, k=5, mode="all", output="vpath") if p]))
