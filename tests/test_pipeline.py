"""`claimgraph build` end to end: a real DuckDB file, the real spaCy model, the real CLI."""

import json
import shutil
from pathlib import Path

from tests.conftest import EXAMPLES, run_cli

SECTION5 = ["doc_id", "subject", "subject_aliases", "subject_type", "relation", "object", "object_aliases",
            "object_type", "trigger", "sentence", "char_start", "char_end", "attributed_to", "hedged", "negated",
            "time", "confidence"]


def _claims(db: Path) -> list[dict]:
    done = run_cli("export", "claims", "--db", str(db))
    assert done.returncode == 0, done.stderr.decode()
    return [json.loads(line) for line in done.stdout.decode().splitlines()]


def test_every_example_yields_section5_claims_anchored_in_their_sentence(examples_db: Path) -> None:
    claims = _claims(examples_db)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in EXAMPLES.glob("*.txt")}
    assert {c["doc_id"] for c in claims} == set(texts)
    for claim in claims:
        assert all(field in claim for field in SECTION5)
        assert texts[claim["doc_id"]][claim["char_start"] : claim["char_end"]] == claim["sentence"]
        assert 0 <= claim["confidence"] <= 1
        if claim["relation"] == "ALLEGED":
            assert claim["object_type"] == "Activity"


def test_seed_network_is_read_as_claims(examples_db: Path) -> None:
    seed = {(c["subject"], c["relation"], c["object"]) for c in _claims(examples_db)
            if c["doc_id"] == "seed-russia-latam"}
    assert ("Rosneft", "FUNDS", "Russia") in seed
    assert ("Izzat Ibrahim al-Duri", "OPERATES_IN", "Venezuela") in seed
    assert ("Tareck El Aissami", "ASSOCIATED_WITH", "Hezbollah") in seed


