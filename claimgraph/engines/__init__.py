"""How batches of documents are processed: every engine gives the same results, in the same order.

`local` (the default): this process, or a process pool for several workers. `ray`: Ray Data actors on a local or
remote cluster (engines/ray.py, an optional extra).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from claimgraph.engines.local import LocalEngine
from claimgraph.errors import InputError
from claimgraph.extract import Extraction
from claimgraph.model import Document

ENGINES = ("local", "ray")


class Engine(Protocol):
    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Extraction]]: ...


def get_engine(name: str = "local", *, workers: int = 1, address: str | None = None) -> Engine:
    if name == "local":
        if address:
            raise InputError("--address is for the ray engine (--engine ray)")
        return LocalEngine(workers=workers)
    if name == "ray":
        from claimgraph.engines.ray import RayEngine

        return RayEngine(workers=workers, address=address)
    raise InputError(f"unknown engine {name!r}: use {' or '.join(ENGINES)}")
