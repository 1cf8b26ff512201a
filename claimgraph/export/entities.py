"""Entities as JSON Lines or CSV: one resolved actor a line, with every name and document it was seen in.
With filters, only the actors that a claim passing them names."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from claimgraph.export import Written, spreadsheet_safe, text_out
from claimgraph.filters import Filters
from claimgraph.store import Store

FIELDS = ["entity_id", "name", "type", "aliases", "doc_ids", "country"]


def entity_records(store: Store, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    for entity in store.entities_named(filters or Filters()):
        yield {"entity_id": entity.entity_id, "name": entity.name, "type": entity.type,
               "aliases": list(entity.aliases), "doc_ids": list(entity.doc_ids), "country": entity.country}


def write_jsonl(store: Store, filters: Filters, out: str) -> Written:
    n = 0
    with text_out(out) as stream:
        for record in entity_records(store, filters):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return Written(f"{n:,} entities", (out,))


def write_csv(store: Store, filters: Filters, out: str) -> Written:
    n = 0
    with text_out(out) as stream:
        writer = csv.DictWriter(stream, fieldnames=FIELDS)
        writer.writeheader()
        for record in entity_records(store, filters):
            record["aliases"], record["doc_ids"] = "|".join(record["aliases"]), "|".join(record["doc_ids"])
            writer.writerow({k: spreadsheet_safe(v) for k, v in record.items()})
            n += 1
    return Written(f"{n:,} entities", (out,))
