"""Grants stated one by one with no project name (funded items), grant lists and owned projects, on invented
texts in each language where the construction occurs."""
import pytest

from extraction import grants as items


def test_en_several_grants_in_one_sentence_each_with_recipient_and_sum():
    got = items("Grants for open education\n\n"
                "The Ministry of Education has granted EUR 3 million to universities.\n\n"
                "Northfield University receives 1.7 million for open learning materials; Lakeside University "
                "0.9 million for teacher mentoring. In total, the universities receive 2.6 million.\n")
    assert got == {
        "open learning materials": ({("Northfield University", "coordinator")}, {"Ministry of Education"}, 1700000, "EUR"),
        "teacher mentoring": ({("Lakeside University", "coordinator")}, {"Ministry of Education"}, 900000, "EUR"),
    }


def test_sv_one_purpose_for_two_coordinated_grants_gives_two_items_told_apart_by_holder():
    got = items("Pengar till skolutbyten\n\n"
                "Skolverket har beviljat 300 000 kronor till skolor i länet.\n\n"
                "Norrby gymnasium får 120 000 kronor och Söderby gymnasium i Västerås 80 000 kronor för samarbete "
                "med Italien. Sammanlagt får skolorna 200 000 kronor.\n")
    assert got == {
        "Norrby gymnasiums samarbete med Italien": ({("Norrby gymnasium", "coordinator")}, {"Skolverket"}, 120000, "SEK"),
        "Söderby gymnasium i Västerås samarbete med Italien":
            ({("Söderby gymnasium", "coordinator")}, {"Skolverket"}, 80000, "SEK"),
    }


def test_sv_single_grant_with_passive_verb_names_its_item_by_purpose():
    got = items("Nyheter\n\nSkolverket fördelar pengar till skolor.\n\n"
                "Norrby gymnasium beviljas 38 000 euro för ett skolprojekt i Spanien.\n")
    assert got == {"skolprojekt i Spanien": ({("Norrby gymnasium", "coordinator")}, {"Skolverket"}, 38000, "EUR")}


def test_fi_purpose_in_the_illative_for_each_of_two_recipients():
    got = items("Avustuksia kunnille\n\nOpetushallitus on myöntänyt avustuksia kunnille.\n\n"
                "Kuopion kaupunki sai 50 000 euroa koulujen kerhotoiminnan kehittämiseen ja Joensuun kaupunki "
                "40 000 euroa nuorisotyön vahvistamiseen.\n")
    assert got == {
        "koulujen kerhotoiminnan kehittäminen": ({("Kuopion kaupunki", "coordinator")}, {"Opetushallitus"}, 50000, "EUR"),
        "nuorisotyön vahvistaminen": ({("Joensuun kaupunki", "coordinator")}, {"Opetushallitus"}, 40000, "EUR"),
    }


def test_fi_headline_restating_the_grant_is_the_same_item():
    got = items("Kuopion kaupungille 50 000 euroa kerhotoiminnan kehittämiseen\n\n"
                "Opetushallitus on myöntänyt Kuopion kaupungille 50 000 euroa koulujen kerhotoiminnan kehittämiseen.\n")
    assert list(got) == ["koulujen kerhotoiminnan kehittäminen"]
    assert got["koulujen kerhotoiminnan kehittäminen"][2] == 50000


def test_en_grant_list_under_a_currency_header_skips_the_total_row():
    got = items("Grants of the Northland Foundation\n\n"
                "The Northland Foundation has awarded the following grants.\n\n"
                "Project  Amount (EUR)\nDigital Bridges  120 000\nGreen Schools  80 000\nTotal  200 000\n")
    assert got == {"Digital Bridges": (set(), {"Northland Foundation"}, 120000, "EUR"),
                   "Green Schools": (set(), {"Northland Foundation"}, 80000, "EUR")}


def test_fi_grant_list_rows_with_the_currency_on_each_row():
    got = items("Myönnetyt avustukset\n\nKulttuurirahasto myönsi avustuksia seuraaville hankkeille.\n\n"
                "Lukuintoa kouluihin 30 000 €\nMetsäretket 25 000 €\nYhteensä 55 000 €\n")
    assert set(got) == {"Lukuintoa kouluihin", "Metsäretket"}
    assert got["Metsäretket"][2:] == (25000, "EUR")


def test_en_named_project_with_its_owner_in_apposition():
    got = items("Grants of the Northland Foundation\n\nThe Northland Foundation funds two projects.\n\n"
                "Open Maths, with Northfield University as owner, receives EUR 150 000.\n")
    assert got == {"Open Maths": ({("Northfield University", "coordinator")}, {"Northland Foundation"}, 150000, "EUR")}


