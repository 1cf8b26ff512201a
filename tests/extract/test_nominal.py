"""Ties stated by nouns: backing, allies, ties and their kinds, capitals standing for governments."""

from tests.conftest import extract_text, triples


def test_a_possessor_acts_on_the_of_object_of_an_act_noun() -> None:
    assert ("Iran", "SUPPORTS", "Houthis") in triples("Tehran's backing of the Houthis alarmed Saudi Arabia.")


def test_a_national_adjective_on_an_ally_names_whose_ally() -> None:
    got = triples("A close Emirati ally, Egypt, hosted the summit.")
    assert ("Egypt", "COOPERATES_WITH", "United Arab Emirates") in got


def test_the_modifier_of_a_tie_noun_names_its_kind() -> None:
    assert ("Vietnam", "TRADES_WITH", "Japan") in triples("Vietnam has deep economic ties with Japan.")
    assert ("Vietnam", "COOPERATES_WITH", "India") in triples("Vietnam has close defense ties with India.")
    assert ("Vietnam", "ASSOCIATED_WITH", "Laos") in triples("Vietnam has long ties with Laos.")


def test_building_a_tie_is_the_subjects_tie() -> None:
    assert ("Egypt", "COOPERATES_WITH", "Qatar") in triples("Egypt moved to repair ties with Qatar.")


def test_a_capital_acting_is_its_government_and_a_capital_where_something_is_stays_a_city() -> None:
    got = triples("Nairobi condemned the attack by al-Shabab. The militants have a presence in Nairobi.")
    assert ("Kenya", "OPPOSES", "Al-Shabab") in got
    assert not [t for t in got if t[1] == "OPERATES_IN" and t[2] == "Kenya"]


def test_a_short_word_of_a_persons_name_is_no_organisation() -> None:
    got = triples("South Korean President Moon Jae In met Kim Jong Un in Panmunjom.")
    assert not [t for t in got if "United Nations" in t]


def test_a_relation_noun_before_a_name() -> None:
    assert ("Armenia", "COOPERATES_WITH", "Russia") in triples("Moscow's closest ally Armenia skipped the summit.")
    assert ("Eritrea", "OPPOSES", "Ethiopia") in triples("Ethiopia's old rival Eritrea closed the border.")


def test_names_joined_by_hyphens_before_a_noun_of_a_joint_act() -> None:
    assert ("Iran", "COOPERATES_WITH", "Venezuela") in triples("The Iranian-Venezuelan accord was signed in 2007.")
    got = triples("The Ethiopia-Eritrea war ended in 2000.")
    assert {("Ethiopia", "OPPOSES", "Eritrea"), ("Eritrea", "OPPOSES", "Ethiopia")} <= got
    assert ("United States", "COOPERATES_WITH", "South Korea") in triples("New U.S.-South Korean drills began.")


def test_a_hyphenated_word_without_a_joint_noun_is_no_tie() -> None:
    assert not triples("The Franco-German border was quiet.")


def test_an_appositive_list_of_members_shares_the_clause() -> None:
    got = triples("Board members Norway, Chile and Ghana backed Sudan.")
    assert {("Norway", "SUPPORTS", "Sudan"), ("Chile", "SUPPORTS", "Sudan"), ("Ghana", "SUPPORTS", "Sudan")} <= got


def test_instances_named_with_especially() -> None:
    got = triples("Foreign powers, notably Turkey and Qatar, have expanded their presence in Somalia.")
    assert {("Turkey", "OPERATES_IN", "Somalia"), ("Qatar", "OPERATES_IN", "Somalia")} <= got


def test_a_possessive_pronoun_in_the_object_is_the_subject() -> None:
    assert ("China", "OPERATES_IN", "Djibouti") in triples("China has widened its presence in Djibouti.")


def test_calling_for_someones_release_backs_them() -> None:
    got = triples("Germany called for Navalny's release. Canada demanded the release of Michael Kovrig.")
    assert {("Germany", "SUPPORTS", "Navalny"), ("Canada", "SUPPORTS", "Michael Kovrig")} <= got
    assert not [t for t in got if t[1] == "OPPOSES"]


def test_building_ties_is_cooperation_having_them_a_tie() -> None:
    assert ("Egypt", "COOPERATES_WITH", "Qatar") in triples("Egypt moved to strengthen ties with Qatar.")
    assert ("Egypt", "ASSOCIATED_WITH", "Qatar") in triples("Egypt has ties with Qatar.")


