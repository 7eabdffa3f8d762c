"""Project pages and register entries: the title line names the project even with a digit or an event word in
it, and the general field labels of the genre (coordinator, partners, funder, period, amount) are read in each
language. Invented texts."""
import pytest

from extraction import run


def page(text: str):
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    [p] = ex.projects
    return p, {(name[x.organisation], x.role) for x in p.participants}, {name[f] for g in p.grants for f in g.funders}


def test_en_register_entry_titled_with_a_digit_and_an_event_word():
    p, roles, funders = page("Science Festival 4 All\n\n"
                             "Coordinating organisation: Northfield University\n"
                             "Partner institutions: Lakeside University\n"
                             "Funding organisation: Ministry of Education\n"
                             "Running time: 1.9.2022–31.8.2024\n")
    assert p.name == "Science Festival 4 All"
    assert roles == {("Northfield University", "coordinator"), ("Lakeside University", "partner")}
    assert funders == {"Ministry of Education"}
    assert (p.start, p.end) == ("2022-09-01", "2024-08-31")


def test_sv_project_page_with_general_labels():
    p, roles, funders = page("Läsfest 2.0\n\n"
                             "Projektägare: Norrby gymnasium\n"
                             "Projektpartner: Söderby gymnasium\n"
                             "Bidragsgivare: Skolverket\n"
                             "Löptid: 2023–2025\n")
    assert p.name == "Läsfest 2.0"
    assert roles == {("Norrby gymnasium", "coordinator"), ("Söderby gymnasium", "partner")}
    assert funders == {"Skolverket"}
    assert (p.start, p.end) == ("2023", "2025")


def test_fi_register_entry_with_general_labels():
    p, roles, funders = page("Koulu 3.0\n\n"
                             "Vastuuorganisaatio: Kuopion kaupunki\n"
                             "Yhteistyötahot: Joensuun kaupunki\n"
                             "Rahoittajataho: Opetushallitus\n"
                             "Hankkeen toteutusaika: 1.1.2023–31.12.2024\n")
    assert p.name == "Koulu 3.0"
    assert roles == {("Kuopion kaupunki", "coordinator"), ("Joensuun kaupunki", "partner")}
    assert funders == {"Opetushallitus"}
    assert (p.start, p.end) == ("2023-01-01", "2024-12-31")


def test_a_headline_with_a_digit_above_no_fields_is_no_project():
    ex = run("Kuopio sai 3 uutta koulua\n\nKaupunki avasi kolme koulua syksyllä.\n")
    assert ex.projects == []


def test_fi_compound_project_word_keeps_the_genitive_that_says_whose_it_is():
    ex = run("Uutiset\n\nPohjois-Karjalan koulujen liikuntahankkeessa ovat mukana Joensuun kaupunki ja Lieksan kaupunki.\n")
    assert [p.name for p in ex.projects] == ["Pohjois-Karjalan koulujen liikuntahanke"]


def test_fi_participle_of_funding_is_no_part_of_the_name():
    ex = run("Uutiset\n\nOpetushallituksen rahoittamassa liikuntahankkeessa ovat mukana Joensuun kaupunki ja Lieksan "
             "kaupunki.\n")
    assert [p.name for p in ex.projects] == ["liikuntahanke"]


def test_sv_compound_project_word_keeps_the_genitive_that_says_whose_it_is():
    ex = run("Nyheter\n\nI Norrlands skolors läsfrämjandeprojekt deltar Norrby gymnasium och Söderby gymnasium.\n")
    assert [p.name for p in ex.projects] == ["Norrlands skolors läsfrämjandeprojekt"]


def test_sv_funder_of_a_project_is_not_also_its_partner():
    ex = run("Nyheter\n\nProjektet Läslust finansieras av Skolverket.\n\n"
             "I projektet Läslust deltar Skolverket och Norrby gymnasium.\n")
    name = {k: o.name for k, o in ex.organisations.items()}
    [p] = ex.projects
    assert {name[x.organisation] for x in p.participants} == {"Norrby gymnasium"}
    assert {name[f] for g in p.grants for f in g.funders} == {"Skolverket"}


def _flattened(*parts: str) -> str:
    filler = " ".join(["Lisätieto"] * 30)  # a form copied from a PDF runs on in one long line
    return "Hakemus\n\n" + " ".join(parts) + " " + filler + "\n"


def test_fi_form_flattened_into_one_line_gives_its_fields():
    ex = run(_flattened("Hankekoodi S99001 Hankkeen nimi Lukuintoa Lappiin Hakijaorganisaation nimi Lapin yliopisto",
                        "Rahoittaja Opetushallitus 3. Aloituspäivämäärä 1.8.2024 Päättymispäivämäärä 31.7.2026"))
    name = {k: o.name for k, o in ex.organisations.items()}
    [p] = ex.projects
    assert p.name == "Lukuintoa Lappiin" and p.code == "S99001"
    assert ("Lapin yliopisto", "coordinator") in {(name[x.organisation], x.role) for x in p.participants}
    assert {name[f] for g in p.grants for f in g.funders} == {"Opetushallitus"}
    assert (p.start, p.end) == ("2024-08-01", "2026-07-31")


