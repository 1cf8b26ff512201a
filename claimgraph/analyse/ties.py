"""An entity's ties, each with the sentences that back it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimgraph.errors import NotFoundError
from claimgraph.filters import Filters
from claimgraph.store import Store


@dataclass
class Tie:
    subject: str
    relation: str
    object: str
    claims: int  # sentences asserting the tie
    sources: int  # distinct publishers asserting it
    hedged_share: float
    contradicting_claims: int  # sentences denying it
    contradicting_sources: int  # distinct publishers denying it
    first_seen: str | None
    last_seen: str | None
    evidence: list[dict[str, Any]] = field(default_factory=list)


class AmbiguousName(NotFoundError):
    def __init__(self, name: str, candidates: list[dict[str, Any]]):
        listed = "; ".join(f"{c['name']} ({c['type']}, {c['entity_id']})" for c in candidates[:8])
        super().__init__(f"{name!r} matches several entities: {listed}. Use a fuller name or the entity id.")
        self.candidates = candidates


def lookup(store: Store, name: str) -> dict[str, Any]:
    """One entity by id, name or alias; a clear error listing candidates when ambiguous."""
    rows = [e for e in store.entities() if e["entity_id"] == name]
    if rows:
        return rows[0]
    found = store.find_entities(name)
    if not found:
        raise NotFoundError(f"no entity named {name!r}")
    exact = [e for e in found if e["name"].lower() == name.lower()
             or name.lower() in (a.lower() for a in e["aliases"] or [])]
    if len(exact) == 1 or (exact and len(found) == 1):
        return exact[0]
    if len(found) == 1:
        return found[0]
    if exact and len(exact[0]["doc_ids"] or []) > 2 * max(len(e["doc_ids"] or []) for e in exact[1:]):
        return exact[0]
    raise AmbiguousName(name, exact or found)


def ties_of(store: Store, name: str, filters: Filters | None = None) -> tuple[dict[str, Any], list[Tie]]:
    """NAME's ties among the claims that pass the filters, each with its evidence (denials flagged)."""
    entity = lookup(store, name)
    ties = []
    for row in store.ties_of(entity["entity_id"], filters):
        obj = row["object_name"] or row["object_id"].removeprefix("activity:")
        tie = Tie(row["subject_name"], row["relation"], obj, row["claims"], row["sources"],
                  float(row["hedged_share"]), int(row["contradicting_claims"]), int(row["contradicting_sources"]),
                  row["first_seen"], row["last_seen"])
        tie.evidence = store.evidence(row["subject_id"], row["relation"], row["object_id"], filters)
        ties.append(tie)
    return entity, ties
