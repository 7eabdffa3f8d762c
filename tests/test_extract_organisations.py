"""Organisation mentions: OrganisationFinder and base_form on single sentences, and the document-level rules of
find_org_mentions (coordination, acronyms, list items, people, headings) through the pipeline.

All sentences are written for these tests; actors are real public bodies or invented ones. The expected base
form is the nominative a person would write ("Savon koulutuskuntayhtymä", "Malmö universitet").
"""
from __future__ import annotations


import pytest

from edukg.ingest.extract.actors import Sentence, find_org_mentions
from edukg.ingest.extract.names import base_form
from edukg.ingest.extract.organisations import OrganisationFinder
from edukg.ingest.extract.structure import find_fields, list_blocks
from edukg.ingest.text import lines, sentences, tokenize
from extraction import run


def found(text: str, lang: str) -> list[tuple[str, str, str]]:
    """(surface, base, type) of every mention OrganisationFinder finds in one sentence."""
    return [(m.surface, m.base, m.type) for m in OrganisationFinder(lang).find(tokenize(text))]


def bases(text: str, lang: str) -> list[str]:
    return [b for _, b, _ in found(text, lang)]




def org_names(text: str) -> set[str]:
    return {o.name for o in run(text).organisations.values()}


def mentions_and_items(text: str, lang: str):
    sents = [Sentence(s, tokenize(s.text, s.start)) for ln in lines(text) for s in sentences(ln)]
    return find_org_mentions(sents, [], lang, text, find_fields(text, lang), list_blocks(text))


# ---------------------------------------------------------------------------------------------------------------
# Finnish: inflected names to the nominative
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, base, typ", [
    ("Hanketta hallinnoi Savon koulutuskuntayhtymän aikuiskoulutusyksikkö.",
     "Savon koulutuskuntayhtymän", "Savon koulutuskuntayhtymä", "vocational_institution"),
    ("Kokeilu toteutetaan Humanistisen ammattikorkeakoulun opiskelijoiden kanssa.",
     "Humanistisen ammattikorkeakoulun", "Humanistinen ammattikorkeakoulu", "university"),
    ("Opetus- ja kulttuuriministeriön mukaan uudistus etenee aikataulussa.",
     "Opetus- ja kulttuuriministeriön", "Opetus- ja kulttuuriministeriö", "ministry"),
    ("Jyväskylän yliopistossa on tutkittu opettajien työhyvinvointia.",
     "Jyväskylän yliopistossa", "Jyväskylän yliopisto", "university"),
    ("Kyselyn toteutti Tampereen yliopistolla toimiva tutkimusryhmä.",
     "Tampereen yliopistolla", "Tampereen yliopisto", "university"),
    ("Opettajat kouluttautuvat Oulun kaupungin järjestämillä kursseilla.",
     "Oulun kaupungin", "Oulun kaupunki", "municipality"),
    ("Pohjois-Pohjanmaan ELY-keskus myönsi tuen kolmelle hankkeelle.",
     "Pohjois-Pohjanmaan ELY-keskus", "Pohjois-Pohjanmaan ELY-keskus", "agency"),
    ("Hankkeessa ovat mukana Kajaanin kaupungin koulutusliikelaitos ja sen opiskelijat.",
     "Kajaanin kaupungin koulutusliikelaitos", "Kajaanin kaupungin koulutusliikelaitos", "vocational_institution"),
])
def test_finnish_inflected_name_to_nominative(text, surface, base, typ):
    assert (surface, base, typ) in found(text, "fi")


def test_finnish_two_inflected_names_in_one_sentence():
    text = "Opetus- ja kulttuuriministeriö myönsi Jyväskylän ammattikorkeakoululle 300 000 euroa."
    assert bases(text, "fi") == ["Opetus- ja kulttuuriministeriö", "Jyväskylän ammattikorkeakoulu"]


