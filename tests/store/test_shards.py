"""A corpus built in shards on several machines and merged equals the corpus built at once."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLES, run_cli


def _export(db: Path, what: str) -> bytes:
    out = db.with_suffix(f".{what}.jsonl")
    assert run_cli("export", what, "--db", str(db), "--out", str(out)).returncode == 0
    return out.read_bytes()


def test_shards_merged_equal_the_whole_build_and_a_bad_shard_is_refused(tmp_path: Path) -> None:
    whole = tmp_path / "whole.duckdb"
    assert run_cli("build", str(EXAMPLES), "--db", str(whole), "--quiet", "--workers", "1").returncode == 0
    parts, read = [], 0
    for n in (1, 2, 3):
        part = tmp_path / f"part{n}.duckdb"
        done = run_cli("build", str(EXAMPLES), "--db", str(part), "--quiet", "--workers", "1", "--shard", f"{n}/3")
        assert done.returncode == 0, done.stderr.decode()
        out = done.stdout.decode()
        read += int(out.split("documents read: ")[1].split(",")[0])
        assert "in other shards: " in out
        parts.append(str(part))
    assert read == 11  # each document in exactly one shard
    merged = tmp_path / "merged.duckdb"
    done = run_cli("merge-stores", *parts, "--db", str(merged))
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().startswith("merged 11 documents from 3 store(s) (0 replaced one already there)")
    for what in ("claims", "entities"):
        assert _export(merged, what) == _export(whole, what)
    again = run_cli("merge-stores", parts[0], "--db", str(merged))  # merging a shard twice duplicates nothing
    assert again.returncode == 0 and "replaced one already there" in again.stdout.decode()
    assert _export(merged, "claims") == _export(whole, "claims")
    bad = run_cli("build", str(EXAMPLES), "--db", str(tmp_path / "x.duckdb"), "--shard", "4/3")
    assert bad.returncode == 2
    assert bad.stderr.decode().strip() == ("error: --shard takes N/M with 1 <= N <= M (1/4 is the first of four), "
                                           "not '4/3'")
    missing = run_cli("merge-stores", str(tmp_path / "nope.duckdb"), "--db", str(merged))
    assert missing.returncode == 2
    assert missing.stderr.decode().strip() == f"error: no such store: {tmp_path / 'nope.duckdb'}"