def test_rebuild_changes_nothing_and_a_changed_file_replaces_its_claims(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("seed-russia-latam.txt", "state-crt-2019-venezuela.txt"):
        shutil.copy(EXAMPLES / name, folder / name)
    db = tmp_path / "g.duckdb"
    assert run_cli("build", str(folder), "--db", str(db), "--workers", "1").returncode == 0
    first = _claims(db)
    again = run_cli("build", str(folder), "--db", str(db), "--workers", "1")
    said = again.stdout.decode()  # this run added nothing; the store still holds everything
    assert "unchanged: 2" in said and "new or replaced claims: 0" in said
    assert "store now: documents: 2, entities: " in said and f"claims: {len(first)}" in said
    assert [c["claim_id"] for c in _claims(db)] == [c["claim_id"] for c in first]
    (folder / "state-crt-2019-venezuela.txt").write_text("Hamas finances Hezbollah.\n", encoding="utf-8")
    assert run_cli("build", str(folder), "--db", str(db), "--workers", "1").returncode == 0
    changed = [c for c in _claims(db) if c["doc_id"] == "state-crt-2019-venezuela"]
    assert [(c["subject"], c["relation"], c["object"]) for c in changed] == [("Hamas", "FUNDS", "Hezbollah")]
    seed_before = [c["claim_id"] for c in first if c["doc_id"] == "seed-russia-latam"]
    assert [c["claim_id"] for c in _claims(db) if c["doc_id"] == "seed-russia-latam"] == seed_before


def test_bad_files_in_a_folder_are_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(EXAMPLES / "seed-russia-latam.txt", folder)
    (folder / "random.pdf").write_bytes(bytes(range(256)) * 16)
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "m.duckdb"
    done = run_cli("build", str(folder), "--db", str(db), "--workers", "1", "--quiet")
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "random.pdf" in err and "empty.txt" in err and "Traceback" not in err
    assert "documents read: 1" in done.stdout.decode() and "skipped: 2" in done.stdout.decode()
    assert {c["doc_id"] for c in _claims(db)} == {"seed-russia-latam"}


def test_missing_path_and_foreign_database_fail_with_one_line(tmp_path: Path) -> None:
    done = run_cli("build", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb"))
    assert done.returncode != 0
    assert done.stderr.decode().strip().splitlines() == [f"error: no such file or folder: {tmp_path / 'nope'}"]
    assert not (tmp_path / "x.duckdb").exists()
    fake = tmp_path / "notes.duckdb"
    fake.write_text("these are my notes, not a database\n")
    done = run_cli("export", "claims", "--db", str(fake))
    lines = done.stderr.decode().strip().splitlines()
    assert done.returncode != 0 and len(lines) == 1 and "not a claimgraph store" in lines[0]
    assert fake.read_text() == "these are my notes, not a database\n"


def test_stdin_and_jsonl_sources_count_for_corroboration(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    rows = [{"id": f"r{i}", "text": "The Kremlin finances Hezbollah.", "source": src} for i, src in
            enumerate(["Outlet A", "Outlet B", "Outlet A"])]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert run_cli("build", str(feed), "--db", str(db), "--workers", "1").returncode == 0
    done = run_cli("build", "-", "--db", str(db), "--workers", "1", stdin=b"Iran funds Hezbollah.\n")
    assert done.returncode == 0
    ties = run_cli("ties", "Hezbollah", "--db", str(db), "--format", "jsonl")
    found = {(t["subject"], t["relation"]): t for t in map(json.loads, ties.stdout.decode().splitlines())}
    assert found[("Russia", "FUNDS")]["claims"] == 3 and found[("Russia", "FUNDS")]["sources"] == 2
    assert found[("Iran", "FUNDS")]["evidence"][0]["doc_id"] == "stdin-c5d5c0a8c7b3"  # a hash of the text
    named = run_cli("build", "-", "--id", "wire-7", "--db", str(db), "--workers", "1", stdin=b"Qatar funds Hamas.\n")
    assert named.returncode == 0  # a second stdin build adds a document, it does not replace the first
    assert json.loads(run_cli("stats", "--db", str(db), "--format", "json").stdout)["documents"] == 5


def test_stats_and_entities_export(examples_db: Path) -> None:
    stats = json.loads(run_cli("stats", "--db", str(examples_db), "--format", "json").stdout)
    assert stats["documents"] == 11 and stats["claims"] > 50 and stats["schema_version"] == 5
    lines = run_cli("export", "entities", "--db", str(examples_db)).stdout.decode().splitlines()
    entities = [json.loads(line) for line in lines]
    assert len(entities) == stats["entities"]
    russia = next(e for e in entities if e["name"] == "Russia")
    assert russia["type"] == "State" and "seed-russia-latam" in russia["doc_ids"] and "Moscow" in russia["aliases"]


def test_min_confidence_filters_the_export(examples_db: Path) -> None:
    every = _claims(examples_db)
    done = run_cli("export", "claims", "--db", str(examples_db), "--min-confidence", "0.7")
    strong = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert strong and len(strong) < len(every)
    assert all(c["confidence"] >= 0.7 for c in strong)


def test_a_document_a_rule_fails_on_is_reported_and_the_rest_is_built(tmp_path: Path, monkeypatch) -> None:
    """Fault injection: one rule raises on one document's text; the library build goes on without it."""
    from claimgraph.extract.backends import rules
    from claimgraph.pipeline import build

    real = rules.PATTERNS[0]

    def failing(sent, args, lex):  # type: ignore[no-untyped-def]
        if "Atlantis" in sent.text:
            raise ValueError("a rule tripped")
        return real(sent, args, lex)

    monkeypatch.setattr(rules, "PATTERNS", (failing, *rules.PATTERNS[1:]))
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text("Hamas finances Hezbollah.\n", encoding="utf-8")
    (folder / "bad.txt").write_text("Atlantis funds Hamas.\n", encoding="utf-8")
    db = tmp_path / "g.duckdb"
    summary = build([str(folder)], db=str(db), workers=1)
    assert summary.read == 1
    assert [Path(s.path).name for s in summary.skipped] == ["bad.txt"]
    assert "ValueError: a rule tripped" in summary.skipped[0].reason
    assert {(c["subject"], c["relation"], c["object"]) for c in _claims(db)} == {("Hamas", "FUNDS", "Hezbollah")}


def test_a_store_held_by_another_process_says_who_holds_it(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "held.duckdb"
    assert run_cli("build", str(EXAMPLES / "seed-russia-latam.txt"), "--db", str(db), "--workers", "1").returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                               "print('held', flush=True); time.sleep(60)"], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        done = run_cli("build", str(EXAMPLES / "seed-russia-latam.txt"), "--db", str(db))
        err = done.stderr.decode().strip()
        assert done.returncode != 0 and "Traceback" not in err
        assert f"pid {holder.pid}" in err and "not a claimgraph store" not in err and "--db" in err
    finally:
        holder.kill()
        holder.wait()
