"""Expand paths (files, folders, `-` for stdin) into Documents and a list of skipped files."""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.ingest.readers import read_txt
from claimgraph.model import Document

IGNORE_FILE = ".claimgraphignore"


@dataclass(frozen=True)
class Skipped:
    """A file (or jsonl line) that was not read, and why."""

    path: str
    reason: str


def check_paths(paths: list[str]) -> None:
    """Fail early, before any work, when a named path does not exist."""
    for path in paths:
        if path != "-" and not Path(path).exists():
            raise InputError(f"no such file or folder: {path}")


def read_paths(paths: list[str]) -> Iterator[Document | Skipped]:
    """Yield every readable document under the paths; yield a Skipped for the rest."""
    check_paths(paths)
    seen: dict[str, str] = {}
    for path in paths:
        for item in _read_one(path):
            if isinstance(item, Document):
                where = item.path or path
                if item.doc_id in seen:
                    yield Skipped(where, f"duplicate doc_id {item.doc_id!r} (already read from {seen[item.doc_id]})")
                    continue
                seen[item.doc_id] = where
            yield item


def _read_one(path: str) -> Iterator[Document | Skipped]:
    if path == "-":
        try:
            yield from read_txt(sys.stdin.buffer.read(), "stdin", None)
        except InputError as err:
            yield Skipped("-", str(err))
        return
    root = Path(path)
    files = [root] if root.is_file() else _walk(root)
    for file in files:
        try:
            for item in _read_file(file):
                if isinstance(item, InputError):
                    yield Skipped(str(file), str(item))
                else:
                    yield item
        except InputError as err:
            yield Skipped(str(file), str(err))


def _read_file(file: Path) -> Iterator[Document | InputError]:
    from claimgraph.ingest.readers import read_file

    yield from read_file(file)


def _walk(root: Path) -> list[Path]:
    """Files under a folder, recursively, in a stable order; hidden files and ignored patterns left out."""
    patterns = _ignore_patterns(root)
    files = []
    for file in sorted(root.rglob("*")):
        rel = file.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not file.is_file():
            continue
        if any(fnmatch.fnmatch(str(rel), p) or fnmatch.fnmatch(file.name, p) for p in patterns):
            continue
        files.append(file)  # unsupported types are reported as skipped, not silently dropped
    return files


def _ignore_patterns(root: Path) -> list[str]:
    ignore = root / IGNORE_FILE
    if not ignore.is_file():
        return []
    lines = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
