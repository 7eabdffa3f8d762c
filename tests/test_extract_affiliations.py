"""Affiliations written once for several people, after a semicolon, or in a roster of "Name, Organisation"
pairs. All sentences, people and most organisations are invented."""
from __future__ import annotations

import pytest

from extraction import affiliations


@pytest.mark.parametrize("text, org", [
    ("Hankkeesta kertoivat Jyväskylän yliopiston professori Matti Ahonen ja Anna Korhonen.\n", "Jyväskylän yliopisto"),
    ("Projektet leds av Karin Berg och Erik Holm, Stockholms universitet.\n", "Stockholms universitet"),
    ("The study was led by Jane Smith and John Brown, University of Turku.\n", "University of Turku"),
])
def test_coordinated_people_share_one_affiliation(text, org):
    assert set(affiliations(text).values()) == {org}
    assert len(affiliations(text)) == 2


def test_genitive_owner_of_first_title_is_not_shared_with_a_second_title():
    got = affiliations("Puheenvuorot: Jyväskylän yliopiston rehtori Matti Ahonen ja pääministeri Sanna Koivisto.\n")
    assert got == {"Matti Ahonen": "Jyväskylän yliopisto", "Sanna Koivisto": None}


def test_sv_title_and_organisation_after_semicolon():
    got = affiliations("Medverkande:\n\nErik Holm; rektor för Vasa övningsskola: Skolan och framtiden\n")
    assert got == {"Erik Holm": "Vasa övningsskola"}


@pytest.mark.parametrize("text", [
    "Keskustelijoina Maija Mäkinen, Alfapuolue; Anna Korhonen, Beeta; Matti Ahonen, Gamma Nyt sekä Erik Holm, "
    "Opetusalan Ammattijärjestö.\n",
    "I panelen: Karin Berg, Alfapartiet; Erik Holm, Beta; Anna Lind, Gamma Nu och Maria Ek, Lärarförbundet.\n",
    "Panellists: Jane Smith, Alpha Party; John Brown, Beta; Mary Jones, Gamma Now and Peter Green, "
    "University of Turku.\n",
])
def test_roster_of_name_organisation_pairs(text):
    got = affiliations(text)
    assert len(got) == 4 and all(got.values())
    assert sorted(got.values())[0][:1] == "A"


def test_roster_of_names_and_places_makes_no_organisations():
    got = affiliations("Keskustelijoina Maija Mäkinen, Kuopio; Anna Korhonen, Lahti; Matti Ahonen, Oulu.\n")
    assert set(got.values()) == {None}


def test_name_title_pairs_are_no_roster():
    got = affiliations("Puhujat: Maija Mäkinen, rehtori; Anna Korhonen, opettaja; Matti Ahonen, professori.\n")
    assert set(got.values()) == {None}


@pytest.mark.parametrize("text, person, org", [
    ("Hankerekisteri\n\nHakijan virallinen nimi: Itä-Suomen yliopisto\n\nPostitoimipaikka: Joensuu\n\n"
     "Hankkeen yhteyshenkilön nimi: Maija Mäkinen\n\nYhteyshenkilön sähköposti: maija(at)example.fi\n",
     "Maija Mäkinen", "Itä-Suomen yliopisto"),
    ("Projektregister\n\nHuvudsökande: Åbo Akademi\n\nOrt: Vasa\n\nProjektets kontaktperson: Karin Berg\n",
     "Karin Berg", "Åbo Akademi"),
    ("Project register\n\nLead applicant: University of Turku\n\nCity: Turku\n\nProject contact person: Jane Smith\n",
     "Jane Smith", "University of Turku"),
])
def test_register_contact_person_speaks_for_the_applicant(text, person, org):
    assert affiliations(text) == {person: org}


def test_en_long_title_with_capitals_before_at_organisation():
    got = affiliations("Jane Smith, Professor of Music at the University of Norland, says the results are clear.\n")
    assert got == {"Jane Smith": "University of Norland"}


@pytest.mark.parametrize("text, org", [
    ("Maija Mäkinen työskentelee Jyväskylän yliopistossa tutkijana.\n", "Jyväskylän yliopisto"),
    ("Maija Mäkinen toimii rehtorina Jyväskylän normaalikoulussa.\n", "Jyväskylän normaalikoulu"),
    ("Maija Mäkinen kävi Jyväskylän yliopistossa.\n", None),
])
def test_fi_verb_of_working_with_workplace_in_place_case(text, org):
    assert affiliations(text) == {"Maija Mäkinen": org}


