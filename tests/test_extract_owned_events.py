"""A lower-case event word after a possessive, dated in its sentence (issue 12, construction 7): "the
trust's prize gala … on 9 May 2024" names an event, "prize gala", without the words of time.
English only: Finnish and Swedish write the holder in the genitive of a compound, which this rule does not read."""
from __future__ import annotations

from extraction import run


def events(text: str) -> dict[str, str | None]:
    return {e.name: e.date for e in run(text).events}


def test_possessive_before_a_dated_lower_case_event_word_names_the_event():
    got = events("Lumora Prize for two teachers\n\n"
                 "The Lumora Trust chose two teachers this year. Both received their diplomas on 9 May 2024 at the "
                 "trust's prize gala in Northfield.\n")
    assert got == {"prize gala": "2024-05-09"}


def test_words_of_time_are_no_part_of_the_name():
    got = events("Network news\n\nThe teachers met at the network's annual spring meeting in Lakeside on 3 June "
                 "2025 to plan the coming year.\n")
    assert got == {"spring meeting": "2025-06-03"}


def test_an_undated_possessive_event_word_names_nothing():
    assert events("Network news\n\nThe network's spring meeting is a good place to meet colleagues from other "
                  "schools.\n") == {}
