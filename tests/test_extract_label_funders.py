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