@pytest.mark.parametrize("text, surface, base", [
    ("Rahoituksen myönsi opetus- ja kulttuuriministeriö.", "opetus- ja kulttuuriministeriö",
     "Opetus- ja kulttuuriministeriö"),
    ("Asiasta päättää lopulta ympäristöministeriö.", "ympäristöministeriö", "Ympäristöministeriö"),
    ("Hakemukset käsittelee opetus- ja kulttuuriministeriön korkeakouluosasto.", "opetus- ja kulttuuriministeriön",
     "Opetus- ja kulttuuriministeriö"),
])
def test_finnish_lower_case_ministry(text, surface, base):
    assert (surface, base, "ministry") in found(text, "fi")


def test_base_form_of_tokens_directly():
    assert base_form(tokenize("Humanistisen ammattikorkeakoulun"), "fi") == "Humanistinen ammattikorkeakoulu"
    assert base_form(tokenize("Savon koulutuskuntayhtymän"), "fi") == "Savon koulutuskuntayhtymä"
    assert base_form(tokenize("Malmö universitets"), "sv") == "Malmö universitet"
    # list items are written in the nominative: no lemmatisation
    assert base_form(tokenize("Kuopion kaupunki"), "fi", inflected=False) == "Kuopion kaupunki"


def test_finnish_common_word_compound_is_no_organisation():
    # "johtokunta" (a board) and "esimerkkikaupunki" end in heads but are common nouns
    assert found("Johtokunta valitsi esimerkkikaupungiksi pienen kunnan.", "fi") == []


def test_finnish_heading_in_capitals_is_not_a_name():
    assert found("AMMATTIKORKEAKOULUJEN YHTEISTYÖ VAHVISTUU", "fi") == []
    assert found("OULUN YLIOPISTON UUTISET", "fi") == []


def test_finnish_name_with_nominative_head_and_brand():
    assert ("Koulutuskuntayhtymä Harjula", "Koulutuskuntayhtymä Harjula", "vocational_institution") in \
        found("Hanketta koordinoi Koulutuskuntayhtymä Harjula.", "fi")


@pytest.mark.xfail(reason="head + brand name: 'Luovi' is lemmatised by simplemma to another word, so "
                          "_proper_name rejects it and the finder finds nothing (the gazetteer rescues this one)",
                   strict=True)
def test_finnish_head_followed_by_brand_name_finder():
    assert "Ammattiopisto Luovi" in bases("Mukana on Ammattiopisto Luovi.", "fi")


def test_finnish_company_with_legal_form():
    assert ("Savonlinnan koulutuspalvelut Oy", "company") in \
        [(b, t) for _, b, t in found("Mukana on myös Savonlinnan koulutuspalvelut Oy.", "fi")]


def test_finnish_nominative_adjective_inside_name():
    assert "Suomen kasvatustieteellinen seura" in org_names("Hankkeessa on mukana Suomen kasvatustieteellinen seura.")


@pytest.mark.xfail(reason="_extend_left walks back over a mention already found, so 'Sivistysjärjestö Kansan "
                          "Sivistystyön Liitto KSL ry' yields three overlapping mentions "
                          "('Sivistysjärjestö', '… Liitto', '… KSL ry')", strict=True)
def test_finnish_mentions_do_not_overlap():
    ms = OrganisationFinder("fi").find(tokenize("Sivistysjärjestö Kansan Sivistystyön Liitto KSL ry järjestää kurssin."))
    spans = sorted((m.start, m.end) for m in ms)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


# ---------------------------------------------------------------------------------------------------------------
# Swedish
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, base, typ", [
    ("Projektet genomförs vid Malmö universitets institution för lärande.",
     "Malmö universitets", "Malmö universitet", "university"),
    ("Enligt Uppsala universitets rektor är satsningen viktig.",
     "Uppsala universitets", "Uppsala universitet", "university"),
    ("Skolverkets generaldirektör kommenterade beslutet.", "Skolverkets", "Skolverket", "agency"),
    ("Stockholms stads utbildningsförvaltning deltar i projektet.", "Stockholms stads", "Stockholms stad",
     "municipality"),
    ("Enligt Lärarnas riksförbunds ordförande är beslutet bra.", "Lärarnas riksförbunds", "Lärarnas riksförbund",
     "ngo"),
])
def test_swedish_genitive_to_base_form(text, surface, base, typ):
    assert (surface, base, typ) in found(text, "sv")


