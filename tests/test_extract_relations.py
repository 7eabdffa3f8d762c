"""Projects, coalitions, events and awards through `extract(Document(...))`.

The documents are short pages and press releases written for these tests in the genre of edukg's sources
(project pages with fields, funding releases, funding lists, network pages, event pages, award news). Projects,
people and most organisations are invented; public bodies are real. Participants, funders, organisers and
award donors are organisation keys; the tests compare the names of the organisations they point to.
"""
from __future__ import annotations


import pytest

from extraction import run




def name_of(ex, key: str | None) -> str | None:
    return ex.organisations[key].name if key else None


def the_project(ex, name: str):
    matches = [p for p in ex.projects if p.name == name]
    assert matches, f"no project {name!r} in {[p.name for p in ex.projects]}"
    return matches[0]


def roles(ex, project) -> set[tuple[str, str]]:
    return {(name_of(ex, p.organisation), p.role) for p in project.participants}


def funding(ex, project) -> list[tuple[set[str], float | None, str | None]]:
    return [({name_of(ex, f) for f in g.funders}, g.amount, g.currency) for g in project.grants]


# ---------------------------------------------------------------------------------------------------------------
# Projects: a project page with fields
# ---------------------------------------------------------------------------------------------------------------

PROJECT_PAGE_FI = """Digiloikka ammatilliseen koulutukseen

Hankkeen tavoitteena on vahvistaa opettajien digitaalista osaamista ammatillisessa koulutuksessa.

Rahoittaja
Euroopan sosiaalirahasto

Toteuttajat
Järvilinnan koulutuskuntayhtymä, JÄKKY, koordinaattori
Humanistinen ammattikorkeakoulu, Humak
Kuopion kaupunki

Projektin kesto
1.9.2019–31.8.2021

Myönnetty rahoitus
412 500 euroa
"""


def test_project_page_fields_fi():
    ex = run(PROJECT_PAGE_FI)
    assert [p.name for p in ex.projects] == ["Digiloikka ammatilliseen koulutukseen"]
    p = ex.projects[0]
    assert (p.start, p.end) == ("2019-09-01", "2021-08-31")
    assert roles(ex, p) == {("Järvilinnan koulutuskuntayhtymä", "coordinator"),
                            ("Humanistinen ammattikorkeakoulu", "partner"),
                            ("Kuopion kaupunki", "partner")}
    assert funding(ex, p) == [({"Euroopan sosiaalirahasto"}, 412500.0, "EUR")]


def test_project_page_name_field_with_acronym_and_code_fi():
    text = ("Hankkeen nimi: Oppimisen polut (OPPI)\n"
            "Hankekoodi: S21999\n"
            "Toteutusaika: 1.3.2019–28.2.2021\n"
            "Päätoteuttaja: Jyväskylän ammattikorkeakoulu\n"
            "Rahoittaja: Keski-Suomen ELY-keskus\n"
            "Myönnetty rahoitus: 345 000 €\n")
    ex = run(text)
    [p] = ex.projects
    # the name without its short form; the short form and the name as written are other names
    assert p.name == "Oppimisen polut"
    assert {"Oppimisen polut (OPPI)", "OPPI"} <= p.alt_labels
    assert p.code == "S21999"
    assert (p.start, p.end) == ("2019-03-01", "2021-02-28")
    assert roles(ex, p) == {("Jyväskylän ammattikorkeakoulu", "coordinator")}
    [(funders, amount, currency)] = funding(ex, p)
    assert ex.organisations[p.grants[0].funders[0]].type == "agency"
    assert (amount, currency) == (345000.0, "EUR")


def test_project_register_fields_sv():
    text = ("Projektnamn: Skolbryggan\n"
            "Projektnummer: 20201234\n"
            "Projektperiod: 2020-09-01 - 2022-08-31\n"
            "Huvudsökande: Högskolan Väst\n"
            "Finansiär: Europeiska socialfonden\n"
            "Beviljat stöd: 2 400 000 kr\n")
    ex = run(text)
    [p] = ex.projects
    assert p.name == "Skolbryggan"
    assert p.code == "20201234"
    assert (p.start, p.end) == ("2020-09-01", "2022-08-31")
    assert roles(ex, p) == {("Högskolan Väst", "coordinator")}
    assert funding(ex, p) == [({"Europeiska socialfonden"}, 2400000.0, "SEK")]


