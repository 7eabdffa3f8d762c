"""resolve_organisations: mentions of one body meet on one key; different bodies stay apart; known actors get one
key in every language.

Mentions are built by hand (the rule under test is resolution, not finding) or come from small documents run
through the pipeline. Invented names are used where the gazetteer (ingest/lexicon/actors.toml) must not help.
"""
from __future__ import annotations

import hashlib

import pytest

from edukg.ingest.extract.organisations import OrgMention
from edukg.ingest.model import Document
from edukg.ingest.pipeline import extract
from edukg.ingest.resolve import gazetteer, name_key, resolve_organisations, slugify


def M(surface: str, base: str, typ: str = "other", source: str = "head", acronym: str | None = None,
      start: int = 0) -> OrgMention:
    return OrgMention(start, start + len(surface), surface, base, typ, acronym=acronym, source=source)


def resolve(mentions: list[OrgMention], lang: str):
    orgs, index = resolve_organisations(mentions, lang, "x" * 500)
    return orgs, [index[id(m)] for m in mentions]


def run(text: str):
    doc = Document(id="test-doc", path="test-doc.txt", text=text, format="text/plain",
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    return extract(doc)


# ---------------------------------------------------------------------------------------------------------------
# Mentions that meet
# ---------------------------------------------------------------------------------------------------------------

def test_inflected_forms_meet_on_the_nominative():
    ms = [M("Keskuspuiston ammattiopistossa", "Keskuspuiston ammattiopisto", "vocational_institution"),
          M("Keskuspuiston ammattiopiston", "Keskuspuiston ammattiopisto", "vocational_institution", start=60),
          M("Keskuspuiston ammattiopisto", "Keskuspuiston ammattiopisto", "vocational_institution", start=120)]
    orgs, keys = resolve(ms, "fi")
    assert keys == ["keskuspuiston-ammattiopisto"] * 3
    org = orgs["keskuspuiston-ammattiopisto"]
    assert org.name == "Keskuspuiston ammattiopisto"
    assert org.type == "vocational_institution"
    assert org.hidden_labels == {"Keskuspuiston ammattiopistossa", "Keskuspuiston ammattiopiston"}


def test_inflected_forms_meet_in_a_document():
    ex = run("Järvilinnan koulutuskuntayhtymä järjestää koulutuksen. Järvilinnan koulutuskuntayhtymän opettajat "
             "osallistuvat. Koulutus pidetään Järvilinnan koulutuskuntayhtymässä.\n")
    assert list(ex.organisations) == ["jarvilinnan-koulutuskuntayhtyma"]
    org = ex.organisations["jarvilinnan-koulutuskuntayhtyma"]
    assert org.name == "Järvilinnan koulutuskuntayhtymä"
    assert org.hidden_labels == {"Järvilinnan koulutuskuntayhtymän", "Järvilinnan koulutuskuntayhtymässä"}


def test_declared_acronym_meets_its_name():
    ms = [M("Keskuspuiston ammattiopisto", "Keskuspuiston ammattiopisto", "vocational_institution", acronym="KPAO"),
          M("KPAO", "KPAO", source="acronym", start=80),
          M("KPAO:n", "KPAO", source="acronym", start=120)]
    orgs, keys = resolve(ms, "fi")
    assert keys == ["keskuspuiston-ammattiopisto"] * 3
    org = orgs["keskuspuiston-ammattiopisto"]
    assert org.name == "Keskuspuiston ammattiopisto"
    assert "KPAO" in org.alt_labels
    assert "KPAO:n" in org.hidden_labels


def test_acronym_alone_of_known_actor():
    orgs, keys = resolve([M("OKM:n", "OKM", source="acronym")], "fi")
    assert keys == ["opetus-ja-kulttuuriministerio"]
    assert orgs["opetus-ja-kulttuuriministerio"].type == "ministry"


def test_one_word_short_form_meets_the_only_longer_name():
    ms = [M("Länsstyrelsen Skåne", "Länsstyrelsen Skåne", "agency"),
          M("Länsstyrelsen", "Länsstyrelsen", "agency", start=60)]
    orgs, keys = resolve(ms, "sv")
    assert keys == ["lansstyrelsen-skane", "lansstyrelsen-skane"]
    assert orgs["lansstyrelsen-skane"].name == "Länsstyrelsen Skåne"


def test_one_word_short_form_in_a_document():
    ex = run("Länsstyrelsen Skåne beviljar medel till projektet. Länsstyrelsen följer upp arbetet under hösten.\n")
    assert list(ex.organisations) == ["lansstyrelsen-skane"]


def test_ambiguous_short_form_stays_apart():
    ms = [M("Länsstyrelsen Skåne", "Länsstyrelsen Skåne", "agency"),
          M("Länsstyrelsen Norrbotten", "Länsstyrelsen Norrbotten", "agency", start=60),
          M("Länsstyrelsen", "Länsstyrelsen", "agency", start=120)]
    _, keys = resolve(ms, "sv")
    assert keys[0] != keys[1]
    assert keys[2] not in (keys[0], keys[1])


def test_place_name_meets_its_municipality():
    ms = [M("Espoon kaupunki", "Espoon kaupunki", "municipality"), M("Espoo", "Espoo", source="coordination", start=50)]
    orgs, keys = resolve(ms, "fi")
    assert keys == ["espoon-kaupunki", "espoon-kaupunki"]
    assert orgs["espoon-kaupunki"].name == "Espoon kaupunki"
    assert "Espoo" in orgs["espoon-kaupunki"].alt_labels


def test_near_identical_spelling_meets():
    ms = [M("Keskuspuiston ammattiopisto", "Keskuspuiston ammattiopisto", "vocational_institution"),
          M("Keskuspuiston ammattiopsito", "Keskuspuiston ammattiopsito", "vocational_institution", start=60)]
    orgs, keys = resolve(ms, "fi")
    assert keys[0] == keys[1]


def test_full_name_preferred_over_abbreviated_spelling():
    ms = [M("Lapin ammattikorkeakoulu", "Lapin ammattikorkeakoulu", "university"),
          M("Lapin AMK", "Lapin AMK", "university", start=60)]
    orgs, keys = resolve(ms, "fi")
    assert keys[0] == keys[1]
    assert orgs[keys[0]].name == "Lapin ammattikorkeakoulu"


def test_known_actor_keeps_official_name_over_typo():
    ms = [M("Jyväskylän ammattikorkeakoulu", "Jyväskylän ammattikorkeakoulu", "university"),
          M("Jyväskylän ammattikorkekoulu", "Jyväskylän ammattikorkekoulu", "university", start=60)]
    orgs, keys = resolve(ms, "fi")
    assert keys[0] == keys[1]
    assert orgs[keys[0]].name == "Jyväskylän ammattikorkeakoulu"


# ---------------------------------------------------------------------------------------------------------------
# Bodies that stay apart
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("Itä-Savon koulutuskuntayhtymä", "Ylä-Savon koulutuskuntayhtymä"),
    ("Länsi-Uudenmaan koulutuskuntayhtymä", "Itä-Uudenmaan koulutuskuntayhtymä"),
    ("Pohjois-Karjalan koulutuskuntayhtymä", "Etelä-Karjalan koulutuskuntayhtymä"),
    ("Kirkonkylän koulu", "Kirkonmäen koulu"),
])
def test_names_differing_in_first_word_stay_apart(a, b):
    _, keys = resolve([M(a, a, "vocational_institution"), M(b, b, "vocational_institution", start=60)], "fi")
    assert keys[0] != keys[1]


