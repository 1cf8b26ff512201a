"""Getting the graph out: every export format (from the registry), actor briefs, and the web view."""

from __future__ import annotations

from typing import Any

import click

from claimgraph.cli.base import (
    _default_db,
    _errors,
    _output,
    cli,
    db_option,
    filter_options,
)


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
@click.option("--allow-host", "allow_hosts", multiple=True,
              help="Another name the page may be reached by (the Host header), e.g. this machine's name on a LAN.")
def serve(db: str | None, host: str, port: int, allow_hosts: tuple[str, ...]) -> None:
    """The web view: the network with its evidence, search, filters and paths (read-only). Only requests
    addressed to loopback, the bound address or an --allow-host name are answered (no DNS rebinding)."""
    import uvicorn

    from claimgraph.serve import create_app
    from claimgraph.serve.app import LOOPBACK

    with _errors():
        app = create_app(db or _default_db(), hosts=(*LOOPBACK, host, *allow_hosts))
    click.echo(f"claimgraph view on http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


_export_command("claims", "Every claim, one a record (ONTOLOGY.md section 5); a denied claim is written as "
                          "the claim it is, with negated: true.")
_export_command("entities", "Every resolved actor (with filters: those the kept claims name): entity_id, name, "
                            "type, aliases, doc_ids, country.")
_export_command("graph", "The graph of ties that pass the filters, for Gephi, Aleph, Neo4j or pandas; each tie "
                         "carries its asserting claims and sources and the denials counted apart.")
