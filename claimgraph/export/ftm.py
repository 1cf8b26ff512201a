"""FollowTheMoney entities as JSON Lines (Aleph, OpenSanctions tooling, nomenklatura).

Actors become Person, Organization, Company or PublicBody; ties become Membership, Family, Associate,
Payment or UnknownLink, each carrying its source sentences, documents and publishers in `description`,
`sourceUrl` and `publisher`. ALLEGED activities become topics on the actor. Every tie's summary says it is
a claim read in documents, not an established fact.

A denial is never written as the positive schema. Denials are left out unless the filters keep them
(`--with-negated`); then each denied tie becomes a `Note` on both actors saying what is denied, by whom,
with the denying sentences: FtM has no negated link, so the negation lives at the statement level.
The filters choose the ties, topics and actors written (with filters, only the actors the kept claims name).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from followthemoney import model, registry

from claimgraph import ontology
from claimgraph.export import Written, text_out
from claimgraph.filters import Filters
from claimgraph.store import Store
from claimgraph.store.records import Entity, Evidence


def records(store: Store, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    filters = filters or Filters()
    topics: dict[str, set[str]] = {}
    for claim in store.claims(filters, keep_denials=False):  # "X was never charged with Y" is no topic
        code = claim.activity
        topic = ontology.activity(code).ftm_topic if code in ontology.ACTIVITIES else None
        if topic:
            topics.setdefault(claim.subject_id, set()).add(registry.topic.clean(topic) or "crime")
    proxies: dict[str, Any] = {}
    for entity in store.entities_named(filters):
        proxy = _actor(entity, topics.get(entity.entity_id, set()))
        proxies[entity.entity_id] = proxy
        yield proxy.to_dict()
    for tie in store.tie_rows(filters):
        subject_id, relation, object_id = tie.subject_id, tie.relation, tie.object_id
        if subject_id not in proxies or object_id not in proxies:
            continue
        evidence = store.evidence(subject_id, relation, object_id, filters)
        asserted = [e for e in evidence if not e.negated]
        if tie.claims > 0:
            link = _link(proxies[subject_id], relation, proxies[object_id], asserted)
            yield link.to_dict()
        if filters.negated and tie.contradicting_claims > 0:
            denials = [e for e in evidence if e.negated]
            yield _denial(proxies[subject_id], relation, proxies[object_id], denials).to_dict()


def _denial(subject: Any, relation: str, obj: Any, evidence: list[Evidence]) -> Any:
    """A denied tie as a Note on both actors: the negation is stated, never drawn as a link."""
    proxy = model.make_entity("Note")
    proxy.id = f"cg-denial-{subject.id}-{relation}-{obj.id}"
    proxy.add("entity", [subject.id, obj.id])
    sources = sorted({e.doc_id for e in evidence})
    proxy.add("name", f"Denied: {subject.caption} {relation.lower().replace('_', ' ')} {obj.caption}")
    proxy.add("summary", f"{len(evidence)} sentence(s) in {len(sources)} document(s) deny that {subject.caption} "
                         f"{relation.lower().replace('_', ' ')} {obj.caption} (a denial, not a link)")
    proxy.add("description", "\n".join(_quote(e) for e in evidence[:20]))
    proxy.add("publisher", sources, quiet=True)
    return proxy


def _actor(entity: Entity, topics: set[str]) -> Any:
    schema = ontology.actor_type(entity.type).ftm if entity.type in ontology.ACTOR_TYPES else "Organization"
    proxy = model.make_entity(schema)
    proxy.id = f"cg-{entity.entity_id}"
    if schema == "Address":
        proxy.add("full", entity.name)
    else:
        proxy.add("name", entity.name)
        proxy.add("alias", [a for a in entity.aliases if a != entity.name], quiet=True)
        country = registry.country.clean(entity.country) if entity.country else None
        if country:
            proxy.add("jurisdiction" if schema == "PublicBody" and entity.type == "State" else "country", country,
                      quiet=True)
        proxy.add("topics", sorted(topics), quiet=True)
    proxy.add("notes", f"claimgraph {entity.type}; seen in: {', '.join(entity.doc_ids)}", quiet=True)
    return proxy


def _link(subject: Any, relation: str, obj: Any, evidence: list[Evidence]) -> Any:
    schema, ends = _link_schema(subject, relation, obj)
    proxy = model.make_entity(schema)
    proxy.id = f"cg-tie-{subject.id}-{relation}-{obj.id}"
    proxy.add(ends[0], subject.id)
    proxy.add(ends[1], obj.id)
    if schema in ("UnknownLink", "Membership"):
        proxy.add("role", relation.lower().replace("_", " "))
    sources = sorted({e.doc_id for e in evidence})
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


def _quote(evidence: Evidence) -> str:
    who = evidence.attributed_to or evidence.doc_id
    flags = (" [hedged]" if evidence.hedged else "") + (" [denied]" if evidence.negated else "")
    return f"{who}: \"{' '.join(evidence.sentence.split())}\"{flags} ({evidence.doc_id})"


def write(store: Store, filters: Filters, path: str) -> Written:
    count = 0
    with text_out(path) as out:
        for record in records(store, filters):
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return Written(f"{count:,} FollowTheMoney entities", (path,))
