"""Every graph export, loaded back with the library its users would use."""

import csv
import json
from pathlib import Path

import duckdb
import networkx as nx
from followthemoney import model

from tests.conftest import run_cli


def _export(db: Path, fmt: str, out: Path) -> None:
    done = run_cli("export", "graph", "--format", fmt, "--out", str(out), "--db", str(db))
    assert done.returncode == 0, done.stderr.decode()


def test_graphml_and_gexf_open_in_networkx(examples_db: Path, tmp_path: Path) -> None:
    _export(examples_db, "graphml", tmp_path / "g.graphml")
    _export(examples_db, "gexf", tmp_path / "g.gexf")
    for graph in (nx.read_graphml(tmp_path / "g.graphml"), nx.read_gexf(tmp_path / "g.gexf")):
        assert graph.number_of_edges() > 20
        node = next(data for _, data in graph.nodes(data=True) if data.get("label") == "Russia")
        assert node["type"] == "State" and "community" in node and "betweenness" in node
        edge = next(iter(graph.edges(data=True)))[2]
        assert {"relation", "claims", "sources", "hedged_share"} <= set(edge)


def test_gephi_csv_shape(examples_db: Path, tmp_path: Path) -> None:
    _export(examples_db, "csv", tmp_path / "csv")
    nodes = list(csv.DictReader((tmp_path / "csv" / "nodes.csv").open(encoding="utf-8")))
    edges = list(csv.DictReader((tmp_path / "csv" / "edges.csv").open(encoding="utf-8")))
    ids = {n["Id"] for n in nodes}
    assert {"Id", "Label", "type"} <= set(nodes[0]) and {"Source", "Target", "Type", "Weight"} <= set(edges[0])
    assert all(e["Source"] in ids and e["Target"] in ids for e in edges)


def test_every_ftm_line_is_a_valid_proxy_and_links_carry_their_sentences(examples_db: Path, tmp_path: Path) -> None:
    _export(examples_db, "ftm", tmp_path / "ftm.jsonl")
    proxies = [model.get_proxy(json.loads(line)) for line in (tmp_path / "ftm.jsonl").read_text().splitlines()]
    schemata = {p.schema.name for p in proxies}
    assert {"Person", "PublicBody", "Company", "Membership", "UnknownLink"} <= schemata
    links = [p for p in proxies if p.schema.name in ("UnknownLink", "Membership", "Payment", "Associate")]
    assert all(p.get("description") and "not an established fact" in p.first("summary") for p in links)
    aissami = next(p for p in proxies if p.first("name") == "Tareck El Aissami")
    assert "crime.traffick.drug" in aissami.get("topics")


def test_neo4j_import_headers_and_cypher(examples_db: Path, tmp_path: Path) -> None:
    _export(examples_db, "neo4j", tmp_path / "neo")
    nodes_header = (tmp_path / "neo" / "entities.csv").read_text().splitlines()[0].split(",")
    rels_header = (tmp_path / "neo" / "ties.csv").read_text().splitlines()[0].split(",")
    assert nodes_header[0].endswith(":ID") and nodes_header[-1] == ":LABEL"
    assert rels_header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    known = ("ID", "LABEL", "int", "float", "boolean", "START_ID", "END_ID", "TYPE")
    assert all(":" not in h or h.split(":")[1] in known
               for h in nodes_header + rels_header)
    cypher = (tmp_path / "neo" / "import.cypher").read_text()
    assert cypher.count("MERGE (s)-[r:") == len((tmp_path / "neo" / "ties.csv").read_text().splitlines()) - 1


def test_parquet_tables_read_back(examples_db: Path, tmp_path: Path) -> None:
    _export(examples_db, "parquet", tmp_path / "pq")
    stored = json.loads(run_cli("stats", "--db", str(examples_db), "--format", "json").stdout)
    for table in ("documents", "entities", "claims"):
        [(count,)] = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'pq' / table}.parquet'").fetchall()
        assert count == stored[table]  # no filter: every row of the store


def test_actor_brief_never_states_a_claim_as_fact(examples_db: Path, tmp_path: Path) -> None:
    for name in ("brief.md", "brief.html"):
        done = run_cli("report", "Tareck El Aissami", "--out", str(tmp_path / name), "--db", str(examples_db))
        assert done.returncode == 0, done.stderr.decode()
    text = (tmp_path / "brief.md").read_text()
    assert "Hezbollah" in text and "None of it is an established fact" in text
    kinds = {"## Alleged", "## Associated With", "## Member Of", "## Supports", "## Cooperates With", "## Funds"}
    section, bullets = "", []
    for line in text.splitlines():
        section = line if line.startswith("## ") else section
        if section in kinds and line.startswith("- "):
            bullets.append(line)
    assert len(bullets) >= 3 and all(line.startswith(("- Document", "- According to")) for line in bullets)
    page = (tmp_path / "brief.html").read_text()
    assert "<script" not in page.lower() and "**" not in page and "<strong>Type:</strong>" in page
    assert " is a member of Venezuela" not in text  # a position in a state is worded as one


def test_strongest_ranks_ties_between_actors_before_positions(tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text("Venezuelan President Nicolas Maduro spoke. Venezuelan President Nicolas Maduro left. "
                   "Iran funds Hezbollah.\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    assert run_cli("build", str(doc), "--db", str(db), "--workers", "1").returncode == 0
    lines = run_cli("strongest", "--db", str(db)).stdout.decode().splitlines()
    assert lines[0].startswith("Iran -[FUNDS]-> Hezbollah")  # the position is claimed twice, the tie once
    only = run_cli("strongest", "--db", str(db), "--kind", "MEMBER_OF").stdout.decode().splitlines()
    assert only and all("[MEMBER_OF]" in line for line in only)


def test_ftm_never_writes_a_denial_as_a_tie(tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text("Iran did not fund Hamas. Qatar funds Hamas.\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    assert run_cli("build", str(doc), "--db", str(db), "--workers", "1").returncode == 0
    _export(db, "ftm", tmp_path / "d.ftm.json")
    proxies = [model.get_proxy(json.loads(line)) for line in (tmp_path / "d.ftm.json").read_text().splitlines()]
    names = {p.id: p.caption for p in proxies}
    payments = [(names[p.first("payer")], names[p.first("beneficiary")]) for p in proxies if p.schema.name == "Payment"]
    assert payments == [("Qatar", "Hamas")]


def test_html_brief_escapes_what_documents_say(tmp_path: Path) -> None:
    doc = tmp_path / "x.txt"
    doc.write_text('Iran funds Hezbollah, said <img src=x onerror="alert(1)"> <script>alert(2)</script>.\n',
                   encoding="utf-8")
    db = tmp_path / "x.duckdb"
    assert run_cli("build", str(doc), "--db", str(db), "--workers", "1").returncode == 0
    out = tmp_path / "brief.html"
    assert run_cli("report", "Iran", "--out", str(out), "--db", str(db)).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
