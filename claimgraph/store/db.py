"""Open, check and write the store. One transaction per batch: a failed batch leaves the store as it was."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from claimgraph.errors import StoreError
from claimgraph.store.reads import Reads, _dicts
from claimgraph.store.records import check_batch
from claimgraph.store.schema import DDL, MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "claimgraph.duckdb"

DOC_COLS = ["doc_id", "sha256", "title", "source", "url", "published", "path", "text", "words"]
MENTION_COLS = ["doc_id", "start", "end", "text", "label", "type", "name", "country", "entity_key", "entity_id"]
CLAIM_COLS = ["claim_id", "doc_id", "subject_id", "subject_text", "relation", "object_id", "object_text", "role",
              "trigger", "sentence", "char_start", "char_end", "attributed_to_id", "attributed_to_text", "hedged",
              "negated", "time", "confidence", "extractor", "subject_key", "object_key", "attributed_to_key"]
LAYOUT_COLS = ["entity_id", "x", "y", "pagerank", "degree", "community", "community_label"]
JUDGEMENT_COLS = ["judgement_id", "kind", "keys", "other", "name", "note", "made_at", "value", "user"]
ENTITY_COLS = ["entity_id", "name", "type", "aliases", "country", "attributes", "doc_ids"]


ON_INCOMPLETE: list[Callable[[str, str], None]] = []  # told (path, why) when a reader opens an unfinished store


def db_path(path: str | None) -> str:
    return path or os.environ.get("CLAIMGRAPH_DB") or DEFAULT_DB


LOCK_WAIT = 3.0  # seconds a writer waits for readers (`serve` copies the file under a read lock) to let go


def _connect(path: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection; a writer waits a moment for a lock another process holds briefly, then gives up."""
    deadline = time.monotonic() + (0 if read_only else LOCK_WAIT)
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as err:
            if "Conflicting lock" not in str(err) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