def test_sv_named_project_with_its_owner_in_apposition():
    got = items("Beviljade projekt\n\nSkolverket har fattat beslut om stöd.\n\n"
                "Läslyftet Norr, med Norrby gymnasium som projektägare, får 200 000 kronor.\n")
    assert got == {"Läslyftet Norr": ({("Norrby gymnasium", "coordinator")}, {"Skolverket"}, 200000, "SEK")}


def test_a_body_that_allocates_money_is_no_recipient():
    got = items("News\n\nThe Ministry of Education allocates EUR 2 million for digital learning.\n")
    assert not any(("Ministry of Education", "coordinator") in v[0] for v in got.values())


def test_en_receivers_after_the_sums_each_with_its_purpose():
    got = items("News\n\nThe Ministry of Education has awarded EUR 1.2 million to Lakeside University for teacher "
                "training and EUR 0.8 million to Northfield University for digital pedagogy.\n")
    assert got == {
        "teacher training": ({("Lakeside University", "coordinator")}, {"Ministry of Education"}, 1200000, "EUR"),
        "digital pedagogy": ({("Northfield University", "coordinator")}, {"Ministry of Education"}, 800000, "EUR"),
    }


def test_en_purpose_as_an_infinitive_after_the_funder():
    got = items("News\n\nNorthfield University will receive EUR 300,000 from the Ministry of Education to develop "
                "open courses.\n")
    assert got == {"develop open courses": ({("Northfield University", "coordinator")}, {"Ministry of Education"},
                                            300000, "EUR")}


def test_sv_receiver_after_the_sum():
    got = items("Nyheter\n\nSkolverket har beviljat 2 miljoner kronor till Norrby gymnasium i Umeå för "
                "fjärrundervisning.\n")
    assert got == {"fjärrundervisning": ({("Norrby gymnasium", "coordinator")}, {"Skolverket"}, 2000000, "SEK")}


def test_fi_body_that_hands_out_money_is_no_recipient():
    got = items("Uutiset\n\nOpetushallitus jakoi 3 miljoonaa euroa kuntien kerhotoiminnan kehittämiseen.\n")
    assert not any(("Opetushallitus", "coordinator") in v[0] for v in got.values())


def test_fi_grant_table_with_cells_gives_each_project_its_applicant():
    got = items("Myönnetyt avustukset\n\nOpetushallitus on myöntänyt avustukset seuraaville hankkeille.\n\n"
                "Hanke | Hakija | Myönnetty (€)\nLukuinto | Kuopion kaupunki | 30 000\n"
                "Liikkuva koulu Savossa | Joensuun kaupunki | 25 000\nYhteensä | | 55 000\n")
    assert got == {"Lukuinto": ({("Kuopion kaupunki", "coordinator")}, {"Opetushallitus"}, 30000, "EUR"),
                   "Liikkuva koulu Savossa": ({("Joensuun kaupunki", "coordinator")}, {"Opetushallitus"}, 25000, "EUR")}


def test_en_two_owned_projects_in_one_run_of_text():
    got = items("Grants 2024\n\nThe Northland Foundation awarded grants to two projects.\n\n"
                "Reading Buddies, with Lakeside University as coordinator, receives EUR 45,000. Maths Outdoors, with "
                "Northfield University as coordinator, receives EUR 30,000.\n")
    assert got == {"Reading Buddies": ({("Lakeside University", "coordinator")}, {"Northland Foundation"}, 45000, "EUR"),
                   "Maths Outdoors": ({("Northfield University", "coordinator")}, {"Northland Foundation"}, 30000, "EUR")}


def test_fi_owned_project_named_with_the_project_word():
    got = items("Hankkeet\n\nOpetushallitus rahoittaa kahta hanketta. Lukuinto-hanke, jonka hallinnoijana on Kuopion "
                "kaupunki, saa 30 000 euroa.\n")
    assert got == {"Lukuinto": ({("Kuopion kaupunki", "coordinator")}, {"Opetushallitus"}, 30000, "EUR")}


def test_en_three_grants_listed_with_commas_and_currency_before_each_sum():
    got = items("Grant decisions\n\nThe Ministry of Education has decided on grants.\n\n"
                "Lakeside University receives EUR 45,000 for a reading programme, Northfield University EUR 30,000 "
                "for outdoor maths and Hillside University EUR 20,000 for a coding club.\n")
    assert {k: v[0] for k, v in got.items()} == {
        "reading programme": {("Lakeside University", "coordinator")},
        "outdoor maths": {("Northfield University", "coordinator")},
        "coding club": {("Hillside University", "coordinator")}}


