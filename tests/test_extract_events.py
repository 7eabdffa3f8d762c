"""Events: meeting nouns, names before a generic head, quoted names in agendas dated on the next line,
agenda items with hours, programme sessions, organisers that are venues. All texts are invented."""
from __future__ import annotations

import pytest

from extraction import run


def events(text: str) -> list[tuple[str, str | None]]:
    return [(e.name, e.date) for e in run(text).events]


@pytest.mark.parametrize("text, expected", [
    ("Ohjaamo-tapaaminen järjestetään 12.3.2024 Tampereella.\n", ("Ohjaamo-tapaaminen", "2024-03-12")),
    ("Nordiska rektorsmötet samlas den 3 mars 2024 i Umeå.\n", ("Nordiska rektorsmötet", "2024-03-03")),
    ("The Nordic Teachers Meeting takes place on 12 May 2024 in Oslo.\n", ("Nordic Teachers Meeting", "2024-05-12")),
])
def test_meeting_nouns_name_events(text, expected):
    assert events(text) == [expected]


@pytest.mark.parametrize("text", [
    "Edunova 2025 -tapahtuma kokoaa opettajat yhteen 5.2.2025.\n",
    "The Edunova 2025 event brings teachers together on 5 February 2025.\n",
])
def test_generic_head_after_a_name_is_no_part_of_it(text):
    assert events(text) == [("Edunova 2025", "2025-02-05")]


def test_common_word_before_a_generic_head_names_nothing():
    assert events("Mukana tapahtumassa oli paljon opettajia.\n") == []
    assert events("Kaikki tilaisuudet ovat maksuttomia.\n") == []


@pytest.mark.parametrize("text, expected", [
    ('Järjestämme webinaarin "Oppimisen uudet tilat"\n\n14.3.2024 klo 14.00–15.00\n',
     ("Oppimisen uudet tilat", "2024-03-14")),
    ("Välkommen till webbinariet ”Skolan i framtiden”\n3.4.2024 kl. 10.00–11.00\n",
     ("Skolan i framtiden", "2024-04-03")),
    ("Join the webinar “Future Skills in Schools”\n12.5.2024 at 10:00\n", ("Future Skills in Schools", "2024-05-12")),
])
def test_quoted_name_after_event_noun_dated_on_next_line(text, expected):
    assert expected in events(text)


def test_agenda_item_title_with_date_and_hours_below_is_an_event():
    text = "Lärarutbildning över gränserna\n\nAula, Vasa\n\n12.8.2021 13:40 - 14:25\n\nEtt samtal om lärarutbildning.\n"
    assert events(text) == [("Lärarutbildning över gränserna", "2021-08-12")]


def test_news_timestamp_under_a_headline_makes_no_event():
    assert events("Skolan fick ett nytt pris\n\n22.05.2018 kl. 09:30\n\nPriset delades ut i Vasa.\n") == []


def test_programme_sessions_are_no_events_and_venue_is_no_organiser():
    text = ("Oppimisen päivät 2026\n\n"
            "Oppimisen päivät 2026 kokoaa opettajat Kuusimaan Tapahtumakeskukseen.\n\n"
            "Ti 17.3. klo 13:00\n\nLuova Kirjoittaminen -seminaari\n\n"
            "Ke 18.3. klo 10.00\n\nSanaleikki-työpaja\n")
    ex = run(text)
    assert [(e.name, e.date, e.organisers) for e in ex.events] == [("Oppimisen päivät 2026", "2026-03-17", [])]


def test_en_lower_case_mention_of_an_event_gives_its_organiser():
    text = ("Annual Gala honours teachers\n\n"
            "The annual gala of the University of Eastvale gathered 300 guests on 3 May 2024.\n")
    ex = run(text)
    [e] = ex.events
    assert (e.name, e.date) == ("Annual Gala", "2024-05-03")
    assert [ex.organisations[k].name for k in e.organisers] == ["University of Eastvale"]


@pytest.mark.parametrize("text, expected", [
    ("Hanke esittäytyi opetus- ja kasvatusalan tutkimusseminaarissa 12.3.2024.\n",
     ("opetus- ja kasvatusalan tutkimusseminaari", "2024-03-12")),
    ("Priserna delades ut på vår- och sommarfesten den 3 juni 2023.\n", ("vår- och sommarfesten", "2023-06-03")),
])
def test_truncated_coordination_names_a_lower_case_event(text, expected):
    assert events(text) == [expected]


def test_fi_plural_event_noun_inflected_keeps_its_plural():
    text = "Uutiskirje syksy 2022\n\nTutkijat kokoontuivat Opetuksen tutkimuspäiville Joensuuhun 24.11.2022.\n"
    assert events(text) == [("Opetuksen tutkimuspäivät", "2022-11-24")]


def test_sentence_opening_adverb_is_no_part_of_an_event_name():
    text = "Uutiskirje syksy 2022\n\nPerinteisesti tutkimuspäiville osallistuu satoja tutkijoita.\n"
    assert events(text) == []


@pytest.mark.parametrize("text, name, organiser", [
    ("Uutiskirje syksy 2022\n\nTutkijat kokoontuivat Opetushallituksen Oppimisen päiville Joensuuhun 24.11.2022.\n",
     "Oppimisen päivät", "Opetushallitus"),
    ("Nyheter hösten 2022\n\nLärarna samlades på Skolverkets Nordiska rektorsmötet den 3 mars 2024 i Umeå.\n",
     "Nordiska rektorsmötet", "Skolverket"),
    ("News autumn 2022\n\nTeachers met at the University of Oulu's Nordic Teachers Meeting on 3 May 2024.\n",
     "Nordic Teachers Meeting", "University of Oulu"),
])
def test_organisation_in_the_genitive_before_an_event_holds_it(text, name, organiser):
    ex = run(text)
    assert [(e.name, [ex.organisations[k].name for k in e.organisers]) for e in ex.events] == [(name, [organiser])]


def test_en_definite_event_word_after_a_stop_glued_to_a_year_names_no_event():
    # the sentence splitter keeps "2026." with the next sentence: "The conference" there only refers back
    ex = run("The Ministry of Education will host a Nordic Teacher Education Conference on 28 September 2026. "
             "The conference will discuss teacher education.\n")
    assert [e.name for e in ex.events] == ["Nordic Teacher Education Conference"]


@pytest.mark.parametrize("text, expected", [
    ('Opetushallitus järjestää webinaarin "Oppiminen ulkona"\n\nWebinaari pidetään 12.5.2026.\n',
     ("Oppiminen ulkona", "2026-05-12")),
    ('Skolverket bjuder in till konferensen "Lärande utomhus"\n\nKonferensen hålls den 12 maj 2026.\n',
     ("Lärande utomhus", "2026-05-12")),
    ('Northland University hosts the seminar "Learning Outdoors"\n\nThe seminar is held on 12 May 2026.\n',
     ("Learning Outdoors", "2026-05-12")),
])
def test_title_with_a_quoted_name_after_its_event_word_names_the_event_by_it(text, expected):
    assert events(text) == [expected]


def test_en_article_opening_the_sentence_is_no_part_of_an_event_name():
    assert events("News\n\nThe Northland Education Forum 2026 takes place on 3 June 2026.\n") == [
        ("Northland Education Forum 2026", "2026-06-03")]
