"""Finding an entity by name, and its ties, each with the sentences that back it."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.errors import NotFoundError
from claimgraph.filters import Filters
from claimgraph.store import Store
from claimgraph.store.records import Entity, Evidence


@dataclass
class TieView:
    """A tie as a reader sees it: names at both ends, its counts, and its sentences."""

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
    evidence: list[Evidence] = field(default_factory=list)


class AmbiguousName(NotFoundError):
    def __init__(self, name: str, candidates: list[Entity]):
        listed = "; ".join(f"{c.name} ({c.type}, {c.entity_id})" for c in candidates[:8])
        super().__init__(f"{name!r} matches several entities: {listed}. Use a fuller name or the entity id.")
        self.candidates = candidates


def lookup(store: Store, name: str) -> Entity:
    """One entity by id, name or alias; a clear error listing candidates when ambiguous."""
    by_id = store.entity(name)
    if by_id is not None:
        return by_id
    found = store.find_entities(name)
    if not found:
        raise NotFoundError(f"no entity named {name!r}")
    wanted = name.lower()
    exact = [e for e in found if e.name.lower() == wanted or wanted in (a.lower() for a in e.aliases)]
    if len(exact) == 1 or (exact and len(found) == 1):
        return exact[0]
    if len(found) == 1:
        return found[0]
    if exact and len(exact[0].doc_ids) > 2 * max(len(e.doc_ids) for e in exact[1:]):
        return exact[0]
    raise AmbiguousName(name, exact or found)


def ties_of(store: Store, name: str, filters: Filters | None = None) -> tuple[Entity, list[TieView]]:
    """NAME's ties among the claims that pass the filters, each with its evidence (denials flagged)."""
    entity = lookup(store, name)
    views = []
    for tie in store.ties_of(entity.entity_id, filters):
        views.append(TieView(tie.subject_name or tie.subject_id, tie.relation, tie.object_label, tie.claims,
                             tie.sources, tie.hedged_share, tie.contradicting_claims, tie.contradicting_sources,
                             tie.first_seen, tie.last_seen,
                             store.evidence(tie.subject_id, tie.relation, tie.object_id, filters)))
    return entity, views
