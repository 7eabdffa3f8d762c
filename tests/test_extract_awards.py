"""Awards: granting verbs with receivers marked by case or preposition, presenters and namesakes that are no
recipients, titles given each year, honourable mentions. All sentences and people are invented; the
organisations are real public bodies or invented."""
from __future__ import annotations

import pytest

from extraction import run


def conferrals(text: str) -> set[tuple[str, str]]:
    ex = run(text)
    return {(a.award, ex.organisations[a.recipient].name if a.recipient_kind == "organisation" else a.recipient)
            for a in ex.awards}


def test_fi_granting_verb_with_recipients_in_allative():
    got = conferrals("Opetushallitus myönsi Liikkuva koulu -palkinnon Raahen kaupungille ja Kajaanin kaupungille.\n")
    assert got == {("Liikkuva koulu -palkinto", "Raahen kaupunki"), ("Liikkuva koulu -palkinto", "Kajaanin kaupunki")}


@pytest.mark.parametrize("text, award, recipient", [
    ("Vuoden opettaja -palkinnon luovutti rehtori Matti Ahonen lehtori Anna Korhoselle.\n",
     "Vuoden opettaja -palkinto", "Anna Korhonen"),
    ("Skolutvecklingspriset delades ut av rektor Erik Holm till läraren Karin Berg.\n",
     "Skolutvecklingspriset", "Karin Berg"),
    ("The Teaching Excellence Award was presented by Rector John Brown to Jane Smith.\n",
     "Teaching Excellence Award", "Jane Smith"),
])
def test_presenter_is_no_recipient(text, award, recipient):
    assert conferrals(text) == {(award, recipient)}


def test_fi_presenter_subject_after_handing_verb_without_marked_receiver():
    got = conferrals("Vuoden opettaja -palkinnon saajille luovutti rehtori Matti Ahonen.\n")
    assert ("Vuoden opettaja -palkinto", "Matti Ahonen") not in got


def test_en_namesake_of_the_award_is_no_recipient():
    assert conferrals("The John Brown Prize was awarded to Jane Smith.\n") == {("John Brown Prize", "Jane Smith")}


@pytest.mark.parametrize("text, award, recipient", [
    ("Opettajien yhdistys on valinnut vuoden 2024 opettajaksi Anna Korhosen.\n", "Vuoden opettaja", "Anna Korhonen"),
    ("Karin Berg utsågs till Årets lärare 2023.\n", "Årets lärare", "Karin Berg"),
    ("The Mentor of the Year Jane Smith was celebrated at the ceremony.\n", "Mentor of the Year", "Jane Smith"),
])
def test_title_given_each_year_is_an_award(text, award, recipient):
    assert conferrals(text) == {(award, recipient)}


def test_year_word_without_a_title_is_no_award():
    assert conferrals("Vuoden aikana Anna Korhonen sai palautetta.\n") == set()
    assert conferrals("Årets konferens samlade Karin Berg och Erik Holm.\n") == set()


def test_several_awards_in_one_sentence_each_to_the_person_after_it():
    got = conferrals("The ceremony honoured the Alumnus of the Year Jane Smith and the Mentor of the Year John Brown.\n")
    assert got == {("Alumnus of the Year", "Jane Smith"), ("Mentor of the Year", "John Brown")}


@pytest.mark.parametrize("text, main, mention", [
    ("Vuoden opettaja -palkinnon sai Anna Korhonen. Kunniamaininnan saivat Maija Mäkinen ja Matti Ahonen.\n",
     ("Vuoden opettaja -palkinto", "Anna Korhonen"), "Vuoden opettaja -palkinto: kunniamaininta"),
    ("Skolutvecklingspriset tilldelades Karin Berg. Ett hedersomnämnande gick till Erik Holm och Anna Lind.\n",
     ("Skolutvecklingspriset", "Karin Berg"), "Skolutvecklingspriset: hedersomnämnande"),
    ("The Teaching Excellence Award was awarded to Jane Smith. An honourable mention was given to John Brown "
     "and Mary Jones.\n", ("Teaching Excellence Award", "Jane Smith"), "Teaching Excellence Award: honourable mention"),
])
def test_honourable_mention_is_an_award_of_its_own(text, main, mention):
    got = conferrals(text)
    assert main in got
    assert len(got) == 3 and sum(1 for a, _ in got if a == mention) == 2


@pytest.mark.parametrize("text, verb", [
    ("Opettaja Anna Korhonen palkitaan merkittävällä palkinnolla.\n", "palkitaan"),
    ("Karin Berg vann stora priset i tävlingen.\n", "vann"),
])
def test_finite_verb_is_no_genitive_in_an_award_name(text, verb):
    ex = run(text)
    assert not any(verb in a.award for a in ex.awards)


