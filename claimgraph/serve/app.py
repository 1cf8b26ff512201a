"""FastAPI app: read-only JSON endpoints; the page (static/) reads only these. Document text is data,
never markup: the page renders it with textContent, and a Content-Security-Policy forbids inline script."""

from __future__ import annotations

import gc
import gzip
import re
import tempfile
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import asdict
from importlib import resources
from typing import Any

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from claimgraph import ontology
from claimgraph.analyse.graph import Graph
from claimgraph.errors import ClaimgraphError, InputError, StoreError
from claimgraph.export import exporter
from claimgraph.filters import Filters
from claimgraph.serve.snapshot import Snapshot
from claimgraph.store import Store
from claimgraph.store.records import StoredClaim

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'")


def filters(kind: list[str] = Query(default=[]), min_sources: int = 1, no_hedged: bool = False,  # noqa: B008
            with_negated: bool = False, since: str | None = None, until: str | None = None,
            doc: list[str] = Query(default=[]), min_confidence: float = 0.0) -> Filters:  # noqa: B008
    """The CLI's filters, with its names and defaults (no denial-only ties unless with_negated); a bad value
    answers 422 with the allowed values."""
    try:
        return Filters(kinds=tuple(kind), min_sources=min_sources, hedged=not no_hedged, negated=with_negated,
                       since=since, until=until, doc_ids=tuple(doc), min_confidence=min_confidence)
    except InputError as err:
        raise HTTPException(422, str(err)) from err


MAX_QUERY = 2_000  # characters of a query string; the API takes no request bodies
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


GZIP_FROM = 1_000  # bytes: smaller answers go as they are


def _answer(entry: list[bytes | None], request: Request) -> Response:
    """A cached answer, gzipped (once, then kept) when the client takes gzip and the answer is large."""
    body = entry[0]
    assert body is not None
    if len(body) < GZIP_FROM or "gzip" not in request.headers.get("accept-encoding", ""):
        return Response(body, media_type="application/json")
    if entry[1] is None:
        entry[1] = gzip.compress(body, compresslevel=3)
    return Response(entry[1], media_type="application/json",
                    headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})


