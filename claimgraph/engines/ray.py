"""The Ray engine: the same batches, extracted by Ray actors (one spaCy model each) on a local or remote cluster.

`claimgraph build --engine ray` starts a local cluster in the build's process (as many actors as --workers);
`--address auto` joins the cluster this machine belongs to (`ray start --head` on one node, `ray start
--address HEAD:6379` on the others), `--address ray://HOST:10001` one through Ray Client. Results come back in
input order, at most two batches an actor in flight, so the store receives exactly what the local engine gives
it: the same claims and entity ids, byte for byte. Ray is an optional extra: `pip install claimgraph[ray]`.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from claimgraph.errors import InputError
from claimgraph.extract import Extraction
from claimgraph.extract.backends import EXTRACTORS
from claimgraph.model import Document

LOCAL_OBJECT_STORE = 256 * 1024 * 1024  # bytes: batches of text and their extractions are small


class Extractor:
    """One Ray actor: loads the model and the lexicon once, then extracts the batches it is given."""

    def __init__(self, extractors: str | None):
        if extractors:
            os.environ[EXTRACTORS] = extractors
        from claimgraph.engines.local import preload

        preload()

    def extract(self, batch: list[Document]) -> list[Extraction]:
        from claimgraph.extract import extract_batch

        return extract_batch(batch)


class RayEngine:
    def __init__(self, *, workers: int = 1, address: str | None = None):
        _ray()  # without Ray installed, say so before any work
        self.workers = max(1, workers)
        self.address = address

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Extraction]]:
        ray = _ray()
        started_here = not ray.is_initialized()
        if started_here:
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                       "configure_logging": False}
            if self.address:
                ray.init(address=self.address, **options)
            else:  # a local cluster for this build only
                ray.init(num_cpus=self.workers, object_store_memory=LOCAL_OBJECT_STORE, **options)
        remote = ray.remote(num_cpus=1)(Extractor)
        actors = [remote.remote(os.environ.get(EXTRACTORS)) for _ in range(self.workers)]
        try:
            pending: deque[Any] = deque()
            for turn, batch in enumerate(batches):
                pending.append(actors[turn % len(actors)].extract.remote(batch))
                if len(pending) >= 2 * len(actors):
                    yield ray.get(pending.popleft())
            while pending:
                yield ray.get(pending.popleft())
        finally:  # on a shared cluster, the actors must not outlive the build, whatever stopped it
            for actor in actors:
                ray.kill(actor)
            if started_here:
                ray.shutdown()


def _ray() -> Any:
    try:
        import ray
    except ImportError as err:
        raise InputError("the ray engine needs Ray: pip install 'claimgraph[ray]'") from err
    return ray
