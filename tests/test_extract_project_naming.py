"""Projects named by the shape of a clause: a definition ("X is a three-year project"), a naming word after
the project word ("a project called X") and an apposition ("a joint project, X, which …"), in fi, sv and en,
with the facts of the same sentence attached to the project. Invented texts."""
import pytest

from extraction import run


def projects(text: str) -> dict[str, set[tuple[str, str]]]:
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    return {p.name: {(name[x.organisation], x.role) for x in p.participants} for p in ex.projects}


@pytest.mark.parametrize("text, project, roles", [
    ("News\n\nSkillBridge is a three-year project coordinated by Northfield University.\n",
     "SkillBridge", {("Northfield University", "coordinator")}),
    ("Nyheter\n\nSkolbron är ett treårigt projekt som leds av Norrby universitet.\n",
     "Skolbron", {("Norrby universitet", "coordinator")}),
    ("Uutiset\n\nKoulusilta on kolmivuotinen hanke, jota koordinoi Itä-Suomen yliopisto.\n",
     "Koulusilta", {("Itä-Suomen yliopisto", "coordinator")}),
])
def test_a_definition_names_the_project(text, project, roles):
    assert projects(text) == {project: roles}


@pytest.mark.parametrize("text, project, roles", [
    ("News\n\nNorthfield University leads a new project called SkillBridge together with Lakeside University.\n",
     "SkillBridge", {("Northfield University", "coordinator"), ("Lakeside University", "partner")}),
    ("Nyheter\n\nNorrby universitet leder ett nytt projekt som heter Skolbron tillsammans med Söderby högskola.\n",
     "Skolbron", {("Norrby universitet", "coordinator"), ("Söderby högskola", "partner")}),
    ("Uutiset\n\nItä-Suomen yliopisto ja Turun yliopisto ovat käynnistäneet yhteisen hankkeen nimeltä Koulusilta.\n",
     "Koulusilta", {("Itä-Suomen yliopisto", "partner"), ("Turun yliopisto", "partner")}),
])
def test_a_naming_word_after_the_project_word_names_the_project(text, project, roles):
    assert projects(text) == {project: roles}


@pytest.mark.parametrize("text, project, body", [
    ("News\n\nNorthfield University and Lakeside University have launched a joint project, SkillBridge, "
     "which is funded by the National Agency for Education.\n", "SkillBridge", "Lakeside University"),
    ("Nyheter\n\nNorrby universitet och Söderby högskola har startat ett gemensamt projekt, Skolbron, "
     "som finansieras av Skolverket.\n", "Skolbron", "Söderby högskola"),
])
def test_a_name_in_apposition_to_the_project_word(text, project, body):
    ex = run(text)
    assert [p.name for p in ex.projects] == [project]
    assert project not in {o.name for o in ex.organisations.values()}  # the name is the project's, not a body's
    assert body in {ex.organisations[x.organisation].name for x in ex.projects[0].participants}


@pytest.mark.parametrize("text", [
    "News\n\nEducation is a project of the whole society. Northfield University takes part.\n",
    "News\n\nNorthfield University is a partner in the project.\n",
    "News\n\nIt is a project that Northfield University leads.\n",
    "News\n\nHakkarainen is a project manager at Northfield University.\n",
    "Uutiset\n\nLukuinto on hankkeen tavoite, ja sitä koordinoi Turun yliopisto.\n",
    "Nyheter\n\nSkolverket är en av finansiärerna i projektet.\n",
])
def test_no_project_from_a_role_a_common_word_or_a_pronoun(text):
    assert projects(text) == {}


@pytest.mark.parametrize("text", [
    "Lukuviikko Lapissa\n\nKoulut esittelivät projekteissa tehtyjä töitä. Mukana olivat Turun yliopisto ja "
    "Itä-Suomen yliopisto.\n",
    "Reading Week North\n\nThe schools presented work from their projects. Taking part were Northfield "
    "University and Lakeside University.\n",
])
def test_a_page_opening_on_projects_in_the_plural_is_about_no_project(text):
    # (Swedish writes the plural "projekt" as the singular: no such test there)
    assert projects(text) == {}


