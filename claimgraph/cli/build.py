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
