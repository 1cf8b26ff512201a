"""Entities from mentions: protos per key, automatic clustering, then the user's judgements."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimgraph.ids import content_id
from claimgraph.lexicon import alias_key, load
from claimgraph.resolve.cluster import Merge, Proto, UnionFind, cluster
from claimgraph.resolve.judgements import Judgement


def entity_id(key: str) -> str:
    return content_id("entity", key)


@dataclass
class Resolution:
    entities: list[dict]
    key_to_id: dict[str, str]
    merges: list[Merge]


def protos_from(mention_rows: Iterable[tuple], endpoint_keys: Iterable[str]) -> dict[str, Proto]:
    """mention_rows: (entity_key, type, name, text, country, doc_id, label, count)."""
    lex = load()
    protos: dict[str, Proto] = {}
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for key, mtype, name, text, country, doc_id, label, count in mention_rows:
        proto = protos.get(key)
        if proto is None:
            actor = lex.actors.get(key)
            proto = protos[key] = Proto(key, actor.type if actor else mtype, anchored=actor is not None,
                                        country=actor.country if actor else None)
        types[key][mtype] += count
        if label != "pronoun":
            proto.names[name] += count
            if label != "collective" or alias_key(text) == alias_key(name):  # "militants" in Azerbaijan: not a name
                proto.names[text] += 0
        if label == "demonym" and mtype == "State" and " " in text:  # "Hungarian officials": also "Hungarian"
            word = text.split()[0]
            if lex.aliases.get(alias_key(word)) == key:
                proto.names[word] += 0
        proto.docs.add(doc_id)
        if country and not proto.country:
            proto.country = country
    for key, counter in types.items():
        if not protos[key].anchored:
            protos[key].type = counter.most_common(1)[0][0]
    for proto in list(protos.values()):
        if proto.anchored:
            continue
        for name in proto.names:
            hint = lex.aliases.get(alias_key(name))
            if hint and hint != proto.key:
                if hint not in protos:
                    actor = lex.actors[hint]
                    protos[hint] = Proto(hint, actor.type, Counter({actor.name: 0}), set(), actor.country, True)
                proto.hint = hint
                break
    for key in endpoint_keys:  # claim ends known only from the gazetteer ("President Putin" -> Russia)
        if key and key not in protos and key in lex.actors:
            actor = lex.actors[key]
            protos[key] = Proto(key, actor.type, Counter({actor.name: 0}), set(), actor.country, True)
    return protos


def resolve(protos: dict[str, Proto], judgements: Sequence[Judgement] = ()) -> Resolution:
    """Entities from protos: the user's merges first, then the automatic rules (which never join what a user
    judged apart), then the user's names and types."""
    judged = _pair_states(judgements)
    uf = UnionFind(protos, [pair for pair, j in judged.items() if j.kind == "split"])
    merges: list[Merge] = []
    for (a, b), judgement in sorted(judged.items(), key=lambda item: item[1].made_at):
        joinable = judgement.kind == "merge" and a in protos and b in protos and not uf.judged_apart(a, b)
        if joinable and uf.union(a, b):
            merges.append(Merge(a, b, f"user judgement by {judgement.user} at {judgement.made_at}",
                                (protos[a].best_name, protos[b].best_name),
                                (tuple(sorted(protos[a].docs)), tuple(sorted(protos[b].docs)))))
    uf, merges = cluster(protos, uf, merges)
    fixes = _fixes(uf, protos, judgements)
    members: dict[str, list[str]] = defaultdict(list)
    for key in protos:
        members[uf.find(key)].append(key)
    entities, key_to_id = [], {}
    merges_by_root: dict[str, list[Merge]] = defaultdict(list)
    for merge in merges:
        merges_by_root[uf.find(merge.a)].append(merge)
    for root, keys in members.items():
        keys.sort(key=lambda k: (not protos[k].anchored, k))
        eid = entity_id(keys[0])
        for key in keys:
            key_to_id[key] = eid
        entities.append(_entity(eid, [protos[k] for k in keys], fixes.get(root, {}), merges_by_root[root]))
    return Resolution(entities, key_to_id, merges)


def _pair_states(judgements: Sequence[Judgement]) -> dict[tuple[str, str], Judgement]:
    """The latest merge, split or unsure judgement on each pair of keys."""
    state: dict[tuple[str, str], Judgement] = {}
    for judgement in sorted(judgements, key=lambda j: j.made_at):
        if judgement.kind in ("merge", "split", "unsure"):
            for a, b in judgement.pairs():
                state[(min(a, b), max(a, b))] = judgement
    return state


def _fixes(uf: UnionFind, protos: dict[str, Proto], judgements: Sequence[Judgement]) -> dict[str, dict[str, str]]:
    """Renames and retypes per cluster root, the latest winning."""
    fixes: dict[str, dict[str, str]] = defaultdict(dict)
    for judgement in sorted(judgements, key=lambda j: j.made_at):
        keys = [k for k in judgement.keys if k in protos]
        if keys and judgement.kind == "rename" and judgement.name:
            fixes[uf.find(keys[0])]["name"] = judgement.name
        elif keys and judgement.kind == "retype" and judgement.value:
            fixes[uf.find(keys[0])]["type"] = judgement.value
    return fixes


def _entity(eid: str, protos: list[Proto], fixes: dict[str, str], merges: list[Merge]) -> dict:
    lex = load()
    anchored = [p for p in protos if p.anchored]
    names: Counter[str] = Counter()
    docs: set[str] = set()
    types: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for proto in protos:
        names.update(proto.names)
        docs |= proto.docs
        types[proto.type] += sum(proto.names.values()) or 1
        if proto.country:
            countries[proto.country] += 1
    if fixes.get("name"):
        name = fixes["name"]
    elif anchored and anchored[0].key in lex.actors:
        name = lex.actors[anchored[0].key].name
    else:
        name = max(names, key=lambda n: (names[n], len(n), n))
    etype = fixes.get("type") or (anchored[0].type if anchored else types.most_common(1)[0][0])
    attributes: dict = {
        "keys": [p.key for p in protos],
        # each key: the names one document's reading joined (a name and its later short forms, pronouns aside)
        "names_by_key": {p.key: {"names": sorted(n for n in p.names if n), "docs": sorted(p.docs),
                                 "gazetteer": p.anchored} for p in protos},
        "merges": [{"rule": m.rule, "names": list(m.names), "docs": [list(m.docs[0]), list(m.docs[1])]}
                   for m in merges]}
    if fixes.get("name"):
        attributes["renamed"] = True
    if fixes.get("type"):
        attributes["retyped"] = True
    return {"entity_id": eid, "name": name, "type": etype, "aliases": sorted(set(names) - {""}),
            "country": countries.most_common(1)[0][0] if countries else None,
            "attributes": json.dumps(attributes, ensure_ascii=False), "doc_ids": sorted(docs)}
