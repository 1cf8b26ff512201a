"""A batch is one transaction: a batch that fails leaves the store exactly as it was, and the worker count
never changes what is stored."""

import json
from pathlib import Path

import pytest

from claimgraph.errors import StoreError
from claimgraph.pipeline import _rows
from claimgraph.store import Store
from tests.conftest import EXAMPLES, extract_text, run_cli


def test_a_failing_batch_rolls_back_and_keeps_the_document_it_would_have_replaced(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Iran funds Hezbollah.\n", encoding="utf-8")
    db = tmp_path / "r.duckdb"
    assert run_cli("build", str(doc), "--db", str(db), "--workers", "1").returncode == 0
    with Store.open(str(db)) as store:
        before = store.stats()
        documents, mentions, claims = _rows([extract_text("Qatar funds Hamas.\n", doc_id="a")])
        twice = [*claims, claims[0]]  # the same claim id twice: fails inside the transaction, after the delete
        with pytest.raises(Exception, match="(?i)primary key|duplicate"):
            store.replace_documents(documents, mentions, twice)
        assert store.stats() == before
        bad = [{**claims[0], "char_end": 10_000}]  # offsets outside the text: refused before anything is written
        with pytest.raises(StoreError, match="sentence offsets 0-10000 outside the text"):
            store.replace_documents(documents, mentions, bad)
        assert store.stats() == before
        [sentence] = [c.sentence for c in store.claims()]
    assert sentence == "Iran funds Hezbollah."


def test_two_workers_store_what_one_worker_stores(examples_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "two.duckdb"
    done = run_cli("build", str(EXAMPLES), "--db", str(db), "--workers", "2", "--quiet")
    assert done.returncode == 0, done.stderr.decode()

    def claims(path: Path) -> list[dict]:
        out = run_cli("export", "claims", "--db", str(path)).stdout.decode().splitlines()
        return [json.loads(line) for line in out]

    one, two = claims(examples_db), claims(db)
    assert len(one) == 132 and one == two
