"""Opening a store written by an older claimgraph migrates it in place, keeping its data."""

from pathlib import Path

import duckdb

from claimgraph.store import Store
from claimgraph.store.schema import SCHEMA_VERSION
from tests.conftest import run_cli


def _older(tmp_path: Path, version: int, *statements: str) -> tuple[Path, Path]:
    """A one-document store built now, then taken back to VERSION by STATEMENTS (what that version lacked)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Iran funds Hezbollah.\n", encoding="utf-8")
    db = tmp_path / "old.duckdb"
    assert run_cli("build", str(docs), "--db", str(db), "--workers", "1").returncode == 0
    conn = duckdb.connect(str(db))
    for statement in statements:
        conn.execute(statement)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    conn.close()
    return docs, db


def test_schema_2_store_gains_the_layout_table(tmp_path: Path) -> None:
    docs, db = _older(tmp_path, 2, "DROP TABLE layout")
    with Store.open(str(db)) as store:
        assert store.stats()["schema_version"] == SCHEMA_VERSION
        assert store.stats()["claims"] == 1
        assert store.layout() == {}
    assert run_cli("build", str(docs), "--db", str(db), "--workers", "1").returncode == 0
    done = run_cli("central", "--db", str(db))
    assert done.returncode == 0 and "Hezbollah" in done.stdout.decode()


def test_a_schema_4_store_with_old_judgements_opens_read_only_and_keeps_them(tmp_path: Path) -> None:
    _, db = _older(tmp_path, 4, "ALTER TABLE judgements DROP COLUMN value", 'ALTER TABLE judgements DROP COLUMN "user"',
                   """INSERT INTO judgements VALUES ('j1', 'rename', ['id:nothing'], [], 'X', 'old rename',
                                                   '2025-01-01T00:00:00+00:00')""")
    ties = run_cli("ties", "Iran", "--db", str(db))  # a read-only command upgrades the file first
    assert ties.returncode == 0 and "claims: 1, sources: 1" in ties.stdout.decode()
    listed = run_cli("judgements", "--db", str(db)).stdout.decode().split()
    assert listed == ["2025-01-01T00:00:00+00:00", "unknown", "rename", "old", "rename"]
