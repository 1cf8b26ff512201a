#!/usr/bin/env python3
"""`make bench`: time and peak memory of `claimgraph build` (one worker) on documents of growing size, for real
prose and for the shapes that used to stall a build (symbol runs, line floods, one endless sentence, a wall of
names, one giant word). Prints seconds per size and the growth from each size to the next (linear: ~10x for
10x the size). Sizes: 1 KB to 1 MB (documents are cut at 2,000,000 characters anyway).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = """
import resource, sys
from claimgraph.cli import cli
try:
    cli.main(sys.argv[1:], standalone_mode=False)
finally:
    print("maxrss_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def prose(size: int, shared: Path) -> str:
    stories = [json.loads(line)["text"] for line in (shared / "data/voa/voa_stories.jsonl").open(encoding="utf-8")]
    text, i = "", 0
    while len(text) < size:
        text += stories[i % len(stories)] + "\n\n"
        i += 1
    return text[:size]


SHAPES = {
    "prose": None,
    "symbols": lambda n: "=" * n,
    "lines": lambda n: "<p>x</p>\n" * (n // 9),
    "one sentence": lambda n: "word " * (n // 5),
    "names": lambda n: "John Smith met Maria Lopez, " * (n // 28),
    "giant word": lambda n: "a" * n,
}


def run(text: str, folder: Path) -> tuple[float, float]:
    doc = folder / "doc.txt"
    doc.write_text(text, encoding="utf-8")
    db = folder / "b.duckdb"
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN, "build", str(doc), "--db", str(db), "--workers", "1",
                           "--quiet"], capture_output=True, text=True, check=False, timeout=1800)
    seconds = time.perf_counter() - started
    rss = next((int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("maxrss_kb")), 0)
    if done.returncode != 0:
        print(done.stderr[-500:], file=sys.stderr)
    return seconds, rss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated, of: " + ", ".join(SHAPES))
    opts = parser.parse_args()
    sizes = [int(s) for s in opts.sizes.split(",")]
    print(f"{'shape':<14}" + "".join(f"{s // 1000:>9} KB" for s in sizes) + "   growth per 10x   peak RSS (MB)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, make in ((n, SHAPES[n]) for n in opts.shapes.split(",")):
            results = [run(prose(s, Path(opts.shared)) if make is None else make(s), folder) for s in sizes]
            times = [r[0] for r in results]
            growth = " ".join(f"{b / a:.1f}x" for a, b in zip(times, times[1:], strict=False))
            print(f"{name:<14}" + "".join(f"{t:>10.1f}s" for t in times) + f"   {growth:<16}"
                  + " ".join(f"{r[1]:.0f}" for r in results), flush=True)
    print("(seconds include starting Python and loading the model, about 3 s: growth is flat until the "
          "document's own cost passes it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
