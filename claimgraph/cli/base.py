"""The command group and what every command shares: --db, --format, the filters, output and error handling."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict
from typing import IO, Any

import click

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError
from claimgraph.model import RELATIONS

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
        click.option("--since", default=None,
                     help="Claims dated on or after this date (YYYY[-MM[-DD]]): the document's publication date, else "
                          "a year the claim's sentence names."),
        click.option("--until", default=None, help="Claims dated on or before this date (YYYY[-MM[-DD]])."),
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
    from claimgraph.store import db as store_db

    store_db.ON_INCOMPLETE[:] = [lambda path, why: click.echo(f"warning: {path}: {why}", err=True)]
    """Rebuild the network of actors that reports describe, as claims anchored in their sentences."""




def _graph(db: str | None, filters: Any) -> Any:
    from claimgraph.analyse.graph import Graph
    from claimgraph.store import Store

    return Graph.from_store(Store.open(db, read_only=True), filters)


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
