"""Acting together: the partners of a joint phrase cooperate with the subject and share its claims."""

from tests.conftest import extract_text, triples


def test_along_with_between_commas_joins_the_subject() -> None:
    got = triples("Peru, along with Chile and Ecuador, condemned the raid by Bolivia.")
    assert {("Peru", "COOPERATES_WITH", "Chile"), ("Peru", "COOPERATES_WITH", "Ecuador")} <= got
    assert {("Peru", "OPPOSES", "Bolivia"), ("Chile", "OPPOSES", "Bolivia"), ("Ecuador", "OPPOSES", "Bolivia")} <= got


def test_together_with_and_alongside() -> None:
    got = triples("Nigerien troops, together with Malian forces, attacked Boko Haram.")
    assert {("Niger", "COOPERATES_WITH", "Mali"), ("Mali", "OPPOSES", "Boko Haram")} <= got
    got = triples("Rwandan soldiers fought the M23 rebels alongside Burundian troops.")
    assert ("Rwanda", "COOPERATES_WITH", "Burundi") in got


def test_in_coordination_with() -> None:
    got = triples("Ukraine struck the depot in coordination with Poland.")
    assert ("Ukraine", "COOPERATES_WITH", "Poland") in got


def test_along_with_after_the_object_goes_with_the_object() -> None:
    got = triples("Spain charged Hamas along with Hezbollah.")
    assert not [t for t in got if t[1] == "COOPERATES_WITH"]


def test_speaking_alongside_someone_is_no_tie() -> None:
    got = triples("The Brazilian minister testified alongside an envoy of Argentina.")
    assert not [t for t in got if t[1] == "COOPERATES_WITH"]


def test_a_joint_act_ties_those_who_perform_it() -> None:
    assert ("India", "COOPERATES_WITH", "Japan") in triples("India and Japan held joint naval exercises.")
    assert ("France", "COOPERATES_WITH", "Germany") in triples(
        "France and Germany launched a joint operation against the smugglers.")
    assert ("Colombia", "COOPERATES_WITH", "Ecuador") in triples("Colombia signed a bilateral agreement with Ecuador.")
    assert triples("Congress held a joint session on Tuesday.") == set()  # one body, no partner
    [claim] = extract_text("Russia and China do not hold joint exercises.").claims
    assert claim.negated


def test_standing_or_speaking_alongside_someone_is_no_joint_act() -> None:
    assert triples("Standing alongside the Kenyan president, Macron praised the deal.") == set()
    got = triples("Speaking alongside Ruto, Ethiopian Prime Minister Abiy Ahmed said the talks had gone well.")
    assert not [t for t in got if t[1] == "COOPERATES_WITH"]
