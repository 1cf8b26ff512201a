"""Entities as JSON Lines: one resolved actor a line, with every name and document it was seen in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimgraph.store import Store


def entity_records(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.entities():
        yield {"entity_id": row["entity_id"], "name": row["name"], "type": row["type"],
               "aliases": list(row["aliases"] or []), "doc_ids": list(row["doc_ids"] or []),
               "country": row["country"]}
