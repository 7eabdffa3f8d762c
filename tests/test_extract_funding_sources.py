"""Who pays for the grants of a page (issue 12, constructions 2 and 5): a fund named beside the body that
decides, grant rows whose cells are joined by dashes, programmes that are no funders, and the bodies that
carry a project out, which do not pay for it. Invented texts in each language where the construction occurs."""
from extraction import grants


# --- a fund beside the body that decides pays for every grant of the sentence ---

def test_en_fund_named_beside_the_granting_body_funds_each_grant():
    got = grants("News\n\nThe Regional Council of Northshire has granted two grants from the European Social Fund: "
                 "EUR 300,000 to Northfield University for open science courses, and EUR 120,000 to Lakeside "
                 "College for robotics clubs.\n")
    funders = {"Regional Council of Northshire", "European Social Fund"}
    assert got["open science courses"][1:] == (funders, 300000, "EUR")
    assert got["robotics clubs"][1:] == (funders, 120000, "EUR")
    assert got["robotics clubs"][0] == {("Lakeside College", "coordinator")}


def test_fi_fund_named_beside_the_granting_body_funds_the_grant_list():
    got = grants("Uutiset\n\nPohjanmaan liitto myönsi Euroopan aluekehitysrahaston rahoitusta kolmelle hankkeelle.\n\n"
                 "Myönnetyt rahoitukset (euroa):\n\n"
                 "Hanke – toteuttaja – summa\n"
                 "Merituuli – Vaasan yliopisto – 200 000\n"
                 "Koodipaja – Seinäjoen ammattikorkeakoulu – 150 000\n"
                 "Yhteensä – – 350 000\n")
    funders = {"Pohjanmaan liitto", "Euroopan aluekehitysrahasto"}
    assert got["Merituuli"][1:] == (funders, 200000, "EUR")
    assert got["Koodipaja"][1] == funders


def test_sv_fund_named_beside_the_granting_body_funds_each_grant():
    got = grants("Nyheter\n\nRegion Norrbotten har beviljat medel från Europeiska socialfonden: Luleå tekniska "
                 "universitet får 2 miljoner kronor för distanskurser i matematik och Piteå kommun 1 miljon kronor "
                 "för lärcentrum i glesbygd.\n")
    funders = {"Region Norrbotten", "Europeiska socialfonden"}
    assert got["distanskurser i matematik"][1:] == (funders, 2000000, "SEK")
    assert got["lärcentrum i glesbygd"][1:] == (funders, 1000000, "SEK")


# --- grant rows with their cells joined by spaced dashes: name, holder, sum ---

def test_fi_dash_joined_grant_rows_name_the_project_and_its_holder_apart():
    got = grants("Uutiset\n\nPohjanmaan liitto myönsi rahoitusta hankkeille.\n\n"
                 "Myönnetyt rahoitukset (euroa):\n\n"
                 "Hanke – toteuttaja – summa\n"
                 "Rantakoulu – Turun yliopisto – 90 000\n"
                 "Metsäverstas – Salon kaupunki – 60 000\n"
                 "Ideapaja – Kuulumaton Oy – 40 000\n"
                 "Yhteensä – – 190 000\n")
    assert set(got) == {"Rantakoulu", "Metsäverstas", "Ideapaja"}
    assert got["Rantakoulu"][0] == {("Turun yliopisto", "coordinator")}
    assert got["Metsäverstas"][2] == 60000


def test_en_dash_joined_grant_rows_name_the_project_and_its_holder_apart():
    got = grants("Grants 2025\n\nThe Northland Foundation has awarded the following grants.\n\n"
                 "Granted projects (EUR)\n\n"
                 "Coast Classroom – Northfield University – 90 000\n"
                 "Forest Makers – Lakeside College – 60 000\n"
                 "Total – – 150 000\n")
    assert set(got) == {"Coast Classroom", "Forest Makers"}
    assert got["Forest Makers"][0] == {("Lakeside College", "coordinator")}
    assert got["Forest Makers"][1:] == ({"Northland Foundation"}, 60000, "EUR")


