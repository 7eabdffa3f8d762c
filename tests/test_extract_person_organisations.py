"""Which organisation a person speaks for when the name and the organisation stand side by side: people
coordinated with their organisations in one phrase, speaker blocks of a name line over a "title, organisation"
line, and a role in apposition that no title list knows. Invented texts."""
import pytest

from extraction import affiliations, run


def organisation_names(text: str) -> set[str]:
    return {o.name for o in run(text).organisations.values()}


def test_en_people_each_of_their_own_organisation_in_one_phrase():
    text = "News\n\nThe panel includes Maria Lind of Northfield University and John Park of Lakeside University.\n"
    assert affiliations(text) == {"Maria Lind": "Northfield University", "John Park": "Lakeside University"}
    assert organisation_names(text) == {"Northfield University", "Lakeside University"}


@pytest.mark.parametrize("text, expected", [
    ("News\n\nMaria Lind\nProfessor, Northfield University\n\nJohn Park\nLecturer, Lakeside University\n",
     {"Maria Lind": "Northfield University", "John Park": "Lakeside University"}),
    ("Nyheter\n\nMaria Lind\nProfessor, Norrby universitet\n\nJohn Park\nLektor, Söderby högskola\n",
     {"Maria Lind": "Norrby universitet", "John Park": "Söderby högskola"}),
    ("Uutiset\n\nMaria Lind\nProfessori, Itä-Suomen yliopisto\n\nJohn Park\nLehtori, Turun yliopisto\n",
     {"Maria Lind": "Itä-Suomen yliopisto", "John Park": "Turun yliopisto"}),
])
def test_speaker_blocks_give_each_person_the_organisation_of_their_own_block(text, expected):
    assert affiliations(text) == expected


@pytest.mark.parametrize("text, title", [
    ("News\n\nMaria Lind\nProfessor, Northfield University\n", "Professor"),
    ("Nyheter\n\nMaria Lind\nLektor, Norrby universitet\n", "Lektor"),
    ("Uutiset\n\nMaria Lind\nLehtori, Turun yliopisto\n", "Lehtori"),
])
def test_a_title_beside_an_organisation_is_no_organisation(text, title):
    assert title not in organisation_names(text)


@pytest.mark.parametrize("text, person, org", [
    ("News\n\nMaria Lind, Head of International Affairs at Northfield University, opened the seminar.\n",
     "Maria Lind", "Northfield University"),
    ("News\n\n“It works,” says John Park, Lead of Community Relations at the Lakeside University.\n",
     "John Park", "Lakeside University"),
])
def test_en_a_role_in_apposition_ending_in_a_workplace_preposition(text, person, org):
    # Swedish and Finnish write such roles in lower case after the name, read as a title and its tail
    assert affiliations(text)[person] == org


@pytest.mark.parametrize("text, org", [
    ("News\n\nMaria Lind is Professor of Education at Northfield University.\n", "Northfield University"),
    ("News\n\nMaria Lind is a Senior Lecturer in Mathematics Education at Northfield University.\n",
     "Northfield University"),
    ("Nyheter\n\nMaria Lind är professor i Pedagogik vid Norrby universitet.\n", "Norrby universitet"),
])
def test_a_long_title_said_of_the_person_with_a_copula(text, org):
    assert affiliations(text)["Maria Lind"] == org


@pytest.mark.parametrize("text, org", [
    ("News\n\nMaria Lind, Northfield University's Head of Research, presented the results.\n", "Northfield University"),
    ("News\n\nThe study was led by Maria Lind of the Faculty of Arts at Northfield University.\n",
     "Northfield University"),
])
def test_en_the_owner_of_a_title_in_apposition_and_a_unit_on_the_way_to_the_organisation(text, org):
    assert affiliations(text)["Maria Lind"] == org


@pytest.mark.parametrize("text, org", [
    ("News\n\nThe results were presented by Maria Lind and John Park, both from Northfield University.\n",
     "Northfield University"),
    ("Nyheter\n\nResultaten presenterades av Maria Lind och John Park, båda från Norrby universitet.\n",
     "Norrby universitet"),
    ("Uutiset\n\nTulokset esittelivät Maria Lind ja John Park, molemmat Turun yliopistosta.\n", "Turun yliopisto"),
])
def test_a_gathering_word_gives_people_named_together_their_one_organisation(text, org):
    assert affiliations(text) == {"Maria Lind": org, "John Park": org}


@pytest.mark.parametrize("text, expected, title", [
    # the title list knows the title with its workplace's head word; the genitive organisation owns it
    ("Uutiset\n\nTodistukset jakoi Pohjoisrannan lukion rehtori Tarja Mäkelä torstaina.\n",
     {"Tarja Mäkelä": "Pohjoisrannan lukio"}, "rehtori"),
    ("Uutiset\n\nPuheen piti Järvilaakson kaupungin sivistysjohtaja Tarja Mäkelä.\n",
     {"Tarja Mäkelä": "Järvilaakson kaupunki"}, "sivistysjohtaja"),
])
def test_a_title_that_overlaps_its_genitive_organisation_is_owned_by_it(text, expected, title):
    assert affiliations(text) == expected
    assert [p.title for p in run(text).people] == [title]


@pytest.mark.parametrize("text, expected", [
    # a given name no name list knows is still a given name right after a title
    ("Nyheter\n\nPriserna delades ut av Norrstrands folkhögskolas ordförande Wivor Nyqvast.\n",
     {"Wivor Nyqvast": "Norrstrands folkhögskola"}),
    ("News\n\nThe prizes were handed out by Northbay University's rector Wivor Nyqvast.\n",
     {"Wivor Nyqvast": "Northbay University"}),
    ("Uutiset\n\nPalkinnot jakoi Opetushallituksen pääjohtaja Wivor Nyqvast.\n",
     {"Wivor Nyqvast": "Opetushallitus"}),
])
def test_an_unknown_given_name_after_a_title_is_a_person(text, expected):
    assert affiliations(text) == expected


@pytest.mark.parametrize("text", [
    "Nyheter\n\nRektor Norrstrands Gymnasium öppnade konferensen.\n",
    "News\n\nThe rector Northbay University opened the event.\n",
])
def test_an_organisation_after_a_title_is_no_person(text):
    assert run(text).people == []
