"""The API reads a copy of the last committed build: a build into the same file while it serves is seen
after it commits, and never blocked."""

from pathlib import Path

from fastapi.testclient import TestClient

from claimgraph.serve import create_app
from tests.conftest import run_cli


def _one_document_store(tmp_path: Path) -> Path:
    """A real store built from one document ("Iran funds Hezbollah.")."""
    doc = tmp_path / "a.txt"
    doc.write_text("Iran funds Hezbollah.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run_cli("build", str(doc), "--db", str(db), "--workers", "1").returncode == 0
    return db


def test_a_build_while_serving_succeeds_and_the_next_request_sees_it(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Iran funds Hezbollah.\n", encoding="utf-8")
    second.write_text("Qatar funds Hamas.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run_cli("build", str(first), "--db", str(db), "--workers", "1").returncode == 0
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1")
    assert client.get("/api/stats").json()["documents"] == 1
    assert client.get("/api/path", params={"a": "Iran", "b": "Hezbollah"}).status_code == 200
    done = run_cli("build", str(second), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr.decode()  # the server holds no lock between requests
    assert client.get("/api/stats").json()["documents"] == 2
    assert client.get("/api/path", params={"a": "Qatar", "b": "Hamas"}).status_code == 200  # graph rebuilt


def test_while_another_process_writes_the_api_answers_from_the_last_build(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = _one_document_store(tmp_path)
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1")
    writer = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "c.execute('CREATE TABLE scratch (x INT)'); c.execute('CHECKPOINT'); "
                               "print('ready', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        busy = client.get("/api/stats")
        assert busy.status_code == 200 and busy.json()["documents"] == 1 and busy.json()["build_running"] is True
        assert client.get("/api/path", params={"a": "Iran", "b": "Hezbollah"}).status_code == 200
    finally:
        writer.kill()
        writer.wait()
    after = client.get("/api/stats").json()
    assert after["documents"] == 1 and after["build_running"] is False


def test_a_real_build_runs_unblocked_while_the_api_is_hit(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import EXAMPLES

    db = _one_document_store(tmp_path)
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1")
    build = subprocess.Popen([sys.executable, "-m", "claimgraph.cli", "build", str(EXAMPLES), "--db", str(db),
                              "--workers", "1", "--quiet"], stderr=subprocess.PIPE)
    seen = []
    while build.poll() is None:
        answer = client.get("/api/stats")
        assert answer.status_code == 200, answer.text
        seen.append((answer.json()["documents"], answer.json()["build_running"]))
        assert client.get("/api/graph").status_code == 200
    assert build.returncode == 0, build.stderr.read().decode() if build.stderr else ""
    counts = [documents for documents, _ in seen]
    assert set(counts) <= {1, 12} and counts == sorted(counts)  # the store before or after, nothing half-written
    assert (1, True) in seen  # the build held the file while the API kept answering
    assert client.get("/api/stats").json() == {**client.get("/api/stats").json(), "documents": 12,
                                               "build_running": False}


def test_api_filters_match_the_cli_and_refuse_bad_values(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran funds Hezbollah. Russia supports Venezuela.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Cuba did not fund the FARC.\n", encoding="utf-8")
    db = tmp_path / "f.duckdb"
    assert run_cli("build", str(tmp_path), "--db", str(db), "--workers", "1").returncode == 0
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1")

    def edges(**params: object) -> set[tuple[str, bool]]:
        answer = client.get("/api/graph", params=params)
        assert answer.status_code == 200, answer.text
        return {(e["relation"], e["denied"]) for e in answer.json()["edges"]}

    assert edges() == {("FUNDS", False), ("SUPPORTS", False)}  # the denial alone is no tie, as in the CLI
    assert edges(with_negated="true") == {("FUNDS", False), ("SUPPORTS", False), ("FUNDS", True)}
    assert edges(kind="supports") == {("SUPPORTS", False)}
    bogus = client.get("/api/graph", params={"kind": "BOGUS"})
    assert bogus.status_code == 422 and "use one of COOPERATES_WITH" in bogus.json()["detail"]
    assert client.get("/api/graph", params={"min_sources": 0}).status_code == 422
    assert client.get("/api/path", params={"a": "Iran", "b": "Hezbollah", "k": 50}).status_code == 422


def test_hardening_host_header_limits_ids_with_slashes_and_inert_search(tmp_path: Path) -> None:
    import json

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "2020/index", "text": "Iran funds Hezbollah.\n"}) + "\n", encoding="utf-8")
    db = tmp_path / "h.duckdb"
    assert run_cli("build", str(feed), "--db", str(db), "--workers", "1").returncode == 0
    app = create_app(str(db))
    client = TestClient(app, base_url="http://127.0.0.1:8765")
    rebound = TestClient(app, base_url="http://attacker.example")  # a rebinding page's requests carry its name
    assert rebound.get("/api/stats").status_code == 421
    assert client.get("/api/stats").status_code == 200
    document = client.get("/api/documents/2020/index")
    assert document.status_code == 200 and document.json()["doc_id"] == "2020/index"
    assert client.get("/api/documents/../../etc/passwd").status_code == 404
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/api/entities", params={"q": "%"}).json() == []  # a wildcard is a character
    assert client.get("/api/entities", params={"q": "_"}).json() == []
    assert client.get("/api/entities", params={"q": "' OR 1=1 --"}).json() == []
    assert client.get("/api/entities", params={"q": "Iran", "limit": -1}).status_code == 422
    assert [e["name"] for e in client.get("/api/entities", params={"q": "Iran"}).json()] == ["Iran"]
    assert client.get("/api/stats", params={"x": "a" * 3000}).status_code == 414
    headers = client.get("/").headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert (headers["x-content-type-options"], headers["referrer-policy"]) == ("nosniff", "no-referrer")


def test_a_request_reading_an_old_copy_finishes_after_a_build_replaces_it(tmp_path: Path) -> None:
    from claimgraph.serve.snapshot import Snapshot

    db = _one_document_store(tmp_path)
    snapshot = Snapshot(str(db))
    old, cursor = snapshot.acquire()  # a slow request is reading
    (tmp_path / "b.txt").write_text("Qatar funds Hamas.\n", encoding="utf-8")
    assert run_cli("build", str(tmp_path / "b.txt"), "--db", str(db), "--workers", "1").returncode == 0
    new = snapshot.refresh()  # the next request takes a new copy
    assert new is not old and old.retired
    assert cursor.execute("SELECT count(*) FROM documents").fetchone() == (1,)  # the old copy still reads
    assert new.store.conn.execute("SELECT count(*) FROM documents").fetchone() == (2,)
    cursor.close()
    snapshot.release(old)  # its last request is done: closed and deleted
    assert not Path(old.store.path).exists()
    snapshot.close()


def test_a_stopped_server_leaves_no_copy_of_the_store_behind(tmp_path: Path) -> None:
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    db = _one_document_store(tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "claimgraph.cli", "serve", "--db", str(db), "--port", str(port)],
                              env={**os.environ, "TMPDIR": str(temp)}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        assert [p.name for p in temp.iterdir() if p.name.startswith("claimgraph-serve-")]  # the copy it reads
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert list(temp.iterdir()) == []
