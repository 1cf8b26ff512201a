"""An actor brief (Markdown or HTML): who it is, its ties by kind with quoted evidence, sources, hedges and
contradictions, its community and the brokers around it. Every tie is worded as a claim someone makes.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimgraph import ontology
from claimgraph.analyse.graph import Graph
from claimgraph.analyse.ties import lookup
from claimgraph.filters import Filters
from claimgraph.store import Store
from claimgraph.store.records import Entity, StoredClaim


@dataclass
class Brief:
    entity: Entity
    claims: list[StoredClaim]  # every claim naming it that passes the filters, denials included
    community: dict[str, Any] | None  # label, size, members
    brokers: list[dict[str, Any]] = field(default_factory=list)  # name, type, score


def brief(store: Store, name: str, filters: Filters | None = None) -> Brief:
    """The facts of the brief as data (the Markdown and HTML writers only format it), from the claims that pass
    the filters (denials listed as contradictions)."""
    entity = lookup(store, name)
    claims = store.claims_of(entity.entity_id, filters)
    graph = Graph.from_store(store, filters)
    community, brokers = None, []
    if entity.entity_id in {v["entity_id"] for v in graph.graph.vs}:
        for group in graph.communities():
            if any(m["entity_id"] == entity.entity_id for m in group["members"]):
                community = {"label": group["label"], "size": group["size"],
                             "members": [m["name"] for m in group["members"][:12]]}
        ego = graph.ego(entity.entity_id, hops=2)
        brokers = [b for b in ego.centrality("betweenness", top=8) if b["entity_id"] != entity.entity_id][:5]
    return Brief(entity, claims, community, brokers)


def statement(claim: StoredClaim) -> str:
    """One claim in plain words, never as a fact: 'According to X, A funds B (hedged).'"""
    source = claim.source_label
    who = f"According to {source} (in {claim.doc_id})" if source else f"Document {claim.doc_id} claims"
    subject = claim.subject_label
    obj = claim.object_name or claim.object_text or claim.object_id
    if claim.activity is not None:
        activity = ontology.activity(claim.activity).label if claim.activity in ontology.ACTIVITIES else obj
        core = f"{subject} {ontology.relation('ALLEGED').verb} {activity}"
    elif claim.relation == "MEMBER_OF" and claim.object_type == "State":  # a position, not a membership
        core = f"{subject} is {_article(claim.role)} of {obj}" if claim.role \
            else f"{subject} holds a position in the state of {obj}"
    else:
        core = f"{subject} {ontology.relation(claim.relation).verb} {obj}"
    if claim.negated:
        core = f"it is denied that {core}"
    text = f"{who}, {core}" if source else f"{who} that {core}"
    return text + (" (hedged: the source itself is not certain)" if claim.hedged else "") + "."


def _article(role: str) -> str:
    return f"{'an' if role[:1].lower() in 'aeiou' else 'a'} {role}"


def markdown(data: Brief) -> str:
    entity = data.entity
    lines = [f"# Actor brief: {entity.name}", "",
             "_Every line below reports what a document claims. None of it is an established fact._", "",
             f"- **Type:** {entity.type}" + (f", **country:** {entity.country}" if entity.country else ""),
             f"- **Also named:** {', '.join(entity.aliases) or '-'}",
             f"- **Documents:** {', '.join(entity.doc_ids)}", ""]
    for kind, claims in _grouped(data.claims).items():
        lines += [f"## {kind.replace('_', ' ').title()}", ""]
        for claim in claims:
            lines.append(f"- {statement(claim)}")
            lines.append(f"  > \"{' '.join(claim.sentence.split())}\" ({claim.doc_id}, "
                         f"characters {claim.char_start}-{claim.char_end})")
        lines.append("")
    contradicted = [c for c in data.claims if c.negated]
    lines += ["## Contradictions", ""]
    lines += [f"- {statement(c)}" for c in contradicted] or ["- None of the claims about this actor is denied."]
    lines += ["", "## Community", ""]
    if data.community:
        community = data.community
        lines.append(f"- Clustered with {community['size']} actors ({community['label']}): "
                     f"{', '.join(community['members'])}")
    else:
        lines.append("- No community: the actor has no ties that pass the default filters.")
    lines += ["", "## Brokers around it (betweenness within two hops)", ""]
    lines += [f"- {b['name']} ({b['type']}), score {b['score']:.3f}" for b in data.brokers] or ["- None."]
    lines += ["", "## Sources", ""]
    lines += [f"- {doc}" for doc in sorted({c.doc_id for c in data.claims})]
    return "\n".join(lines) + "\n"


def to_html(data: Brief) -> str:
    """The same brief as a standalone HTML page; all document text is escaped."""
    body = []
    for line in markdown(data).splitlines():
        text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(line))  # no markers left as text
        if line.startswith("# "):
            body.append(f"<h1>{text[2:]}</h1>")
        elif line.startswith("## "):
            body.append(f"<h2>{text[3:]}</h2>")
        elif line.startswith("  > "):
            body.append(f"<blockquote>{text[4:]}</blockquote>")
        elif line.startswith("- "):
            body.append(f"<p>&bull; {text[2:]}</p>")
        elif line.startswith("_"):
            body.append(f"<p><em>{text.strip('_')}</em></p>")
        elif line:
            body.append(f"<p>{text}</p>")
    title = html.escape(data.entity.name)
    return ("<!doctype html><html><head><meta charset='utf-8'><title>Actor brief: " + title + "</title>"
            "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}blockquote{color:#444;"
            "border-left:3px solid #ccc;margin:0 0 1em 1em;padding-left:.8em}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")


def _grouped(claims: list[StoredClaim]) -> dict[str, list[StoredClaim]]:
    groups: dict[str, list[StoredClaim]] = defaultdict(list)
    for claim in claims:
        groups[claim.relation].append(claim)
    return dict(sorted(groups.items()))
