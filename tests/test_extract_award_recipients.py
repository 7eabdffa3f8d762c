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


def awards_given(text: str) -> set[tuple[str, str]]:
    ex = run(text)
    names = {k: o.name for k, o in ex.organisations.items()}
    return {(a.award, names.get(a.recipient, a.recipient)) for a in ex.awards}


@pytest.mark.parametrize("text, mention", [
    ("Uutiset\n\nOpetushallitus on myöntänyt Kipinä-palkinnon Hatsalan koululle. Palkinto jaetaan vuosittain. "
     "Sen suuruus on 5 000 euroa. Koulu on kehittänyt uusia työtapoja.\n\n"
     "Lisäksi Opetushallitus myönsi kunniamaininnan Jyväskylän yliopistolle.\n", "kunniamaininta"),
    ("Nyheter\n\nSkolverket har tilldelat Gnistpriset till Kallioskolan. Priset delas ut varje år. Det är på "
     "50 000 kronor. Skolan har utvecklat nya arbetssätt.\n\n"
     "Juryn gav dessutom ett hedersomnämnande till Uppsala universitet.\n", "hedersomnämnande"),
    ("News\n\nThe Northland Foundation has awarded the Spark Prize to Kallio School. The prize is given every year. "
     "It is worth EUR 5,000. The school has developed new ways of working.\n\n"
     "The jury also gave an honourable mention to the University of Turku.\n", "honourable mention"),
])
def test_an_honourable_mention_belongs_to_the_award_named_before_however_far(text, mention):
    got = awards_given(text)
    assert any(a.endswith(mention) and a.split(":")[0] in {x for x, _ in got} and r for a, r in got), got


@pytest.mark.parametrize("text, expected", [
    ("Nyheter\n\nSkolverket har tilldelat Gnistpriset till lärarlaget på Kallioskolan i Vasa.\n", "Kallioskolan"),
    ("News\n\nThe Northland Foundation has awarded the Spark Prize to the science team of Kallio School.\n",
     "Kallio School"),
])
def test_a_team_of_an_organisations_people_receives_for_it(text, expected):
    assert {r for _, r in awards_given(text)} == {expected}


@pytest.mark.parametrize("text, award", [
    ("Nyheter\n\nGnistpriset delas ut varje år av Skolverket. Prisutdelningen hölls i Vasa. Priset gick till "
     "Karin Berg.\n", "Gnistpriset"),
    ("Uutiset\n\nKipinä-palkinto jaetaan vuosittain. Palkintojenjako pidettiin Vaasassa. Palkinnon sai "
     "Maija Mäkinen.\n", "Kipinä-palkinto"),
])
def test_the_ceremony_of_a_prize_is_no_award(text, award):
    assert {a for a, _ in awards_given(text)} == {award}


@pytest.mark.parametrize("text, expected", [
    ("Uutiset\n\nOpetushallitus myönsi Kipinä-palkinnon Hatsalan koulun opettaja Maija Mäkiselle ja Jyväskylän "
     "yliopiston kasvatustieteiden laitoksen lehtori Anna Korhoselle.\n", {"Maija Mäkinen", "Anna Korhonen"}),
    ("Nyheter\n\nSkolverket gav Gnistpriset till Kallioskolans lärare Karin Berg och Uppsala universitets "
     "lektor Erik Holm.\n", {"Karin Berg", "Erik Holm"}),
])
def test_the_body_owning_a_receivers_title_receives_nothing(text, expected):
    assert recipients(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Uutiset\n\nKasvatusalan Liitto myönsi Aamurusko-palkinnon opettaja Liisa Rautiolle Oulun Tuiran koulusta "
     "ja lehtori Pekka Salolle Kajaanin lyseon lukiosta.\n",
     {("Aamurusko-palkinto", "Liisa Rautio"), ("Aamurusko-palkinto", "Pekka Salo")}),
    ("Nyheter\n\nLärarnas Förening tilldelade Gryningspriset till läraren Karin Ek vid Solbergaskolan och "
     "lektor Per Sund vid Ekby gymnasium.\n",
     {("Gryningspriset", "Karin Ek"), ("Gryningspriset", "Per Sund")}),
    ("News\n\nThe Teachers' Guild gave the Dawn Prize to teacher Mary Ashdown of Elmwood School and "
     "lecturer Paul Grey of Ridge College.\n",
     {("Dawn Prize", "Mary Ashdown"), ("Dawn Prize", "Paul Grey")}),
])
def test_the_receivers_own_school_right_after_the_name_is_no_receiver(text, expected):
    """A body right after a receiver with nothing but a space between (Finnish: in a place case, "from") is
    the receiver's workplace, not a second receiver joined to it."""
    ex = run(text)
    names = {k: o.name for k, o in ex.organisations.items()}
    assert {(a.award, names.get(a.recipient, a.recipient)) for a in ex.awards} == expected


@pytest.mark.parametrize("text, award", [
    ("Uutiset\n\nKasvatusalan Liitto myönsi tämän vuoden Aamurusko-palkinnon opettaja Liisa Rautiolle.\n",
     "Aamurusko-palkinto"),
    ("Nyheter\n\nLärarnas Förening tilldelade årets Gryningspris till läraren Karin Ek.\n", "Gryningspris"),
    ("News\n\nThe Teachers' Guild gave this year's Dawn Prize to teacher Mary Ashdown.\n", "Dawn Prize"),
])
def test_a_pronoun_before_the_award_is_no_donor_in_its_name(text, award):
    """"tämän vuoden X-palkinto" (this year's): the genitive before the name is a pronoun's, not a donor's."""
    assert {a.award for a in run(text).awards} == {award}


@pytest.mark.parametrize("text, expected", [
    ("Prize news\n\nThe jury also granted honourable mentions of the Beacon Prize to Maria Lind of Elmwood School and "
     "to the science team of Ridge College in Turku.\n", {"Maria Lind", "Ridge College"}),
    ("Prisnytt\n\nJuryn gav också hedersomnämnanden av Fyrpriset till Maria Lind vid Almby skola och till "
     "lärarlaget vid Åsens skola i Åbo.\n", {"Maria Lind", "Åsens skola"}),
])
def test_a_person_before_a_body_is_no_group_of_its_people(text, expected):
    """"to the science team of X": a group named by common nouns receives for X; "to A of X": A receives,
    and X is where A works."""
    assert recipients(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Prize news\n\nThe Birch Award 2025 went to Kallio School. The committee also gave honourable mentions of the "
     "Birch Award to Lumo College and to the Otava Reading Association.\n",
     {("Birch Award", "Kallio School"), ("honourable mention of the Birch Award", "Lumo College"),
      ("honourable mention of the Birch Award", "Otava Reading Association")}),
    ("Prisnytt\n\nBjörkpriset 2025 gick till Almby skola. Juryn gav också ett hedersomnämnande av Björkpriset "
     "till Lumo folkhögskola.\n",
     {("Björkpriset", "Almby skola"), ("hedersomnämnande av Björkpriset", "Lumo folkhögskola")}),
])
def test_a_mention_written_before_its_award_is_named_in_that_order(text, expected):
    assert awards_given(text) == expected
