"""The command line: parse, call the library, print. No logic lives here."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict
from typing import IO, Any

import click

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError
from claimgraph.model import ACTOR_TYPES, RELATIONS

DB_HELP = "DuckDB store (default ./claimgraph.duckdb, or $CLAIMGRAPH_DB)."


def _inherited_db(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A command's --db, else the one given before the command (`claimgraph --db x.duckdb ties ...`)."""
    return value or ctx.find_root().params.get("db")


db_option = click.option("--db", default=None, help=DB_HELP, callback=_inherited_db)


format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
    help="table for people; json (one document) or jsonl (one record a line) for programs.")


def _machine(fmt: str, data: Any) -> bool:
    """Print DATA as JSON or JSON Lines when FMT asks for it; False for a table (the caller prints it)."""
    from dataclasses import is_dataclass

    if isinstance(data, list):
        data = [asdict(d) if is_dataclass(d) and not isinstance(d, type) else d for d in data]
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    elif fmt == "jsonl":
        for record in data if isinstance(data, list) else [data]:
            click.echo(json.dumps(record, ensure_ascii=False, default=str))
    return fmt != "table"


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The filters every graph command, `ties`, `strongest`, `report` and every export take; the command
    receives them as one `filters` (claimgraph.filters.Filters), checked before it runs."""

    @functools.wraps(func)
    def wrapper(*args: Any, kinds: tuple[str, ...], min_sources: int, no_hedged: bool, with_negated: bool,
                since: str | None, until: str | None, doc_ids: tuple[str, ...], min_confidence: float,
                **kwargs: Any) -> Any:
        from claimgraph.filters import Filters

        with _errors():
            filters = Filters(kinds=kinds, min_sources=min_sources, hedged=not no_hedged, negated=with_negated,
                              since=since, until=until, doc_ids=doc_ids, min_confidence=min_confidence)
        return func(*args, filters=filters, **kwargs)

    options = [
        click.option("--kind", "kinds", multiple=True, type=click.Choice(RELATIONS, case_sensitive=False),
                     help="Only these relation kinds (repeatable)."),
        click.option("--min-sources", type=click.IntRange(1), default=1, show_default=True,
                     help="Ties asserted by at least this many distinct sources."),
        click.option("--no-hedged", is_flag=True, help="Leave hedged claims out."),
        click.option("--with-negated", is_flag=True,
                     help="Also keep ties that only denials name (denials are always counted as contradictions)."),
        click.option("--since", default=None, help="Documents published on or after this date (YYYY[-MM[-DD]])."),
        click.option("--until", default=None, help="Documents published on or before this date (YYYY[-MM[-DD]])."),
        click.option("--doc", "doc_ids", multiple=True, help="Only claims from these documents (repeatable)."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
                     help="Only claims at least this confident."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimgraph")
@click.option("--db", default=None, help=DB_HELP + " Every command below takes it too.")
def cli(db: str | None) -> None:
    """Rebuild the network of actors that reports describe, as claims anchored in their sentences."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
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


def _export_command(table: str, summary: str) -> None:
    from claimgraph.export import EXPORTERS

    choices = [e for e in EXPORTERS if e.table == table]
    folders = [e.format for e in choices if e.folder]
    formats = "; ".join(f"{e.format}: {e.help}" for e in choices)

    @export.command(table, help=f"{summary}\n\nFormats: {formats}.")
    @db_option
    @click.option("--format", "fmt", type=click.Choice([e.format for e in choices]), default=choices[0].format,
                  show_default=True)
    @click.option("--out", default=None,
                  help="A file, - for standard output (the default for one-file formats), or a folder for "
                       f"{', '.join(folders) or 'none'}.")
    @filter_options
    def command(db: str | None, fmt: str, out: str | None, filters: Any) -> None:
        from claimgraph.export import exporter
        from claimgraph.store import Store

        with _errors():
            chosen = exporter(table, fmt)
            if out is None and chosen.folder:
                raise click.UsageError(f"--out FOLDER is needed for the {fmt} export")
            with Store.open(db, read_only=True) as store:
                written = chosen.write(store, filters, out or "-")
        if out not in (None, "-"):
            click.echo(str(written), err=True)


