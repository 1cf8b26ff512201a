#!/usr/bin/env python3
"""`make screenshot`: refresh docs/screenshot.png, the view of examples/ with one actor chosen and a tie's evidence.

Builds examples/ into a temporary store, serves it on loopback, and drives Debian's Chromium with Playwright.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from playwright.sync_api import sync_playwright

    from claimgraph.serve.background import serving

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "examples.duckdb")
        subprocess.run([sys.executable, "-m", "claimgraph.cli", "build", str(ROOT / "examples"), "--db", db,
                        "--quiet"], check=True, capture_output=True)
        with serving(db) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1500, "height": 900})
            page.goto(url + "/")
            page.wait_for_selector("#graph[data-nodes]", timeout=30_000)
            page.fill("#search", "Aissami")
            page.click("#results button >> text=Tareck El Aissami")
            page.wait_for_selector(".entity-name")
            page.click(".tie >> text=Hezbollah")
            page.wait_for_selector(".evidence .sentence")
            page.wait_for_timeout(500)  # the camera's move
            page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
            browser.close()
    print(f"wrote {ROOT / 'docs' / 'screenshot.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
