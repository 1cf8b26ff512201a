"""The web view in a real browser (Debian's Chromium, driven by Playwright) over a real store."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from claimgraph.serve import create_app
from tests.conftest import EXAMPLES, ROOT, run_cli

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
HOSTILE_RECORD = {"id": "<svg onload=window.__pwned=6>", "title": "<img src=x onerror=window.__pwned=3>",
                  "url": "javascript:window.__pwned=4", "source": "<script>window.__pwned=5</script>",
                  "text": "Qatar finances Hamas."}
HOSTILE = ("Hezbollah praised the Kremlin. <img src=x onerror=\"window.__pwned=1\"> "
           "<script>window.__pwned=2</script> Iran funds Hezbollah.\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("view") / "docs"
    shutil.copytree(EXAMPLES, folder)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    db = folder.parent / "view.duckdb"
    done = run_cli("build", str(folder), "--db", str(db), "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr.decode()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(url + "/api/stats", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield url
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed: apt-get install -y --no-install-recommends chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def _page(browser, server: str):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1500, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.goto(server + "/")
    page.wait_for_selector("#graph[data-nodes]", timeout=20000)
    return page, errors


def test_search_open_entity_and_its_tie_evidence(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    page.fill("#search", "Aissami")
    page.click("#results button >> text=Tareck El Aissami")
    page.wait_for_selector(".entity-name")
    assert page.text_content(".entity-name") == "Tareck El Aissami"
    page.click(".tie >> text=Hezbollah")
    page.wait_for_selector(".evidence .sentence")
    sentence = page.text_content(".evidence .sentence") or ""
    assert "closely associated with Hezbollah" in sentence
    assert page.text_content(".evidence mark.actor-b") == "Hezbollah"
    assert not errors
    page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))


def test_path_finder(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    page.fill("#path-a", "Rosneft")
    page.fill("#path-b", "FARC")
    page.click("#path-go")
    page.wait_for_selector("ol.path li")
    hops = page.locator("ol.path li").all_text_contents()
    assert hops[0].startswith("Rosneft") and "FARC" in hops[-1]
    assert not errors


def test_hostile_document_text_is_shown_literally_and_runs_nothing(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    page.evaluate("window.claimgraph.showDocument('hostile')")
    page.wait_for_selector("#doctext")
    text = page.text_content("#doctext") or ""
    assert '<img src=x onerror="window.__pwned=1">' in text and "<script>window.__pwned=2</script>" in text
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#doctext img").count() == 0 and page.locator("#doctext script").count() == 0
    assert not errors


def test_api_is_read_only_with_a_content_security_policy(server: str) -> None:
    response = httpx.get(server + "/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    spec = httpx.get(server + "/openapi.json").json()
    methods = {m for item in spec["paths"].values() for m in item}
    assert methods == {"get"}
    assert httpx.post(server + "/api/entities", json={}).status_code == 405


def test_hostile_titles_urls_sources_and_ids_are_text_and_run_nothing(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    qatar = httpx.get(server + "/api/entities", params={"q": "Qatar"}).json()[0]
    tie = next(t for t in httpx.get(server + f"/api/entities/{qatar['entity_id']}").json()["ties"]["FUNDS"])
    page.evaluate(f"window.claimgraph.showTie({json.dumps(tie['id'])})")
    page.wait_for_selector(".evidence")
    panel = page.text_content("#panel") or ""
    assert HOSTILE_RECORD["title"] in panel  # shown as the text it is
    assert page.locator("#panel img, #panel script, #panel svg").count() == 0
    assert page.locator("#panel a[href^='javascript']").count() == 0  # only http(s) links are made
    page.evaluate(f"window.claimgraph.showDocument({json.dumps(HOSTILE_RECORD['id'])})")
    page.wait_for_selector("#doctext")
    assert page.evaluate("window.__pwned") is None
    assert not errors


def test_minimum_confidence_hides_the_weaker_ties(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    every = int(page.get_attribute("#graph", "data-edges") or 0)
    page.fill("#min-confidence", "0.8")
    page.dispatch_event("#min-confidence", "change")
    sure = every
    for _ in range(200):  # the page's CSP forbids evaluated strings, so poll
        sure = int(page.get_attribute("#graph", "data-edges") or 0)
        if sure != every:
            break
        page.wait_for_timeout(100)
    assert 0 < sure < every
    assert not errors
