"""GEXF 1.3 (Gephi's own format), written with the standard library."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from claimgraph.export import Written, annotated_graph
from claimgraph.filters import Filters
from claimgraph.store import Store

NODE_ATTRS = [("type", "string"), ("country", "string"), ("degree", "integer"), ("strength", "double"),
              ("betweenness", "double"), ("pagerank", "double"), ("community", "integer"),
              ("community_label", "string")]
EDGE_ATTRS = [("relation", "string"), ("claims", "integer"), ("sources", "integer"), ("hedged_share", "double"),
              ("contradicting_claims", "integer"), ("contradicting_sources", "integer"), ("denied", "boolean"),
              ("first_seen", "string"), ("last_seen", "string")]


def write(store: Store, filters: Filters, path: str) -> Written:
    graph = annotated_graph(store, filters)
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "claimgraph"
    ET.SubElement(meta, "description").text = "Ties are claims read in documents, not established facts."
    body = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    _attributes(body, "node", NODE_ATTRS)
    _attributes(body, "edge", EDGE_ATTRS)
    nodes = ET.SubElement(body, "nodes")
    names = set(graph.vs.attributes())
    for vertex in graph.vs:
        node = ET.SubElement(nodes, "node", {"id": vertex["entity_id"], "label": vertex["name"]})
        values = ET.SubElement(node, "attvalues")
        for number, (name, _) in enumerate(NODE_ATTRS):
            if name in names and vertex[name] is not None:
                ET.SubElement(values, "attvalue", {"for": str(number), "value": str(vertex[name])})
    edges = ET.SubElement(body, "edges")
    for edge in graph.es:
        element = ET.SubElement(edges, "edge", {
            "id": str(edge.index), "source": graph.vs[edge.source]["entity_id"],
            "target": graph.vs[edge.target]["entity_id"], "label": edge["relation"],
            "weight": str(edge["sources"])})
        values = ET.SubElement(element, "attvalues")
        for number, (name, _) in enumerate(EDGE_ATTRS):
            value = edge[name]
            ET.SubElement(values, "attvalue", {"for": str(number),
                                               "value": str(value).lower() if isinstance(value, bool) else str(value)})
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return Written(f"{graph.vcount()} actors and {graph.ecount()} ties", (path,))


def _attributes(parent: ET.Element, kind: str, attrs: list[tuple[str, str]]) -> None:
    element = ET.SubElement(parent, "attributes", {"class": kind, "mode": "static"})
    for number, (name, atype) in enumerate(attrs):
        ET.SubElement(element, "attribute", {"id": str(number), "title": name, "type": atype})
