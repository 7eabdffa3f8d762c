"""A network named by a capitalised name right after the cooperation noun in its definite form, as Swedish writes
it ("nätverket Xyz"), or by a heading above its member list that ends in the noun ("Xyz abc verkosto"). Invented
texts and names."""
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


def test_fi_a_heading_ending_in_the_cooperation_noun_names_the_listed_network():
    text = ("Verkosto\n\nItäisen kasvatustieteen verkosto\n\nVerkoston jäsenet:\n- Itä-Suomen yliopisto\n"
            "- Karelia-ammattikorkeakoulu\n- Savonia-ammattikorkeakoulu\n")
    assert coalitions(text) == {"Itäisen kasvatustieteen verkosto": {
        "Itä-Suomen yliopisto", "Karelia-ammattikorkeakoulu", "Savonia-ammattikorkeakoulu"}}


def test_fi_a_heading_in_another_case_names_no_network():
    # "in the network" says where the list's bodies are, and names no network
    text = ("Verkosto\n\nMukana verkostossa\n\nVerkoston jäsenet:\n- Itä-Suomen yliopisto\n- Karelia-ammattikorkeakoulu\n")
    assert "Mukana verkostossa" not in coalitions(text)