def test_names_differing_in_first_word_stay_apart_in_a_document():
    ex = run("Itä-Savon koulutuskuntayhtymä ja Ylä-Savon koulutuskuntayhtymä tekevät yhteistyötä.\n")
    assert {o.name for o in ex.organisations.values()} == {"Itä-Savon koulutuskuntayhtymä", "Ylä-Savon koulutuskuntayhtymä"}
    assert len(ex.organisations) == 2


def test_same_place_different_heads_stay_apart():
    ms = [M("Turun yliopisto", "Turun yliopisto", "university"),
          M("Turun ammattikorkeakoulu", "Turun ammattikorkeakoulu", "university", start=40),
          M("Turun kaupunki", "Turun kaupunki", "municipality", start=80)]
    _, keys = resolve(ms, "fi")
    assert len(set(keys)) == 3


def test_complete_name_extended_by_another_is_another_body():
    ms = [M("Umeå universitet", "Umeå universitet", "university"),
          M("Umeå universitet Holding AB", "Umeå universitet Holding AB", "company", start=40)]
    _, keys = resolve(ms, "sv")
    assert keys[0] != keys[1]


def test_place_alone_does_not_join_a_university():
    ms = [M("Malmö stad", "Malmö stad", "municipality"), M("Malmö universitet", "Malmö universitet", "university", start=30)]
    _, keys = resolve(ms, "sv")
    assert keys[0] != keys[1]


