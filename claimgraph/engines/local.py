"""The default engine: this process for one worker, a process pool otherwise."""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain

from claimgraph.extract import Extraction, extract_batch
from claimgraph.model import Document


def _die_with_parent() -> None:
    """On Linux, the kernel kills this worker when the process that started it dies (even by kill -9)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except OSError:
            return
        if os.getppid() == 1:  # the parent died before the line above
            os._exit(1)


def preload() -> None:
    """What a worker process loads once before its first batch: one BLAS thread, the spaCy model, the lexicon."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from claimgraph import lexicon
    from claimgraph.extract import nlp

    nlp.load()
    lexicon.load()


def _warm() -> None:
    _die_with_parent()
    preload()


class LocalEngine:
    def __init__(self, *, workers: int = 1):
        self.workers = max(1, workers)

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Extraction]]:
        """Results in input order; at most two batches a worker in flight, so memory stays flat."""
        if self.workers == 1:
            for batch in batches:
                yield extract_batch(batch)
            return
        batches = iter(batches)
        first = next(batches, None)
        if first is None:
            return  # nothing to extract (an unchanged corpus): no worker is started, no model loaded
        with ProcessPoolExecutor(max_workers=self.workers, initializer=_warm) as pool:
            pending: deque[Future[list[Extraction]]] = deque()
            for batch in chain([first], batches):
                pending.append(pool.submit(extract_batch, batch))
                if len(pending) >= 2 * self.workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