_export_command("claims", "Every claim, one a record (ONTOLOGY.md section 5); a denied claim is written as "
                          "the claim it is, with negated: true.")
_export_command("entities", "Every resolved actor (with filters: those the kept claims name): entity_id, name, "
                            "type, aliases, doc_ids, country.")
_export_command("graph", "The graph of ties that pass the filters, for Gephi, Aleph, Neo4j or pandas; each tie "
                         "carries its asserting claims and sources and the denials counted apart.")


@cli.command()
@click.argument("name")
@db_option
@format_option
@filter_options
def ties(name: str, db: str | None, fmt: str, filters: Any) -> None:
    """An entity's ties, each with the sentences that claim it (and those that deny it)."""
    from claimgraph.analyse.ties import ties_of
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store:
        entity, found = ties_of(store, name, filters)
        hidden = 0 if filters.negated else sum(
            1 for t in store.ties_of(entity.entity_id, filters.with_negated()) if t.denied)
    if _machine(fmt, [asdict(tie) for tie in found]):
        return
    aliases = ", ".join(entity.aliases[:8])
    click.echo(f"{entity.name} ({entity.type}{', ' + entity.country if entity.country else ''})"
               f"{' also seen as: ' + aliases if aliases else ''}")
    if not found:
        click.echo("  no ties claimed" + (" with these filters" if not filters.is_default else ""))
    if hidden:
        click.echo(f"  ({hidden} tie(s) that sources only deny are left out: --with-negated shows them)")
    for tie in found:
        flags = []
        if tie.hedged_share:
            flags.append(f"hedged {tie.hedged_share:.0%}")
        if tie.contradicting_claims:
            flags.append(f"denied in {tie.contradicting_claims} sentence(s) by {tie.contradicting_sources} source(s)")
        seen = f", seen {tie.first_seen} to {tie.last_seen}" if tie.first_seen else ""
        click.echo(f"\n  {tie.subject} -[{tie.relation}]-> {tie.object}   claims: {tie.claims}, "
                   f"sources: {tie.sources}{seen}{'  (' + ', '.join(flags) + ')' if flags else ''}")
        for ev in tie.evidence[:5]:
            who = f"according to {ev.attributed_to}" if ev.attributed_to else f"claimed by {ev.doc_id}"
            if ev.negated:
                who = f"denied by {ev.attributed_to or ev.doc_id}"
            click.echo(f"    - {who}: \"{_clip(ev.sentence)}\" [{ev.doc_id}:{ev.char_start}]")


@cli.command()
@db_option
@format_option
def stats(db: str | None, fmt: str) -> None:
    """Counts of documents, mentions, entities, claims and ties."""
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store:
        numbers = store.stats()
    if _machine(fmt, numbers):
        return
    for key, value in numbers.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for k, v in value.items():
                click.echo(f"  {k:<18} {v}")
        else:
            click.echo(f"{key:<20} {value}")


@cli.command()
@db_option
@click.option("--top", type=click.IntRange(1), default=15, show_default=True)
@format_option
@filter_options
def strongest(db: str | None, top: int, fmt: str, filters: Any) -> None:
    """The ties backed by the most sources, ties between actors before positions and presence (each shown as a
    claim, with its evidence count; denials never count)."""
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store:
        rows = store.strongest_ties(top, filters)
    if _machine(fmt, rows):
        return
    for row in rows:
        hedge = f", {row.hedged_share:.0%} hedged" if row.hedged_share else ""
        denied = f"; denied by {row.contradicting_sources} source(s)" if row.contradicting_sources else ""
        click.echo(f"{row.subject_name} -[{row.relation}]-> {row.object_name}  "
                   f"(claimed {row.claims}x by {row.sources} source(s){hedge}{denied})")


@cli.command()
@click.argument("a")
@click.argument("b")
@db_option
def merge(a: str, b: str, db: str | None) -> None:
    """Judge that A and B are one actor (kept and re-applied on every rebuild)."""
    from claimgraph import curate
    from claimgraph.store import Store

    with _errors(), Store.open(db) as store:
        entity = curate.merge(store, a, b)
    click.echo(f"merged: {entity.name} ({entity.type}), names: {', '.join(entity.aliases[:10])}")


