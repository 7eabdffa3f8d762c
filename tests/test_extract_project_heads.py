"""A project page below a site's own title: the name line right over the block of the project's fields names the
project (in capitals too), a label with the project's own word before it is still the label, and the page's
other "Label: sum" lines and field labels make no projects of their own. Invented texts."""
import pytest

from extraction import run


def facts(text: str):
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    return ex.projects, {p.name: {(name[x.organisation], x.role) for x in p.participants} for p in ex.projects}


@pytest.mark.parametrize("text, project, roles", [
    ("See also: Open calls | Project library\n\nRegional Programme – Project library\n\n"
     "BrightCoast\n"
     "Full title: Coastal skills for young adults\n"
     "Lead beneficiary: Northfield University\n"
     "Project partners: Lakeside College; Hillcrest Academy\n"
     "Project period: 01.02.2023 – 31.01.2026\n",
     "BrightCoast",
     {("Northfield University", "coordinator"), ("Lakeside College", "partner"), ("Hillcrest Academy", "partner")}),
    ("Se även: Aktuella utlysningar | Beviljade projekt\n\nProjektdatabas\n\n"
     "Fjällens klassrum 3\n\n"
     "Ansvarig organisation: Norrby gymnasium\n"
     "Samarbetspartner: Söderby folkhögskola; Österby kommun\n"
     "Tidsperiod: 1.8.2024–31.7.2026\n",
     "Fjällens klassrum 3",
     {("Norrby gymnasium", "coordinator"), ("Söderby folkhögskola", "partner"), ("Österby kommun", "partner")}),
    ("Lue myös: Avoimet haut | Rahoitetut hankkeet\n\nHankerekisteri – hanketiedot\n\n"
     "TUNTURIN KOULU 2\n\n"
     "Hankkeen vastuuorganisaatio: Kuopion kaupunki\n"
     "Kumppanit: Joensuun kaupunki; Lieksan kaupunki\n"
     "Hankeaika: 1.1.2024–31.12.2026\n",
     "TUNTURIN KOULU 2",
     {("Kuopion kaupunki", "coordinator"), ("Joensuun kaupunki", "partner"), ("Lieksan kaupunki", "partner")}),
])
def test_the_name_line_over_a_projects_fields_names_it(text, project, roles):
    projects, parts = facts(text)
    assert [p.name for p in projects] == [project]
    assert parts[project] == roles
    assert projects[0].start is not None and projects[0].end is not None


@pytest.mark.parametrize("text", [
    # a long sentence over the fields is no name line
    "Projects\n\nThe city has started a new project in its schools this autumn with several partners.\n"
    "Lead beneficiary: Northfield University\nProject period: 01.02.2023 – 31.01.2026\n",
    # … nor is a site's navigation line
    "Kouluhankkeet\n\nEtusivu | Hankkeet | Yhteystiedot\nVastuutaho: Kuopion kaupunki\nHankeaika: 1.1.2024–31.12.2026\n",
])
def test_no_name_line_no_project_from_it(text):
    projects, _ = facts(text)
    assert not any(p.name.startswith(("The city", "Etusivu")) for p in projects)


def test_fi_label_with_the_projects_genitive_is_still_the_label():
    _, parts = facts("Koulu 2030\n\n"
                     "Hankkeen vastuuorganisaatio: Kuopion kaupunki\n"
                     "Hankkeen kumppanit: Joensuun kaupunki\n"
                     "Hankeaika: 1.1.2024–31.12.2026\n")
    assert parts["Koulu 2030"] == {("Kuopion kaupunki", "coordinator"), ("Joensuun kaupunki", "partner")}


def test_sv_label_with_the_projects_genitive_is_still_the_label():
    _, parts = facts("Läsfest 2.0\n\n"
                     "Projektets koordinator: Norrby gymnasium\n"
                     "Samarbetspartner: Söderby gymnasium\n"
                     "Tidsperiod: 2023–2025\n")
    assert parts["Läsfest 2.0"] == {("Norrby gymnasium", "coordinator"), ("Söderby gymnasium", "partner")}


@pytest.mark.parametrize("text, project", [
    ("Hankerekisteri\n\nKoulu 2030\n\n"
     "Vastuutaho: Kuopion kaupunki\n"
     "Rahoittava viranomainen: Opetushallitus\n"
     "Omarahoitus: 200 000 euroa\n"
     "Kuntaosuus: 100 000 euroa\n"
     "Hankeaika: 1.1.2024–31.12.2026\n", "Koulu 2030"),
    ("Project library\n\nBrightCoast\n"
     "Lead beneficiary: Northfield University\n"
     "Own share: EUR 200 000\n"
     "Municipal share: EUR 100 000\n"
     "Project period: 01.02.2023 – 31.01.2026\n", "BrightCoast"),
    ("Projektdatabas\n\nFjällens klassrum 3\n\n"
     "Ansvarig organisation: Norrby gymnasium\n"
     "Egen insats: 200 000 euro\n"
     "Kommunal andel: 100 000 euro\n"
     "Tidsperiod: 1.8.2024–31.7.2026\n", "Fjällens klassrum 3"),
])
def test_sums_and_labels_among_the_fields_are_no_projects(text, project):
    projects, _ = facts(text)
    assert [p.name for p in projects] == [project]


