"""Regression tests for defects that cost facts on any text (issue 12, item 9). Invented sentences."""
from __future__ import annotations

from extraction import run


def test_fi_fronted_pronoun_names_no_project():
    ex = run("Lukuhanke alkoi syksyllä.\n\n"
             "Sitä koordinoivat Pohjanrannan kirjasto ja Lukuseura ry. "
             "Tätä tukevat Pohjanrannan säätiö ja Kivirannan rahasto.\n")
    names = {p.name.lower() for p in ex.projects}
    assert not names & {"se", "sitä", "tämä", "tätä"}, names
