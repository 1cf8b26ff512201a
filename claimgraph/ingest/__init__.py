"""Read files, folders, and stdin into Document records; report what cannot be read."""

from claimgraph.ingest.walk import Skipped, read_paths

__all__ = ["Skipped", "read_paths"]
