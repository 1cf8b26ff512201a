"""The Ray engine: the same batches, extracted by Ray Data (`map_batches` over an actor pool) on any cluster.

`claimgraph build --engine ray` starts a local cluster in the build's process (as many actors as --workers);
`--address auto` joins the cluster this machine belongs to (`ray start --head` on one node, `ray start
--address HEAD:6379` on the others), `--address ray://HOST:10001` one through Ray Client.

The build's batches go to Ray Data a window at a time (WINDOW batches, read lazily from the corpus, so the driver
never holds more than one window of text); each window is one dataset whose rows are batches, mapped by an actor
pool whose actors load the spaCy model and the lexicon once (once a window: a few seconds against minutes of
work). Ray Data keeps the input order, so the store receives exactly what the local engine gives it: the same
claims and entity ids, byte for byte. Ray is an optional extra: `pip install claimgraph[ray]`.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from claimgraph.errors import InputError
from claimgraph.extract import Extraction
from claimgraph.extract.backends import EXTRACTORS
from claimgraph.model import Document

LOCAL_OBJECT_STORE = 256 * 1024 * 1024  # bytes: a window of text and its extractions is small
WINDOW = 256  # batches a dataset: about 5 M words (pipeline.BATCH_WORDS a batch)


class Extractor:
    """One Ray Data actor: loads the model and the lexicon once, then extracts the rows (pickled batches) given."""

    def __init__(self, extractors: str | None):
        if extractors:
            os.environ[EXTRACTORS] = extractors
        from claimgraph.engines.local import preload

        preload()

    def __call__(self, rows: dict[str, Any]) -> dict[str, list[bytes]]:
        from claimgraph.extract import extract_batch

        return {"extractions": [pickle.dumps(extract_batch(pickle.loads(batch))) for batch in rows["batch"]]}


class RayEngine:
    def __init__(self, *, workers: int = 1, address: str | None = None, window: int = WINDOW):
        _ray()  # without Ray installed, say so before any work
        self.workers = max(1, workers)
        self.address = address
        self.window = max(1, window)

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Extraction]]:
        ray = _ray()
        batches = iter(batches)
        window = list(islice(batches, self.window))
        if not window:
            return  # nothing to extract (an unchanged corpus): no cluster is started, no model loaded
        started_here = not ray.is_initialized()
        if started_here:
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                       "configure_logging": False}
            if self.address:
                ray.init(address=self.address, **options)
            else:  # a local cluster for this build only
                ray.init(num_cpus=self.workers, object_store_memory=LOCAL_OBJECT_STORE, **options)
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # results in input order: byte-identical stores
        context.enable_progress_bars = False
        try:
            while window:
                rows = [{"batch": pickle.dumps(batch)} for batch in window]
                dataset = ray.data.from_items(rows, override_num_blocks=len(rows)).map_batches(
                    Extractor, fn_constructor_kwargs={"extractors": os.environ.get(EXTRACTORS)},
                    batch_size=1, num_cpus=1, concurrency=self.workers)
                for row in dataset.iter_rows():
                    yield pickle.loads(row["extractions"])
                window = list(islice(batches, self.window))
        finally:  # the pool's actors end with the dataset; a cluster started here ends with the build
            if started_here:
                ray.shutdown()


def _ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401  (Ray Data needs the extra's pandas and pyarrow)
    except ImportError as err:
        raise InputError("the ray engine needs Ray Data: pip install 'claimgraph[ray]'") from err
    return ray