def test_funder_field_with_two_funders():
    text = PROJECT_PAGE_FI.replace("Euroopan sosiaalirahasto\n", "Euroopan sosiaalirahasto ja Pohjois-Savon ELY-keskus\n")
    ex = run(text)
    [p] = ex.projects
    [(funders, _, _)] = funding(ex, p)
    assert funders == {"Euroopan sosiaalirahasto", "Pohjois-Savon ELY-keskus"}


# ---------------------------------------------------------------------------------------------------------------
# Projects: press-release sentences
# ---------------------------------------------------------------------------------------------------------------

RELEASE_FI = ("Opetushallitus on myöntänyt Ohjauksen askeleet -hankkeelle 480 000 euron rahoituksen. "
              "Hanke toteutetaan Keuruun koulutuskuntayhtymän ja Humanistisen ammattikorkeakoulun kesken "
              "vuosina 2022–2024.\n")


def test_fi_release_hanke_name_participants_funder_amount_period():
    ex = run(RELEASE_FI)
    p = the_project(ex, "Ohjauksen askeleet")
    assert len(ex.projects) == 1
    # two bodies carry the project jointly: both partners, no coordinator
    assert roles(ex, p) == {("Keuruun koulutuskuntayhtymä", "partner"), ("Humanistinen ammattikorkeakoulu", "partner")}
    assert funding(ex, p) == [({"Opetushallitus"}, 480000.0, "EUR")]
    assert (p.start, p.end) == ("2022", "2024")


def test_fi_funder_in_elative_with_amount():
    text = ("Ohjauksen askeleet -hanke käynnistyy syksyllä. "
            "Hanke toteutetaan Keuruun koulutuskuntayhtymän ja Humanistisen ammattikorkeakoulun kesken. "
            "Hanke saa 480 000 euron rahoituksen Euroopan sosiaalirahastosta.\n")
    ex = run(text)
    [p] = ex.projects
    assert p.name == "Ohjauksen askeleet"
    assert funding(ex, p) == [({"Euroopan sosiaalirahasto"}, 480000.0, "EUR")]
    assert {o for o, _ in roles(ex, p)} == {"Keuruun koulutuskuntayhtymä", "Humanistinen ammattikorkeakoulu"}


def test_fi_single_recipient_is_coordinator():
    ex = run("Opetushallitus myönsi Järvilinnan koulutuskuntayhtymälle 250 000 euroa Ohjauksen askeleet -hankkeeseen.\n")
    p = the_project(ex, "Ohjauksen askeleet")
    assert roles(ex, p) == {("Järvilinnan koulutuskuntayhtymä", "coordinator")}
    assert funding(ex, p) == [({"Opetushallitus"}, 250000.0, "EUR")]


def test_fi_release_headline_is_not_a_project():
    ex = run("Ohjausta uudistetaan ammatillisessa koulutuksessa\n\n" + RELEASE_FI)
    assert [p.name for p in ex.projects] == ["Ohjauksen askeleet"]
    p = ex.projects[0]
    assert roles(ex, p) == {("Keuruun koulutuskuntayhtymä", "partner"), ("Humanistinen ammattikorkeakoulu", "partner")}
    assert (p.start, p.end) == ("2022", "2024")


def test_sv_funding_list_item():
    text = ('Arvsfonden har beviljat stöd till nya projekt.\n\n'
            'Föreningen Unga Röster får stöd med 1 200 000 kr för "Läxhjälp på fritids".\n')
    ex = run(text)
    [p] = ex.projects
    assert p.name == "Läxhjälp på fritids"
    assert roles(ex, p) == {("Föreningen Unga Röster", "coordinator")}
    assert funding(ex, p) == [({"Arvsfonden"}, 1200000.0, "SEK")]


def test_sv_funding_list_recipient_is_not_its_own_funder():
    text = ('Arvsfondsdelegationen har beslutat om nya projektstöd.\n\n'
            'Missionskyrkan Umeå får stöd med 1 200 000 kr för "Läxhjälp på fritids".\n')
    ex = run(text)
    [p] = ex.projects
    assert roles(ex, p) == {("Missionskyrkan Umeå", "coordinator")}
    assert funding(ex, p) == [({"Arvsfondsdelegationen"}, 1200000.0, "SEK")]


def test_sv_funding_list_recipient_with_place():
    text = ('Arvsfonden har beviljat stöd till nya projekt.\n\n'
            'Föreningen Unga Röster i Umeå får stöd med 1 200 000 kr för "Läxhjälp på fritids".\n')
    ex = run(text)
    [p] = ex.projects
    assert roles(ex, p) == {("Föreningen Unga Röster", "coordinator")}
    assert funding(ex, p) == [({"Arvsfonden"}, 1200000.0, "SEK")]


