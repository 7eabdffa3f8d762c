"""Who receives and who gives in a sentence of a grant: an auxiliary between the receiver and its verb, a
relative clause closed by a comma before the verb (its last name is not the subject), a project that is
itself the receiver, a source-marked body that is never the receiver, and a project's name that no
organisation's name swallows. Invented texts."""
import pytest

from extraction import run


def grant(text: str):
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    [p] = ex.projects
    roles = {(name[x.organisation], x.role) for x in p.participants}
    funding = {(name[f], g.amount, g.currency) for g in p.grants for f in g.funders}
    return p.name, roles, funding


@pytest.mark.parametrize("text, expected", [
    ("News\n\nNorthfield University has received EUR 450,000 from the National Agency for Education for the "
     "SkillBridge project.\n",
     ("SkillBridge", {("Northfield University", "coordinator")}, {("National Agency for Education", 450000, "EUR")})),
    ("Nyheter\n\nNorrby universitet har fått 450 000 kronor från Skolverket för projektet Skolbron.\n",
     ("Skolbron", {("Norrby universitet", "coordinator")}, {("Skolverket", 450000, "SEK")})),
    ("Uutiset\n\nItä-Suomen yliopisto on saanut Opetushallitukselta 450 000 euroa Koulusilta-hankkeeseen.\n",
     ("Koulusilta", {("Itä-Suomen yliopisto", "coordinator")}, {("Opetushallitus", 450000, "EUR")})),
])
def test_an_auxiliary_between_the_receiver_and_its_verb(text, expected):
    assert grant(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("News\n\nThe SkillBridge project, which is led by Northfield University in partnership with Lakeside "
     "University, receives EUR 450,000 from the Ministry of Education.\n",
     ("SkillBridge", {("Northfield University", "coordinator"), ("Lakeside University", "partner")},
      {("Ministry of Education", 450000, "EUR")})),
    ("Nyheter\n\nProjektet Skolbron, som leds av Norrby universitet tillsammans med Söderby högskola, får "
     "450 000 kronor från Skolverket.\n",
     ("Skolbron", {("Norrby universitet", "coordinator"), ("Söderby högskola", "partner")},
      {("Skolverket", 450000, "SEK")})),
    ("Uutiset\n\nKoulusilta-hanke saa Opetushallitukselta 450 000 euroa. Hanketta koordinoi Itä-Suomen yliopisto.\n",
     ("Koulusilta", {("Itä-Suomen yliopisto", "coordinator")}, {("Opetushallitus", 450000, "EUR")})),
])
def test_the_project_receives_and_the_clause_before_the_verb_names_its_leaders(text, expected):
    assert grant(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("News\n\nThe Ministry of Education is funding SkillBridge, a project run by Northfield University, "
     "with EUR 450,000.\n",
     ("SkillBridge", {("Northfield University", "coordinator")}, {("Ministry of Education", 450000, "EUR")})),
    ("Nyheter\n\nSkolverket finansierar Skolbron, ett treårigt projekt som leds av Norrby universitet.\n",
     ("Skolbron", {("Norrby universitet", "coordinator")}, {("Skolverket", None, None)})),
])
def test_a_project_word_in_apposition_after_the_name(text, expected):
    assert grant(text) == expected


def partners(text: str) -> tuple[str, set[tuple[str, str]]]:
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    [p] = ex.projects
    return p.name, {(name[x.organisation], x.role) for x in p.participants}


@pytest.mark.parametrize("text, expected", [
    ("News\n\nThe SkillBridge project brings together Northfield University, Lakeside University and the City "
     "of Harbourton.\n",
     ("SkillBridge", {("Northfield University", "partner"), ("Lakeside University", "partner"),
                      ("City of Harbourton", "partner")})),
    ("News\n\nThe SkillBridge project (2023–2025) is carried out by Northfield University and Lakeside University.\n",
     ("SkillBridge", {("Northfield University", "partner"), ("Lakeside University", "partner")})),
    ("Nyheter\n\nProjektet Skolbron genomförs av Norrby universitet och Söderby högskola.\n",
     ("Skolbron", {("Norrby universitet", "partner"), ("Söderby högskola", "partner")})),
    ("Uutiset\n\nKoulusilta-hanke kokoaa yhteen Itä-Suomen yliopiston ja Turun yliopiston.\n",
     ("Koulusilta", {("Itä-Suomen yliopisto", "partner"), ("Turun yliopisto", "partner")})),
])
def test_verbs_of_carrying_out_and_bringing_together_name_the_partners(text, expected):
    assert partners(text) == expected


def test_en_a_modifier_between_the_determiner_and_the_project_name():
    assert partners("News\n\nThe three-year SkillBridge project received funding from the Erasmus+ programme. "
                    "It is coordinated by Northfield University.\n") == \
        ("SkillBridge", {("Northfield University", "coordinator")})


@pytest.mark.parametrize("text, adverbial", [
    ("News\n\nIn SkillBridge, Northfield University works with Lakeside University and Harbourton Vocational "
     "College.\n", "In SkillBridge"),
])
def test_a_fronted_adverbial_is_no_organisation(text, adverbial):
    assert adverbial not in {o.name for o in run(text).organisations.values()}
