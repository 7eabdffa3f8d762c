"""A common head word before a title stands for the one organisation with that head named before ("the
foundation's chair A", "säätiön puheenjohtaja A", "stiftelsens ordförande A"); with two such bodies named,
it tells nothing. Invented texts and names."""
import pytest

from extraction import affiliations


@pytest.mark.parametrize("text, org", [
    ("News\n\nThe Kestro Foundation gives its prize to a village school. The prize was handed over by the "
     "foundation's chair Anna Berg.\n", "Kestro Foundation"),
    ("Uutiset\n\nKestrolan säätiö jakaa palkinnon kyläkoululle. Palkinnon luovutti säätiön puheenjohtaja Anna "
     "Berg.\n", "Kestrolan säätiö"),
    ("Nyheter\n\nKestrostiftelsen delar ut ett pris till en byskola. Priset delades ut av stiftelsens ordförande "
     "Anna Berg.\n", "Kestrostiftelsen"),
])
def test_a_head_word_before_the_title_names_the_body_named_before(text, org):
    assert affiliations(text)["Anna Berg"] == org


def test_two_bodies_with_the_head_leave_it_open():
    text = ("News\n\nThe Kestro Foundation and the Valtrix Foundation give a prize to a village school. The prize "
            "was handed over by the foundation's chair Anna Berg.\n")
    assert affiliations(text)["Anna Berg"] is None
