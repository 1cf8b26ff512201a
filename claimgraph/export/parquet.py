"""Parquet tables for pandas, Polars, DuckDB or Spark: documents, entities, claims and ties."""

from __future__ import annotations

from pathlib import Path

from claimgraph.store import Store

TABLES = ("documents", "entities", "claims", "ties")


def write(store: Store, folder: str) -> list[Path]:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in TABLES:
        path = out / f"{table}.parquet"
        store.copy_parquet(table, str(path))
        paths.append(path)
    return paths
