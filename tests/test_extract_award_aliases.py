"""One award under two names in one text (issue 12, construction 6): a caption or headline names it one way,
the article another, and both name the same recipients. It stays one award, not one per name; an award given
to other people stays apart. All texts are invented."""
from __future__ import annotations

import pytest

from extraction import run


def conferrals(text: str) -> set[tuple[str, str]]:
    ex = run(text)
    names = {k: o.name for k, o in ex.organisations.items()}
    return {(a.award, names.get(a.recipient, a.recipient)) for a in ex.awards}


@pytest.mark.parametrize("text, first", [
    ("Uutiset\n\nVuoden kasvattaja -palkinnon saajat Maria Virtanen ja Erik Lund.\n\n"
     "Kaksi opettajaa palkittiin Lumme-palkinnolla maanantaina. Palkinnon saivat Maria Virtanen ja Erik Lund.\n",
     "Vuoden kasvattaja -palkinto"),
    ("Nyheter\n\nÅrets pedagog-priset delades ut till Maria Virtanen och Erik Lund.\n\n"
     "Två lärare belönades med Fyrpriset i måndags. Priset gick till Maria Virtanen och Erik Lund.\n",
     "Årets pedagog-priset"),
    ("News\n\nThe Educator Prize was presented to Maria Virtanen and Erik Lund.\n\n"
     "Two teachers received the Lighthouse Award on Monday. The award went to Maria Virtanen and Erik Lund.\n",
     "Educator Prize"),
])
def test_two_names_given_to_the_same_recipients_are_one_award(text, first):
    assert conferrals(text) == {(first, "Maria Virtanen"), (first, "Erik Lund")}


def test_en_a_headline_that_adds_the_year_names_the_award_of_the_text():
    got = conferrals("News\n\nMentor of the Year 2024, Maria Virtanen\n\n"
                     "Maria Virtanen was chosen as the Mentor of the Year at the alumni gala of the University of Turku.\n")
    assert len({award for award, _ in got}) == 1


@pytest.mark.parametrize("text", [
    "Nyheter\n\nÅrets pedagog-priset delades ut till Maria Virtanen och Erik Lund.\n\n"
    "Två lärare belönades med Fyrpriset i måndags. Priset gick till Maria Virtanen.\n",
    "News\n\nThe Educator Prize was presented to Maria Virtanen and Erik Lund.\n\n"
    "The Lighthouse Award went to Maria Virtanen.\n",
])
def test_an_award_given_to_only_some_of_the_same_people_is_another(text):
    assert len({award for award, _ in conferrals(text)}) == 2
