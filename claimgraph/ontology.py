"""The vocabulary every module reads: actor types, relation kinds and activities, from ontology.yaml.

    from claimgraph import ontology
    ontology.RELATIONS            # every kind, in the file's order
    ontology.relation("FUNDS")    # its label, verb, direction, colour
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from importlib import resources
from typing import Any

import yaml

from claimgraph.errors import LexiconError

FAMILIES = ("person", "state", "org", "place")


@dataclass(frozen=True)
class ActorType:
    name: str
    label: str
    colour: str
    ftm: str
    family: str


@dataclass(frozen=True)
class RelationKind:
    name: str
    label: str
    verb: str
    symmetric: bool
    network: bool  # a tie between actors, not a position, kinship or presence
    colour: str
    activity: bool = False  # its object is an activity code (ALLEGED)
    places: bool = False  # a place may be one end: where one is (OPERATES_IN), holds office, controls, attacks


@dataclass(frozen=True)
class Activity:
    name: str
    label: str
    ftm_topic: str | None


def _load() -> tuple[dict[str, ActorType], dict[str, RelationKind], dict[str, Activity]]:
    text = resources.files("claimgraph").joinpath("ontology.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    try:
        types = {name: ActorType(name, **fields) for name, fields in data["actor_types"].items()}
        kinds = {name: RelationKind(name, **fields) for name, fields in data["relations"].items()}
        activities = {name: Activity(name, **fields) for name, fields in data["activities"].items()}
    except (KeyError, TypeError) as err:
        raise LexiconError(f"ontology.yaml: {err}") from err
    for actor in types.values():
        if actor.family not in FAMILIES:
            raise LexiconError(f"ontology.yaml: {actor.name} has family {actor.family!r}, not one of {FAMILIES}")
    if [k for k in kinds.values() if k.activity] != [kinds["ALLEGED"]]:
        raise LexiconError("ontology.yaml: ALLEGED, and only it, takes an activity")
    return types, kinds, activities


_TYPES, _KINDS, _ACTIVITIES = _load()

ACTOR_TYPES: tuple[str, ...] = tuple(_TYPES)
RELATIONS: tuple[str, ...] = tuple(_KINDS)
TIE_KINDS: tuple[str, ...] = tuple(k for k, v in _KINDS.items() if not v.activity)  # kinds between two actors
SYMMETRIC: frozenset[str] = frozenset(k for k, v in _KINDS.items() if v.symmetric)
NETWORK: frozenset[str] = frozenset(k for k, v in _KINDS.items() if v.network)
PLACE_KINDS: frozenset[str] = frozenset(k for k, v in _KINDS.items() if v.places)  # the others tie actors only
ACTIVITIES: tuple[str, ...] = tuple(_ACTIVITIES)


def actor_type(name: str) -> ActorType:
    return _TYPES[name]


def relation(name: str) -> RelationKind:
    return _KINDS[name]


def activity(name: str) -> Activity:
    return _ACTIVITIES[name]


def family(type_name: str) -> str:
    """What resolution may merge: person, state, place, or org (every other type)."""
    found = _TYPES.get(type_name)
    return found.family if found else "org"


def as_json() -> dict[str, Any]:
    """The whole vocabulary for the web view (/api/ontology)."""
    return {"actor_types": [asdict(t) for t in _TYPES.values()],
            "relations": [asdict(k) for k in _KINDS.values()],
            "activities": [asdict(a) for a in _ACTIVITIES.values()]}
