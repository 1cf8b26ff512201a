"""Neo4j: CSV files for `neo4j-admin database import full` and an equivalent Cypher script.

    neo4j-admin database import full --nodes=entities.csv --relationships=ties.csv neo4j
    cypher-shell -f import.cypher        # the same graph through Cypher, for a running database
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import igraph as ig

from claimgraph import ontology
from claimgraph.export import Written, annotated_graph
from claimgraph.filters import Filters
from claimgraph.store import Store


def write(store: Store, filters: Filters, folder: str) -> Written:
    graph = annotated_graph(store, filters)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    nodes, rels, script = out / "entities.csv", out / "ties.csv", out / "import.cypher"
    with nodes.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["entityId:ID", "name", "type", "country", "community:int", "pagerank:float", ":LABEL"])
        for v in graph.vs:
            writer.writerow([v["entity_id"], v["name"], v["type"], v["country"], _get(v, "community", -1),
                             _get(v, "pagerank", 0.0), f"Actor;{_label(v['type'])}"])
    with rels.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([":START_ID", ":END_ID", ":TYPE", "claims:int", "sources:int", "hedgedShare:float",
                         "contradictingClaims:int", "contradictingSources:int", "denied:boolean", "firstSeen",
                         "lastSeen"])
        for e in graph.es:
            writer.writerow([graph.vs[e.source]["entity_id"], graph.vs[e.target]["entity_id"], e["relation"],
                             e["claims"], e["sources"], e["hedged_share"], e["contradicting_claims"],
                             e["contradicting_sources"], str(e["denied"]).lower(), e["first_seen"], e["last_seen"]])
    lines = ["// claimgraph: ties are claims read in documents, not established facts.",
             "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.entityId IS UNIQUE;"]
    for v in graph.vs:
        label = _label(v["type"])
        props = {"entityId": v["entity_id"], "name": v["name"], "type": v["type"], "country": v["country"],
                 "community": _get(v, "community", -1), "pagerank": _get(v, "pagerank", 0.0)}
        lines.append(f"MERGE (a:Actor {{entityId: {json.dumps(v['entity_id'])}}}) SET a:{label}, a += {_map(props)};")
    for e in graph.es:
        props = {"claims": e["claims"], "sources": e["sources"], "hedgedShare": e["hedged_share"],
                 "contradictingClaims": e["contradicting_claims"],
                 "contradictingSources": e["contradicting_sources"], "denied": e["denied"],
                 "firstSeen": e["first_seen"], "lastSeen": e["last_seen"]}
        lines.append(
            f"MATCH (s:Actor {{entityId: {json.dumps(graph.vs[e.source]['entity_id'])}}}), "
            f"(o:Actor {{entityId: {json.dumps(graph.vs[e.target]['entity_id'])}}}) "
            f"MERGE (s)-[r:{e['relation']}]->(o) SET r += {_map(props)};")
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Written(f"{graph.vcount()} actors and {graph.ecount()} ties", (str(nodes), str(rels), str(script)))


def _label(actor_type: str) -> str:
    """The node label: the actor type itself (every type of ontology.yaml), else Organization."""
    return actor_type if actor_type in ontology.ACTOR_TYPES else "Organization"


def _get(vertex: ig.Vertex, name: str, default: object) -> object:
    return vertex[name] if name in vertex.attributes() else default


def _map(props: dict[str, object]) -> str:
    return "{" + ", ".join(f"{k}: {json.dumps(v)}" for k, v in props.items()) + "}"