def test_sv_purpose_verb_after_the_infinitive_marker_is_no_part_of_the_name():
    # the thing made names the item, not the verb that makes it, even with no article before it
    got = items("Beslut om stöd\n\nSkolverket har fattat beslut om bidrag.\n\n"
                "Norrby gymnasium får 120 000 kronor för att utveckla fjärrundervisning.\n")
    assert list(got) == ["fjärrundervisning"]


def test_en_last_of_several_grant_clauses_after_and_the_with_the_currency_code_before_each_sum():
    got = items("Nordic grants for school cooperation\n\n"
                "The Northland Council has awarded grants to three partners. Northfield University receives "
                "DKK 1.7 million for open learning materials; Lakeside College DKK 0.9 million for teacher "
                "exchange; and the City of Eastham DKK 0.5 million for a summer school.\n")
    assert got == {
        "open learning materials": ({("Northfield University", "coordinator")}, {"Northland Council"}, 1700000, "DKK"),
        "teacher exchange": ({("Lakeside College", "coordinator")}, {"Northland Council"}, 900000, "DKK"),
        "summer school": ({("City of Eastham", "coordinator")}, {"Northland Council"}, 500000, "DKK"),
    }


def test_fi_purpose_as_any_noun_in_the_illative_after_each_sum_and_the_total_is_no_item():
    got = items("Avustuksia oppimisen kehittämiseen\n\n"
                "Opetushallitus on myöntänyt yhteensä 2,4 miljoonaa euroa valtionavustuksia oppimisen kehittämiseen. "
                "Pohjolan kaupunki saa 850 000 euroa opettajien täydennyskoulutukseen, Etelälän kunta 600 000 euroa "
                "kerhotoimintaan ja Länsilän kaupunki 450 000 euroa koulujen verkostoyhteistyöhön.\n")
    assert got == {
        "opettajien täydennyskoulutus": ({("Pohjolan kaupunki", "coordinator")}, {"Opetushallitus"}, 850000, "EUR"),
        "kerhotoiminta": ({("Etelälän kunta", "coordinator")}, {"Opetushallitus"}, 600000, "EUR"),
        "koulujen verkostoyhteistyö": ({("Länsilän kaupunki", "coordinator")}, {"Opetushallitus"}, 450000, "EUR"),
    }


def test_fi_noun_of_time_in_the_illative_is_no_purpose():
    got = items("Avustus kunnille\n\nPohjolan kaupunki saa 850 000 euroa vuoteen 2026 asti, Etelälän kunta "
                "600 000 euroa kerhotoimintaan.\n")
    assert not any(name.startswith(("vuo", "2026")) for name in got)


def test_sv_en_receiver_as_the_object_of_a_verb_of_granting_before_the_sum():
    got = items("Stöd till läsfrämjande\n\nSkolverket har beviljat Norrby kommun 3,5 miljoner kronor för "
                "läsfrämjande arbete i skolan. Söderby kommun får 1,2 miljoner kronor för digitala läromedel.\n")
    assert got["läsfrämjande arbete i skolan"] == ({("Norrby kommun", "coordinator")}, {"Skolverket"}, 3500000, "SEK")
    got = items("Grants for open learning\n\nThe Northland Council has awarded Northfield University EUR 1.2 million "
                "for open learning materials. Lakeside College receives EUR 0.4 million for teacher exchange.\n")
    assert got["open learning materials"] == ({("Northfield University", "coordinator")}, {"Northland Council"},
                                              1200000, "EUR")


@pytest.mark.parametrize("text, funder, currency", [
    ("Myönnetyt avustukset\n\nPohjolan säätiö on nyt päättänyt myöntää avustuksia seuraaville hankkeille.\n\n"
     "Hanke\tHakija\tSumma (€)\nAvoin matematiikka\tLakeuden kaupunki\t45 000\n"
     "Lukusillat\tRannikon kunta\t30 000\n", "Pohjolan säätiö", "EUR"),
    ("Beviljade projekt\n\nStiftelsen Skolframtid har beslutat att dela ut stöd till följande projekt.\n\n"
     "Projekt\tSökande\tBelopp (kr)\nÖppen matematik\tSöderby gymnasium\t45 000\n"
     "Läsbroar\tVästerby kommun\t30 000\n", "Stiftelsen Skolframtid", "SEK"),
    ("Grants awarded\n\nThe Northland Foundation has decided to award grants to the following projects.\n\n"
     "Project\tApplicant\tAmount (EUR)\nOpen Maths\tNorthfield University\t45 000\n"
     "Reading Bridges\tLakeside College\t30 000\n", "Northland Foundation", "EUR"),
])
def test_funder_of_a_grant_table_is_the_subject_of_a_decision_to_grant(text, funder, currency):
    got = items(text)
    assert len(got) == 2, got
    assert all(funders == {funder} and cur == currency for _, funders, _, cur in got.values()), got


