"""A release lists several grants and says once, in a sentence of its own, when the projects start, run or
end: every grant of the release takes that period (the gold convention). Every text here is invented."""
from __future__ import annotations

import pytest

from extraction import run

EN = ("The Regional Council of Norland has granted EUR 400,000 to two projects. The University of Norland receives "
      "EUR 250,000 for the Arctic Makers project and Norland University of Applied Sciences EUR 150,000 for the "
      "Snow Lab project.\n\n{period}")
FI = ("Pohjois-Savon liitto on myöntänyt rahoitusta kahdelle hankkeelle. Itä-Suomen yliopisto saa 200 000 euroa "
      "Metsäkoulu-hankkeeseen ja Savonia-ammattikorkeakoulu 120 000 euroa Vesilabra-hankkeeseen.\n\n{period}")
SV = ("Region Norrbotten beviljar 3 miljoner kronor till två projekt. Luleå tekniska universitet får 2 miljoner "
      "kronor för projektet Fjällskolan och Umeå universitet 1 miljon kronor för projektet Isvägen.\n\n{period}")


def periods(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.start, p.end) for p in run(text).projects}


@pytest.mark.parametrize("template, period, names, expected", [
    # a range after the plural subject
    (EN, "The funded projects run from 1 May 2025 to 30 April 2027.", ("Arctic Makers", "Snow Lab"),
     ("2025-05-01", "2027-04-30")),
    (SV, "Projekten pågår under 2025–2027.", ("Fjällskolan", "Isvägen"), ("2025", "2027")),
    # two single dates, each a start or an end by the verb before it
    (EN, "The projects start in September 2025 and end in August 2027.", ("Arctic Makers", "Snow Lab"),
     ("2025-09", "2027-08")),
    (FI, "Hankkeet käynnistyvät syyskuussa 2025 ja päättyvät vuoden 2027 lopussa.", ("Metsäkoulu", "Vesilabra"),
     ("2025-09", "2027")),
    # only a start
    (FI, "Hankkeet alkavat syksyllä 2025.", ("Metsäkoulu", "Vesilabra"), ("2025", None)),
    (SV, "Insatserna startar i januari 2026.", ("Fjällskolan", "Isvägen"), ("2026-01", None)),
    # the grants, not the projects, as the subject
    (EN, "The grants cover the years 2025–2026.", ("Arctic Makers", "Snow Lab"), ("2025", "2026")),
    (FI, "Avustukset on myönnetty vuosille 2025–2026.", ("Metsäkoulu", "Vesilabra"), ("2025", "2026")),
    (SV, "Bidragen avser perioden 2025–2026.", ("Fjällskolan", "Isvägen"), ("2025", "2026")),
])
def test_a_period_said_once_dates_every_grant(template, period, names, expected):
    found = periods(template.format(period=period))
    assert {n: found.get(n) for n in names} == {n: expected for n in names}


@pytest.mark.parametrize("template, period, names, expected", [
    (EN, "Funding period: 1 August 2025 – 31 July 2027", ("Arctic Makers", "Snow Lab"), ("2025-08-01", "2027-07-31")),
    (FI, "Rahoitusaika: 1.8.2025–31.7.2027", ("Metsäkoulu", "Vesilabra"), ("2025-08-01", "2027-07-31")),
    (SV, "Bidragsperiod: 2025–2027", ("Fjällskolan", "Isvägen"), ("2025", "2027")),
])
def test_a_period_field_said_once_dates_every_grant(template, period, names, expected):
    found = periods(template.format(period=period))
    assert {n: found.get(n) for n in names} == {n: expected for n in names}


@pytest.mark.parametrize("template, period", [
    # a sentence about one partner's own project is not the release's period
    (EN, "The projects of the University of Norland run from 2025 to 2027."),
    # no verb of starting or ending before a single date: no telling what it is
    (FI, "Hankkeet esiteltiin 2025."),
    # a date not said of the projects
    (EN, "Both universities start new courses in September 2025."),
    # the period of the programme that pays for them
    (EN, "The projects receive a total of EUR 400,000 from the Erasmus+ programme for 2021–2027."),
    (FI, "Hankkeet rahoitetaan ohjelmakaudella 2021–2027."),
    (SV, "Projekten finansieras inom programperioden 2021–2027."),
])
def test_no_shared_period_without_the_construction(template, period):
    assert all(p.start is None and p.end is None for p in run(template.format(period=period)).projects)


# a consortium or network granted money is the page's only project; its fact box gives the period
CONSORTIUM = {
    "en": "News\n\nNORDTEACH consortium starts work\n\nA new consortium between the University of Turku, the "
          "University of Oulu and Tallinn University will renew teacher education. NORDTEACH receives EUR 1.5 "
          "million.\n\n{label}: 1 September 2025 – 31 August 2028\n",
    "fi": "Uutiset\n\nOpeverkko-konsortio aloittaa työnsä\n\nTurun yliopiston, Oulun yliopiston ja Lapin yliopiston "
          "yhteinen Opeverkko-konsortio uudistaa opettajankoulutusta. Opeverkko-konsortio saa 1,5 miljoonaa euroa."
          "\n\n{label}: 1.9.2025–31.8.2028\n",
    "sv": "Nyheter\n\nNordlärare-nätverket startar\n\nNordlärare-nätverket mellan Åbo Akademi, Uppsala universitet "
          "och Umeå universitet ska förnya lärarutbildningen. Nordlärare-nätverket får 1,5 miljoner euro.\n\n"
          "{label}: 1.9.2025–31.8.2028\n",
}


@pytest.mark.parametrize("lang, label", [("en", "Duration"), ("fi", "Hankeaika"), ("sv", "Projektperiod")])
def test_a_funded_consortium_takes_its_fact_boxs_period(lang, label):
    found = [(p.start, p.end) for p in run(CONSORTIUM[lang].format(label=label)).projects]
    assert found == [("2025-09-01", "2028-08-31")]


@pytest.mark.parametrize("template, period, names", [
    (EN, "All projects are to begin by 1 September 2025 and to finish no later than 31 August 2027.",
     ("Arctic Makers", "Snow Lab")),
    (SV, "Projekten ska starta senast 1 september 2025.", ("Fjällskolan", "Isvägen")),
])
def test_a_deadline_said_once_is_no_period_of_the_grants(template, period, names):
    found = periods(template.format(period=period))
    assert {n: found.get(n) for n in names} == {n: (None, None) for n in names}
