"""Award recipients (issue 12, construction 6): receivers joined after the first one's apposition, bodies
inside that apposition, and the person an award is named after, who is its namesake and no recipient.
All texts are invented."""
from __future__ import annotations

import pytest

from extraction import run


def recipients(text: str) -> set[str]:
    ex = run(text)
    names = {k: o.name for k, o in ex.organisations.items()}
    return {names.get(a.recipient, a.recipient) for a in ex.awards}


@pytest.mark.parametrize("text, expected", [
    ("News\n\nThe Northland Foundation has awarded the Lighthouse Prize 2024 to Maria Virtanen, class teacher at "
     "Kallio School in Turku, and Erik Lund, head of the Solberg daycare centre in Vaasa.\n",
     {"Maria Virtanen", "Erik Lund"}),
    ("Nyheter\n\nStiftelsen Norrsken har tilldelat Fyrpriset 2024 till Maria Virtanen, lärare vid Kallioskolan i "
     "Åbo, och Erik Lund, rektor för Solbergs förskola i Vasa.\n",
     {"Maria Virtanen", "Erik Lund"}),
])
def test_a_second_receiver_after_the_first_ones_apposition(text, expected):
    assert recipients(text) == expected


@pytest.mark.parametrize("text", [
    "News\n\nThe Northland Foundation has awarded the Lighthouse Prize 2024 to Maria Virtanen.\n\n"
    "The prize is named after Helmi Saarinen, a teacher and author who left her estate to the foundation.\n",
    "Nyheter\n\nStiftelsen Norrsken har tilldelat Fyrpriset 2024 till Maria Virtanen.\n\n"
    "Priset är uppkallat efter Helmi Saarinen, en lärare som testamenterade sin förmögenhet till stiftelsen.\n",
])
def test_the_namesake_of_an_award_is_no_recipient(text):
    assert recipients(text) == {"Maria Virtanen"}


def conferrals(text: str) -> set[tuple[str, str]]:
    ex = run(text)
    names = {k: o.name for k, o in ex.organisations.items()}
    return {(a.award, names.get(a.recipient, a.recipient)) for a in ex.awards}


def test_en_honourable_mentions_listed_in_bullets_that_go_on_with_what_they_are_for():
    got = conferrals("News\n\nThe Northland Foundation has awarded the Lighthouse Prize 2024 to Maria Virtanen.\n\n"
                     "The prize recognises teachers who share their materials.\n\n"
                     "Honourable mentions\n\n"
                     "The jury also gave two honourable mentions of the Lighthouse Prize:\n"
                     "- Erik Lund, class teacher at Solberg School, Vaasa, for his outdoor lessons on local history\n"
                     "- the science team of Kallio Upper Secondary School, Turku, for a shared bank of lab tasks\n")
    mention = {rec for award, rec in got if "mention" in award}
    assert mention == {"Erik Lund", "Kallio Upper Secondary School"}


def test_fi_an_award_name_before_its_receiver_is_no_part_of_the_receivers_name():
    got = conferrals("Uutiset\n\nOpetusalan säätiö on myöntänyt vuoden 2024 Majakka-palkinnon Savon koulutuskuntayhtymälle.\n")
    assert got == {("Majakka-palkinto", "Savon koulutuskuntayhtymä")}