def test_sv_dash_joined_grant_rows_name_the_project_and_its_holder_apart():
    got = grants("Nyheter\n\nStiftelsen Norrskog har beviljat bidrag till följande projekt.\n\n"
                 "Beviljade projekt (kronor)\n\n"
                 "Skogsklassen – Umeå universitet – 300 000\n"
                 "Kodkvällar – Skellefteå kommun – 200 000\n"
                 "Summa – – 500 000\n")
    assert set(got) == {"Skogsklassen", "Kodkvällar"}
    assert got["Skogsklassen"][0] == {("Umeå universitet", "coordinator")}


def test_a_dash_inside_a_row_name_followed_by_words_stays_in_the_name():
    got = grants("Grants 2025\n\nThe Northland Foundation has awarded the following grants.\n\n"
                 "Granted projects (EUR)\n\n"
                 "Coast Classroom – learning by the sea  90 000\n"
                 "Forest Makers  60 000\n")
    assert "Coast Classroom – learning by the sea" in got


# --- a programme is no funder; those who carry a project out do not pay for it ---

def test_en_a_programme_is_no_funder_of_the_grants_it_lists():
    got = grants("Grants 2025\n\nThe Nordplus programme has decided on its grants for 2025.\n\n"
                 "Granted projects (EUR)\n\n"
                 "Coast Classroom  90 000\nForest Makers  60 000\nTotal  150 000\n")
    assert all(not funders for _, funders, _, _ in got.values())


def test_sv_partners_of_a_project_named_before_its_grant_do_not_pay_for_it():
    got = grants("Nyheter\n\nRegion Norrbotten har beslutat att bevilja medel till två insatser.\n\n"
                 "Projektet Skogsskolan, som drivs av Kiruna kommun tillsammans med Gällivare kommun och Pajala "
                 "kommun, beviljas 2 miljoner kronor.\n")
    assert got["Skogsskolan"][1] == {"Region Norrbotten"}


def test_en_a_fund_that_finances_a_project_through_an_authority():
    got = grants("Events\n\nThe seminar is part of the Open Paths project, which the Northshire Development "
                 "Agency finances through the Regional Council of Northshire.\n")
    assert "Regional Council of Northshire" in got["Open Paths"][1]


def test_sv_the_body_that_decides_to_grant_funds_the_grants_listed_after():
    got = grants("Nyheter\n\nRegion Norrbotten har beslutat att bevilja sammanlagt 3 miljoner kronor till två insatser.\n\n"
                 "Luleå tekniska universitet får 2 miljoner kronor för distanskurser i matematik. "
                 "Piteå kommun får 1 miljon kronor för lärcentrum i glesbygd.\n")
    assert got["distanskurser i matematik"][1:] == ({"Region Norrbotten"}, 2000000, "SEK")
    assert got["lärcentrum i glesbygd"][1] == {"Region Norrbotten"}


def test_en_the_body_behind_a_programme_funds_its_grants():
    got = grants("News\n\nNordplus sport grants 2025: two projects funded\n\n"
                 "The Nordplus sports strand has chosen its projects for 2025. The grants are decided by "
                 "the Northland Education Agency.\n\n"
                 "Granted projects (EUR)\n\n"
                 "Coast Classroom  90 000\nForest Makers  60 000\nTotal  150 000\n")
    assert got["Coast Classroom"][1:] == ({"Northland Education Agency"}, 90000, "EUR")
    assert got["Forest Makers"][1] == {"Northland Education Agency"}


# The managing authority or intermediate body of a fund decides on the fund's grants: a funder beside the fund.

def test_en_managing_authority_of_the_fund_is_a_funder_too():
    got = grants("SeaSkills\n\nSeaSkills trains harbour workers in the northern archipelago. The project is financed "
                "with EUR 800,000 by European Regional Development Fund money. Its managing authority is the "
                "Regional Council of Northland.\n")
    assert got["SeaSkills"][1] == {"European Regional Development Fund", "Regional Council of Northland"}


