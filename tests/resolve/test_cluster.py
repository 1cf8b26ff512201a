"""Resolution rules on protos built by hand (no NLP): what merges, what stays apart, and why."""

from collections import Counter

from claimgraph.resolve import resolve
from claimgraph.resolve.cluster import Proto
from claimgraph.resolve.judgements import Judgement


def _proto(key: str, mtype: str, *names: str, doc: str = "d1", country: str | None = None,
           anchored: bool = False) -> Proto:
    return Proto(key, mtype, Counter({n: 1 for n in names}), {doc}, country, anchored)


def _groups(protos: list[Proto], judgements: list[Judgement] | None = None) -> list[set[str]]:
    resolution = resolve({p.key: p for p in protos}, judgements or [])
    groups: dict[str, set[str]] = {}
    for key, eid in resolution.key_to_id.items():
        groups.setdefault(eid, set()).add(key)
    return sorted(groups.values(), key=lambda g: sorted(g))


def test_transliteration_particle_title_and_initial_variants_merge() -> None:
    protos = [_proto("p:1", "Person", "Tarek al-Aissami", doc="a"),
              _proto("p:2", "Person", "Tareck El Aissami", doc="b"),
              _proto("p:3", "Person", "Gen. John F. Kelly", doc="c"), _proto("p:4", "Person", "John Kelly", doc="d"),
              _proto("p:5", "Person", "Kelly", doc="e")]
    assert _groups(protos) == [{"p:1", "p:2"}, {"p:3", "p:4", "p:5"}]


def test_acronym_joins_its_long_form_and_country_prefix_is_dropped() -> None:
    protos = [_proto("o:1", "Agency", "Office of Foreign Assets Control", doc="a"),
              _proto("o:2", "Agency", "OFAC", doc="b"),
              _proto("o:3", "Agency", "U.S. Southern Command", doc="c"),
              _proto("o:4", "Agency", "Southern Command", doc="d")]
    assert _groups(protos) == [{"o:1", "o:2"}, {"o:3", "o:4"}]


def test_a_person_never_joins_a_state_and_two_countries_stay_apart() -> None:
    protos = [_proto("s:jordan", "State", "Jordan", anchored=True), _proto("p:jordan", "Person", "Jordan"),
              _proto("p:a", "Person", "Maria Lopez", country="MEX", doc="x"),
              _proto("p:b", "Person", "Maria Lopez", country="ESP", doc="y")]
    assert _groups(protos) == [{"p:a"}, {"p:b"}, {"p:jordan"}, {"s:jordan"}]


def test_an_ambiguous_surname_joins_nobody() -> None:
    protos = [_proto("p:1", "Person", "Raul Castro", doc="a"), _proto("p:2", "Person", "Fidel Castro", doc="b"),
              _proto("p:3", "Person", "Castro", doc="c")]
    assert {"p:3"} in _groups(protos)


def test_judgements_override_the_rules_in_order() -> None:
    protos = [_proto("p:1", "Person", "Tarek al-Aissami", doc="a"),
              _proto("p:2", "Person", "Tareck El Aissami", doc="b"),
              _proto("o:1", "Group", "Cartel of the Suns", doc="a"),
              _proto("o:2", "Group", "Cartel de los Soles", doc="b")]
    judgements = [Judgement("split", ("p:1", "p:2"), made_at="2026-01-01T00:00:00"),
                  Judgement("merge", ("o:1",), ("o:2",), made_at="2026-01-02T00:00:00")]
    assert _groups(protos, judgements) == [{"o:1", "o:2"}, {"p:1"}, {"p:2"}]
    later = [*judgements, Judgement("merge", ("p:2",), ("p:1",), made_at="2026-01-03T00:00:00")]
    assert _groups(protos, later) == [{"o:1", "o:2"}, {"p:1", "p:2"}]  # the latest judgement on a pair wins
    renamed = resolve({p.key: p for p in protos}, [Judgement("rename", ("o:1",), name="Los Soles", made_at="x")])
    assert any(e["name"] == "Los Soles" for e in renamed.entities)


def test_a_split_is_a_negative_edge_no_rule_crosses_even_through_a_third_name() -> None:
    protos = [_proto("p:1", "Person", "Carlos Ruiz", doc="a"), _proto("p:2", "Person", "Carlos Ruiz", doc="b"),
              _proto("p:3", "Person", "Ruiz", doc="c")]
    assert _groups(protos) == [{"p:1", "p:2", "p:3"}]
    apart = [Judgement("split", ("p:2",), ("p:1", "p:3"), made_at="2026-01-01T00:00:00")]
    # p:2 stands alone; "Ruiz" then fits two full-name clusters, so it joins neither
    assert _groups(protos, apart) == [{"p:1"}, {"p:2"}, {"p:3"}]


def test_retype_and_unsure() -> None:
    protos = [_proto("p:1", "Place", "Ollanta Humala", doc="a")]
    retyped = resolve({p.key: p for p in protos}, [Judgement("retype", ("p:1",), value="Person", made_at="x")])
    assert [e["type"] for e in retyped.entities] == ["Person"]
    unsure = [Judgement("unsure", ("p:1",), ("p:2",), made_at="x")]
    assert _groups([*protos, _proto("p:2", "Place", "Lima", doc="b")], unsure) == [{"p:1"}, {"p:2"}]


def test_a_judgement_refuses_an_unknown_kind_or_type() -> None:
    import pytest

    from claimgraph.errors import InputError

    with pytest.raises(InputError, match="unknown actor type 'Planet'"):
        Judgement("retype", ("p:1",), value="Planet")
    with pytest.raises(InputError, match="unknown judgement kind"):
        Judgement("guess", ("p:1",))


def test_every_merge_keeps_its_rule() -> None:
    protos = [_proto("p:3", "Person", "Gen. John F. Kelly", doc="c"), _proto("p:5", "Person", "Kelly", doc="e")]
    [entity] = resolve({p.key: p for p in protos}).entities
    assert "surname alone" in entity["attributes"]


def test_a_first_name_alone_joins_only_within_a_shared_document() -> None:
    protos = [_proto("p:1", "Person", "Jim Garrison", doc="a"), _proto("p:2", "Person", "Jim", doc="b"),
              _proto("p:3", "Person", "Nadia Murad", doc="c"), _proto("p:4", "Person", "Nadia", doc="c")]
    assert _groups(protos) == [{"p:1"}, {"p:2"}, {"p:3", "p:4"}]
