"""Finite verbs, which make a title a headline and end a name (ingest.text.finite_verb): the past tense of a Finnish
verb whose stem ends in a vowel ("sai", "jäi", "loi") is one, as "avasi" is; a noun is none."""
import pytest

from edukg.ingest.text import finite_verb


@pytest.mark.parametrize("word", ["sai", "jäi", "loi", "myi", "avasi", "kokoavat", "uudistetaan"])
def test_fi_finite_verbs(word):
    assert finite_verb(word, "fi")


@pytest.mark.parametrize("word", ["koulu", "opettajat", "hankkeisiin", "Oulu", "avoimet"])
def test_fi_words_that_are_no_finite_verbs(word):
    assert not finite_verb(word, "fi")
