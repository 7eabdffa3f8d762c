"""Project periods said in prose, and what a sentence that ends in a year leaves to the next one. Every text here
is invented."""
from __future__ import annotations

import pytest

from extraction import coalitions, run


def periods(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.start, p.end) for p in run(text).projects}


PAGE = {
    "en": "News\n\nNew project on pupil wellbeing\n\nThe University of Eastby coordinates the PeerPath project, "
          "funded by the Lindqvist Foundation. {period}",
    "sv": "Nyheter\n\nNytt projekt om elevers hälsa\n\nÖstbergs universitet leder projektet Kamratstig, som "
          "finansieras av Lindqvists stiftelse. {period}",
    "fi": "Uutiset\n\nUusi hanke oppilaiden hyvinvointiin\n\nItäkummun yliopisto koordinoi Vertaispolku-hanketta, "
          "jota rahoittaa Opetushallitus. {period}",
}
NAME = {"en": "PeerPath", "sv": "Kamratstig", "fi": "Vertaispolku"}


@pytest.mark.parametrize("lang, period, expected", [
    # a period in the case forms of "from" and "to"
    ("fi", "Hanke kestää maaliskuusta 2024 helmikuuhun 2026.", ("2024-03", "2026-02")),
    # a verb of running with "till" / "from" before a single date
    ("sv", "Projektet löper till 31 december 2026.", (None, "2026-12-31")),
    ("sv", "Projektet pågår från augusti 2025.", ("2025-08", None)),
    ("en", "The project runs from autumn 2025.", ("2025", None)),
    # the plural of a verb of starting
    ("fi", "Hanke ja sen pilotit käynnistyvät syyskuussa 2025.", ("2025-09", None)),
])
def test_period_words_in_a_project_sentence(lang, period, expected):
    assert periods(PAGE[lang].format(period=period))[NAME[lang]] == expected


@pytest.mark.parametrize("text, expected", [
    # a year ends the first sentence: the second project's period is its own
    ("News\n\nTwo grants\n\nThe Lindqvist Foundation has granted EUR 300,000 to two projects.\n\nThe University of "
     "Eastby receives EUR 200,000 for the PeerPath project in 2024–2026. The City of Westby receives EUR 100,000 "
     "for the MathLane project in 2025–2027.",
     {"PeerPath": ("2024", "2026"), "MathLane": ("2025", "2027")}),
    # a shared period in a sentence of its own, though a year closes it and a body is named after it
    ("Tiedote\n\nRahoitusta kahdelle hankkeelle\n\nPohjois-Savon liitto on myöntänyt rahoitusta kahdelle "
     "hankkeelle. Itä-Suomen yliopisto saa 200 000 euroa Metsäkoulu-hankkeeseen ja Savonia-ammattikorkeakoulu "
     "120 000 euroa Vesilabra-hankkeeseen.\n\nHankkeet käynnistyvät kesäkuussa 2025. Savonia-ammattikorkeakoulun "
     "hankkeeseen osallistuu myös yrityksiä.",
     {"Metsäkoulu": ("2025-06", None), "Vesilabra": ("2025-06", None)}),
])
def test_a_year_ends_a_sentence(text, expected):
    found = periods(text)
    assert {n: found.get(n) for n in expected} == expected


def test_a_possessive_pronoun_points_to_the_coalition_named_before():
    text = ("About us\n\nThe Northern Schools Network (NSN) links schools around the Gulf of Bothnia.\n\n"
            "NSN was founded in 2015. Its members are the University of Eastby, Westby College and the City of "
            "Northby.")
    assert coalitions(text)["Northern Schools Network"] == {"University of Eastby", "Westby College", "City of Northby"}


def test_a_sum_received_after_the_sentence_naming_its_funder():
    text = ("About us\n\nNORDLINK – Nordic School Network\n\nNORDLINK is a network of five schools.\n\nFunding\n\n"
            "Mobility within NORDLINK has been funded by Nordplus Junior since 2020. In 2024 the network received a "
            "grant of EUR 50,000 for the two-year project \"Open Doors\", in which pupils meet online.")
    grants = {p.name: [(g.amount, g.currency) for g in p.grants] for p in run(text).projects}
    assert grants["Open Doors"] == [(50000.0, "EUR")]


@pytest.mark.parametrize("text, name, expected", [
    # a project's heading on a page of projects ends in its period
    ("Hankkeet\n\nVertaispolku 2023–2025\n\nVertaispolku kehittää oppilaiden vertaistukea. Hanketta hallinnoi "
     "Itäkummun yliopisto ja rahoittaa Opetushallitus.", "Vertaispolku", ("2023", "2025")),
    # start and end each in a field of their own
    ("Hanke\n\nVertaispolku – vertaistukea oppilaille\n\nHallinnoija: Itäkummun yliopisto\nAloitus: 1.9.2023\n"
     "Päättyminen: 31.8.2025", "Vertaispolku – vertaistukea oppilaille", ("2023-09-01", "2025-08-31")),
    ("Projekt\n\nKamratstig – kamratstöd för elever\n\nProjektägare: Östbergs universitet\nProjektstart: "
     "2023-09-01\nProjektslut: 2025-08-31", "Kamratstig – kamratstöd för elever", ("2023-09-01", "2025-08-31")),
])
def test_periods_of_headings_and_fields(text, name, expected):
    assert periods(text)[name] == expected


def test_the_event_word_alone_speaks_of_the_event_named_before():
    text = ("Events\n\nThe Eastby Wellbeing Conference brings together teachers and researchers from the Nordic "
            "countries to discuss the wellbeing of school staff. The conference takes place on Tuesday, 14 October "
            "2025 in Eastby.")
    assert {e.name: e.date for e in run(text).events} == {"Eastby Wellbeing Conference": "2025-10-14"}


@pytest.mark.parametrize("text, expected", [
    # two projects and two periods in one sentence: each period is the project's named last before it
    ("Uutiset\n\nSäätiö rahoittaa hankkeita\n\nLindqvistin säätiö on myöntänyt 500 000 euroa kahdelle hankkeelle. "
     "Itäkummun yliopiston Vertaispolku-hanke saa 200 000 euroa vuosille 2024–2026 ja Länsikylän kaupungin "
     "Matikkapolku-hanke 150 000 euroa vuosille 2025–2027.",
     {"Vertaispolku": ("2024", "2026"), "Matikkapolku": ("2025", "2027")}),
    # a grant table's period column
    ("News\n\nFoundation funds projects\n\nThe Lindqvist Foundation has granted EUR 350,000 to two projects.\n\n"
     "Project | Coordinator | Period | Grant\nPeerPath | University of Eastby | 2024–2026 | 200,000\n"
     "MathLane | City of Westby | 2025–2027 | 150,000",
     {"PeerPath": ("2024", "2026"), "MathLane": ("2025", "2027")}),
])
def test_periods_of_several_grants(text, expected):
    found = periods(text)
    assert {n: found.get(n) for n in expected} == expected


def test_a_year_in_the_event_title_is_made_precise_by_a_day_of_that_year():
    about = "Teachers, researchers and school leaders from the Nordic countries meet to discuss assessment. " * 4
    text = (f"Eastby Education Forum 2025\n\n{about}\n\nThe Eastby Education Forum 2025 will be held on 14 May 2025 "
            "in Eastby. It is organised by the University of Eastby.")
    assert [e.date for e in run(text).events] == ["2025-05-14"]
