"""Coalitions named by a brand and a cooperation noun, and their members from sentences and lists (issue 12,
construction 1). Invented texts in Finnish, Swedish and English."""
from __future__ import annotations

import pytest

from extraction import coalitions, run


def members(ex, name: str) -> dict[str, str]:
    [c] = [c for c in ex.coalitions if c.name == name]
    return {ex.organisations[p.organisation].name: p.role for p in c.members}


def test_fi_hyphen_compound_named_network_with_place_list_of_municipalities_and_a_chair():
    ex = run("KIVI-verkosto kokoaa kunnat yhteen\n\n"
             "KIVI-verkosto on 20 kunnan yhteinen verkosto.\n\n"
             "Verkostoon kuuluu parikymmentä kuntaa eri puolilta maata. Tällä hetkellä mukana ovat Alavus, Birkala, "
             "Cedervik Dalsbruk ja Eräjärvi.\n\n"
             "Verkoston puheenjohtaja valitaan vuodeksi kerrallaan. Alavuden kaupunki on sen puheenjohtaja.\n")
    got = members(ex, "KIVI-verkosto")
    assert {"Birkala", "Cedervik", "Dalsbruk", "Eräjärvi"} <= set(got)
    assert all(ex.organisations[k].type == "municipality" for k in ex.organisations if k != "kivi-verkosto")
    assert got.get("Alavuden kaupunki") == "organiser"  # the chair; "Alavus" is the same town


def test_fi_list_after_a_colon_line_with_a_cooperation_compound():
    ex = run("Lukioiden yhteistyö vahvistuu\n\n"
             "Pohjanrannan lukioverkosto vahvistaa koulujen työtä alueella.\n\n"
             "Yhteistyökoulut ovat:\n\n"
             " • Alajoen lukio\n • Kivirannan lukio\n • Männistön yhteiskoulun lukio\n")
    assert set(members(ex, "Pohjanrannan lukioverkosto")) == {"Alajoen lukio", "Kivirannan lukio",
                                                              "Männistön yhteiskoulun lukio"}


def test_sv_definite_compound_alliance_with_members_after_colon():
    ex = run("Xyzalliansen\n\n"
             "Xyzalliansen är ett samarbete mellan högskolor i regionen. Xyzalliansens medlemmar är: Solvik, "
             "Kustens universitet och Nordstrands yrkeshögskola.\n")
    assert set(members(ex, "Xyzalliansen")) == {"Solvik", "Kustens universitet", "Nordstrands yrkeshögskola"}


def test_en_brand_before_cooperation_noun_and_a_pronoun_sentence_naming_members():
    ex = run("Coastal University joins new alliance\n\n"
             "Coastal University joined the ZELTRA alliance last spring. Alongside Coastal University, it also "
             "involves University of Northfield (Norway), Riverside Technical University (Spain) and University of "
             "Eastbay (Italy).\n")
    got = members(ex, "ZELTRA")
    assert {"Coastal University", "University of Northfield", "Riverside Technical University",
            "University of Eastbay"} <= set(got)


def test_en_member_list_after_a_colon_line_skips_person_lines():
    ex = run("Network members\n\n"
             "The Qorvia network gathers teacher educators from four institutions. Its members are:\n\n"
             "University of Northfield\n\n"
             "  • Anna Berg, lecturer in science education, outdoor learning, teacher education and the many ways "
             "children learn outside.\n\n"
             "Riverside University\n\n"
             "University of Eastbay\n")
    assert set(members(ex, "Qorvia")) == {"University of Northfield", "Riverside University", "University of Eastbay"}


def test_generic_cooperation_compound_names_no_coalition():
    ex = run("Hanke alkaa\n\n"
             "Kumppanuusverkosto vastaa työstä. Verkostoon kuuluvat Alajoen lukio ja Kivirannan lukio.\n")
    assert not any(c.name.lower().startswith("kumppanuus") for c in ex.coalitions)


def test_fi_cooperation_noun_as_head_of_a_lower_case_compound_name_and_its_short_form():
    ex = run("Alueen toimijat yhteen\n\n"
             "Pohjanrannan kasvatusallianssi kokoaa alueen toimijat. Kasvatusallianssi perustettiin viime vuonna. "
             "Allianssiin kuuluvat Pohjanrannan kaupunki, Pohjanrannan yliopisto ja Kivirannan ammattikorkeakoulu.\n")
    assert set(members(ex, "Pohjanrannan kasvatusallianssi")) == {
        "Pohjanrannan kaupunki", "Pohjanrannan yliopisto", "Kivirannan ammattikorkeakoulu"}
    networks = [o.name for o in ex.organisations.values() if o.type == "network"]
    assert networks == ["Pohjanrannan kasvatusallianssi"]  # the compound written alone is the same body


