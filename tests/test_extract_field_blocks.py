"""A page listing several projects as blocks of the same labels (a grant decision, a call's results): each block
is a project of its own with its applicant, sum and partners, and the page's funder pays for each; a page of one
project whose label repeats is still one project. The texts are written for these tests."""
from __future__ import annotations

import pytest

from extraction import grants

LABELLED = {
    "fi": ("Valtionavustukset 2026\n\nOpetushallitus on myöntänyt avustukset seuraaville hankkeille.\n\n"
           "Hanke: Lukutaidon polku\nHakija: Järvilaakson kaupunki\nAvustus: 120 000 euroa\n\n"
           "Hanke: Digiloikka ammatilliseen\nHakija: Pohjoisrannan ammattiopisto\nAvustus: 85 000 euroa\n\n"
           "Hanke: Yhdessä koulupihalla\nHakija: Itäkylän kunta\nAvustus: 40 000 euroa\n",
           "Opetushallitus", [("Lukutaidon polku", "Järvilaakson kaupunki", 120000),
                              ("Digiloikka ammatilliseen", "Pohjoisrannan ammattiopisto", 85000),
                              ("Yhdessä koulupihalla", "Itäkylän kunta", 40000)]),
    "sv": ("Beviljade bidrag 2026\n\nSkolverket har beviljat bidrag till följande projekt.\n\n"
           "Projekt: Läslust i norr\nSökande: Norrby kommun\nBeviljat belopp: 300 000 kronor\n\n"
           "Projekt: Digitala verkstäder\nSökande: Söderby folkhögskola\nBeviljat belopp: 150 000 kronor\n",
           "Skolverket", [("Läslust i norr", "Norrby kommun", 300000),
                          ("Digitala verkstäder", "Söderby folkhögskola", 150000)]),
    "en": ("Grants awarded in 2026\n\nThe National Agency for Education has awarded the following grants.\n\n"
           "Project: Reading Paths\nApplicant: City of Lakeside\nGrant: EUR 120,000\n\n"
           "Project: Digital Leap\nApplicant: Northbay Vocational College\nGrant: EUR 85,000\n",
           "National Agency for Education", [("Reading Paths", "City of Lakeside", 120000),
                                             ("Digital Leap", "Northbay Vocational College", 85000)]),
}


@pytest.mark.parametrize("lang", sorted(LABELLED))
def test_each_block_of_labels_is_a_project_of_its_own(lang):
    text, funder, expected = LABELLED[lang]
    got = grants(text)
    assert set(got) == {name for name, _, _ in expected}  # no project of the page's title or of a sum's label
    for name, applicant, amount in expected:
        participants, funders, got_amount, _ = got[name]
        assert participants == {(applicant, "coordinator")}
        assert funders == {funder}
        assert got_amount == amount


def test_blocks_headed_by_a_name_line_without_a_label():
    got = grants("Hankerahoitus\n\nOpetushallitus on myöntänyt rahoituksen kahdelle hankkeelle.\n\n"
                 "Lukutaidon polku\nHakija: Järvilaakson kaupunki\nKumppanit: Itäkylän kunta\nAvustus: 120 000 euroa\n\n"
                 "Digiloikka ammatilliseen\nHakija: Pohjoisrannan ammattiopisto\nAvustus: 85 000 euroa\n")
    assert got["Lukutaidon polku"][0] == {("Järvilaakson kaupunki", "coordinator"), ("Itäkylän kunta", "partner")}
    assert got["Lukutaidon polku"][2] == 120000
    assert got["Digiloikka ammatilliseen"][0] == {("Pohjoisrannan ammattiopisto", "coordinator")}
    assert got["Digiloikka ammatilliseen"][2] == 85000


def test_one_project_whose_label_repeats_stays_one_project():
    got = grants("Lukutaidon polku\n\nHakija: Järvilaakson kaupunki\nKumppani: Itäkylän kunta\n"
                 "Kumppani: Pohjoisrannan ammattiopisto\nRahoittaja: Opetushallitus\nAvustus: 120 000 euroa\n")
    assert list(got) == ["Lukutaidon polku"]
    participants, funders, amount, _ = got["Lukutaidon polku"]
    assert ("Järvilaakson kaupunki", "coordinator") in participants
    assert funders == {"Opetushallitus"} and amount == 120000
