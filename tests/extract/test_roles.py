"""How a person is described: party labels, role nouns held at an organisation; on sentences written here."""

from tests.conftest import extract_text, triples


def test_a_party_label_before_a_title_or_beside_a_name_is_membership() -> None:
    assert ("John Hale", "MEMBER_OF", "Republican Party") in triples("Republican Sen. John Hale criticized Moscow.")
    got = triples("Democratic U.S. Congresswoman Ann Brook of Ohio questioned the envoy.")
    assert ("Ann Brook", "MEMBER_OF", "Democratic Party") in got
    assert ("John Hale", "MEMBER_OF", "Republican Party") in triples("John Hale, a Republican from Ohio, spoke.")


def test_a_party_word_that_is_no_label_gives_no_membership() -> None:
    assert not any(o.endswith("Party") for _, _, o in triples("The Republican Guard shelled Kurdish villages."))
    assert not any(o.endswith("Party") for _, _, o in triples("John Hale, a conservative, disagreed."))


def test_a_post_held_at_an_organisation_is_membership() -> None:
    got = triples("Maria Lopez, the deputy special representative for Sudan at the Foreign Ministry, spoke.")
    assert ("Maria Lopez", "MEMBER_OF", "Foreign Ministry") in got
    got = triples("John Smith, an ally of the Heritage Foundation, disagreed.")
    assert ("John Smith", "MEMBER_OF", "Heritage Foundation") not in got


def test_an_initialism_tagged_as_a_person_is_a_body_and_no_antecedent_of_he() -> None:
    result = extract_text('John Smith tweeted: "The #PNH must restore order." Later, he was criticized by Canada.')
    types = {m.text: m.type for m in result.mentions}
    assert types["PNH"] != "Person"
    assert {(c.subject.name, c.relation, c.object.name if c.object else "") for c in result.claims} >= {
        ("Canada", "OPPOSES", "John Smith")}


def test_a_lower_case_phrase_is_no_name() -> None:
    result = extract_text("Ken Ross, assistant secretary for homeland defense & global security, testified.")
    assert all(any(ch.isupper() for ch in m.text) for m in result.mentions if m.label != "pronoun")


def test_measures_listed_with_including_are_acts_of_whoever_takes_them() -> None:
    got = triples("Britain will take any measures necessary, including reimposing sanctions on Iran.")
    assert ("United Kingdom", "OPPOSES", "Iran") in got
    got = triples("The report lists abuses including torturing prisoners in Syria.")
    assert not any(r == "OPPOSES" for _, r, _ in got)


def test_a_name_after_a_title_is_a_person_even_where_the_model_misses_it() -> None:
    text = ("The charges were announced by U.S. Attorney General John Barr, U.S. Attorney Ann Roe of the "
            "Southern District of New York, and Acting Administrator Uttam Dhillon of the Drug Enforcement "
            "Administration.")
    got = triples(text)
    assert ("Uttam Dhillon", "MEMBER_OF", "Drug Enforcement Administration") in got
    # a name with a title of its own does not take the title of the list's first name
    assert ("Uttam Dhillon", "MEMBER_OF", "United States") not in got
    assert ("John Barr", "MEMBER_OF", "United States") in got


def test_a_descriptor_beside_a_name_places_the_organisation() -> None:
    assert ("Grupo Bimbo", "OPERATES_IN", "Mexico") in triples(
        "Grupo Bimbo, a Mexican baking company, bought the plant.")
    assert ("ELN", "OPERATES_IN", "Colombia") in triples(
        "The ELN, a Colombian guerrilla group, kidnapped two soldiers.")
    assert ("FSB", "MEMBER_OF", "Russia") in triples("The FSB, a Russian security agency, arrested him.")


def test_a_relation_noun_beside_a_name_is_a_tie_not_a_place() -> None:
    got = triples("Hezbollah, an Iranian proxy, fired rockets.")
    assert ("Iran", "SUPPORTS", "Hezbollah") in got
    assert not [t for t in got if t[1] == "OPERATES_IN"]