def test_sv_named_coalition_is_also_an_organisation_of_type_network():
    ex = run("Nytt om högskolorna\n\n"
             "Xyzsamarbetet förenar högskolor i regionen. I Xyzsamarbetet ingår Kustens universitet och "
             "Nordstrands yrkeshögskola.\n")
    assert {o.name: o.type for o in ex.organisations.values()}.get("Xyzsamarbetet") == "network"


def test_en_coalition_spelled_out_is_not_its_own_member():
    ex = run("Regional news\n\n"
             "The FURT alliance brings together universities. Members of the FURT alliance are the Federation of "
             "Universities of Regional Teaching, University of Northfield and Riverside University.\n")
    got = set(members(ex, "FURT"))
    assert {"University of Northfield", "Riverside University"} <= got
    assert not any(n.startswith("Federation") for n in got), got


def test_en_member_list_under_a_members_heading():
    ex = run("The Zorvik network connects teacher educators across the north.\n\n"
             "Members\n\n"
             "University of Northfield\n\n"
             "  • Anna Berg, lecturer: science education, outdoor learning, teacher education, schools and the "
             "many ways in which children learn outside.\n\n"
             "Riverside University\n\n"
             "University of Eastbay\n")
    assert set(members(ex, "Zorvik")) == {"University of Northfield", "Riverside University", "University of Eastbay"}


def test_en_network_name_goes_on_with_its_topic():
    ex = run("Researchers meet\n\n"
             "The Baltic Network on Rural Schools and Teacher Training met in June. Members of the network are "
             "University of Northfield and Riverside University.\n")
    assert [c.name for c in ex.coalitions] == ["Baltic Network on Rural Schools and Teacher Training"]


def test_sv_between_names_members_on_its_side_only():
    ex = run("Högskolorna samarbetar\n\n"
             "Xyzalliansen har funnits länge. I en rapport rekommenderade Utbildningsstyrelsen att alliansen ska "
             "samarbeta mellan Kustens universitet och Nordstrands yrkeshögskola.\n")
    got = set(members(ex, "Xyzalliansen"))
    assert got == {"Kustens universitet", "Nordstrands yrkeshögskola"}, got


def test_sv_a_network_is_no_member_of_itself_in_another_form():
    ex = run("Nytt nätverk\n\n"
             "Abcs Qorvia-nätverk samlar skolor. Nätverkets medlemmar är Qorvia-nätverket, Kustens gymnasium "
             "och Nordstrands skola.\n")
    for c in ex.coalitions:
        assert "Qorvia-nätverket" not in {ex.organisations[p.organisation].name for p in c.members}


def test_en_brand_network_organisation_is_named_by_its_brand():
    ex = run("Coastal University joined the ZELTRA alliance. Members of the ZELTRA alliance are Coastal "
             "University and University of Northfield.\n")
    assert "ZELTRA" in {o.name for o in ex.organisations.values() if o.type == "network"}


@pytest.mark.parametrize("text, name, members", [
    ("I nätverket NORDLÄR ingår kommunerna Norrby, Söderby och Västerby.\n", "NORDLÄR",
     {"Norrby", "Söderby", "Västerby"}),
    ("Verkosto OPEKO kokoaa yhteen Lakeuden yliopiston ja Rannikon yliopiston.\n",
     "OPEKO", {"Lakeuden yliopisto", "Rannikon yliopisto"}),
    ("The network EDUNORTH brings together Northfield University, Lakeside University and Southport College.\n",
     "EDUNORTH", {"Northfield University", "Lakeside University", "Southport College"}),
])
def test_acronym_after_a_cooperation_noun_names_the_network(text, name, members):
    ex = run(text)
    got = {c.name: {ex.organisations[m.organisation].name for m in c.members} for c in ex.coalitions}
    assert got == {name: members}


@pytest.mark.parametrize("text, name, members", [
    ("Northfield University is one of nine universities in the EDUNORTH alliance.\n", "EDUNORTH",
     {"Northfield University"}),
    ("Norrby universitet är ett av nio universitet i alliansen EDUNORTH.\n", "EDUNORTH", {"Norrby universitet"}),
])
def test_one_of_the_members_of_a_named_coalition(text, name, members):
    ex = run(text)
    assert {c.name: {ex.organisations[m.organisation].name for m in c.members} for c in ex.coalitions} == {name: members}


