"""Headlines: read in sentence case, their claims kept with offsets into the stored text."""

import json
from pathlib import Path

from claimgraph.extract import titles
from claimgraph.ingest import read_paths
from claimgraph.model import Document
from tests.conftest import extract_text


def test_title_case_headline_is_parsed_in_sentence_case_with_names_kept() -> None:
    text = ("Ankara Warns Greece Over Drilling Near Disputed Islands\n\n"
            "Officials in Ankara said on Monday that Greece would face consequences.")
    parsed, span = titles.sentence_case(text)
    assert span == (0, text.index("\n"))
    assert parsed.startswith("Ankara warns Greece over drilling near disputed islands.")
    assert len(parsed) == len(text)


def test_a_one_line_document_is_not_a_headline() -> None:
    text = "Officials In Ankara Said That Greece Would Face Consequences Soon\n"
    assert titles.sentence_case(text) == (text, None)


def test_claims_of_a_headline_keep_the_stored_spelling_and_offsets() -> None:
    text = ("Turkey Threatens Greece With Sanctions Over Island Dispute\n\n"
            "The two neighbours have quarrelled for decades over the Aegean Sea.")
    result = extract_text(text)
    claims = [c for c in result.claims if c.char_start == 0]
    assert any((c.subject.name, c.relation, c.object.name if c.object else "") == ("Turkey", "OPPOSES", "Greece")
               for c in claims)
    for claim in claims:
        assert text[claim.char_start : claim.char_end] == claim.sentence
        assert claim.sentence == text[: text.index("\n")]
        assert claim.trigger in claim.sentence


def test_a_jsonl_title_becomes_the_first_line_of_the_stored_text(tmp_path: Path) -> None:
    row = {"id": "n1", "title": "Iran Arms Houthi Rebels, Officials Say", "text": "The shipments began in 2015."}
    (tmp_path / "n.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    [document] = [d for d in read_paths([str(tmp_path)]) if isinstance(d, Document)]
    assert document.text.startswith("Iran Arms Houthi Rebels, Officials Say\n\nThe shipments")
    assert document.title == "Iran Arms Houthi Rebels, Officials Say"


def test_a_title_repeated_as_a_line_of_the_body_keeps_no_capitals_of_its_own() -> None:
    text = "Fleet Admiral Praises Allies in Oslo\n\nFleet Admiral Praises Allies in Oslo\n\n" \
           "The admiral spoke for an hour in Oslo.\n"
    parsed, span = titles.sentence_case(text)
    assert span is not None and parsed.startswith("Fleet admiral praises allies in Oslo.")
