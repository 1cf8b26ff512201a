"""The web view in a real browser (Debian's Chromium, driven by Playwright) over a real store."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from claimgraph.serve.background import serving
from tests.conftest import EXAMPLES, run_cli

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
HOSTILE_RECORD = {"id": "<svg onload=window.__pwned=6>", "title": "<img src=x onerror=window.__pwned=3>",
                  "url": "javascript:window.__pwned=4", "source": "<script>window.__pwned=5</script>",
                  "text": "Qatar finances Hamas."}
DISPUTED = [  # one source claims a tie, another denies it
    {"id": "claims-aid", "title": "Aid", "source": "Wire A", "published": "2024-03-01", "url": "https://example.org/aid",
     "text": "Lead paragraph without actors. " * 40 + "Qatar funds the Houthis, the report said."},
    {"id": "denies-aid", "title": "Denial", "source": "Wire B", "published": "2024-04-01",
     "text": "Qatar did not fund the Houthis."}]
HOSTILE = ("Hezbollah praised the Kremlin. <img src=x onerror=\"window.__pwned=1\"> "
           "<script>window.__pwned=2</script> Iran funds Hezbollah.\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("view") / "docs"
    shutil.copytree(EXAMPLES, folder)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    (folder / "disputed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in DISPUTED), encoding="utf-8")
    db = folder.parent / "view.duckdb"
    done = run_cli("build", str(folder), "--db", str(db), "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr.decode()
    with serving(str(db)) as url:
        yield url


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


def test_search_open_entity_and_its_tie_evidence(server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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
    _shot(page, "evidence", tmp_path)  # docs/screenshot.png is refreshed by `make screenshot` only


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


def _shot(page, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.screenshot(path=str(tmp_path / f"{name}.png"))  # for a person to look at; never the tracked one


def _wait(page, attribute: str, predicate) -> str:  # type: ignore[no-untyped-def]
    value = ""
    for _ in range(200):  # the page's CSP forbids evaluated strings, so poll
        value = page.get_attribute("#graph", attribute) or ""
        if predicate(value):
            return value
        page.wait_for_timeout(50)
    raise AssertionError(f"#graph {attribute} stayed {value!r}")


def _pixel(page, node: str) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """The colour drawn at a node's centre on the canvas, read from a screenshot."""
    import io
    import struct
    import zlib

    box = page.locator("#graph").bounding_box()
    xy = page.evaluate("(id) => { const r = window.claimgraph.renderer(); const d = r.getNodeDisplayData(id); "
                       "return r.framedGraphToViewport(d); }", node)
    png = page.screenshot(clip={"x": box["x"] + xy["x"], "y": box["y"] + xy["y"], "width": 1, "height": 1})
    data = io.BytesIO(png)
    data.read(8)
    raw = b""
    while True:
        length, kind = struct.unpack(">I4s", data.read(8))
        chunk = data.read(length)
        data.read(4)
        if kind == b"IDAT":
            raw += chunk
        if kind == b"IEND":
            break
    pixels = zlib.decompress(raw)
    return pixels[1], pixels[2], pixels[3]