def test_identified_as_a_member_names_the_object() -> None:
    got = triples("U.N. reports identified Abu Bakr al-Baghdadi as a leader of the Islamic State.")
    assert ("Abu Bakr al-Baghdadi", "MEMBER_OF", "Islamic State") in got
    assert not [t for t in got if t[0] == "United Nations"]


def test_troops_bases_and_embassies_in_a_place() -> None:
    assert ("Turkey", "OPERATES_IN", "Qatar") in triples("Turkish troops in Qatar took part in the parade.")
    assert ("China", "OPERATES_IN", "Cambodia") in triples("The Chinese presence in Cambodia alarmed Vietnam.")


def test_coercive_measures_placed_on_an_actor() -> None:
    got = triples("Washington imposed tariffs on Brazil and India.")
    assert {("United States", "OPPOSES", "Brazil"), ("United States", "OPPOSES", "India")} <= got
    assert ("Yemen", "OPPOSES", "Houthis") in triples("Yemen carried out airstrikes against the Houthis.")


def test_a_capital_where_nothing_acts_is_a_place() -> None:
    result = extract_text("The talks were held in Nairobi. Nairobi rejected the proposal by Ethiopia.")
    places = {m.text: m.type for m in result.mentions if m.start < 31}
    assert places.get("Nairobi") == "Place"
    assert ("Kenya", "OPPOSES", "Ethiopia") in {(c.subject.name, c.relation, c.object.name if c.object else "")
                                                 for c in result.claims}


def test_disputes_and_tensions_between_two_sides_and_summits() -> None:
    got = triples("Tensions between Sudan and Chad have risen. Venezuela's dispute with Guyana escalated.")
    assert {("Sudan", "OPPOSES", "Chad"), ("Chad", "OPPOSES", "Sudan"), ("Venezuela", "OPPOSES", "Guyana")} <= got
    got = triples("Erdogan held a summit with Putin in Sochi.")
    assert ("Recep Tayyip Erdogan", "COOPERATES_WITH", "Vladimir Putin") in got
    assert not [t for t in got if t[1] == "OPPOSES"]  # holding a summit detains nobody


def test_what_a_subject_receives_the_of_or_from_object_gives() -> None:
    assert ("Egypt", "SUPPORTS", "Sudanese army") in triples("The Sudanese army has the backing of Egypt.")
    assert ("Iran", "FUNDS", "Hezbollah") in triples("Hezbollah gets funding from Iran.")
    won = triples("Kyiv won the backing of Washington for the plan.")
    assert ("United States", "SUPPORTS", "Ukraine") in won
    assert ("Ukraine", "SUPPORTS", "United States") not in won


def test_support_sought_or_given_by_the_subject_is_not_received() -> None:
    assert ("Iran", "SUPPORTS", "Houthi") in triples("The Houthi rebels received support from Iran.")
    assert not [t for t in triples("The Houthi rebels sought support from Iran.") if t[1] == "SUPPORTS"]
    assert not [t for t in triples("The Houthi rebels lost the backing of Iran.") if t[1] == "SUPPORTS"]
    assert ("Russia", "SUPPORTS", "separatists") in triples("Moscow stepped up its support of the separatists.")


def test_a_collective_named_for_its_place_is_not_said_to_operate_there() -> None:
    assert not [t for t in triples("Security forces in Somalia killed all six attackers.") if t[1] == "OPERATES_IN"]
    assert ("Russia", "OPERATES_IN", "Syria") in triples("Russian troops in Syria shelled the town.")


def test_a_national_service_an_organisation_owns_is_not_the_states() -> None:
    assert not [t for t in triples("Al Jazeera's Turkish service interviewed the minister.") if t[2] == "Turkey"]
    assert ("Russian security services", "MEMBER_OF", "Russia") in triples(
        "Russian security services arrested the journalist.")


def test_acting_on_an_actors_influence_acts_on_the_actor() -> None:
    assert ("United States", "OPPOSES", "China") in triples(
        "The United States seeks to counter Chinese influence in Africa.")
    assert ("Japan", "OPPOSES", "China") in triples("Japan moved to contain China's expansion in the Pacific.")
    assert ("Turkey", "SUPPORTS", "Qatar") in triples("Turkey supports Qatar's ambitions.")


def test_a_containing_verb_without_an_actors_attribute_states_no_tie() -> None:
    assert triples("The central bank moved to curb inflation.") == set()
    assert not [t for t in triples("Kenya moved to curb the spread of cholera.") if t[1] == "OPPOSES"]


