"""Events named by a quoted name in apposition after the event noun, under a page section's title, named with
a title-case "Day", and agenda items that open with a time of day (issue 12, construction 7). All texts are
invented."""
from __future__ import annotations

import pytest

from extraction import run


def events(text: str) -> list[tuple[str, str | None]]:
    return [(e.name, e.date) for e in run(text).events]


@pytest.mark.parametrize("text, expected", [
    ('Network news\n\nThe network\'s annual get-together, "Schools Without Walls", gathers some 40 teachers.\n\n'
     '3–4 April 2025, Tromsø\n', ("Schools Without Walls", "2025-04-03")),
    ("Verkoston uutiset\n\nVerkoston syystapaaminen, ”Yhdessä eteenpäin”, kokoaa opettajat Ouluun.\n\n"
     "14.11.2025, Oulu\n", ("Yhdessä eteenpäin", "2025-11-14")),
    ('Nätverkets nyheter\n\nNätverkets årliga träff, "Skolan i världen", samlar lärare från hela regionen.\n\n'
     "12 mars 2025, Luleå\n", ("Skolan i världen", "2025-03-12")),
])
def test_quoted_name_in_apposition_after_a_meeting_noun(text, expected):
    assert expected in events(text)


def test_a_hyphenated_meeting_noun_is_an_event_word():
    assert events('News\n\nThe get-together "Open Doors" is held in Bergen.\n\n5 May 2025\n') == [("Open Doors", "2025-05-05")]


def test_a_section_title_above_a_quoted_event_is_no_event_and_agenda_items_are_sessions():
    got = events('Events calendar\n\nSeminar "Learning Outdoors"\nFriday 7 March 2025, 9.00–15.00\nOslo\n\n'
                 "The seminar gathers teachers of all school levels.\n\nAgenda\n\n"
                 "9.00 Opening words – Kari Nordmann\n"
                 "10.30 Parallel workshops: forest school; beach school\n"
                 "12.00 Lunch\n")
    assert got == [("Learning Outdoors", "2025-03-07")]


def test_title_case_name_ending_in_day_is_an_event():
    got = events("News\n\nThe prize was presented at the Northern Teaching Day in Tromsø on 14 November 2024.\n")
    assert got == [("Northern Teaching Day", "2024-11-14")]


@pytest.mark.parametrize("text, expected", [
    ("Nätverkets nyheter\n\nNätverkets vårträff ”Skolgården som klassrum” hålls\nfredag 9 maj 2025\ni Umeå.\n",
     ("Skolgården som klassrum", "2025-05-09")),
    ("Verkoston uutiset\n\nVerkoston kevättapaaminen ”Koulupiha oppimisympäristönä” pidetään\n"
     "perjantaina 9.5.2025\nRovaniemellä.\n", ("Koulupiha oppimisympäristönä", "2025-05-09")),
    ('Network news\n\nThe network\'s spring meeting "Schoolyards as Classrooms" is held\nFriday 9 May 2025\nin Tromsø.\n',
     ("Schoolyards as Classrooms", "2025-05-09")),
])
def test_quoted_name_right_after_a_lower_case_meeting_noun_is_the_name(text, expected):
    assert events(text) == [expected]


def test_a_quote_after_a_named_lower_case_event_is_its_theme():
    got = events("Uutiset\n\nYläkoulun- ja lukion opettajien kehittämispäivät ”Uudet tuulet” pidetään 3.10.2025 Kuopiossa.\n")
    assert [n for n, _ in got] == ["Yläkoulun- ja lukion opettajien kehittämispäivät"]


@pytest.mark.parametrize("text, expected", [
    ("Verkoston uutiset\n\nSyystapaaminen Kuopiossa\nVerkoston syystapaaminen ”Lukeminen kaikissa aineissa” "
     "pidetään 6.11.2025.\n", [("Lukeminen kaikissa aineissa", "2025-11-06")]),
    ("Opettajille stipendejä\n\nOpettajat kokoontuivat Opetushallituksen Koulutusfoorumissa Tampereella 12.10.2024.\n",
     [("Koulutusfoorumi", "2024-10-12")]),
])
def test_fi_place_in_a_place_case_after_an_event_word_is_no_part_of_its_name(text, expected):
    assert events(text) == expected


def test_fi_imperative_opening_a_sentence_is_no_part_of_an_event_name():
    text = ("Verkoston uutiset\n\nVerkostotapaaminen ”Lukeminen kaikissa aineissa”\nKeskiviikkona 5.11.2025 klo 13–16, "
            "Kuopio\n\nTapaaminen on avoin kaikille.\n\nIlmoittaudu tapaamiseen 21.3. mennessä.\n")
    assert events(text) == [("Lukeminen kaikissa aineissa", "2025-11-05")]


@pytest.mark.parametrize("text, expected", [
    ("Verkoston uutiset\n\nVerkoston tapaamisissa on sovittu yhteisistä koulutuspäivistä.\n\n"
     "Verkostotapaaminen ”Kylä ja koulu”\nKeskiviikkona 6.5.2026 klo 12–16, Oulu\n\n"
     "Ilmoittaudu tapaamiseen viimeistään 24.4.2026.\n", ("Kylä ja koulu", "2026-05-06")),
    ("Nätverkets nyheter\n\nNätverkets träffar har gett gemensamma kurser.\n\n"
     "Nätverksträff ”Byn och skolan”\nOnsdag 6 maj 2026 kl. 12–16, Luleå\n\n"
     "Anmäl dig till träffen senast 24 april 2026.\n", ("Byn och skolan", "2026-05-06")),
])
def test_a_quoted_event_under_a_heading_of_its_own_with_its_day_below(text, expected):
    assert expected in events(text)
