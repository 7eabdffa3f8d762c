"""A page in a language edukg does not extract (German, Estonian, Russian …) is built with one warning naming the
file and the language, yields no actors from its stop words, and leaves the store valid; pages in Finnish, Swedish
and English that quote a few foreign words are read as before. The texts are written for these tests."""
from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from edukg.ingest.language import detect_language
from edukg.ingest.lexicon import lexicon

FOREIGN = {
    "German": ("de", "Die Technische Hochschule Nordstadt und die Gemeinde Talheim arbeiten in einem neuen Vorhaben "
               "zusammen. Das Landesministerium für Bildung fördert die Arbeit mit 400 000 Euro, und die Schulen "
               "der Region werden ab dem Herbst durch Fortbildungen unterstützt. Auch die Lehrkräfte sind dabei.\n"),
    "Estonian": ("et", "Lõunaranna Ülikool ja Järveküla vald alustavad koostööd, mis kestab kolm aastat. Eesmärk on "
                 "toetada õpetajaid ning koolide juhte, kes soovivad arendada digitaalset õppimist. Samuti osaleb "
                 "koos nendega ministeerium, kuid rahastus tuleb peamiselt Euroopa Liidult ja selle jaoks on vaja "
                 "veel kokkulepet.\n"),
    "Russian": ("ru", "Северный педагогический университет и городская школа номер пять подписали соглашение о "
                "сотрудничестве. Это соглашение также предусматривает обмен учителями, и его подписали уже в "
                "прошлом году, после долгих переговоров между сторонами, которые были очень полезны для всех.\n"),
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_a_page_in_another_language_is_built_with_a_warning_and_no_facts(cli, tmp_path, language):
    code, text = FOREIGN[language]
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.txt").write_text(text, encoding="utf-8")
    (docs / "uutinen.txt").write_text(
        "Pohjoisrannan kaupunki ja Järvilaakson ammattiopisto aloittavat yhteisen hankkeen, jossa opettajat "
        "kehittävät työelämäjaksoja. Hanke on kaksivuotinen, ja sitä rahoittaa Opetushallitus.\n", encoding="utf-8")
    store = tmp_path / "store"
    code_, out, err = cli("build", docs, "--store", store)
    assert code_ == 0, err
    warned = [ln for ln in err.splitlines() if "page.txt" in ln]
    assert len(warned) == 1 and language in warned[0] and f"({code})" in warned[0]
    _, csv_out, _ = cli("query", "organisations", "--store", store, "--format", "csv")
    assert "page" not in csv_out  # nothing of the foreign page: no stop word or capitalised noun became an actor
    assert "Opetushallitus" in csv_out  # the Finnish page beside it was read
    assert cli("validate", "--store", store)[0] == 0


@pytest.mark.parametrize("code,text", [
    ("fi", "Opetushallitus ja Pohjoisrannan kaupunki käynnistävät hankkeen, jonka nimi on saksaksi \"Schule und "
           "Zukunft für alle\". Hankkeessa ovat mukana myös kaupungin koulut, ja sen tavoitteena on kehittää "
           "opettajien yhteistyötä sekä oppilaiden osallisuutta koko kaupungissa.\n"),
    ("sv", "Skolverket och Norrstrands kommun inleder ett samarbete som på danska kallas \"skole og fremtid\". "
           "Projektet ska pågå i två år, och det är tänkt att lärare från alla skolor i kommunen ska delta i "
           "fortbildningen som också erbjuds till rektorer.\n"),
    ("en", "The Northbay Teacher Academy and the City of Lakeside launch a project whose German title is \"Lernen "
           "für die Zukunft\". It runs for two years and is funded by the national agency, with teachers from "
           "every school of the city taking part in the training.\n"),
])
def test_a_read_language_quoting_a_few_foreign_words_is_still_read(code, text):
    assert detect_language(text) == code


def test_the_words_of_unread_languages_are_not_function_words_of_the_read_ones():
    # a Finnish, Swedish or English page must never count towards another language
    data = tomllib.loads(resources.files("edukg.ingest.lexicon").joinpath("other_languages.toml").read_text("utf-8"))
    read = set().union(*(lexicon(lang).common_words for lang in ("fi", "sv", "en")))
    for code, table in data.items():
        assert table["name"] and table["words"], code
        assert not read & set(table["words"]), (code, sorted(read & set(table["words"])))
