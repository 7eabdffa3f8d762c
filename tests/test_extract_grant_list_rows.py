"""Grant lists whose rows put the holder's cell before the project's name, and rows that total others."""
import pytest

from extraction import grants

_EN = ("Funding decisions\n\nThe Finnish National Agency for Education has granted funding to three projects.\n\n"
       "Granted projects (applicant – project – EUR)\n\n"
       "Oulu Vocational College OSAO – Forest Robotics Path – 120,000\n"
       "University of Eastern Finland – Maths Bridge – 210,000\n"
       "Qwertic – Practical Skills Kit – 70,000\n"
       "Total 400,000\n")
_FI = ("Opetushallitus myönsi avustukset\n\nMyönnetyt avustukset (hakija – hanke – euroa)\n\n"
       "Jyväskylän kaupunki – Lukuvoimaa – 60 000\nTampereen yliopisto – Matikkasilta – 140 000\n"
       "Lapin yliopisto – Pohjoinen datakoulu – 75 000\nYhteensä 275 000\n")
_SV = ("Utbildningsstyrelsen har beviljat statsunderstöd.\n\nBeviljade projekt (sökande, projekt, euro)\n\n"
       "• Vasa stad – Läsglädje i norr – 45 000\n• Åbo Akademi – Matematikbron – 120 000\n"
       "• Helsingfors universitet – Digitala klassrum – 98 000\nSammanlagt 263 000\n")


@pytest.mark.parametrize("text, name, holder, funder, amount", [
    (_EN, "Maths Bridge", "University of Eastern Finland", "Finnish National Agency for Education", 210000),
    (_FI, "Matikkasilta", "Tampereen yliopisto", "Opetushallitus", 140000),
    (_SV, "Matematikbron", "Åbo Akademi", "Utbildningsstyrelsen", 120000),
])
def test_a_holder_cell_before_the_name_after_a_spaced_dash(text, name, holder, funder, amount):
    got = grants(text)
    assert got[name] == ({(holder, "coordinator")}, {funder}, amount, "EUR")
    assert not any("–" in n for n in got)  # no row kept whole as a project's name
    assert len(got) == 3


def test_a_row_whose_holder_is_not_recognised_follows_the_order_of_the_other_rows():
    got = grants(_EN)
    assert "Practical Skills Kit" in got and got["Practical Skills Kit"][2] == 70000


_REGION = ("Decisions on regional funding\n\nThe Regional Council of Lapland granted funds from the national "
           "appropriation of the Ministry of Economic Affairs and Employment.\n\n"
           "Lapland (decisions by the Regional Council of Lapland), EUR\n"
           "Lapland University of Applied Sciences, Arctic Tourism Skills 140 000\n"
           "University of Lapland, Northern Data Camp 98 000\n"
           "Lapland total 238 000\n\nAll projects, EUR 238 000\n")


def test_a_holder_cell_before_the_name_after_a_comma_under_a_caption_closing_on_the_currency():
    got = grants(_REGION)
    assert set(got) == {"Arctic Tourism Skills", "Northern Data Camp"}  # no total row, no row of all the projects
    assert got["Northern Data Camp"][0] == {("University of Lapland", "coordinator")}
    assert got["Northern Data Camp"][2:] == (98000, "EUR")


@pytest.mark.parametrize("text, names", [
    ("Myönnetyt avustukset, euroa\n\nOpetushallitus myönsi avustuksia.\n\n"
     "Lukuintoa kouluihin 30 000\nMetsäretket 25 000\nPohjois-Savo yhteensä 55 000\n", {"Lukuintoa kouluihin", "Metsäretket"}),
    ("Beviljade understöd, euro\n\nSvenska kulturfonden har beviljat understöd.\n\n"
     "Läsfest i skolan 30 000\nSkogsdagar 25 000\nNyland sammanlagt 55 000\nAlla projekt 55 000\n",
     {"Läsfest i skolan", "Skogsdagar"}),
])
def test_a_row_closing_on_a_total_word_or_of_all_the_grants_is_no_grant(text, names):
    assert set(grants(text)) == names


