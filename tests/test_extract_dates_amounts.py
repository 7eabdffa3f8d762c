"""find_dates and find_amounts: dates and money as written in Finnish, Swedish and English education texts.

Every sentence here is written for these tests. Expected values follow the annotation conventions: ISO 8601 at
the precision the text gives (a year, a month or a day), no date where the year is missing, amounts as plain
decimals in units and ISO 4217 currency codes.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from edukg.ingest.extract.amounts import find_amounts, plain
from edukg.ingest.extract.dates import find_dates
from extraction import run


def dates(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(d.value, d.end_value) for d in find_dates(text, lang)]


def amounts(text: str, lang: str) -> list[tuple[Decimal, str | None]]:
    return [(a.value, a.currency) for a in find_amounts(text, lang)]


# ---------------------------------------------------------------------------------------------------------------
# Dates: numeric forms
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, expected", [
    ("fi", "Hakemukset on jätettävä viimeistään 15.3.2024 klo 16.15.", [("2024-03-15", None)]),
    ("fi", "Hanke alkoi 1.9.2016 ja päättyy 30.6.2018.", [("2016-09-01", None), ("2018-06-30", None)]),
    ("fi", "Toteutusaika 01.01.2015 alkaen.", [("2015-01-01", None)]),
    ("sv", "Beslutet om bidraget fattades den 7.5.2019.", [("2019-05-07", None)]),
])
def test_day_month_year(lang, text, expected):
    assert dates(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a hyphen with spaces, an en dash without spaces, an en dash with spaces, a hyphen glued on one side
    ("fi", "Hanke toteutetaan ajalla 1.9.2019 - 31.8.2021.", ("2019-09-01", "2021-08-31")),
    ("fi", "Hankeaika 1.9.2019–31.8.2021", ("2019-09-01", "2021-08-31")),
    ("fi", "Projektin kesto on 1.2.2019 – 31.1.2021.", ("2019-02-01", "2021-01-31")),
    ("fi", "Hanke kestää 1.8.2021 -31.7.2023.", ("2021-08-01", "2023-07-31")),
    ("sv", "Projektet pågår under perioden 1.1.2015–31.12.2017.", ("2015-01-01", "2017-12-31")),
    ("fi", "Toteutusaika 01.02.2016-31.01.2018", ("2016-02-01", "2018-01-31")),
])
def test_day_ranges_with_dashes_and_spaces(lang, text, expected):
    assert dates(text, lang) == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    ("fi", "Kasvatusalan seminaari pidetään 24.–25.11.2011 Joensuussa.", ("2011-11-24", "2011-11-25")),
    ("fi", "Kesäpäivät järjestetään 8.-9.6.2017 Tampereella.", ("2017-06-08", "2017-06-09")),
    ("fi", "Koulutus järjestetään 3.–4.3.2021 verkossa.", ("2021-03-03", "2021-03-04")),
])
def test_range_of_days_within_a_month(lang, text, expected):
    assert dates(text, lang) == [expected]


def test_range_of_days_with_month_repeated():
    assert dates("Kurssi järjestetään 24.11.–25.11.2011 Kuopiossa.", "fi") == [("2011-11-24", "2011-11-25")]


def test_range_of_days_across_months():
    assert dates("Messut pidetään 30.11.–2.12.2011 Helsingissä.", "fi") == [("2011-11-30", "2011-12-02")]


@pytest.mark.parametrize("lang, text, expected", [
    ("sv", "Projektperiod 2019-01-01 - 2021-12-31", [("2019-01-01", "2021-12-31")]),
    ("sv", "Beslutet fattades 2024-10-15 av styrelsen.", [("2024-10-15", None)]),
    ("en", "Deadline for applications: 2023-05-31", [("2023-05-31", None)]),
])
def test_iso_dates_and_ranges(lang, text, expected):
    assert dates(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fi", "Hanke toteutetaan vuosina 2021–2023.", ("2021", "2023")),
    ("fi", "Hanke toteutetaan vuosina 2021-2023.", ("2021", "2023")),
    ("sv", "Satsningen gäller läsåret 2021–2022.", ("2021", "2022")),
    ("en", "The programme period 2014–2020 has ended.", ("2014", "2020")),
])
def test_year_ranges(lang, text, expected):
    assert dates(text, lang) == [expected]


def test_single_year_keeps_year_precision():
    assert dates("Vuonna 2019 hankkeessa oli mukana kaksitoista koulua.", "fi") == [("2019", None)]


@pytest.mark.parametrize("lang, text", [
    ("fi", "Seminaari pidetään 7.6. Oulussa."),  # day and month, no year
    ("fi", "Tilaisuus alkaa kello 10.00 ja päättyy klo 15.30."),  # clock times
    ("fi", "2020-luvulla koulujen arki muuttuu."),  # a decade, not a year
    ("fi", "Lisätietoja puhelimitse 029 533 1000."),  # a phone number
    ("sv", "Ärendet har diarienummer 2019-00123."),  # a file number
])
def test_no_date(lang, text):
    assert dates(text, lang) == []


def test_impossible_calendar_date_is_no_date():
    assert dates("Hakemus saapui 31.2.2020.", "fi") == []


def test_offsets_point_into_the_text():
    text = "Hankeaika: 1.9.2019–31.8.2021."
    [d] = find_dates(text, "fi", offset=100)
    assert (d.start, d.end) == (111, 129)
    assert text[d.start - 100:d.end - 100] == "1.9.2019–31.8.2021"


# ---------------------------------------------------------------------------------------------------------------
# Dates: month names
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Hanke käynnistyi marraskuussa 2020.", "2020-11"),  # inessive
    ("Haku päättyy tammikuussa 2024.", "2024-01"),
    ("Tulokset julkaistaan helmikuussa 2025.", "2025-02"),
    ("Koulutus alkaa syyskuusta 2020 alkaen.", "2020-09"),  # elative
    ("Rahoitus on voimassa joulukuuhun 2021 asti.", "2021-12"),  # illative
    ("Raportti valmistuu toukokuun 2021 aikana.", "2021-05"),  # genitive
    ("Hanke päättyi kesäkuussa 2019.", "2019-06"),
])
def test_finnish_month_case_forms_give_year_month(text, expected):
    assert dates(text, "fi") == [(expected, None)]


def test_finnish_day_and_month_name():
    assert dates("Seminaari pidetään 7. syyskuuta 2022 Helsingissä.", "fi") == [("2022-09-07", None)]


@pytest.mark.parametrize("lang, text", [
    ("fi", "Seminaari pidetään 7. syyskuuta Helsingissä."),
    ("sv", "Konferensen hålls den 3 mars i Stockholm."),
    ("en", "The seminar is held on 3 March at the university."),
])
def test_month_name_without_year_is_no_date(lang, text):
    assert dates(text, lang) == []


@pytest.mark.parametrize("lang, text, expected", [
    ("sv", "Konferensen hålls den 3 mars 2021 i Stockholm.", "2021-03-03"),
    ("sv", "Ansökan ska lämnas senast den 1 februari 2023.", "2023-02-01"),
    ("sv", "Projektet startade i september 2019.", "2019-09"),
    ("en", "The conference takes place on 12 May 2022 in Turku.", "2022-05-12"),
    ("en", "The conference takes place on May 12, 2022 in Turku.", "2022-05-12"),
    ("en", "The ministry decided on the grants on October 2nd, 2023.", "2023-10-02"),
    ("en", "The project started in September 2019.", "2019-09"),
])
def test_swedish_and_english_month_names(lang, text, expected):
    assert dates(text, lang) == [(expected, None)]


def test_english_ordinal_day_before_month():
    assert dates("The agreement was signed on 2nd October 2023.", "en") == [("2023-10-02", None)]


def test_swedish_day_range_with_month_name():
    assert dates("Konferensen hålls den 3–4 mars 2021 i Göteborg.", "sv") == [("2021-03-03", "2021-03-04")]


def test_finnish_day_range_with_month_name():
    assert dates("Päivät järjestetään 3.-4. maaliskuuta 2021 Turussa.", "fi") == [("2021-03-03", "2021-03-04")]


def test_english_day_range_with_month_name():
    assert dates("The summer school runs 1–2 June 2023 in Umeå.", "en") == [("2023-06-01", "2023-06-02")]


def test_month_name_period_is_a_range():
    assert dates("Projektet pågår 1 januari 2020–31 december 2022.", "sv") == [("2020-01-01", "2022-12-31")]


@pytest.mark.parametrize("text, expected", [
    # the first month in the case of "from", the second right after it: one period
    ("Hanke kestää maaliskuusta 2024 helmikuuhun 2026.", [("2024-03", "2026-02")]),
    ("Kurssi järjestetään syyskuusta joulukuuhun 2025.", [("2025-09", "2025-12")]),
    # "in March" (inessive) is no start of a period
    ("Hanke alkoi maaliskuussa 2024 ja päättyy 2026.", [("2024-03", None), ("2026", None)]),
])
def test_finnish_period_from_case_endings(text, expected):
    assert dates(text, "fi") == expected


@pytest.mark.parametrize("lang, text, expected", [
    # months written with numbers, as fact boxes give a period
    ("en", "Timeline: 09/2023–08/2025", [("2023-09", "2025-08")]),
    ("fi", "Hankeaika: 9/2023 - 8/2025", [("2023-09", "2025-08")]),
    ("sv", "Projekttid: 13/2023 – 08/2025", [("2023", None), ("2025", None)]),  # no thirteenth month: no period
])
def test_numeric_month_ranges(lang, text, expected):
    assert dates(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # the second year by its last two digits
    ("fi", "Hanke toteutetaan vuosille 2024–26.", [("2024", "2026")]),
    ("en", "The 2024–26 project", [("2024", "2026")]),
    # a year and then a day of a month, or a month written with a hyphen: no short year
    ("sv", "Projektet pågår 1 januari 2020–31 december 2022.", [("2020-01-01", "2022-12-31")]),
    ("en", "Issue 2010-11", []),
    ("fi", "lukuvuodet 2022-23 – 2024-25", []),
    # the link words of a period that carry an article ("till den")
    ("sv", "Projektet pågår från den 1 september 2024 till den 31 augusti 2026.", [("2024-09-01", "2026-08-31")]),
    ("sv", "Kursen ges från maj till augusti 2025.", [("2025-05", "2025-08")]),
])
def test_short_years_and_linked_ranges(lang, text, expected):
    assert dates(text, lang) == expected


@pytest.mark.parametrize("name, expected", [
    ("Vertaispolku 2023–2025", ("Vertaispolku", ("2023", "2025"))),
    ("PeerPath (1.9.2023–31.8.2025)", ("PeerPath", ("2023-09-01", "2025-08-31"))),
    ("Kamratstig, 2024–2026", ("Kamratstig", ("2024", "2026"))),
    # the period inside the name, or the whole heading a period: no name with a period
    ("Osaava Suomi 2021–2027 -ohjelma", ("Osaava Suomi 2021–2027 -ohjelma", None)),
    ("2023–2025", ("2023–2025", None)),
    ("Plan 2030", ("Plan 2030", None)),
])
def test_a_heading_ending_in_its_period(name, expected):
    from edukg.ingest.extract.dates import trailing_period

    rest, d = trailing_period(name, "fi")
    assert (rest, (d.value, d.end_value) if d else None) == expected


# ---------------------------------------------------------------------------------------------------------------
# Amounts
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, value, currency", [
    ("fi", "Hankkeelle myönnettiin 635 000 euron rahoitus.", "635000", "EUR"),
    ("fi", "Kunnat saavat yhteensä 80 000 euroa.", "80000", "EUR"),
    ("fi", "Avustuksen suuruus on 120000 euroa.", "120000", "EUR"),
    ("fi", "Ministeriö myönsi 1,3 miljoonaa euroa täydennyskoulutukseen.", "1300000", "EUR"),
    ("fi", "Lukiot saavat 3,5 miljoonan euron rahoituksen.", "3500000", "EUR"),
    ("fi", "Ohjelmaan varataan 12,5 miljoonaa euroa.", "12500000", "EUR"),
    ("fi", "Ministeriö jakaa viisi miljoonaa euroa ammattikorkeakouluille.", "5000000", "EUR"),
    ("fi", "Viisi miljoonaa euroa jaetaan kolmelle hankkeelle.", "5000000", "EUR"),
    ("fi", "Hankkeen budjetti on 2,5 milj. euroa.", "2500000", "EUR"),
    ("fi", "Avustusta myönnettiin 300 tuhatta euroa.", "300000", "EUR"),
    ("fi", "Avustus on 120 000 €.", "120000", "EUR"),
    ("fi", "Kokonaisbudjetti 1 200 000,00 euroa", "1200000", "EUR"),
    ("fi", "Myönnetty EU- ja valtion rahoitus 235 870 €", "235870", "EUR"),
    ("sv", "Ministeriet delar ut fem miljoner euro till yrkeshögskolorna.", "5000000", "EUR"),
    ("sv", "Föreningen får 4 512 300 kr för projektet.", "4512300", "SEK"),
    ("sv", "Stödet uppgår till 1,2 miljoner kronor.", "1200000", "SEK"),
    ("sv", "Projektet får 850 000 kronor under tre år.", "850000", "SEK"),
    ("sv", "Fonden beviljar en miljon kronor till satsningen.", "1000000", "SEK"),
    ("sv", "Budgeten är SEK 4 500 000 för hela perioden.", "4500000", "SEK"),
    ("en", "The ministry grants EUR 6 million to seven projects.", "6000000", "EUR"),
    ("en", "The programme receives EUR 1.5 million.", "1500000", "EUR"),
    ("en", "The consortium received €6 million from the fund.", "6000000", "EUR"),
    ("en", "The network will share six million euros.", "6000000", "EUR"),
    ("en", "The council awarded SEK 2 million to the project.", "2000000", "SEK"),
    ("en", "The grant totals EUR 450 000.", "450000", "EUR"),
    # the other Nordic crowns, as codes and as words, and codes or multipliers borrowed from English
    ("fi", "Säätiö myönsi hankkeelle NOK 500 000.", "500000", "NOK"),
    ("fi", "Hanke sai 400 000 Norjan kruunua.", "400000", "NOK"),
    ("fi", "Kokonaisbudjetti on EUR 1.2 million.", "1200000", "EUR"),
    ("sv", "Skolan får 2,5 miljoner norska kronor.", "2500000", "NOK"),
    ("sv", "Projektet beviljas DKK 400 000.", "400000", "DKK"),
    ("sv", "Satsningen omfattar 12 MSEK.", "12000000", "SEK"),
    ("en", "The foundation grants NOK 4.5 million to the network.", "4500000", "NOK"),
    ("en", "The school receives 2 million Danish kroner.", "2000000", "DKK"),
    ("en", "The budget is EUR 3.2mn.", "3200000", "EUR"),
    ("fi", "Hankkeen budjetti on 300 t€.", "300000", "EUR"),
    ("fi", "Ohjelman kokonaisrahoitus on 1,2 MEUR.", "1200000", "EUR"),
    ("sv", "Regeringen satsar 1,5 mdr kronor på skolan.", "1500000000", "SEK"),
])
def test_supported_amounts(lang, text, value, currency):
    assert amounts(text, lang) == [(Decimal(value), currency)]


def test_amount_span_and_plain_value():
    text = "Hankkeelle myönnettiin 1,3 miljoonaa euroa."
    [a] = find_amounts(text, "fi")
    assert text[a.start:a.end] == "1,3 miljoonaa euroa"
    assert plain(a.value) == "1300000"


@pytest.mark.parametrize("lang, text", [
    ("fi", "Hankkeeseen osallistuu 120 opiskelijaa ja 15 opettajaa."),
    ("fi", "Kesto 24 kuukautta, 3 toteuttajaa."),
    ("sv", "Totalt 40 skolor och 2 000 elever deltar."),
    ("en", "More than 2,000 teachers took part in 12 workshops."),
])
def test_no_amount_without_currency(lang, text):
    assert amounts(text, lang) == []


# Unsupported but common forms: the right value is asserted.

def test_english_comma_thousands_euro_sign():
    assert amounts("The school received €120,000 for the pilot.", "en") == [(Decimal(120000), "EUR")]


def test_english_comma_thousands_with_currency_word():
    assert amounts("The centre received a grant of 450,000 euros.", "en") == [(Decimal(450000), "EUR")]


def test_english_two_comma_groups():
    assert amounts("The total budget is €1,200,000.", "en") == [(Decimal(1200000), "EUR")]


def test_english_comma_groups_then_code():
    assert amounts("The total budget is 1,200,000 EUR.", "en") == [(Decimal(1200000), "EUR")]


def test_points_as_thousands_separators():
    assert amounts("Hankkeen kustannusarvio on 1.300.000 euroa.", "fi") == [(Decimal(1300000), "EUR")]


def test_finnish_number_word_in_genitive():
    assert amounts("Ministeriö myönsi kahden miljoonan euron lisärahoituksen.", "fi") == [(Decimal(2000000), "EUR")]


def test_finnish_half_a_million():
    assert amounts("Hankkeelle myönnettiin puoli miljoonaa euroa.", "fi") == [(Decimal(500000), "EUR")]


def test_swedish_mnkr():
    assert amounts("Regeringen avsätter 3,2 mnkr till satsningen.", "sv") == [(Decimal(3200000), "SEK")]


def test_swedish_tkr():
    assert amounts("Skolan beviljas 500 tkr för fortbildning.", "sv") == [(Decimal(500000), "SEK")]


@pytest.mark.parametrize("lang, text", [
    ("en", "EUR 90000000000000000000000000000000 million"),
    ("fi", "1000000000000000000000000000000 euroa"),
    ("sv", "5 000 000 000 000 000 000 000 miljarder kronor"),
])
def test_a_sum_no_grant_can_be_is_no_amount(lang, text):
    # a run of digits this long is a typo or a code; taken for money it would not fit an xsd:decimal of a store
    assert find_amounts(text, lang) == []


def test_a_page_with_an_impossible_sum_keeps_its_other_facts():
    ex = run("News\n\nThe Ministry of Education grants EUR 90000000000000000000000000000000 million to the "
             "University of Helsinki for the Open Minds project.\n")
    assert [p.name for p in ex.projects] == ["Open Minds"]


# Finnish writes a sum in any case the sentence needs: "rahoittaa … miljoonalla eurolla", "nousee … euroon".
@pytest.mark.parametrize("text, value", [
    ("Säätiö tukee kerhoja 1,4 miljoonalla eurolla kolmen vuoden ajan.", Decimal("1400000")),
    ("Hankkeen budjetti kasvoi 2 miljoonaan euroon.", Decimal("2000000")),
    ("Kunta maksaa 250 000 eurosta puolet.", Decimal("250000")),
])
def test_fi_sum_in_other_cases(text, value):
    got = find_amounts(text, "fi")
    assert [(a.value, a.currency) for a in got] == [(value, "EUR")]


def test_fi_grant_stated_with_the_adessive_sum_has_its_amount():
    ex = run("Lukusilta\n\nLukusilta-hanke kehittää koulujen lukupiirejä. Opetushallitus rahoittaa hanketta "
             "1,4 miljoonalla eurolla vuosina 2025–2027.\n")
    g = next(p for p in ex.projects if p.name == "Lukusilta").grants[0]
    assert (g.amount, g.currency) == (1400000, "EUR")