@pytest.mark.parametrize("text, expected", [
    ("Tilaisuudessa puhuivat Kuopion kaupungin opetuspalveluiden suunnittelija Maija Mäkinen ja "
     "Jyväskylän yliopiston kasvatustieteiden tiedekunnan lehtori Anna Korhonen.\n",
     {"Maija Mäkinen": "Kuopion kaupunki", "Anna Korhonen": "Jyväskylän yliopisto"}),
    ("Arbetet samordnas av Umeå kommuns utbildningsförvaltnings utvecklingsledare Karin Berg.\n",
     {"Karin Berg": "Umeå kommun"}),
])
def test_organisation_before_a_unit_in_the_genitive_owns_the_title(text, expected):
    assert affiliations(text) == expected


def test_organisation_before_a_project_in_the_genitive_owns_no_title():
    got = affiliations("Esittelyssä oli Jyväskylän yliopiston hankkeen projektipäällikkö Maija Mäkinen.\n")
    assert got == {"Maija Mäkinen": None}


@pytest.mark.parametrize("text, expected", [
    ("Palkinnon saivat Hatsalan koulun opettaja Maija Mäkiselle ja Jyväskylän yliopiston lehtori Anna Korhoselle.\n",
     {"Maija Mäkinen": "Hatsalan koulu", "Anna Korhonen": "Jyväskylän yliopisto"}),
    ("Priset gick till Umeå gymnasiums lärare Karin Berg och Stockholms universitets lektor Erik Holm.\n",
     {"Karin Berg": "Umeå gymnasium", "Erik Holm": "Stockholms universitet"}),
])
def test_a_title_before_the_name_leaves_the_next_persons_organisation_alone(text, expected):
    assert affiliations(text) == expected


@pytest.mark.parametrize("text", [
    "Puhujina Maija Mäkinen, Jyväskylän yliopisto, Anna Korhonen.\n",
    "Talare: Karin Berg, Stockholms universitet, Erik Holm.\n",
    "Speakers are Jane Smith, University of Turku, John Brown.\n",
])
def test_a_body_listed_beside_people_is_not_the_next_persons(text):
    got = affiliations(text)
    assert len(got) == 2 and list(got.values())[0] is not None and list(got.values())[1] is None


@pytest.mark.parametrize("text", [
    "Verkoston jäsenet\n\nJyväskylän yliopisto\n\n  • Maija Mäkinen, lehtori\n  • Anna Korhonen\n\n"
    "Tampereen yliopisto\n\n  • Matti Ahonen\n\nOulun yliopisto\n",
    "Nätverkets medlemmar\n\nStockholms universitet\n\n  • Karin Berg, lektor\n  • Anna Lind\n\n"
    "Uppsala universitet\n\n  • Erik Holm\n\nLunds universitet\n",
    "Network members\n\nUniversity of Turku\n\n  • Jane Smith, lecturer\n  • Mary Jones\n\n"
    "University of Oulu\n\n  • John Brown\n\nUniversity of Vaasa\n",
])
def test_people_listed_under_their_organisations_heading(text):
    got = affiliations(text)
    orgs = list(dict.fromkeys(got.values()))
    assert len(got) == 3 and len(orgs) == 2 and None not in orgs
    assert list(got.values()) == [orgs[0], orgs[0], orgs[1]]


@pytest.mark.parametrize("text, org", [
    ("Verkostoa koordinoi Jyväskylän yliopisto. Koordinaattori Maija Mäkinen kertoo verkoston työstä.\n",
     "Jyväskylän yliopisto"),
    ("Nätverket samordnas av Stockholms universitet. Koordinator Karin Berg berättar om arbetet.\n",
     "Stockholms universitet"),
    ("The network is coordinated by the University of Turku. Coordinator Jane Smith tells about the work.\n",
     "University of Turku"),
])
def test_a_title_opening_the_sentence_after_the_organisation_is_its(text, org):
    assert list(affiliations(text).values()) == [org]


@pytest.mark.parametrize("text, org", [
    ("The speakers are Jane Smith, Director for Education, University of Turku, and John Brown.\n",
     "University of Turku"),
    ("The board members are Mary Jones, Professor of Mathematics Education, University of Oulu.\n",
     "University of Oulu"),
])
def test_en_a_title_naming_its_field_then_a_comma_and_the_organisation(text, org):
    assert org in affiliations(text).values()


