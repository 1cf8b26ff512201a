#!/usr/bin/env python3
"""API load on loopback: `claimgraph serve` over a generated store of 5,000 actors, hit by `wrk` (Debian's
`wrk` package) with 8 concurrent connections, 8 s a route. Prints requests/s, latency percentiles and errors.
Traffic goes to 127.0.0.1 only; each run is bounded by wrk's duration."""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from view import generate  # noqa: E402

from claimgraph.store import Store  # noqa: E402

TARGETS = {"/api/stats": (2000, None), "/api/graph": (200, 100.0), "/api/path?a=Actor%201&b=Actor%202": (None, 150.0)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer {url} within {seconds:.0f} s")


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


RANDOM_PATHS = """
math.randomseed(7)
local tied = {{{tied}}}
request = function()
  local a, b = tied[math.random(#tied)], tied[math.random(#tied)]
  return wrk.format("GET", "/api/path?k={k}&a=Actor%20" .. a .. "&b=Actor%20" .. b)
end
"""


def load(url: str, seconds: int, connections: int, gzip: bool, script: str | None = None) -> dict[str, float]:
    headers = ["-H", "Accept-Encoding: gzip"] if gzip else []
    if script is not None:
        headers += ["-s", script]
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *headers, url],
                         capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    pct = {p: to_ms(v) for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M)}
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (sum(int(g) for g in sock.groups()) if sock else 0)
    return {"rate": rate, "p50": pct.get("50", 0), "p90": pct.get("90", 0), "p99": pct.get("99", 0),
            "errors": errors}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--ties", type=int, default=15_000)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=8)
    opts = parser.parse_args()
    if shutil.which("wrk") is None:
        print("api load: skipped, wrk is not installed (apt-get install wrk)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "load.duckdb")
        generate(db, opts.actors, opts.ties)
        with Store.open(db, read_only=True) as store:  # actors with ties (the others have no path)
            ids = {i for t in store.tie_rows() for i in (t.subject_id, t.object_id)}
            tied = sorted(e.name.split()[-1] for e in store.entities() if e.entity_id in ids)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "claimgraph.cli", "serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_up(base + "/api/stats")
            print(f"api load: {opts.actors} actors, {opts.connections} connections, {opts.seconds} s a route, "
                  "answers from the cache of the store version (the first request of each route computed it)")
            print(f"{'route':40} {'gzip':>4} {'req/s':>8} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'errors':>6}"
                  "  target")
            for route, (rate, p99) in TARGETS.items():
                started = time.perf_counter()
                urllib.request.urlopen(base + route, timeout=60).read()  # computes and caches the answer
                first = (time.perf_counter() - started) * 1000
                for gzip in (False, True):
                    got = load(base + route, opts.seconds, opts.connections, gzip)
                    want = " ".join(x for x in (f">= {rate} req/s" if rate else "", f"p99 < {p99:.0f} ms" if p99
                                                else "") if x)
                    print(f"{route:40} {'yes' if gzip else 'no':>4} {got['rate']:8.0f} {got['p50']:7.2f} "
                          f"{got['p90']:7.2f} {got['p99']:7.2f} {got['errors']:6.0f}  {want}")
                print(f"{'':40} first answer (computed): {first:.0f} ms")
            for k in (1, 5):  # every request a new pair of actors with ties: computed, not cached
                script = Path(tmp) / f"paths{k}.lua"
                script.write_text(RANDOM_PATHS.format(tied=",".join(tied), k=k), encoding="utf-8")
                got = load(base + "/", opts.seconds, opts.connections, True, str(script))
                print(f"{f'/api/path k={k}, a random pair each':40} {'yes':>4} {got['rate']:8.0f} {got['p50']:7.2f} "
                      f"{got['p90']:7.2f} {got['p99']:7.2f} {got['errors']:6.0f}  p99 < 150 ms")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
