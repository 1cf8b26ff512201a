"""Every export format, byte for byte against a golden file in tests/fixtures/golden/ (Parquet: row for row).
The store is built from tests/fixtures/filters.jsonl. After a deliberate change of a format, rewrite the golden
files with `UPDATE_GOLDEN=1 make test` and review the diff."""

import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from claimgraph.export import EXPORTERS, Exporter
from claimgraph.filters import Filters
from claimgraph.store import Store
from tests.conftest import ROOT, run_cli

GOLDEN = ROOT / "tests" / "fixtures" / "golden"
VOLATILE = {"ingested_at", "path"}  # when and from where this machine read the file


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("golden") / "g.duckdb"
    done = run_cli("build", str(ROOT / "tests" / "fixtures" / "filters.jsonl"), "--db", str(path), "--workers", "1",
                   "--quiet")
    assert done.returncode == 0, done.stderr.decode()
    return path


def _files(out: Path) -> dict[str, str]:
    """What the export wrote, as text: each file, Parquet tables as JSON lines without volatile columns."""
    paths = sorted(out.iterdir()) if out.is_dir() else [out]
    found = {}
    for path in paths:
        if path.suffix == ".parquet":
            rows = [{k: v for k, v in row.items() if k not in VOLATILE} for row in pq.read_table(path).to_pylist()]
            found[path.name + ".jsonl"] = "".join(json.dumps(r, sort_keys=True, default=str) + "\n" for r in rows)
        else:
            found[path.name] = path.read_text(encoding="utf-8")
    return found


@pytest.mark.parametrize("exporter", EXPORTERS, ids=lambda e: f"{e.table}-{e.format}")
def test_each_format_matches_its_golden_file(db: Path, exporter: Exporter, tmp_path: Path) -> None:
    name = f"{exporter.table}-{exporter.format}"
    out = tmp_path / (name if exporter.folder else f"{name}.out")
    with Store.open(str(db), read_only=True) as store:
        exporter.write(store, Filters(negated=True), str(out))
    written = _files(out)
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.mkdir(parents=True, exist_ok=True)
        for old in golden.iterdir():
            old.unlink()
        for file, text in written.items():
            (golden / ("out" if file.endswith(".out") else file)).write_text(text, encoding="utf-8")
    expected = {("out" if f.endswith(".out") else f): t for f, t in written.items()}
    assert expected == {p.name: p.read_text(encoding="utf-8") for p in sorted(golden.iterdir())}