@cli.command()
@click.argument("entity")
@click.option("--name", "one", default=None, help="Split off only this name (with the names read as one with it).")
@db_option
def split(entity: str, one: str | None, db: str | None) -> None:
    """Judge that ENTITY's names are not one actor: every name apart, or --name NAME off from the rest.
    No rule joins them again (kept and re-applied on every rebuild)."""
    from claimgraph import curate
    from claimgraph.store import Store

    with _errors(), Store.open(db) as store:
        found = curate.split(store, entity, one)
    click.echo(f"{entity} is now {len(found)} entities:")
    for part in found:
        click.echo(f"  {part.name} ({part.type}): {', '.join(part.aliases[:8])}")


@cli.command()
@click.argument("a")
@click.argument("b")
@db_option
def unsure(a: str, b: str, db: str | None) -> None:
    """Record that you cannot tell whether A and B are one actor (changes nothing; listed with judgements)."""
    from claimgraph import curate
    from claimgraph.store import Store

    with _errors(), Store.open(db) as store:
        curate.unsure(store, a, b)
    click.echo(f"recorded: unsure whether {a} and {b} are one actor")


@cli.command()
@click.argument("entity")
@click.argument("name")
@db_option
def rename(entity: str, name: str, db: str | None) -> None:
    """Give ENTITY the canonical NAME (kept and re-applied on every rebuild)."""
    from claimgraph import curate
    from claimgraph.store import Store

    with _errors(), Store.open(db) as store:
        renamed = curate.rename(store, entity, name)
    click.echo(f"renamed: {renamed.name} ({renamed.type})")


@cli.command()
@click.argument("entity")
@click.argument("actor_type", metavar="TYPE", type=click.Choice(ACTOR_TYPES, case_sensitive=False))
@db_option
def retype(entity: str, actor_type: str, db: str | None) -> None:
    """Give ENTITY the actor TYPE (kept and re-applied on every rebuild)."""
    from claimgraph import curate
    from claimgraph.store import Store

    chosen = next(t for t in ACTOR_TYPES if t.lower() == actor_type.lower())
    with _errors(), Store.open(db) as store:
        changed = curate.retype(store, entity, chosen)
    click.echo(f"retyped: {changed.name} is now {changed.type}")


@cli.command()
@db_option
@click.option("--export", "export_to", type=click.Path(dir_okay=False), default=None,
              help="Write every judgement to this JSON Lines file.")
@click.option("--import", "import_from", type=click.Path(dir_okay=False), default=None,
              help="Add the judgements of this file and re-resolve.")
def judgements(db: str | None, export_to: str | None, import_from: str | None) -> None:
    """List the user's judgements (merge, split, unsure, rename, retype) with who made them and when, or
    export / import them as a file."""
    from claimgraph import curate
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=not import_from) as store:
        if import_from:
            added = curate.import_file(store, import_from)
            click.echo(f"imported {added} new judgement(s) from {import_from}")
        if export_to:
            count = curate.export_file(store, export_to)
            click.echo(f"exported {count} judgement(s) to {export_to}")
        if not import_from and not export_to:
            listed = curate.listing(store)
            if not listed:
                click.echo("no judgements yet (merge, split, unsure, rename, retype make them)")
            for judgement in listed:
                click.echo(f"{judgement.made_at}  {judgement.user:<10} {judgement.kind:<7} {judgement.note or ''}")


@cli.command()
@click.argument("name")
@db_option
def entity(name: str, db: str | None) -> None:
    """Who NAME resolves to: its names, documents, and why each of its names joined it."""
    from claimgraph import curate
    from claimgraph.analyse.ties import lookup
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store:
        found = lookup(store, name)
    click.echo(f"{found.name} ({found.type}{', ' + found.country if found.country else ''}) "
               f"{found.entity_id}")
    click.echo(f"  names: {', '.join(found.aliases)}")
    click.echo(f"  documents: {', '.join(found.doc_ids)}")
    click.echo("  why these names are one actor:")
    for line in curate.explain(found):
        click.echo(f"    {line}")


def _graph(db: str | None, filters: Any) -> Any:
    from claimgraph.analyse.graph import Graph
    from claimgraph.store import Store

    return Graph.from_store(Store.open(db, read_only=True), filters)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("-k", "--paths", "k", type=click.IntRange(1, 20), default=1, show_default=True,
              help="How many shortest paths.")
