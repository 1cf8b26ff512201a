"""`claimgraph build`: read documents into the store and say what this run did."""

from __future__ import annotations

import os
import sys

import click

from claimgraph.cli.base import _errors, cli, db_option


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--id", "doc_id", default=None, help="The document id of stdin (default: a hash of its text).")
@click.option("--follow-links", is_flag=True, help="Read links that lead outside the folders given.")
@click.option("--extractors", default="rules", show_default=True,
              help="Extractor backends for the documents read in this run: rules, learned, or rules,learned (the "
                   "learned scorer rescores the rules' ties and adds the ones it is sure of).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where batches are extracted: this machine's processes, or Ray Data actors (pip install "
                   "'claimgraph[ray]').")
@click.option("--address", default=None,
              help="With --engine ray: the cluster to join (auto, or ray://HOST:PORT); none starts a local one.")
@click.option("--shard", default=None, metavar="N/M",
              help="Read only shard N of M (documents split by a hash of their id): one machine's part of a corpus; "
                   "join the parts with `claimgraph merge-stores`.")
def build(paths: tuple[str, ...], db: str | None, workers: int | None, quiet: bool, doc_id: str | None,
          follow_links: bool, extractors: str, engine: str, address: str | None, shard: str | None) -> None:
    """Read files, folders (recursively) or - (stdin) into the claim graph.

    Formats: .txt .md .html/.htm .pdf .jsonl (id, title, text, url, source, published).
    Unchanged documents are skipped; a changed one replaces its old claims. Every file not read gets a line
    saying why; a document read under another id than its name, or cut, gets a note."""
    from tqdm import tqdm

    from claimgraph.extract import backends
    from claimgraph.pipeline import build as run_build

    workers = workers or os.cpu_count() or 1
    with _errors():
        os.environ[backends.EXTRACTORS] = ",".join(backends.parse(extractors))
    bar = tqdm(desc="documents", unit="doc", file=sys.stderr, disable=quiet or None, leave=False)

    def seen(item: object) -> None:
        bar.update(1)

    with _errors():
        part = _shard(shard) if shard else None
        summary = run_build(list(paths), db=db, workers=workers, on_document=seen, stdin_id=doc_id,
                            follow_links=follow_links, engine=engine, address=address, shard=part)
    bar.close()
    for skipped in summary.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    for notice in summary.notices:
        click.echo(f"note: {notice.path}: {notice.message}", err=True)
    click.echo(
        f"this run: documents read: {summary.read}, unchanged: {summary.unchanged}, skipped: "
        f"{len(summary.skipped)}{f', in other shards: {summary.other_shards}' if shard else ''}; new or replaced "
        f"claims: {summary.claims}, mentions: {summary.mentions}\n"
        f"store now: documents: {summary.store_documents}, entities: {summary.entities}, "
        f"claims: {summary.store_claims}\n"
        f"seconds: {summary.seconds:.1f}, words read: {summary.words}, words/s: {summary.words_per_second:.0f}")


def _shard(text: str) -> tuple[int, int]:
    from claimgraph.errors import InputError

    number, _, count = text.partition("/")
    if not (number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count)):
        raise InputError(f"--shard takes N/M with 1 <= N <= M (1/4 is the first of four), not {text!r}")
    return int(number), int(count)


@cli.command("merge-stores")
@click.argument("stores", nargs=-1, required=True)
@db_option
def merge_stores(stores: tuple[str, ...], db: str | None) -> None:
    """Merge stores built apart (`build --shard N/M` on several machines) into --db, then resolve entities and lay
    out the graph once over everything. A document in two stores is kept as the later one has it."""
    from claimgraph.pipeline import merge_stores as run_merge

    with _errors():
        summary = run_merge(list(stores), db=db)
    click.echo(f"merged {summary.read} documents from {len(stores)} store(s) ({summary.unchanged} replaced one "
               f"already there)\nstore now: documents: {summary.store_documents}, entities: {summary.entities}, "
               f"claims: {summary.store_claims}\nseconds: {summary.seconds:.1f}")
