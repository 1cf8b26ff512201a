"""FollowTheMoney entities as JSON Lines (Aleph, OpenSanctions tooling, nomenklatura).

Actors become Person, Organization, Company or PublicBody; ties become Membership, Family, Associate,
Payment or UnknownLink, each carrying its source sentences, documents and publishers in `description`,
`sourceUrl` and `publisher`. ALLEGED activities become topics on the actor. Every tie's summary says it is
a claim read in documents, not an established fact.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from followthemoney import model, registry

from claimgraph.store import Store

SCHEMA_BY_TYPE = {"Person": "Person", "State": "PublicBody", "Agency": "PublicBody", "Company": "Company",
                  "Place": "Address"}
ACTIVITY_TOPICS = {  # ONTOLOGY.md section 4; topics this FtM version lacks fall back to "crime"
    "drug_trafficking": "crime.traffick.drug", "arms_trafficking": "crime.traffick", "money_laundering": "crime.fin",
    "corruption": "crime.fin", "terrorism": "crime.terror", "document_fraud": "crime.fraud",
    "human_rights_abuse": "crime.war", "electoral_fraud": "crime", "organized_crime": "crime",
}


def records(store: Store) -> Iterator[dict[str, Any]]:
    topics: dict[str, set[str]] = {}
    for claim in store.claims():
        if claim["relation"] == "ALLEGED" and not claim["negated"]:  # "X was never charged with Y" is no topic
            activity = claim["object_id"].split(":", 1)[1]
            topic = ACTIVITY_TOPICS.get(activity)
            if topic:
                topics.setdefault(claim["subject_id"], set()).add(registry.topic.clean(topic) or "crime")
    proxies: dict[str, Any] = {}
    for entity in store.entities():
        proxy = _actor(entity, topics.get(entity["entity_id"], set()))
        proxies[entity["entity_id"]] = proxy
        yield proxy.to_dict()
    for tie in store.tie_rows(negated=False):  # a denial is never written as the positive schema
        subject_id, relation, object_id = tie["subject_id"], tie["relation"], tie["object_id"]
        if subject_id not in proxies or object_id not in proxies:
            continue
        evidence = store.evidence(subject_id, relation, object_id) or store.evidence(object_id, relation, subject_id)
        evidence = [e for e in evidence if not e["negated"]]
        link = _link(proxies[subject_id], relation, proxies[object_id], evidence)
        if link is not None:
            yield link.to_dict()


def _actor(entity: dict[str, Any], topics: set[str]) -> Any:
    schema = SCHEMA_BY_TYPE.get(entity["type"], "Organization")
    proxy = model.make_entity(schema)
    proxy.id = f"cg-{entity['entity_id']}"
    if schema == "Address":
        proxy.add("full", entity["name"])
    else:
        proxy.add("name", entity["name"])
        proxy.add("alias", [a for a in entity["aliases"] or [] if a != entity["name"]], quiet=True)
        country = registry.country.clean(entity["country"]) if entity["country"] else None
        if country:
            proxy.add("jurisdiction" if schema == "PublicBody" and entity["type"] == "State" else "country", country,
                      quiet=True)
        proxy.add("topics", sorted(topics), quiet=True)
    proxy.add("notes", f"claimgraph {entity['type']}; seen in: {', '.join(entity['doc_ids'] or [])}", quiet=True)
    return proxy


def _link(subject: Any, relation: str, obj: Any, evidence: list[dict[str, Any]]) -> Any:
    schema, ends = _link_schema(subject, relation, obj)
    proxy = model.make_entity(schema)
    proxy.id = f"cg-tie-{subject.id}-{relation}-{obj.id}"
    proxy.add(ends[0], subject.id)
    proxy.add(ends[1], obj.id)
    if schema in ("UnknownLink", "Membership"):
        proxy.add("role", relation.lower().replace("_", " "))
    sources = sorted({e["doc_id"] for e in evidence})
    proxy.add("summary", f"Claimed in {len(sources)} document(s): {relation} (a claim, not an established fact)")
    proxy.add("description", "\n".join(_quote(e) for e in evidence[:20]))
    proxy.add("publisher", sources, quiet=True)
    return proxy


def _link_schema(subject: Any, relation: str, obj: Any) -> tuple[str, tuple[str, str]]:
    people = subject.schema.name == "Person", obj.schema.name == "Person"
    if relation == "MEMBER_OF" and obj.schema.is_a("Organization"):
        return "Membership", ("member", "organization")
    if relation == "FAMILY" and all(people):
        return "Family", ("person", "relative")
    if relation == "ASSOCIATED_WITH" and all(people):
        return "Associate", ("person", "associate")
    if relation == "FUNDS" and subject.schema.is_a("LegalEntity") and obj.schema.is_a("LegalEntity"):
        return "Payment", ("payer", "beneficiary")
    return "UnknownLink", ("subject", "object")


def _quote(evidence: dict[str, Any]) -> str:
    who = evidence.get("attributed_to") or evidence["doc_id"]
    flags = (" [hedged]" if evidence.get("hedged") else "") + (" [denied]" if evidence.get("negated") else "")
    return f"{who}: \"{' '.join(evidence['sentence'].split())}\"{flags} ({evidence['doc_id']})"


def write(store: Store, path: str) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in records(store):
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count
