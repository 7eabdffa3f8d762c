"""Regression tests for defects that cost facts on any text (issue 12, item 9). Invented sentences."""
from __future__ import annotations

from extraction import run


def test_fi_fronted_pronoun_names_no_project():
    ex = run("Lukuhanke alkoi syksyllä.\n\n"
             "Sitä koordinoivat Pohjanrannan kirjasto ja Lukuseura ry. "
             "Tätä tukevat Pohjanrannan säätiö ja Kivirannan rahasto.\n")
    names = {p.name.lower() for p in ex.projects}
    assert not names & {"se", "sitä", "tämä", "tätä"}, names


def test_fi_fronted_work_of_a_network_names_no_project():
    # the object "the network's work" is the network the page is about; a fronted name still names a project
    ex = run("Koivulan verkosto\n\nVerkoston toimintaa koordinoi Koivulan kaupunki, ja sitä tukee Kivirannan yliopisto.\n"
             "Suurta tarinaretkeä koordinoivat Koivulan kirjasto ja Kivirannan kaupunki.\n")
    names = {p.name for p in ex.projects}
    assert "Verkoston toiminta" not in names
    assert "Suuri tarinaretki" in names