def test_a_gazetteer_alias_with_a_body_and_title_keeps_them_outside_the_name() -> None:
    # Phoenix lists "CIA Director John Brennan" as an alias of John Brennan: the body and the title are read
    assert ("John Brennan", "MEMBER_OF", "CIA") in triples("CIA director John Brennan criticized the decision.")


def test_a_titles_possessor_is_the_body_the_person_belongs_to() -> None:
    assert ("Hassan Nasrallah", "MEMBER_OF", "Hezbollah") in triples(
        "Hezbollah's secretary general Hassan Nasrallah gave a speech.")


def test_people_listed_after_a_dash_or_colon_are_the_plural_nouns_instances() -> None:
    got = triples("Prosecutors charged four members of the FARC -- Jesus Santrich, Marlon Marin, Armando Gomez "
                  "and Fabio Younes.")
    assert {(name, "MEMBER_OF", "FARC") for name in ("Jesus Santrich", "Marlon Marin", "Armando Gomez",
                                                     "Fabio Younes")} <= got
    got = triples("The court named three leaders of the Sinaloa Cartel: Ismael Zambada, Ivan Guzman and Jesus "
                  "Alfredo Guzman.")
    assert ("Ivan Guzman", "MEMBER_OF", "Sinaloa Cartel") in got
    assert not any(kind == "MEMBER_OF" for _, kind, _ in triples(
        "Four members of the Sinaloa Cartel -- the group said on Monday -- were arrested."))


def test_a_spaced_dash_ends_a_name() -> None:
    names = {m.text for m in extract_text("Four members of the Sinaloa Cartel -- Luis Perez, Juan Diaz and "
                                          "Pedro Ruiz -- were arrested.").mentions}
    assert "Sinaloa Cartel" in names and not any("--" in n for n in names)


def test_a_personal_post_is_not_held_by_an_organisation() -> None:
    got = triples("In an interview with Interfax the chief of Belarus's Security Committee, Eduard Shirkovskiy, "
                  "dismissed the rumors.")
    assert not any(subject == "Interfax" for subject, _, _ in got)


def test_a_title_of_an_unknown_organisation_is_membership_and_a_field_is_no_organisation() -> None:
    got = triples("Andrew Stephens, president of Marlow Plastics, said the plant will close.")
    assert ("Andrew Stephens", "MEMBER_OF", "Marlow Plastics") in got
    got = triples('"We need water," said Bruno Pastor, a top official of the Lombard Farmers Confederation.')
    assert ("Bruno Pastor", "MEMBER_OF", "Lombard Farmers Confederation") in got
    got = triples("Secretary of State John Kerry and Dr. Naeem Ahmed, professor of International Relations at "
                  "Karachi University, spoke.")
    assert ("Naeem Ahmed", "MEMBER_OF", "Karachi University") in got
    assert not any(o in ("State", "International Relations") for _, _, o in got)


def test_a_body_a_title_and_a_name_side_by_side_is_membership_whatever_the_parse() -> None:
    assert ("Steve Hardy", "MEMBER_OF", "Coast Guard") in triples(
        "An air bubble was the only oxygen, said Coast Guard Lt. Steve Hardy.")
    assert ("Ivan Petrov", "MEMBER_OF", "Gazprom") in triples("Gazprom senior manager Ivan Petrov resigned.")
    assert ("Leonid Orlov", "MEMBER_OF", "Reuters") in triples("Reuters correspondent Leonid Orlov saw the attack.")
    got = triples('"They talk," said Turkish Presidential Advisor Mesut Kaya.')  # the title's own words
    assert not any(r == "MEMBER_OF" and s == "Mesut Kaya" and o != "Turkey" for s, r, o in got)
    subhead = "Navy Adm. Faller spoke.\n\nSOUTHCOM Commander Testifies Before Senate\n\nThe admiral spoke.\n"
    assert not triples(subhead)  # a subhead's capitals name no person ("Testifies Before" tagged PERSON)


