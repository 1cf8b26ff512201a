"""Accusations and designations: the accused gets ALLEGED with the activity, the designator OPPOSES."""

from tests.conftest import extract_text, triples


def test_a_designation_fused_with_its_designator() -> None:
    got = triples("Hezbollah, a U.S.-designated terrorist organization, denied the report.")
    assert {("United States", "OPPOSES", "Hezbollah"), ("Hezbollah", "ALLEGED", "terrorism")} <= got


def test_designated_as_and_labelled() -> None:
    got = triples("Britain designated Hamas as a terrorist entity in 2021.")
    assert ("Hamas", "ALLEGED", "terrorism") in got


def test_accused_of_an_act_named_by_a_gerund() -> None:
    assert ("Odebrecht", "ALLEGED", "corruption") in triples("Prosecutors accused Odebrecht of bribing officials.")
    assert ("HSBC", "ALLEGED", "money_laundering") in triples("HSBC was charged with laundering cartel money.")


def test_a_terror_group_named_in_a_compound() -> None:
    assert ("Boko Haram", "ALLEGED", "terrorism") in triples("The Boko Haram terror group freed the students.")


def test_sanctions_placed_on_an_actor() -> None:
    assert ("European Union", "OPPOSES", "Belarus") in triples("The European Union placed sanctions on Belarus.")


def test_a_participle_after_a_coordination_covers_every_conjunct() -> None:
    got = triples("Viktor Bout and two Russian pilots charged with arms trafficking appeared in court.")
    assert ("Viktor Bout", "ALLEGED", "arms_trafficking") in got


def test_an_accused_act_is_the_accused_actors_alleged_by_the_accuser() -> None:
    result = extract_text("Kenya accused Sudan of backing the RSF.")
    by = {(c.subject.name, c.relation, c.object.name if c.object else ""): c for c in result.claims}
    backing = by[("Sudan", "SUPPORTS", "RSF")]
    assert backing.hedged and backing.attributed_to is not None and backing.attributed_to.name == "Kenya"
    assert ("Kenya", "SUPPORTS", "RSF") not in by


def test_an_act_warned_against_is_not_claimed() -> None:
    got = triples("Washington warned Ankara against attacking the Kurds of the YPG.")
    assert not [t for t in got if t[0] == "Turkey" and t[1] == "OPPOSES"]


def test_a_gerund_with_its_object_or_a_noun_with_of_names_the_activity() -> None:
    assert ("Juan Perez", "ALLEGED", "drug_trafficking") in triples(
        "Police in Lima arrested Juan Perez for smuggling cocaine to Europe.")
    assert ("Juan Perez", "ALLEGED", "drug_trafficking") in triples(
        "Juan Perez played a central role in the trafficking of cocaine.")


def test_a_role_in_an_activity_belongs_to_whom_the_accusing_verb_names() -> None:
    assert ("Juan Perez", "ALLEGED", "drug_trafficking") in triples(
        "The ministry sanctioned Juan Perez for playing a role in drug trafficking.")
    got = triples("The ministry sanctioned Juan Perez for his role in drug trafficking.")
    assert ("Juan Perez", "ALLEGED", "drug_trafficking") in got
    assert not any(s == "ministry" and r == "ALLEGED" for s, r, _ in got)


def test_a_role_belongs_to_its_owner_not_to_whoever_reports_it() -> None:
    from tests.conftest import triples

    got = triples("Local media report a growing role for Boko Haram in kidnapping and drug trafficking.")
    assert not any(s == "Local media" or r == "ALLEGED" and s != "Boko Haram" for s, r, _ in got)
    assert ("Boko Haram", "ALLEGED", "drug_trafficking") in got
    assert ("Ali Musa", "ALLEGED", "drug_trafficking") in triples(
        "The Treasury sanctioned Ali Musa for his role in drug trafficking.")


