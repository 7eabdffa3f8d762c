"""Members listed after a colon that a plural organisation noun opens ("four colleges: A, B, C and D"): each
item is an organisation (and a member of the network the sentence names) even without a head word of its
own; a gathering of the network written as a heading is none of its members. Invented texts and names."""
import pytest

from extraction import run


def members(text: str) -> dict[str, set[str]]:
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    return {c.name: {name[m.organisation] for m in c.members} for c in ex.coalitions}


BRANDS = {"Valtrix", "Norvana", "Tellix", "Savola"}


@pytest.mark.parametrize("text", [
    "News\n\nThe Kestro network brings together four colleges: Valtrix, Norvana, Tellix and Savola.\n",
    "Uutiset\n\nKestro-verkostoon kuuluu neljä ammattikorkeakoulua: Valtrix, Norvana, Tellix ja Savola.\n",
    "Nyheter\n\nNätverket Kestro består av fyra folkhögskolor: Valtrix, Norvana, Tellix och Savola.\n",
])
def test_items_after_a_plural_organisation_noun_and_a_colon_are_members(text):
    assert list(members(text).values()) == [BRANDS]


@pytest.mark.parametrize("text", [
    # no plural organisation noun before the colon: the words after it are no bodies
    "News\n\nThe Kestro network works on three themes: Valtrix, Norvana and Tellix.\n",
    # prose after the colon, not a list of names
    "News\n\nThe Kestro network brings together four colleges: the members meet in Bergen every spring.\n",
])
def test_no_members_without_the_construction(text):
    assert not {o.name for o in run(text).organisations.values()} & BRANDS


def test_a_gathering_under_its_own_heading_is_no_member():
    text = ("About | Members | Activities | Contact\n\nKestro Teachers' Network\n\n"
            "The Kestro collaboration brings together four colleges from the Nordic countries: Valtrix, Norvana, "
            "Tellix and Savola. Since 2020 their teachers have shared lesson plans.\n\n"
            "The network is coordinated by Valtrix in Bergen.\n\nWhat we do\n- teacher exchange weeks in each member "
            "college\n- a shared bank of assignments\n\nAnnual get-together\n\nThe network's annual get-together, "
            "\"Skills Without Borders\", gathers some 40 teachers.\n\n3–4 May 2025, Bergen\n\n"
            "The get-together is hosted by Valtrix and Norvana.\n")
    assert list(members(text).values()) == [BRANDS]
