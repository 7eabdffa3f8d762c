"""Regression tests for defects that cost facts on any text (issue 12, item 9). Invented sentences."""
from __future__ import annotations

import pytest

from extraction import run


def test_fi_fronted_pronoun_names_no_project():
    ex = run("Lukuhanke alkoi syksyllä.\n\n"
             "Sitä koordinoivat Pohjanrannan kirjasto ja Lukuseura ry. "
             "Tätä tukevat Pohjanrannan säätiö ja Kivirannan rahasto.\n")
    names = {p.name.lower() for p in ex.projects}
    assert not names & {"se", "sitä", "tämä", "tätä"}, names


@pytest.mark.parametrize("text", [
    "News\n\nIn brief\n\nCoordinator: University of Oulu\nPartners: University of Turku\nBudget: EUR 200,000\n"
    "Duration: 2024–2026\n",
    "Uutiset\n\nHanke lyhyesti\n\nKoordinaattori: Oulun yliopisto\nKumppanit: Turun yliopisto\n"
    "Budjetti: 200 000 euroa\nKesto: 2024–2026\n",
    "Nyheter\n\nI korthet\n\nKoordinator: Åbo Akademi\nPartner: Vasa stad\nBudget: 200 000 euro\nTid: 2024–2026\n",
])
def test_the_heading_of_a_fact_box_names_no_project(text):
    assert not [p.name for p in run(text).projects if "brief" in p.name or "lyhyesti" in p.name or "korthet" in p.name]


def test_a_compound_of_the_word_joint_and_the_project_word_names_no_project():
    text = ("Uutiset\n\nKarjalan lukio sai Opetushallitukselta 20 000 euroa yhteishankkeeseen, jossa opiskelijat "
            "tekevät töitä paikallisten yritysten kanssa.\n")
    assert not [p.name for p in run(text).projects if p.name.lower().startswith("yhteishan")]


def test_fi_fronted_work_of_a_network_names_no_project():
    # the object "the network's work" is the network the page is about; a fronted name still names a project
    ex = run("Koivulan verkosto\n\nVerkoston toimintaa koordinoi Koivulan kaupunki, ja sitä tukee Kivirannan yliopisto.\n"
             "Suurta tarinaretkeä koordinoivat Koivulan kirjasto ja Kivirannan kaupunki.\n")
    names = {p.name for p in ex.projects}
    assert "Verkoston toiminta" not in names
    assert "Suuri tarinaretki" in names


def test_a_job_title_in_capitals_names_no_organisation():
    ex = run("News\n\nThe network got funding. \"It matters,\" says network coordinator Anna Berg, University Lecturer "
             "at the University of Oulu.\n")
    assert {o.name for o in ex.organisations.values()} == {"University of Oulu"}
