"""Boilerplate removal (offsets kept) and language detection of short paragraphs.

The page texts are written for these tests in the shape of real education pages: navigation lines, a body,
share buttons, "Lue myös" / "Relaterade inlägg" tails and archive lists of dated headlines.
"""
from __future__ import annotations

import pytest

from edukg.ingest.clean import boilerplate_spans, clean
from edukg.ingest.language import detect_language


def assert_offsets_kept(original: str, cleaned: str) -> None:
    assert len(cleaned) == len(original)
    # every newline stays where it was, every other character is either kept or blanked
    for a, b in zip(original, cleaned):
        assert b == a or (b == " " and a != "\n")


def kept_lines(cleaned: str) -> list[str]:
    return [ln.strip() for ln in cleaned.split("\n") if ln.strip()]


def test_navigation_and_share_lines_removed_fi():
    page = ("Etusivu\n"
            "Haku\n"
            "Hyppää sisältöön\n"
            "Opettajat saavat lisää täydennyskoulutusta\n"
            "\n"
            "Opetushallitus myönsi avustuksia kunnille.\n"
            "\n"
            "Jaa\n"
            "Tulosta\n")
    out = clean(page)
    assert_offsets_kept(page, out)
    assert kept_lines(out) == ["Opettajat saavat lisää täydennyskoulutusta", "Opetushallitus myönsi avustuksia kunnille."]
    # the body is at the same position as in the original
    pos = page.index("Opetushallitus")
    assert out[pos:pos + len("Opetushallitus")] == "Opetushallitus"


def test_navigation_lines_removed_en_and_sv():
    page = "Skip to main content\nMain menu\nThe project ends in May.\nHoppa till innehåll\n"
    out = clean(page)
    assert_offsets_kept(page, out)
    assert kept_lines(out) == ["The project ends in May."]


def test_lue_myos_tail_removed():
    page = ("Hanke jatkuu\n\n"
            "Hanke jatkuu ensi vuonna uusien koulujen kanssa.\n\n"
            "Lue myös\n"
            "Opettajat koolla Kuopiossa\n"
            "Uusi ohjelmakausi alkaa\n")
    out = clean(page)
    assert_offsets_kept(page, out)
    assert kept_lines(out) == ["Hanke jatkuu", "Hanke jatkuu ensi vuonna uusien koulujen kanssa."]
    spans = boilerplate_spans(page)
    assert (page.index("Lue myös"), len(page)) in spans


def test_relaterade_inlagg_tail_removed():
    page = ("Projektet fortsätter\n\n"
            "Projektet fortsätter med tre nya skolor.\n\n"
            "Relaterade inlägg\n"
            "Skolor får nya medel\n"
            "Lärare fortbildas i Umeå\n")
    out = clean(page)
    assert_offsets_kept(page, out)
    assert kept_lines(out) == ["Projektet fortsätter", "Projektet fortsätter med tre nya skolor."]


def test_related_news_tail_removed_en():
    page = "The project ends.\n\nRelated news\nAnother story\nA third story\n"
    out = clean(page)
    assert_offsets_kept(page, out)
    assert kept_lines(out) == ["The project ends."]


def test_archive_list_of_dated_headlines_removed():
    page = ("Hanke päättyi.\n"
            "\n"
            "12.03.2021Uusi hanke alkaa\n"
            "05.02.2021 Opettajat koolla Oulussa\n"
            "01.01.2021 Vuosi vaihtui\n"
            "\n"
            "Raportti on luettavissa verkossa.\n")
    out = clean(page)
    assert_offsets_kept(page, out)
    assert kept_lines(out) == ["Hanke päättyi.", "Raportti on luettavissa verkossa."]


def test_single_dated_line_in_body_kept():
    page = "Tiedote\n12.03.2021 Hanke päättyi ja loppuraportti valmistui.\nRaportti on luettavissa verkossa.\n"
    out = clean(page)
    assert kept_lines(out) == ["12.03.2021 Hanke päättyi ja loppuraportti valmistui.", "Raportti on luettavissa verkossa."]


def test_sentence_with_date_kept():
    page = "Hanke päättyi 12.03.2021 ja raportti valmistui.\n"
    assert clean(page) == page


def test_photo_caption_line_removed_but_not_body():
    page = "Kuva: Matti Meikäläinen\nKuvassa rehtori esittelee uutta koulua.\nFoto: Anna Berg\n"
    out = clean(page)
    assert_offsets_kept(page, out)
    assert kept_lines(out) == ["Kuvassa rehtori esittelee uutta koulua."]


def test_clean_is_idempotent():
    page = "Etusivu\nHanke jatkuu.\n\nLue myös\nToinen uutinen\n"
    once = clean(page)
    assert clean(once) == once


# ---------------------------------------------------------------------------------------------------------------
# Language
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Hanke kehittää opettajien digitaalista osaamista ammatillisessa koulutuksessa.", "fi"),
    ("Opetushallitus myönsi avustuksia kunnille.", "fi"),
    ("Koulut saavat tukea.", "fi"),
    ("Ministeriö tukee ammattikorkeakoulujen hankkeita viidellä miljoonalla eurolla.", "fi"),
    ("Hankkeen kesto 1.9.2019–31.8.2021", "fi"),
    ("Projektet utvecklar lärarnas digitala kompetens inom yrkesutbildningen.", "sv"),
    ("Skolverket delar ut bidrag.", "sv"),
    ("Lärarna får stöd.", "sv"),
    ("Projektet pågår i två år.", "sv"),
    ("Ministeriet stöder yrkeshögskolornas projekt med fem miljoner euro.", "sv"),
    ("The project develops teachers' digital skills in vocational education.", "en"),
    ("The ministry granted funding.", "en"),
    ("Universities of applied sciences receive five million euros.", "en"),
])
def test_language_of_short_paragraphs(text, lang):
    assert detect_language(text) == lang


