"""Member lists and the names in them (issue 12, constructions 1 and 8): "University of the …" names."""
from __future__ import annotations

from extraction import run


def test_university_of_the_names_a_university():
    ex = run("The Lumora network gathers teacher educators. Its members are the University of the Northern Isles "
             "and Riverside University.\n")
    assert {o.name: o.type for o in ex.organisations.values()}.get("University of the Northern Isles") == "university"
    assert {c.name: {ex.organisations[m.organisation].name for m in c.members} for c in ex.coalitions} == \
        {"Lumora": {"University of the Northern Isles", "Riverside University"}}