def test_sv_lead_applicant_and_partners_in_sentences():
    text = ("Skolbryggan\n\n"
            "Högskolan Väst är huvudsökande i projektet. "
            "Projektet genomförs tillsammans med Trollhättans stad och Vänersborgs kommun.\n")
    ex = run(text)
    p = the_project(ex, "Skolbryggan")
    assert roles(ex, p) == {("Högskolan Väst", "coordinator"), ("Trollhättans stad", "partner"),
                            ("Vänersborgs kommun", "partner")}


def test_sv_projektet_leds_av():
    text = "Skolbryggan\n\nProjektet leds av Högskolan Väst och genomförs tillsammans med Trollhättans stad.\n"
    ex = run(text)
    p = the_project(ex, "Skolbryggan")
    assert roles(ex, p) == {("Högskolan Väst", "coordinator"), ("Trollhättans stad", "partner")}


EN_PROJECT = """Teachers for Tomorrow

Teachers for Tomorrow is coordinated by the University of Turku. Partners include Tampere University and Åbo Akademi University. The project is funded by the European Commission with EUR 1.2 million.
"""


def test_en_project_coordinated_by():
    ex = run(EN_PROJECT)
    p = the_project(ex, "Teachers for Tomorrow")
    assert roles(ex, p) == {("University of Turku", "coordinator"), ("Tampere University", "partner"),
                            ("Åbo Akademi University", "partner")}
    assert funding(ex, p) == [({"European Commission"}, 1200000.0, "EUR")]


def test_en_project_start_and_end_months():
    text = ("Future Classrooms\n\nFuture Classrooms is an Erasmus+ project coordinated by Tampere University. "
            "The project started in September 2021 and ends in August 2024.\n")
    ex = run(text)
    p = the_project(ex, "Future Classrooms")
    assert (p.start, p.end) == ("2021-09", "2024-08")
    assert roles(ex, p) == {("Tampere University", "coordinator")}


def test_en_project_period_from_to():
    ex = run(EN_PROJECT.replace("EUR 1.2 million.", "EUR 1.2 million from 2022 to 2025."))
    p = the_project(ex, "Teachers for Tomorrow")
    assert (p.start, p.end) == ("2022", "2025")


def test_en_project_named_before_lowercase_project():
    text = ("Ministry funds teacher training\n\n"
            "The Ministry of Schools and Culture has granted EUR 2.5 million to the Future Classrooms project.\n")
    ex = run(text)
    assert [p.name for p in ex.projects] == ["Future Classrooms"]
    assert funding(ex, ex.projects[0]) == [({"Ministry of Schools and Culture"}, 2500000.0, "EUR")]


def test_en_mixed_case_name_before_lowercase_project():
    ex = run("News\n\nLakeside University coordinates the TeachAIble project, and Northfield University joins the "
             "eCampus Bridge project.\n")
    assert {p.name for p in ex.projects} == {"TeachAIble", "eCampus Bridge"}


def test_en_adjective_before_lowercase_project_is_no_name():
    ex = run("News\n\nThe Finnish project ended in May.\n")
    assert ex.projects == []
    ex = run("News\n\nLakeside University leads the European project on reading and an Erasmus project.\n")
    assert ex.projects == []


def test_contact_block_is_no_project():
    ex = run("Contact:\nEmma Virtanen\nProject Manager\nUniversity of Oulu\n")
    assert ex.projects == []


# ---------------------------------------------------------------------------------------------------------------
# Coalitions
# ---------------------------------------------------------------------------------------------------------------

def test_fi_network_with_member_list_under_heading():
    text = ("Opettajankoulutuksen kehittämisverkosto\n\n"
            "Verkosto edistää opettajankoulutuksen yhteistyötä koko maassa.\n\n"
            "Verkoston jäsenet\n"
            "Helsingin yliopisto\n"
            "Jyväskylän yliopisto\n"
            "Oulun yliopisto\n"
            "Åbo Akademi\n")
    ex = run(text)
    [c] = ex.coalitions
    assert c.name == "Opettajankoulutuksen kehittämisverkosto"
    assert {(name_of(ex, m.organisation), m.role) for m in c.members} == {
        ("Helsingin yliopisto", "member"), ("Jyväskylän yliopisto", "member"), ("Oulun yliopisto", "member"),
        ("Åbo Akademi", "member")}


