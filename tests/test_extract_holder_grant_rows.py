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


_FI_HEADED = ("Apurahat\n\nPohjolan säätiö tuki kouluja\n\nEino Pohjolan säätiön hallitus päätti apurahoista. "
              "Säätiö myönsi tänä vuonna myös yhteisöapurahoja kouluille.\n\n"
              "Yhteisöapurahat, €\n\nLukutaidon vahvistaminen\nMäntylän koulu 15 000\nKuusiston lukio 8 000\n"
              "Kuorolaulun opetus\nHarjulan koulu 6 000\n\nYhteensä 29 000\n")
_EN_HEADED = ("Awards › 2026\n\nThe Riverside Trust has awarded grants to schools. The grants are listed below, in euros.\n\n"
              "Reading for pleasure\nHillcrest School 12 000\nBrookfield College 30 000\n"
              "Outdoor learning\nMeadowbank School 9 000\n")
_SV_REGIONS = ("Stiftelsen Norrskenet har beviljat bidrag till skolor. Bidragen listas nedan, i euro.\n\n"
               "Norra regionen\nHagby samskola 14 000\nLundviks gymnasium 22 500\nNorra regionen sammanlagt 36 500\n")


def test_a_sub_heading_of_purpose_names_the_grants_of_the_rows_under_it():
    got = grants(_FI_HEADED)
    assert got["Lukutaidon vahvistaminen: Kuusiston lukio"][0] == {("Kuusiston lukio", "coordinator")}
    assert got["Kuorolaulun opetus"][2] == 6000  # one row under it: the purpose alone
    got = grants(_EN_HEADED)
    assert got["Reading for pleasure: Brookfield College"][2] == 30000
    assert got["Outdoor learning"][0] == {("Meadowbank School", "coordinator")}


def test_a_sub_heading_that_a_groups_total_repeats_is_a_region_not_a_purpose():
    got = grants(_SV_REGIONS)
    assert "Lundviks gymnasiums bidrag" in got and not any("regionen" in n for n in got)


def test_a_head_noun_alone_before_a_verb_of_granting_is_the_pages_body_of_that_head():
    got = grants(_FI_HEADED)
    assert got["Kuorolaulun opetus"][1] == {"Pohjolan säätiö"}


def test_a_foundations_name_without_its_namesakes_given_name_is_the_same_body():
    ex = run(_FI_HEADED)
    assert [o.name for o in ex.organisations.values() if "säätiö" in o.name] == ["Pohjolan säätiö"]


def test_a_row_whose_body_is_read_as_two_overlapping_names_is_that_bodys_row():
    got = grants("Pohjolan säätiö myönsi avustuksia.\n\nYhteisöapurahat, €\n\nMäntylän koulu 15 000\n"
                 "Kansanopistojen liitto KaL ry 8 000\n")
    row = [v for n, v in got.items() if n.startswith("Kansanopistojen liitto")]
    assert len(row) == 1 and row[0][2] == 8000 and {r for _, r in row[0][0]} == {"coordinator"}


@pytest.mark.parametrize("text, name, holder", [
    (_SV + "\nLundviks gymnasiums elevstipendium gäller en kurs i muntligt berättande.\n",
     "kurs i muntligt berättande", "Lundviks gymnasium"),
    (_EN + "\nBrookfield College's bursary is for a reading club for adults.\n",
     "reading club for adults", "Brookfield College"),
])
def test_a_later_sentence_saying_what_a_holders_grant_is_for_names_it(text, name, holder):
    got = grants(text)
    assert got[name][0] == {(holder, "coordinator")}
    assert not any(n.startswith(holder) for n in got)


@pytest.mark.parametrize("text, holder, partner", [
    (_SV + "\nHagby samskola utvecklar tillsammans med Lundviks gymnasium en sommarskola i slöjd.\n",
     "Hagby samskola", "Lundviks gymnasium"),
    (_EN + "\nHillcrest School works together with Brookfield College on a reading club.\n",
     "Hillcrest School", "Brookfield College"),
])
def test_a_later_clause_with_a_holder_as_subject_names_its_partners(text, holder, partner):
    got = grants(text)
    mine = [v for v in got.values() if (holder, "coordinator") in v[0]]
    assert len(mine) == 1 and (partner, "partner") in mine[0][0]


def test_the_deciding_body_a_groups_caption_names_funds_the_rows_of_that_group():
    text = ("Regional funding › Decisions\n\nThe funding comes from the national appropriation of the Ministry of "
            "Education and Culture.\n\n"
            "Northland (decisions by Northland Regional Council), EUR\n"
            "Northfield University, Forest Data Lab 140 000\nLakeside College, Green Skills Path 90 000\n"
            "Northland total 230 000\n\n"
            "Southland (decisions by Southland Regional Council), EUR\n"
            "Southfield University, Harbour Skills Hub 120 000\nSouthland total 120 000\n")
    got = grants(text)
    assert got["Forest Data Lab"][1] == {"Northland Regional Council", "Ministry of Education and Culture"}
    assert got["Harbour Skills Hub"][1] == {"Southland Regional Council", "Ministry of Education and Culture"}


def test_a_named_project_with_its_applicant_in_apposition_is_that_bodys_grant():
    got = grants("Pohjanmaan liitto myönsi rahoitusta kahdelle hankkeelle.\n\nLukuväylä, jonka hakijana on Vaasan "
                 "yliopisto, saa 210 000 euroa.\n")
    assert got["Lukuväylä"][0] == {("Vaasan yliopisto", "coordinator")} and got["Lukuväylä"][2] == 210000


@pytest.mark.parametrize("text, name, funder", [
    ("Nyheter från Familjen Berghs stiftelse\n\nStiftelsen beviljar 4 miljoner kronor till forskning\n\n"
     "Lunds universitet får 2,1 miljoner kronor för projektet Seniorbron, som prövar studiecirklar.\n",
     "Seniorbron", "Familjen Berghs stiftelse"),
    ("News from the Hartwell Foundation\n\nThe Foundation awards EUR 2 million for adult learning\n\n"
     "Northfield University receives EUR 900,000 for the project Silver Steps, which tests study circles.\n",
     "Silver Steps", "Hartwell Foundation"),
])
def test_a_foundation_publishing_the_page_funds_the_grants_it_reports(text, name, funder):
    got = grants(text)
    assert funder in got[name][1]