def create_app(db: str, *, hosts: tuple[str, ...] = LOOPBACK) -> FastAPI:
    """The API over one store. Requests must name one of HOSTS in their Host header (a page on another site
    that rebinds its name to 127.0.0.1 cannot read the API); `serve` adds the address it binds."""
    snapshot = Snapshot(db)  # a bad path fails at start, not at the first request
    allowed = {h.lower() for h in hosts}
    lock = threading.Lock()  # guards the graph cache
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        snapshot.close()  # uvicorn ends with the signal that stopped it, so atexit would not run: clean up here

    app = FastAPI(title="claimgraph", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Read-only API over a claimgraph store. Every tie is a claim, not a fact.")
    app.state.snapshot = snapshot
    static = resources.files("claimgraph.serve").joinpath("static")
    reading = threading.local()  # per request thread: the store version it reads
    graphs: dict[tuple[int, int, int], Graph] = {}  # the unfiltered graph of the store as it was at a version

    @contextmanager
    def opened() -> Iterator[Store]:
        """The store for one request: the copy of the last committed build (snapshot.py), through a cursor of its
        own, so requests read in parallel (DuckDB answers queries outside Python's lock). A build into the same
        file is never blocked by the server; while it writes, answers come from the store as it was before."""
        try:
            served, cursor = snapshot.acquire()
        except StoreError as err:
            raise HTTPException(503, f"the store cannot be read: {err}") from err
        reading.version = served.version  # this thread's request reads this version (graph_of keys on it)
        try:
            yield Store(cursor, served.store.path)
        finally:
            cursor.close()
            snapshot.release(served)  # a copy a newer one replaced closes with its last request

    def graph_of(store: Store, chosen: Filters) -> Graph:
        """The graph for one request, bound to its store; the unfiltered one is built once per store version."""
        if not chosen.is_default:
            return Graph.from_store(store, chosen)
        stamp = reading.version
        with lock:
            cached = graphs.get(stamp)
        if cached is None:
            cached = Graph.from_store(store).prepared()
            with lock:
                graphs.clear()
                graphs[stamp] = cached
        return cached.bound_to(store)

    @app.exception_handler(duckdb.Error)
    async def unreadable(request: Request, err: duckdb.Error) -> JSONResponse:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        return JSONResponse({"detail": f"the store cannot be read ({first}): `claimgraph check` says more"},
                            status_code=503)

    answers: OrderedDict[tuple[str, str], list[bytes | None]] = OrderedDict()  # answers of the store as served
    version: list[tuple[tuple[int, int, int], bool]] = [((0, 0, 0), False)]

    def refreshed() -> tuple[tuple[int, int, int], bool]:
        served = snapshot.refresh()
        return served.version, served.building

    async def cached(request: Request, call_next: Any) -> Response:
        """A GET of the API answered from memory while the store is unchanged (a build changes the version and
        empties the cache); only successful answers are kept, at most 256, each also gzipped once. A hit costs
        one stat of the store file and no lock."""
        if not request.url.path.startswith("/api/"):
            response: Response = await call_next(request)
            return response
        key = (request.url.path, request.url.query)
        current = snapshot.current
        if current is not None and not current.building and snapshot.version() == current.version:
            now = (current.version, False)  # the store is as served: no lock, no thread
        else:
            try:
                now = await run_in_threadpool(refreshed)  # never blocks the loop while a handler reads the store
            except StoreError as err:
                return JSONResponse({"detail": f"the store cannot be read: {err}"}, status_code=503)
        if now != version[0]:  # a build starting or ending changes what /api/stats says
            answers.clear()
            version[0] = now
        if key in answers:
            answers.move_to_end(key)
            return _answer(answers[key], request)
        response = await call_next(request)
        if response.status_code != 200:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        answers[key] = [body, None]
        if len(answers) > 256:
            answers.popitem(last=False)
        return _answer(answers[key], request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        host = request.headers.get("host", "").lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name not in allowed:
            response: Response = JSONResponse({"detail": f"unknown Host {host!r}: use {', '.join(sorted(allowed))}"},
                                              status_code=421)
        elif request.method not in ("GET", "HEAD"):
            response = JSONResponse({"detail": "the API is read-only: GET only"}, status_code=405)
        elif len(request.url.query) > MAX_QUERY:
            response = JSONResponse({"detail": f"query longer than {MAX_QUERY} characters"}, status_code=414)
        elif int(request.headers.get("content-length") or 0) > 0:
            response = JSONResponse({"detail": "the API takes no request bodies"}, status_code=413)
        elif (unknown := _unknown_parameters(app, request)) is not None:
            response = JSONResponse({"detail": unknown}, status_code=422)
        else:
            response = await cached(request, call_next)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static.joinpath("index.html")))

    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_FROM, compresslevel=3)  # fast: answers are large, time matters

    @app.get("/api/ontology")
    def vocabulary() -> dict[str, Any]:
        """Actor types, relation kinds and activities with their labels and colours (ontology.yaml)."""
        return ontology.as_json()

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        with opened() as store:
            return {**store.stats(), "build_running": snapshot.building}

    @app.get("/api/graph")
    def graph(chosen: Filters = Depends(filters), community: int | None = None) -> JSONResponse:  # noqa: B008
        """Nodes (with stored positions, size and community) and edges (ties) that pass the filters."""
        with opened() as store, _no_gc_pauses():
            ties = store.tie_rows(chosen)
            layout = store.layout()
            entities = {e.entity_id: e for e in store.entities()}
            alleged = store.activities(chosen)
        if community is not None:
            ties = [t for t in ties if layout.get(t.subject_id, {}).get("community") == community
                    and layout.get(t.object_id, {}).get("community") == community]
        used = sorted({t.subject_id for t in ties} | {t.object_id for t in ties})
        nodes = []
        for eid in used:
            place = layout.get(eid, {})
            known = entities.get(eid)
            nodes.append({"id": eid, "label": known.name if known else eid, "type": known.type if known else None,
                          "country": known.country if known else None, "x": place.get("x", 0.0),
                          "y": place.get("y", 0.0), "pagerank": place.get("pagerank", 0.0),
                          "community": place.get("community", -1), "community_label": place.get("community_label", ""),
                          "alleged": alleged.get(eid, {})})
        edges = [{"id": tie_id(t.subject_id, t.relation, t.object_id), "source": t.subject_id, "target": t.object_id,
                  "relation": t.relation, "claims": t.claims, "sources": t.sources, "hedged_share": t.hedged_share,
                  "contradicting_claims": t.contradicting_claims, "contradicting_sources": t.contradicting_sources,
                  "denied": t.denied} for t in ties]
        return JSONResponse({"nodes": nodes, "edges": edges})  # plain JSON types: no encoder pass needed

    @app.get("/api/timeline")
    def timeline(chosen: Filters = Depends(filters), entity: str | None = None) -> dict[str, Any]:  # noqa: B008
        """Claims by year (the document's date, else a year the sentence names), of the whole graph or of one
        entity, with the filters."""
        with opened() as store:
            years = store.timeline(chosen, entity)
        return {"years": [{"year": y, "claims": n, "dated_by_sentence": t} for y, n, t in years]}

    @app.get("/api/entities")
    def search(q: str = Query("", max_length=200), limit: int = Query(20, ge=1, le=200)) -> list[dict[str, Any]]:
        """Entities whose name or alias is Q, else contains it (Q is text: % and _ match themselves)."""
        if not q.strip():
            return []
        with opened() as store:
            found = store.find_entities(q.strip())[:limit]
        return [e.summary() for e in found]

    @app.get("/api/entities/{entity_id}")
    def entity(entity_id: str, chosen: Filters = Depends(filters)) -> dict[str, Any]:  # noqa: B008
        with opened() as store:
            found = store.entity(entity_id)
            if found is None:
                raise HTTPException(404, "no such entity")
            ties = store.ties_of(entity_id, chosen)
        grouped: dict[str, list[dict[str, Any]]] = {}
        for t in ties:
            grouped.setdefault(t.relation, []).append({
                "id": tie_id(t.subject_id, t.relation, t.object_id), "subject": t.subject_name,
                "object": t.object_label, "claims": t.claims, "sources": t.sources, "hedged_share": t.hedged_share,
                "contradicting_claims": t.contradicting_claims, "contradicting_sources": t.contradicting_sources})
        return {**found.summary(), "ties": grouped}

    @app.get("/api/ties/{tie:path}")
    def tie(tie: str) -> dict[str, Any]:
        try:
            subject_id, relation, object_id = tie.split("~")
        except ValueError as err:
            raise HTTPException(400, "a tie id is SUBJECT~RELATION~OBJECT") from err
        with opened() as store:
            claims = store.tie_claims(subject_id, relation, object_id)
            subject, obj = store.entity(subject_id), store.entity(object_id)
        if not claims:
            raise HTTPException(404, "no such tie")
        activity = object_id.removeprefix("activity:").replace("_", " ")
        return {"id": tie, "relation": relation,
                "subject": subject.summary() if subject else {"entity_id": subject_id, "name": subject_id},
                "object": obj.summary() if obj else {"entity_id": object_id, "name": f"alleged {activity}"},
                "claims": [_claim(c) for c in claims]}

    @app.get("/api/path")
    def path(a: str, b: str, k: int = Query(1, ge=1, le=10),  # noqa: B008
             chosen: Filters = Depends(filters)) -> JSONResponse:  # noqa: B008
        with opened() as store:
            try:
                found = graph_of(store, chosen).paths(a, b, k=k)
            except ClaimgraphError as err:
                raise HTTPException(404, str(err)) from err
        return JSONResponse({"paths": [{"hops": [vars(h) for h in hops]} for hops in found]})  # no re-encoding

    @app.get("/export/graph.{fmt}")
    def export_graph(fmt: str, chosen: Filters = Depends(filters)) -> Response:  # noqa: B008
        """The graph with the view's filters as a file to download: GEXF (Gephi) or GraphML."""
        if fmt not in ("gexf", "graphml"):
            raise HTTPException(422, f"no {fmt!r} export from the view: use gexf or graphml")
        with tempfile.TemporaryDirectory() as folder, opened() as store:
            out = f"{folder}/graph.{fmt}"
            exporter("graph", fmt).write(store, chosen, out)
            with open(out, "rb") as f:
                body = f.read()
        return Response(body, media_type="application/xml",
                        headers={"Content-Disposition": f'attachment; filename="claimgraph.{fmt}"'})

    @app.get("/api/documents/{doc_id:path}")
    def document(doc_id: str) -> dict[str, Any]:
        with opened() as store:
            found = store.document(doc_id)
            if found is None:
                raise HTTPException(404, "no such document")
            mentions = store.mentions_in(doc_id)
        return {**asdict(found), "mentions": [asdict(m) for m in mentions]}

    return app


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Building tens of thousands of small records triggers full collections that find nothing to free (they
    are all alive): pause the collector while a large answer is built."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _unknown_parameters(app: FastAPI, request: Request) -> str | None:
    """A query parameter the route does not take ('mins_sources=2' would otherwise be ignored without a word)."""
    if not request.url.path.startswith("/api/") or not request.query_params:
        return None
    for pattern, allowed in _query_parameters(app):
        if pattern.match(request.url.path):
            unknown = sorted(set(request.query_params) - allowed)
            if unknown:
                takes = ", ".join(sorted(allowed)) or "none"
                return f"unknown parameter {', '.join(unknown)}: this route takes {takes}"
            return None
    return None