def test_en_alliance_with_member_list():
    text = ("Nordic Teacher Education Alliance\n\n"
            "The alliance brings together teacher education institutions in the Nordic countries.\n\n"
            "Members\n"
            "University of Helsinki\n"
            "Stockholm University\n"
            "University of Oslo\n")
    ex = run(text)
    [c] = ex.coalitions
    assert c.name == "Nordic Teacher Education Alliance"
    assert {(name_of(ex, m.organisation), m.role) for m in c.members} == {
        ("University of Helsinki", "member"), ("Stockholm University", "member"), ("University of Oslo", "member")}


def test_sv_coalition_organisers_and_members_in_sentences():
    text = ("Göteborgs universitet och Skolverket har bildat en koalition för jämlik skola. "
            "Koalitionen består av Malmö stad, Umeå kommun och Lunds universitet.\n")
    ex = run(text)
    [c] = ex.coalitions
    assert c.name.lower() == "koalition för jämlik skola"
    assert {(name_of(ex, m.organisation), m.role) for m in c.members} == {
        ("Göteborgs universitet", "organiser"), ("Skolverket", "organiser"),
        ("Malmö stad", "member"), ("Umeå kommun", "member"), ("Lunds universitet", "member")}


def test_sv_network_with_member_list_under_heading():
    text = ("Lärarnätverket Norr\n\n"
            "Nätverket samlar kommuner i Norrbotten och Västerbotten.\n\n"
            "Medlemmar\n"
            "Luleå kommun\n"
            "Piteå kommun\n"
            "Umeå kommun\n")
    ex = run(text)
    assert "Medlemmar" not in {o.name for o in ex.organisations.values()}
    [c] = ex.coalitions
    assert c.name == "Lärarnätverket Norr"
    assert {(name_of(ex, m.organisation), m.role) for m in c.members} == {
        ("Luleå kommun", "member"), ("Piteå kommun", "member"), ("Umeå kommun", "member")}


# ---------------------------------------------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, date, organisers", [
    ("Koulutuksen tulevaisuus -seminaari\n\nAika: 14.3.2023\nPaikka: Helsinki\n\n"
     "Seminaarin järjestävät Opetushallitus ja Jyväskylän yliopisto.\n",
     "Koulutuksen tulevaisuus -seminaari", "2023-03-14", {"Opetushallitus", "Jyväskylän yliopisto"}),
    ("Webbinarium om digitalt lärande\n\nDatum: 3 mars 2022\n\n"
     "Skolverket och Stockholms universitet arrangerar webbinariet.\n",
     "Webbinarium om digitalt lärande", "2022-03-03", {"Skolverket", "Stockholms universitet"}),
    ("Conference on Inclusive Education\n\nDate: 12 May 2022\n\n"
     "The conference is organised by Tampere University and the University of Oulu.\n",
     "Conference on Inclusive Education", "2022-05-12", {"Tampere University", "University of Oulu"}),
])
def test_event_page_title_date_organisers(text, name, date, organisers):
    ex = run(text)
    [e] = ex.events
    assert (e.name, e.date) == (name, date)
    assert {name_of(ex, k) for k in e.organisers} == organisers


def test_fi_event_named_in_sentence_with_day_range():
    text = ("Kasvatustieteen päivät 2022\n\n"
            "Kasvatustieteen päivät järjestetään 24.–25.11.2022 Joensuussa. "
            "Päivät järjestävät Itä-Suomen yliopisto ja Suomen Kasvatustieteellinen Seura.\n")
    ex = run(text)
    [e] = ex.events
    assert e.name.startswith("Kasvatustieteen päivät")
    assert e.date == "2022-11-24"
    assert {name_of(ex, k) for k in e.organisers} == {"Itä-Suomen yliopisto", "Suomen Kasvatustieteellinen Seura"}


def test_sv_event_organisers_in_passive():
    text = ("Webbinarium om digitalt lärande\n\nDatum: 3 mars 2022\n\n"
            "Webbinariet arrangeras av Skolverket och Stockholms universitet.\n")
    ex = run(text)
    [e] = ex.events
    assert {name_of(ex, k) for k in e.organisers} == {"Skolverket", "Stockholms universitet"}


def test_event_title_date_not_part_of_name():
    ex = run("Koulutuksen tulevaisuus -seminaari 14.3.2023\n\nSeminaarin järjestävät Opetushallitus ja "
             "Jyväskylän yliopisto.\n")
    [e] = ex.events
    assert (e.name, e.date) == ("Koulutuksen tulevaisuus -seminaari", "2023-03-14")