@pytest.mark.parametrize("text, base, typ", [
    ("Skolverket fördelar statsbidraget till huvudmännen.", "Skolverket", "agency"),
    ("Länsstyrelsen Skåne beviljade medel till projektet.", "Länsstyrelsen Skåne", "agency"),
    ("Projektägare är Perstorps kommun.", "Perstorps kommun", "municipality"),
    ("Karolinska Institutet deltar i samarbetet.", "Karolinska Institutet", "research_institute"),
    ("Undervisnings- och kulturministeriet beviljar medel.", "Undervisnings- och kulturministeriet", "ministry"),
    ("Beslutet fattades av undervisnings- och kulturministeriet.", "Undervisnings- och kulturministeriet", "ministry"),
    ("Projektet drivs av Folkhälsan rf.", "Folkhälsan rf", "ngo"),
])
def test_swedish_definite_names_kept(text, base, typ):
    assert (base, typ) in [(b, t) for _, b, t in found(text, "sv")]


def test_swedish_two_names_joined_by_och():
    assert bases("Projektet genomförs av Göteborgs universitet och Umeå universitet.", "sv") == \
        ["Göteborgs universitet", "Umeå universitet"]


def test_swedish_adjective_inside_name_finder():
    assert "Luleå tekniska universitet" in bases("Projektet genomförs av Luleå tekniska universitet.", "sv")


def test_swedish_adjective_inside_name_pipeline():
    assert "Luleå tekniska universitet" in org_names("Projektet genomförs av Umeå universitet och Luleå tekniska universitet.\n")


def test_swedish_hogskolan_i_place_finder():
    assert "Högskolan i Borås" in bases("Projektet genomförs av Göteborgs universitet och Högskolan i Borås.", "sv")


def test_swedish_region_and_city():
    assert org_names("Region Skåne och Malmö stad samarbetar kring projektet.\n") == {"Region Skåne", "Malmö stad"}


def test_swedish_prefix_name_and_head_name():
    assert org_names("Yrkeshögskolan Kustia och Norrby yrkeshögskola deltar i projektet.\n") == \
        {"Yrkeshögskolan Kustia", "Norrby yrkeshögskola"}


def test_swedish_myndigheten_for_then_second_name():
    assert bases("Myndigheten för skolutveckling och Specialpedagogiska skolmyndigheten samarbetar.", "sv") == \
        ["Myndigheten för skolutveckling", "Specialpedagogiska skolmyndigheten"]


def test_swedish_stiftelsen_for():
    assert "Stiftelsen för Åbo Akademi" in bases("Stiftelsen för Åbo Akademi stöder forskningen.", "sv")


def test_swedish_genitive_of_definite_compound():
    assert "Skolledarförbundet" in bases("Enligt Skolledarförbundets ordförande är beslutet bra.", "sv")


def test_swedish_name_starting_with_adjective_at_sentence_start():
    assert "Nordiska lärarnätverket" in bases("Nordiska lärarnätverket samordnar arbetet.", "sv")


@pytest.mark.parametrize("text, name", [
    ("Nyheter\n\nInternationella Tekniska Skolan får 300 000 kronor.\n", "Internationella Tekniska Skolan"),
    ("Nyheter\n\nFamiljen Ekbergs stiftelse har beviljat 2 miljoner kronor.\n", "Familjen Ekbergs stiftelse"),
    ("Nyheter\n\nSamtliga Umeå kommuns skolor deltar.\n", "Umeå kommun"),
])
def test_swedish_name_opening_a_sentence_with_an_adjective_or_a_definite_noun(text, name):
    """First in a sentence, an agreeing adjective or a definite noun before a capitalised name opens the name;
    a quantifier does not."""
    assert org_names(text) == {name}


def test_swedish_head_followed_by_definite_proper_name():
    assert org_names("Friskolan Solrosen deltar i projektet.\n") == {"Friskolan Solrosen"}


def test_swedish_definite_centret():
    assert "Pedagogiska utvecklingscentret" in bases("Arbetet samordnas av Pedagogiska utvecklingscentret i Kristianstad.", "sv")