@pytest.mark.parametrize("text, item, holder", [
    ("Beviljade projekt\n\nStiftelsen Skolframtid har beslutat att dela ut stöd till följande projekt.\n\n"
     "Projekt\tSökande\tBelopp (kr)\nLäslyftet i Norrby\tNorrby kommun\t450 000\nMatte för alla\tSöderby gymnasium\t320 000\n",
     "Läslyftet i Norrby", "Norrby kommun"),
    ("Grants awarded\n\nThe Northland Foundation has decided to award grants to the following projects.\n\n"
     "Project\tApplicant\tAmount (EUR)\nReading Bridges Northfield\tNorthfield School\t45 000\n"
     "Open Maths\tLakeside College\t30 000\n", "Reading Bridges Northfield", "Northfield School"),
])
def test_no_name_runs_across_a_tab_from_one_table_cell_into_the_next(text, item, holder):
    got = items(text)
    assert got[item][0] == {(holder, "coordinator")}


def test_sv_funder_named_in_apposition_after_a_lower_case_noun_of_its_kind():
    # Swedish names a body after its kind ("myndigheten X"); Finnish and English write the kind into the name
    got = items("Skolor får pengar för utbyten\n\nNorrby gymnasium får 60 000 kronor för ett utbyte med Italien.\n\n"
                "Söderby skola får 40 000 kronor för ett utbyte med Spanien.\n\nDet är den statliga myndigheten "
                "Nordiska utbyteskontoret som har beviljat sammanlagt 100 000 kronor.\n")
    assert got["utbyte med Italien"] == ({("Norrby gymnasium", "coordinator")}, {"Nordiska utbyteskontoret"}, 60000, "SEK")


# A grant to several bodies together is one item with all of them as holders and none of them leading.

def test_en_bodies_sharing_one_grant_hold_it_together():
    got = items("Grants for teacher education\n\n"
                "The Ministry of Education has granted EUR 2 million to universities.\n\n"
                "Northfield University receives EUR 800,000 for evening courses in chemistry. Lakeside University "
                "and Hillcrest College jointly obtain EUR 1.2 million between them for distance "
                "teaching in rural areas.\n")
    assert got["distance teaching in rural areas"] == (
        {("Lakeside University", "partner"), ("Hillcrest College", "partner")},
        {"Ministry of Education"}, 1200000, "EUR")
    assert got["evening courses in chemistry"][0] == {("Northfield University", "coordinator")}


def test_sv_bodies_receiving_jointly_hold_the_grant_and_the_item_is_the_thing_made():
    got = items("Pengar till vuxenutbildning\n\n"
                "Skolverket har beviljat pengar till kommuner i länet.\n\n"
                "Därtill får Norrby universitet och Söderby kommun gemensamt 1,1 miljoner kronor för att bygga "
                "en plattform för distansstudier i glesbygd.\n")
    assert got == {"plattform för distansstudier i glesbygd": (
        {("Norrby universitet", "partner"), ("Söderby kommun", "partner")}, {"Skolverket"}, 1100000, "SEK")}


def test_fi_bodies_receiving_together_hold_the_grant():
    got = items("Avustuksia korkeakouluille\n\n"
                "Opetusministeriö jakoi tänä keväänä avustuksia korkeakouluille.\n\n"
                "Kuopion yliopisto ja Joensuun ammattikorkeakoulu saavat yhdessä 600 000 euroa etäopetuksen "
                "kehittämiseen.\n")
    assert got == {"etäopetuksen kehittäminen": (
        {("Kuopion yliopisto", "partner"), ("Joensuun ammattikorkeakoulu", "partner")},
        {"Opetusministeriö"}, 600000, "EUR")}


# The purpose phrase that names an item: its whole noun phrase, and no relative clause after it.

def test_fi_purpose_adjective_and_noun_in_the_illative_with_a_complement():
    got = items("Avustuksia kaupungeille\n\nOpetushallitus jakoi avustuksia kaupungeille.\n\n"
                "Kuopion kaupunki saa 70 000 euroa digitaalisiin harjoitustehtäviin lukiolaisten "
                "kieliopintoihin.\n")
    assert got == {"digitaalinen harjoitustehtävä lukiolaisten kieliopintoihin":
                   ({("Kuopion kaupunki", "coordinator")}, {"Opetushallitus"}, 70000, "EUR")}


