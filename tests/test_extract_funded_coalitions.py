"""A coalition granted money is also a project: its members carry the project out, the sum is its grant
(ingest/extract/funded_coalitions.py). Invented texts and names, in English, Finnish and Swedish."""
import pytest

from extraction import grants

EN = ("The QUILLON consortium brings together the University of Tartu, Aalto University and the University of "
      "Porto.\nQUILLON receives EUR 2.4 million from the European Commission over four years.\n")
FI = ("QUILLON-konsortioon kuuluvat Helsingin yliopisto, Turun yliopisto ja Oulun yliopisto.\n"
      "QUILLON-konsortio saa Euroopan komissiolta 2,4 miljoonaa euroa.\n")
SV = ("QUILLON-nätverket består av Uppsala universitet, Lunds universitet och Umeå universitet.\n"
      "QUILLON-nätverket har beviljats 2,4 miljoner euro av Europeiska kommissionen.\n")


def test_an_english_consortium_that_receives_a_sum_is_a_project_of_its_members():
    parts, funders, amount, currency = grants(EN)["QUILLON"]
    assert parts == {("University of Tartu", "partner"), ("Aalto University", "partner"),
                     ("University of Porto", "partner")}
    assert funders == {"European Commission"}
    assert (amount, currency) == (2_400_000, "EUR")


def test_a_finnish_consortium_paid_from_an_elative_funder():
    parts, funders, amount, _ = grants(FI)["QUILLON-konsortio"]
    assert {o for o, _ in parts} == {"Helsingin yliopisto", "Turun yliopisto", "Oulun yliopisto"}
    assert funders == {"Euroopan komissio"}
    assert amount == 2_400_000


def test_a_swedish_network_granted_a_sum():
    parts, funders, amount, _ = grants(SV)["QUILLON-nätverket"]
    assert {o for o, _ in parts} == {"Uppsala universitet", "Lunds universitet", "Umeå universitet"}
    assert funders == {"Europeiska kommissionen"}
    assert amount == 2_400_000


def test_a_member_paid_in_its_own_name_makes_no_project_of_the_coalition():
    text = ("The QUILLON consortium brings together the University of Tartu, Aalto University and the University "
            "of Porto.\nThe University of Tartu, a member of QUILLON, receives EUR 2.4 million from the European "
            "Commission.\n")
    assert "QUILLON" not in grants(text)


def test_a_coalition_without_a_sum_stays_a_coalition_only():
    text = EN.replace("receives EUR 2.4 million from the European Commission over four years",
                      "meets twice a year")
    assert "QUILLON" not in grants(text)


@pytest.mark.parametrize("text, name, members, funder, amount, currency", [
    ("News\n\nThree universities form a network\n\nThe members of the NOLA network are Eastmoor University, "
     "Westvale University and Northfield University.\n\nThe network receives EUR 2 million from the Ministry of "
     "Education for the years 2025–2026.\n", "NOLA", {"Eastmoor University", "Westvale University",
                                                     "Northfield University"}, "Ministry of Education", 2000000, "EUR"),
    ("Uutiset\n\nKolme yliopistoa perusti konsortion\n\nLapin yliopisto, Oulun yliopisto ja Kajaanin "
     "ammattikorkeakoulu ovat perustaneet NOLA-konsortion, joka tarjoaa yhteistä opettajankoulutusta.\n\n"
     "Konsortio saa 2 miljoonaa euroa opetus- ja kulttuuriministeriöltä vuosille 2025–2026.\n", "NOLA-konsortio",
     {"Lapin yliopisto", "Oulun yliopisto", "Kajaanin ammattikorkeakoulu"}, "Opetus- ja kulttuuriministeriö",
     2000000, "EUR"),
])
def test_the_pages_one_coalition_named_by_its_bare_noun_receives_the_grant(text, name, members, funder, amount,
                                                                           currency):
    # founders who all organise the coalition lead it jointly: partners, no coordinator
    assert grants(text) == {name: ({(m, "partner") for m in members}, {funder}, amount, currency)}


def test_a_bare_noun_receiving_money_from_no_one_named_makes_no_project():
    text = ("News\n\nThe members of the NOLA network are Eastmoor University, Westvale University and Northfield "
            "University.\n\nThe network receives EUR 2 million for the years 2025–2026.\n")
    assert grants(text) == {}


@pytest.mark.parametrize("text, name, lead, others", [
    ("Uutiset\n\nLapin yliopisto, Oulun yliopisto ja Kajaanin ammattikorkeakoulu ovat perustaneet NOLA-konsortion, "
     "joka tarjoaa yhteistä opettajankoulutusta.\n\nKonsortio saa 2 miljoonaa euroa opetus- ja "
     "kulttuuriministeriöltä vuosille 2025–2026. Koordinaattorina toimii Oulun yliopisto.\n", "NOLA-konsortio",
     "Oulun yliopisto", {"Lapin yliopisto", "Kajaanin ammattikorkeakoulu"}),
    ("Nyheter\n\nHögskolan i Halmstad, Högskolan Kristianstad och Örebro universitet har bildat konsortiet NOLA, som "
     "ska erbjuda en gemensam utbildning.\n\nKonsortiet får 4,5 miljoner kronor från Skolverket för arbetet. "
     "Samordnare är Högskolan Kristianstad.\n", "NOLA", "Högskolan Kristianstad",
     {"Högskolan i Halmstad", "Örebro universitet"}),
])
def test_of_founders_leading_jointly_the_one_the_page_names_coordinator_leads(text, name, lead, others):
    parts = grants(text)[name][0]
    assert parts == {(lead, "coordinator")} | {(o, "partner") for o in others}


def test_an_english_consortium_named_after_the_sum_a_funder_grants_it():
    text = ("News\n\nThe Holloway Arts Council has granted EUR 950,000 to the TIDEWELL consortium, which studies "
            "music in small schools. The consortium brings together Fernhill University, Brookvale College and the "
            "University of Marrowby.\n")
    parts, funders, amount, currency = grants(text)["TIDEWELL"]
    assert {o for o, _ in parts} == {"Fernhill University", "Brookvale College", "University of Marrowby"}
    assert funders == {"Holloway Arts Council"}
    assert (amount, currency) == (950_000, "EUR")
