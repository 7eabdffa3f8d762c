"""Funders and periods of a page about one project. The body a fund's money passes through ("… from the European
Social Fund through X", "X:n kautta", "via X") decides on the grant beside the fund, as a managing authority does:
it is a funder too. A word for the project's period with the project word inside it ("Projekttiden är …", "Hankeaika
on …") dates the page's project. Invented texts."""
import pytest

from extraction import grants, run


@pytest.mark.parametrize("text, project, authority, fund", [
    ("Nyheter\n\nProjektet Grön Skärgård koordineras av Åbo Akademi. Projektet finansieras av Europeiska regionala "
     "utvecklingsfonden via Tillväxtverket.\n", "Grön Skärgård", "Tillväxtverket", "Europeiska regionala utvecklingsfonden"),
    ("News\n\nThe Green Archipelago project is coordinated by Åbo Akademi University. The project is financed by "
     "the Nordic Heritage Fund via the Finnish Energy Authority.\n", "Green Archipelago", "Finnish Energy Authority",
     "Nordic Heritage Fund"),
    ("Uutiset\n\nVihreä Saaristo -hanketta koordinoi Turun yliopisto. Hanke saa rahoitusta Euroopan "
     "aluekehitysrahastosta Varsinais-Suomen liiton kautta.\n", "Vihreä Saaristo", "Varsinais-Suomen liitto",
     "Euroopan aluekehitysrahasto"),
])
def test_the_body_a_fund_pays_through_is_a_funder(text, project, authority, fund):
    assert grants(text)[project][1] == {fund, authority}


def test_a_body_named_through_no_fund_is_no_funder():
    text = ("Uutiset\n\nVihreä Saaristo -hanketta koordinoi Turun yliopisto. Hanke tavoittaa yritykset "
            "Varsinais-Suomen liiton kautta.\n")
    assert "Varsinais-Suomen liitto" not in grants(text)["Vihreä Saaristo"][1]


@pytest.mark.parametrize("text, name", [
    ("Nyheter\n\nProjektet Grön Skärgård koordineras av Åbo Akademi. Projekttiden är 1.5.2024–30.4.2026.\n",
     "Grön Skärgård"),
    ("Uutiset\n\nVihreä Saaristo -hanketta koordinoi Turun yliopisto. Hankeaika on 1.5.2024–30.4.2026.\n",
     "Vihreä Saaristo"),
])
def test_a_word_for_the_project_period_dates_the_page_project(text, name):
    p = next(p for p in run(text).projects if p.name == name)
    assert (p.start, p.end) == ("2024-05-01", "2026-04-30")


def test_blocks_of_project_fields_take_the_fund_named_beside_the_page_funder():
    text = ("Beviljade projekt 2024\n\nNylands förbund har beviljat medel ur Europeiska regionala utvecklingsfonden "
            "till två projekt.\n\nSkogsbyn\nProjektägare: Yrkeshögskolan Arcada\nPartner: Borgå stad\n"
            "Beviljat stöd: 120 000 euro\n\nHavsbyn\nProjektägare: Hanken Svenska handelshögskolan\n"
            "Beviljat stöd: 80 000 euro\n")
    got = grants(text)
    assert got["Skogsbyn"][1] == got["Havsbyn"][1] == {"Nylands förbund", "Europeiska regionala utvecklingsfonden"}


@pytest.mark.parametrize("text, coordinator, partners", [
    ("Hanke Kaari\n\nToteuttajat: KAO (koordinaattori), Lapin yliopisto, Kemin kaupunki\nRahoittaja: Opetushallitus\n",
     "KAO", {"Lapin yliopisto", "Kemin kaupunki"}),
    ("Projekt Båge\n\nPartner: Arcada (koordinator), Åbo Akademi\nFinansiär: Utbildningsstyrelsen\n",
     "Arcada", {"Åbo Akademi"}),
    ("Project ArcLink\n\nPartners: KAO (coordinator), University of Lapland\nFunder: Lapland Regional Council\n",
     "KAO", {"University of Lapland"}),
])
def test_a_field_listing_bodies_with_a_role_in_brackets_after_one(text, coordinator, partners):
    (parts, _, _, _), = grants(text).values()
    assert parts == {(coordinator, "coordinator")} | {(p, "partner") for p in partners}