# ---------------------------------------------------------------------------------------------------------------
# Known actors: one key across languages
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fi, sv, en", [
    ("Opetus- ja kulttuuriministeriö", "Undervisnings- och kulturministeriet", "Ministry of Education and Culture"),
    ("Opetushallitus", "Utbildningsstyrelsen", "Finnish National Agency for Education"),
    ("Helsingin yliopisto", "Helsingfors universitet", "University of Helsinki"),
])
def test_known_actor_same_key_from_every_language(fi, sv, en):
    keys = set()
    for lang, name in (("fi", fi), ("sv", sv), ("en", en)):
        orgs, [key] = resolve([M(name, name)], lang)
        keys.add(key)
        # the organisation is named in the document's language and knows its other names
        assert orgs[key].name == name
    assert len(keys) == 1


def test_known_actor_type_from_gazetteer():
    orgs, [key] = resolve([M("Utbildningsstyrelsen", "Utbildningsstyrelsen", "other")], "sv")
    assert orgs[key].type == "agency"
    assert orgs[key].names.get("fi") == "Opetushallitus"


def test_known_actor_same_key_from_finnish_and_swedish_documents():
    fi = run("Opetus- ja kulttuuriministeriö myönsi ammattikorkeakouluille viisi miljoonaa euroa.\n")
    sv = run("Undervisnings- och kulturministeriet beviljade yrkeshögskolorna fem miljoner euro.\n")
    assert fi.document.lang == "fi" and sv.document.lang == "sv"
    [kf] = [k for k, o in fi.organisations.items() if o.type == "ministry"]
    [ks] = [k for k, o in sv.organisations.items() if o.type == "ministry"]
    assert kf == ks == "opetus-ja-kulttuuriministerio"
    assert sv.organisations[ks].name == "Undervisnings- och kulturministeriet"


def test_known_actor_inflected_finnish_and_lowercase_swedish():
    fi = run("Hakemukset käsittelee Opetus- ja kulttuuriministeriön korkeakouluosasto.\n")
    sv = run("Ansökningarna behandlas av undervisnings- och kulturministeriet.\n")
    assert set(fi.organisations) == set(sv.organisations) == {"opetus-ja-kulttuuriministerio"}


def test_gazetteer_lookup_by_name_and_acronym():
    gz = gazetteer()
    assert gz.lookup("Opetushallitus").id == gz.lookup("Utbildningsstyrelsen").id == gz.lookup("OPH").id


def test_name_key_closes_elided_compound_hyphens():
    assert name_key("Opetus- ja kulttuuriministeriö") == name_key("opetus-ja kulttuuriministeriö")
    assert slugify("Opetus- ja kulttuuriministeriö") == "opetus-ja-kulttuuriministerio"
