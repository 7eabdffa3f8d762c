"""A project named after a naming word or a copula of naming ("hankkeen nimi on X", "projektets namn är X", "a
project called X", "the project is called X"), also where the name is written in sentence case and ends its
clause ("ett projekt som heter Xyz abc."). Invented texts and names."""
import pytest

from extraction import run


@pytest.mark.parametrize("lang, sentence, name", [
    ("fi", "Hankkeen nimi on Vihreä Polku.", "Vihreä Polku"),
    ("fi", "Lapin yliopisto käynnisti hankkeen nimeltä Vihreä polku.", "Vihreä polku"),
    ("sv", "Projektets namn är Grön stig.", "Grön stig"),
    ("sv", "Umeå universitet startar ett projekt som heter Grön stig.", "Grön stig"),
    ("en", "The project is called Green Path.", "Green Path"),
    ("en", "Umeå University is starting a project called Green path.", "Green path"),
])
def test_the_name_after_a_naming_word(lang, sentence, name):
    head = {"fi": "Uutiset", "sv": "Nyheter", "en": "News"}[lang]
    assert [p.name for p in run(head + "\n\n" + sentence + "\n").projects] == [name]


def test_a_sentence_case_run_that_goes_on_into_a_clause_is_no_name():
    text = "Nyheter\n\nUmeå universitet startar ett projekt som heter Grön och leds av Anna Berg.\n"
    assert not any(p.name.startswith("Grön och") for p in run(text).projects)
