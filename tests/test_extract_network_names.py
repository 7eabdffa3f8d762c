"""A network named by a capitalised name right after the cooperation noun in its definite form, as Swedish writes
it ("nätverket Xyz"). Invented texts and names."""
import pytest

from extraction import coalitions


@pytest.mark.parametrize("text", [
    "Nyheter\n\nGöteborgs universitet, Karlstads universitet och Högskolan Väst har bildat nätverket Lärarbron Väst.\n",
    "Nyheter\n\nI nätverket Lärarbron Väst ingår Göteborgs universitet, Karlstads universitet och Högskolan Väst.\n",
])
def test_sv_a_name_after_the_definite_cooperation_noun_is_the_network(text):
    got = coalitions(text)
    assert got == {"Lärarbron Väst": {"Göteborgs universitet", "Karlstads universitet", "Högskolan Väst"}}


def test_sv_a_body_after_the_cooperation_noun_names_no_network():
    text = "Nyheter\n\nSamarbetet leds av Karlstads universitet och nätverket Högskolan Väst deltar också.\n"
    assert not any("Högskolan" in name for name in coalitions(text))