class Store(Reads):
    """A claimgraph DuckDB file: open, check, migrate and write here; every read in store/reads.py."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str):
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | None = None, *, create: bool = False, read_only: bool = False) -> Store:
        path = db_path(path)
        exists = Path(path).exists()
        if not exists and not create:
            raise StoreError(f"no claimgraph store at {path}: run `claimgraph build` first")
        if exists and Path(path).is_dir():
            raise StoreError(f"{path} is a folder, not a claimgraph store")
        try:
            conn = _connect(path, read_only=read_only and exists)
        except (duckdb.IOException, duckdb.InvalidInputException, duckdb.SerializationException) as err:
            first = str(err).splitlines()[0]
            held = re.search(r"Conflicting lock is held in (.*?) \(PID (\d+)\)", first)
            if held:  # another process (often `claimgraph serve`) has the file open for writing
                raise StoreError(f"{path} is in use by another process (pid {held.group(2)}, {held.group(1)}): "
                                 f"stop it (e.g. `claimgraph serve`) or use another file with --db") from err
            raise StoreError(f"{path} is not a claimgraph store ({first})") from err
        except duckdb.Error as err:
            raise StoreError(f"cannot open {path}: {str(err).splitlines()[0]}") from err
        store = cls(conn, path)
        if read_only and exists and store._outdated():  # upgrade once through a writable connection
            conn.close()
            cls.open(path).close()
            return cls.open(path, read_only=True)
        store._check(exists)
        if read_only and ON_INCOMPLETE:
            why = store.incomplete()
            for tell in ON_INCOMPLETE if why else ():
                tell(path, why)  # type: ignore[arg-type]
        return store

    def _outdated(self) -> bool:
        try:
            row = self._first("SELECT value FROM meta WHERE key = 'schema_version'")
        except duckdb.Error:
            return False
        return row is not None and int(row[0]) < SCHEMA_VERSION

    def _check(self, existed: bool) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if existed and tables and "meta" not in tables:
            self.conn.close()
            raise StoreError(f"{self.path} is a DuckDB file but not a claimgraph store")
        if "meta" in tables:
            row = self._first("SELECT value FROM meta WHERE key = 'schema_version'")
            if row is None:
                self.conn.close()
                raise StoreError(f"{self.path} is not a claimgraph store (no schema version)")
            if int(row[0]) > SCHEMA_VERSION:
                self.conn.close()
                raise StoreError(f"{self.path} was written by a newer claimgraph (schema {row[0]})")
            self._migrate(int(row[0]))
            return
        self.conn.execute("BEGIN TRANSACTION")
        for ddl in DDL:
            self.conn.execute(ddl)
        self.conn.execute("INSERT INTO meta VALUES ('schema_version', ?), ('app', 'claimgraph')",
                          [str(SCHEMA_VERSION)])
        self.conn.execute("COMMIT")

    def _migrate(self, version: int) -> None:
        while version < SCHEMA_VERSION:
            self.conn.execute("BEGIN TRANSACTION")
            for statement in MIGRATIONS[version]:
                self.conn.execute(statement)
            version += 1
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------------------

    def document_hashes(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT doc_id, sha256 FROM documents").fetchall())

    def document_paths(self) -> dict[str, str | None]:
        """Where each stored document was read from (None for stdin)."""
        return dict(self.conn.execute("SELECT doc_id, path FROM documents").fetchall())

    def replace_documents(self, documents: Sequence[dict], mentions: Sequence[dict], claims: Sequence[dict]) -> None:
        """Write a batch in one transaction; a document's old mentions and claims are replaced. A batch whose
        rows break the contract is refused before anything is written (store/records.check_batch)."""
        check_batch(list(documents), list(mentions), list(claims))
        ids = [d["doc_id"] for d in documents]
        self.conn.execute("BEGIN TRANSACTION")
        try:
            if ids:
                self._register("batch_ids", [{"doc_id": i} for i in ids], ["doc_id"])
                for table in ("claims", "mentions", "documents"):
                    self.conn.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM batch_ids)")
            self._insert("documents", documents, DOC_COLS, extra="now()")
            self._insert("mentions", mentions, MENTION_COLS)
            self._insert("claims", claims, CLAIM_COLS)
            self.conn.execute("COMMIT")
        except Exception:
            self.conn.execute("ROLLBACK")
            raise

    def merge_from(self, path: str) -> tuple[int, int]:
        """Copy another store's documents, mentions and claims into this one (a shard into the whole) in one
        transaction, table to table inside DuckDB; a document this store already holds is replaced by the
        other's. Entities are not copied: resolve once after merging. Returns (documents, of which replaced)."""
        if Path(path).resolve() == Path(self.path).resolve():
            raise StoreError(f"{path} is the store being merged into")
        with Store.open(path, read_only=True) as shard:  # a claimgraph store, at this schema (migrated if older)
            why = shard.incomplete()
        if why:
            raise StoreError(f"{path}: {why}")
        self.conn.execute("ATTACH '" + str(path).replace("'", "''") + "' AS shard (READ_ONLY)")
        try:
            self.conn.execute("BEGIN TRANSACTION")
            try:
                row = self._first("SELECT count(*), count(d.doc_id) FROM shard.documents s "
                                  "LEFT JOIN documents d USING (doc_id)")
                for table in ("claims", "mentions", "documents"):
                    self.conn.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM shard.documents)")
                for table, cols in (("documents", [*DOC_COLS, "ingested_at"]), ("mentions", MENTION_COLS),
                                    ("claims", CLAIM_COLS)):
                    names = ", ".join(f'"{c}"' for c in cols)
                    self.conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM shard.{table}")
                self.conn.execute("COMMIT")
            except Exception:
                self.conn.execute("ROLLBACK")
                raise
        finally:
            self.conn.execute("DETACH shard")
        assert row is not None
        return int(row[0]), int(row[1])

    def replace_entities(self, entities: Sequence[dict], key_to_id: dict[str, str]) -> None:
        """Write resolved entities and point every mention and claim at them, in one transaction."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            self.conn.execute("DELETE FROM entities")
            self._insert("entities", entities, ENTITY_COLS)
            keymap = [{"key": k, "entity_id": v} for k, v in key_to_id.items()]
            if keymap:
                self._register("keymap", keymap, ["key", "entity_id"])
                self.conn.execute("""UPDATE mentions SET entity_id = k.entity_id FROM keymap k
                                     WHERE mentions.entity_key = k.key AND mentions.entity_id <> k.entity_id""")
                for end in ("subject", "object", "attributed_to"):
                    self.conn.execute(f"""UPDATE claims SET {end}_id = k.entity_id FROM keymap k
                                          WHERE claims.{end}_key = k.key AND claims.{end}_id <> k.entity_id""")
                self.conn.unregister("keymap")
            self.conn.execute("COMMIT")
        except Exception:
            self.conn.execute("ROLLBACK")
            raise

    def replace_layout(self, rows: Sequence[dict]) -> None:
        self.conn.execute("BEGIN TRANSACTION")
        try:
            self.conn.execute("DELETE FROM layout")
            self._insert("layout", rows, LAYOUT_COLS)
            self.conn.execute("COMMIT")
        except Exception:
            self.conn.execute("ROLLBACK")
            raise

    def _register(self, name: str, rows: Sequence[dict], cols: list[str]) -> None:
        table = pa.Table.from_pylist(list(rows), schema=None) if rows else None
        if table is None:
            return
        self.conn.register(name, table.select(cols))

    def _insert(self, table: str, rows: Sequence[dict], cols: list[str], extra: str | None = None) -> None:
        if not rows:
            return
        self._register("batch_rows", rows, cols)
        quoted = ", ".join(f'"{c}"' for c in cols)
        select = quoted + (f", {extra}" if extra else "")
        self.conn.execute(f"INSERT INTO {table} SELECT {select} FROM batch_rows")
        self.conn.unregister("batch_rows")

    # --- reading ------------------------------------------------------------------------------------------

    def mention_rows(self) -> list[tuple]:
        """Per entity key: type, name, surface text, country, document, count."""
        return self.conn.execute(
            """SELECT entity_key, type, name, text, country, doc_id, label, count(*)
               FROM mentions GROUP BY ALL ORDER BY entity_key, doc_id, text""").fetchall()

    def claim_keys(self) -> set[str]:
        rows = self.conn.execute(
            """SELECT subject_key FROM claims UNION SELECT object_key FROM claims
               UNION SELECT attributed_to_key FROM claims""").fetchall()
        return {r[0] for r in rows if r[0]}

    # --- judgements -----------------------------------------------------------------------------------------

    def judgements(self) -> list[dict[str, Any]]:
        return list(_dicts(self.conn.execute("SELECT * FROM judgements ORDER BY made_at, judgement_id")))

    def add_judgements(self, rows: Sequence[dict]) -> int:
        known = {r[0] for r in self.conn.execute("SELECT judgement_id FROM judgements").fetchall()}
        fresh = [r for r in rows if r["judgement_id"] not in known]
        self._insert("judgements", fresh, JUDGEMENT_COLS)
        return len(fresh)

    # --- build state -------------------------------------------------------------------------------------------

    def mark_build(self, state: str) -> None:
        """'running' (with this process's id and the time) when a build starts, 'complete' when it has stored,
        resolved and laid out everything."""
        from datetime import UTC, datetime

        value = f"{state} pid={os.getpid()} at={datetime.now(UTC).isoformat(timespec='seconds')}"
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('build_state', ?)", [value])

    def incomplete(self) -> str | None:
        """Why the store is not a finished build (a build stopped half way, or one is running), or None."""
        row = self._first("SELECT value FROM meta WHERE key = 'build_state'")
        if row is None or str(row[0]).startswith("complete"):
            return None
        fields = dict(part.split("=", 1) for part in str(row[0]).split()[1:] if "=" in part)
        pid = int(fields.get("pid", "0") or 0)
        if pid and _alive(pid):
            return f"a build (pid {pid}, started {fields.get('at')}) is still writing this store"
        return (f"the build started {fields.get('at')} (pid {pid}) stopped before it finished: entities and the "
                f"layout may be missing or stale; run `claimgraph build` with the same paths to complete it")

    def problems(self) -> list[str]:
        """What is wrong with the store's contents, each in one line (empty: nothing found)."""
        found = []
        why = self.incomplete()
        if why:
            found.append(why)
        checks = {
            "claims of documents that are not stored": "SELECT count(*) FROM claims WHERE doc_id NOT IN "
                                                       "(SELECT doc_id FROM documents)",
            "mentions of documents that are not stored": "SELECT count(*) FROM mentions WHERE doc_id NOT IN "
                                                         "(SELECT doc_id FROM documents)",
            "claims whose subject is no entity": "SELECT count(*) FROM claims WHERE subject_id NOT IN "
                                                 "(SELECT entity_id FROM entities)",
            "claims whose object is no entity": "SELECT count(*) FROM claims WHERE relation <> 'ALLEGED' AND "
                                                "object_id NOT IN (SELECT entity_id FROM entities)",
            "claims whose sentence offsets fall outside their document":
                "SELECT count(*) FROM claims c JOIN documents d USING (doc_id) "
                "WHERE c.char_start < 0 OR c.char_end > length(d.text) OR c.char_start >= c.char_end",
            "documents whose text does not match their hash": "SELECT count(*) FROM documents WHERE sha256 <> "
                                                              "sha256(text)",
        }
        for what, query in checks.items():
            count = self._first(query)[0]  # type: ignore[index]
            if count:
                found.append(f"{count} {what}")
        return found

    def stats(self) -> dict[str, Any]:
        one = self.conn.execute
        out: dict[str, Any] = {
            "documents": self._first("SELECT count(*) FROM documents")[0],  # type: ignore[index]
            "words": self._first("SELECT coalesce(sum(words), 0) FROM documents")[0],  # type: ignore[index]
            "mentions": self._first("SELECT count(*) FROM mentions")[0],  # type: ignore[index]
            "entities": self._first("SELECT count(*) FROM entities")[0],  # type: ignore[index]
            "claims": self._first("SELECT count(*) FROM claims")[0],  # type: ignore[index]
            "ties": self._first("SELECT count(*) FROM ties WHERE claims > 0")[0],  # type: ignore[index]
            "denial_only_ties": self._first("SELECT count(*) FROM ties WHERE claims = 0")[0],  # type: ignore[index]
        }
        out["claims_by_relation"] = dict(one(
            "SELECT relation, count(*) FROM claims GROUP BY relation ORDER BY 2 DESC, 1").fetchall())
        out["entities_by_type"] = dict(one(
            "SELECT type, count(*) FROM entities GROUP BY type ORDER BY 2 DESC, 1").fetchall())
        out["schema_version"] = int(self._first("SELECT value FROM meta WHERE key='schema_version'")[0])  # type: ignore[index]
        out["complete"] = self.incomplete() is None
        return out


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
