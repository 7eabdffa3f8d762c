"""A project's name marked by the project word: the word before the name is no organisation's ("Projektet X
Skola"), a name line with the word is one project with the text's mention of it, a grant row's cell before the
sum names the project and no body, and a headline's grant told again for a named project is that project's.
Invented pages."""
import pytest

from extraction import grants, run

_SV_FIELDS = ("\nPartner: Mittuniversitetet (koordinator), Örebro universitet och Högskolan Dalarna\n"
              "Finansiär: Europeiska socialfonden\nProjekttid: 2021–2023\n")
_FI_FIELDS = ("\nHankkeen toteuttajat: Turun ammattikorkeakoulu (koordinaattori), Åbo Akademi ja Novia\n"
              "Rahoittaja: Euroopan sosiaalirahasto\nKesto: 1.3.2022–28.2.2025\n")


@pytest.mark.parametrize("head, fields, name", [
    ("Projektet Nordlig Förskola", _SV_FIELDS, "Nordlig Förskola"),
    ("Projekt Nordlig Förskola", _SV_FIELDS, "Nordlig Förskola"),
    ("Hanke Pohjoinen Koulu", _FI_FIELDS, "Pohjoinen Koulu"),
])
def test_a_name_after_the_project_word_is_the_project_not_a_school(head, fields, name):
    ex = run(head + "\n" + fields)
    assert [p.name for p in ex.projects] == [name]
    assert not any(name in o.name for o in ex.organisations.values())
    assert len(ex.projects[0].participants) == 3


def test_a_body_after_the_project_word_in_another_case_stays_a_body():
    # "in their projects X at Y": the word says where, and the name after it is a body's
    text = ("Toimintaa kokeilivat vuoden mittaisissa projekteissaan Kestävän Kasvatuksen Keskus Helsingissä "
            "ja Tampereen yliopisto.\n")
    assert "Kestävän Kasvatuksen Keskus" in {o.name for o in run(text).organisations.values()}


@pytest.mark.parametrize("head, fields, name", [
    ("Vihreä Verstas -hanke", _FI_FIELDS, "Vihreä Verstas"),
    ("Nordlig Förskola-projektet", _SV_FIELDS, "Nordlig Förskola"),
])
def test_a_name_line_with_the_project_word_is_one_project(head, fields, name):
    ex = run(head + "\n" + fields)
    assert [p.name for p in ex.projects] == [name]
    assert head in ex.projects[0].alt_labels


@pytest.mark.parametrize("rows, names", [
    ("- Oulun kaupunki, Lukutuokio, 120 000 euroa\n- Kemin kaupunki, Numerokylä, 95 000 euroa\n",
     {"Lukutuokio": "Oulun kaupunki", "Numerokylä": "Kemin kaupunki"}),
    ("- Oulun kaupunki, Lukutuokio-hanke, 120 000 euroa\n- Kemin kaupunki, Numerokylä-hanke, 95 000 euroa\n",
     {"Lukutuokio": "Oulun kaupunki", "Numerokylä": "Kemin kaupunki"}),
])
def test_fi_holder_name_and_sum_as_three_cells(rows, names):
    text = "Avustuspäätökset\n\nOpetushallitus on myöntänyt avustuksia seuraaville hankkeille:\n" + rows
    got = grants(text)
    assert {n: next(iter(v[0]))[0] for n, v in got.items()} == names
    assert {o.name for o in run(text).organisations.values()} == {"Opetushallitus", *names.values()}


def test_sv_holder_name_and_sum_as_three_cells():
    text = ("Beslut om bidrag\n\nUtbildningsstyrelsen har beviljat bidrag till följande projekt:\n"
            "- Vasa stad, Lässtigen, 40 000 euro\n- Jakobstads stad, Sifferbyn, 35 000 euro\n")
    got = grants(text)
    assert got["Lässtigen"] == ({("Vasa stad", "coordinator")}, {"Utbildningsstyrelsen"}, 40000, "EUR")
    assert set(got) == {"Lässtigen", "Sifferbyn"}


@pytest.mark.parametrize("text, name", [
    ("Uutiset 2.2.2025\n\nTurun yliopistolle 380 000 euroa kielten opetuksen kehittämiseen\n\n"
     "Opetushallitus on myöntänyt Turun yliopistolle 380 000 euroa Kielisilta 2 -hankkeelle. "
     "Hanke toteutetaan yhdessä Åbo Akademin kanssa vuosina 2025–2027.\n", "Kielisilta 2"),
    ("Nyheter 2.2.2025\n\nÅbo Akademi får 150 000 euro för lärarutbildning\n\n"
     "Svenska kulturfonden har beviljat Åbo Akademi 150 000 euro för projektet Läsbron. Projektet genomförs "
     "tillsammans med Vasa universitet under åren 2025–2027.\n", "Läsbron"),
])
def test_a_headline_grant_told_again_for_a_named_project_is_one_grant(text, name):
    got = grants(text)
    assert list(got) == [name]
    assert got[name][2] in (380000, 150000)
    assert len(run(text).projects[0].alt_labels) == 1  # the headline's purpose, as another name


@pytest.mark.parametrize("text", [
    "Uutiset\n\nKuopion yliopiston koordinoima Kielikuja-hanke on saanut Erasmus+-rahoitusta 250 000 euroa.\n",
    "Nyheter\n\nProjektet Språkgränd vid Vasa universitet har fått Nordplus-stöd 50 000 euro.\n",
])
def test_a_programme_joined_to_the_money_word_is_no_receiver(text):
    names = {o.name for o in run(text).organisations.values()}
    assert not any(n.startswith(("Erasmus", "Nordplus")) for n in names)


@pytest.mark.parametrize("text", [
    "Sillanrakentajat – ammatillisesta yliopistoon\n\nSillanrakentajat-hanke tukee opiskelijoita. Hanketta koordinoi "
    "Oulun yliopisto ja rahoittaa Opetushallitus.\n",
    "Brobyggarna – från yrkesskola till universitet\n\nBrobyggarna-projektet stöder studerande. Projektet koordineras "
    "av Vasa universitet och finansieras av Utbildningsstyrelsen.\n",
])
def test_a_name_with_its_project_word_and_the_name_with_a_subtitle_are_one_project(text):
    assert len(run(text).projects) == 1


def test_two_subtitles_after_one_name_are_two_items():
    text = ("Avustuspäätökset\n\nOpetushallitus on myöntänyt avustuksia seuraaville hankkeille:\n"
            "- Lukemisen edistäminen: Oulun kaupunki, 40 000 euroa\n- Lukemisen edistäminen: Kemin kaupunki, 30 000 euroa\n")
    assert len([p for p in run(text).projects if p.name.startswith("Lukemisen")]) != 1
