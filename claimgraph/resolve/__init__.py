"""Entities from mentions: one entity per actor, with every name it was seen under."""

from claimgraph.resolve.entities import build_entities, entity_id

__all__ = ["build_entities", "entity_id"]
