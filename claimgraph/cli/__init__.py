"""The command line: parse, call the library, print. No logic lives here.

base.py holds the group and the shared options; the commands are grouped by what they do: build.py (reading
documents in), read.py (ties, paths, brokers, communities), judge.py (judgements on entities), write.py
(exports, briefs, the web view).
"""

from claimgraph.cli import build, judge, read, write  # noqa: F401  (each registers its commands)
from claimgraph.cli.base import cli

__all__ = ["cli", "main"]


def main() -> None:
    cli()
