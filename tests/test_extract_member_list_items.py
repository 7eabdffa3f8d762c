"""Member lists whose items name a body the way a list does, not a sentence (issue 12, constructions 1 and 8):
an item that places its body in a town ("Xyz (its name spelled out) in Town, Country"), a coalition named again
by its bare mixed-case brand in the line that opens the list, and "University of the …" names. Invented texts
in English and Swedish (Finnish places a body by a case ending, with no preposition to cut)."""
from __future__ import annotations

import pytest

from extraction import run


def members(text: str) -> dict[str, set[str]]:
    ex = run(text)
    return {c.name: {ex.organisations[m.organisation].name for m in c.members} for c in ex.coalitions}


@pytest.mark.parametrize("text, name, expected", [
    ("Coastal University stays in the European University NordLyra\n\n"
     "Coastal University is one of six universities that form the European University NordLyra.\n\n"
     "The partner universities gathered in NordLyra are:\n\n"
     "  • Qorvelle (Institut qorvellien des arts et des langues) in Lyon, France.\n"
     "  • Coastal University, Finland\n"
     "  • University of Eastbay, Italy\n"
     "  • Riverside Technical University, Spain\n",
     "NordLyra", {"Qorvelle", "Coastal University", "University of Eastbay", "Riverside Technical University"}),
    ("Kustens universitet i nätverket NordLyra\n\n"
     "Kustens universitet är ett av sex universitet i nätverket NordLyra.\n\n"
     "Universiteten som ingår i NordLyra är:\n\n"
     "  • Qorvelle (Institut qorvellien des arts et des langues) i Lyon, Frankrike.\n"
     "  • Kustens universitet, Finland\n"
     "  • Norrby universitet, Sverige\n"
     "  • Söderby högskola, Sverige\n",
     "NordLyra", {"Qorvelle", "Kustens universitet", "Norrby universitet", "Söderby högskola"}),
])
def test_list_opened_by_a_bare_mixed_case_brand_with_an_item_placed_in_a_town(text, name, expected):
    assert members(text).get(name) == expected


def test_item_name_that_runs_on_into_its_town_is_kept_whole():
    got = members("The Lumora network\n\nThe members of the Lumora network are:\n\n"
                  "  • Novena University of Applied Arts in Vaasa\n"
                  "  • Xyrdal (Institut xyrdalien des arts) in Lyon, France\n")
    assert got == {"Lumora": {"Novena University of Applied Arts in Vaasa", "Xyrdal"}}


def test_university_of_the_names_a_university():
    ex = run("The Lumora network gathers teacher educators. Its members are the University of the Northern Isles "
             "and Riverside University.\n")
    assert {o.name: o.type for o in ex.organisations.values()}.get("University of the Northern Isles") == "university"
    assert {c.name: {ex.organisations[m.organisation].name for m in c.members} for c in ex.coalitions} == \
        {"Lumora": {"University of the Northern Isles", "Riverside University"}}


def test_the_alliance_programme_term_alone_names_no_body():
    ex = run("Coastal University is one of six universities of the European University NordLyra. Our staff "
             "meet at every European University event of the year.\n")
    names = {o.name for o in ex.organisations.values()}
    assert "Coastal University" in names and "European University" not in names
