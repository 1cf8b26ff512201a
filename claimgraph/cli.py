"""The command line: parse, call the library, print. No logic lives here."""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from dataclasses import asdict
from typing import IO, Any

import click

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError
from claimgraph.model import RELATIONS

DB_HELP = "DuckDB store (default ./claimgraph.duckdb, or $CLAIMGRAPH_DB)."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimgraph")
def cli() -> None:
    """Rebuild the network of actors that reports describe, as claims anchored in their sentences."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def build(paths: tuple[str, ...], db: str | None, workers: int | None, quiet: bool) -> None:
    """Read files, folders (recursively) or - (stdin) into the claim graph.

    Formats: .txt .md .html/.htm .pdf .jsonl (id, title, text, url, source, published).
    Unchanged documents are skipped; a changed one replaces its old claims."""
    from tqdm import tqdm

    from claimgraph.pipeline import build as run_build

    workers = workers or os.cpu_count() or 1
    bar = tqdm(desc="documents", unit="doc", file=sys.stderr, disable=quiet or None, leave=False)

    def seen(item: object) -> None:
        bar.update(1)

    with _errors():
        summary = run_build(list(paths), db=db, workers=workers, on_document=seen)
    bar.close()
    for skipped in summary.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    click.echo(
        f"this run: documents read: {summary.read}, unchanged: {summary.unchanged}, skipped: "
        f"{len(summary.skipped)}; new or replaced claims: {summary.claims}, mentions: {summary.mentions}\n"
        f"store now: documents: {summary.store_documents}, entities: {summary.entities}, "
        f"claims: {summary.store_claims}\n"
        f"seconds: {summary.seconds:.1f}, words read: {summary.words}, words/s: {summary.words_per_second:.0f}")


@cli.group()
def export() -> None:
    """Write claims, entities or the whole graph out (JSON Lines, CSV, GraphML, GEXF, FtM, Neo4j, Parquet)."""


@export.command("claims")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None, help="File (default stdout).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
def export_claims(db: str | None, fmt: str, out: str | None, min_confidence: float) -> None:
    """Every claim, one a line (ONTOLOGY.md section 5)."""
    from claimgraph.export.claims import claim_records, write_csv, write_jsonl
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store, _output(out) as stream:
        records = claim_records(store, min_confidence=min_confidence)
        (write_csv if fmt == "csv" else write_jsonl)(records, stream)


@export.command("entities")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None, help="File (default stdout).")
def export_entities(db: str | None, fmt: str, out: str | None) -> None:
    """Every entity, one a line: entity_id, name, type, aliases, doc_ids, country."""
    from claimgraph.export.claims import write_jsonl
    from claimgraph.export.entities import entity_records
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store, _output(out) as stream:
        write_jsonl(entity_records(store), stream)


@cli.command()
@click.argument("name")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def ties(name: str, db: str | None, fmt: str) -> None:
    """An entity's ties, each with the sentences that claim it."""
    from claimgraph.analyse.ties import ties_of
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store:
        entity, found = ties_of(store, name)
    if fmt == "jsonl":
        for tie in found:
            click.echo(json.dumps(asdict(tie), ensure_ascii=False, default=str))
        return
    aliases = ", ".join(entity["aliases"][:8])
    click.echo(f"{entity['name']} ({entity['type']}{', ' + entity['country'] if entity['country'] else ''})"
               f"{' also seen as: ' + aliases if aliases else ''}")
    if not found:
        click.echo("  no ties claimed")
    for tie in found:
        flags = []
        if tie.hedged_share:
            flags.append(f"hedged {tie.hedged_share:.0%}")
        if tie.contradictions:
            flags.append(f"denied in {tie.contradictions} sentence(s) by {tie.contradicting_sources} source(s)")
        seen = f", seen {tie.first_seen} to {tie.last_seen}" if tie.first_seen else ""
        click.echo(f"\n  {tie.subject} -[{tie.relation}]-> {tie.object}   claims: {tie.claims}, "
                   f"sources: {tie.sources}{seen}{'  (' + ', '.join(flags) + ')' if flags else ''}")
        for ev in tie.evidence[:5]:
            who = f"according to {ev['attributed_to']}" if ev["attributed_to"] else f"claimed by {ev['doc_id']}"
            click.echo(f"    - {who}: \"{_clip(ev['sentence'])}\" [{ev['doc_id']}:{ev['char_start']}]")


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(db: str | None, fmt: str) -> None:
    """Counts of documents, mentions, entities, claims and ties."""
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store:
        numbers = store.stats()
    if fmt == "json":
        click.echo(json.dumps(numbers, indent=2))
        return
    for key, value in numbers.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for k, v in value.items():
                click.echo(f"  {k:<18} {v}")
        else:
            click.echo(f"{key:<20} {value}")


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--top", type=int, default=15, show_default=True)
@click.option("--kind", "kinds", multiple=True, type=click.Choice([r for r in RELATIONS if r != "ALLEGED"]),
              help="Only these kinds (repeatable).")
