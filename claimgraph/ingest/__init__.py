"""Read files, folders, and stdin into Document records; report what cannot be read."""

from claimgraph.ingest.walk import Notice, Skipped, read_paths

__all__ = ["Notice", "Skipped", "read_paths"]
