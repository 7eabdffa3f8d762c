"""A body written in the possessive right before a project's name owns the project: it holds the grant the
sentence gives, it does not pay for it. The texts are written for these tests."""
import pytest

from extraction import grants


@pytest.mark.parametrize("text, project, owner, funder, amount, currency", [
    ("Rahoitusta\n\nOpetushallitus myönsi 300 000 euroa Järvilaakson kaupungin Lukupolku-hankkeelle.\n",
     "Lukupolku", "Järvilaakson kaupunki", "Opetushallitus", 300000, "EUR"),
    ("Nya bidrag\n\nSkolverket beviljar 300 000 kronor till Norrby kommuns projekt Läsvägen.\n",
     "Läsvägen", "Norrby kommun", "Skolverket", 300000, "SEK"),
    ("New grants\n\nThe National Agency for Education granted EUR 300,000 to the City of Lakeside's ReadUp "
     "project.\n", "ReadUp", "City of Lakeside", "National Agency for Education", 300000, "EUR"),
])
def test_the_possessive_body_before_a_project_name_holds_its_grant(text, project, owner, funder, amount, currency):
    assert grants(text) == {project: ({(owner, "coordinator")}, {funder}, amount, currency)}
