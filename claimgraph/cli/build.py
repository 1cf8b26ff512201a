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
def build(paths: tuple[str, ...], db: str | None, workers: int | None, quiet: bool, doc_id: str | None,
          follow_links: bool, extractors: str) -> None:
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
        summary = run_build(list(paths), db=db, workers=workers, on_document=seen, stdin_id=doc_id,
                            follow_links=follow_links)
    bar.close()
    for skipped in summary.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    for notice in summary.notices:
        click.echo(f"note: {notice.path}: {notice.message}", err=True)
    click.echo(
        f"this run: documents read: {summary.read}, unchanged: {summary.unchanged}, skipped: "
        f"{len(summary.skipped)}; new or replaced claims: {summary.claims}, mentions: {summary.mentions}\n"
        f"store now: documents: {summary.store_documents}, entities: {summary.entities}, "
        f"claims: {summary.store_claims}\n"
        f"seconds: {summary.seconds:.1f}, words read: {summary.words}, words/s: {summary.words_per_second:.0f}")
