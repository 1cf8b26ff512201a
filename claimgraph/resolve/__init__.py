"""Cross-document entity resolution: one entity per actor, with every name it was seen under and why."""

from claimgraph.resolve.entities import Resolution, entity_id, protos_from, resolve
from claimgraph.resolve.judgements import Judgement

__all__ = ["Judgement", "Resolution", "entity_id", "protos_from", "resolve"]
