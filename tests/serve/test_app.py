"""The API reads the store per request: a build into the same file while it serves is seen, never blocked."""

from pathlib import Path

from fastapi.testclient import TestClient

from claimgraph.serve import create_app
from tests.conftest import run_cli


def test_a_build_while_serving_succeeds_and_the_next_request_sees_it(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Iran funds Hezbollah.\n", encoding="utf-8")
    second.write_text("Qatar funds Hamas.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run_cli("build", str(first), "--db", str(db), "--workers", "1").returncode == 0
    client = TestClient(create_app(str(db)))
    assert client.get("/api/stats").json()["documents"] == 1
    assert client.get("/api/path", params={"a": "Iran", "b": "Hezbollah"}).status_code == 200
    done = run_cli("build", str(second), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr.decode()  # the server holds no lock between requests
    assert client.get("/api/stats").json()["documents"] == 2
    assert client.get("/api/path", params={"a": "Qatar", "b": "Hamas"}).status_code == 200  # graph rebuilt