def test_an_activity_noun_names_who_it_is_by() -> None:
    from tests.conftest import triples

    got = triples("The main terrorist threats in the region come from the FARC and the ELN.")
    assert {("FARC", "ALLEGED", "terrorism"), ("ELN", "ALLEGED", "terrorism")} <= got
    assert ("Al-Shabab", "ALLEGED", "terrorism") in triples("Terrorist attacks by al-Shabab killed dozens of people.")
    assert ("Hezbollah", "ALLEGED", "terrorism") in triples("The terrorist threat posed by Hezbollah is growing.")
    assert not any(r == "ALLEGED" for _, r, _ in triples("Terrorist attacks in Kenya rose last year."))


def test_the_names_before_and_other_n_are_instances_of_n() -> None:
    assert ("ELN", "ALLEGED", "terrorism") in triples("The ELN and other terrorist groups recruit minors.")
    got = triples("Hamas, Hezbollah and other terrorist organizations received money from Iran.")
    assert {("Hamas", "ALLEGED", "terrorism"), ("Hezbollah", "ALLEGED", "terrorism")} <= got
    assert ("Iran", "FUNDS", "Hezbollah") in got


def test_an_accusation_whose_of_the_parser_hung_on_the_accused_noun() -> None:
    # "of" attached to "army" instead of "accused": the verb still frames the accused and the act
    assert ("Myanmar army", "ALLEGED", "human_rights_abuse") in triples(
        "The UN accused the Myanmar army of torture.")


def test_war_crimes_and_rights_violations_are_human_rights_abuses() -> None:
    assert ("Myanmar", "ALLEGED", "human_rights_abuse") in triples("The report accused Myanmar of war crimes.")
    assert ("Iran", "ALLEGED", "human_rights_abuse") in triples(
        "Rights groups accused Iran of human rights violations.")
    assert ("Syria", "ALLEGED", "human_rights_abuse") in triples("Syria was accused of atrocities.")


def test_a_designator_is_not_alleged_the_designated_activity() -> None:
    got = triples("Hezbollah was designated a terrorist organization by Argentina.")
    assert ("Hezbollah", "ALLEGED", "terrorism") in got
    assert ("Argentina", "ALLEGED", "terrorism") not in got
    got = triples("The ELN is listed as a terrorist group by the European Union.")
    assert ("European Union", "ALLEGED", "terrorism") not in got
    assert ("Hamas", "ALLEGED", "terrorism") in triples("Israel condemned the terrorist attacks by Hamas.")


def test_charges_name_the_accused_never_their_possessor() -> None:
    assert ("Nicolas Maduro", "ALLEGED", "drug_trafficking") in triples(
        "Maduro faces charges of drug trafficking in New York.")
    assert ("Alex Saab", "ALLEGED", "money_laundering") in triples(
        "Prosecutors filed charges of money laundering against Alex Saab.")
    assert triples("The United States leveled charges of drug trafficking.") == set()
    [claim] = extract_text("Alex Saab denied the allegations of money laundering.").claims
    assert claim.negated


def test_a_verb_of_the_activity_with_what_it_moves_names_its_doer() -> None:
    assert ("Sinaloa Cartel", "ALLEGED", "drug_trafficking") in triples(
        "The Sinaloa Cartel has smuggled fentanyl into the United States for years.")
    assert ("Sinaloa Cartel", "ALLEGED", "drug_trafficking") in triples(
        "Tons of cocaine were shipped to Spain by the Sinaloa Cartel.")
    assert ("ELN", "ALLEGED", "organized_crime") in triples("The ELN kidnapped two engineers in Arauca.")
    assert ("Hezbollah", "ALLEGED", "money_laundering") in triples("Hezbollah laundered money through Paraguay.")
    assert not any(r == "ALLEGED" for _, r, _ in triples("Russia sold weapons to Venezuela."))  # a lawful sale
    assert not any(r == "ALLEGED" for _, r, _ in triples("India exported drugs to Kenya."))  # medicines, maybe
    [claim] = [c for c in extract_text("The FARC did not smuggle cocaine, the report said.").claims
               if c.relation == "ALLEGED"]
    assert claim.negated