@pytest.mark.parametrize("text, name, members", [
    ("The EDUNORTH alliance\n\nThe universities included in EDUNORTH are:\n• Northfield University, Finland\n"
     "• Lakeside University, Sweden\n", "EDUNORTH", {"Northfield University", "Lakeside University"}),
    ("Alliansen EDUNORTH\n\nI EDUNORTH finns dessa universitet:\n• Norrby universitet\n• Söderby universitet\n",
     "EDUNORTH", {"Norrby universitet", "Söderby universitet"}),
])
def test_list_after_a_line_naming_the_coalition_by_its_bare_acronym(text, name, members):
    ex = run(text)
    assert {c.name: {ex.organisations[m.organisation].name for m in c.members} for c in ex.coalitions} == {name: members}


@pytest.mark.parametrize("text", [
    "Uutiset\n\nLapin yliopiston, Vaasan yliopiston ja Kajaanin ammattikorkeakoulun välinen KIVI-konsortio "
    "kehittää opettajankoulutusta.\n",
    "Uutiset\n\nLapin yliopiston, Vaasan yliopiston ja Kajaanin ammattikorkeakoulun välisessä KIVI-konsortiossa "
    "kehitetään opettajankoulutusta.\n",
])
def test_fi_between_postposition_ends_the_member_list_and_is_no_part_of_the_name(text):
    ex = run(text)
    assert set(members(ex, "KIVI-konsortio")) == {"Lapin yliopisto", "Vaasan yliopisto", "Kajaanin ammattikorkeakoulu"}


@pytest.mark.parametrize("text, members_", [
    ("Uutiset\n\nLapin yliopisto liittyi eurooppalaiseen yliopistoon KIVI. Sen jäseniä ovat Lapin yliopisto, "
     "Vaasan yliopisto ja Tarton yliopisto.\n", {"Lapin yliopisto", "Vaasan yliopisto", "Tarton yliopisto"}),
    ("Nyheter\n\nDet europeiska universitetet KIVI samlar sex lärosäten. Dess medlemmar är Lunds universitet, "
     "Malmö universitet och Tartu universitet.\n", {"Lunds universitet", "Malmö universitet", "Tartu universitet"}),
    ("Uutiset\n\nLapin yliopisto on mukana yliopistoallianssissa KIVI. Allianssin jäseniä ovat Lapin yliopisto, "
     "Vaasan yliopisto ja Tarton yliopisto.\n", {"Lapin yliopisto", "Vaasan yliopisto", "Tarton yliopisto"}),
    ("Nyheter\n\nLunds universitet ingår i universitetsalliansen KIVI. Alliansens medlemmar är Lunds universitet, "
     "Malmö universitet och Tartu universitet.\n", {"Lunds universitet", "Malmö universitet", "Tartu universitet"}),
])
def test_alliance_term_or_cooperation_compound_before_an_acronym_names_the_alliance(text, members_):
    ex = run(text)
    assert [c.name for c in ex.coalitions] == ["KIVI"]
    assert set(members(ex, "KIVI")) == members_


@pytest.mark.parametrize("text", [
    "Nyheter\n\nInom det regionala lärarsamarbetet Northern Teacher Education Area (NTEA) ansvarar Umeå universitet "
    "för frågor om fortbildning.\n",
    "Uutiset\n\nAlueellisessa opettajaverkostossa Northern Teacher Education Area (NTEA) Oulun yliopisto vastaa "
    "täydennyskoulutuksesta.\n",
    "News\n\nWithin the regional collaboration Northern Teacher Education Area (NTEA), Umeå University is in charge "
    "of further training.\n",
])
def test_name_spelled_out_before_its_acronym_after_a_cooperation_noun_is_a_coalition_without_members(text):
    ex = run(text)
    [c] = [c for c in ex.coalitions if c.name == "Northern Teacher Education Area"]
    assert "NTEA" in c.alt_labels and not c.members
    assert any(o.name == "Northern Teacher Education Area" and o.type == "network" for o in ex.organisations.values())


