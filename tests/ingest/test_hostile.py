"""Hostile and awkward inputs: every file gets read or a line saying why, no document replaces another, and
one bad record never costs the rest."""

import json
import os
from pathlib import Path

import pytest

from claimgraph.store import Store
from tests.conftest import run_cli


def _build(*args: str) -> tuple[int, list[str], str]:
    done = run_cli("build", *args, "--workers", "1", "--quiet")
    return done.returncode, done.stderr.decode().splitlines(), done.stdout.decode()


def _ids(db: Path) -> list[str]:
    lines = run_cli("export", "claims", "--db", str(db)).stdout.decode().splitlines()
    return sorted({json.loads(line)["doc_id"] for line in lines})


def test_files_with_the_same_name_in_two_folders_both_stay(tmp_path: Path) -> None:
    for year, actor in (("2019", "Iran"), ("2020", "Qatar")):
        (tmp_path / "news" / year).mkdir(parents=True)
        (tmp_path / "news" / year / "index.txt").write_text(f"{actor} funds Hezbollah.\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    code, err, _ = _build(str(tmp_path / "news"), "--db", str(db))
    assert code == 0 and _ids(db) == ["2020/index", "index"]
    assert any(line.startswith("note: ") and "read as doc_id '2020/index'" in line for line in err)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "index.txt").write_text("Cuba funds Hamas.\n", encoding="utf-8")
    code, err, _ = _build(str(tmp_path / "other"), "--db", str(db))  # a later build, a third "index"
    assert code == 0 and _ids(db) == ["2020/index", "index", "other/index"]
    assert err == [f"note: {tmp_path / 'other' / 'index.txt'}: read as doc_id 'other/index': 'index' in the store is "
                   f"{tmp_path / 'news' / '2019' / 'index.txt'}"]
    code, err, out = _build(str(tmp_path / "news"), str(tmp_path / "other"), "--db", str(db))  # all again
    assert code == 0 and "unchanged: 3" in out and _ids(db) == ["2020/index", "index", "other/index"]


