"""A count before the project word or a distributive word after it ("run one project each") speaks of
projects of their own, one per body: those bodies take no part in the project the page is about (the lexicons'
[project_name_bounds] counting_words and distributive_words). Invented texts."""
import pytest

from extraction import grants


@pytest.mark.parametrize("text, project, leader", [
    ("News\n\nThe Open Minds project is coordinated by Northfield University. Lakeside University and Hillside "
     "University run one project each.\n", "Open Minds", "Northfield University"),
    ("Uutiset\n\nKoulusilta-hanketta koordinoi Itä-Suomen yliopisto. Turun yliopisto ja Oulun yliopisto "
     "koordinoivat yhtä hanketta kumpikin.\n", "Koulusilta", "Itä-Suomen yliopisto"),
    ("Nyheter\n\nProjektet Skolbron leds av Malmö universitet. Lunds universitet och Umeå universitet leder två "
     "projekt vardera.\n", "Skolbron", "Malmö universitet"),
])
def test_bodies_leading_a_project_each_are_not_partners_of_the_pages_project(text, project, leader):
    assert grants(text)[project][0] == {(leader, "coordinator")}


def test_the_project_spoken_of_again_still_takes_its_partners():
    text = ("News\n\nThe Open Minds project is coordinated by Northfield University. The project works together with "
            "Lakeside University.\n")
    assert grants(text)["Open Minds"][0] == {("Northfield University", "coordinator"), ("Lakeside University", "partner")}