# ---------------------------------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, base, typ", [
    ("The work is coordinated by the University of Norland.", "University of Norland", "university"),
    ("The Ministry of Schools and Culture granted funding to the projects.", "Ministry of Schools and Culture",
     "ministry"),
    ("Jyväskylä University of Applied Sciences coordinates the project.", "Jyväskylä University of Applied Sciences",
     "university"),
    ("The European Commission funds mobility projects.", "European Commission", "agency"),
])
def test_english_names(text, base, typ):
    assert (base, typ) in [(b, t) for _, b, t in found(text, "en")]


def test_english_two_names_joined_by_and():
    assert bases("Partners include Tampere University and the University of Oulu.", "en") == \
        ["Tampere University", "University of Oulu"]
    assert bases("Umeå University and Lund University are members.", "en") == ["Umeå University", "Lund University"]


def test_english_plural_possessive_removed():
    assert "Turku University of Applied Sciences" in \
        bases("Turku University of Applied Sciences' students took part in the pilot.", "en")


def test_english_possessive_on_head_word():
    assert bases("Tampere University's researchers lead the work package.", "en") == ["Tampere University"]


def test_english_university_of_x_and_y():
    assert bases("The project brings together the University of Turku and Åbo Akademi University.", "en") == \
        ["University of Turku", "Åbo Akademi University"]


def test_english_two_universities_of_applied_sciences():
    assert bases("Laurea University of Applied Sciences and Haaga-Helia University of Applied Sciences took part.", "en") \
        == ["Laurea University of Applied Sciences", "Haaga-Helia University of Applied Sciences"]


def test_english_possessive_owner_not_part_of_prefix_name():
    assert bases("Finland's Ministry for Foreign Affairs funds the programme.", "en") == ["Ministry for Foreign Affairs"]


def test_english_possessive_inside_is_a_boundary():
    got = bases("The University of Helsinki's Faculty of Educational Sciences leads the work.", "en")
    assert "University of Helsinki" in got and not any("'s" in b for b in got)


def test_english_official_name_starting_with_nationality():
    assert org_names("The Finnish National Agency for Education supports the network.\n") == \
        {"Finnish National Agency for Education"}


# ---------------------------------------------------------------------------------------------------------------
# Coordination
# ---------------------------------------------------------------------------------------------------------------

def test_shared_head_gives_three_organisations():
    names = org_names("Kuusimaan, Järvelän ja Koivulan ammattikorkeakoulut saavat yhteensä kaksi miljoonaa euroa.\n")
    assert {"Kuusimaan ammattikorkeakoulu", "Järvelän ammattikorkeakoulu", "Koivulan ammattikorkeakoulu"} <= names


def test_shared_head_with_invented_municipalities():
    assert org_names("Kangasalan, Lempäälän ja Pirkkalan kunnat osallistuvat kokeiluun.\n") == \
        {"Kangasalan kunta", "Lempäälän kunta", "Pirkkalan kunta"}


def test_shared_head_two_conjuncts():
    assert {"Tampereen yliopisto", "Turun yliopisto"} <= org_names("Tampereen ja Turun yliopistot tekevät yhteistyötä.\n")


def test_two_full_names_joined_by_ja():
    assert org_names("Hankkeen toteuttavat Lapin ammattikorkeakoulu ja Oulun yliopisto.\n") == \
        {"Lapin ammattikorkeakoulu", "Oulun yliopisto"}


def test_two_inflected_names_joined_by_ja():
    assert {"Oulun yliopisto", "Kajaanin ammattikorkeakoulu"} <= \
        org_names("Oulun yliopiston tutkijat ja Kajaanin ammattikorkeakoulun opettajat tekevät yhteistyötä.\n")


def test_shared_head_after_other_words():
    assert org_names("Mukana ovat Helsingin, Espoon ja Vantaan kaupungit.\n") == \
        {"Helsingin kaupunki", "Espoon kaupunki", "Vantaan kaupunki"}