@format_option
@db_option
@filter_options
def path(a: str, b: str, k: int, fmt: str, db: str | None, filters: Any) -> None:
    """How A is connected to B: the shortest chains of ties, each hop with its evidence."""
    with _errors():
        found = _graph(db, filters).paths(a, b, k=k)
    if not found:
        click.echo(f"no path between {a!r} and {b!r} with these filters", err=True)
        sys.exit(1)
    out = [{"hops": [asdict(h) for h in hops]} for hops in found]
    if _machine(fmt, out[0] if k == 1 and fmt == "json" else out):
        return
    for number, hops in enumerate(found, start=1):
        click.echo(f"path {number} ({len(hops)} hop(s)):")
        for hop in hops:
            click.echo(f"  {hop.subject} -[{hop.relation}]-> {hop.object}")
            for ev in hop.evidence[:2]:
                who = ev.attributed_to or ev.doc_id
                flags = " (hedged)" if ev.hedged else ""
                flags += " (denies it)" if ev.negated else ""
                click.echo(f"      {who}{flags}: \"{_clip(ev.sentence, 160)}\"")


@cli.command()
@click.option("--by", type=click.Choice(["betweenness", "pagerank", "degree", "strength"]), default="betweenness",
              show_default=True)
@click.option("--top", type=click.IntRange(1), default=15, show_default=True)
@format_option
@db_option
@filter_options
def central(by: str, top: int, fmt: str, db: str | None, filters: Any) -> None:
    """The most central actors: brokers (betweenness), PageRank, or degree."""
    with _errors():
        rows = _graph(db, filters).centrality(by, top)
    if _machine(fmt, rows):
        return
    for row in rows:
        click.echo(f"{row['score']:>10.4f}  {row['name']} ({row['type']})")


@cli.command()
@format_option
@db_option
@filter_options
def communities(fmt: str, db: str | None, filters: Any) -> None:
    """Clusters of actors (Leiden), each labelled by its best-connected members."""
    with _errors():
        groups = _graph(db, filters).communities()
    if _machine(fmt, groups):
        return
    for group in groups:
        names = ", ".join(m["name"] for m in group["members"][:10])
        click.echo(f"{group['community']:>3}  {group['size']:>4} actors  {group['label']}\n       {names}")


@cli.command()
@click.argument("name")
@click.option("--hops", type=click.IntRange(1, 5), default=1, show_default=True)
@db_option
@filter_options
def ego(name: str, hops: int, db: str | None, filters: Any) -> None:
    """NAME's neighbourhood: the actors within HOPS ties and the ties among them."""
    with _errors():
        graph = _graph(db, filters).ego(name, hops=hops).graph
    click.echo(f"{graph.vcount()} actors, {graph.ecount()} ties")
    for edge in graph.es:
        denied = f", denied in {edge['contradicting_claims']}" if edge["contradicting_claims"] else ""
        click.echo(f"  {graph.vs[edge.source]['name']} -[{edge['relation']}]-> {graph.vs[edge.target]['name']}"
                   f"  (claims {edge['claims']}, sources {edge['sources']}{denied})")


@cli.command()
@click.argument("name")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="brief.md or brief.html")
@db_option
@filter_options
def report(name: str, out: str, db: str | None, filters: Any) -> None:
    """An actor brief: who it is, its ties with quoted evidence, sources, its community and brokers."""
    from claimgraph.export import brief
    from claimgraph.store import Store

    with _errors(), Store.open(db, read_only=True) as store:
        data = brief.brief(store, name, filters)
    text = brief.to_html(data) if out.lower().endswith((".html", ".htm")) else brief.markdown(data)
    with _output(out) as stream:
        stream.write(text)
    click.echo(f"wrote the brief on {data.entity.name} to {out}")


@cli.command()
@db_option
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
    except Exception as err:  # the database's own errors (a damaged file, a full disk): one line, not a traceback
        if not type(err).__module__.lstrip("_").startswith("duckdb"):
            raise
        click.echo(f"error: the store could not be read or written: {str(err).splitlines()[0]}", err=True)
        sys.exit(2)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