@pytest.mark.parametrize("text, name, members_", [
    ("KIVI-samarbetet ska ge fler lärare\n\nEtt nytt samarbete mellan Lunds universitet, Malmö universitet och "
     "Högskolan i Borås startar i höst.\n\nFöljande kommuner har anslutit sig som samarbetspartner:\n"
     "• Helsingborgs stad\n• Kävlinge kommun\n",
     "KIVI-samarbetet", {"Lunds universitet", "Malmö universitet", "Högskolan i Borås"}),
    ("News\n\nThe KIVI alliance between Northfield University, Riverside University and Lakeside College starts in "
     "autumn.\n\nThe alliance has the following partners:\n• Northfield City Council\n• Riverside School District\n",
     "KIVI", {"Northfield University", "Riverside University", "Lakeside College"}),
    ("Uutiset\n\nLapin yliopiston, Vaasan yliopiston ja Kajaanin ammattikorkeakoulun välinen KIVI-konsortio aloittaa "
     "syksyllä.\n\nKonsortion yhteistyökumppanit:\n• Rovaniemen kaupunki\n• Kemin kaupunki\n",
     "KIVI-konsortio", {"Lapin yliopisto", "Vaasan yliopisto", "Kajaanin ammattikorkeakoulu"}),
])
def test_partners_listed_beside_members_named_between_are_no_members(text, name, members_):
    assert set(members(run(text), name)) == members_


@pytest.mark.parametrize("text, members", [
    ("News\n\nThe City of Espoo, the City of Lahti and Aalto University form the NORKA consortium, which trains "
     "teachers.\n", {"City of Espoo", "City of Lahti", "Aalto University"}),
    ("Uutiset\n\nEspoon kaupunki, Lahden kaupunki ja Aalto-yliopisto muodostavat NORKA-konsortion.\n",
     {"Espoon kaupunki", "Lahden kaupunki", "Aalto-yliopisto"}),
    ("Nyheter\n\nEsbo stad, Lahtis stad och Aalto-universitetet bildar NORKA-konsortiet.\n",
     {"Esbo stad", "Lahtis stad", "Aalto-universitetet"}),
])
def test_bodies_that_form_a_coalition_are_its_members(text, members):
    got = coalitions(text)
    assert len(got) == 1 and next(iter(got.values())) == members


@pytest.mark.parametrize("text, members", [
    ("News\n\nAn agreement was signed between the City of Espoo, the City of Lahti and Aalto University. Under "
     "the agreement, the three form the NORKA consortium, which trains teachers.\n",
     {"City of Espoo", "City of Lahti", "Aalto University"}),
    ("Uutiset\n\nSopimuksen allekirjoittivat Espoon kaupunki, Lahden kaupunki ja Aalto-yliopisto. Nämä kolme "
     "muodostavat NORKA-konsortion, joka kouluttaa opettajia.\n", {"Espoon kaupunki", "Lahden kaupunki", "Aalto-yliopisto"}),
    ("Nyheter\n\nAvtalet undertecknades av Esbo stad, Lahtis stad och Aalto-universitetet. De tre bildar "
     "NORKA-konsortiet, som utbildar lärare.\n", {"Esbo stad", "Lahtis stad", "Aalto-universitetet"}),
])
def test_a_number_stands_for_as_many_bodies_of_the_sentence_before(text, members):
    """"… A, B and C. The three form the X consortium.": the number points back to the bodies it counts."""
    got = coalitions(text)
    assert len(got) == 1 and next(iter(got.values())) == members


def test_a_number_that_counts_otherwise_points_to_nothing():
    got = coalitions("News\n\nAn agreement was signed between the City of Espoo and Aalto University. Under the "
                     "agreement, the three form the NORKA consortium, which trains teachers.\n")
    assert not any(got.values())


@pytest.mark.parametrize("text, members", [
    ("News\n\nThe NORKA network's members are the City of Espoo and the City of Lahti. Aalto University and "
     "Oulu University lend researchers to the network, but are not members.\n", {"City of Espoo", "City of Lahti"}),
    ("Uutiset\n\nNORKA-verkoston jäseniä ovat Espoon kaupunki ja Lahden kaupunki. Aalto-yliopisto ja Oulun yliopisto "
     "tukevat verkostoa, mutta eivät ole sen jäseniä.\n", {"Espoon kaupunki", "Lahden kaupunki"}),
    ("Nyheter\n\nNORKA-nätverkets medlemmar är Esbo stad och Lahtis stad. Aalto-universitetet och Uleåborgs "
     "universitet stöder nätverket men är inte dess medlemmar.\n", {"Esbo stad", "Lahtis stad"}),
])
def test_bodies_said_not_to_be_members_are_none(text, members):
    got = coalitions(text)
    assert len(got) == 1 and next(iter(got.values())) == members