def test_sv_managing_authority_of_the_fund_is_a_funder_too():
    got = grants("Skärgårdsskolan\n\nSkärgårdsskolan utbildar lärare för små skolor. Projektet finansieras av "
                "Europeiska regionala utvecklingsfonden med 500 000 euro. Förvaltande myndighet är Region Norrland.\n")
    assert got["Skärgårdsskolan"][1] == {"Europeiska regionala utvecklingsfonden", "Region Norrland"}


def test_fi_intermediate_body_of_the_fund_is_a_funder_too():
    got = grants("Saaristokoulu\n\nSaaristokoulu-hanke kouluttaa opettajia pieniin kouluihin. Hanketta rahoittaa "
                "Euroopan sosiaalirahasto 400 000 eurolla. Välittävänä toimielimenä toimii Pohjois-Savon ELY-keskus.\n")
    assert got["Saaristokoulu"][1] == {"Euroopan sosiaalirahasto", "Pohjois-Savon ELY-keskus"}


# --- the values of a funder's field are bodies, each of its own ---

def test_sv_funder_field_lists_two_bodies_the_second_without_a_known_head():
    got = grants("Läsbron\n\nProjektnamn: Läsbron\nAnsvarig organisation: Norrby kommun\n"
                 "Finansiär: Svenska läsfonden, Föreningen Bokvännerna\nBeviljat belopp: 300 000 kronor\n")
    assert got["Läsbron"][1] == {"Svenska läsfonden", "Föreningen Bokvännerna"}


def test_en_funder_field_lists_two_bodies_the_second_without_a_known_head():
    got = grants("SeaSkills\n\nProject name: SeaSkills\nCoordinator: Northfield University\n"
                 "Funders: Lakeshore Fund, Brightwater Friends\nGrant: EUR 90,000\n")
    assert got["SeaSkills"][1] == {"Lakeshore Fund", "Brightwater Friends"}


def test_fi_funder_field_lists_two_bodies():
    got = grants("Lukusilta\n\nHankkeen nimi: Lukusilta\nToteuttaja: Kuopion kaupunki\n"
                 "Rahoittaja: Pohjois-Savon liitto, Kallaveden Kirjatuki\nMyönnetty avustus: 80 000 euroa\n")
    assert got["Lukusilta"][1] == {"Pohjois-Savon liitto", "Kallaveden Kirjatuki"}


# --- a body the money passes through pays beside the one it comes from ---

def test_en_fund_that_finances_through_an_authority_stays_a_funder():
    got = grants("Brightlearn\n\nBrightlearn trains guidance counsellors in small towns. It is a project which the "
                 "European Social Fund finances through the Regional Council of Northland.\n")
    assert got["Brightlearn"][1] == {"European Social Fund", "Regional Council of Northland"}


def test_sv_fund_that_finances_through_an_authority_stays_a_funder():
    got = grants("Läsbron\n\nLäsbron utbildar studievägledare i små orter. Det är ett projekt som Europeiska "
                 "socialfonden finansierar genom Region Norrland.\n")
    assert got["Läsbron"][1] == {"Europeiska socialfonden", "Region Norrland"}


# --- a project the page names only by who pays for it ---

def test_fi_project_named_only_by_its_funder_is_that_funders_project():
    got = grants("Ajankohtaista\n\nLukupiirien yhteistyö käynnistettiin Pohjois-Savon liiton rahoittamassa "
                 "hankkeessa. Hankkeessa koottiin kirjastojen lukupiirit yhteen.\n")
    assert got == {"Pohjois-Savon liiton rahoittama hanke": (set(), {"Pohjois-Savon liitto"}, None, None)}


def test_fi_funder_participle_is_no_project_where_the_page_names_its_project():
    got = grants("Lukusilta\n\nLukusilta-hanke kokoaa kirjastojen lukupiirit. Se on Pohjois-Savon liiton rahoittama "
                 "hanke.\n")
    assert "Pohjois-Savon liiton rahoittama hanke" not in got and "Lukusilta" in got