@pytest.mark.parametrize("text, recipient, giver", [
    ("Opetushallitus palkitsi Raahen kaupungin Liikkuva koulu -palkinnolla.\n", "Raahen kaupunki", "Opetushallitus"),
    ("Skolverket tilldelade Umeå universitet priset Guldäpplet.\n", "Umeå universitet", "Skolverket"),
    ("The Ministry of Education awarded the University of Oulu a Teaching Excellence Award.\n",
     "University of Oulu", "Ministry of Education"),
])
def test_subject_of_an_active_granting_verb_gives_the_object_receives(text, recipient, giver):
    ex = run(text)
    got = {(ex.organisations[a.recipient].name, ex.organisations[a.by].name if a.by else None) for a in ex.awards}
    assert got == {(recipient, giver)}


@pytest.mark.parametrize("text, award", [
    ('Opetusministeri Anna Korhonen luovutti palkinnon "Vuoden teko" Jyväskylän yliopistolle.\n', "Vuoden teko"),
    ("Skolverket delade ut priset ”Årets skolprojekt” till Umeå universitet.\n", "Årets skolprojekt"),
    ("The Ministry of Education presented the award “Teacher Hero” to the University of Oulu.\n", "Teacher Hero"),
])
def test_quoted_name_after_a_prize_word(text, award):
    assert {a for a, _ in conferrals(text)} == {award}


def test_en_receivers_after_to_and_the_coordinated_with_articles():
    got = conferrals("The European Commission presented the Innovative Teaching Award to the University of Oulu "
                     "and the University of Turku.\n")
    assert got == {("Innovative Teaching Award", "University of Oulu"), ("Innovative Teaching Award", "University of Turku")}


@pytest.mark.parametrize("text, award, recipients", [
    ("Opetusalan säätiö myönsi Kultainen omena -palkinnon seuraaville opettajille:\n"
     "Anna Korhonen, Kallion koulu, Helsinki\nMatti Virtanen, Puistolan koulu, Vantaa\n\n"
     "Palkinto jaetaan joka vuosi.\n",
     "Kultainen omena -palkinto", {"Anna Korhonen", "Matti Virtanen"}),
    ("Skolframtidspriset tilldelas i år följande lärare:\n"
     "Karin Berg, Norrby skola, Umeå\nErik Holm, Söderskolan, Lund\n\nPriset delas ut varje år.\n",
     "Skolframtidspriset", {"Karin Berg", "Erik Holm"}),
    ("The Northfield Teaching Prize is awarded this year to the following teachers:\n"
     "• Jane Smith, Hillside School, Springfield\n• John Brown, Riverside Academy, Oakton\n\n"
     "The prize is given every year.\n",
     "Northfield Teaching Prize", {"Jane Smith", "John Brown"}),
])
def test_recipients_listed_one_a_line_below_an_awarding_sentence(text, award, recipients):
    assert conferrals(text) == {(award, r) for r in recipients}


def test_list_below_a_sentence_that_awards_nothing_names_no_recipient():
    text = ("The jury of the Northfield Teaching Prize consists of:\n"
            "Jane Smith, Hillside School\nJohn Brown, Riverside Academy\n")
    assert conferrals(text) == set()


def test_recipient_list_ends_at_the_first_line_that_is_no_item():
    text = ("Skolframtidspriset tilldelas i år följande lärare:\nKarin Berg, Norrby skola, Umeå\n"
            "Erik Holm tackade juryn för priset och berättade om sitt arbete med eleverna.\n")
    assert conferrals(text) == {("Skolframtidspriset", "Karin Berg")}


@pytest.mark.parametrize("text, chooser", [
    ("Kultainen omena -palkinnon saajan valitsi Opetushallitus.\n", "Opetushallitus"),
    ("Vinnaren av Skolframtidspriset valde Skolverket.\n", "Skolverket"),
    ("The winner of the Northfield Teaching Prize chose the Northfield Education Foundation.\n",
     "Northfield Education Foundation"),
])
def test_organisation_next_to_an_active_verb_of_choosing_is_no_recipient(text, chooser):
    assert not any(r == chooser for _, r in conferrals(text))


@pytest.mark.parametrize("text, expected", [
    ("Stiftelsen Skolframtid tilldelade Skolframtidspriset 2025 Norrby gymnasium och Söderby skola.\n",
     {("Skolframtidspriset", "Norrby gymnasium"), ("Skolframtidspriset", "Söderby skola")}),
    ("Skolframtidspriset gick till Norrby gymnasium. Hedersomnämnanden fick Söderby skola och Västerby skola.\n",
     {("Skolframtidspriset", "Norrby gymnasium"), ("Skolframtidspriset: hedersomnämnande", "Söderby skola"),
      ("Skolframtidspriset: hedersomnämnande", "Västerby skola")}),
    ("Vuoden koulu -palkinnon saivat Lakeuden koulu ja Rannikon lukio.\n",
     {("Vuoden koulu -palkinto", "Lakeuden koulu"), ("Vuoden koulu -palkinto", "Rannikon lukio")}),
    ("Lakeside College and Northfield University received the Teaching Innovation Prize.\n",
     {("Teaching Innovation Prize", "Lakeside College"), ("Teaching Innovation Prize", "Northfield University")}),
])
def test_organisations_joined_to_the_one_next_to_the_verb_receive_too(text, expected):
    assert conferrals(text) == expected