@pytest.mark.parametrize("text, name, members", [
    ("Nyheter\n\nXyzal-samarbetet mellan Norrby högskola, Söderby universitet och Västby folkhögskola har beviljats "
     "100 000 euro av Stiftelsen Alfa.\n", "Xyzal-samarbetet", {"Norrby högskola", "Söderby universitet",
                                                               "Västby folkhögskola"}),
    ("News\n\nThe Xyzal alliance between Norrby University, Söderby University and the University of Västby has been "
     "granted EUR 100,000 by the Alfa Foundation.\n", "Xyzal", {"Norrby University", "Söderby University",
                                                               "University of Västby"}),
    ("Uutiset\n\nNorrbyn yliopiston, Söderbyn yliopiston ja Västbyn ammattikorkeakoulun välinen Xyzal-verkosto sai "
     "Alfa-säätiöltä 100 000 euron rahoituksen.\n", "Xyzal-verkosto", {"Norrbyn yliopisto", "Söderbyn yliopisto",
                                                                      "Västbyn ammattikorkeakoulu"}),
])
def test_members_between_beside_a_funded_coalitions_name(text, name, members):
    # the funder is paid no membership; the bodies listed beside the name by "between" are the members
    assert coalitions(text)[name] == members


@pytest.mark.parametrize("text, name, members", [
    ("Uutiset\n\nPohjolan koulutie -verkosto\n\nPohjolan koulutie on Norrbyn yliopiston yhteistyöverkosto. Verkostoon "
     "kuuluvat Norrbyn yliopisto, Söderbyn ammattikorkeakoulu ja Västbyn kaupunki.\n", "Pohjolan koulutie -verkosto",
     {"Norrbyn yliopisto", "Söderbyn ammattikorkeakoulu", "Västbyn kaupunki"}),
    ("Nyheter\n\nNorrby skolväg -nätverket\n\nNorrby skolväg är Söderby universitets samarbetsnätverk. Nätverket består "
     "av Söderby universitet, Västby folkhögskola och Österby kommun.\n", "Norrby skolväg -nätverket",
     {"Söderby universitet", "Västby folkhögskola", "Österby kommun"}),
    ("News\n\nNorthern Schoolway -network\n\nThe network consists of Norrby University, Söderby University and the City "
     "of Västby.\n", "Northern Schoolway -network", {"Norrby University", "Söderby University", "City of Västby"}),
])
def test_name_joined_to_the_cooperation_noun_by_a_spaced_hyphen(text, name, members):
    # the owner's kind of network in the genitive ("X:n yhteistyöverkosto") describes the network, it names none
    assert coalitions(text) == {name: members}


@pytest.mark.parametrize("text, name", [
    ("About\n\nNordic Adult Education Network NORDA\n\nNORDA is a network for folk high schools in northern Norrby. "
     "The network consists of Norrby University, Söderby University and the University of Västby.\n",
     "Nordic Adult Education Network"),
    ("Om oss\n\nFolkbildningsnätverket NORDA\n\nNORDA är ett nätverk för vuxenutbildare i norra Norrby. Nätverket "
     "består av Norrby universitet, Söderby universitet och Västby universitet.\n", "NORDA"),
])
def test_a_network_defined_by_a_descriptive_phrase_keeps_its_name(text, name):
    # "NORDA is a network for …" says what the network named before is: the phrase names no second coalition
    assert list(coalitions(text)) == [name]


@pytest.mark.parametrize("text, name, organiser", [
    ("Nyheter\n\nNätverket Xyzal Norr\n\nXyzal Norr är ett nätverk för skolchefer. Norrby universitet är nätverkets "
     "samordnare och står för forskningsstöd. Nätverket består av Söderby kommun och Västby kommun.\n",
     "Nätverket Xyzal Norr", "Norrby universitet"),
    ("Uutiset\n\nXyzal-verkosto\n\nXyzal-verkosto kehittää opetusta. Norrbyn yliopisto on verkoston koordinaattori ja "
     "myöntää tutkimusavustuksia. Verkostoon kuuluvat Söderbyn kunta ja Västbyn kunta.\n", "Xyzal-verkosto",
     "Norrbyn yliopisto"),
    ("News\n\nThe Xyzal network\n\nThe Xyzal network develops teaching. Norrby University is the network's coordinator "
     "and provides research funding. The network consists of Söderby Municipality and the City of Västby.\n", "Xyzal",
     "Norrby University"),
])
def test_the_coalitions_own_role_noun_names_its_organiser_beside_words_of_money(text, name, organiser):
    ex = run(text)
    assert members(ex, name)[organiser] == "organiser"
