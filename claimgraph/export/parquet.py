"""Parquet tables for pandas, Polars, DuckDB or Spark: documents, entities, claims and ties, each restricted
by the filters (claims keep denials, flagged `negated`; ties count them as contradicting_claims/_sources)."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from claimgraph.export import Written
from claimgraph.filters import Filters
from claimgraph.store import Store

TABLES = ("documents", "entities", "claims", "ties")


def write(store: Store, filters: Filters, folder: str) -> Written:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths, counts = [], []
    for name in TABLES:
        table = store.table(name, filters)
        path = out / f"{name}.parquet"
        pq.write_table(table, str(path))
        paths.append(str(path))
        counts.append(f"{table.num_rows:,} {name}")
    return Written(", ".join(counts), tuple(paths))
