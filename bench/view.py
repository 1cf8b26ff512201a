#!/usr/bin/env python3
"""Web view speed: /api/graph on a generated store of 5,000 actors, timed through the real FastAPI app."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from claimgraph.pipeline import resolve_store
from claimgraph.serve import create_app
from claimgraph.store import Store

RELATIONS = ["COOPERATES_WITH", "SUPPORTS", "FUNDS", "MEMBER_OF", "OPPOSES", "ASSOCIATED_WITH"]


def generate(db: str, actors: int, ties: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    documents, mentions, claims = [], [], []
    for d in range(ties // 50):
        documents.append({"doc_id": f"d{d}", "sha256": str(d), "title": f"Document {d}", "source": f"s{d % 40}",
                          "url": None, "published": f"2020-01-{d % 28 + 1:02d}", "path": None, "text": "x",
                          "words": 1})
    for i in range(actors):
        mentions.append({"doc_id": f"d{i % len(documents)}", "start": 0, "end": 1, "text": f"Actor {i}",
                         "label": "ORG", "type": "Group", "name": f"Actor {i}", "country": None,
                         "entity_key": f"org:actor {i}", "entity_id": f"org:actor {i}"})
    for n in range(ties):
        a, b = rng.randrange(actors), int(rng.paretovariate(1.2)) % actors
        if a == b:
            continue
        claims.append({"claim_id": f"c{n}", "doc_id": f"d{n % len(documents)}", "subject_id": f"org:actor {a}",
                       "subject_text": f"Actor {a}", "relation": rng.choice(RELATIONS), "object_id": f"org:actor {b}",
                       "object_text": f"Actor {b}", "role": None, "trigger": "t", "sentence": "x", "char_start": 0,
                       "char_end": 1, "attributed_to_id": None, "attributed_to_text": None,
                       "hedged": rng.random() < 0.2, "negated": False, "time": None, "confidence": 0.7,
                       "extractor": "generated", "subject_key": f"org:actor {a}", "object_key": f"org:actor {b}",
                       "attributed_to_key": None})
    with Store.open(db, create=True) as store:
        store.replace_documents(documents, mentions, claims)
        resolve_store(store)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--ties", type=int, default=15_000)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "view.duckdb")
        started = time.perf_counter()
        generate(db, opts.actors, opts.ties)
        print(f"store with {opts.actors} actors built, resolved and laid out in {time.perf_counter() - started:.1f} s")
        timings = []
        client = TestClient(create_app(db), base_url="http://127.0.0.1")
        for n in range(5):  # a query the cache has not seen: the answer is computed each time
            started = time.perf_counter()
            response = client.get(f"/api/graph?min_confidence={(n + 1) / 1e6}")  # same ties, a new cache key
            timings.append(time.perf_counter() - started)
            data = response.json()
        started = time.perf_counter()
        for _ in range(20):
            client.get("/api/graph")
        cached = (time.perf_counter() - started) / 20
        print(f"/api/graph: {len(data['nodes'])} nodes, {len(data['edges'])} edges; computed: median "
              f"{statistics.median(timings) * 1000:.0f} ms, worst {max(timings) * 1000:.0f} ms (target < 300 ms); "
              f"from the cache {cached * 1000:.1f} ms")
        print(f"first draw in Chromium (page load to the graph drawn, {len(data['nodes'])} actors): "
              f"{first_draw(db) * 1000:.0f} ms (target < 2 s)")
    return 0


def first_draw(db: str) -> float:
    """Seconds from navigating to the page to the graph drawn by sigma (the page marks #graph[data-nodes]),
    in Debian's Chromium through Playwright, served by uvicorn on loopback; the median of three cold loads."""
    from playwright.sync_api import sync_playwright

    from claimgraph.serve.background import serving

    times = []
    with serving(db) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        for _ in range(3):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            started = time.perf_counter()
            page.goto(url + "/")
            page.wait_for_selector("#graph[data-nodes]", timeout=60_000)
            times.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