def strongest(db: str | None, top: int, kinds: tuple[str, ...]) -> None:
    """The ties backed by the most sources, ties between actors before positions and presence (each shown as a
    claim, with its evidence count; denials never count)."""
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store:
        rows = store.strongest_ties(top, kinds)
    for row in rows:
        hedge = f", {row['hedged_share']:.0%} hedged" if row["hedged_share"] else ""
        click.echo(f"{row['subject_name']} -[{row['relation']}]-> {row['object_name']}  "
                   f"(claimed {row['claims']}x by {row['sources']} source(s){hedge})")


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--db", default=None, help=DB_HELP)
def merge(a: str, b: str, db: str | None) -> None:
    """Judge that A and B are one actor (kept and re-applied on every rebuild)."""
    from claimgraph import curate
    from claimgraph.store import Store

    with _errors(), Store.open(db) as store:
        entity = curate.merge(store, a, b)
    click.echo(f"merged: {entity['name']} ({entity['type']}), names: {', '.join(entity['aliases'][:10])}")


@cli.command()
@click.argument("entity")
@click.option("--db", default=None, help=DB_HELP)
def split(entity: str, db: str | None) -> None:
    """Undo the merges that made ENTITY: each name it joined becomes an entity again."""
    from claimgraph import curate
    from claimgraph.store import Store

    with _errors(), Store.open(db) as store:
        parts = curate.split(store, entity)
    for part in parts:
        click.echo(f"{part['entity_id']}  {part['name']} ({part['type']})")


@cli.command()
@click.argument("entity")
@click.argument("name")
@click.option("--db", default=None, help=DB_HELP)
def rename(entity: str, name: str, db: str | None) -> None:
    """Give ENTITY the canonical NAME (kept and re-applied on every rebuild)."""
    from claimgraph import curate
    from claimgraph.store import Store

    with _errors(), Store.open(db) as store:
        renamed = curate.rename(store, entity, name)
    click.echo(f"renamed: {renamed['name']} ({renamed['entity_id']})")


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--export", "export_to", type=click.Path(dir_okay=False), default=None,
              help="Write every judgement to this JSON Lines file.")
@click.option("--import", "import_from", type=click.Path(dir_okay=False), default=None,
              help="Add the judgements of this file and re-resolve.")
def judgements(db: str | None, export_to: str | None, import_from: str | None) -> None:
    """List the user's judgements (merge, split, rename), or export / import them as a file."""
    from claimgraph import curate
    from claimgraph.store import Store

    with _errors(), Store.open(db) as store:
        if import_from:
            added = curate.import_file(store, import_from)
            click.echo(f"imported {added} new judgement(s) from {import_from}")
        if export_to:
            count = curate.export_file(store, export_to)
            click.echo(f"exported {count} judgement(s) to {export_to}")
        if not import_from and not export_to:
            for judgement in curate.listing(store):
                click.echo(f"{judgement.at}  {judgement.kind:<7} {judgement.note or ''}")


