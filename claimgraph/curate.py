"""A user's judgements on entities: merge, split (all names, or one name off), mark unsure, rename, retype;
listed, exported and imported as a file; and `explain`, why an entity joins the names it joins.

Each judgement is stored, then entities are resolved again at once (no NLP). Every later build re-applies
them, so a rebuild never loses a user's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimgraph.analyse.ties import lookup
from claimgraph.errors import InputError, NotFoundError
from claimgraph.pipeline import resolve_store
from claimgraph.resolve.judgements import Judgement, from_row, parse_lines
from claimgraph.store import Store
from claimgraph.store.records import Entity


@dataclass
class Part:
    """One group of names of an entity: the names one in-document reading joined, where they were read."""

    key: str
    names: list[str]
    docs: list[str]


def parts(entity: Entity) -> list[Part]:
    attributes = entity.attributes
    by_key = attributes.get("names_by_key", {})
    return [Part(k, by_key.get(k, {}).get("names", []), by_key.get(k, {}).get("docs", []))
            for k in attributes.get("keys", [])]


def _entity(store: Store, name: str) -> tuple[Entity, list[Part]]:
    entity = lookup(store, name)
    found = parts(entity)
    if not found:
        raise NotFoundError(f"{entity.name!r} has no stored names: rebuild first")
    return entity, found


def merge(store: Store, a: str, b: str) -> Entity:
    first, parts_a = _entity(store, a)
    second, parts_b = _entity(store, b)
    if first.entity_id == second.entity_id:
        raise InputError(f"{a!r} and {b!r} are already one entity ({first.name})")
    judgement = Judgement("merge", tuple(p.key for p in parts_a), tuple(p.key for p in parts_b),
                          note=f"{first.name} = {second.name}")
    return _record(store, judgement, parts_a[0].key)


def split(store: Store, name: str, one: str | None = None) -> list[Entity]:
    """Split NAME's entity: every group of names apart, or (ONE given) that name off from the rest."""
    entity, found = _entity(store, name)
    if len(found) < 2:
        names = ", ".join(found[0].names) or entity.name
        raise InputError(f"{entity.name!r} was read as one actor within one document ({names}): "
                         "there is no merge to undo")
    if one is None:
        judgement = Judgement("split", tuple(p.key for p in found), note=f"{entity.name}: every name apart")
    else:
        wanted = one.strip().lower()
        off = [p for p in found if wanted in (n.lower() for n in p.names)]
        if not off:
            listed = "; ".join(", ".join(p.names) for p in found)
            raise InputError(f"{entity.name!r} has no name {one!r}; its names: {listed}")
        if len(off) == len(found):
            raise InputError(f"every part of {entity.name!r} is also called {one!r}: nothing to split off")
        rest = [p for p in found if p not in off]
        judgement = Judgement("split", tuple(p.key for p in off), tuple(p.key for p in rest),
                              note=f"{one} is not {entity.name}")
    store.add_judgements([judgement.row()])
    resolution = resolve_store(store)
    ids = {resolution.key_to_id[p.key] for p in found}
    return [Entity.from_row(e) for e in resolution.entities if e["entity_id"] in ids]


def unsure(store: Store, a: str, b: str) -> None:
    first, parts_a = _entity(store, a)
    second, parts_b = _entity(store, b)
    store.add_judgements([Judgement("unsure", tuple(p.key for p in parts_a), tuple(p.key for p in parts_b),
                                    note=f"{first.name} ? {second.name}").row()])


def rename(store: Store, name: str, new_name: str) -> Entity:
    entity, found = _entity(store, name)
    judgement = Judgement("rename", tuple(p.key for p in found), name=new_name.strip(),
                          note=f"{entity.name} -> {new_name.strip()}")
    return _record(store, judgement, found[0].key)


def retype(store: Store, name: str, actor_type: str) -> Entity:
    entity, found = _entity(store, name)
    judgement = Judgement("retype", tuple(p.key for p in found), value=actor_type,
                          note=f"{entity.name}: {entity.type} -> {actor_type}")
    return _record(store, judgement, found[0].key)


def _record(store: Store, judgement: Judgement, key: str) -> Entity:
    store.add_judgements([judgement.row()])
    resolution = resolve_store(store)
    eid = resolution.key_to_id[key]
    return Entity.from_row(next(e for e in resolution.entities if e["entity_id"] == eid))


def explain(entity: Entity) -> list[str]:
    """Why the entity joins its names, one line each: the names each document's reading joined, then every
    merge with its rule or judgement and the documents on both sides."""
    attributes = entity.attributes
    lines = []
    for part in parts(entity):
        if not part.names:
            continue
        where = ", ".join(part.docs) or "the gazetteer"
        how = "read as one actor in" if len(part.names) > 1 else "read in"
        lines.append(f"{' / '.join(part.names)}: {how} {where}")
    for step in attributes.get("merges", []):
        docs = step.get("docs") or [[], []]
        left = f"{step['names'][0]} ({', '.join(docs[0]) or 'gazetteer'})"
        right = f"{step['names'][1]} ({', '.join(docs[1]) or 'gazetteer'})"
        lines.append(f"merged {left} + {right}: {step['rule']}")
    if attributes.get("renamed"):
        lines.append(f"name {entity.name!r} set by a user judgement")
    if attributes.get("retyped"):
        lines.append(f"type {entity.type} set by a user judgement")
    return lines


def listing(store: Store) -> list[Judgement]:
    return [from_row(r) for r in store.judgements()]


def export_file(store: Store, path: str) -> int:
    judgements = listing(store)
    try:
        Path(path).write_text("".join(j.to_json() + "\n" for j in judgements), encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror}") from err
    return len(judgements)


def import_file(store: Store, path: str) -> int:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {path}: {getattr(err, 'strerror', None) or err}") from err
    added = store.add_judgements([j.row() for j in parse_lines(text, path)])
    resolve_store(store)
    return added
