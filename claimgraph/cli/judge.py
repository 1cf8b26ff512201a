"""The user's judgements on entities: merge, split, unsure, rename, retype, and their list, export and import."""

from __future__ import annotations

import click

from claimgraph.cli.base import _errors, cli, db_option
from claimgraph.model import ACTOR_TYPES


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
