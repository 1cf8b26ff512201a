#!/usr/bin/env python3
"""Coverage-guided fuzzing of every reader with atheris (libFuzzer): a reader must give Documents, notes or one
clear InputError, never another exception. `make fuzz` runs RUNS inputs per reader, each reader in its own
process (libFuzzer exits when its runs are done); a crash prints the input and exits non-zero.

Usage: fuzz_atheris.py [--runs N] [SUFFIX ...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".pdf", ".jsonl")
SEEDS = {  # one well-formed input each, for libFuzzer to mutate from
    ".txt": b"Iran funds Hezbollah, officials in Beirut said.\n",
    ".md": b"# Title\n\nIran funds *Hezbollah*.\n",
    ".html": b"<html><head><title>T</title></head><body><p>Iran funds Hezbollah.</p></body></html>",
    ".pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>"
            b" endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    ".jsonl": b'{"id": "a", "text": "Iran funds Hezbollah.", "title": "T"}\n',
}


def fuzz_one(suffix: str) -> None:
    """Runs inside the child process: instrument the readers and hand them to libFuzzer."""
    import atheris

    with atheris.instrument_imports(include=["claimgraph"]):
        from claimgraph.errors import InputError
        from claimgraph.ingest.readers import READERS, ReadNote
        from claimgraph.model import Document

    reader = READERS[suffix]

    def one_input(data: bytes) -> None:
        try:
            for item in reader(data, "fuzz", None):
                if not isinstance(item, Document | InputError | ReadNote):
                    raise AssertionError(f"reader yielded {type(item).__name__}")
                if isinstance(item, Document):
                    item.sha256  # noqa: B018 - hashing must work on whatever text came out
        except InputError:
            pass

    atheris.Setup(sys.argv[:1] + sys.argv[3:], one_input)
    atheris.Fuzz()


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        fuzz_one(sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=120, help="at most this long per reader")
    parser.add_argument("suffixes", nargs="*", default=list(SUFFIXES))
    opts = parser.parse_args()
    failed = 0
    for suffix in opts.suffixes:
        with tempfile.TemporaryDirectory() as corpus:
            (Path(corpus) / "seed").write_bytes(SEEDS[suffix])
            started = time.perf_counter()
            done = subprocess.run([sys.executable, __file__, "--child", suffix, f"-runs={opts.runs}",
                                   f"-max_total_time={opts.seconds}", "-max_len=4096", "-timeout=10", corpus],
                                  capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - started
            tail = [line for line in done.stderr.splitlines() if line.startswith(("Done", "==", "#"))][-1:]
            print(f"{suffix:7} exit {done.returncode}  {seconds:6.1f} s  {' '.join(tail)}", flush=True)
            if done.returncode != 0:
                failed += 1
                print(done.stderr[-3000:], file=sys.stderr)
    print(f"atheris: {len(opts.suffixes)} readers, {opts.runs} runs each, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