def test_event_headline_is_not_the_event_name():
    text = ("Kasvatustieteen päivät kokoavat tutkijat Joensuuhun\n\n"
            "Kasvatustieteen päivät järjestetään 24.–25.11.2022 Joensuussa.\n")
    ex = run(text)
    assert [e.name for e in ex.events] == ["Kasvatustieteen päivät"]


def test_unnamed_seminar_in_headline_is_no_event():
    ex = run("Ministeri avasi seminaarin\n\nMinisteri Sanna Koivisto avasi seminaarin Helsingissä.\n")
    assert ex.events == []


# ---------------------------------------------------------------------------------------------------------------
# Awards
# ---------------------------------------------------------------------------------------------------------------

def awards(ex) -> list[tuple[str, str, str, str | None, str | None]]:
    out = []
    for a in ex.awards:
        rec = name_of(ex, a.recipient) if a.recipient_kind == "organisation" else a.recipient
        out.append((a.award, rec, a.recipient_kind, name_of(ex, a.by), a.date))
    return out


def test_fi_award_to_person():
    ex = run("Vuoden opettaja -palkinnon sai lehtori Anna Korhonen Savon ammattiopistosta.\n")
    assert [(a, r, k) for a, r, k, _, _ in awards(ex)] == [("Vuoden opettaja -palkinto", "Anna Korhonen", "person")]


def test_fi_award_to_organisation():
    ex = run("Raahen kaupunki palkittiin Liikkuva koulu -palkinnolla.\n")
    assert [(a, r, k) for a, r, k, _, _ in awards(ex)] == [("Liikkuva koulu -palkinto", "Raahen kaupunki", "organisation")]


def test_sv_award_to_person():
    ex = run("Skolutvecklingspriset 2022 tilldelades Karin Lindqvist, lärare på Hjalmar Strömerskolan.\n")
    assert [(a, r, k) for a, r, k, _, _ in awards(ex)] == [("Skolutvecklingspriset", "Karin Lindqvist", "person")]


def test_en_award_to_person():
    ex = run("Professor Jane Smith of the University of Turku received the Teaching Excellence Award.\n")
    assert [(a, r, k) for a, r, k, _, _ in awards(ex)] == [("Teaching Excellence Award", "Jane Smith", "person")]


def test_fi_award_donor_subject_recipient_object():
    ex = run("Opetushallitus palkitsi Raahen kaupungin Liikkuva koulu -palkinnolla 5.10.2022.\n")
    assert awards(ex) == [("Liikkuva koulu -palkinto", "Raahen kaupunki", "organisation", "Opetushallitus",
                           "2022-10-05")]


def test_fi_award_donor_in_next_sentence():
    ex = run("Vuoden opettaja -palkinnon sai lehtori Anna Korhonen Savon ammattiopistosta. "
             "Palkinnon myönsi Opetushallitus.\n")
    assert [(a, r, b) for a, r, _, b, _ in awards(ex)] == [("Vuoden opettaja -palkinto", "Anna Korhonen", "Opetushallitus")]


def test_fi_award_recipient_in_allative():
    ex = run("Vuoden opettaja -palkinto myönnettiin lehtori Anna Korhoselle.\n")
    assert [(a, r) for a, r, _, _, _ in awards(ex)] == [("Vuoden opettaja -palkinto", "Anna Korhonen")]


def test_sv_award_named_by_donor_genitive():
    ex = run("Svenska kulturfondens pris gick till rektor Erik Holm vid Vasa övningsskola.\n")
    assert awards(ex) == [("Svenska kulturfondens pris", "Erik Holm", "person", "Svenska kulturfonden", None)]


def test_sv_award_proper_name_after_generic_prize_word():
    ex = run("Skolutvecklingspriset Gyllene Pennan delades ut till Karin Lindqvist, lärare på Hjalmar Strömerskolan.\n")
    assert [(a, r) for a, r, _, _, _ in awards(ex)] == [("Skolutvecklingspriset Gyllene Pennan", "Karin Lindqvist")]


def test_en_award_name_without_article():
    ex = run("The Teaching Excellence Award was presented to Professor Jane Smith of the University of Turku.\n")
    assert [(a, r) for a, r, _, _, _ in awards(ex)] == [("Teaching Excellence Award", "Jane Smith")]
