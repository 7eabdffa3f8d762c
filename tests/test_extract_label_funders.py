"""A project page that states its grant under a label naming the funder in a compound ("EU-rahoitus",
"Beviljade EU-medel", the lexicons' labels) and names no funder otherwise: the known body the label names pays for
that sum (issue 12, construction 3). All texts are invented."""
from __future__ import annotations

import pytest

from extraction import grants


@pytest.mark.parametrize("text, amount", [
    ("Läslyftet\n\nProjektnamn: Läslyftet\nHuvudsökande: Norrby folkhögskola\nTidsperiod: 2019-01-01 - 2020-12-31\n"
     "Beviljade EU-medel: 52610\nTotal projektkostnad: 90000\n", 52610.0),
    ("Lukuloikka\n\nHankkeen nimi: Lukuloikka\nToteuttaja: Savon koulutuskuntayhtymä\nHankeaika: 1.1.2019–31.12.2020\n"
     "EU-rahoitus: 120 000 €\nKokonaisbudjetti: 200 000 €\n", 120000.0),
])
def test_the_body_a_sums_label_names_funds_the_project(text, amount):
    (parts, funders, got, _), = grants(text).values()
    assert funders == {"EU"} and got == amount


def test_a_funder_field_of_the_page_is_the_funder_and_the_label_names_none():
    text = ("Lukuloikka\n\nHankkeen nimi: Lukuloikka\nToteuttaja: Savon koulutuskuntayhtymä\n"
            "Rahoittaja: Etelä-Savon ELY-keskus\nHankeaika: 1.1.2019–31.12.2020\nEU-rahoitus: 120 000 €\n")
    (parts, funders, got, _), = grants(text).values()
    assert funders == {"Etelä-Savon ELY-keskus"} and got == 120000.0


@pytest.mark.parametrize("text", [
    "Nordplus project database\n\nProject title: Forest Numbers\nSub-programme: Nordplus Junior\n"
    "Applicant: Kestrel School\nPeriod: 2024-08 – 2026-06\nGrant awarded: 24 000 EUR\n",
    "Nordplus – projektkatalog\n\nProjekttitel: Skogens tal\nDelprogram: Nordplus Junior\n"
    "Projektperiod: 2024-08-01 – 2026-06-30\nBeviljat belopp: 24 000 EUR\n",
    "Nordplus-hanketietokanta\n\nHankkeen nimi: Metsän luvut\nAlaohjelma: Nordplus Junior\nHakija: Porin kaupunki\n"
    "Hankeaika: 1.8.2024–30.6.2026\nMyönnetty avustus: 24 000 euroa\n",
])
def test_a_programme_register_with_a_sum_and_no_funder_is_paid_by_the_programmes_body(text):
    (parts, funders, got, currency), = grants(text).values()
    assert funders == {"Nordplus"} and got == 24000.0 and currency == "EUR"


def test_a_funder_stated_on_the_page_is_not_replaced_by_the_programmes_body():
    text = ("Project register\n\nProject title: Forest Numbers\nProgramme: Erasmus+ KA2\nFunded by: European Union\n"
            "Applicant: Kestrel School\nGrant awarded: 24 000 EUR\n")
    (parts, funders, got, _), = grants(text).values()
    assert funders == {"European Union"} and got == 24000.0


@pytest.mark.parametrize("text, authority, fund", [
    ("Hankkeet\n\nLukupolku 2.0\n\nHankkeen nimi: Lukupolku 2.0\nToteuttaja: Porin kaupunki\n"
     "Rahoittava viranomainen: Satakunnan ELY-keskus\nRahasto: Euroopan sosiaalirahasto plus (ESR+)\n"
     "Hankeaika: 1.3.2024–28.2.2026\nMyönnetty tuki: 300 000 euroa\n",
     "Satakunnan ELY-keskus", "Euroopan sosiaalirahasto"),
    ("Projekt\n\nLäsvägen\n\nProjektnamn: Läsvägen\nProjektägare: Gävle kommun\nFinansiär: Svenska ESF-rådet\n"
     "Fond: Europeiska socialfonden\nProjektperiod: 2024-01-01 – 2025-12-31\nBeviljat belopp: 300 000 kr\n",
     "Svenska ESF-rådet", "Europeiska socialfonden"),
    ("Projects\n\nReading Path\n\nProject title: Reading Path\nCoordinator: City of Kestrel\n"
     "Funding organisation: Swedish ESF Council\nFund: European Social Fund\nAmount granted: SEK 300,000\n",
     "Swedish ESF Council", "European Social Fund"),
])
def test_a_fund_field_names_a_funder_beside_the_authority(text, authority, fund):
    (parts, funders, _, _), = grants(text).values()
    assert funders == {authority, fund}


@pytest.mark.parametrize("text, fund, amount, currency", [
    ("Projekt\n\nSjövägen\n\nProjektnamn: Sjövägen\nProjektägare: Gävle kommun\nProjekttid: 2024-01-01 – 2025-12-31\n"
     "Budget: 2 miljoner kronor, varav 1,2 miljoner kronor från Europeiska socialfonden\n",
     "Europeiska socialfonden", 2000000, "SEK"),
    ("Projects\n\nSea Path\n\nProject title: Sea Path\nCoordinator: City of Kestrel\nProject period: 2024–2025\n"
     "Budget: EUR 2 million, of which EUR 1.2 million is from NordForsk\n",
     "NordForsk", 2000000, "EUR"),
    ("Hankkeet\n\nMeripolku\n\nHankkeen nimi: Meripolku\nToteuttaja: Porin kaupunki\nHankeaika: 2024–2025\n"
     "Budjetti: 2 miljoonaa euroa, josta 1,2 miljoonaa euroa Euroopan aluekehitysrahastosta\n",
     "Euroopan aluekehitysrahasto", 2000000, "EUR"),
])
def test_the_body_a_sums_value_says_the_money_comes_from_funds_the_project(text, fund, amount, currency):
    (parts, funders, got, cur), = grants(text).values()
    assert (funders, got, cur) == ({fund}, amount, currency)