@pytest.mark.parametrize("text, expected", [
    ("Projektet i korthet\n\nProjektledare: Karin Berg\nFinansiär: Stiftelsen Norrsken\n",
     {"Karin Berg": None}),
    ("Hanke lyhyesti\n\nProjektipäällikkö: Maija Mäkinen\nRahoittaja: Opetushallitus\n",
     {"Maija Mäkinen": None}),
    ("The project in brief\n\nProject leader: Jane Smith\nFunder: Northland Foundation\n",
     {"Jane Smith": None}),
])
def test_the_next_field_of_a_fact_box_is_not_the_contacts_organisation(text, expected):
    assert affiliations(text) == expected


def test_sv_people_gathered_from_a_lower_case_unit_of_their_organisation():
    got = affiliations("Forskningen leds av Karin Berg och Erik Holm, båda från institutionen för matematik vid "
                       "Stockholms universitet.\n")
    assert got == {"Karin Berg": "Stockholms universitet", "Erik Holm": "Stockholms universitet"}


@pytest.mark.parametrize("text, person, org", [
    ("Uutiset\n\n”Uudistus auttaa kouluja”, sanoo opetusneuvos Jaana Virtanen Opetushallituksesta.\n",
     "Jaana Virtanen", "Opetushallitus"),
    ("Uutiset\n\nTuomas Kallio Opetushallituksesta esitteli hankkeen tulokset.\n", "Tuomas Kallio", "Opetushallitus"),
    ("Nyheter\n\n– Reformen hjälper skolorna, säger undervisningsråd Karin Ek från Skolverket.\n",
     "Karin Ek", "Skolverket"),
])
def test_a_one_word_body_in_a_place_case_right_after_the_name_is_the_persons(text, person, org):
    """A surname in its base form before an inflected head word ends the name: the head is a body of its own
    ("from the agency"), not the end of an organisation named after the person."""
    got = affiliations(text)
    assert got.get(person) == org


@pytest.mark.parametrize("text, person, org", [
    ("Uutiset\n\nBusiness Finland (BF) rahoittaa hanketta.\n\nPaneelissa puhuu BF:n johtaja Kari Mäki.\n",
     "Kari Mäki", "Business Finland"),
    ("Nyheter\n\nBusiness Finland (BF) finansierar projektet.\n\nPanelsamtal med BF:s direktör Karin Ek.\n",
     "Karin Ek", "Business Finland"),
    ("Nyheter\n\nNordiska lärarrådet (NLR) bjuder in.\n\nPanelsamtal med NLR:s sektionschef Karin Ek.\n",
     "Karin Ek", "Nordiska lärarrådet"),
])
def test_an_acronym_in_the_genitive_before_a_title_is_the_declared_name(text, person, org):
    """"ABC:s chef X": the acronym (its case ending after the colon is no part of it) is the one a name declared
    in parentheses, a known actor's name included."""
    assert affiliations(text).get(person) == org


@pytest.mark.parametrize("text", [
    "Paneeli\n\nMukana Oulun yliopiston rehtori Kari Mäki, Kajaanin kaupungin opettaja Pekka Salo sekä "
    "Savonia-ammattikorkeakoulun johtaja Liisa Rautio.\n",
    "Panel\n\nMed Umeå universitets rektor Kari Mäki, Luleå kommuns lärare Pekka Salo och Skolverkets chef "
    "Liisa Rautio.\n",
    "Panel\n\nWith Umeå University's rector Kari Mäki, Luleå Municipality's teacher Pekka Salo and Savonia "
    "University of Applied Sciences' director Liisa Rautio.\n",
])
def test_in_a_run_of_owner_title_name_items_each_owner_is_its_own_persons(text):
    """"X:n rehtori A, Y:n opettaja B": the body after a comma owns the next title; the first person's is X."""
    got = affiliations(text)
    assert got["Kari Mäki"] in ("Oulun yliopisto", "Umeå universitet", "Umeå University")
    assert got["Pekka Salo"] in ("Kajaanin kaupunki", "Luleå kommun", "Luleå Municipality")