def test_en_relative_clause_after_the_purpose_is_no_part_of_the_name():
    got = items("Regional grants\n\nThe Northland Regional Council has awarded regional grants.\n\n"
                "Northfield University receives EUR 300,000 for travelling robotics kits which tour rural "
                "schools every spring.\n")
    assert list(got) == ["travelling robotics kits"]


def test_sv_relative_clause_after_the_purpose_is_no_part_of_the_name():
    got = items("Regionala bidrag\n\nRegion Norrland har beviljat regionala bidrag.\n\n"
                "Norrby gymnasium får 90 000 kronor för en skolträdgård som eleverna sköter under sommaren.\n")
    assert list(got) == ["skolträdgård"]


# "A and B receive N each" is a grant to each of them, not one grant they share.

def test_en_bodies_receiving_each_a_sum_get_a_grant_each():
    got = items("Grants for reading\n\nThe Ministry of Education has granted EUR 80,000 to colleges.\n\n"
                "Lakeside College and Hillcrest College will each receive EUR 40,000 for reading clubs.\n")
    assert {v[0] == {(k.split("'")[0], "coordinator")} and v[2] == 40000 for k, v in got.items()} == {True}
    assert len(got) == 2


def test_sv_bodies_receiving_each_a_sum_get_a_grant_each():
    got = items("Bidrag till läsning\n\nSkolverket har beviljat bidrag till kommuner.\n\n"
                "Norrby kommun och Söderby kommun får 40 000 kronor vardera för läsecirklar.\n")
    assert got == {"Norrby kommuns läsecirklar": ({("Norrby kommun", "coordinator")}, {"Skolverket"}, 40000, "SEK"),
                   "Söderby kommuns läsecirklar": ({("Söderby kommun", "coordinator")}, {"Skolverket"}, 40000, "SEK")}


def test_fi_bodies_receiving_each_a_sum_get_a_grant_each():
    got = items("Avustuksia lukemiseen\n\nOpetushallitus on myöntänyt avustuksia kunnille.\n\n"
                "Kuopion kaupunki ja Joensuun kaupunki saavat kumpikin 40 000 euroa lukupiirien kehittämiseen.\n")
    assert {k: v[0] for k, v in got.items()} == {
        "lukupiirien kehittäminen (Kuopion kaupunki)": {("Kuopion kaupunki", "coordinator")},
        "lukupiirien kehittäminen (Joensuun kaupunki)": {("Joensuun kaupunki", "coordinator")}}


def test_en_list_row_of_a_body_and_a_sum_with_the_currency_first_is_no_item():
    # who got money, not for what: no item named "City of Northfield EUR"
    got = items("Library grants\n\nThe Northland Foundation has awarded grants for school libraries to towns:\n\n"
                "City of Northfield EUR 50,000\nCity of Lakeside EUR 40,000\n")
    assert not any(name.endswith("EUR") for name in got)


@pytest.mark.parametrize("text, name, holder, funder, amount", [
    # the object of the granting verb behind its article receives
    ("Grants for municipalities\n\nThe Regional State Administrative Agency has granted the City of Lakeside "
     "EUR 50,000 for the development of active schools.\n",
     "development of active schools", "City of Lakeside", "Regional State Administrative Agency", 50000),
    ("Bidrag till kommuner\n\nSkolverket har beviljat Norrby kommun 50 000 kronor för utveckling av rörliga "
     "skolor.\n", "utveckling av rörliga skolor", "Norrby kommun", "Skolverket", 50000),
])
def test_the_object_of_a_granting_verb_receives_the_sum(text, name, holder, funder, amount):
    assert items(text) == {name: ({(holder, "coordinator")}, {funder}, amount, "EUR" if "EUR" in text else "SEK")}


def test_fi_one_grant_of_a_sentence_is_one_project_however_its_purpose_is_read():
    # a participle before the purpose's genitive: the purpose read twice made a second project holding the sum
    got = items("Kunnille rahoitusta\n\nAluehallintovirasto on myöntänyt Järvilaakson kaupungille 50 000 euroa "
                 "liikkuvan koulun kehittämiseen.\n")
    assert got == {"liikkuvan koulun kehittäminen": ({("Järvilaakson kaupunki", "coordinator")},
                                                     {"Aluehallintovirasto"}, 50000, "EUR")}


