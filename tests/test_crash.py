"""kill -9 in the middle of a build: the store says it is unfinished, no worker outlives the build, and the next
build gives exactly the clean build."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_cli


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split() if (task / "children").exists() else []
        found |= {int(c) for c in children}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _claims(db: Path) -> list[dict]:
    return [json.loads(line) for line in run_cli("export", "claims", "--db", str(db)).stdout.decode().splitlines()]


KILLS = int(os.environ.get("CRASH_KILLS", "3"))  # make fuzz: 20


@pytest.mark.parametrize("after", [round(1.5 * i / KILLS, 2) for i in range(KILLS)])  # s after the workers start
def test_a_killed_build_is_reported_and_the_next_build_equals_the_clean_one(examples_db: Path, tmp_path: Path,
                                                                            after: float) -> None:
    db = tmp_path / "k.duckdb"
    build = subprocess.Popen([sys.executable, "-m", "claimgraph.cli", "build", str(EXAMPLES), "--db", str(db),
                              "--workers", "2", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    while not workers and build.poll() is None:
        workers = _children(build.pid)
        time.sleep(0.02)
    time.sleep(after)
    workers |= _children(build.pid)
    assert build.poll() is None, "the build finished before it could be killed"
    build.send_signal(signal.SIGKILL)
    build.wait()
    time.sleep(1.0)
    assert workers and not [pid for pid in workers if _alive(pid)]  # the kernel took the workers down with it
    stats = run_cli("stats", "--db", str(db))
    assert stats.returncode == 0 and "stopped before it finished" in stats.stderr.decode()
    checked = run_cli("check", "--db", str(db))
    assert checked.returncode == 1 and "problem: the build started" in checked.stdout.decode()
    rebuilt = run_cli("build", str(EXAMPLES), "--db", str(db), "--workers", "1", "--quiet")
    assert rebuilt.returncode == 0, rebuilt.stderr.decode()
    assert _claims(db) == _claims(examples_db)
    checked = run_cli("check", "--db", str(db))
    assert checked.returncode == 0 and checked.stdout.decode().endswith("no problems found\n")


@pytest.mark.parametrize("point", ["stored", "resolved", "laid-out"])
def test_a_build_killed_while_it_stores_resolves_or_lays_out_is_rebuilt_exactly(examples_db: Path, tmp_path: Path,
                                                                                point: str) -> None:
    """The phases a timed kill rarely hits: after a batch is stored, after entities are resolved, after layout."""
    db = tmp_path / "k.duckdb"
    build = subprocess.Popen([sys.executable, "-m", "claimgraph.cli", "build", str(EXAMPLES), "--db", str(db),
                              "--workers", "2", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, "CLAIMGRAPH_FAILPOINT": point}, text=True)
    assert build.stderr is not None
    lines = []
    for line in build.stderr:  # the build waits at the point until it is killed
        lines.append(line)
        if line.startswith(f"failpoint {point} reached"):
            break
    assert lines and lines[-1].startswith(f"failpoint {point} reached"), lines
    workers = _children(build.pid)
    build.send_signal(signal.SIGKILL)
    build.wait()
    time.sleep(1.0)
    assert not [pid for pid in workers if _alive(pid)]
    assert "stopped before it finished" in run_cli("stats", "--db", str(db)).stderr.decode()
    rebuilt = run_cli("build", str(EXAMPLES), "--db", str(db), "--workers", "1", "--quiet")
    assert rebuilt.returncode == 0, rebuilt.stderr.decode()
    assert _claims(db) == _claims(examples_db)
    entities = [run_cli("export", "entities", "--db", str(path)).stdout for path in (db, examples_db)]
    assert entities[0] == entities[1]
    checked = run_cli("check", "--db", str(db))
    assert checked.returncode == 0 and checked.stdout.decode().endswith("no problems found\n")


def test_a_damaged_store_gives_one_line(tmp_path: Path, examples_db: Path) -> None:
    damaged = tmp_path / "d.duckdb"
    data = bytearray(examples_db.read_bytes())
    damaged.write_bytes(bytes(data[: len(data) // 3]))  # truncated
    for command in (["stats"], ["check"], ["export", "claims"], ["ties", "Iran"]):
        done = run_cli(*command, "--db", str(damaged))
        lines = done.stderr.decode().strip().splitlines()
        assert done.returncode == 2 and len(lines) == 1 and lines[0].startswith("error: "), (command, lines)
    assert os.path.getsize(damaged) == len(data) // 3  # reading never rewrites it