def test_where_a_person_comes_from_or_lives_is_where_the_person_is() -> None:
    assert ("Kenny Rowe", "OPERATES_IN", "Fort Worth, Texas") in triples(
        "Kenny Rowe, a native of Fort Worth, Texas, has a dry wit.")
    assert ("Ivan Petrov", "OPERATES_IN", "Kazan") in triples("Ivan Petrov, a resident of Kazan, was arrested.")
    assert ("Maria Lopez", "OPERATES_IN", "Yatsushiro") in triples("Maria Lopez is from Yatsushiro.")
    assert ("Maria Lopez", "OPERATES_IN", "Germantown") in triples(
        "Maria Lopez rented a hotel room, commuting 60 miles from her Germantown home.")
    assert ("Vladimir Putin", "OPERATES_IN", "Sochi") in triples(
        "Putin spent the weekend at his residence in Sochi.")
    got = triples("Maria Lopez founded her publishing house, Cassava Books, in Abuja.")  # a firm, not a home
    assert ("Maria Lopez", "OPERATES_IN", "Abuja") not in got
    got = triples("Police found an Islamic State flag at their Sydney home.")  # a home is a person's
    assert not any(r == "OPERATES_IN" and s == "Islamic State" for s, r, _ in got)


def test_a_counterpart_is_the_other_side_not_the_possessor() -> None:
    assert triples("Jonas Berg met his Swedish counterpart in Oslo.") == set()
    got = triples("Jonas Berg, a senior officer from Oslo, joined his Swedish counterparts at the border.")
    assert ("Jonas Berg", "MEMBER_OF", "Sweden") not in got
    assert ("Ulf Kristersson", "MEMBER_OF", "Sweden") in triples(
        "Jonas Berg met his Swedish counterpart, Ulf Kristersson, in Oslo.")


def test_leading_a_group_of_an_organisations_members_is_membership_not_control() -> None:
    got = triples("Senator Joe Smith led a group of ten other members of the U.S. Congress in urging the "
                  "State Department to act.")
    assert ("Joe Smith", "MEMBER_OF", "U.S. Congress") in got
    assert not [t for t in got if t[1] == "CONTROLS"]
    assert ("Joe Smith", "OPPOSES", "U.S. Department of State") in got  # he urges too; Congress does not
    assert ("Kim Lee", "CONTROLS", "Hamas") in triples("Kim Lee led Hamas for a decade.")


def test_a_name_with_an_indefinite_article_is_a_kind_not_the_actor() -> None:
    assert triples("He has long called for an Asian NATO.") == set()
    assert ("NATO", "OPERATES_IN", "Europe") not in triples("Critics warned against a European NATO.")


def test_two_datelines_joined_by_a_slash_do_not_modify_each_other() -> None:
    text = ("ISLAMABAD/PENTAGON — A United States military plane has crashed in a Taliban-controlled region of "
            "Afghanistan, U.S. military officials confirmed Monday.")
    assert not [t for t in triples(text) if t[2] == "Islamabad"]


def test_a_place_that_owns_the_organisation_after_of_is_not_where_the_person_is_from() -> None:
    got = triples("International relations expert Soli Ozel of Istanbul's Kadir Has University spoke.")
    assert ("Soli Ozel", "OPERATES_IN", "Istanbul") not in got
    assert ("Brian Michaud", "OPERATES_IN", "Boston") in triples("Brian Michaud of Boston said he saw it.")


def test_a_body_before_a_press_title_is_the_beat_not_the_employer() -> None:
    got = triples("VOA White House correspondent Anita Powell contributed to this report.")
    assert ("Anita Powell", "MEMBER_OF", "VOA") in got
    assert ("Anita Powell", "MEMBER_OF", "White House") not in got
    assert ("Sabrina Singh", "MEMBER_OF", "U.S. Department of Defense") in triples(
        "Pentagon spokesperson Sabrina Singh said the strikes would continue.")


def test_a_state_joins_no_state() -> None:
    got = triples("Vietnam stands to join Asian peers such as Singapore and Thailand as magnets for medical tourism.")
    assert not [t for t in got if t[1] == "MEMBER_OF"]
    assert ("Venezuela", "MEMBER_OF", "Organization of Petroleum Exporting Countries") in triples(
        "Venezuela joined OPEC in 1960.")