@pytest.mark.parametrize("text, name, holders, funder, amount, currency", [
    # the one sum of bodies named together, with a word for "in total", is their joint grant
    ("Uutinen\n\nItäkylän kunta ja Järvilaakson kaupunki ovat saaneet yhteensä 150 000 euroa valtionavustusta "
     "koulujen kerhotoiminnan kehittämiseen. Avustuksen myönsi Opetushallitus.\n", "koulujen kerhotoiminnan kehittäminen",
     {"Itäkylän kunta", "Järvilaakson kaupunki"}, "Opetushallitus", 150000, "EUR"),
    ("Nya bidrag\n\nNorrby kommun och Söderby kommun har fått sammanlagt 400 000 kronor för gemensam "
     "lärarfortbildning. Bidraget beviljades av Skolverket.\n", "gemensam lärarfortbildning",
     {"Norrby kommun", "Söderby kommun"}, "Skolverket", 400000, "SEK"),
    # … and the purpose ends where the source of the money is named
    ("New grants\n\nThe City of Lakeside and the City of Westport receive a total of EUR 400,000 for joint teacher "
     "training from the National Agency for Education.\n", "joint teacher training",
     {"City of Lakeside", "City of Westport"}, "National Agency for Education", 400000, "EUR"),
])
def test_a_total_received_by_bodies_named_together_is_their_joint_grant(text, name, holders, funder, amount,
                                                                         currency):
    assert items(text) == {name: ({(h, "partner") for h in holders}, {funder}, amount, currency)}


def test_sv_the_source_of_the_money_ends_a_purpose_phrase():
    got = items("Nya bidrag\n\nNorrby kommun får 200 000 kronor för läsfrämjande insatser från Statens "
                "kulturråd.\n")
    assert got == {"läsfrämjande insatser": ({("Norrby kommun", "coordinator")}, {"Statens kulturråd"}, 200000, "SEK")}


@pytest.mark.parametrize("text, name, holder, funder, amount, currency", [
    # the body the money comes from between the receiver and the sum
    ("Avustus\n\nJärvilaakson kaupunki sai Opetushallitukselta 60 000 euron avustuksen kerhotoiminnan "
     "kehittämiseen.\n", "kerhotoiminnan kehittäminen", "Järvilaakson kaupunki", "Opetushallitus", 60000, "EUR"),
    # a verb of receiving beyond "receive"
    ("Grant\n\nThe University of Northbay has secured GBP 1.2 million from the Nuffield Foundation for a study of "
     "early reading.\n", "study of early reading", "University of Northbay", "Nuffield Foundation", 1200000, "GBP"),
    # "för att" says what the money is for: no part of the paying body's name
    ("Bidrag\n\nSöderby folkhögskola tilldelas 300 000 kronor av Skolverket för att utveckla "
     "distansundervisning.\n", "distansundervisning", "Söderby folkhögskola", "Skolverket", 300000, "SEK"),
])
def test_receiver_source_and_sum_in_other_orders_and_words(text, name, holder, funder, amount, currency):
    assert items(text) == {name: ({(holder, "coordinator")}, {funder}, amount, currency)}


_DECISION = {"fi": ("Avustuspäätökset\n\nOpetushallitus on myöntänyt avustuksia seuraaville hankkeille:\n\n",
                    "Opetushallitus", "EUR"),
             "sv": ("Beviljade bidrag\n\nSkolverket har beviljat bidrag till följande projekt:\n\n", "Skolverket", "SEK"),
             "en": ("Grants awarded\n\nThe National Agency for Education has awarded grants to the following "
                    "projects:\n\n", "National Agency for Education", "EUR")}


@pytest.mark.parametrize("lang, rows, first, second", [
    ("fi", "- Lukupolku (Järvilaakson kaupunki) 50 000 euroa\n- Liikkuva välitunti (Itäkylän kunta) 30 000 euroa\n",
     ("Lukupolku", "Järvilaakson kaupunki", 50000), ("Liikkuva välitunti", "Itäkylän kunta", 30000)),
    ("fi", "- Järvilaakson kaupunki: Lukupolku, 50 000 euroa\n- Itäkylän kunta: Liikkuva välitunti, 30 000 euroa\n",
     ("Lukupolku", "Järvilaakson kaupunki", 50000), ("Liikkuva välitunti", "Itäkylän kunta", 30000)),
    ("sv", "- Läsvägen, Norrby kommun, 200 000 kr\n- Digitala verkstäder, Söderby folkhögskola, 150 000 kr\n",
     ("Läsvägen", "Norrby kommun", 200000), ("Digitala verkstäder", "Söderby folkhögskola", 150000)),
    ("en", "- Reading Paths, City of Lakeside, EUR 50,000\n- Digital Leap, Eastfield College, EUR 30,000\n",
     ("Reading Paths", "City of Lakeside", 50000), ("Digital Leap", "Eastfield College", 30000)),
    ("en", "- Reading Paths (City of Lakeside): EUR 50,000\n- Digital Leap (Eastfield College): EUR 30,000\n",
     ("Reading Paths", "City of Lakeside", 50000), ("Digital Leap", "Eastfield College", 30000)),
])
def test_a_grant_list_row_names_its_project_apart_from_its_holder(lang, rows, first, second):
    head, funder, currency = _DECISION[lang]
    got = items(head + rows)
    assert got == {name: ({(holder, "coordinator")}, {funder}, amount, currency) for name, holder, amount in (first, second)}