@cli.command()
@click.argument("name")
@click.option("--db", default=None, help=DB_HELP)
def entity(name: str, db: str | None) -> None:
    """Who NAME resolves to: its names, documents, and why its names were merged."""
    from claimgraph.analyse.ties import lookup
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store:
        found = lookup(store, name)
    attributes = json.loads(found["attributes"] or "{}")
    click.echo(f"{found['name']} ({found['type']}{', ' + found['country'] if found['country'] else ''}) "
               f"{found['entity_id']}")
    click.echo(f"  names: {', '.join(found['aliases'])}")
    click.echo(f"  documents: {', '.join(found['doc_ids'])}")
    for step in attributes.get("merges", []):
        click.echo(f"  merged {' + '.join(step['names'])}: {step['rule']}")
    if attributes.get("renamed"):
        click.echo("  name set by a user judgement")


def _filter_options(func: Any) -> Any:
    """The graph filters of analyse/, shared by every graph command."""
    options = [
        click.option("--kind", "kinds", multiple=True, help="Only these relation kinds (repeatable)."),
        click.option("--min-sources", type=int, default=1, show_default=True, help="Minimum corroboration."),
        click.option("--no-hedged", is_flag=True, help="Leave hedged claims out."),
        click.option("--with-negated", is_flag=True, help="Keep denied claims as ties too."),
        click.option("--since", default=None, help="Documents published on or after this date."),
        click.option("--until", default=None, help="Documents published on or before this date."),
        click.option("--doc", "doc_ids", multiple=True, help="Only claims from these documents (repeatable)."),
        click.option("--db", default=None, help=DB_HELP),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _graph(opts: dict[str, Any]) -> Any:
    from claimgraph.analyse.graph import Filters, Graph
    from claimgraph.store import Store

    filters = Filters(kinds=tuple(k.upper() for k in opts["kinds"]), min_sources=opts["min_sources"],
                      hedged=not opts["no_hedged"], negated=opts["with_negated"], since=opts["since"],
                      until=opts["until"], doc_ids=tuple(opts["doc_ids"]))
    return Graph.from_store(Store.open(opts["db"], read_only=True), filters)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("-k", "--paths", "k", type=click.IntRange(1, 20), default=1, show_default=True,
              help="How many shortest paths.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_filter_options
def path(a: str, b: str, k: int, fmt: str, **opts: Any) -> None:
    """How A is connected to B: the shortest chains of ties, each hop with its evidence."""
    with _errors():
        found = _graph(opts).paths(a, b, k=k)
    if not found:
        click.echo(f"no path between {a!r} and {b!r} with these filters", err=True)
        sys.exit(1)
    if fmt == "json":
        out = [{"hops": [asdict(h) for h in hops]} for hops in found]
        click.echo(json.dumps(out[0] if k == 1 else out, ensure_ascii=False, indent=2))
        return
    for number, hops in enumerate(found, start=1):
        click.echo(f"path {number} ({len(hops)} hop(s)):")
        for hop in hops:
            click.echo(f"  {hop.subject} -[{hop.relation}]-> {hop.object}")
            for ev in hop.evidence[:2]:
                who = ev["attributed_to"] or ev["doc_id"]
                click.echo(f"      {who}: \"{_clip(ev['sentence'], 160)}\"")


@cli.command()
@click.option("--by", type=click.Choice(["betweenness", "pagerank", "degree", "strength"]), default="betweenness",
              show_default=True)
@click.option("--top", type=int, default=15, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_filter_options
def central(by: str, top: int, fmt: str, **opts: Any) -> None:
    """The most central actors: brokers (betweenness), PageRank, or degree."""
    with _errors():
        rows = _graph(opts).centrality(by, top)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['score']:>10.4f}  {row['name']} ({row['type']})")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_filter_options
def communities(fmt: str, **opts: Any) -> None:
    """Clusters of actors (Leiden), each labelled by its best-connected members."""
    with _errors():
        groups = _graph(opts).communities()
    if fmt == "json":
        click.echo(json.dumps(groups, ensure_ascii=False, indent=2))
        return
    for group in groups:
        names = ", ".join(m["name"] for m in group["members"][:10])
        click.echo(f"{group['community']:>3}  {group['size']:>4} actors  {group['label']}\n       {names}")


@cli.command()
@click.argument("name")
@click.option("--hops", type=click.IntRange(1, 5), default=1, show_default=True)
@_filter_options
def ego(name: str, hops: int, **opts: Any) -> None:
    """NAME's neighbourhood: the actors within HOPS ties and the ties among them."""
    with _errors():
        graph = _graph(opts).ego(name, hops=hops).graph
    click.echo(f"{graph.vcount()} actors, {graph.ecount()} ties")
    for edge in graph.es:
        click.echo(f"  {graph.vs[edge.source]['name']} -[{edge['relation']}]-> {graph.vs[edge.target]['name']}"
                   f"  (claims {edge['claims']}, sources {edge['sources']})")


@export.command("graph")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv", "ftm", "neo4j", "parquet"]),
              required=True)
@click.option("--out", required=True, type=click.Path(), help="A file (graphml, gexf, ftm) or a folder.")
@_filter_options
def export_graph(fmt: str, out: str, **opts: Any) -> None:
    """The graph for Gephi (graphml, gexf, csv), Aleph (ftm), Neo4j, or pandas (parquet)."""
    from claimgraph.export import ftm, gephi_csv, gexf, graphml, neo4j, parquet

    with _errors():
        graph = _graph(opts)
        if fmt == "ftm":
            count = ftm.write(graph.store, out)
            click.echo(f"wrote {count} FollowTheMoney entities to {out}")
        elif fmt == "parquet":
            paths = parquet.write(graph.store, out)
            click.echo("wrote " + ", ".join(str(p) for p in paths))
        else:
            annotated = graph.annotated()
            if fmt == "graphml":
                graphml.write(annotated, out)
            elif fmt == "gexf":
                gexf.write(annotated, out)
            else:
                written = (gephi_csv if fmt == "csv" else neo4j).write(annotated, out)
                out = ", ".join(str(p) for p in written)
            click.echo(f"wrote {annotated.vcount()} actors and {annotated.ecount()} ties to {out}")


@cli.command()
@click.argument("name")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="brief.md or brief.html")
@click.option("--db", default=None, help=DB_HELP)
def report(name: str, out: str, db: str | None) -> None:
    """An actor brief: who it is, its ties with quoted evidence, sources, its community and brokers."""
    from claimgraph.export import brief
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store:
        data = brief.brief(store, name)
    text = brief.to_html(data) if out.lower().endswith((".html", ".htm")) else brief.markdown(data)
    with _output(out) as stream:
        stream.write(text)
    click.echo(f"wrote the brief on {data['entity']['name']} to {out}")


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback exposes the view to the network.")
@click.option("--port", type=int, default=8765, show_default=True)
def serve(db: str | None, host: str, port: int) -> None:
    """The web view: the network with its evidence, search, filters and paths (read-only)."""
    import uvicorn

    from claimgraph.serve import create_app

    with _errors():
        app = create_app(db or _default_db())
    click.echo(f"claimgraph view on http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _default_db() -> str:
    from claimgraph.store.db import db_path

    return db_path(None)


def _clip(text: str, size: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


@contextmanager
def _output(path: str | None) -> Any:
    if path is None:
        yield sys.stdout
        return
    try:
        stream: IO[str] = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as err:
        raise click.ClickException(f"cannot write {path}: {err.strerror}") from err
    with stream:
        yield stream


@contextmanager
def _errors() -> Any:
    try:
        yield
    except ClaimgraphError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
