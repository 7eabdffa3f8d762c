"""Affiliations written once for several people, after a semicolon, or in a roster of "Name, Organisation"
pairs. All sentences, people and most organisations are invented."""
from __future__ import annotations

import pytest

from extraction import affiliations


@pytest.mark.parametrize("text, org", [
    ("Hankkeesta kertoivat Jyväskylän yliopiston professori Matti Ahonen ja Anna Korhonen.\n", "Jyväskylän yliopisto"),
    ("Projektet leds av Karin Berg och Erik Holm, Stockholms universitet.\n", "Stockholms universitet"),
    ("The study was led by Jane Smith and John Brown, University of Turku.\n", "University of Turku"),
])
def test_coordinated_people_share_one_affiliation(text, org):
    assert set(affiliations(text).values()) == {org}
    assert len(affiliations(text)) == 2


def test_genitive_owner_of_first_title_is_not_shared_with_a_second_title():
    got = affiliations("Puheenvuorot: Jyväskylän yliopiston rehtori Matti Ahonen ja pääministeri Sanna Koivisto.\n")
    assert got == {"Matti Ahonen": "Jyväskylän yliopisto", "Sanna Koivisto": None}


def test_sv_title_and_organisation_after_semicolon():
    got = affiliations("Medverkande:\n\nErik Holm; rektor för Vasa övningsskola: Skolan och framtiden\n")
    assert got == {"Erik Holm": "Vasa övningsskola"}


@pytest.mark.parametrize("text", [
    "Keskustelijoina Maija Mäkinen, Alfapuolue; Anna Korhonen, Beeta; Matti Ahonen, Gamma Nyt sekä Erik Holm, "
    "Opetusalan Ammattijärjestö.\n",
    "I panelen: Karin Berg, Alfapartiet; Erik Holm, Beta; Anna Lind, Gamma Nu och Maria Ek, Lärarförbundet.\n",
    "Panellists: Jane Smith, Alpha Party; John Brown, Beta; Mary Jones, Gamma Now and Peter Green, "
    "University of Turku.\n",
])
def test_roster_of_name_organisation_pairs(text):
    got = affiliations(text)
    assert len(got) == 4 and all(got.values())
    assert sorted(got.values())[0][:1] == "A"


def test_roster_of_names_and_places_makes_no_organisations():
    got = affiliations("Keskustelijoina Maija Mäkinen, Kuopio; Anna Korhonen, Lahti; Matti Ahonen, Oulu.\n")
    assert set(got.values()) == {None}


def test_name_title_pairs_are_no_roster():
    got = affiliations("Puhujat: Maija Mäkinen, rehtori; Anna Korhonen, opettaja; Matti Ahonen, professori.\n")
    assert set(got.values()) == {None}


@pytest.mark.parametrize("text, person, org", [
    ("Hankerekisteri\n\nHakijan virallinen nimi: Itä-Suomen yliopisto\n\nPostitoimipaikka: Joensuu\n\n"
     "Hankkeen yhteyshenkilön nimi: Maija Mäkinen\n\nYhteyshenkilön sähköposti: maija(at)example.fi\n",
     "Maija Mäkinen", "Itä-Suomen yliopisto"),
    ("Projektregister\n\nHuvudsökande: Åbo Akademi\n\nOrt: Vasa\n\nProjektets kontaktperson: Karin Berg\n",
     "Karin Berg", "Åbo Akademi"),
    ("Project register\n\nLead applicant: University of Turku\n\nCity: Turku\n\nProject contact person: Jane Smith\n",
     "Jane Smith", "University of Turku"),
])
def test_register_contact_person_speaks_for_the_applicant(text, person, org):
    assert affiliations(text) == {person: org}


def test_en_long_title_with_capitals_before_at_organisation():
    got = affiliations("Jane Smith, Professor of Education at the University of Turku, says the results are clear.\n")
    assert got == {"Jane Smith": "University of Turku"}


@pytest.mark.parametrize("text, org", [
    ("Maija Mäkinen työskentelee Jyväskylän yliopistossa tutkijana.\n", "Jyväskylän yliopisto"),
    ("Maija Mäkinen toimii rehtorina Jyväskylän normaalikoulussa.\n", "Jyväskylän normaalikoulu"),
    ("Maija Mäkinen kävi Jyväskylän yliopistossa.\n", None),
])
def test_fi_verb_of_working_with_workplace_in_place_case(text, org):
    assert affiliations(text) == {"Maija Mäkinen": org}