@pytest.mark.parametrize("text, expected, funder, currency", [
    # a caption too long for a header, closing on the currency; a row of the grants not listed is no grant
    ("Grants for adult learning\n\nThe Northfield Agency for Schools has made its grant decisions on adult education. "
     "The remaining grants are listed below (EUR):\n\n"
     "Kestrel Adult Education Centre        410,000\nUniversity of Eastmoor                290,000\n"
     "Other six centres                     800,000\nTotal                               1,500,000\n",
     {"Kestrel Adult Education Centre grant": ("Kestrel Adult Education Centre", 410000),
      "University of Eastmoor grant": ("University of Eastmoor", 290000)}, "Northfield Agency for Schools", "EUR"),
    # the holder in the genitive, with the gradation of its head word
    ("Avustuksia aikuiskoulutukseen\n\nOpetushallitus on myöntänyt avustuksia aikuiskoulutuksen kehittämiseen. "
     "Muut avustukset (euroa):\n\nHakija                          Avustus\nLapin yliopisto                 410 000\n"
     "Porin kaupunki                  290 000\nMuut hakijat                    500 000\nYhteensä                      1 200 000\n",
     {"Lapin yliopiston avustus": ("Lapin yliopisto", 410000), "Porin kaupungin avustus": ("Porin kaupunki", 290000)},
     "Opetushallitus", "EUR"),
    # a figure in the caption before the currency in brackets
    ("Bidrag till vuxenutbildning\n\nSkolverket har beslutat om statsbidrag. Bidrag över 200 000 kronor (kr):\n\n"
     "Huvudman                      Belopp\nGävle kommun                  410 000\nLinnéuniversitetet            290 000\n"
     "Övriga huvudmän               300 000\nTotalt                      1 000 000\n",
     # (called by the page's own, most specific word for its grants)
     {"Gävle kommuns statsbidrag": ("Gävle kommun", 410000),
      "Linnéuniversitetets statsbidrag": ("Linnéuniversitetet", 290000)},
     "Skolverket", "SEK"),
])
def test_a_grant_list_row_naming_only_its_holder_is_that_bodys_grant(text, expected, funder, currency):
    got = items(text)
    assert got == {name: ({(holder, "coordinator")}, {funder}, amount, currency)
                   for name, (holder, amount) in expected.items()}


def test_a_grant_table_without_a_name_column_gives_each_holder_its_grant():
    got = items("Grants for school libraries\n\nThe Northland Foundation has awarded the following grants.\n\n"
                "Recipient | Grant (EUR)\nCity of Kestrel | 50 000\nCity of Ridgeway | 40 000\n")
    assert got == {"City of Kestrel grant": ({("City of Kestrel", "coordinator")}, {"Northland Foundation"}, 50000, "EUR"),
                   "City of Ridgeway grant": ({("City of Ridgeway", "coordinator")}, {"Northland Foundation"}, 40000, "EUR")}