@pytest.mark.parametrize("text, person, org", [
    ("News\n\nThe City of Espoo and Aalto University signed an agreement. \"It helps\", says Espoo's director of "
     "education Kaisa Lind.\n", "Kaisa Lind", "City of Espoo"),
    ("News\n\nThe network's members are the City of Lahti and Aalto University. The chair is Professor Mika Ranta "
     "of Aalto.\n", "Mika Ranta", "Aalto University"),
    ("Nyheter\n\nEsbo stad och Aalto-universitetet samarbetar. – Bra, säger Esbos utbildningsdirektör Kaisa Lind.\n",
     "Kaisa Lind", "Esbo stad"),
])
def test_a_short_name_that_one_body_of_the_page_bears_names_it(text, person, org):
    """"Xyz's director A", "Professor A of Xyz": a bare name, no body's whole name, is the one organisation of
    the page whose name has a word starting with it."""
    assert affiliations(text).get(person) == org


def test_a_short_name_that_two_bodies_bear_names_neither():
    text = ("News\n\nThe City of Espoo and the Espoo Adult Education Centre signed an agreement. \"It helps\", "
            "says Espoo's director of education Kaisa Lind.\n")
    assert affiliations(text).get("Kaisa Lind") is None


@pytest.mark.parametrize("text, person, org", [
    ("News\n\nThe project is run by Lahti Vocational College Sedux.\n\nContact: Project manager Kaisa Lind, Sedux, "
     "firstname.lastname@sedux.fi\n", "Kaisa Lind", "Lahti Vocational College Sedux"),
    ("Uutiset\n\nHanketta toteuttaa Lahden ammattiopisto Sedux.\n\nLisätietoja: projektipäällikkö Kaisa Lind, Sedux, "
     "etunimi.sukunimi@sedux.fi\n", "Kaisa Lind", "Lahden ammattiopisto Sedux"),
])
def test_a_brand_after_a_comma_names_the_one_body_of_the_page_that_bears_it(text, person, org):
    assert affiliations(text).get(person) == org


@pytest.mark.parametrize("text, org", [
    ("Nyheter\n\nI styrgruppen sitter även Umeå universitets vicerektor för utbildning, Kari Lind.\n",
     "Umeå universitet"),
    ("News\n\nThe steering group also includes Umeå University's vice-rector for education, Kari Lind.\n",
     "Umeå University"),
])
def test_a_title_with_its_field_before_a_comma_and_the_name_has_its_owner_before_it(text, org):
    assert affiliations(text).get("Kari Lind") == org


def test_a_body_listed_before_people_owns_no_title():
    got = affiliations("News\n\nThe steering group also includes the University of Oulu, Kari Lind and Mika Ranta.\n")
    assert got.get("Kari Lind") is None


@pytest.mark.parametrize("text, org", [
    ('News\n\n"It matters," says Professor Jane Roe, Dean of the Faculty of Arts at the University of Lund.\n',
     "University of Lund"),
    ("News\n\nDr Jane Roe, Head of Outreach at Northfield College, opened the day.\n", "Northfield College"),
])
def test_a_role_in_apposition_after_a_titled_name_leads_to_the_organisation(text, org):
    assert affiliations(text) == {"Jane Roe": org}


@pytest.mark.parametrize("text, person, org", [
    ("Ajankohtaista › Pohjolan Opettajaliitto ry\n\nUusi opas opettajille julkaistiin\n\nPohjolan Opettajaliitto ry julkaisi "
     "tänään oppaan. – Opas auttaa arjessa, sanoo toiminnanjohtaja Maija Mäkinen.\n", "Maija Mäkinen",
     "Pohjolan Opettajaliitto ry"),
    ("Pressmeddelande från Region Nordanå\n\nNya pengar till vuxenutbildning\n\nRegion Nordanå satsar på "
     "vuxenutbildning.\n\nMer information:\nKarin Berg, utvecklingsstrateg\n", "Karin Berg", "Region Nordanå"),
    ("News | Press releases | Ministry of Learning\n\nGrants for teacher education\n\nThe Ministry of Learning has "
     "granted funds.\n\nFurther information:\nJane Smith, Senior Adviser, tel. +358 40 123 4567\n", "Jane Smith",
     "Ministry of Learning"),
])
def test_spokesperson_by_title_alone_speaks_for_the_page_issuer(text, person, org):
    assert affiliations(text)[person] == org


