"""What `serve` reads: a private copy of the store, taken whenever a build has committed and nobody writes.

DuckDB locks a file for one writer or many readers, so a server that kept the store open would stop every
build, and one that opened it per request would have nothing to answer while a build writes. The server
copies the file (and its write-ahead log) while it holds a read lock for a moment, then reads the copy
through one long-lived connection: a build is never blocked for longer than the copy, and while it writes,
the API answers from the last copy and says that a build is running.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from claimgraph.errors import StoreError
from claimgraph.store import Store

Version = tuple[int, int, int]


@dataclass
class Served:
    store: Store
    version: Version  # the stamps of the store file the copy was taken from
    building: bool  # a build holds the file now: the copy is the store as it was before it
    users: int = 0  # requests reading it now (each through a cursor of its own)
    retired: bool = False  # a newer copy serves: this one is closed when its last user is done


class Snapshot:
    def __init__(self, db: str):
        self.db = db
        self.folder = Path(tempfile.mkdtemp(prefix="claimgraph-serve-"))
        self.lock = threading.Lock()
        self.current: Served | None = None
        self.taken = 0
        atexit.register(self.close)  # the copies go with the server
        try:
            self.refresh()
        except BaseException:
            self.close()
            raise

    def version(self) -> Version:
        """Changes whenever a build commits: the file's and its write-ahead log's stamps."""
        main = os.stat(self.db)
        wal = Path(self.db + ".wal")
        return main.st_mtime_ns, main.st_size, wal.stat().st_mtime_ns if wal.exists() else 0

    def acquire(self) -> tuple[Served, duckdb.DuckDBPyConnection]:
        """The copy to read now and a cursor on it for one request; `release` it when done. A copy that a newer
        one replaces stays open until its last request releases it (closing it would close their cursors)."""
        with self.lock:
            served = self._refresh()
            served.users += 1
            return served, served.store.conn.cursor()

    def release(self, served: Served) -> None:
        with self.lock:
            served.users -= 1
            if served.retired and served.users == 0:
                self._drop(served)

    def refresh(self) -> Served:
        """The copy to read now: a new one if the store changed and nobody writes it, else the last one."""
        with self.lock:
            return self._refresh()

    def _refresh(self) -> Served:
        now = self.version()
        current = self.current
        if current is not None and current.version == now:
            current.building = False
            return current
        try:
            source = Store.open(self.db, read_only=True)  # a read lock: no build starts writing meanwhile
        except StoreError as err:
            if current is None or "in use by another process" not in str(err):
                raise
            current.building = True  # a build writes the file: answer from the store as it was
            return current
        try:
            copy = self.folder / f"store-{self.taken}.duckdb"
            self.taken += 1
            now = self.version()
            shutil.copyfile(self.db, copy)
            wal = Path(self.db + ".wal")
            if wal.exists():
                shutil.copyfile(wal, Path(str(copy) + ".wal"))
        finally:
            source.close()
        served = Served(Store.open(str(copy), read_only=True), now, building=False)
        if current is not None:
            current.retired = True
            if current.users == 0:
                self._drop(current)
        self.current = served
        return served

    @property
    def building(self) -> bool:
        return self.current is not None and self.current.building

    def version_of(self, store: Store) -> Version:
        current = self.current
        return current.version if current is not None and current.store is store else (0, 0, 0)

    def close(self) -> None:
        with self.lock:
            if self.current is not None:
                self._drop(self.current)
                self.current = None
            shutil.rmtree(self.folder, ignore_errors=True)

    def _drop(self, served: Served) -> None:
        path = served.store.path
        served.store.close()
        for name in (path, path + ".wal"):
            Path(name).unlink(missing_ok=True)
