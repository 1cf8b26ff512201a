"""Exports, one module per format, all behind one registry with one signature: `write(store, filters, out)`.

Every exporter applies the same `Filters` as the commands and the API, and returns what it wrote. `out` is a
file for one-file formats ("-" is standard output) and a folder for the formats written as several files.
Adding a format: a module with `write(store, filters, out) -> Written` and one line in EXPORTERS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from claimgraph.errors import InputError

if TYPE_CHECKING:
    from claimgraph.filters import Filters
    from claimgraph.store import Store


@dataclass(frozen=True)
class Written:
    what: str  # "1,234 claims", "80 actors and 120 ties"
    paths: tuple[str, ...]

    def __str__(self) -> str:
        return f"wrote {self.what} to {', '.join(self.paths)}"


Writer = Callable[["Store", "Filters", str], Written]


@dataclass(frozen=True)
class Exporter:
    table: str  # claims, entities or graph: what is exported
    format: str
    folder: bool  # writes several files into a folder
    help: str
    module: str  # claimgraph.export.<module>.<function>
    function: str

    def write(self, store: Store, filters: Filters, out: str) -> Written:
        from importlib import import_module

        writer: Writer = getattr(import_module(f"claimgraph.export.{self.module}"), self.function)
        return writer(store, filters, out)


EXPORTERS = [
    Exporter("claims", "jsonl", False, "one claim a line, ONTOLOGY.md section 5", "claims", "write_jsonl"),
    Exporter("claims", "csv", False, "one claim a row (cells guarded against spreadsheet formulas)", "claims",
             "write_csv"),
    Exporter("entities", "jsonl", False, "one resolved actor a line", "entities", "write_jsonl"),
    Exporter("entities", "csv", False, "one resolved actor a row", "entities", "write_csv"),
    Exporter("graph", "graphml", False, "GraphML for Gephi, yEd, Cytoscape, networkx", "graphml", "write"),
    Exporter("graph", "gexf", False, "GEXF 1.3 for Gephi", "gexf", "write"),
    Exporter("graph", "csv", True, "nodes.csv and edges.csv in Gephi's spreadsheet shape", "gephi_csv", "write"),
    Exporter("graph", "ftm", False, "FollowTheMoney entities for Aleph and nomenklatura", "ftm", "write"),
    Exporter("graph", "neo4j", True, "CSV for neo4j-admin import and a Cypher script", "neo4j", "write"),
    Exporter("graph", "parquet", True, "documents, entities, claims and ties as Parquet tables", "parquet",
             "write"),
]


def formats(table: str) -> list[str]:
    return [e.format for e in EXPORTERS if e.table == table]


def exporter(table: str, fmt: str) -> Exporter:
    for found in EXPORTERS:
        if found.table == table and found.format == fmt:
            return found
    raise InputError(f"no {fmt!r} export of {table}: use one of {', '.join(formats(table))}")


@contextmanager
def text_out(path: str) -> Iterator[IO[str]]:
    """A text stream to write to: standard output for "-", else the file (a clear error if it cannot be)."""
    import sys

    if path == "-":
        yield sys.stdout
        return
    try:
        stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror}") from err
    with stream:
        yield stream


def spreadsheet_safe(value: object) -> object:
    """A cell a spreadsheet will not run: text starting with = + - @ (or a tab / carriage return) gets a
    leading apostrophe (OWASP's advice against CSV formula injection); numbers pass unchanged."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


EDGE_FIELDS = ["relation", "claims", "sources", "hedged_share", "contradicting_claims", "contradicting_sources",
               "denied", "first_seen", "last_seen"]
"""Every graph export carries these per tie: asserting claims and sources, the share of them hedged, the
denials counted apart, and `denied` for a tie only denials name (present only with --with-negated)."""


def annotated_graph(store: Store, filters: Filters) -> Any:
    """The filtered graph with its measures and communities on the nodes (igraph)."""
    from claimgraph.analyse.graph import Graph

    return Graph.from_store(store, filters).annotated()
