"""Mentions and in-document coreference, on sentences written for these tests."""

from tests.conftest import extract_text, triples


def _mentions(text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.name, m.type) for m in extract_text(text).mentions}


def test_demonyms_metonyms_and_agencies() -> None:
    got = triples("The Venezuelan government sheltered ELN commanders, and the Kremlin praised Russian intelligence.")
    assert ("Venezuela", "SUPPORTS", "ELN") in got
    assert ("Russia", "SUPPORTS", "Russian intelligence") in got
    assert ("Russian intelligence", "MEMBER_OF", "Russia") in got  # an agency of Russia, not Russia


def test_gazetteer_repairs_named_entity_errors() -> None:
    found = _mentions("Rosatom and the Cartel of the Suns met in Caracas.")
    assert found["Rosatom"] == ("Rosatom", "Company")
    assert found["Cartel of the Suns"] == ("Cartel of the Suns", "CriminalGroup")


def test_unnamed_collective_actor_only_when_it_takes_part_in_a_claim() -> None:
    assert ("Drug cartels", "FUNDS", "local militias") in triples("Drug cartels financed local militias in Sinaloa.")
    assert not [m for m in extract_text("The weather hurt local farmers.").mentions if m.label == "collective"]


def test_pronoun_surname_acronym_and_definite_description() -> None:
    text = ("Carlos Lehder founded a smuggling network. Lehder later worked with the Medellin Cartel. "
            "The Office of Foreign Assets Control (OFAC) sanctioned Hezbollah. OFAC also sanctioned Hamas. "
            "The Sinaloa Cartel expanded in Honduras. The cartel later financed Los Zetas. "
            "Hugo Chavez visited Tehran. He praised Hezbollah.")
    got = triples(text)
    assert ("Carlos Lehder", "COOPERATES_WITH", "Medellin Cartel") in got
    assert {("Office of Foreign Assets Control", "OPPOSES", "Hezbollah"),
            ("Office of Foreign Assets Control", "OPPOSES", "Hamas")} <= got
    assert ("Sinaloa Cartel", "FUNDS", "Los Zetas") in got
    assert ("Hugo Chavez", "SUPPORTS", "Hezbollah") in got


def test_a_person_and_a_country_keep_apart() -> None:
    found = {m.text: m.type for m in extract_text("Jordan met Michael Jordan in Amman.").mentions}
    assert found.get("Michael Jordan") == "Person"
    assert found.get("Jordan") != "Person"


def test_peoples_and_people_nouns_are_groups_not_states() -> None:
    got = triples("A Saudi businessman is suing the United States. "
                  "Iraqi Kurds attacked Turkish positions. Ethnic Albanians demonstrated in Serbia.")
    subjects = {s for s, r, o in got if r == "OPPOSES"}
    assert {"Saudi businessman", "Iraqi Kurds", "Ethnic Albanians"} <= subjects
    assert "Saudi Arabia" not in subjects and "Iraq" not in subjects


def test_a_collective_carries_its_place() -> None:
    got = triples("Rebels in the Central African Republic attacked Bangui. Darfur rebels attacked Nyala.")
    subjects = {s for s, r, o in got if r == "OPPOSES"}
    assert {"Rebels in the Central African Republic", "Darfur rebels"} <= subjects


def test_gazetteer_takes_each_country_under_its_current_code() -> None:
    got = triples("The Azerbaijani parliament threatened Armenia on Monday.")
    assert ("Azerbaijani parliament", "OPPOSES", "Armenia") in got
    assert ("Azerbaijani parliament", "MEMBER_OF", "Azerbaijan") in got


def test_collective_actors_are_a_head_or_a_qualified_group_noun() -> None:
    got = triples("Far-right groups threatened Amnesty International. Separatist militias shelled the town of Donetsk. "
                  "Several groups attended the fair in Lyon.")
    assert ("Far-right groups", "OPPOSES", "Amnesty International") in got
    assert [t for t in got if t[0] == "Separatist militias"]
    assert not [t for t in got if t[0] == "Several groups"]


def test_a_description_beside_a_name_is_no_second_actor() -> None:
    got = triples("Lashkar-e-Taiba, a Pakistan-based terrorist organization, attacked Mumbai.")
    assert not [t for t in got if "organization" in t[0]]