def test_a_page_opening_on_the_project_is_about_the_project_of_its_title():
    assert projects("Lukuviikko Lapissa\n\nHankkeessa koulut esittelivät töitä. Mukana olivat Turun yliopisto ja "
                    "Itä-Suomen yliopisto.\n") == \
        {"Lukuviikko Lapissa": {("Turun yliopisto", "partner"), ("Itä-Suomen yliopisto", "partner")}}


@pytest.mark.parametrize("text, project, roles", [
    # a programme's name with its plus and its action code among the modifiers
    ("News\n\nQUILLSTONE is an Erasmus+ KA2 project coordinated by Fernhill University.\n",
     "QUILLSTONE", {("Fernhill University", "coordinator")}),
    # a compound adjective of funding ("EU-funded") is a modifier, not a cue that the subject funds
    ("News\n\nScientists at Fernhill University will lead QUILLSTONE, a new EU-funded project on tidal schools.\n",
     "QUILLSTONE", {("Fernhill University", "coordinator")}),
    ("News\n\nQUILLSTONE is a state-funded project led by Fernhill University.\n",
     "QUILLSTONE", {("Fernhill University", "coordinator")}),
    # a programme known as a body among the modifiers
    ("News\n\nQUILLSTONE is a two-year Nordplus Junior project coordinated by Fernhill University.\n",
     "QUILLSTONE", {("Fernhill University", "coordinator")}),
    # a heading sets the name apart with a dash
    ("Paper Lanterns – a Nordplus Junior project\n\nPaper Lanterns is led by Fernhill University in partnership "
     "with Brookvale College.\n",
     "Paper Lanterns", {("Fernhill University", "coordinator"), ("Brookvale College", "partner")}),
])
def test_a_project_word_after_modifiers_of_its_programme_names_the_project(text, project, roles):
    assert projects(text) == {project: roles}


def test_a_name_after_a_naming_word_is_no_organisation_whatever_its_head_word():
    ex = run("News\n\nFernhill University has started a two-year project called Harbour School Voices.\n")
    assert [p.name for p in ex.projects] == ["Harbour School Voices"]
    assert {o.name for o in ex.organisations.values()} == {"Fernhill University"}


def test_a_known_acronym_inside_a_name_in_capitals_is_no_body():
    ex = run("News\n\nThe BRIGHT LAB project is led by Fernhill University.\n")
    assert projects("News\n\nThe BRIGHT LAB project is led by Fernhill University.\n") == \
        {"BRIGHT LAB": {("Fernhill University", "coordinator")}}
    assert {o.name for o in ex.organisations.values()} == {"Fernhill University"}


@pytest.mark.parametrize("text, project, roles", [
    # the naming word after a copula
    ("News\n\nThe project is called Saltmarsh Lessons and is coordinated by Fernhill University.\n",
     "Saltmarsh Lessons", {("Fernhill University", "coordinator")}),
    # another noun of an undertaking carried out, after a naming word or in apposition
    ("News\n\nFernhill University is launching a pilot called Quiet Harbour Mornings together with Brookvale "
     "College.\n", "Quiet Harbour Mornings", {("Fernhill University", "partner"), ("Brookvale College", "partner")}),
    ("News\n\nThe Marlow Reading Trust has granted EUR 40,000 to Fernhill University for a joint reading "
     "programme, Story Lanterns.\n", "Story Lanterns", {("Fernhill University", "coordinator")}),
])
def test_a_naming_word_or_an_apposition_names_an_undertaking(text, project, roles):
    assert projects(text) == {project: roles}


@pytest.mark.parametrize("text", [
    "News\n\nThe Marlow Reading Trust has granted EUR 40,000 to Fernhill University through its programme, "
    "Digital Europe.\n",
    "News\n\nFernhill University is part of a programme called Creative Europe, which Brookvale College "
    "coordinates.\n",
])
def test_a_funding_programme_named_after_the_programme_word_is_no_project(text):
    assert "Digital Europe" not in projects(text) and "Creative Europe" not in projects(text)
