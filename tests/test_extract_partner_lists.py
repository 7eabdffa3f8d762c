"""A partners list beside a coalition whose members a sentence has named (issue 12, construction 1): the partners
are bodies the coalition works with, not members of it; where the coalition is granted money they take part in
what it was granted. With no members named, or only its chair, the partners list still gives the members.
Invented texts in English and Swedish."""
from __future__ import annotations

import pytest

from extraction import grants, run


def members(ex) -> dict[str, set[str]]:
    return {c.name: {ex.organisations[m.organisation].name for m in c.members} for c in ex.coalitions}


@pytest.mark.parametrize("text, name, stated, listed", [
    ("The QORVA consortium begins its work\n\n"
     "The QORVA consortium brings together Northfield University, Lakeside University and Riverside University "
     "to train teachers for rural schools. QORVA receives EUR 1.2 million over three years.\n\n"
     "Associated partners are:\n• City of Eastbay\n• Westshore Education Board\n",
     "QORVA", {"Northfield University", "Lakeside University", "Riverside University"},
     {"City of Eastbay", "Westshore Education Board"}),
    ("QORVA-samarbetet utbildar lärare\n\n"
     "QORVA-samarbetet mellan Norrby universitet, Söderby högskola och Västby högskola gäller lärare för "
     "landsbygdens skolor.\n\n"
     "Kommuner med i arbetet som samverkanspartner:\n• Östby kommun\n• Nordby stad\n",
     "QORVA-samarbetet", {"Norrby universitet", "Söderby högskola", "Västby högskola"},
     {"Östby kommun", "Nordby stad"}),
])
def test_partners_list_of_a_coalition_with_named_members_gives_no_members(text, name, stated, listed):
    got = members(run(text))
    assert got.get(name) == stated


def test_partners_of_a_granted_coalition_take_part_in_its_project():
    got = grants("The QORVA consortium begins its work\n\n"
                 "The QORVA consortium brings together Northfield University, Lakeside University and Riverside "
                 "University to train teachers for rural schools. QORVA receives EUR 1.2 million over three years.\n\n"
                 "Associated partners are:\n• City of Eastbay\n• Westshore Education Board\n")
    assert {org for org, _ in got["QORVA"][0]} == {"Northfield University", "Lakeside University",
                                                     "Riverside University", "City of Eastbay",
                                                     "Westshore Education Board"}


def test_partners_list_of_a_coalition_led_by_one_body_gives_its_members():
    got = members(run("The Lumora network\n\n"
                      "The Lumora network brings schools of the Norrdal valley together in outdoor teaching. The "
                      "network is coordinated by the Norrdal Education Council.\n\n"
                      "Partners:\nAlby School\nBirkala School\nCedervik School\n"))
    assert got == {"Lumora": {"Norrdal Education Council", "Alby School", "Birkala School", "Cedervik School"}}


def test_en_the_consortium_of_a_page_about_one_project_is_its_partners():
    got = grants("News\n\nA new research project, TESSERA, gathers nine partners from six countries. Fernhill "
                 "University coordinates the work.\n\nThe consortium consists of Fernhill University, Brookvale "
                 "College and the University of Marrowby, among others.\n")
    assert got["TESSERA"][0] == {("Fernhill University", "coordinator"), ("Brookvale College", "partner"),
                                 ("University of Marrowby", "partner")}
