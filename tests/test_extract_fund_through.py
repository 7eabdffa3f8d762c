"""The body a fund's money passes through ("… from the European Social Fund through X", "X:n kautta", "via X")
decides on the grant beside the fund, as a managing authority does: it is a funder too. Invented texts."""
import pytest

from extraction import grants


@pytest.mark.parametrize("text, project, authority, fund", [
    ("Nyheter\n\nProjektet Grön Skärgård koordineras av Åbo Akademi. Projektet finansieras av Europeiska regionala "
     "utvecklingsfonden via Tillväxtverket.\n", "Grön Skärgård", "Tillväxtverket", "Europeiska regionala utvecklingsfonden"),
    ("News\n\nThe Green Archipelago project is coordinated by Åbo Akademi University. It is funded by the European "
     "Regional Development Fund through the Finnish Energy Authority.\n", "Green Archipelago", "Finnish Energy Authority",
     "European Regional Development Fund"),
    ("Uutiset\n\nVihreä Saaristo -hanketta koordinoi Turun yliopisto. Hanke saa rahoitusta Euroopan "
     "aluekehitysrahastosta Varsinais-Suomen liiton kautta.\n", "Vihreä Saaristo", "Varsinais-Suomen liitto",
     "Euroopan aluekehitysrahasto"),
])
def test_the_body_a_fund_pays_through_is_a_funder(text, project, authority, fund):
    assert grants(text)[project][1] == {fund, authority}


def test_a_body_named_through_no_fund_is_no_funder():
    text = ("Uutiset\n\nVihreä Saaristo -hanketta koordinoi Turun yliopisto. Hanke tavoittaa yritykset "
            "Varsinais-Suomen liiton kautta.\n")
    assert "Varsinais-Suomen liitto" not in grants(text)["Vihreä Saaristo"][1]
