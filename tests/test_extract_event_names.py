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
    ("Verkoston uutiset\n\nVerkoston kevättapaaminen ”Yhdessä eteenpäin” pidetään\ntorstaina 14.5.2026\nOulussa.\n",
     ("Yhdessä eteenpäin", "2026-05-14")),
    ("Nätverkets nyheter\n\nNätverkets vårträff ”Skolan i världen” hålls\ntorsdag 12 mars 2026\ni Luleå.\n",
     ("Skolan i världen", "2026-03-12")),
    ('Network news\n\nThe network\'s spring get-together "Schools Without Walls" is held\nThursday 12 March 2026\n'
     "in Tromsø.\n", ("Schools Without Walls", "2026-03-12")),
])
def test_quoted_name_right_after_a_meeting_noun_names_the_event_said_of(text, expected):
    assert events(text) == [expected]


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
