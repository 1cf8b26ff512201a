#!/usr/bin/env python3
"""Write docs/cli.md from the commands' own --help (run: .venv/bin/python scripts/cli_reference.py)."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from claimgraph.cli import cli


def walk(group: click.Group, prefix: list[str]) -> list[list[str]]:
    out = [prefix]
    for name in sorted(group.commands):
        command = group.commands[name]
        if isinstance(command, click.Group):
            out += walk(command, [*prefix, name])
        else:
            out.append([*prefix, name])
    return out


def main() -> None:
    runner = CliRunner()
    parts = ["# claimgraph command line", "", "Generated from `--help` by `scripts/cli_reference.py`.", ""]
    for path in walk(cli, []):
        result = runner.invoke(cli, [*path, "--help"], prog_name="claimgraph")
        parts += [f"## claimgraph {' '.join(path)}".rstrip(), "", "```", result.output.rstrip(), "```", ""]
    target = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
    target.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