def _query_parameters(app: FastAPI) -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """Each API route's path pattern and the query parameters it and its dependencies (the filters) take; worked
    out once per app, on the first request that has a query."""
    known: list[tuple[re.Pattern[str], frozenset[str]]] | None = getattr(app.state, "query_parameters", None)
    if known is None:
        known = []
        for route in app.router.routes:
            if isinstance(route, APIRoute):
                allowed: set[str] = set()
                pending = [route.dependant]
                while pending:
                    dependant = pending.pop()
                    allowed |= {p.alias for p in dependant.query_params}
                    pending += dependant.dependencies
                known.append((route.path_regex, frozenset(allowed)))
        app.state.query_parameters = known
    return known


def tie_id(subject_id: str, relation: str, object_id: str) -> str:
    return f"{subject_id}~{relation}~{object_id}"


def _claim(claim: StoredClaim) -> dict[str, Any]:
    """One sentence of a tie for the page: what it says, where, who says it, and its flags."""
    return {"claim_id": claim.claim_id, "doc_id": claim.doc_id, "sentence": claim.sentence,
            "char_start": claim.char_start, "char_end": claim.char_end, "trigger": claim.trigger,
            "hedged": claim.hedged, "negated": claim.negated, "time": claim.time, "confidence": claim.confidence,
            "subject_text": claim.subject_text, "object_text": claim.object_text, "attributed_to": claim.source_label,
            "title": claim.title, "url": claim.url, "source": claim.source, "published": claim.published}
