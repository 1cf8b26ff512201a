"""The DuckDB store: schema, migrations, and the only SQL in the project."""

from claimgraph.store.db import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
