"""Group mentions into entities. Within a document extract/ already joined surnames, acronyms and pronouns;
across documents entities join on their key (a gazetteer id, or type family and normalised name)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from claimgraph.extract.lexicon_data import load
from claimgraph.ids import content_id


def entity_id(key: str) -> str:
    return content_id("entity", key)


@cache
def _lexicon_ids() -> dict[str, str]:
    return {entity_id(key): key for key in load().actors}


def build_entities(mention_rows: Iterable[tuple], endpoint_ids: Iterable[str]) -> list[dict]:
    """mention_rows: (entity_key, entity_id, type, name, text, country, doc_id, label, count)."""
    lex = load()
    groups: dict[str, list[tuple]] = defaultdict(list)
    for row in mention_rows:
        groups[row[0]].append(row)
    entities = []
    for key, rows in groups.items():
        actor = lex.actors.get(key)
        names = Counter({r[3]: 0 for r in rows})
        types: Counter[str] = Counter()
        countries: Counter[str] = Counter()
        for _, _, mtype, seen_name, _, country, _, label, count in rows:
            if label != "pronoun":
                names[seen_name] += count
            types[mtype] += count
            if country:
                countries[country] += count
        name = actor.name if actor else max(names, key=lambda n: (names[n], len(n), n))
        etype = actor.type if actor else types.most_common(1)[0][0]
        aliases = sorted({r[4] for r in rows if r[7] != "pronoun"} | {n for n in names if names[n]})
        entities.append({
            "entity_id": rows[0][1], "name": name, "type": etype, "aliases": aliases,
            "country": (actor.country if actor else None) or (countries.most_common(1)[0][0] if countries else None),
            "attributes": None, "doc_ids": sorted({r[6] for r in rows}),
        })
    known = {e["entity_id"] for e in entities}
    ids = _lexicon_ids()
    for eid in sorted(set(endpoint_ids) - known):
        lexicon_key = ids.get(eid)
        if lexicon_key is None:
            continue
        actor = lex.actors[lexicon_key]
        entities.append({"entity_id": eid, "name": actor.name, "type": actor.type, "aliases": [],
                         "country": actor.country, "attributes": None, "doc_ids": []})
    return entities
