"""Grant lists whose rows name only their holder: the caption that states the currency, and the page's own word
for its grants naming each holder's grant."""
import pytest

from extraction import grants, run

_SV = ("Stiftelsen Norrskenet › Aktuellt\n\nStiftelsen delar ut skolstöd\n\n"
       "Stiftelsen Norrskenet har beviljat elevstipendium till skolor i landet. Nedan listas stipendierna per "
       "landskap, i euro.\n\nNordlandet\nHagby samskola 14 000\nLundviks gymnasium 22 500\n"
       "Nordlandet sammanlagt 36 500\n\nSödra kusten\nBjörkö skola i Västerby 9 000\nSödra kusten sammanlagt 9 000\n")
_EN = ("Riverside Trust › News\n\nThe Riverside Trust has awarded bursaries to schools. The bursaries are listed "
       "below, in euros.\n\nHillcrest School 12 000\nBrookfield College 30 000\nTotal 42 000\n")
_FI = ("Pohjolan säätiö › Apurahat\n\nPohjolan säätiö myönsi avustuksia kouluille.\n\n"
       "Alla on lueteltu myönnetyt kouluapurahat euroina.\n\n"
       "Mäntylän koulu 15 000\nKuusiston lukio 8 000\nYhteensä 23 000\n")


@pytest.mark.parametrize("text, name, holder, funder, amount", [
    (_SV, "Lundviks gymnasiums elevstipendium", "Lundviks gymnasium", "Stiftelsen Norrskenet", 22500),
    (_EN, "Brookfield College bursary", "Brookfield College", "Riverside Trust", 30000),
    (_FI, "Kuusiston lukion kouluapuraha", "Kuusiston lukio", "Pohjolan säätiö", 8000),
])
def test_a_caption_closing_on_the_currency_and_the_pages_word_for_its_grants(text, name, holder, funder, amount):
    got = grants(text)
    assert got[name] == ({(holder, "coordinator")}, {funder}, amount, "EUR")


def test_the_place_after_a_holders_name_stays_with_it():
    got = grants(_SV)
    assert "Björkö skola i Västerbys elevstipendium" in got
    assert not any("sammanlagt" in n for n in got)  # a region's total is no grant


@pytest.mark.parametrize("text, body", [
    ("Kuusiston konservatorio järjestää kevätkonsertin.\n", "Kuusiston konservatorio"),
    ("Norrby konservatorium ordnar en vårkonsert.\n", "Norrby konservatorium"),
    ("Eastfield Conservatory holds a spring concert.\n", "Eastfield Conservatory"),
])
def test_a_conservatory_is_a_school(text, body):
    ex = run(text)
    assert {(o.name, o.type) for o in ex.organisations.values()} >= {(body, "school")}
