"""The lexicon loader: every trigger row says where it comes from, and a word never means two things."""

import pytest

from claimgraph.errors import LexiconError
from claimgraph.lexicon import load, triggers
from tests.conftest import extract_text


def _row(lemma: str, kind: str, slots: str, source: str = "general") -> dict[str, str]:
    return {"lemma": lemma, "pos": "verb", "kind": kind, "slots": slots, "dir": "+", "conf": "0.5", "source": source}


def test_a_repeated_row_is_refused_with_both_places() -> None:
    with pytest.raises(LexiconError, match=r"b\.tsv row 1 \(fund verb\): FUNDS given twice \(also a\.tsv row 1"):
        triggers([("a.tsv", [_row("fund", "FUNDS", "dobj")]), ("b.tsv", [_row("fund", "FUNDS", "prep:for")])])


def test_one_slot_of_a_word_with_two_kinds_is_refused() -> None:
    with pytest.raises(LexiconError, match="slot dobj is SUPPORTS here and FUNDS"):
        triggers([("a.tsv", [_row("back", "FUNDS", "dobj"), _row("back", "SUPPORTS", "dobj")])])


def test_two_kinds_on_different_slots_are_one_word_read_two_ways() -> None:
    got = triggers([("a.tsv", [_row("work", "COOPERATES_WITH", "prep:with"), _row("work", "MEMBER_OF", "prep:for")])])
    assert {t.kind for t in got[("work", "verb")]} == {"COOPERATES_WITH", "MEMBER_OF"}


def test_a_row_without_source_is_refused() -> None:
    with pytest.raises(LexiconError, match="needs a relation kind and a source"):
        triggers([("a.tsv", [_row("fund", "FUNDS", "dobj", source="")])])


def test_the_shipped_lexicon_loads_with_cameo_rows_beside_the_general_ones() -> None:
    lex = load()
    sources = {t.source.split(":")[0] for found in lex.triggers.values() for t in found}
    assert sources == {"general", "cameo", "frames"}  # frames: reciprocal verbs no lexicon had
    [castigate] = lex.triggers[("castigate", "verb")]
    assert (castigate.kind, castigate.source) == ("OPPOSES", "cameo:111")


def test_a_cameo_verb_reads_a_tie_and_names_its_code() -> None:
    result = extract_text("The Greek foreign minister castigated Turkey on Tuesday.")
    [claim] = [c for c in result.claims if c.relation == "OPPOSES"]
    assert claim.object is not None and claim.object.name == "Turkey"
    assert claim.extractor.startswith("patterns:verb:cameo:111")  # "+learned" when the scorer would say it too


def test_attending_the_same_event_is_no_tie_between_the_attendees() -> None:
    result = extract_text("Envoys of Brazil and India attended the ceremony in Lima.")
    assert not [c for c in result.claims if c.relation == "COOPERATES_WITH"]


def test_leaders_the_actor_dictionaries_date_by_office_are_people() -> None:
    """Phoenix codes a head of state by office and dates ('[CHNGOV >20121115]'): a person, not an agency."""
    lex = load()
    for name in ("xi jinping", "nicolas maduro", "john kerry"):
        assert lex.actors[lex.aliases[name]].type == "Person", name
    for name in ("islamic state of iraq and the levant", "palestinian authority"):
        assert lex.actors[lex.aliases[name]].type != "Person", name


def test_a_bare_yaml_word_read_as_a_boolean_is_refused() -> None:
    from claimgraph.lexicon.loader import _no_booleans

    with pytest.raises(LexiconError, match=r"cues.yaml: 'false' read as a boolean"):
        _no_booleans({"negations": ["not", False]}, "cues.yaml")  # what a bare `no` becomes
    _no_booleans({"negations": ["not", "no"]}, "cues.yaml")
    assert {"no", "on"} <= set(load().cues["negations"]) | set(load().cues["time_preps"])