def test_en_form_flattened_into_one_line_gives_its_fields():
    ex = run("Application\n\nProject code: X-7. Project title: Open Labs North. Lead applicant: Northfield University. "
             "Start date: 1.9.2024. End date: 31.8.2026. " + " ".join(["details"] * 30) + "\n")
    name = {k: o.name for k, o in ex.organisations.items()}
    [p] = ex.projects
    assert p.name == "Open Labs North"
    assert ("Northfield University", "coordinator") in {(name[x.organisation], x.role) for x in p.participants}
    assert (p.start, p.end) == ("2024-09-01", "2026-08-31")


def test_a_long_prose_line_with_one_label_word_is_no_form():
    ex = run("Uutiset\n\n" + "Kouluissa luetaan paljon. " * 8 + "Rahoittaja on Opetushallitus ja hanke jatkuu.\n")
    assert all(p.code is None for p in ex.projects)


def test_fi_acronym_hyphen_project_word_is_a_name_unless_it_is_a_funders_or_programmes():
    ex = run("Uutiset\n\nPohjoisen korkeakouluallianssi (POKA) kokoaa alueen korkeakoulut.\n\n"
             "POKA-hanketta toteuttavat Lapin yliopisto ja Oulun yliopisto.\n")
    assert "POKA-hanke" in [p.name for p in ex.projects]
    ex = run("Uutiset\n\nESR-hanketta toteuttavat Lapin yliopisto ja Oulun yliopisto.\n")
    assert "ESR-hanke" not in [p.name for p in ex.projects]


def _partners(text: str) -> set[str]:
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    return {name[x.organisation] for p in ex.projects for x in p.participants}


def test_sv_passive_grant_verb_followed_by_a_list_of_recipients():
    got = _partners("Nyheter\n\nSkolverket stöder projektet Läslust.\n\n"
                    "Finansiering beviljades i år Norrby gymnasium, Söderby gymnasium med hjälp av en delad ansökan, "
                    "Västby gymnasium och Österby gymnasium.\n")
    assert got == {"Norrby gymnasium", "Söderby gymnasium", "Västby gymnasium", "Österby gymnasium"}


def test_en_passive_grant_verb_followed_by_a_list_of_recipients():
    got = _partners("News\n\nThe Ministry of Education supports the Open Labs project.\n\n"
                    "Funding was granted to Northfield University, Lakeside University and Hillside University.\n")
    assert got == {"Northfield University", "Lakeside University", "Hillside University"}


def _coordinators(text: str) -> dict[str, set[str]]:
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    return {p.name: {name[x.organisation] for x in p.participants if x.role == "coordinator"} for p in ex.projects}


def test_en_headings_whose_paragraph_speaks_of_the_project_name_it():
    got = _coordinators("Our work\n\nWe run several projects with schools.\n\nReading Buddies\n\n"
                        "The project brings older pupils to read with younger ones.\n\nMaths Outdoors\n\n"
                        "This project takes maths lessons outside. Northfield University leads the project.\n")
    assert got == {"Reading Buddies": set(), "Maths Outdoors": {"Northfield University"}}


def test_fi_headings_whose_paragraph_speaks_of_the_project_name_it():
    got = _coordinators("Hankkeet\n\nLukuintoa Lappiin\n\nHankkeessa kehitetään lukemista. Hanketta koordinoi Lapin "
                        "yliopisto.\n\nLiikkuva Savo\n\nHanke edistää liikuntaa. Hanketta koordinoi Itä-Suomen yliopisto.\n")
    assert got == {"Lukuintoa Lappiin": {"Lapin yliopisto"}, "Liikkuva Savo": {"Itä-Suomen yliopisto"}}


def test_sv_headings_whose_paragraph_speaks_of_the_project_name_it():
    got = _coordinators("Våra projekt\n\nLäslust i Norr\n\nProjektet utvecklar läsundervisning. Projektet leds av "
                        "Norrby gymnasium.\n\nSkrivglädje\n\nProjektet samlar skrivande elever.\n")
    assert got == {"Läslust i Norr": {"Norrby gymnasium"}, "Skrivglädje": set()}


def test_a_heading_over_a_paragraph_about_projects_in_general_is_no_project():
    ex = run("Nyheter\n\nSkolan har många elever.\n\nSkolan i världen\n\nProjekten i programmet pågår i tre år.\n")
    assert ex.projects == []


def _period(text: str) -> dict[str, tuple]:
    return {p.name: (p.start, p.end) for p in run(text).projects}


