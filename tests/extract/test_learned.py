"""The learned backend: a pair scorer beside the rules, trained by scripts/train_scorer.py, shipped in the package."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.extract.backends import EXTRACTORS, learned
from tests.conftest import ROOT, extract_text, run_cli

TWO_CONDEMNATIONS = ("Chile condemned Peru over the border incident.\n"
                     "Bolivia reportedly condemned Ecuador in a brief note that few officials read.\n")
TRAIN = ROOT / "tests" / "fixtures" / "train"


def test_the_shipped_model_loads_offline_and_says_what_it_was_trained_on() -> None:
    model = learned.load()
    assert model is not None
    manifest = model.manifest
    assert manifest["sets"] == ["gold", "voa-tune", "conll04-train"]
    assert "check" not in json.dumps(manifest)
    assert manifest["seed"] == 0 and manifest["sklearn"]
    assert "OPPOSES>" in model.classes and "COOPERATES_WITH" in model.classes
    for table in model.calibration.values():  # a calibration map never ranks a higher score as less likely
        assert table == sorted(table) and table[0] > 0 and table[-1] < 1


def _claims(text: str, extractors: str, monkeypatch: pytest.MonkeyPatch) -> list:
    monkeypatch.setenv(EXTRACTORS, extractors)
    return extract_text(text).claims


def test_confidence_is_scored_for_each_claim_not_a_constant_per_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    ruled = _claims(TWO_CONDEMNATIONS, "rules", monkeypatch)
    assert [c.relation for c in ruled] == ["OPPOSES", "OPPOSES"]
    assert len({c.confidence for c in ruled}) == 1  # the same rule: the same constant
    scored = _claims(TWO_CONDEMNATIONS, "rules,learned", monkeypatch)
    assert [(c.subject.name, c.object.name if c.object else None) for c in scored] == [
        ("Chile", "Peru"), ("Bolivia", "Ecuador")]
    assert len({c.confidence for c in scored}) == 2
    assert all(0 < c.confidence < 1 for c in scored)
    assert all(c.extractor == "patterns:verb+learned" for c in scored)  # found by both: both named


def test_rules_alone_learned_alone_and_a_bad_choice(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TWO_CONDEMNATIONS + "Russia supplies weapons to Venezuela.\n", encoding="utf-8")
    found = {}
    for choice in ("rules", "learned", "rules,learned"):
        db, out = tmp_path / f"{choice}.duckdb", tmp_path / f"{choice}.jsonl"
        assert run_cli("build", str(tmp_path / "a.txt"), "--db", str(db), "--quiet", "--extractors", choice
                       ).returncode == 0
        assert run_cli("export", "claims", "--db", str(db), "--out", str(out)).returncode == 0
        found[choice] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all("learned" not in c["extractor"] for c in found["rules"])
    assert found["learned"] and all("learned" in c["extractor"] for c in found["learned"])
    tie = lambda c: (c["subject"], c["relation"], c["object"])  # noqa: E731
    assert {tie(c) for c in found["learned"]} <= {tie(c) for c in found["rules,learned"]}
    assert {tie(c) for c in found["rules,learned"]} == {tie(c) for c in found["rules"]} == {
        ("Chile", "OPPOSES", "Peru"), ("Bolivia", "OPPOSES", "Ecuador"), ("Russia", "ARMS", "Venezuela")}
    assert [c["confidence"] for c in found["rules"]] != [c["confidence"] for c in found["rules,learned"]]
    bad = run_cli("build", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb"), "--extractors", "magic")
    assert bad.returncode == 2
    assert bad.stderr.decode().strip().splitlines() == [
        "error: unknown extractor magic: use rules, learned or rules,learned"]


def _train(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "train_scorer.py"), "--out", str(out), "--folds", "3",
                           "--data", f"{TRAIN / 'corpus'}:{TRAIN}"], capture_output=True, text=True, timeout=600)


def test_training_is_deterministic_and_a_trained_model_can_replace_the_shipped_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    for out in (first, second):
        done = _train(out)
        assert done.returncode == 0, done.stderr
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()
    monkeypatch.setenv(learned.SCORER, str(first))
    model = learned.load()
    assert model is not None and model.manifest["sets"] == ["corpus"]
    assert model.manifest["data"]["corpus: documents"] == 12
    assert set(model.classes) == {"OPPOSES>", "COOPERATES_WITH", learned.VERIFIER}
