"""The API and page served from a thread of this process on a free loopback port: for scripts, benchmarks and
browser tests that drive the view (`claimgraph serve` is the way to run it for people)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from claimgraph.serve.app import create_app


@contextmanager
def serving(db: str) -> Iterator[str]:
    """Serve the store at DB until the block ends; yields the base URL (http://127.0.0.1:PORT)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server for {db} did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