def test_en_sentence_initial_name_before_lowercase_project_and_its_start_and_end_words():
    assert _period("News\n\nThe Open Labs project started in 2021 and will end in 2024.\n") == {"Open Labs": ("2021", "2024")}


def test_sv_start_and_end_words_of_a_project():
    assert _period("Nyheter\n\nProjektet Läslust inleddes 2021 och löper ut 2023.\n") == {"Läslust": ("2021", "2023")}


def test_fi_start_and_end_words_of_a_project():
    assert _period("Uutiset\n\nLukuinto-hanke käynnistettiin 2021 ja se loppuu 2023.\n") == {"Lukuinto": ("2021", "2023")}


def _roles(text: str) -> set[tuple[str, str]]:
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    return {(name[x.organisation], x.role) for p in ex.projects for x in p.participants} | \
        {(name[f], "funder") for p in ex.projects for g in p.grants for f in g.funders}


def test_en_collaboration_between_names_partners():
    assert _roles("News\n\nThe Open Labs project is a collaboration between Lakeside University and Northfield "
                  "University.\n") == {("Lakeside University", "partner"), ("Northfield University", "partner")}


def test_en_active_verb_of_leading_has_the_leader_as_subject():
    assert _roles("News\n\nLakeside University leads the Open Labs project together with Northfield University.\n") \
        == {("Lakeside University", "coordinator"), ("Northfield University", "partner")}


def test_sv_passive_verb_of_running_names_the_leader_after_it():
    assert _roles("Nyheter\n\nProjektet Läslust drivs av Norrby gymnasium i samarbete med Söderby gymnasium.\n") \
        == {("Norrby gymnasium", "coordinator"), ("Söderby gymnasium", "partner")}


def test_en_led_by_is_no_source_of_money():
    assert _roles("News\n\nThe Open Labs project is funded by the Northland Foundation with EUR 200,000 and led by "
                  "Lakeside University.\n") == {("Lakeside University", "coordinator"), ("Northland Foundation", "funder")}


def test_en_speaker_organisation_after_a_quote_is_no_partner():
    assert ("Hillside University", "partner") not in _roles(
        "News\n\nThe Open Labs project started in 2021.\n\n\"This cooperation between universities helps the project,\" "
        "says Anna Berg of Hillside University.\n")


def test_en_subject_of_a_granting_verb_is_the_funder_whatever_its_kind():
    assert _roles("News\n\nThe Academy of Finland has granted EUR 800,000 to the Open Labs project coordinated by "
                  "Lakeside University.\n") == {("Lakeside University", "coordinator"), ("Academy of Finland", "funder")}


@pytest.mark.parametrize("page, name, coordinator, partners", [
    ("Project: GreenSchools\nCoordinator: Northbay University\nPartners: Lakeside University; City of Eastport\n",
     "GreenSchools", "Northbay University", {"Lakeside University", "City of Eastport"}),
    ("Hanke: Vihreät koulut\nToteuttaja: Pohjoisrannan yliopisto\nKumppanit: Järvilaakson ammattiopisto; Itärannan kaupunki\n",
     "Vihreät koulut", "Pohjoisrannan yliopisto", {"Järvilaakson ammattiopisto", "Itärannan kaupunki"}),
    ("Projekt: Gröna skolor\nProjektägare: Norrstrands universitet\nPartner: Västby yrkeshögskola; Östby kommun\n",
     "Gröna skolor", "Norrstrands universitet", {"Västby yrkeshögskola", "Östby kommun"}),
])
def test_the_bare_project_word_with_a_colon_labels_the_name(page, name, coordinator, partners):
    ex = run(page)
    names = {k: o.name for k, o in ex.organisations.items()}
    assert [p.name for p in ex.projects] == [name]
    roles = {(names[x.organisation], x.role) for x in ex.projects[0].participants}
    assert roles == {(coordinator, "coordinator")} | {(p, "partner") for p in partners}
    # the project's name is no organisation, whatever head word it ends in
    assert name not in names.values() and not any(n.startswith(name.split()[0]) for n in names.values())


@pytest.mark.parametrize("text", [
    "News\n\nProject GreenSchools started in 2023 with three partners from the region.\n",
    "Uutiset\n\nHanke Vihreät koulut alkoi vuonna 2023 kolmen kumppanin kanssa.\n",
])
def test_the_bare_project_word_without_a_colon_is_no_label(text):
    from edukg.ingest.extract.structure import find_fields

    assert [f.name for f in find_fields(text, "en")] == []


