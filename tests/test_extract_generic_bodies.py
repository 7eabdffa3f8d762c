"""A capitalised common noun of cooperation opening a sentence ("Yhteistyöverkosto toteuttaa …",
"Samarbetsnätverket genomför …") is a kind of group, not a body that takes part in the project
(ingest/extract/generic_bodies.py). Invented texts, in Finnish and Swedish, which write such nouns as one word;
English writes them apart from any name ("the consortium") and reads no body from them."""
import pytest

from extraction import grants


@pytest.mark.parametrize("text, project, parts", [
    ("Uutiset\n\nKoulusilta-hanketta koordinoi Itä-Suomen yliopisto. Hankkeessa on mukana myös Turun yliopisto. "
     "Yhteistyöverkosto toteuttaa hankkeessa tapahtumia.\n", "Koulusilta",
     {("Itä-Suomen yliopisto", "coordinator"), ("Turun yliopisto", "partner")}),
    ("Nyheter\n\nProjektet Skolbron leds av Malmö universitet. Samarbetsnätverket genomför projektet tillsammans "
     "med Lunds universitet.\n", "Skolbron",
     {("Malmö universitet", "coordinator"), ("Lunds universitet", "partner")}),
])
def test_a_capitalised_kind_of_group_is_no_participant(text, project, parts):
    assert grants(text)[project][0] == parts


def test_a_network_with_a_name_of_its_own_still_takes_part():
    text = ("Uutiset\n\nKoulusilta-hanketta koordinoi Itä-Suomen yliopisto. Hankkeessa on mukana myös "
            "Lukuverkosto.\n")
    assert ("Lukuverkosto", "partner") in grants(text)["Koulusilta"][0]
