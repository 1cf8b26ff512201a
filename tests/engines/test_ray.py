"""The Ray engine on a real local Ray cluster: the same claims and entity ids as the local engine, byte for byte."""

from __future__ import annotations

from pathlib import Path

from claimgraph.ingest import read_paths
from tests.conftest import EXAMPLES, run_cli


def _exports(db: Path, out: Path) -> tuple[bytes, bytes]:
    claims, entities = out / "claims.jsonl", out / "entities.jsonl"
    assert run_cli("export", "claims", "--db", str(db), "--out", str(claims)).returncode == 0
    assert run_cli("export", "entities", "--db", str(db), "--out", str(entities)).returncode == 0
    return claims.read_bytes(), entities.read_bytes()


def test_a_build_on_a_local_ray_cluster_equals_the_local_builds(tmp_path: Path) -> None:
    results = {}
    for name, options in (("local-1", ["--workers", "1"]), ("local-2", ["--workers", "2"]),
                          ("ray-2", ["--engine", "ray", "--workers", "2"])):
        folder = tmp_path / name
        folder.mkdir()
        done = run_cli("build", str(EXAMPLES), "--db", str(folder / "g.duckdb"), "--quiet", *options)
        assert done.returncode == 0, done.stderr.decode()[-2000:]
        assert "claims: 132" in done.stdout.decode()
        results[name] = _exports(folder / "g.duckdb", folder)
    assert results["ray-2"] == results["local-1"] == results["local-2"]
    assert results["ray-2"][0].count(b"\n") == 132


def test_an_address_without_the_ray_engine_is_refused_in_one_line(tmp_path: Path) -> None:
    done = run_cli("build", str(EXAMPLES), "--db", str(tmp_path / "g.duckdb"), "--address", "auto")
    assert done.returncode == 2
    assert done.stderr.decode().strip().splitlines() == ["error: --address is for the ray engine (--engine ray)"]
    assert not (tmp_path / "g.duckdb").exists()  # refused before any work


def test_ray_data_windows_give_the_local_engines_extractions_in_order() -> None:
    """A corpus longer than one window goes through several datasets; nothing is lost, reordered or repeated."""
    from claimgraph.engines.local import LocalEngine
    from claimgraph.engines.ray import RayEngine
    from claimgraph.model import Document

    documents = [item for item in read_paths([str(EXAMPLES)]) if isinstance(item, Document)]
    batches = [documents[start:start + 2] for start in range(0, len(documents), 2)]  # 3 windows of 2 batches
    assert len(batches) > 4
    local = [extraction for batch in LocalEngine().map(batches) for extraction in batch]
    ray = [extraction for batch in RayEngine(workers=2, window=2).map(batches) for extraction in batch]
    assert [extraction.document.doc_id for extraction in ray] == [document.doc_id for document in documents]
    assert ray == local
    assert sum(len(extraction.claims) for extraction in ray) == 132
