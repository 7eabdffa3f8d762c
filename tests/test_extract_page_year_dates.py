"""An event dated by a day without its year ("on 8th of March", "8. maaliskuuta", "den 8 mars", "8.3.") takes the
year of the page's dateline; a page without a dateline leaves it undated (issue 12, construction 7).
All texts are invented."""
from __future__ import annotations

import pytest

from extraction import run


def event_dates(text: str) -> set:
    return {e.date for e in run(text).events}


@pytest.mark.parametrize("sentence", [
    "Turun yliopiston Oppimisen päivät järjestettiin 8. maaliskuuta Turussa.",
    "Turun yliopiston Oppimisen päivät järjestettiin 8.3. Turussa.",
    "Konferensen Nordisk lärarutbildning ordnades den 8 mars i Åbo.",
    "The Northland Education Forum was held on 8th of March in Turku.",
])
def test_a_day_without_its_year_is_in_the_year_of_the_pages_dateline(sentence):
    assert event_dates(f"News\n\n12.3.2024\n\n{sentence}\n") == {"2024-03-08"}


@pytest.mark.parametrize("sentence", [
    "The Northland Education Forum will be held on 14–15 May in Turku.",
    "Konferensen Nordisk lärarutbildning ordnas den 14–15 maj i Åbo.",
])
def test_a_range_of_days_without_its_year_is_dated_by_its_first_day(sentence):
    assert event_dates(f"News\n\n12.3.2024\n\n{sentence}\n") == {"2024-05-14"}


def test_without_a_dateline_the_day_lends_no_year():
    assert event_dates("News\n\nThe Northland Education Forum was held on 8th of March in Turku.\n") == {None}


@pytest.mark.parametrize("sentence", [
    "Opetusalan säätiö myönsi Majakka-palkinnon Maria Virtaselle 8. maaliskuuta.",
    "Stiftelsen Norrsken tilldelade Fyrpriset till Maria Virtanen den 8 mars.",
    "The Northland Foundation awarded the Lighthouse Prize to Maria Virtanen on 8th of March.",
])
def test_an_award_given_on_a_day_without_its_year_takes_the_pages_year(sentence):
    assert {a.date for a in run(f"News\n\n12.3.2024\n\n{sentence}\n").awards} == {"2024-03-08"}


@pytest.mark.parametrize("sentence, other", [
    ("Turun yliopiston Oppimisen päivät järjestettiin keskiviikkona Turussa.",
     "Turun yliopiston Oppimisen päivät järjestettiin maanantaina Turussa."),
    ("Konferensen Nordisk lärarutbildning ordnades i Åbo på onsdagen.",
     "Konferensen Nordisk lärarutbildning ordnades i Åbo på måndagen."),
    ("The Northland Education Forum was held in Turku on Wednesday.",
     "The Northland Education Forum was held in Turku on Monday."),
])
def test_the_weekday_of_the_dateline_is_the_dateline_and_another_weekday_no_date(sentence, other):
    # 13 March 2024 was a Wednesday
    assert event_dates(f"News\n\n13.3.2024\n\n{sentence}\n") == {"2024-03-13"}
    assert event_dates(f"News\n\n13.3.2024\n\n{other}\n") == {None}


def test_an_event_named_again_in_an_inflected_form_takes_the_day_of_that_sentence():
    text = ("Uutiset\n\n3.2.2025\n\nRehtorien verkostotapaaminen\n\nItäkummun yliopisto järjestää rehtorien "
            "verkostotapaamisen 14. toukokuuta Itäkummussa.\n")
    assert event_dates(text) == {"2025-05-14"}