def test_whoever_claims_responsibility_for_an_act_did_it() -> None:
    assert ("Al-Shabab", "OPPOSES", "Kenya") in triples(
        "Al-Shabab claimed responsibility for the attack on Kenyan troops.")
    assert ("Boko Haram", "OPPOSES", "Nigeria") in triples(
        "Boko Haram claimed responsibility for the kidnapping of Nigerian soldiers.")
    assert not [t for t in triples("Al-Shabab denied responsibility for the attack on Kenyan troops.")
                if t[1] == "OPPOSES" and t[0] == "Al-Shabab"]


def test_a_light_verb_hands_its_subject_to_the_noun_and_its_object_to_the_nouns_preposition() -> None:
    assert ("Russia", "OPPOSES", "Georgia") in triples("Russia declared war on Georgia.")
    assert ("United States", "OPPOSES", "Iran") in triples("The United States put pressure on Iran.")
    assert ("Iran", "OPPOSES", "Iraq") in triples("Iran waged war on Iraq.")  # lemmatized 'wag' by the model


def test_a_presence_noun_that_the_subject_opens_sends_or_has_puts_the_subject_there() -> None:
    assert ("Gazprom", "OPERATES_IN", "Caracas") in triples("Gazprom opened an office in Caracas.")
    assert ("Russia", "OPERATES_IN", "Venezuela") in triples("The Kremlin sent military advisers to Venezuela.")
    assert ("Russia", "OPERATES_IN", "Syria") in triples("Russia has troops in Syria.")
    assert not any(kind == "OPERATES_IN" for _, kind, _ in triples("Russia withdrew its troops from Syria."))


def test_a_prefixed_demonym_is_an_attitude_not_an_owner() -> None:
    assert not any(obj == "United States" and kind != "OPPOSES"
                   for _, kind, obj in triples("Nicaragua's government uses anti-American rhetoric."))


def test_fighters_against_a_state_do_not_act_for_it() -> None:
    assert not any(obj == "Pakistan" and kind == "SUPPORTS"
                   for _, kind, obj in triples("The Taliban provide sanctuary to anti-Pakistan fighters."))


def test_what_is_done_to_an_owned_presence_noun_places_its_owner() -> None:
    assert ("Hezbollah", "OPERATES_IN", "Lebanon") in triples("Israel struck Hezbollah's bases in Lebanon.")
    got = triples("Abu Khadija led the group. Iraqi jets struck his hideout in Anbar.")
    assert {("Abu Khadija", "OPERATES_IN", "Anbar"), ("Iraq", "OPPOSES", "Abu Khadija")} <= got


def test_a_stand_on_what_a_pronoun_owns_is_a_stand_on_its_antecedent() -> None:
    assert ("Israel", "OPPOSES", "Hamas") in triples(
        "Hamas fired rockets at the border. Israel then bombed their positions.")
    assert not any(obj == "Dean Reed" for _, _, obj in triples(
        "Dean Reed wrote a role tailored to his own character, a US soldier."))


def test_a_host_has_the_guests_presence() -> None:
    assert ("Russia", "OPERATES_IN", "Cuba") in triples("Cuba hosts a Russian signals intelligence facility.")
    assert triples("Cuba hosts the talks.") == set()


def test_a_place_named_before_an_office_of_an_owner_is_where_the_owner_operates() -> None:
    assert ("Human Rights Watch", "OPERATES_IN", "Moscow") in triples("The Moscow office of Human Rights Watch closed.")
    assert ("Hezbollah", "OPERATES_IN", "Beirut") in triples("The headquarters of Hezbollah in Beirut was struck.")
    assert ("Russia", "OPERATES_IN", "Syria") in triples("The presence of Russian troops in Syria worries Israel.")
    assert not any(r == "OPERATES_IN" for _, r, _ in triples("The deployment of troops to Mali angered France."))


def test_facilities_built_or_held_in_a_place_put_their_owner_there() -> None:
    got = triples("Gazprom has subsidiaries in Serbia and Hungary.")
    assert {("Gazprom", "OPERATES_IN", "Serbia"), ("Gazprom", "OPERATES_IN", "Hungary")} <= got
    assert ("Rosneft", "OPERATES_IN", "Cuba") in triples("Rosneft built a refinery in Cuba.")


