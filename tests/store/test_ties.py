"""The ties view: corroboration by publisher, symmetric kinds, contradictions (a real DuckDB file)."""

import json
from pathlib import Path

from claimgraph.analyse.ties import ties_of
from claimgraph.store import Store
from tests.conftest import run_cli


def test_sources_are_publishers_and_symmetric_ties_are_one(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "Iran funds Hezbollah. Hamas cooperates with Hezbollah.", "url": "https://www.example.org/1"},
        {"id": "b", "text": "Iran funds Hezbollah. Hezbollah cooperates with Hamas.", "url": "https://example.org/2"},
        {"id": "c", "text": "Iran did not fund Hezbollah.", "source": "Other Wire"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "t.duckdb"
    assert run_cli("build", str(feed), "--db", str(db), "--workers", "1").returncode == 0
    with Store.open(str(db), read_only=True) as store:
        _, ties = ties_of(store, "Hezbollah")
    by_kind = {(t.subject, t.relation, t.object): t for t in ties}
    funds = by_kind[("Iran", "FUNDS", "Hezbollah")]
    # www. is the same publisher; the denial by another publisher corroborates nothing, it contradicts
    assert (funds.claims, funds.sources, funds.contradicting_claims, funds.contradicting_sources) == (2, 1, 1, 1)
    cooperation = [t for t in ties if t.relation == "COOPERATES_WITH"]
    assert len(cooperation) == 1 and cooperation[0].claims == 2
