"""Open, check and write the store. One transaction per batch: a failed batch leaves the store as it was."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from claimgraph.errors import StoreError
from claimgraph.filters import Filters
from claimgraph.ontology import NETWORK
from claimgraph.store.schema import (
    ASSERTING_SOURCES,
    DDL,
    DENYING_SOURCES,
    MIGRATIONS,
    SCHEMA_VERSION,
    SYMMETRIC_SQL,
    ties_query,
)

DEFAULT_DB = "claimgraph.duckdb"

DOC_COLS = ["doc_id", "sha256", "title", "source", "url", "published", "path", "text", "words"]
MENTION_COLS = ["doc_id", "start", "end", "text", "label", "type", "name", "country", "entity_key", "entity_id"]
CLAIM_COLS = ["claim_id", "doc_id", "subject_id", "subject_text", "relation", "object_id", "object_text", "role",
              "trigger", "sentence", "char_start", "char_end", "attributed_to_id", "attributed_to_text", "hedged",
              "negated", "time", "confidence", "extractor", "subject_key", "object_key", "attributed_to_key"]
LAYOUT_COLS = ["entity_id", "x", "y", "pagerank", "degree", "community", "community_label"]
JUDGEMENT_COLS = ["judgement_id", "kind", "keys", "other", "name", "note", "made_at", "value", "user"]
ENTITY_COLS = ["entity_id", "name", "type", "aliases", "country", "attributes", "doc_ids"]


def db_path(path: str | None) -> str:
    return path or os.environ.get("CLAIMGRAPH_DB") or DEFAULT_DB


class Store:
    """A claimgraph DuckDB file."""

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
            conn = duckdb.connect(path, read_only=read_only and exists)
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

    def replace_documents(self, documents: Sequence[dict], mentions: Sequence[dict], claims: Sequence[dict]) -> None:
        """Write a batch in one transaction; a document's old mentions and claims are replaced."""
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

    def entity_keys(self, entity_id: str) -> list[str]:
        rows = self.conn.execute("SELECT attributes FROM entities WHERE entity_id = ?", [entity_id]).fetchall()
        if not rows or not rows[0][0]:
            return []
        return list(json.loads(rows[0][0]).get("keys", []))

    def claims(self, filters: Filters | None = None, *, keep_denials: bool = True) -> Iterator[dict[str, Any]]:
        """The claims that pass the filters (denied claims too, flagged, unless keep_denials is False)."""
        where, params = (filters or Filters()).claim_where(keep_denials=keep_denials)
        cur = self.conn.execute(
            f"""SELECT c.*, s.name AS subject_name, s.type AS subject_type, s.aliases AS subject_aliases,
                       o.name AS object_name, o.type AS object_type, o.aliases AS object_aliases,
                       a.name AS attributed_name
                FROM claims c JOIN documents d USING (doc_id)
                LEFT JOIN entities s ON s.entity_id = c.subject_id
                LEFT JOIN entities o ON o.entity_id = c.object_id
                LEFT JOIN entities a ON a.entity_id = c.attributed_to_id
                WHERE {where}
                ORDER BY c.doc_id, c.char_start, c.claim_id""", params)
        yield from _dicts(cur)

    def entities_named(self, filters: Filters) -> list[dict[str, Any]]:
        """Every entity (default filters), or those a claim passing the filters names (subject, object, source)."""
        return self.table("entities", filters).to_pylist()

    def entities(self) -> Iterator[dict[str, Any]]:
        cur = self.conn.execute("SELECT * FROM entities ORDER BY name, entity_id")
        yield from _dicts(cur)

    def find_entities(self, name: str) -> list[dict[str, Any]]:
        cur = self.conn.execute(
            """SELECT * FROM entities
               WHERE lower(name) = lower(?) OR list_contains(list_transform(aliases, lambda x: lower(x)), lower(?))
               ORDER BY len(doc_ids) DESC, name""", [name, name])
        found = list(_dicts(cur))
        if found:
            return found
        cur = self.conn.execute(
            """SELECT * FROM entities WHERE lower(name) LIKE '%' || lower(?) || '%'
               OR len(list_filter(aliases, lambda x: lower(x) LIKE '%' || lower(?) || '%')) > 0
               ORDER BY len(doc_ids) DESC, name LIMIT 20""", [name, name])
        return list(_dicts(cur))

    def ties_of(self, entity_id: str, filters: Filters | None = None) -> list[dict[str, Any]]:
        """An entity's ties (its ALLEGED activities too) among the claims that pass the filters."""
        rows = self.table("ties", filters, entity_id=entity_id).to_pylist()
        names = self._names({r["subject_id"] for r in rows} | {r["object_id"] for r in rows})
        for row in rows:
            row["subject_name"], row["object_name"] = names.get(row["subject_id"]), names.get(row["object_id"])
        rows.sort(key=lambda t: (-t["sources"], -t["claims"], t["relation"], t["object_name"] or t["object_id"]))
        return rows

    def _names(self, ids: set[str]) -> dict[str, str]:
        if not ids:
            return {}
        self._register("wanted_ids", [{"entity_id": i} for i in ids], ["entity_id"])
        try:
            return dict(self.conn.execute("SELECT entity_id, name FROM entities "
                                          "WHERE entity_id IN (SELECT entity_id FROM wanted_ids)").fetchall())
        finally:
            self.conn.unregister("wanted_ids")

    def strongest_ties(self, limit: int = 10, filters: Filters | None = None) -> list[dict[str, Any]]:
        """The ties with most asserting sources; ties between actors (cooperation, support, funding, arms,
        trade, control, opposition) before positions, memberships, family and presence. A tie only denials
        name is never among them, whatever the filters."""
        ties = [t for t in self.tie_rows(filters) if t["claims"] > 0]
        names = self._names({t["subject_id"] for t in ties} | {t["object_id"] for t in ties})
        for tie in ties:
            tie["subject_name"], tie["object_name"] = names.get(tie["subject_id"]), names.get(tie["object_id"])
        ties.sort(key=lambda t: (t["relation"] not in NETWORK, -t["sources"],
                                 -t["claims"], -(t["confidence"] or 0), t["subject_name"] or "",
                                 t["object_name"] or ""))
        return ties[:limit]

    def evidence(self, subject_id: str, relation: str, object_id: str,
                 filters: Filters | None = None) -> list[dict[str, Any]]:
        """The sentences behind one tie that pass the filters, denials included (flagged `negated`); a symmetric
        kind's claims in either direction."""
        where, params = (filters or Filters()).claim_where(keep_denials=True)
        cur = self.conn.execute(
            f"""SELECT c.doc_id, c.sentence, c.char_start, c.char_end, c.trigger, c.hedged, c.negated, c.time,
                      c.confidence, a.name AS attributed_to
               FROM claims c JOIN documents d USING (doc_id) LEFT JOIN entities a ON a.entity_id = c.attributed_to_id
               WHERE c.relation = ? AND ((c.subject_id = ? AND c.object_id = ?)
                     OR (c.relation IN {SYMMETRIC_SQL} AND c.subject_id = ? AND c.object_id = ?)) AND {where}
               ORDER BY c.doc_id, c.char_start""", [relation, subject_id, object_id, object_id, subject_id, *params])
        return list(_dicts(cur))

    # --- graph ------------------------------------------------------------------------------------------

    def tie_rows(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Ties among the claims that pass the filters (the `ties` view, recomputed on a subset). Denials are
        counted on the ties they contradict; a tie only denials name is kept only with `filters.negated`."""
        return self.table("ties", filters).to_pylist()

    def claims_of(self, entity_id: str, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Every claim naming the entity that passes the filters (denials too, flagged), with its document's
        date, oldest first (a timeline)."""
        where, params = (filters or Filters()).claim_where(keep_denials=True)
        cur = self.conn.execute(
            f"""SELECT c.*, d.published, d.title, s.name AS subject_name, o.name AS object_name,
                      o.type AS object_type, a.name AS attributed_name
               FROM claims c JOIN documents d USING (doc_id)
               LEFT JOIN entities s ON s.entity_id = c.subject_id
               LEFT JOIN entities o ON o.entity_id = c.object_id
               LEFT JOIN entities a ON a.entity_id = c.attributed_to_id
               WHERE (c.subject_id = ? OR c.object_id = ?) AND {where}
               ORDER BY d.published NULLS LAST, c.doc_id, c.char_start""", [entity_id, entity_id, *params])
        return list(_dicts(cur))

    def layout(self) -> dict[str, dict[str, Any]]:
        return {r["entity_id"]: r for r in _dicts(self.conn.execute("SELECT * FROM layout"))}

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        rows = list(_dicts(self.conn.execute("SELECT * FROM entities WHERE entity_id = ?", [entity_id])))
        return rows[0] if rows else None

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = list(_dicts(self.conn.execute(
            "SELECT doc_id, title, source, url, published, text, words FROM documents WHERE doc_id = ?", [doc_id])))
        return rows[0] if rows else None

    def mentions_in(self, doc_id: str) -> list[dict[str, Any]]:
        return list(_dicts(self.conn.execute(
            """SELECT m.start, m."end", m.text, m.type, m.entity_id, e.name
               FROM mentions m LEFT JOIN entities e USING (entity_id)
               WHERE m.doc_id = ? ORDER BY m.start""", [doc_id])))

    def tie_claims(self, subject_id: str, relation: str, object_id: str) -> list[dict[str, Any]]:
        """The claims behind one tie (either direction for a symmetric kind), with their documents."""
        cur = self.conn.execute(
            f"""SELECT c.claim_id, c.doc_id, c.sentence, c.char_start, c.char_end, c.trigger, c.hedged, c.negated,
                       c.time, c.confidence, c.subject_text, c.object_text, a.name AS attributed_to,
                       d.title, d.url, d.source, d.published
                FROM claims c JOIN documents d USING (doc_id)
                LEFT JOIN entities a ON a.entity_id = c.attributed_to_id
                WHERE c.relation = ? AND ((c.subject_id = ? AND c.object_id = ?)
                      OR (c.relation IN {SYMMETRIC_SQL} AND c.subject_id = ? AND c.object_id = ?))
                ORDER BY d.published NULLS LAST, c.doc_id, c.char_start""",
            [relation, subject_id, object_id, object_id, subject_id])
        return list(_dicts(cur))

    def _first(self, query: str) -> tuple | None:
        """The first row of a query, its result read to the end (DuckDB refuses other work on a connection
        with an unfinished result)."""
        rows = self.conn.execute(query).fetchall()
        return rows[0] if rows else None

    def _arrow(self, query: str, params: list[Any] | None = None) -> pa.Table:
        """A query's result as Arrow, read on a cursor of its own (no copy through Python rows)."""
        cursor = self.conn.cursor()
        try:
            return cursor.sql(query, params=params).to_arrow_table()
        finally:
            cursor.close()

    def table(self, name: str, filters: Filters | None = None, *, entity_id: str | None = None) -> pa.Table:
        """One table as Arrow, restricted by the filters: `claims` (denials kept, flagged), `ties` (as
        tie_rows; with entity_id, that entity's ties and activities), `entities` (those the kept claims name),
        `documents` (those holding a kept claim)."""
        filters = filters or Filters()
        if name == "ties":
            where, params = filters.claim_where(keep_denials=True)
            if entity_id is None:
                where = f"c.relation <> 'ALLEGED' AND {where}"
            else:
                where = f"(c.subject_id = ? OR c.object_id = ?) AND {where}"
                params = [entity_id, entity_id, *params]
            having = f"{ASSERTING_SOURCES} >= ?"
            if filters.negated:
                having = f"({having} OR {DENYING_SOURCES} >= ?)"
            query = ties_query(where, having) + " ORDER BY 1, 2, 3"
            params += [filters.min_sources] * (2 if filters.negated else 1)
            return self._arrow(query, params=params)
        if name == "claims":
            where, params = filters.claim_where(keep_denials=True)
            return self._arrow(f"""SELECT c.* FROM claims c JOIN documents d USING (doc_id) WHERE {where}
                                         ORDER BY c.doc_id, c.char_start, c.claim_id""", params=params)
        if name in ("entities", "documents") and filters.is_default:
            order = "name, entity_id" if name == "entities" else "doc_id"
            return self._arrow(f"SELECT * FROM {name} ORDER BY {order}")
        where, params = filters.claim_where(keep_denials=filters.negated)
        kept = f"SELECT {{}} FROM claims c JOIN documents d USING (doc_id) WHERE {where}"
        if name == "entities":
            inner = kept.format("unnest([c.subject_id, c.object_id, c.attributed_to_id])")
            query = f"SELECT * FROM entities WHERE entity_id IN ({inner}) ORDER BY name, entity_id"
            return self._arrow(query, params=params)
        if name == "documents":
            inner = kept.format("c.doc_id")
            query = f"SELECT * FROM documents WHERE doc_id IN ({inner}) ORDER BY 1"
            return self._arrow(query, params=params)
        raise ValueError(f"no table {name!r}")

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
        return out


def _dicts(cur: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    while True:
        rows = cur.fetchmany(2000)
        if not rows:
            return
        for row in rows:
            yield dict(zip(cols, row, strict=True))


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