def test_a_sentence_that_states_a_sum_on_its_own_line_is_no_row_of_the_list_below():
    text = ("Nyheter\n\nMusikfonden stöder skolornas körer med 90 000 euro\n\n"
            "Musikfonden har beviljat understöd, euro\n\nLäsfest i skolan 50 000\nSkogsdagar 40 000\nTotalt 90 000\n")
    assert not any(n.startswith("Musikfonden") for n in grants(text))


def test_a_holder_with_its_short_name_in_brackets_before_the_name_or_alone_on_its_row():
    got = grants(_REGION.replace("Lapland University of Applied Sciences,", "Lapland University of Applied Sciences "
                                 "(Lapland UAS),").replace("Lapland total", "Kemi-Tornio Vocational College (KTVC) "
                                                           "60 000\nLapland total"))
    assert got["Arctic Tourism Skills"][0] == {("Lapland University of Applied Sciences", "coordinator")}
    # a row of a body and its short name says who got money, not for what: no project named after the body
    assert "Kemi-Tornio Vocational College" not in got


@pytest.mark.parametrize("text, name, holder, funder", [
    ("Uutiset\n\nKeski-Suomen liitto myönsi seuraavat avustukset:\n\n• Jyväskylän kaupungille 31 000 euroa "
     "Kirjakaveri-hankkeeseen.\n• Äänekosken kaupungille 14 000 euroa Laskupolku-hankkeeseen.\n",
     "Kirjakaveri", "Jyväskylän kaupunki", "Keski-Suomen liitto"),
    ("Nyheter\n\nÖsterbottens förbund beviljade följande understöd:\n\n• Jakobstads stad 31 000 euro för projektet "
     "Bokvännen.\n• Kristinestads stad 14 000 euro för projektet Räknestigen.\n",
     "Bokvännen", "Jakobstads stad", "Österbottens förbund"),
])
def test_a_verbless_row_naming_its_project_under_a_granting_caption(text, name, holder, funder):
    got = grants(text)
    assert got[name] == ({(holder, "coordinator")}, {funder}, 31000, "EUR")
    assert len(got) == 2


def test_sums_in_brackets_after_their_receivers_take_the_purpose_told_before():
    text = ("Nyheter\n\nUtbildningsstyrelsen har beviljat sammanlagt 1,2 miljoner euro i understöd till högskolornas "
            "projekt för digital pedagogik. Understöd beviljas Arcada (300 000 euro), Hanken (250 000 euro) och "
            "Novia (200 000 euro).\n")
    got = grants(text)
    assert {n: (v[0], v[2]) for n, v in got.items()} == {
        "Arcadas högskolornas projekt för digital pedagogik": ({("Arcada", "coordinator")}, 300000),
        "Hankens högskolornas projekt för digital pedagogik": ({("Hanken", "coordinator")}, 250000),
        "Novias högskolornas projekt för digital pedagogik": ({("Novia", "coordinator")}, 200000)}


def test_a_sentence_closing_on_a_year_after_a_grant_list_is_no_row():
    got = grants("Grants for reading clubs\n\nThe Marlow Reading Trust has granted funding to two clubs (EUR):\n\n"
                 "City of Brindle 45,000\nCity of Quarrow 38,000\n\nBoth clubs will meet weekly until the end of 2027.\n")
    assert set(got) == {"City of Brindle grant", "City of Quarrow grant"}
    assert got["City of Quarrow grant"][2] == 38000


def test_a_body_inside_a_projects_name_after_the_dash_does_not_turn_a_holder_first_row_around():
    text = ("Skolverket har beviljat stöd till fyra projekt.\n\nBeviljade projekt (koordinator, projekt, belopp i euro)\n\n"
            "• Nacka kommun – Läsbron – 250 000\n• Umeå kommun – Språkbadet – 400 000\n"
            "• Lunds universitet – Klimatlabbet – 90 000\n• Region Gotland – Skär-skolor i samverkan – 200 000\n")
    got = grants(text)
    assert "Skär-skolor i samverkan" in got and ("Region Gotland", "coordinator") in got["Skär-skolor i samverkan"][0]
