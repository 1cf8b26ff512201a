"""Expand paths (files, folders, `-` for stdin) into Documents, with a line for every file not read.

Document ids: the file name without extension, or the JSONL `id`, wherever that is unique; a second file with
the same stem gets its path relative to the folder given (`2020/index`) and a notice; stdin gets a content hash
unless an id is given. Links that lead outside the folders given are not followed unless asked.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.ids import sha256_text
from claimgraph.ingest.readers import MAX_BYTES, read_txt
from claimgraph.ingest.text import printable, short_symbol_runs
from claimgraph.model import Document

IGNORE_FILE = ".claimgraphignore"
MAX_CHARS = 2_000_000  # a document is cut here (at a paragraph break) with a notice; no report we know is longer


@dataclass(frozen=True)
class Skipped:
    """A file (or jsonl line) that was not read, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """A file that was read, with something the user should know (a new id, a cut)."""

    path: str
    message: str


def check_paths(paths: list[str]) -> None:
    """Fail early, before any work, when a named path does not exist."""
    for path in paths:
        if path != "-" and not os.path.lexists(path):
            raise InputError(f"no such file or folder: {printable(path)}")


def read_paths(paths: list[str], *, stdin_id: str | None = None,
               follow_links: bool = False) -> Iterator[Document | Skipped | Notice]:
    """Yield every readable document under the paths; a Skipped for every file not read, a Notice for a
    document read differently from what its name suggests."""
    check_paths(paths)
    seen: dict[str, str] = {}
    for path in paths:
        for item in _read_one(path, stdin_id, follow_links):
            if not isinstance(item, Document):
                yield item
                continue
            where = item.path or path
            if item.doc_id in seen and item.named_by_file:
                longer = longer_id(where, seen)
                yield Notice(where, f"read as doc_id {longer!r}: {item.doc_id!r} is already the id of "
                                    f"{seen[item.doc_id]}")
                item = replace(item, doc_id=longer)
            if item.doc_id in seen:
                yield Skipped(where, f"duplicate doc_id {item.doc_id!r} (already read from {seen[item.doc_id]})")
                continue
            seen[item.doc_id] = where
            item = replace(item, text=short_symbol_runs(item.text))
            if len(item.text) > MAX_CHARS:
                item, cut = _cut(item)
                yield Notice(where, f"cut to its first {cut:,} characters (the limit is {MAX_CHARS:,})")
            yield item


def longer_id(path: str, taken: dict[str, str] | set[str]) -> str:
    """The shortest tail of the file's path (without extension) that no document holds: 'index' is taken, so
    news/2020/index.txt becomes '2020/index'."""
    parts = [printable(p) for p in Path(path).with_suffix("").parts if p not in ("/", "")]
    for size in range(2, len(parts) + 1):
        candidate = "/".join(parts[-size:])
        if candidate not in taken:
            return candidate
    return "/".join(parts) + "-" + sha256_text(path)[:8]


def _cut(document: Document) -> tuple[Document, int]:
    end = document.text.rfind("\n\n", 0, MAX_CHARS)
    end = end if end > MAX_CHARS // 2 else MAX_CHARS
    return replace(document, text=document.text[:end]), end


def _read_one(path: str, stdin_id: str | None, follow_links: bool) -> Iterator[Document | Skipped | Notice]:
    if path == "-":
        try:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise InputError(f"larger than the {MAX_BYTES // 1_000_000} MB limit of one document")
            for document in read_txt(data, "stdin", None):
                yield replace(document, doc_id=stdin_id or f"stdin-{sha256_text(document.text)[:12]}")
        except InputError as err:
            yield Skipped("-", str(err))
        return
    root = Path(path)
    if root.is_dir():
        yield from _folder(root, follow_links)
    else:
        yield from _file(root, root.stem)


def _file(file: Path, stem: str) -> Iterator[Document | Skipped | Notice]:
    """A file's documents; those named by the file (not by a JSONL id) may take a longer id on a clash."""
    from claimgraph.ingest.readers import ReadNote, read_file

    shown = printable(str(file))
    try:
        for item in read_file(file, printable(stem)):
            if isinstance(item, InputError):
                yield Skipped(shown, str(item))
            elif isinstance(item, ReadNote):
                yield Notice(shown, item.text)
            else:
                by_name = item.doc_id == printable(stem)
                yield replace(item, path=printable(item.path or str(file)), named_by_file=by_name)
    except InputError as err:
        yield Skipped(shown, str(err))


def _folder(root: Path, follow_links: bool) -> Iterator[Document | Skipped | Notice]:
    """Files under a folder, recursively, in a stable order; hidden files and ignored patterns left out; every
    entry that is not read (an unreadable folder, a dangling link, a pipe) gets its line."""
    try:
        patterns = _ignore_patterns(root)
    except OSError as err:
        yield Skipped(printable(str(root / IGNORE_FILE)), f"cannot read: {err.strerror}")
        patterns = []
    problems: list[OSError] = []
    outside = os.path.realpath(root)
    entries = []
    for folder, dirs, files in os.walk(root, onerror=problems.append, followlinks=follow_links):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        entries += [Path(folder) / f for f in files if not f.startswith(".")]
    for problem in problems:
        yield Skipped(printable(str(problem.filename)), f"cannot read folder: {problem.strerror}")
    for file in sorted(entries):
        rel = file.relative_to(root)
        if any(fnmatch.fnmatch(str(rel), p) or fnmatch.fnmatch(file.name, p) for p in patterns):
            continue
        reason = _not_readable(file, outside, follow_links)
        if reason:
            yield Skipped(printable(str(file)), reason)
            continue
        yield from _file(file, file.stem)


def _not_readable(file: Path, root: str, follow_links: bool) -> str | None:
    try:
        mode = os.stat(file).st_mode
    except OSError:
        return "a link to nothing" if file.is_symlink() else "cannot read"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe, socket or device)"
    if file.is_symlink() and not follow_links:
        target = os.path.realpath(file)
        if os.path.commonpath([target, root]) != root:
            return "a link to outside the folder (--follow-links reads it)"
    return None


def _ignore_patterns(root: Path) -> list[str]:
    ignore = root / IGNORE_FILE
    if not ignore.is_file():
        return []
    lines = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