def test_both_countries_and_the_two_governments_point_back_to_two_states() -> None:
    got = triples("Envoys of Chile and Peru met in Lima. Both countries signed a trade pact with Canada.")
    assert {("Chile", "COOPERATES_WITH", "Canada"), ("Peru", "COOPERATES_WITH", "Canada")} <= got


def test_a_definite_description_points_back_to_the_named_actor() -> None:
    got = triples("Hezbollah opened an office in Caracas. The group later worked with the Cartel of the Suns.")
    assert ("Hezbollah", "COOPERATES_WITH", "Cartel of the Suns") in got


def test_lists_give_every_member_the_tie() -> None:
    got = triples("Latvia, Estonia and Lithuania are members of NATO. "
                  "Iran backs groups such as Hamas and Hezbollah. "
                  "Canada sanctioned several banks, including Sberbank and VTB.")
    assert {(state, "MEMBER_OF", "NATO") for state in ("Latvia", "Estonia", "Lithuania")} <= got
    assert {("Iran", "SUPPORTS", "Hamas"), ("Iran", "SUPPORTS", "Hezbollah")} <= got
    assert {("Canada", "OPPOSES", "Sberbank"), ("Canada", "OPPOSES", "VTB")} <= got


def test_a_bracketed_list_names_the_instances_and_a_gloss_does_not() -> None:
    got = triples("Tehran armed several militias (Hamas, Hezbollah) last year.")
    assert {("Iran", "ARMS", "Hamas"), ("Iran", "ARMS", "Hezbollah")} <= got


def test_a_name_before_an_organisations_head_noun_names_that_organisation() -> None:
    found = _mentions("Police arrested members of the Los Toros gang in Lima. The Azov battalion defended the city.")
    assert found["Los Toros gang"] == ("Los Toros gang", "CriminalGroup")  # the model read "Los Toros" as a place
    assert found["Azov battalion"] == ("Azov battalion", "ArmedGroup")  # the model read no name at all
    assert ("Juan Perez", "MEMBER_OF", "Los Toros gang") in triples(
        "Juan Perez, the notorious leader of the Los Toros gang, was arrested on Monday.")


def test_a_states_name_before_a_head_noun_stays_the_state() -> None:
    found = _mentions("A Somali militia attacked the convoy. Mexico cartel violence rose.")
    assert found["Somali militia"] == ("Somali militia", "Group")  # Somalia's militia, read as a demonym phrase
    assert found["Mexico"] == ("Mexico", "State")
    assert "Mexico cartel" not in found


def test_an_offshoot_or_faction_belongs_to_its_parent() -> None:
    assert ("Jamaat Nusrat al-Islam", "MEMBER_OF", "al-Qaida") in triples(
        "Jamaat Nusrat al-Islam, an offshoot of al-Qaida, claimed the attack.")


def test_a_unit_arm_or_division_of_an_organisation_belongs_to_it() -> None:
    assert ("Los Zetas", "MEMBER_OF", "Gulf Cartel") in triples("Los Zetas began as an armed unit of the Gulf Cartel.")
    assert ("Quds Force", "MEMBER_OF", "Islamic Revolutionary Guard Corps") in triples(
        "The Quds Force, the foreign arm of the Islamic Revolutionary Guard Corps, trained the fighters.")
    assert ("Siemens Energy", "MEMBER_OF", "Siemens") in triples(
        "Siemens Energy, a division of Siemens, won the contract.")
    assert not any(kind == "MEMBER_OF" for _, kind, _ in triples("Russia sold arms of Soviet design to Venezuela."))


def test_a_place_before_an_office_names_where_it_is_held() -> None:
    assert ("Ahmad Noori", "OPERATES_IN", "Kandahar") in triples("Kandahar Governor Ahmad Noori met the visitors.")


def test_a_person_of_an_organisations_unit_belongs_to_the_organisation() -> None:
    assert ("Laura Chen", "MEMBER_OF", "Interpol") in triples(
        "Laura Chen, of Interpol's division of cybercrime, said the servers were seized.")


