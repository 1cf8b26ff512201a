"""Judgements with real rebuilds: they survive a rebuild and a changed document."""

import json
from pathlib import Path

from tests.conftest import run_cli


def _entities(db: Path) -> list[dict]:
    done = run_cli("export", "entities", "--db", str(db))
    return [json.loads(line) for line in done.stdout.decode().splitlines()]


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_judgements_survive_rebuilds_and_changed_documents(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "a.txt", "Carlos Lehder financed the Medellin Cartel in 1980.\n")
    _write(docs, "b.txt", "Prosecutors say Joe Lehder worked with the Cali Cartel.\n")
    db = tmp_path / "j.duckdb"
    assert run_cli("build", str(docs), "--db", str(db), "--workers", "1").returncode == 0
    names = {e["name"] for e in _entities(db)}
    assert {"Carlos Lehder", "Joe Lehder"} <= names
    merged = run_cli("merge", "Carlos Lehder", "Joe Lehder", "--db", str(db))
    assert merged.returncode == 0, merged.stderr.decode()
    renamed = run_cli("rename", "Carlos Lehder", "Carlos Lehder Rivas", "--db", str(db))
    assert renamed.returncode == 0, renamed.stderr.decode()

    def lehder() -> list[dict]:
        return [e for e in _entities(db) if "Lehder" in e["name"]]

    assert [(e["name"], sorted(e["doc_ids"])) for e in lehder()] == [("Carlos Lehder Rivas", ["a", "b"])]
    assert run_cli("build", str(docs), "--db", str(db), "--workers", "1").returncode == 0
    assert [e["name"] for e in lehder()] == ["Carlos Lehder Rivas"]
    _write(docs, "b.txt", "Joe Lehder later worked with the Cali Cartel and the Norte del Valle Cartel.\n")
    assert run_cli("build", str(docs), "--db", str(db), "--workers", "1").returncode == 0
    assert [(e["name"], sorted(e["doc_ids"])) for e in lehder()] == [("Carlos Lehder Rivas", ["a", "b"])]

    exported = tmp_path / "judgements.jsonl"
    assert run_cli("judgements", "--db", str(db), "--export", str(exported)).returncode == 0
    assert [json.loads(x)["kind"] for x in exported.read_text().splitlines()] == ["merge", "rename"]
    fresh = tmp_path / "fresh.duckdb"
    assert run_cli("build", str(docs), "--db", str(fresh), "--workers", "1").returncode == 0
    assert run_cli("judgements", "--db", str(fresh), "--import", str(exported)).returncode == 0
    assert [e["name"] for e in _entities(fresh) if "Lehder" in e["name"]] == ["Carlos Lehder Rivas"]

    split = run_cli("split", "Carlos Lehder Rivas", "--db", str(db))
    assert split.returncode == 0, split.stderr.decode()
    assert len(lehder()) == 2


def test_ambiguous_names_list_candidates(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "a.txt", "Raul Castro met Daniel Ortega. Fidel Castro welcomed Hugo Chavez.\n")
    db = tmp_path / "c.duckdb"
    assert run_cli("build", str(docs), "--db", str(db), "--workers", "1").returncode == 0
    done = run_cli("ties", "Castro", "--db", str(db))
    lines = done.stderr.decode().strip().splitlines()
    assert done.returncode != 0 and len(lines) == 1
    assert "Raul Castro" in lines[0] and "Fidel Castro" in lines[0]


def test_split_one_name_off_explain_every_merge_and_retype(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "a.txt", "Maria Gonzalez funds the Tren de Aragua.\n")
    _write(docs, "b.txt", "Police said M. Gonzalez met leaders of the FARC in Caracas.\n")
    _write(docs, "c.txt", "Prosecutors say Gonzalez supports Hezbollah.\n")
    db = tmp_path / "s.duckdb"
    assert run_cli("build", str(docs), "--db", str(db), "--workers", "1").returncode == 0
    why = run_cli("entity", "Maria Gonzalez", "--db", str(db)).stdout.decode()
    assert "merged Maria Gonzalez (a) + M. Gonzalez (b): surname alone, unambiguous in the corpus" in why
    assert "merged Maria Gonzalez (a) + Gonzalez (c): surname alone, unambiguous in the corpus" in why

    split = run_cli("split", "Maria Gonzalez", "--name", "M. Gonzalez", "--db", str(db))
    assert split.returncode == 0, split.stderr.decode()
    assert split.stdout.decode().splitlines() == ["Maria Gonzalez is now 2 entities:",
                                                  "  Maria Gonzalez (Person): Gonzalez, Maria Gonzalez",
                                                  "  M. Gonzalez (Person): M. Gonzalez"]
    assert run_cli("build", str(docs), "--db", str(db), "--workers", "1").returncode == 0  # the split holds
    assert sorted(e["name"] for e in _entities(db) if "Gonzalez" in e["name"]) == ["M. Gonzalez", "Maria Gonzalez"]

    retyped = run_cli("retype", "Tren de Aragua", "CriminalGroup", "--db", str(db))
    assert retyped.stdout.decode().strip() == "retyped: Tren de Aragua is now CriminalGroup"
    assert run_cli("build", str(docs), "--db", str(db), "--workers", "1").returncode == 0
    assert [e["type"] for e in _entities(db) if e["name"] == "Tren de Aragua"] == ["CriminalGroup"]
    assert "type CriminalGroup set by a user judgement" in run_cli("entity", "Tren de Aragua", "--db",
                                                                    str(db)).stdout.decode()

    listed = run_cli("judgements", "--db", str(db)).stdout.decode().splitlines()
    assert [line.split()[2:] for line in listed] == [
        ["split", "M.", "Gonzalez", "is", "not", "Maria", "Gonzalez"],
        ["retype", "Tren", "de", "Aragua:", "Group", "->", "CriminalGroup"]]
    nothing = run_cli("split", "Tren de Aragua", "--db", str(db))
    assert nothing.returncode == 2 and "there is no merge to undo" in nothing.stderr.decode()
    bad_type = run_cli("retype", "Tren de Aragua", "Planet", "--db", str(db))
    assert bad_type.returncode == 2 and "'Planet' is not one of" in bad_type.stderr.decode()