def test_brand_name_coordinated_with_organisation():
    assert {"Jyväskylän yliopisto", "Gradia"} <= org_names("Hanketta toteuttavat Jyväskylän yliopisto ja Gradia.\n")


# ---------------------------------------------------------------------------------------------------------------
# Acronyms declared in parentheses and reused
# ---------------------------------------------------------------------------------------------------------------

def test_finnish_acronym_declared_and_reused_with_case_ending():
    ex = run("Järvilinnan koulutuskuntayhtymä (JÄKKY) koordinoi hanketta. JÄKKY:n opettajat kouluttautuvat syksyllä.\n")
    assert len(ex.organisations) == 1
    org = next(iter(ex.organisations.values()))
    assert org.name == "Järvilinnan koulutuskuntayhtymä"
    assert org.type == "vocational_institution"
    assert "JÄKKY" in org.alt_labels
    assert "JÄKKY:n" in org.hidden_labels


def test_english_acronym_declared_and_reused_with_possessive():
    ex = run("The Centre for Educational Assessment (CEA) evaluates the pilot. CEA's report will be published in May.\n")
    assert [o.name for o in ex.organisations.values()] == ["Centre for Educational Assessment"]
    assert "CEA" in next(iter(ex.organisations.values())).alt_labels


def test_mixed_case_short_name_declared_in_parentheses():
    ex = run("Tampereen seudun ammattiopisto (Tredu) koordinoi hanketta. Tredun opettajat osallistuvat koulutukseen.\n")
    [org] = ex.organisations.values()
    assert org.name == "Tampereen seudun ammattiopisto"
    assert "Tredu" in org.alt_labels and "Tredun" in org.hidden_labels


def test_swedish_acronym_declared_and_reused():
    ex = run("Nordiska lärarnätverket (NLN) samordnar arbetet. NLN:s styrelse sammanträder i maj.\n")
    [org] = ex.organisations.values()
    assert org.name == "Nordiska lärarnätverket" and "NLN" in org.alt_labels


# ---------------------------------------------------------------------------------------------------------------
# List items
# ---------------------------------------------------------------------------------------------------------------

def test_list_items_with_acronym_and_coordinator_marker():
    text = ("Toteuttajat\n\n"
            "Järvilinnan koulutuskuntayhtymä, JÄKKY, koordinaattori\n"
            "Humanistinen ammattikorkeakoulu, Humak\n"
            "Kuopion kaupunki\n")
    _, items = mentions_and_items(text, "fi")
    got = [(it.mention.base, it.mention.acronym, it.role, it.block_cue) for it in items]
    assert got == [
        ("Järvilinnan koulutuskuntayhtymä", "JÄKKY", "coordinator", "partners"),
        ("Humanistinen ammattikorkeakoulu", "Humak", None, "partners"),
        ("Kuopion kaupunki", None, None, "partners"),
    ]


def test_list_items_with_country_prefix_and_role_in_parentheses():
    text = ("Project partners\n\n"
            "Finland: University of Oulu (coordinator)\n"
            "Sweden: Umeå University\n"
            "Estonia: Tallinn University\n")
    _, items = mentions_and_items(text, "en")
    got = [(it.mention.base, it.role) for it in items]
    assert got == [("University of Oulu", "coordinator"), ("Umeå University", None), ("Tallinn University", None)]


# ---------------------------------------------------------------------------------------------------------------
# People are not part of organisation names; headings are not names
# ---------------------------------------------------------------------------------------------------------------

def test_person_name_not_swallowed_into_organisation():
    names = org_names("Hankkeen koordinaattorina toimii projektipäällikkö Maija Mäkinen Jyväskylän yliopistosta.\n")
    assert names == {"Jyväskylän yliopisto"}


def test_person_with_common_surname_not_swallowed_into_organisation():
    names = org_names("Hanketta esitteli yliopettaja Sari Laine Lapin ammattikorkeakoulusta.\n")
    assert names == {"Lapin ammattikorkeakoulu"}


def test_place_genitive_after_person_belongs_to_organisation():
    assert org_names("Rehtori Pekka Virtanen Kuopion lyseon lukiosta on tyytyväinen.\n") == {"Kuopion lyseon lukio"}


