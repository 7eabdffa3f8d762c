"""The organisation that opens a sentence appointing a person to a post is the person's ("X:n rehtoriksi on
valittu A", "X har anställt A som förbundsdirektör", "X has appointed A as its director"); a board that
appoints does so for the body it governs; a "Minister of …" speaks for the ministry that publishes the page.
Invented texts and names."""
import pytest

from extraction import affiliations


@pytest.mark.parametrize("text, person, org", [
    ("Uutiset\n\nKestrolan ammattikorkeakoulun uudeksi rehtoriksi on valittu kasvatustieteen maisteri Anna Berg. "
     "Hän aloittaa tammikuussa.\n", "Anna Berg", "Kestrolan ammattikorkeakoulu"),
    ("Nyheter\n\nNorrby folkhögskola har anställt Anna Berg som ny rektor. Hon börjar i januari.\n", "Anna Berg",
     "Norrby folkhögskola"),
    ("News\n\nNorthfield University has appointed Anna Berg as its new rector. She starts in January.\n", "Anna Berg",
     "Northfield University"),
])
def test_the_body_opening_an_appointment_is_the_persons(text, person, org):
    assert affiliations(text)[person] == org


@pytest.mark.parametrize("text", [
    # a board appoints for the body it governs, which the sentence does not name
    "Nyheter\n\nHögskolestyrelsen har utsett Anna Berg till prorektor.\n",
    # no title: an appointment to something else than a post
    "News\n\nNorthfield University has appointed Anna Berg to the working group on teacher training.\n",
])
def test_no_affiliation_without_the_construction(text):
    assert affiliations(text)["Anna Berg"] is None


def test_a_minister_of_a_portfolio_speaks_for_the_ministry_of_the_page():
    text = ("News | Ministry of Culture\n\nMinistry grants EUR 2 million to village libraries\n\n"
            "The Ministry of Culture has granted EUR 2 million to village libraries.\n\n"
            "\"Small libraries matter,\" says Minister of Culture Anna Berg.\n")
    assert affiliations(text)["Anna Berg"] == "Ministry of Culture"