@pytest.mark.parametrize("text", [
    "News\n\nNorthbay University leads the TeachTech project, in which Lakeside University and the City of Eastport take part.\n",
    "News\n\nNorthbay University leads the TeachTech project. Lakeside University and the City of Eastport participate in the project.\n",
])
def test_verbs_of_taking_part_make_partners(text):
    ex = run(text)
    names = {k: o.name for k, o in ex.organisations.items()}
    [project] = ex.projects
    assert {(names[x.organisation], x.role) for x in project.participants} == {
        ("Northbay University", "coordinator"), ("Lakeside University", "partner"), ("City of Eastport", "partner")}


@pytest.mark.parametrize("text, name, partners", [
    # a sentence-case name after the project word: its lower-case words are the name's up to punctuation or a verb,
    # and it is no organisation even when it ends in an organisation's head word
    ("Nyheter\n\nNorrstrands universitet leder projektet Gröna skolor, där Västby yrkeshögskola och Östby kommun deltar.\n",
     "Gröna skolor", {"Västby yrkeshögskola", "Östby kommun"}),
    ("Nyheter\n\nProjektet Gröna skolor leds av Norrstrands universitet.\n", "Gröna skolor", set()),
    ("Uutiset\n\nHanke Vihreät koulut alkaa syksyllä. Sitä vetää Pohjoisrannan yliopisto.\n", "Vihreät koulut", set()),
])
def test_a_sentence_case_name_after_the_project_word(text, name, partners):
    ex = run(text)
    names = {k: o.name for k, o in ex.organisations.items()}
    assert [p.name for p in ex.projects] == [name]
    assert {names[x.organisation] for x in ex.projects[0].participants if x.role == "partner"} == partners
    assert not any(n.startswith(name.split()[0]) for n in names.values())


def test_a_sentence_case_name_is_not_run_on_into_what_may_be_a_place():
    ex = run("Nyheter\n\nProjektet Gröna skolor i Västby startar i höst.\n")
    assert [p.name for p in ex.projects] == ["Gröna"]  # "i Västby" may be the name's or the sentence's: kept short


def _page_facts(text: str):
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    (p,) = ex.projects
    g = p.grants[0] if p.grants else None
    return (p.name, p.start, p.end, {(name[x.organisation], x.role) for x in p.participants},
            {name[f] for f in g.funders} if g else set(), g.amount if g else None), set(name.values())


def test_en_a_results_portal_page_of_headed_lines_with_countries_and_dashed_dates():
    facts, orgs = _page_facts(
        "Project results\n\nHarbour Maths Trails\n\nProject Reference: 2024-1-SE01-KA220-SCH-000765432\n"
        "Programme: Erasmus+\nStart: 15-10-2024\nEnd: 14-10-2026\nEU Grant: 120000 EUR\n\n"
        "Coordinator\nFernhill University\nSweden\n\nParticipants\nBrookvale College\nNorway\n"
        "University of Marrowby\nDenmark\n")
    assert facts == ("Harbour Maths Trails", "2024-10-15", "2026-10-14",
                     {("Fernhill University", "coordinator"), ("Brookvale College", "partner"),
                      ("University of Marrowby", "partner")}, {"EU"}, 120000)
    assert not {"Sweden", "Norway", "Denmark", "Participants"} & orgs


def test_en_a_fact_sheet_whose_programme_value_has_head_words_and_whose_sum_label_names_the_funder():
    facts, orgs = _page_facts(
        "Harbour Maths Trails\n\nFact sheet\n\nFunded under: Open Learning, Culture and Digital Society\n"
        "EU contribution: EUR 1 500 000\nCoordinated by: FERNHILL UNIVERSITY, Sweden\nStart date: 1 May 2025\n"
        "End date: 30 April 2028\n\nParticipants (2)\nBROOKVALE COLLEGE, Norway\nUNIVERSITY OF MARROWBY, Denmark\n")
    assert facts == ("Harbour Maths Trails", "2025-05-01", "2028-04-30",
                     {("FERNHILL UNIVERSITY", "coordinator"), ("BROOKVALE COLLEGE", "partner"),
                      ("UNIVERSITY OF MARROWBY", "partner")}, {"EU"}, 1500000)
    assert "Digital Society" not in orgs


def test_an_event_programme_under_its_heading_keeps_the_bodies_of_its_speakers():
    from extraction import affiliations
    got = affiliations("Seminar on school libraries\n\nThe seminar is held in the main hall on 4 May 2026.\n\n"
                       "Programme\n\n9.00 Opening words, Director Hilda Marsh, Fernhill University\n10.00 Lunch\n")
    assert got == {"Hilda Marsh": "Fernhill University"}


def test_en_a_granted_amount_field_paid_by_the_body_of_the_sub_programme():
    facts, _ = _page_facts("Project database\n\nProject title: Lantern Letters\nSub-programme: Nordplus Junior\n"
                           "Coordinating institution: Fernhill University\nGranted amount: 18 000 EUR\n")
    assert facts[0] == "Lantern Letters" and facts[4:] == ({"Nordplus"}, 18000)
