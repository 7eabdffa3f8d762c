"""Pages that quote another language — an English summary on a Finnish or Swedish page — and network pages
that list their participants: a list heading is read in every language (the page's first), a network's name
goes on with its topic in the language of its own words, and a list of participating institutions on a page
that names a network and no project lists the network's members. Invented texts."""
import pytest

from extraction import coalitions, run

SV_INTRO = ("Nätverket samlar åtta medlemmar från högskolor i tre baltiska länder. Nätverket ska ordna två "
            "seminarier under året och samla forskare och lärare.\n\n")
FI_INTRO = ("Verkosto kokoaa yhteen tutkijoita ja opettajia neljästä pohjoismaasta. Verkosto järjestää kaksi "
            "seminaaria vuoden aikana.\n\n")
EN_BODY = ("This application seeks to set up an Arctic Network on Rural Schools and Distance Teaching (ANRSDT). "
           "The network's purpose is to share practices between the countries.\n\n"
           "The participating institutions:\n\n"
           "  • Northfield University, Sweden\n  • Lakeside University of Applied Sciences, Estonia\n"
           "  • Harbourton University College, Denmark\n")


MEMBERS = {"Northfield University", "Lakeside University of Applied Sciences", "Harbourton University College"}


@pytest.mark.parametrize("intro", [SV_INTRO, FI_INTRO, ""])
def test_an_english_summary_names_a_network_and_lists_its_participants(intro):
    found = coalitions("Nyheter\n\n" + intro + EN_BODY)
    assert found == {"Arctic Network on Rural Schools and Distance Teaching": MEMBERS}


def test_a_network_name_stops_at_its_acronym_and_takes_nothing_of_the_next_sentence():
    found = coalitions("News\n\nThey founded the Arctic Network on Rural Schools (ANRS). The members are "
                       "Northfield University and Lakeside University.\n")
    assert list(found) == ["Arctic Network on Rural Schools"]


@pytest.mark.parametrize("text", [
    "Maria Lind\n\nMaria Lind, docent\n\nProjektet har tre partners.\n\nPartners:\n\n"
    "  • Norrby universitet\n  • Söderby högskola\n",
    "Maria Lind\n\nMaria Lind, dosentti\n\nHankkeessa on kolme kumppania.\n\nKumppanit:\n\n"
    "  • Turun yliopisto\n  • Itä-Suomen yliopisto\n",
    "Maria Lind\n\nMaria Lind, Professor\n\nThe project has three partners.\n\nPartners:\n\n"
    "  • Northfield University\n  • Lakeside University\n",
])
def test_a_page_titled_with_a_persons_name_is_no_project(text):
    assert "Maria Lind" not in [p.name for p in run(text).projects]


@pytest.mark.parametrize("text, name, members", [
    ("News\n\nNordLearn is a network of nine universities, led by Northfield University. Its other members are "
     "Lakeside University and Harbourton University.\n", "NordLearn",
     {"Northfield University", "Lakeside University", "Harbourton University"}),
    ("Nyheter\n\nLäsbron är ett nätverk av fyra universitet som leds av Norrby universitet. Övriga medlemmar är "
     "Söderby högskola och Västby universitet.\n", "Läsbron",
     {"Norrby universitet", "Söderby högskola", "Västby universitet"}),
    ("Uutiset\n\nKoulusilta on yliopistojen verkosto, jota koordinoi Turun yliopisto. Verkoston muut jäsenet ovat "
     "Itä-Suomen yliopisto ja Lapin yliopisto.\n", "Koulusilta",
     {"Turun yliopisto", "Itä-Suomen yliopisto", "Lapin yliopisto"}),
])
def test_a_definition_names_the_network_not_the_phrase_after_its_noun(text, name, members):
    assert coalitions(text) == {name: members}