def test_language_of_cleaned_page_ignores_other_language_navigation():
    page = ("Hoppa till innehåll\nSök\nMeny\n"
            "Opetushallitus myönsi avustuksia kunnille opettajien täydennyskoulutukseen.\n")
    assert detect_language(clean(page)) == "fi"


def test_language_defaults_to_english_when_nothing_is_recognised():
    assert detect_language("12.3.2021 – 14:00") == "en"


@pytest.mark.parametrize("cue, teasers, body", [
    ("Lue myös", ["Opettajat koolla Kuopiossa", "Uusi ohjelmakausi alkaa"],
     "Savon koulutuskuntayhtymä ja Kuopion kaupunki kehittävät yhdessä ammatillista koulutusta. Työ jatkuu koko "
     "syksyn ajan uusien oppilaitosten kanssa, ja mukaan tulee myös kolme lukiota eri puolilta maakuntaa."),
    ("Läs också", ["Lärare träffas i Vasa", "Ny programperiod börjar"],
     "Vasa stad och Åbo Akademi utvecklar tillsammans lärarutbildningen. Arbetet fortsätter hela hösten med nya "
     "skolor, och tre gymnasier från olika delar av landskapet kommer också med i samarbetet."),
    ("See also", ["Teachers meet in Oulu", "A new programme period starts"],
     "The University of Oulu and the City of Oulu develop teacher education together. The work goes on all "
     "autumn with new schools, and three upper secondary schools from around the region join the work as well."),
])
def test_tail_cue_at_the_top_of_a_page_blanks_only_itself(cue, teasers, body):
    page = "\n".join([cue, *teasers, "", "Headline of the article", "", body, ""])
    out = clean(page)
    assert_offsets_kept(page, out)
    kept = kept_lines(out)
    assert cue not in kept
    assert body in kept  # the article below a teaser box is the page's content


def test_tail_cue_followed_by_a_long_article_excerpt_still_cuts_after_content():
    body = ("Hanke jatkuu ensi vuonna uusien koulujen kanssa, ja mukaan tulee kolme lukiota eri puolilta "
            "maakuntaa. ") * 4
    page = "Hanke jatkuu\n\n" + body + "\n\nLue myös\nOpettajat koolla Kuopiossa\nLyhyt ote toisesta jutusta, joka jatkuu pitkään ja kertoo paljon muuta kuin tämä sivu.\n"
    out = clean(page)
    assert "Opettajat" not in out and "Lyhyt ote" not in out
    assert body.strip() in out


def _sample_texts() -> list[str]:
    from edukg.build import sample_corpus
    from edukg.ingest.read import read_document
    return [clean(read_document(p).text) for p in sample_corpus()]


def test_function_words_name_the_language_the_dictionaries_name():
    from edukg.ingest import language
    settled = 0
    for text in _sample_texts():
        by_words = language._by_function_words(text[:20000])
        if by_words is not None:
            settled += 1
            assert by_words == language._by_dictionaries(text[:20000])
    assert settled > 0


def test_a_plain_english_page_needs_no_finnish_or_swedish_dictionary():
    import subprocess
    import sys
    page = ("The network of vocational schools and the ministry agreed on a new programme for teachers. "
            "It will be funded by the region, and the schools that take part are listed on this page. ") * 3
    code = ("import sys; from edukg.ingest.language import detect_language\n"
            "from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY, LOW_MEMORY_DICTIONARY_FACTORY\n"
            "print(detect_language(sys.argv[1]), sum(f._get_dictionary.cache_info().currsize\n"
            "      for f in (DEFAULT_DICTIONARY_FACTORY, LOW_MEMORY_DICTIONARY_FACTORY)))")
    out = subprocess.run([sys.executable, "-c", code, page], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["en", "0"], out.stderr


@pytest.mark.parametrize("text,expected", [
    # an abbreviation of any of the three languages does not end a sentence, whatever the page's language
    ("Mukana on esim. Pohjoisrannan lukio. Hanke alkaa syksyllä.", 2),
    ("Deltar gör bl.a. Norrstrands gymnasium. Projektet startar i höst.", 2),
    ("It was opened by Prof. Lindqvist. The project starts in autumn.", 2),
    # a capital outside the Nordic alphabet starts a sentence too
    ("The network met in Lyon. École Normale hosted it.", 2),
    ("Verkosto kokoontui Tartossa. Ülikool isännöi tapaamisen.", 2),
    # a year or a sum before the point ends a sentence; a day's or a month's number ("7.6.") does not
    ("Hanke käynnistyy syyskuussa 2025. Opistolle myönnettiin rahaa.", 2),
    ("The project runs in 2024–2026. The City of Eastby takes part.", 2),
    ("Föreningen får 450 000. Projektet startar i höst.", 2),
    ("Seminaari pidetään 7.6. Tampereella.", 1),
])
def test_sentences_split_by_lexicon_abbreviations_and_any_capital(text, expected):
    from edukg.ingest.text import lines, sentences

    assert len([s for ln in lines(text) for s in sentences(ln)]) == expected