def test_page_about_a_network_is_not_issued_by_it():
    text = ("Map of the Xyzzo alliance\n\nThe Xyzzo alliance receives new funding\n\nThe University of Turku is one "
            "of nine members of the Xyzzo alliance.\n\n\"We are delighted,\" says Vice-Rector Jane Smith.\n")
    assert affiliations(text)["Jane Smith"] is None


@pytest.mark.parametrize("text, person, org", [
    ("Nyheter\n\nKonferensen ordnas av Skolverket och Norrby kommun.\n\nNorrby kommuns tf. skolchef Anna Berg öppnar "
     "dagen.\n", "Anna Berg", "Norrby kommun"),
    ("Uutiset\n\nSeminaarin järjestää Norrbyn kaupunki.\n\nNorrbyn kaupungin vt. sivistysjohtaja Maija Mäkinen avaa "
     "päivän.\n", "Maija Mäkinen", "Norrbyn kaupunki"),
    ("News\n\nThe seminar is organised by Northfield University.\n\nNorthfield University's acting rector Jane Smith "
     "opens the day.\n", "Jane Smith", "Northfield University"),
])
def test_the_owner_of_an_acting_title(text, person, org):
    assert affiliations(text)[person] == org


@pytest.mark.parametrize("text, person, org", [
    ("Uutiset\n\nNorrbyn Opettajasäätiö jakoi apurahoja. Opettajasäätiö tukee kouluja.\n\nSäätiön toiminnanjohtaja "
     "Maija Mäkinen kiittää hakijoita.\n", "Maija Mäkinen", "Norrbyn Opettajasäätiö"),
    ("Nyheter\n\nStiftelsen Alfa Betas minnesfond delar ut stipendier.\n\nStiftelsens ordförande Karin Berg tackar de "
     "sökande.\n", "Karin Berg", "Stiftelsen Alfa Beta"),
    ("News\n\nThe Alfa Beta Foundation awards grants. The Beta Foundation supports schools.\n\nThe foundation's "
     "director Jane Smith thanks the applicants.\n", "Jane Smith", "Alfa Beta Foundation"),
])
def test_a_head_word_opening_the_sentence_names_the_one_body_under_a_short_and_a_full_name(text, person, org):
    assert affiliations(text)[person] == org


def test_a_contact_naming_a_body_of_their_own_is_not_given_the_issuer():
    text = ("Nyheter › Norrby högskola\n\nNytt projekt\n\nNorrby högskola startar ett projekt.\n\nKontakt: projektledare "
            "Karin Berg, Norrby högskola, och projektkoordinator Anna Lind, Norra Abcool\n")
    assert affiliations(text)["Anna Lind"] != "Norrby högskola"


def test_a_title_opening_a_contact_line_is_no_body():
    text = ("News\n\nThe Xyz project starts\n\nThe project is run by Norrby University of Applied Sciences (NUAS).\n\n"
            "Partners\nPort of Söderby\nVästby Shipowners' Association\n\nContact\nMaria Lind\nProject Manager, NUAS\n"
            "maria.lind(at)nuas.fi\n")
    assert affiliations(text) == {"Maria Lind": "Norrby University of Applied Sciences"}


@pytest.mark.parametrize("text, person, org", [
    ("News\n\n\"The work goes on,\" says Northfield University's Director of Digital Learning Jane Smith.\n",
     "Jane Smith", "Northfield University"),
    ("News\n\nThe panel is chaired by Head of Teacher Education Jane Smith of Northfield University.\n", "Jane Smith",
     "Northfield University"),
])
def test_a_title_with_its_field_before_the_name(text, person, org):
    assert affiliations(text)[person] == org


@pytest.mark.parametrize("text, expected", [
    # the title names the unit it heads, the organisation the unit belongs to closes the apposition
    ("The board members are Anna Korhonen, director of the Institute of Pedagogy, University of Valmora; and "
     "Erik Holm, Norrby University.\n",
     {"Anna Korhonen": "University of Valmora", "Erik Holm": "Norrby University"}),
    # a clause after the unit: no organisation in apposition to it
    ("The board members are Anna Korhonen, director of the Institute of Pedagogy, which belongs to University of "
     "Valmora.\n", {"Anna Korhonen": "Institute of Pedagogy"}),
])
def test_en_unit_headed_then_its_organisation_after_a_comma(text, expected):
    assert affiliations(text) == expected
