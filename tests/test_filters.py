"""Each filter changes what the ties are, one exact answer per filter (a real store built from a JSONL file of
three publishers: a asserts, b denies one tie and hedges another, c denies one and hedges one)."""

import json

import pytest

from claimgraph.errors import InputError
from claimgraph.filters import Filters
from claimgraph.store import Store
from tests.conftest import ROOT, run_cli

CORPUS = ROOT / "tests" / "fixtures" / "filters.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("filters") / "f.duckdb"
    done = run_cli("build", str(CORPUS), "--db", str(db), "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr.decode()
    with Store.open(str(db), read_only=True) as opened:
        yield opened


def _ties(store: Store, filters: Filters) -> dict[str, tuple[int, int, int]]:
    names = {e.entity_id: e.name for e in store.entities()}
    return {f"{names[t.subject_id]} {t.relation} {names[t.object_id]}":
            (t.claims, t.sources, t.contradicting_sources) for t in store.tie_rows(filters)}


def test_defaults_count_asserting_publishers_and_leave_denial_only_ties_out(store: Store) -> None:
    assert _ties(store, Filters()) == {"Iran FUNDS Hezbollah": (1, 1, 1), "Russia SUPPORTS Venezuela": (3, 3, 0),
                                       "China ARMS Venezuela": (1, 1, 0)}


def test_each_filter_changes_the_ties(store: Store) -> None:
    assert _ties(store, Filters(kinds=("ARMS",))) == {"China ARMS Venezuela": (1, 1, 0)}
    assert _ties(store, Filters(min_sources=2)) == {"Russia SUPPORTS Venezuela": (3, 3, 0)}
    assert _ties(store, Filters(hedged=False)) == {"Iran FUNDS Hezbollah": (1, 1, 1),
                                                   "Russia SUPPORTS Venezuela": (2, 2, 0)}
    assert _ties(store, Filters(negated=True))["Cuba FUNDS FARC"] == (0, 0, 1)
    assert _ties(store, Filters(since="2025")) == {"Russia SUPPORTS Venezuela": (1, 1, 0),
                                                   "China ARMS Venezuela": (1, 1, 0)}
    assert _ties(store, Filters(until="2024-01")) == {"Iran FUNDS Hezbollah": (1, 1, 0),
                                                      "Russia SUPPORTS Venezuela": (1, 1, 0)}
    assert _ties(store, Filters(doc_ids=("b",))) == {"Russia SUPPORTS Venezuela": (1, 1, 0)}
    assert _ties(store, Filters(min_confidence=0.82)) == {"Iran FUNDS Hezbollah": (1, 1, 1)}


@pytest.mark.parametrize(("fields", "message"), [
    ({"kinds": ("BRIBES",)}, "unknown relation kind BRIBES"),
    ({"min_sources": 0}, "min sources must be 1 or more"),
    ({"since": "May 2024"}, "since must be a date"),
    ({"min_confidence": 1.5}, "min confidence must be between 0 and 1"),
])
def test_a_bad_filter_is_refused_with_what_is_allowed(fields: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Filters(**fields)


def test_one_db_option_and_one_set_of_formats_across_commands(store: Store) -> None:
    db = store.path
    stats = json.loads(run_cli("--db", db, "stats", "--format", "json").stdout)  # --db before the command
    assert (stats["ties"], stats["denial_only_ties"]) == (3, 1)
    for command in (["ties", "Iran"], ["strongest"], ["central"], ["communities"], ["stats"]):
        lines = run_cli(*command, "--db", db, "--format", "jsonl").stdout.decode().splitlines()
        assert lines and all(isinstance(json.loads(line), dict) for line in lines), command
    tie = json.loads(run_cli("ties", "Iran", "--db", db, "--format", "jsonl").stdout.decode().splitlines()[0])
    assert (tie["relation"], tie["claims"], tie["contradicting_sources"]) == ("FUNDS", 1, 1)