@pytest.mark.parametrize("text, expected, funder, currency", [
    # the antecedent of a relative clause of receiving, and a verb of making before what is made
    ("Grants for schools\n\nThe Northland Agency has decided on grants. The largest grant goes to the City of "
     "Kestrel, which receives EUR 400,000 for building a science lab for pupils. The City of Ridgeway receives "
     "0.3 million for outdoor learning.\n",
     {"science lab for pupils": {("City of Kestrel", "coordinator")},
      "outdoor learning": {("City of Ridgeway", "coordinator")}}, "Northland Agency", "EUR"),
    # the partner inside the relative clause
    ("Grants for schools\n\nThe Northland Agency has decided on grants. Among the recipients is Eastmoor College, "
     "which receives EUR 400,000 for remote teaching, and the City of Ridgeway, which together with Westvale "
     "University receives EUR 300,000 for outdoor learning.\n",
     {"remote teaching": {("Eastmoor College", "coordinator")},
      "outdoor learning": {("City of Ridgeway", "coordinator"), ("Westvale University", "partner")}},
     "Northland Agency", "EUR"),
    ("Bidrag till skolor\n\nSkolverket har beslutat om statsbidrag. Bland mottagarna finns Gävle kommun, som nu får "
     "1,2 miljoner kronor, för att sätta upp ett nytt elevhälsoteam, och Växjö kommun, som tillsammans med "
     "Linnéuniversitetet får 0,9 miljoner kronor, för att skapa digitala lektioner.\n",
     {"nytt elevhälsoteam": {("Gävle kommun", "coordinator")},
      "digitala lektioner": {("Växjö kommun", "coordinator"), ("Linnéuniversitetet", "partner")}}, "Skolverket", "SEK"),
])
def test_the_antecedent_of_a_relative_clause_of_receiving_holds_the_grant(text, expected, funder, currency):
    got = items(text)
    assert {name: parts for name, (parts, *_rest) in got.items()} == expected
    assert all(g[1] == {funder} and g[3] == currency for g in got.values())


def test_en_partners_after_a_long_purpose_take_part_and_end_it():
    got = items("Grants\n\nThe Northland Agency has decided on grants. Kestrel College gets EUR 2.4 million for "
                "developing open course modules for the building and energy trades together with Westvale "
                "College and Eastmoor College.\n")
    assert got == {"open course modules for the building and energy trades": (
        {("Kestrel College", "coordinator"), ("Westvale College", "partner"), ("Eastmoor College", "partner")},
        {"Northland Agency"}, 2400000, "EUR")}


def test_a_list_of_bodies_and_sums_on_a_page_naming_no_giver_is_no_grant_list():
    assert items("Figures\n\nThe sums are listed below (EUR):\n\n"
                 "City of Kestrel        50,000\nCity of Ridgeway       40,000\n") == {}


@pytest.mark.parametrize("text, expected, funder, currency", [
    ("Grants\n\nThe Northland Agency has decided on grants. Kestrix gets EUR 2.5 million for study counselling, "
     "and Lumora 300,000 euros for a pilot of apprentice coaching.\n",
     {"study counselling": ("Kestrix", 2500000), "pilot of apprentice coaching": ("Lumora", 300000)},
     "Northland Agency", "EUR"),
    ("Bidrag\n\nSkolverket har beslutat om bidrag. Kestrix får 2,5 miljoner kronor för studievägledning och Lumora "
     "300 000 kronor för en pilot med lärlingscoachning.\n",
     {"studievägledning": ("Kestrix", 2500000), "pilot med lärlingscoachning": ("Lumora", 300000)}, "Skolverket",
     "SEK"),
    ("Avustukset\n\nOpetushallitus on myöntänyt avustuksia. Lapin yliopisto saa 900 000 euroa ohjauspalveluihin ja "
     "Lumora 750 000 euroa työpaikkaoppimisen mallin kehittämiseen.\n",
     {"ohjauspalvelu": ("Lapin yliopisto", 900000), "työpaikkaoppimisen mallin kehittäminen": ("Lumora", 750000)},
     "Opetushallitus", "EUR"),
])
def test_the_name_between_the_joiner_and_the_sum_of_a_clause_without_its_verb_receives(text, expected, funder,
                                                                                       currency):
    # a name no organisation word marks, read from its place in the clause; it receives and does not pay
    assert items(text) == {name: ({(holder, "coordinator")}, {funder}, amount, currency)
                           for name, (holder, amount) in expected.items()}


def test_a_name_before_a_sum_in_a_sentence_without_a_verb_of_receiving_is_no_recipient():
    assert items("Grants\n\nThe Northland Agency has decided on grants of EUR 3 million, and Parliament EUR 2 "
                 "million for schools.\n") == {}


@pytest.mark.parametrize("sentence", [
    "The Holloway Arts Council has granted EUR 200,000 to Fernhill University for a project that trains music "
    "teachers.",
    "Fernhill University has been awarded EUR 200,000 by the Holloway Arts Council for a new project on music "
    "teaching.",
])
def test_en_a_grant_for_a_project_is_for_the_project_the_page_names(sentence):
    got = items("News\n\n" + sentence + " The project, Silver Strings, will be carried out together with Brookvale "
                "College.\n")
    assert got == {"Silver Strings": ({("Fernhill University", "coordinator"), ("Brookvale College", "partner")},
                                      {"Holloway Arts Council"}, 200000, "EUR")}
