"""How batches of documents are processed: every engine gives the same results, in the same order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimgraph.engines.local import LocalEngine
from claimgraph.extract import Extraction
from claimgraph.model import Document


def get_engine(name: str = "local", *, workers: int = 1) -> LocalEngine:
    if name != "local":
        from claimgraph.errors import ClaimgraphError

        raise ClaimgraphError(f"unknown engine {name!r}; available: local")
    return LocalEngine(workers=workers)


def run(batches: Iterable[list[Document]], *, workers: int = 1) -> Iterator[list[Extraction]]:
    yield from get_engine(workers=workers).map(batches)
