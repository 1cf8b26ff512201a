"""Every read of the store, returning typed records (store/records.py). Mixed into `Store`; the SQL lives here
and in schema.py only."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from claimgraph.filters import CLAIM_DATE, Filters
from claimgraph.ontology import NETWORK, SYMMETRIC
from claimgraph.store.records import Entity, Evidence, StoredClaim, StoredDocument, StoredMention, Tie
from claimgraph.store.schema import ASSERTING_SOURCES, DENYING_SOURCES, SYMMETRIC_SQL, ties_query

CLAIM_NAMES = """s.name AS subject_name, s.type AS subject_type, s.aliases AS subject_aliases,
                 o.name AS object_name, o.type AS object_type, o.aliases AS object_aliases,
                 a.name AS attributed_name"""
CLAIM_JOINS = """FROM claims c JOIN documents d USING (doc_id)
                 LEFT JOIN entities s ON s.entity_id = c.subject_id
                 LEFT JOIN entities o ON o.entity_id = c.object_id
                 LEFT JOIN entities a ON a.entity_id = c.attributed_to_id"""


class Reads:
    conn: duckdb.DuckDBPyConnection

    def _register(self, name: str, rows: Sequence[dict], cols: list[str]) -> None:  # defined by Store
        raise NotImplementedError

    # --- entities ------------------------------------------------------------------------------------------

    def entities(self) -> Iterator[Entity]:
        for row in _dicts(self.conn.execute("SELECT * FROM entities ORDER BY name, entity_id")):
            yield Entity.from_row(row)

    def entity(self, entity_id: str) -> Entity | None:
        rows = list(_dicts(self.conn.execute("SELECT * FROM entities WHERE entity_id = ?", [entity_id])))
        return Entity.from_row(rows[0]) if rows else None

    def entities_named(self, filters: Filters) -> list[Entity]:
        """Every entity (default filters), or those a claim passing the filters names (subject, object, source)."""
        return [Entity.from_row(r) for r in self.table("entities", filters).to_pylist()]

    def find_entities(self, name: str) -> list[Entity]:
        """Entities named or aliased NAME (case-insensitive), else those whose names contain it, best known first."""
        cur = self.conn.execute(
            """SELECT * FROM entities
               WHERE lower(name) = lower(?) OR list_contains(list_transform(aliases, lambda x: lower(x)), lower(?))
               ORDER BY len(doc_ids) DESC, name""", [name, name])
        found = list(_dicts(cur))
        if not found:
            cur = self.conn.execute(
                """SELECT * FROM entities WHERE contains(lower(name), lower(?))
                   OR len(list_filter(aliases, lambda x: contains(lower(x), lower(?)))) > 0
                   ORDER BY len(doc_ids) DESC, name LIMIT 20""", [name, name])
            found = list(_dicts(cur))
        return [Entity.from_row(r) for r in found]

    def _names(self, ids: set[str]) -> dict[str, str]:
        if not ids:
            return {}
        self._register("wanted_ids", [{"entity_id": i} for i in ids], ["entity_id"])
        try:
            return dict(self.conn.execute("SELECT entity_id, name FROM entities "
                                          "WHERE entity_id IN (SELECT entity_id FROM wanted_ids)").fetchall())
        finally:
            self.conn.unregister("wanted_ids")

    # --- ties and their evidence --------------------------------------------------------------------------------

    def tie_rows(self, filters: Filters | None = None) -> list[Tie]:
        """Ties among the claims that pass the filters (the `ties` view, recomputed on a subset). Denials are
        counted on the ties they contradict; a tie only denials name is kept only with `filters.negated`."""
        return Tie.from_table(self.table("ties", filters))

    def ties_of(self, entity_id: str, filters: Filters | None = None) -> list[Tie]:
        """An entity's ties (its ALLEGED activities too) among the claims that pass the filters."""
        table = self.table("ties", filters, entity_id=entity_id)
        ties = Tie.from_table(table, self._names(_ends(table)))
        ties.sort(key=lambda t: (-t.sources, -t.claims, t.relation, t.object_label))
        return ties

    def strongest_ties(self, limit: int = 10, filters: Filters | None = None) -> list[Tie]:
        """The ties with most asserting sources; ties between actors (cooperation, support, funding, arms,
        trade, control, opposition) before positions, memberships, family and presence. A tie only denials
        name is never among them, whatever the filters."""
        table = self.table("ties", filters)
        ties = [t for t in Tie.from_table(table, self._names(_ends(table))) if t.claims > 0]
        ties.sort(key=lambda t: (t.relation not in NETWORK, -t.sources, -t.claims, -t.confidence,
                                 t.subject_name or "", t.object_name or ""))
        return ties[:limit]

    def evidence(self, subject_id: str, relation: str, object_id: str,
                 filters: Filters | None = None) -> list[Evidence]:
        """The sentences behind one tie that pass the filters, denials included (flagged `negated`); a symmetric
        kind's claims in either direction."""
        return self.evidence_of([(subject_id, relation, object_id)], filters)[(subject_id, relation, object_id)]

    def evidence_of(self, ties: Sequence[tuple[str, str, str]],
                    filters: Filters | None = None) -> dict[tuple[str, str, str], list[Evidence]]:
        """`evidence` for several ties (subject id, relation, object id) in one query."""
        out: dict[tuple[str, str, str], list[Evidence]] = {t: [] for t in ties}
        if not ties:
            return out
        where, params = (filters or Filters()).claim_where(keep_denials=True)
        either = " OR ".join(["(c.relation = ? AND ((c.subject_id = ? AND c.object_id = ?) OR "
                              f"(c.relation IN {SYMMETRIC_SQL} AND c.subject_id = ? AND c.object_id = ?)))"] * len(out))
        wanted = [x for s, r, o in out for x in (r, s, o, o, s)]
        documents = "JOIN documents d USING (doc_id)" if "d." in where else ""  # a join costs as much as the rest
        cur = self.conn.execute(
            f"""SELECT c.subject_id, c.relation, c.object_id, c.doc_id, c.sentence, c.char_start, c.char_end,
                      c.trigger, c.hedged, c.negated, c.time, c.confidence, c.attributed_to_id AS attributed_to
               FROM claims c {documents} WHERE ({either}) AND {where} ORDER BY c.doc_id, c.char_start""",
            [*wanted, *params])
        rows = list(_dicts(cur))
        sources = self._names({r["attributed_to"] for r in rows if r["attributed_to"]})
        for row in rows:
            row["attributed_to"] = sources.get(row["attributed_to"])
            s, r, o = row.pop("subject_id"), row.pop("relation"), row.pop("object_id")
            found = Evidence.from_row(row)
            for key in ((s, r, o), (o, r, s)) if r in SYMMETRIC else ((s, r, o),):
                if key in out and (key == (s, r, o) or key[0] != key[2]):
                    out[key].append(found)
        return out

    # --- claims, documents, mentions ---------------------------------------------------------------------------

    def claims(self, filters: Filters | None = None, *, keep_denials: bool = True) -> Iterator[StoredClaim]:
        """The claims that pass the filters (denied claims too, flagged, unless keep_denials is False)."""
        where, params = (filters or Filters()).claim_where(keep_denials=keep_denials)
        cur = self.conn.execute(f"""SELECT c.*, {CLAIM_NAMES} {CLAIM_JOINS} WHERE {where}
                                    ORDER BY c.doc_id, c.char_start, c.claim_id""", params)
        for row in _dicts(cur):
            yield StoredClaim.from_row(row)

    def claims_of(self, entity_id: str, filters: Filters | None = None) -> list[StoredClaim]:
        """Every claim naming the entity that passes the filters (denials too, flagged), with its document's
        date and title, oldest first (a timeline)."""
        where, params = (filters or Filters()).claim_where(keep_denials=True)
        cur = self.conn.execute(
            f"""SELECT c.*, d.published, d.title, {CLAIM_NAMES} {CLAIM_JOINS}
               WHERE (c.subject_id = ? OR c.object_id = ?) AND {where}
               ORDER BY d.published NULLS LAST, c.doc_id, c.char_start""", [entity_id, entity_id, *params])
        return [StoredClaim.from_row(r) for r in _dicts(cur)]

    def timeline(self, filters: Filters | None = None, entity_id: str | None = None) -> list[tuple[str, int, int]]:
        """Claims (denials left out) by year of their date (filters.CLAIM_DATE): (year, claims, of which dated by a
        year the sentence names rather than the document), oldest first; an entity's claims with `entity_id`.
        ALLEGED claims count as their actor's."""
        where, params = (filters or Filters()).claim_where(keep_denials=False)
        if entity_id is not None:
            where = f"(c.subject_id = ? OR c.object_id = ?) AND {where}"
            params = [entity_id, entity_id, *params]
        cur = self.conn.execute(
            f"""SELECT left({CLAIM_DATE}, 4) AS year, count(*), count(*) FILTER (WHERE d.published IS NULL)
                FROM claims c JOIN documents d USING (doc_id)
                WHERE {where} AND {CLAIM_DATE} IS NOT NULL GROUP BY 1 ORDER BY 1""", params)
        return [(str(year), int(n), int(by_text)) for year, n, by_text in cur.fetchall()]

    def activities(self, filters: Filters | None = None) -> dict[str, dict[str, int]]:
        """What each entity is alleged to do (ALLEGED claims that pass the filters, denials left out): entity id ->
        activity -> claims."""
        where, params = (filters or Filters()).claim_where(keep_denials=False)
        cur = self.conn.execute(
            f"""SELECT c.subject_id, c.object_id, count(*) AS claims FROM claims c JOIN documents d USING (doc_id)
                WHERE c.relation = 'ALLEGED' AND {where} GROUP BY 1, 2 ORDER BY 1, 2""", params)
        out: dict[str, dict[str, int]] = {}
        for subject_id, object_id, claims in cur.fetchall():
            out.setdefault(subject_id, {})[str(object_id).removeprefix("activity:")] = int(claims)
        return out

    def tie_claims(self, subject_id: str, relation: str, object_id: str) -> list[StoredClaim]:
        """The claims behind one tie (either direction for a symmetric kind), with their documents."""
        cur = self.conn.execute(
            f"""SELECT c.*, d.title, d.url, d.source, d.published, {CLAIM_NAMES} {CLAIM_JOINS}
                WHERE c.relation = ? AND ((c.subject_id = ? AND c.object_id = ?)
                      OR (c.relation IN {SYMMETRIC_SQL} AND c.subject_id = ? AND c.object_id = ?))
                ORDER BY d.published NULLS LAST, c.doc_id, c.char_start""",
            [relation, subject_id, object_id, object_id, subject_id])
        return [StoredClaim.from_row(r) for r in _dicts(cur)]

    def document(self, doc_id: str) -> StoredDocument | None:
        rows = list(_dicts(self.conn.execute(
            "SELECT doc_id, title, source, url, published, text, words FROM documents WHERE doc_id = ?", [doc_id])))
        return StoredDocument.from_row(rows[0]) if rows else None

    def mentions_in(self, doc_id: str) -> list[StoredMention]:
        return [StoredMention.from_row(r) for r in _dicts(self.conn.execute(
            """SELECT m.start, m."end", m.text, m.type, m.entity_id, e.name
               FROM mentions m LEFT JOIN entities e USING (entity_id)
               WHERE m.doc_id = ? ORDER BY m.start""", [doc_id]))]

    def layout(self) -> dict[str, dict[str, Any]]:
        return {r["entity_id"]: r for r in _dicts(self.conn.execute("SELECT * FROM layout"))}

    # --- tables as Arrow (exports, graph) --------------------------------------------------------------------------

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


def _ends(table: pa.Table) -> set[str]:
    """The entity ids at either end of a table of ties."""
    return set(table.column("subject_id").to_pylist()) | set(table.column("object_id").to_pylist())


def _dicts(cur: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    while True:
        rows = cur.fetchmany(2000)
        if not rows:
            return
        for row in rows:
            yield dict(zip(cols, row, strict=True))
