"""The Phoenix converter: a group's people, listed among its aliases, become people."""

import importlib.util
from pathlib import Path

import pytest

from claimgraph import lexicon

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("convert_phoenix", ROOT / "scripts" / "convert_phoenix.py")
assert spec is not None and spec.loader is not None
convert = importlib.util.module_from_spec(spec)
spec.loader.exec_module(convert)


def test_person_like_aliases_of_a_group(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "GIVEN_NAMES", {"HASSAN", "IMAD"})  # main() fills it from the dictionaries
    siblings = ["HASSAN_NASRALLAH", "NASRALLAH", "ISLAMIC_RESISTANCE", "IMAD_MUGHNIYEH"]
    assert convert.person_like("HASSAN_NASRALLAH", siblings)
    assert convert.person_like("SHEIKH_NASRALLAH", siblings)  # an honorific
    assert convert.person_like("NASRALLAH", siblings)  # a surname another alias ends with
    assert not convert.person_like("ISLAMIC_RESISTANCE", siblings)
    assert not convert.person_like("HASSAN_MARTYRS_BRIGADES", siblings)  # named after a person, still a group


def test_the_shipped_gazetteer_types_a_groups_leader_as_a_person() -> None:
    actors = lexicon.load().actors
    assert actors["phx:mil:hassan-nasrallah"].type == "Person"
    assert actors["phx:mil:hassan-nasrallah"].country == "LBN"
