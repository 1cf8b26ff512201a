"""Reading the graph: an actor's ties and names, the strongest ties, paths, brokers, communities, neighbourhoods."""

from __future__ import annotations

import sys
from dataclasses import asdict
from typing import Any

import click

from claimgraph.cli.base import _clip, _errors, _graph, _machine, cli, db_option, filter_options, format_option


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
@db_option
def check(db: str | None) -> None:
    """Check a store: that it opens, that its last build finished, and that its rows agree with each other
    (exit 0: fine, 1: problems listed, 2: not a readable store)."""
    from claimgraph.store import Store
    from claimgraph.store import db as store_db

    store_db.ON_INCOMPLETE.clear()  # said below, once
    with _errors(), Store.open(db, read_only=True) as store:
        numbers = store.stats()
        found = store.problems()
    click.echo(f"{store.path}: schema {numbers['schema_version']}, {numbers['documents']} documents, "
               f"{numbers['claims']} claims, {numbers['entities']} entities")
    for problem in found:
        click.echo(f"  problem: {problem}")
    if found:
        sys.exit(1)
    click.echo("  no problems found")