def test_heading_in_capitals_is_not_an_organisation():
    names = org_names("HANKKEEN TOTEUTTAJAT JA RAHOITTAJAT\nHanketta rahoittaa Euroopan sosiaalirahasto.\n")
    assert names == {"Euroopan sosiaalirahasto"}


def test_gazetteer_names_found_in_running_text():
    ex = run("Hankkeen rahoituksesta vastaa Euroopan sosiaalirahasto. Hanketta hallinnoi Keski-Suomen elinkeino-, "
             "liikenne- ja ympäristökeskus.\n")
    got = {(o.name, o.type) for o in ex.organisations.values()}
    assert got == {("Euroopan sosiaalirahasto", "other"),
                   ("Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus", "agency")}


@pytest.mark.parametrize("text, heading", [
    ("Projektet\n\nProjektet leds av Lunds universitet. Dess partner är\n• Malmö universitet\n• Högskolan i Borås\n",
     "Projektet leds av Lunds universitet. Dess partner är"),
    ("The project\n\nNorthfield University runs the project. Its partners are\n• Riverside University\n"
     "• Lakeside College\n", "Northfield University runs the project. Its partners are"),
])
def test_a_short_line_of_two_sentences_opens_a_list_and_is_no_item_of_it(text, heading):
    [block] = list_blocks(text)
    assert block.heading.text == heading
    assert [x.text.lstrip("• ") for x in block.items] == [x[2:] for x in text.splitlines() if x.startswith("•")]


def _org_names(text: str) -> set[str]:
    return {o.name for o in run(text).organisations.values()}


@pytest.mark.parametrize("text, absent, present", [
    ("Uutiset\n\nKoulun kirjastotunti ja lukupiiri tavoittavat eri lapset. Hankkeen toteuttaa Porvoon "
     "kaupunginkirjasto.\n", "Koulun kirjasto", "Porvoon kaupunginkirjasto"),
    ("Uutiset\n\nLukion opintokäynti kiinnosti. Hanketta rahoittaa Jyväskylän yliopisto.\n",
     "Lukion opisto", "Jyväskylän yliopisto"),
])
def test_a_compound_read_as_its_first_part_has_no_head(text, absent, present):
    """A lemma the word runs on past with no case ending is another word's (the compound's first part): the
    compound ends in no organisation head."""
    names = _org_names(text)
    assert absent not in names and present in names


@pytest.mark.parametrize("text, person", [
    ("Uutiset\n\nPaneelissa puhuu henkilöstöjohtaja Minna Aalto telakalta.\n", "Minna Aalto"),
    ("Nyheter\n\nI panelen talar personalchef Minna Aalto från varvet.\n", "Minna Aalto"),
    ("News\n\nThe panel includes HR director Minna Aalto from the shipyard.\n", "Minna Aalto"),
])
def test_a_surname_is_no_known_actors_short_name(text, person):
    """A known actor's short name inside a person's name is the person's surname, not the actor."""
    ex = run(text)
    assert person in {p.name for p in ex.people}
    assert not ex.organisations


@pytest.mark.parametrize("text, heading", [
    ("Hanke\n\nKumppanit:\nKuopion kaupunki\nSavonia-ammattikorkeakoulu\nKuvaus\n\nHankkeessa kehitetään "
     "ulko-opetusta.\n", "Kuvaus"),
    ("Projekt\n\nPartner:\nUmeå kommun\nLuleå tekniska universitet\nBeskrivning\n\nI projektet utvecklas "
     "utomhusundervisning.\n", "Beskrivning"),
    ("Project\n\nPartners:\nCity of Espoo\nUniversity of Oulu\nSummary\n\nThe project develops outdoor "
     "teaching.\n", "Summary"),
])
def test_a_dictionary_word_in_a_list_is_a_heading_not_a_body(text, heading):
    """One word the dictionary knows as a common noun, capitalised only as its line's first word, closes the
    list above it as a heading; it names no organisation."""
    names = _org_names(text)
    assert heading not in names and len(names) == 2