def test_jsonl_records_with_odd_characters_and_deep_nesting(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    lines = [json.dumps({"id": "a", "text": "Iran funds Hezbollah.\u2028It also arms it."}),
             deep,
             '{"id": "b", "text": "Qatar finances Hamas. \\ud800 broken escape."}',
             json.dumps({"id": "c", "text": "Cuba funds the FARC.\u0085Next line."})]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    code, err, out = _build(str(feed), "--db", str(db))
    assert code == 0, err
    assert err == [f"skipped {feed}: line 2: nested too deep to be a document"]
    assert _ids(db) == ["a", "b", "c"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_reported(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    (tmp_path / "docs" / "locked").mkdir(parents=True)
    (tmp_path / "docs" / "a.txt").write_text("Iran funds Hezbollah.\n", encoding="utf-8")
    (tmp_path / "docs" / "locked").chmod(0)
    try:
        code, err, _ = _build(str(tmp_path / "docs"), "--db", str(tmp_path / "d.duckdb"))
    finally:
        (tmp_path / "docs" / "locked").chmod(0o755)
    assert code == 0 and any("cannot read folder" in line for line in err)


def test_links_pipes_and_links_outside_get_their_line(tmp_path: Path) -> None:
    docs, elsewhere = tmp_path / "docs", tmp_path / "elsewhere"
    docs.mkdir()
    elsewhere.mkdir()
    (docs / "a.txt").write_text("Iran funds Hezbollah.\n", encoding="utf-8")
    (elsewhere / "secret.txt").write_text("Qatar funds Hamas.\n", encoding="utf-8")
    (docs / "outside.txt").symlink_to(elsewhere / "secret.txt")
    (docs / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(docs / "pipe.txt")
    db = tmp_path / "d.duckdb"
    code, err, _ = _build(str(docs), "--db", str(db))
    assert code == 0 and _ids(db) == ["a"]
    assert sorted(err) == [f"skipped {docs / 'dangling.txt'}: a link to nothing",
                           f"skipped {docs / 'outside.txt'}: a link to outside the folder (--follow-links reads it)",
                           f"skipped {docs / 'pipe.txt'}: not a regular file (a pipe, socket or device)"]
    code, err, _ = _build(str(docs), "--db", str(db), "--follow-links")
    assert code == 0 and _ids(db) == ["a", "outside"]


def test_a_file_name_that_is_not_utf8_is_read_and_printed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / os.fsdecode(b"caf\xe9.txt")).write_text("Iran funds Hezbollah.\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    code, err, _ = _build(str(docs), "--db", str(db))
    assert code == 0 and err == [] and _ids(db) == ["caf\ufffd"]


def test_symbol_runs_and_line_floods_cost_little_and_the_claims_around_them_stay(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "rule.txt").write_text("=" * 16_000 + "\n\nIran funds Hezbollah.\n", encoding="utf-8")
    (docs / "flood.html.txt").write_text("<p>x</p>\n" * 3_000 + "\nQatar finances Hamas.\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    code, err, _ = _build(str(docs), "--db", str(db))
    assert code == 0 and err == [] and _ids(db) == ["flood.html", "rule"]
    with Store.open(str(db), read_only=True) as store:
        rule = store.document("rule")
    assert rule is not None and rule.text == "===\n\nIran funds Hezbollah.\n"


def test_sentence_boundaries_cost_grows_linearly_with_line_breaks() -> None:
    import time

    from claimgraph.extract import nlp

    pipeline = nlp.load()
    seconds = []
    for lines in (2_000, 8_000):
        with pipeline.select_pipes(enable=["tok2vec", "tagger"]):
            doc = pipeline("<p>x</p>\n" * lines)
        started = time.perf_counter()
        nlp.paragraph_boundaries(doc)
        seconds.append(time.perf_counter() - started)
    assert seconds[1] < 8 * seconds[0] + 0.05  # 4x the lines; quadratic would be 16x


def test_text_nested_deeper_than_the_html_parser_allows_is_kept(tmp_path: Path) -> None:
    sentence = "<p>Iran funds Hezbollah, officials in Beirut said on Monday after the cabinet met.</p>"
    page = "<html><head><title>Deep page</title></head><body>" + "<div>" * 2000 + sentence + "</div>" * 2000
    (tmp_path / "deep.html").write_text(page + "<br><img src=x></body></html>", encoding="utf-8")
    db = tmp_path / "deep.duckdb"
    code, errors, _ = _build(str(tmp_path / "deep.html"), "--db", str(db))
    assert code == 0, errors
    claims = [json.loads(line) for line in run_cli("export", "claims", "--db", str(db)).stdout.decode().splitlines()]
    assert {(c["subject"], c["relation"], c["object"]) for c in claims} >= {("Iran", "FUNDS", "Hezbollah")}


def test_the_readable_pages_of_a_truncated_pdf_are_kept_with_a_line(tmp_path: Path) -> None:
    from tests.ingest.test_readers import _minimal_pdf

    whole = _minimal_pdf("Rosneft financed the project in Caracas.")
    (tmp_path / "cut.pdf").write_bytes(whole[: whole.index(b"xref")])  # the download stopped before the end
    db = tmp_path / "cut.duckdb"
    done = run_cli("build", str(tmp_path / "cut.pdf"), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr.decode()
    assert "damaged PDF" in done.stderr.decode() + done.stdout.decode()
    with Store.open(str(db), read_only=True) as store:
        document = store.document("cut")
    assert document is not None and "Rosneft financed the project in Caracas." in document.text


def test_a_sentence_naming_a_crowd_of_actors_is_left_out_with_a_line(tmp_path: Path) -> None:
    from claimgraph.lexicon import load

    states = sorted({a.name for a in load().actors.values() if a.type == "State"})[:70]
    text = ("Iran funds Hezbollah.\n\nDelegates came from " + ", ".join(states[:-1]) + " and " + states[-1]
            + " to the summit.\n")
    (tmp_path / "crowd.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "crowd.duckdb"
    done = run_cli("build", str(tmp_path / "crowd.txt"), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr.decode()
    assert "1 sentence(s) naming more than 60 actors left out" in done.stderr.decode() + done.stdout.decode()
    claims = [json.loads(line) for line in run_cli("export", "claims", "--db", str(db)).stdout.decode().splitlines()]
    assert [(c["subject"], c["relation"], c["object"]) for c in claims] == [("Iran", "FUNDS", "Hezbollah")]


def test_a_document_over_its_time_budget_is_reported_and_the_batch_goes_on(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import claimgraph.extract as extract
    from claimgraph.pipeline import build

    (tmp_path / "a.txt").write_text("Iran funds Hezbollah.\n", encoding="utf-8")
    monkeypatch.setattr(extract, "TIME_BUDGET", 0.0)  # every document is over a budget of no time
    summary = build([str(tmp_path / "a.txt")], db=str(tmp_path / "b.duckdb"))
    assert [s.reason for s in summary.skipped] == ["over the 0 s time budget of one document (stopped at sentence 1)"]
    monkeypatch.setattr(extract, "TIME_BUDGET", 300.0)
    again = build([str(tmp_path / "a.txt")], db=str(tmp_path / "b.duckdb"))
    assert not again.skipped and again.claims == 1  # not stored, so the next build reads it