@pytest.mark.parametrize("text, project", [
    ("Skolnytt\n\nProjektet Räknesprånget startar i höst i Norrby kommun.\n\n"
     "Räknesprånget i korthet\n"
     "Ansvarig organisation: Norrby kommun\n"
     "Tidsperiod: 1.8.2024–31.7.2026\n", "Räknesprånget"),
    ("School news\n\nThe MathLeap project starts this autumn in Northfield schools.\n\n"
     "MathLeap at a glance\n"
     "Lead partner: Northfield University\n"
     "Project period: 1.8.2024–31.7.2026\n", "MathLeap"),
    ("Kouluuutiset\n\nLaskuloikka-hanke alkaa syksyllä Kuopion kouluissa.\n\n"
     "Laskuloikka lyhyesti\n"
     "Vastuuorganisaatio: Kuopion kaupunki\n"
     "Hankeaika: 1.8.2024–31.7.2026\n", "Laskuloikka"),
])
def test_a_fact_box_headed_by_a_named_project_is_that_project(text, project):
    projects, _ = facts(text)
    assert [p.name for p in projects] == [project]


@pytest.mark.parametrize("text, org", [
    ("Räknesprånget\n\nProjektet leds av Norrby universitet. I kommunen samordnas arbetet av Anna Berg, "
     "utvecklingsledare i Söderby kommun.\n", "Söderby kommun"),
    ("MathLeap\n\nThe project is led by Northfield University. The school work is coordinated by Anna Berg, "
     "development manager at Lakeside Municipality.\n", "Lakeside Municipality"),
    ("MathLeap\n\nThe project is led by Northfield University. In Lakeside the project is headed by Professor "
     "Anna Berg of Lakeside College.\n", "Lakeside College"),
])
def test_a_body_that_a_person_leads_the_work_for_is_not_the_coordinator(text, org):
    _, parts = facts(text)
    [roles] = parts.values()
    assert (org, "coordinator") not in roles
    assert len({o for o, r in roles if r == "coordinator"} & {"Northfield University", "Norrby universitet"}) == 1


@pytest.mark.parametrize("text, rows", [
    ("Maakuntaliitto\n\nMyönnetyt rahoitukset (euroa):\n\n"
     "Hanke – toteuttaja – rahoitus\n"
     "Laskuloikka – Kuopion kaupunki – 300 000\n"
     "Metsäkoulu – Joensuun kaupunki – 200 000\n"
     "Yhteensä – – 500 000\n",
     {("Laskuloikka", "Kuopion kaupunki"), ("Metsäkoulu", "Joensuun kaupunki")}),
    ("Regionförbundet\n\nBeviljade bidrag (kronor):\n\n"
     "Projekt – projektägare – bidrag\n"
     "Räknesprånget – Norrby kommun – 300 000\n"
     "Skogsskolan – Söderby kommun – 200 000\n"
     "Totalt – – 500 000\n",
     {("Räknesprånget", "Norrby kommun"), ("Skogsskolan", "Söderby kommun")}),
    ("Regional Council\n\nGrants awarded (EUR):\n\n"
     "Project – coordinator – grant\n"
     "MathLeap – Northfield University – 300 000\n"
     "Forest School – Lakeside College – 200 000\n"
     "Total – – 500 000\n",
     {("MathLeap", "Northfield University"), ("Forest School", "Lakeside College")}),
])
def test_a_grant_row_with_dashed_cells_names_the_project_and_its_holder(text, rows):
    _, parts = facts(text)
    got = {(p, o) for p, roles in parts.items() for o, r in roles if r == "coordinator"}
    assert got == rows


@pytest.mark.parametrize("text", [
    "New school network starts outdoor learning work\n\n"
    "Northfield University and Lakeside College will develop outdoor lessons with eight schools.\n\n"
    "Partners:\n• Northfield University\n• Lakeside College\n\n"
    "Duration: 1 September 2024 – 31 August 2027\n",
])
def test_a_headline_over_a_news_item_with_one_field_at_its_foot_is_no_project(text):
    projects, _ = facts(text)
    assert not any(p.name.startswith("New school network") for p in projects)


@pytest.mark.parametrize("text, project, partners", [
    ("Kaupungin tiedote\n\nKuopion kaupungin ja Joensuun kaupungin yhteinen hanke Laskuloikka sai 300 000 euroa.\n",
     "Laskuloikka", {"Kuopion kaupunki", "Joensuun kaupunki"}),
    ("Kommunens pressmeddelande\n\nNorrby kommuns och Söderby kommuns gemensamma projekt Räknesprånget får 300 000 kronor.\n",
     "Räknesprånget", {"Norrby kommun", "Söderby kommun"}),
    ("Press release\n\nNorthfield University and Lakeside College's joint project MathLeap receives EUR 300,000.\n",
     "MathLeap", {"Northfield University", "Lakeside College"}),
])
def test_bodies_joined_before_a_word_of_joint_ownership_take_part(text, project, partners):
    _, parts = facts(text)
    assert partners <= {o for o, r in parts[project]}

