"""Whole documents of the genre, written for these tests (tests/data/documents/): what a user expects to find
in each, through the same pipeline the build uses."""
from pathlib import Path

import pytest

from edukg.ingest.read import read_document
from edukg.ingest.pipeline import extract

DOCS = Path(__file__).parent / "data" / "documents"


@pytest.fixture(scope="module")
def ex():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = extract(read_document(DOCS / name))
        return cache[name]
    return get


def org_names(x):
    return {o.name for o in x.organisations.values()}


def roles(x, project):
    return {(x.organisations[p.organisation].name, p.role) for p in project.participants}


def funders(x, project):
    return {x.organisations[f].name for g in project.grants for f in g.funders}


def test_fi_grant_release(ex):
    x = ex("fi-grant-release.txt")
    assert x.document.lang == "fi"
    [p] = x.projects
    assert p.name == "opettajankoulutuksen digitaalisten oppimisympäristöjen kehittäminen"  # "… kehittämiseen"
    assert (p.start, p.end) == ("2024", "2026")
    assert funders(x, p) == {"Opetus- ja kulttuuriministeriö"}
    assert p.grants[0].amount == 1200000 and p.grants[0].currency == "EUR"
    assert ("Jyväskylän yliopisto", "coordinator") in roles(x, p)
    assert {("Jyväskylän kaupunki", "partner"), ("Keski-Suomen liitto", "partner")} <= roles(x, p)
    people = {pp.name: (pp.title, x.organisations[pp.organisation].name) for pp in x.people}
    assert people["Sanna Lehtinen"] == ("projektipäällikkö", "Jyväskylän yliopisto")
    assert people["Matti Korhonen"] == ("dekaani", "Jyväskylän yliopisto")
    assert "Etusivu » Ajankohtaista" not in {pr.name for pr in x.projects}  # a breadcrumb is no name


def test_fi_register_page(ex):
    x = ex("fi-register-page.txt")
    [p] = x.projects
    assert p.name == "Digiloikka ammatillisessa koulutuksessa" and "DIGILOIKKA" in p.alt_labels
    assert p.code == "S30111"
    assert (p.start, p.end) == ("2021-03-01", "2023-02-28")
    assert funders(x, p) == {"Euroopan sosiaalirahasto", "Pohjois-Savon ELY-keskus"}
    assert roles(x, p) == {("Savon koulutuskuntayhtymä", "coordinator"), ("Savonia-ammattikorkeakoulu", "partner"),
                           ("Ylä-Savon koulutuskuntayhtymä", "partner")}
    assert p.grants[0].amount == 450000


def test_fi_event_page(ex):
    x = ex("fi-event-page.txt")
    [e] = x.events
    assert (e.name, e.date) == ("Varhaiskasvatuksen päivät 2024", "2024-09-12")
    assert {x.organisations[k].name for k in e.organisers} == {"Turun yliopisto", "Turun kaupunki",
                                                               "Suomen varhaiskasvatus ry"}


def test_sv_network_page(ex):
    x = ex("sv-network-page.txt")
    [c] = x.coalitions
    assert c.name == "Nordiskt nätverk för lärarutbildning"
    members = {x.organisations[m.organisation].name: m.role for m in c.members}
    assert members["Uppsala universitet"] == "organiser" and members["Högskolan i Borås"] == "member"
    assert {"Göteborgs universitet", "Åbo Akademi"} <= set(members)
    [e] = x.events
    assert e.date == "2025-05-14" and "Nordisk lärarutbildning 2025" in e.name


def test_sv_award_news(ex):
    x = ex("sv-award-news.txt")
    [a] = x.awards
    assert "Årets skolledare 2023" in a.award and a.recipient == "Maria Holm"
    [p] = x.people
    assert (p.title, x.organisations[p.organisation].name) == ("rektor", "Solbergaskolan")


def test_sv_grant_news(ex):
    x = ex("sv-grant-news.txt")
    [p] = x.projects
    assert p.name == "Läslyftet i Gävle" and (p.start, p.end) == ("2024", "2026")
    assert funders(x, p) == {"Skolverket"}  # "Skolverket har beviljat Gävle kommun …": the object receives
    assert roles(x, p) == {("Gävle kommun", "coordinator"), ("Högskolan i Gävle", "partner")}
    assert p.grants[0].amount == 3500000 and p.grants[0].currency == "SEK"


def test_en_project_news(ex):
    x = ex("en-project-news.txt")
    [p] = x.projects
    assert p.name == "INCLUDE" and (p.start, p.end) == ("2023-09-01", "2026-08-31")
    assert ("University of Oulu", "coordinator") in roles(x, p)
    assert {"University of Iceland", "Stockholm University", "Tallinn University"} <= {o for o, r in roles(x, p)}
    assert funders(x, p) == {"European Commission"} and p.grants[0].amount == 400000
    assert {pp.name for pp in x.people} == {"Anna Virtanen", "Laura Niemi"}


def test_en_award_network_event(ex):
    x = ex("en-award-network-event.txt")
    assert {(a.award, a.recipient) for a in x.awards} == {("European Innovative Teaching Award", "helsingin-kaupunki")}
    [c] = x.coalitions
    assert c.name == "Nordic Network for Adult Learning"
    assert {"Finnish Adult Education Association", "Folkbildningsrådet"} <= {x.organisations[m.organisation].name
                                                                             for m in c.members}
    [e] = x.events
    assert (e.name, e.date) == ("Nordic Education Conference", "2025-06-03")


def test_en_project_fields(ex):
    x = ex("en-project-fields.txt")
    [p] = x.projects
    assert p.name == "Teachers for Tomorrow" and "T4T" in p.alt_labels
    assert ("Tampere University", "coordinator") in roles(x, p)
    assert funders(x, p) == {"Academy of Finland"}
    assert (p.start, p.end) == ("2022-01-01", "2024-12-31")


def test_project_list_page_headings_with_periods(ex):
    x = ex("fi-project-list.txt")
    got = {(p.name, p.start, p.end) for p in x.projects}
    assert ("Oppimisen ilo", "2019-01-01", "2020-12-31") in got
    assert ("Digitaaliset taidot työelämään – DITA", "2021-08-01", "2023-07-31") in got
    dita = next(p for p in x.projects if p.name.endswith("DITA"))
    assert "DITA" in dita.alt_labels
    assert not any(p.name.startswith("Hankkeen kesto") for p in x.projects)


def test_fi_fronted_object_names_the_project_and_joint_leaders():
    from edukg.ingest.model import Document
    text = ("Tietoa hankkeesta\n\n"
            "Lukemisen iloa koordinoivat Lastenkirjainstituutti ja Kirjastoseura ry. "
            "Lukemisen iloa tukevat Suomen kulttuurirahasto ja Koneen säätiö.\n")
    x = extract(Document(id="fronted", path="/tmp/fronted.txt", text=text, format="text/plain", sha256="0" * 64))
    [p] = x.projects
    assert p.name == "Lukemisen ilo"  # the fronted object "Lukemisen iloa" in its base form
    assert roles(x, p) == {("Lastenkirjainstituutti", "partner"), ("Kirjastoseura ry", "partner")}  # lead jointly
    assert funders(x, p) == {"Suomen kulttuurirahasto", "Koneen säätiö"}