def test_a_haven_found_in_a_place_puts_its_holder_there_and_aligning_is_cooperation() -> None:
    assert ("ELN", "OPERATES_IN", "Venezuela") in triples("The ELN has found safe haven in Venezuela.")
    assert ("Nicaragua", "COOPERATES_WITH", "Russia") in triples("Nicaragua has aligned itself with Russia.")


def test_paying_a_visit_is_a_visit_not_a_payment() -> None:
    got = triples("A Nigerian frigate paid a visit to Senegal.")
    assert not [t for t in got if t[1] == "FUNDS"]
    assert ("Nigeria", "COOPERATES_WITH", "Senegal") in got
    assert ("Qatar", "FUNDS", "Hamas") in triples("Qatar paid Hamas millions of dollars.")


def test_an_actors_act_that_wins_support_for_another_is_no_support_of_its_own() -> None:
    assert triples("China's bullying boosts global support for Taiwan.") == set()
    assert ("Russia", "SUPPORTS", "Syria") in triples("Russia boosted its support for Syria.")
    assert ("Iran", "SUPPORTS", "Hamas") in triples("Iran's government boosted its support for Hamas.")


def test_a_noun_against_an_actor_is_its_holders_act_against_it() -> None:
    assert ("Kenya", "OPPOSES", "Al-Shabab") in triples("Kenya's operation against al-Shabab continues in the forest.")
    assert ("U.S. Department of Defense", "OPPOSES", "Houthis") in triples(
        "The Pentagon launched a campaign against the Houthis.")
    assert ("United Kingdom", "OPPOSES", "Al-Shabab") not in triples("Britain offered Kenya protection against "
                                                                      "al-Shabab.")
    assert triples("He was convicted of crimes against Ukraine.") == set()


def test_a_stand_on_what_was_done_to_an_actor_is_the_opposite_stand_on_the_actor() -> None:
    assert ("United States", "OPPOSES", "Nicolas Maduro") in triples("Washington welcomed Maduro's ouster.")
    got = triples("The EU condemned Russia's arrest of Evan Gershkovich.")
    assert {("European Union", "OPPOSES", "Russia"), ("European Union", "SUPPORTS", "Evan Gershkovich")} <= got
    got = triples("The EU condemned Russia's arrest of the journalist.")
    assert ("European Union", "SUPPORTS", "Russia") not in got
    got = triples("Some told reporters they agree with the removal of Rigathi Gachagua.")
    assert not [t for t in got if t[1] in ("COOPERATES_WITH", "SUPPORTS")]
    got = triples("Iran condemned the killing of Qassem Soleimani by the United States.")
    assert {("Iran", "OPPOSES", "United States"), ("Iran", "SUPPORTS", "Qassem Soleimani")} <= got
    # doing the act takes no stand on it: ordering an arrest opposes the one arrested
    assert ("Interpol", "OPPOSES", "Milorad Dodik") in triples("Interpol ordered the arrest of Milorad Dodik.")


def test_a_transfer_noun_takes_its_kind_from_what_is_moved() -> None:
    assert ("North Korea", "ARMS", "Russia") in triples("North Korea's arms transfers to Russia alarmed Seoul.")
    assert ("Russia", "ARMS", "Iran") in triples("Russian deliveries of drones to Iran continued.")
    assert ("China", "ARMS", "Pakistan") in triples("China's weapons deliveries to Pakistan rose.")
    assert triples("Kenya's coffee deliveries to Europe rose.") == set()  # coffee names no tie kind


def test_ties_two_actors_deepen_take_the_kind_their_modifier_names() -> None:
    got = triples("Tokyo and Canberra agreed to deepen defense ties.")
    assert ("Japan", "COOPERATES_WITH", "Australia") in got
    assert ("Japan", "ASSOCIATED_WITH", "Australia") not in got


def test_patron_creditor_donor_and_supplier_nouns_name_what_flows() -> None:
    assert ("China", "SUPPORTS", "North Korea") in triples("Beijing is Pyongyang's main economic lifeline.")
    assert ("United States", "ARMS", "Israel") in triples("The United States is Israel's biggest arms supplier.")
    assert ("China", "FUNDS", "Venezuela") in triples("China is Venezuela's largest creditor.")
    assert ("Japan", "FUNDS", "Palestinian Authority") in triples(
        "Japan is a major donor to the Palestinian Authority.")
    assert ("Iran", "SUPPORTS", "Hezbollah") in triples("Iran remains the chief patron of Hezbollah.")