def test_a_known_leaders_regime_is_his_state() -> None:
    assert ("Cuba", "SUPPORTS", "Venezuela") in triples("Cuba supports the Maduro government.")
    assert ("Venezuela", "OPPOSES", "United States") in triples(
        "Maduro's government expelled the American diplomats.")
    assert ("Nicolas Maduro", "MEMBER_OF", "Venezuela") not in triples("The Maduro regime jailed the activists.")


def test_an_office_is_no_actor_and_a_name_does_not_end_on_of() -> None:
    got = triples("German Chancellor Gerhard Schröder has come under fire from the unions.")
    assert ("Gerhard Schröder", "MEMBER_OF", "Germany") in got
    assert not any(obj == "German Chancellor" for _, _, obj in got)
    names = {m.text for m in extract_text("Chidi Odinkalu of the Nigerian Human Rights Commission said that photos "
                                          "showed a bulldozer.").mentions}
    assert not any(name.endswith(" of") for name in names)


def test_a_state_the_model_ran_into_a_persons_name_stays_a_state() -> None:
    found = _mentions("Russian Ambassador to Venezuela Sergei Melik-Bagdasarov met the press.")
    assert found["Venezuela"] == ("Venezuela", "State")
    assert found["Sergei Melik-Bagdasarov"] == ("Sergei Melik-Bagdasarov", "Person")
    assert "George Washington" in _mentions("George Washington visited the troops.")


def test_a_class_noun_before_a_name_types_the_name_and_points_to_it() -> None:
    assert ("Iran", "FUNDS", "Kataib Hezbollah") in triples("Iran funds the militia Kataib Hezbollah.")
    result = extract_text("Iran funds the militia Kataib Hezbollah.")
    assert {m.text: m.type for m in result.mentions}["Kataib Hezbollah"] == "ArmedGroup"
    got = triples("Maxwell Evenor spoke. Frankie Bontemps and Anna Petrova are part of the group Chagossian Voices.")
    assert ("Anna Petrova", "MEMBER_OF", "Chagossian Voices") in got
    assert ("Frankie Bontemps", "MEMBER_OF", "Maxwell Evenor") not in got
    assert ("Anna Petrova", "MEMBER_OF", "Rosneft") in triples("Anna Petrova joined the company Rosneft in 2010.")


def test_a_known_name_tagged_as_a_common_noun_at_the_start_of_a_sentence_is_still_a_name() -> None:
    assert ("Rosneft", "COOPERATES_WITH", "Venezuela") in triples("Rosneft signed a deal with Venezuela.")
    assert ("Russia", "CONTROLS", "Rosneft") in triples("Rosneft is controlled by the Russian state.")
    assert not triples("Trade rose with China.")  # a common noun is no name, known or not


def test_a_government_placed_in_a_state_is_that_states_government() -> None:
    assert ("Russia", "SUPPORTS", "Syria") in triples("Russia supports the government in Damascus.")
    assert ("Russia", "SUPPORTS", "Mali") in triples("Russia propped up the military junta in Mali.")
    assert ("Iran", "SUPPORTS", "Houthis") in triples("Iran has propped up the Houthis.")


def test_a_nationality_before_a_private_person_noun_is_not_the_state() -> None:
    got = triples("The French politician, who is considering challenging Emmanuel Macron, spoke on Monday.")
    assert ("France", "OPPOSES", "Emmanuel Macron") not in got
    assert ("China", "COOPERATES_WITH", "TikTok") not in triples("Many Chinese teenagers are deeply engaged with "
                                                                "TikTok.")
    assert ("France", "OPPOSES", "Emmanuel Macron") in triples("French officials criticized Emmanuel Macron.")


def test_an_event_named_like_an_organisation_is_no_actor() -> None:
    got = triples("Leaders met on the sidelines of the G-7 Summit in Britain.")
    assert not [t for t in got if "Summit" in t[0] or "Summit" in t[2]]
    names = {m.text for m in extract_text("The Asian Games opened in Hangzhou, and Qatar sent athletes.").mentions}
    assert "Asian Games" not in names and "Qatar" in names
    assert "Malabar Joint Maritime Exercise" not in {
        m.text for m in extract_text("Japan held the Malabar Joint Maritime Exercise with India.").mentions}
    # an international organisation whose code also names a sector it deals in is still a bloc
    assert {(m.text, m.type) for m in extract_text("Mali quit ECOWAS last year.").mentions} >= {("ECOWAS", "Bloc")}
