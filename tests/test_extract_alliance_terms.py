"""A programme's term for an alliance of institutions before the alliance's own name ("European University Xyz",
"European University for Xyz (XYZ)") names a coalition, though the term's head word is a university's.
Invented texts. The Finnish and Swedish forms of the term are not found as names yet, so only English is here."""
from extraction import coalitions, run

PAGE = ("Northfield University joins the European University NOVA\n\n"
        "Northfield University is one of seven universities that form the European University for Open Science "
        "(NOVA). NOVA has been granted EUR 12.8 million by the European Commission.\n\n"
        "The seven universities included in NOVA are:\n\n"
        "- Northfield University, Finland\n- University of Westby, Sweden\n- Eastvale University, Norway\n")


def test_the_alliance_is_a_coalition_named_by_its_brand_with_the_listed_members():
    assert coalitions(PAGE) == {"NOVA": {"Northfield University", "University of Westby", "Eastvale University"}}


def test_the_alliance_is_no_university():
    types = {o.name: o.type for o in run(PAGE).organisations.values()}
    assert all(t != "university" for n, t in types.items() if n.startswith("European University"))
    assert types["Northfield University"] == "university"


def test_the_funded_alliance_is_also_a_project_of_its_members():
    projects = {p.name: p for p in run(PAGE).projects}
    assert "NOVA" in projects and len(projects["NOVA"].participants) == 3


def test_european_universities_in_lower_case_plural_name_no_alliance():
    text = ("Westby University and Eastvale University are two of many European universities that teach in "
            "English.\n")
    assert coalitions(text) == {}
