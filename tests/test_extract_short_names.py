"""Head-less names (issue 12, construction 8): a known actor's short form or brand from the gazetteer, in any
case ending, and acronyms written in another case than declared. Invented sentences."""
from __future__ import annotations

from extraction import run


def names(ex) -> dict[str, str]:
    return {o.name: o.key for o in ex.organisations.values()}


def test_fi_gazetteer_short_form_inflected_is_the_known_actor():
    ex = run("Metropolian opiskelijat osallistuvat uuteen kokeiluun yhdessä Opetushallituksen kanssa.\n")
    assert names(ex).get("Metropolia") == "metropolia-ammattikorkeakoulu", names(ex)


def test_sv_and_en_gazetteer_short_form_is_the_known_actor():
    sv = run("Metropolia deltar i projektet tillsammans med Åbo Akademi.\n")
    en = run("The project brings together Metropolia and the University of Turku.\n")
    assert names(sv).get("Metropolia") == "metropolia-ammattikorkeakoulu"
    assert names(en).get("Metropolia") == "metropolia-ammattikorkeakoulu"


def test_acronym_in_another_case_than_the_gazetteer_writes_it():
    ex = run("Koulutuksen järjestää SAKKY yhdessä Kuopion kaupungin kanssa.\n")
    assert names(ex).get("Sakky") == "savon-koulutuskuntayhtyma", names(ex)


def test_a_dictionary_word_in_capitals_is_no_acronym():
    ex = run("Oma koulu on paras. Sata oppilasta osallistui Kuopion kaupungin tapahtumaan.\n")
    assert set(names(ex)) == {"Kuopion kaupunki"}
