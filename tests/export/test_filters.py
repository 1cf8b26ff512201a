"""Every registered exporter honours the filters and writes denials as denials, read back with the library its
users would use. The corpus: publisher a asserts Iran funds Hezbollah, publisher b denies it; c only denies that
Cuba funds the FARC; a and c claim Russia supports Venezuela."""

import csv
import json
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
from followthemoney import model

from claimgraph.export import EXPORTERS, Exporter
from claimgraph.filters import Filters
from claimgraph.store import Store
from tests.conftest import run_cli

DOCS = {
    "a.txt": "Iran funds Hezbollah. Russia supports Venezuela.\n",
    "b.txt": "Officials said Iran did not fund Hezbollah.\n",
    "c.txt": "Cuba did not fund the FARC. Russia supports Venezuela.\n",
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("denials")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "d.duckdb"
    done = run_cli("build", str(folder), "--db", str(db), "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr.decode()
    return db


def _ties(exporter: Exporter, out: Path) -> dict[tuple[str, str, str], dict]:
    """(subject, relation, object) -> the tie's attributes, as the format's readers see them; for claim and
    entity exports, the claims (with their negated flag) or the entity names."""
    fmt = (exporter.table, exporter.format)
    if fmt == ("claims", "jsonl"):
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        return {(r["subject"], r["relation"], r["object"] + ("~denied" if r["negated"] else "")): r for r in rows}
    if fmt == ("claims", "csv"):
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        return {(r["subject"], r["relation"], r["object"] + ("~denied" if r["negated"] == "True" else "")): r
                for r in rows}
    if exporter.table == "entities":
        rows = ([json.loads(line) for line in out.read_text().splitlines()] if exporter.format == "jsonl"
                else list(csv.DictReader(out.open(encoding="utf-8"))))
        return {(r["name"], "", ""): r for r in rows}
    if exporter.format in ("graphml", "gexf"):
        graph = nx.read_graphml(out) if exporter.format == "graphml" else nx.read_gexf(out)
        label = {n: d["label"] for n, d in graph.nodes(data=True)}
        return {(label[s], d["relation"], label[t]): d for s, t, d in graph.edges(data=True)}
    if fmt == ("graph", "csv"):
        names = {r["Id"]: r["Label"] for r in csv.DictReader((out / "nodes.csv").open(encoding="utf-8"))}
        return {(names[r["Source"]], r["relation"], names[r["Target"]]): r
                for r in csv.DictReader((out / "edges.csv").open(encoding="utf-8"))}
    if fmt == ("graph", "neo4j"):
        names = {r["entityId:ID"]: r["name"] for r in csv.DictReader((out / "entities.csv").open(encoding="utf-8"))}
        return {(names[r[":START_ID"]], r[":TYPE"], names[r[":END_ID"]]): r
                for r in csv.DictReader((out / "ties.csv").open(encoding="utf-8"))}
    if fmt == ("graph", "parquet"):
        names = {r["entity_id"]: r["name"] for r in pq.read_table(out / "entities.parquet").to_pylist()}
        return {(names[r["subject_id"]], r["relation"], names[r["object_id"]]): r
                for r in pq.read_table(out / "ties.parquet").to_pylist()}
    if fmt == ("graph", "ftm"):
        proxies = [model.get_proxy(json.loads(line)) for line in out.read_text().splitlines()]
        names = {p.id: p.caption for p in proxies}
        found = {}
        for proxy in proxies:
            if proxy.schema.name == "Note":
                subject, obj = proxy.get("entity")
                found[(names[subject], "denied", names[obj])] = {"summary": proxy.first("summary")}
            elif proxy.schema.edge:
                source, target = proxy.get(proxy.schema.source_prop), proxy.get(proxy.schema.target_prop)
                found[(names[source[0]], proxy.schema.name, names[target[0]])] = {}
        return found
    raise AssertionError(f"no reader for the {exporter.format} export of {exporter.table}: add one here")


def _export(store_path: Path, exporter: Exporter, filters: Filters, out: Path) -> dict:
    with Store.open(str(store_path), read_only=True) as store:
        written = exporter.write(store, filters, str(out))
    assert written.paths and all(Path(p).exists() for p in written.paths)
    return _ties(exporter, out)


@pytest.mark.parametrize("exporter", EXPORTERS, ids=lambda e: f"{e.table}-{e.format}")
def test_every_exporter_honours_the_kind_filter(store_path: Path, exporter: Exporter, tmp_path: Path) -> None:
    every = _export(store_path, exporter, Filters(), tmp_path / "all")
    supports = _export(store_path, exporter, Filters(kinds=("SUPPORTS",)), tmp_path / "supports")
    names = {n for key in every for n in (key[0], key[2])}
    assert "Iran" in names
    assert supports and "Iran" not in {n for key in supports for n in (key[0], key[2])}
    assert any("Russia" in key for key in supports)


@pytest.mark.parametrize("exporter", [e for e in EXPORTERS if e.table == "graph"], ids=lambda e: e.format)
def test_a_denial_is_never_a_link_and_contradictions_travel(store_path: Path, exporter: Exporter,
                                                            tmp_path: Path) -> None:
    ties = _export(store_path, exporter, Filters(), tmp_path / "default")
    assert not any("Cuba" in key for key in ties)  # only denied: absent by default
    if exporter.format == "ftm":
        assert ("Iran", "Payment", "Hezbollah") in ties
        with_denials = _export(store_path, exporter, Filters(negated=True), tmp_path / "negated")
        assert ("Cuba", "Payment", "FARC") not in with_denials  # never the positive schema
        assert "deny that Cuba funds FARC" in with_denials[("Cuba", "denied", "FARC")]["summary"]
        assert ("Iran", "denied", "Hezbollah") in with_denials
        return
    funds = ties[("Iran", "FUNDS", "Hezbollah")]
    counts = {k.split(":")[0].lower().replace("_", ""): v for k, v in funds.items()}
    assert int(counts["claims"]) == 1 and int(counts["sources"]) == 1
    assert int(counts["contradictingclaims"]) == 1 and int(counts["contradictingsources"]) == 1
    assert str(counts["denied"]).lower() == "false"
    cuba = _export(store_path, exporter, Filters(negated=True), tmp_path / "negated")[("Cuba", "FUNDS", "FARC")]
    cuba = {k.split(":")[0].lower().replace("_", ""): v for k, v in cuba.items()}
    assert int(cuba["claims"]) == 0 and int(cuba["contradictingclaims"]) == 1 and str(cuba["denied"]).lower() == "true"


def test_the_claim_export_keeps_denials_as_denials(store_path: Path, tmp_path: Path) -> None:
    exporter = next(e for e in EXPORTERS if (e.table, e.format) == ("claims", "jsonl"))
    claims = _export(store_path, exporter, Filters(), tmp_path / "c.jsonl")
    assert ("Cuba", "FUNDS", "FARC~denied") in claims and ("Iran", "FUNDS", "Hezbollah~denied") in claims
    only_b = _export(store_path, exporter, Filters(doc_ids=("b",)), tmp_path / "b.jsonl")
    assert list(only_b) == [("Iran", "FUNDS", "Hezbollah~denied")]


def test_the_cli_passes_its_filters_and_refuses_bad_ones(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    done = run_cli("export", "graph", "--format", "graphml", "--out", str(out), "--db", str(store_path),
                   "--kind", "supports", "--min-sources", "2")
    assert done.returncode == 0, done.stderr.decode()
    assert "wrote 2 actors and 1 ties" in done.stderr.decode()
    bad = run_cli("export", "claims", "--db", str(store_path), "--since", "last week")
    assert bad.returncode == 2 and bad.stderr.decode().strip().splitlines() == [
        "error: since must be a date YYYY, YYYY-MM or YYYY-MM-DD, not 'last week'"]


def test_ties_and_strongest_count_asserting_sources_only(store_path: Path) -> None:
    iran = run_cli("ties", "Iran", "--db", str(store_path)).stdout.decode()
    assert "claims: 1, sources: 1" in iran and "denied in 1 sentence(s) by 1 source(s)" in iran
    assert "denied by b" in iran
    cuba = run_cli("ties", "Cuba", "--db", str(store_path)).stdout.decode()
    assert "FARC" not in cuba and "--with-negated" in cuba
    strongest = run_cli("strongest", "--db", str(store_path)).stdout.decode().splitlines()
    assert strongest == ["Russia -[SUPPORTS]-> Venezuela  (claimed 2x by 2 source(s))",
                         "Iran -[FUNDS]-> Hezbollah  (claimed 1x by 1 source(s); denied by 1 source(s))"]
