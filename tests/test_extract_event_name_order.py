"""Event names on either side of the event word: a Finnish name in sentence case before a dashed event word
("Xyz abc 2026 -seminaari"), a Swedish name after the definite event word ("konferensen Xyz"), also opening a
title ("Konferensen Xyz samlar …"), where the name's head word is no school's. Invented texts and names."""
import pytest

from extraction import run


def events(text: str) -> list[tuple[str, str | None, set[str]]]:
    ex = run(text)
    return [(e.name, e.date, {ex.organisations[o].name for o in e.organisers}) for e in ex.events]


@pytest.mark.parametrize("sentence, name", [
    ("Oulun yliopisto järjestää Oppimisen iltapäivä 2026 -seminaarin Oulussa 9.10.2026.", "Oppimisen iltapäivä 2026 -seminaari"),
    ("Oulun yliopisto järjestää Pohjoisen kasvatuksen -tapahtuman Oulussa 9.10.2026.", "Pohjoisen kasvatuksen"),
])
def test_fi_a_sentence_case_name_before_the_dashed_event_word(sentence, name):
    assert events("Ajankohtaista\n\n" + sentence + "\n") == [(name, "2026-10-09", {"Oulun yliopisto"})]


@pytest.mark.parametrize("sentence, name", [
    ("Skolverket arrangerar konferensen Morgondagens klassrum den 8 oktober 2026 i Göteborg.", "Morgondagens klassrum"),
    ("Skolverket arrangerar konferensen Norrlands Lärarskola den 8 oktober 2026 i Göteborg.", "Norrlands Lärarskola"),
])
def test_sv_a_name_after_the_definite_event_word(sentence, name):
    ex = run("Nyheter\n\n" + sentence + "\n")
    assert events("Nyheter\n\n" + sentence + "\n") == [(name, "2026-10-08", {"Skolverket"})]
    assert {o.name for o in ex.organisations.values()} == {"Skolverket"}  # the name's head word is no school's


def test_sv_a_title_opening_with_the_event_word_and_its_name():
    text = ("Konferensen Morgondagens klassrum arrangeras av Skolverket\n\n"
            "Konferensen hålls i Göteborg den 8 oktober 2026.\n")
    assert [e[0] for e in events(text)] == ["Konferensen Morgondagens klassrum"]