def test_choosing_an_actor_highlights_it_with_its_neighbours_and_escape_clears(
        server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    page.fill("#search", "Aissami")
    page.click("#results button >> text=Tareck El Aissami")
    selected = _wait(page, "data-selected", bool)
    assert int(page.get_attribute("#graph", "data-highlighted") or 0) >= 2  # the actor and its neighbours
    assert "Tareck El Aissami and its" in (page.text_content("#focus-status") or "")
    page.wait_for_timeout(400)  # the camera moves to it
    _shot(page, "selected", tmp_path)
    other = page.evaluate(
        "(id) => { const g = window.claimgraph.graph(), r = window.claimgraph.renderer(), size = r.getDimensions();"
        " let far = null; g.forEachNode((n) => { if (far || n === id || g.areNeighbors(n, id)) return;"
        " const p = r.framedGraphToViewport(r.getNodeDisplayData(n));"
        " if (p.x > 20 && p.y > 40 && p.x < size.width - 20 && p.y < size.height - 20) far = n; }); return far; }",
        selected)
    assert other is not None
    assert _pixel(page, other) == (0xD9, 0xD9, 0xD9)  # a node that is not a neighbour is dimmed grey
    assert _pixel(page, selected) != (0xD9, 0xD9, 0xD9)
    page.keyboard.press("Escape")
    _wait(page, "data-selected", lambda v: v == "")
    assert page.get_attribute("#graph", "data-highlighted") == "0"
    assert not errors


def test_a_path_is_drawn_on_the_graph_hop_by_hop_and_enter_submits(
        server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    page.fill("#path-a", "Rosneft")
    page.fill("#path-b", "FARC")
    page.press("#path-b", "Enter")
    page.wait_for_selector("ol.path li")
    assert page.get_attribute("#graph", "data-focus") == "path"
    hops = page.locator("ol.path li")
    assert int(page.get_attribute("#graph", "data-highlighted") or 0) == hops.count() + 1
    for i in range(hops.count()):
        assert "source(s)" in (hops.nth(i).text_content() or "")
    quote = page.text_content("ol.path li .quote") or ""
    assert not quote.startswith("“\"") and "””" not in quote  # quotation marks not doubled
    _shot(page, "path", tmp_path)
    assert not errors


def test_the_document_opens_at_the_claimed_sentence_with_its_source_and_a_way_back(
        server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    page.evaluate("window.claimgraph.showTie('" + _tie_id(server, "Qatar", "FUNDS", "Houthis") + "')")
    page.wait_for_selector(".assertions .evidence button.linkish")
    page.click(".assertions .evidence button.linkish")
    page.wait_for_selector("#claimed")
    assert page.text_content(".doc-title") == "Aid"
    meta = page.text_content(".doc-meta") or ""
    assert "Wire A" in meta and "2024-03-01" in meta and "https://example.org/aid" in meta
    assert "Qatar funds the Houthis" in (page.text_content("#claimed") or "")
    claimed, panel = page.locator("#claimed").bounding_box(), page.locator("#panel").bounding_box()
    assert panel["y"] <= claimed["y"] and claimed["y"] + claimed["height"] <= panel["y"] + panel["height"]
    assert page.locator("#claimed button.mention", has_text="Qatar").count() == 1  # a mention links to its actor
    _shot(page, "document", tmp_path)
    page.click("#claimed button.mention >> text=Qatar")
    page.wait_for_selector(".entity-name")
    assert page.text_content(".entity-name") == "Qatar"
    page.evaluate("window.claimgraph.showTie('" + _tie_id(server, "Qatar", "FUNDS", "Houthis") + "')")
    page.wait_for_selector(".assertions .evidence button.linkish")
    page.click(".assertions .evidence button.linkish")
    page.wait_for_selector("button.back")
    page.click("button.back")  # back to the tie the document was opened from
    page.wait_for_selector(".tie-title")
    assert "Qatar" in (page.text_content(".tie-title") or "") and "Houthis" in (page.text_content(".tie-title") or "")
    assert not errors


def test_a_denied_tie_is_shown_disputed_with_the_denial_beside_the_claim(
        server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    tie = _tie_id(server, "Qatar", "FUNDS", "Houthis")
    style = page.evaluate("(id) => { const a = window.claimgraph.graph().getEdgeAttributes(id);"
                          " return [a.color, a.size, a.disputed]; }", tie)
    assert style == ["#000000", 4, True]  # drawn black and thick, apart from every relation colour
    page.evaluate("window.claimgraph.showTie('" + tie + "')")
    page.wait_for_selector(".badge.disputed")
    assert page.locator(".assertions .evidence").count() == 1
    assert page.locator(".denials .evidence").count() == 1
    assert "did not fund" in (page.text_content(".denials .evidence") or "")
    _shot(page, "disputed", tmp_path)
    assert not errors


def test_alleged_activities_are_badges_on_actors_and_a_filter_on_the_graph(
        server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    options = page.locator("#activity option").all_text_contents()
    assert any(o.startswith("drug trafficking") for o in options), options
    page.select_option("#activity", "drug_trafficking")
    assert page.get_attribute("#graph", "data-focus") == "activity"
    count = int(page.get_attribute("#graph", "data-highlighted") or 0)
    assert count >= 1 and f"{count} actor(s) alleged: drug trafficking" in (page.text_content("#focus-status") or "")
    page.fill("#search", "Aissami")
    page.click("#results button >> text=Tareck El Aissami")
    page.wait_for_selector(".badge.activity")
    assert any("drug trafficking" in b for b in page.locator(".badge.activity").all_text_contents())
    _shot(page, "activities", tmp_path)
    assert not errors


def test_bad_parameters_answer_422_with_what_is_allowed(server: str) -> None:
    bogus = httpx.get(server + "/api/graph", params={"kind": "BOGUS"})
    assert bogus.status_code == 422 and "use one of" in bogus.json()["detail"]
    typo = httpx.get(server + "/api/graph", params={"mins_sources": "2"})
    assert typo.status_code == 422
    assert typo.json()["detail"].startswith("unknown parameter mins_sources: this route takes community, doc, kind")
    assert httpx.get(server + "/api/graph", params={"min_sources": "2", "since": "2024"}).status_code == 200


def _tie_id(server: str, name: str, relation: str, other: str) -> str:
    [found] = [e for e in httpx.get(server + "/api/entities", params={"q": name}).json() if e["name"] == name]
    ties = httpx.get(server + f"/api/entities/{found['entity_id']}", params={"with_negated": "true"}).json()["ties"]
    [tie] = [t for t in ties[relation] if other in (t["subject"], t["object"])]
    return tie["id"]


def test_the_filtered_view_exports_as_gexf_graphml_and_png(server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import xml.etree.ElementTree as ET

    page, errors = _page(browser, server)
    every = int(page.get_attribute("#graph", "data-edges") or 0)
    page.fill("#min-sources", "2")
    page.dispatch_event("#min-sources", "change")
    shown = int(_wait(page, "data-edges", lambda v: v != "" and int(v) < every))
    with page.expect_download() as gexf:
        page.click("#export-gexf")
    tree = ET.parse(gexf.value.path())
    edges = [e for e in tree.iter() if e.tag.endswith("}edge")]
    assert 0 < len(edges) == shown  # the file holds what the view shows, filter included
    with page.expect_download() as graphml:
        page.click("#export-graphml")
    assert ET.parse(graphml.value.path()).getroot().tag.endswith("graphml")
    with page.expect_download() as png:
        page.click("#export-png")
    data = Path(png.value.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000  # a drawing, not an empty white frame
    bad = httpx.get(server + "/export/graph.pdf")
    assert bad.status_code == 422 and "gexf or graphml" in bad.json()["detail"]
    assert not errors


def test_the_timeline_shows_claims_by_year_and_choosing_a_year_filters_the_graph(
        server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    page.wait_for_selector("#timeline .bar")
    years = [b.get_attribute("data-year") for b in page.locator("#timeline .bar").all()]
    assert "2024" in years and years == sorted(years)  # the disputed pair's documents are dated 2024
    every = int(page.get_attribute("#graph", "data-edges") or 0)
    page.focus("#timeline .bar[data-year='2024']")  # reachable from the keyboard
    page.keyboard.press("Enter")
    only = int(_wait(page, "data-edges", lambda v: v != "" and int(v) < every))
    assert only >= 1
    page.wait_for_selector("#timeline .bar.chosen[data-year='2024']")
    assert page.locator("#timeline .bar.chosen").count() == 1
    _shot(page, "timeline", tmp_path)
    page.click("#timeline-clear")
    _wait(page, "data-edges", lambda v: v != "" and int(v) == every)
    page.fill("#search", "Aissami")  # an actor chosen: the timeline shows its claims
    page.click("#results button >> text=Tareck El Aissami")
    page.wait_for_selector("#timeline .timeline-head >> text=Claims of Tareck El Aissami by year")
    assert not errors


def test_the_sidebar_fits_1280_by_800_with_the_legend_in_view_and_communities_sorted(
        server: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server + "/")
    page.wait_for_selector("#graph[data-nodes]", timeout=20000)
    controls = page.locator("#controls")
    width = page.evaluate("() => { const c = document.getElementById('controls'); "
                          "return [c.scrollWidth, c.clientWidth]; }")
    assert width[0] <= width[1]  # nothing sticks out sideways
    assert page.locator("#community").bounding_box()["width"] <= controls.bounding_box()["width"]
    last = page.locator("#legend > div").last.bounding_box()
    assert last["y"] + last["height"] <= 800  # the whole legend without scrolling
    sizes = [int(o.rsplit("(", 1)[1].rstrip(")")) for o in page.locator("#community option").all_text_contents()[1:]]
    assert sizes == sorted(sizes, reverse=True) and len(sizes) >= 2
    labels = page.evaluate("() => window.claimgraph.labels()")
    assert len(labels) >= 20 and all(box[0] >= 0 and box[2] <= box[4] for box in labels)  # none clipped
    for i, a in enumerate(labels):  # none covers another
        assert not any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3] for b in labels[i + 1 :])
    _shot(page, "sidebar", tmp_path)


def test_hovering_a_tie_names_its_kind(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page, errors = _page(browser, server)
    edge = page.evaluate(
        "() => { const g = window.claimgraph.graph(), r = window.claimgraph.renderer(), size = r.getDimensions();"
        " let best = null; g.forEachEdge((e, a, s, t) => { if (best) return;"
        " const p = r.framedGraphToViewport(r.getNodeDisplayData(s));"
        " const q = r.framedGraphToViewport(r.getNodeDisplayData(t));"
        " const len = Math.hypot(p.x - q.x, p.y - q.y);"
        " const m = {x: (p.x + q.x) / 2, y: (p.y + q.y) / 2};"
        " let clear = true; g.forEachNode((n) => { const v = r.framedGraphToViewport(r.getNodeDisplayData(n));"
        " if (Math.hypot(v.x - m.x, v.y - m.y) < 25) clear = false;"  # the pointer must land on the tie,
        " if (m.x > v.x - 10 && m.x < v.x + 160 && Math.abs(v.y - m.y) < 14) clear = false; });"  # (a label)
        " if (clear && len > 80 && m.x > 30 && m.y > 60 && m.x < size.width - 30 && m.y < size.height - 30)"
        " best = {relation: a.relation, x: m.x, y: m.y}; }); return best; }")  # not on a node or its label
    assert edge is not None
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + edge["x"], box["y"] + edge["y"])
    page.wait_for_selector("#edge-tip", state="visible", timeout=5000)
    assert f"—{edge['relation']}→" in (page.text_content("#edge-tip") or "")
    assert not errors
