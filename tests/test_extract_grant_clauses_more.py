"""Grants stated in running text: a short name in brackets after the receiver, a long purpose in a case, and a
later sentence naming the grant by its purpose's head noun. Invented sentences."""
import pytest

from extraction import grants, run

_FI = "Uutiset\n\nOpetushallitus myönsi avustuksia.\n\n"


def test_fi_a_short_name_in_brackets_after_the_receiver_in_the_allative():
    got = grants(_FI + "Lapin ammattikorkeakoululle (Lapin AMK) myönnettiin 0,5 miljoonaa euroa matkailualan "
                 "opiskelijoiden valmennukseen.\n")
    assert list(got) == ["matkailualan opiskelijoiden valmennus"]
    assert got["matkailualan opiskelijoiden valmennus"][2:] == (500000, "EUR")
    assert len(got["matkailualan opiskelijoiden valmennus"][0]) == 1


def test_en_a_short_name_in_brackets_after_the_receiver():
    got = grants("News\n\nThe Finnish National Agency for Education has awarded grants.\n\n"
                 "Lapland University of Applied Sciences (Lapland UAS) receives EUR 500,000 for tourism training.\n")
    assert got["tourism training"][2:] == (500000, "EUR")


def test_fi_a_purpose_in_a_case_with_a_participle_and_several_genitives_before_its_noun():
    got = grants(_FI + "Kemin kaupunki ja Lapin Nuoret ry saavat yhdessä 100 000 euroa syrjäytymisvaarassa olevien "
                 "nuorten etsivän työn kokeiluun.\n")
    assert list(got) == ["syrjäytymisvaarassa olevien nuorten etsivän työn kokeilu"]


def test_fi_a_later_sentence_names_the_grant_by_its_head_noun():
    ex = run(_FI + "Oulun ammattiopistolle myönnettiin 400 000 euroa metsäalan koulutuksen kehittämiseen.\n\n"
             "Lisäksi Kemin kaupunki ja Lapin Nuoret ry saavat yhdessä 100 000 euroa nuorten harrastustoiminnan "
             "kokeiluun. Kokeilua hallinnoi Kemin kaupunki.\n")
    roles = {(p.name, x.organisation, x.role) for p in ex.projects for x in p.participants}
    assert ("nuorten harrastustoiminnan kokeilu", "kemin-kaupunki", "coordinator") in roles
    assert not any(name.startswith("metsäalan") and org == "kemin-kaupunki" for name, org, _ in roles)
