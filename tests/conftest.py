"""Shared fixtures: the real spaCy model, real DuckDB files in tmp folders, the examples corpus."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.extract import Extraction, extract_batch
from claimgraph.model import Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def extract_text(text: str, doc_id: str = "t") -> Extraction:
    [result] = extract_batch([Document(doc_id=doc_id, text=text)])
    return result


def triples(text: str) -> set[tuple[str, str, str]]:
    """(subject name, relation, object name or activity) of every claim read in the text."""
    result = extract_text(text)
    return {(c.subject.name, c.relation, c.object.name if c.object else c.activity or "") for c in result.claims}


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimgraph.cli", *args], input=stdin, capture_output=True,
                          timeout=600, check=False)


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/ built once into a real DuckDB file (read-only use)."""
    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    done = run_cli("build", str(EXAMPLES), "--db", str(db), "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr.decode()
    return db


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, folder)
    return folder
