"""A user's judgements on entities: merge, split, rename; listed, exported and imported as a file.

Each judgement is stored, then entities are resolved again at once (no NLP). Every later build re-applies
them, so a rebuild never loses a user's work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimgraph.analyse.ties import lookup
from claimgraph.errors import InputError, NotFoundError
from claimgraph.pipeline import resolve_store
from claimgraph.resolve.judgements import Judgement, from_row, parse_lines
from claimgraph.store import Store


def _keys(store: Store, name: str) -> tuple[dict[str, Any], list[str]]:
    entity = lookup(store, name)
    keys = store.entity_keys(entity["entity_id"])
    if not keys:
        raise NotFoundError(f"entity {entity['name']!r} has no stored keys: rebuild first")
    return entity, keys


def merge(store: Store, a: str, b: str) -> dict[str, Any]:
    first, keys_a = _keys(store, a)
    second, keys_b = _keys(store, b)
    if first["entity_id"] == second["entity_id"]:
        raise InputError(f"{a!r} and {b!r} are already one entity ({first['name']})")
    judgement = Judgement("merge", tuple(keys_a), tuple(keys_b), note=f"{first['name']} = {second['name']}")
    return _record(store, judgement, keys_a[0])


def split(store: Store, name: str) -> list[dict[str, Any]]:
    entity, keys = _keys(store, name)
    if len(keys) < 2:
        raise InputError(f"{entity['name']!r} is a single entity key: nothing to split")
    store.add_judgements([Judgement("split", tuple(keys), note=f"split {entity['name']}").row()])
    resolution = resolve_store(store)
    ids = {resolution.key_to_id[k] for k in keys}
    return [e for e in resolution.entities if e["entity_id"] in ids]


def rename(store: Store, name: str, new_name: str) -> dict[str, Any]:
    entity, keys = _keys(store, name)
    judgement = Judgement("rename", tuple(keys), name=new_name, note=f"{entity['name']} -> {new_name}")
    return _record(store, judgement, keys[0])


def _record(store: Store, judgement: Judgement, key: str) -> dict[str, Any]:
    store.add_judgements([judgement.row()])
    resolution = resolve_store(store)
    eid = resolution.key_to_id[key]
    return next(e for e in resolution.entities if e["entity_id"] == eid)


def listing(store: Store) -> list[Judgement]:
    return [from_row(r) for r in store.judgements()]


def export_file(store: Store, path: str) -> int:
    judgements = listing(store)
    Path(path).write_text("".join(j.to_json() + "\n" for j in judgements), encoding="utf-8")
    return len(judgements)


def import_file(store: Store, path: str) -> int:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}") from err
    added = store.add_judgements([j.row() for j in parse_lines(text, path)])
    resolve_store(store)
    return added
