"""The amount of a project page (issue 12, construction 3): a "label: sum" line whose label speaks of granting
or support gives the grant, before the budget or total cost written beside it. Invented pages in each language."""
from __future__ import annotations

import pytest

from extraction import run


def amounts(text: str) -> dict[str, tuple]:
    return {p.name: (p.grants[0].amount, p.grants[0].currency) for p in run(text).projects if p.grants}


@pytest.mark.parametrize("text, expected", [
    ("Project register\n\nProject name: Coast Classroom\nLead partner: Northfield University\n"
     "Funder: Northland Foundation\nTotal budget: EUR 900,000\nGranted support: EUR 600,000\n",
     {"Coast Classroom": (600000, "EUR")}),
    ("Hankerekisteri\n\nHankkeen nimi: Rantakoulu\nToteuttaja: Turun yliopisto\nRahoittaja: Opetushallitus\n"
     "Hankkeen budjetti: 900 000 euroa\nMyönnetty EU-tuki: 600 000 euroa\n",
     {"Rantakoulu": (600000, "EUR")}),
    ("Projektbanken\n\nProjektnamn: Skogsklassen\nProjektägare: Umeå kommun\nFinansiär: Skolverket\n"
     "Total budget: 900 000 kronor\nBeviljat ESF-stöd: 600 000 kronor\n",
     {"Skogsklassen": (600000, "SEK")}),
])
def test_the_granted_sum_is_the_amount_not_the_budget_beside_it(text, expected):
    assert amounts(text) == expected


def test_a_budget_alone_still_gives_the_amount():
    got = amounts("Project register\n\nProject name: Coast Classroom\nLead partner: Northfield University\n"
                  "Funder: Northland Foundation\nTotal budget: EUR 900,000\n")
    assert got == {"Coast Classroom": (900000, "EUR")}
