"""Attribution, hedging, negation and time, on sentences written for these tests."""

from tests.conftest import extract_text


def _claims(text: str) -> dict:
    return {(c.subject.name, c.relation, c.object.name if c.object else c.activity): c
            for c in extract_text(text).claims}


def test_said_that_attributes_the_reported_clause() -> None:
    claim = _claims("Evo Morales said that Cuba had armed the rebels.")[("Cuba", "ARMS", "rebels")]
    assert claim.attributed_to is not None and claim.attributed_to.name == "Evo Morales"


def test_according_to_an_unnamed_source_is_still_a_source() -> None:
    claim = _claims("According to local media, the ELN was present in Apure.")
    [(key, value)] = list(claim.items())
    assert key[1] == "OPERATES_IN" and value.attributed_to is not None
    assert value.attributed_to.text == "local media"


def test_hedges_and_denials() -> None:
    claims = _claims("Hamas reportedly received money from Iran. Cuba denied funding the ELN. "
                     "Syria never armed Hezbollah.")
    assert claims[("Iran", "FUNDS", "Hamas")].hedged
    assert claims[("Cuba", "FUNDS", "ELN")].negated
    assert claims[("Syria", "ARMS", "Hezbollah")].negated
    assert not claims[("Iran", "FUNDS", "Hamas")].negated


def test_negated_predicate_does_not_deny_a_relation_inside_its_subject() -> None:
    claims = _claims("Iran's cooperation with Bolivia is not new.")
    assert not claims[("Iran", "COOPERATES_WITH", "Bolivia")].negated


def test_time_expression_on_the_claim() -> None:
    claims = _claims("Iran's outreach to Bolivia deepened in 2012. Since 2008, Russia has financed Nicaragua.")
    assert claims[("Russia", "FUNDS", "Nicaragua")].time == "Since 2008"


def test_quotes_carry_their_speaker_across_sentences() -> None:
    result = extract_text("“The cartel is finished,” said Attorney General Maria Lopez. “For ten years, "
                          "Hezbollah funded the Sinaloa cartel.”\n\nColonel Juan Ortiz said: “Iran funds Hamas.”")
    by = {(c.subject.name, c.relation): c for c in result.claims}
    funded = by[("Hezbollah", "FUNDS")]
    assert funded.attributed_to is not None and funded.attributed_to.name == "Maria Lopez"
    arms = by[("Iran", "FUNDS")]
    assert arms.attributed_to is not None and arms.attributed_to.name == "Juan Ortiz"


def test_no_before_the_trigger_noun_denies_the_tie() -> None:
    [claim] = extract_text("Russia has no troops in Syria.").claims
    assert (claim.subject.name, claim.relation, claim.object.name, claim.negated) == (
        "Russia", "OPERATES_IN", "Syria", True)


def test_not_only_affirms() -> None:
    [claim] = extract_text("Russia not only armed the Houthis but also trained them.").claims[:1]
    assert (claim.relation, claim.negated) == ("ARMS", False)


def test_what_is_sought_or_planned_is_hedged_and_what_is_refused_denied() -> None:
    [claim] = [c for c in extract_text("Turkey blocked Sweden's bid to join NATO.").claims if c.relation == "MEMBER_OF"]
    assert claim.hedged
    [claim] = extract_text("Sweden plans to join NATO.").claims
    assert claim.hedged
    [claim] = extract_text("Sweden joined NATO in 2024.").claims
    assert not claim.hedged
    [claim] = [c for c in extract_text("Mexico refused to sell weapons to Russia.").claims if c.relation == "ARMS"]
    assert claim.negated


def test_a_refusal_rejects_whom_the_refused_act_was_towards() -> None:
    got = {(c.subject.name, c.relation, c.object.name if c.object else "", c.negated)
           for c in extract_text("Iran refused to meet American negotiators.").claims}
    assert ("Iran", "COOPERATES_WITH", "United States", True) in got
    assert ("Iran", "OPPOSES", "United States", False) in got