@pytest.mark.parametrize("text, name", [
    ("Uutiset\n\nKasvatusalan Keskusjärjestö KKJ myönsi palkinnon.\n", "Kasvatusalan Keskusjärjestö"),
    ("Uutiset\n\nKasvatusalan Keskusjärjestö (KKJ) myönsi palkinnon.\n", "Kasvatusalan Keskusjärjestö"),
    ("Nyheter\n\nPedagogernas Riksförbund PR delade ut priset.\n", "Pedagogernas Riksförbund"),
])
def test_a_genitive_first_in_a_sentence_opens_the_name_its_acronym_spells(text, name):
    """First in a sentence, a common genitive opens the capitalised name after it where the acronym after the
    name begins with its letter."""
    assert name in org_names(text)


def test_a_definite_form_in_a_member_list_is_a_name():
    """"Brevvännerna"-like items: a definite form of a common noun names one body, as a name does."""
    text = ("Nätverket\n\nNätverket består av följande aktörer:\n\nLunds kommun\nSkrivarna\nFrilansare\n"
            "Malmö universitet\n")
    names = _org_names(text)
    assert "Skrivarna" in names and "Frilansare" not in names


@pytest.mark.parametrize("sentence, name", [
    ("Föreningen Norrländska Lärare i Västerbotten rf ordnar kursen.", "Föreningen Norrländska Lärare i Västerbotten rf"),
    ("Idrottsföreningen i Kaskö rf fick stöd.", "Idrottsföreningen i Kaskö rf"),
])
def test_sv_a_registered_name_runs_on_through_its_place_to_the_legal_form(sentence, name):
    assert [o.name for o in run("Nyheter\n\n" + sentence + "\n").organisations.values()] == [name]


@pytest.mark.parametrize("sentence, name, typ", [
    ("Keski-Suomen Kirjastonhoitajat ry järjestää kurssin.", "Keski-Suomen Kirjastonhoitajat ry", "ngo"),
    ("Keski-Suomen Kirjastonhoitajat ry:lle myönnetään 4 000 euroa.", "Keski-Suomen Kirjastonhoitajat ry", "ngo"),
    ("Oppimisen Apu Oy:n koulutus alkaa.", "Oppimisen Apu Oy", "company"),
])
def test_fi_a_name_before_its_legal_form_is_kept_as_registered(sentence, name, typ):
    assert [(o.name, o.type) for o in run("Uutiset\n\n" + sentence + "\n").organisations.values()] == [(name, typ)]


def test_sv_a_word_of_direction_after_a_definite_head_closes_the_name():
    names = [o.name for o in run("Nyheter\n\nSkolnätverket Syd bjuder in till en konferens.\n").organisations.values()]
    assert names == ["Skolnätverket Syd"]


def test_en_a_plural_head_before_the_names_that_share_it():
    ex = run("News\n\nScholars from the universities of Marrowby, Quarrow and Teller meet weekly, and so do "
             "teachers from the cities of Brindle and Holloway, but not the universities of applied sciences.\n")
    assert {o.name for o in ex.organisations.values()} == {
        "University of Marrowby", "University of Quarrow", "University of Teller", "City of Brindle", "City of Holloway"}


@pytest.mark.parametrize("text, expected", [
    # a proper name, lower-case words of what kind of body, a lower-case head
    ("The prize went to Erik Lund, head of the Solberga daycare centre in Vaasa.\n", {"Solberga daycare centre"}),
    ("The pupils of the Kivimaa upper secondary school won the contest.\n", {"Kivimaa upper secondary school"}),
    ("The children of Lumo Kindergarten planted trees with Erik Lund.\n", {"Lumo Kindergarten"}),
    # no proper name before them: a kind of body; an article or a possessive between: no one name
    ("The prize went to a Finnish daycare centre in Vaasa.\n", set()),
    ("Eastby and Westby form a youth centre together.\n", set()),
    ("The Westby council's youth centre opened.\n", {"Westby council"}),
])
def test_en_lower_case_head_after_a_proper_name_and_kind_words(text, expected):
    assert {o.name for o in run(text).organisations.values()} == expected
