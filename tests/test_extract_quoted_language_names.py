"""Names quoted from a language that does not capitalise its head word, on an English page (issue 12,
construction 8): "the team of Xyzin lukio", "pupils of Ekbackens skola" are schools; a town after such a name
("…, Town, for …") is where it is, not another body."""
from __future__ import annotations

import pytest

from extraction import run


def orgs(text: str) -> dict[str, str]:
    return {o.name: o.type for o in run(text).organisations.values()}


@pytest.mark.parametrize("text, name", [
    ("The jury also commended the science team of Kivirannan lukio for its shared bank of lab tasks.\n",
     "Kivirannan lukio"),
    ("The prize went to the pupils of Ekbackens skola for their school garden.\n", "Ekbackens skola"),
])
def test_lower_case_head_of_another_language_after_an_unknown_capitalised_word(text, name):
    assert orgs(text).get(name) == "school"


def test_town_after_such_a_name_is_no_body():
    got = orgs("The jury commended Anna Berg, class teacher at Kivirannan koulu, Kuopio, for her work with maps.\n")
    assert "Kivirannan koulu" in got and "Kuopio" not in got


def test_english_words_before_a_head_of_another_language_make_no_name():
    assert orgs("The Nordic koulu model was discussed by the Lumora Foundation.\n") == {"Lumora Foundation": "ngo"}


@pytest.mark.parametrize("text, name", [
    # the school levels that name Finnish and Swedish schools as much as "koulu" and "skola" do
    ("The jury also commended the teaching team of Haapiston ala-aste for its reading lessons.\n", "Haapiston ala-aste"),
    ("The panel was chaired by principal Anna Berg, Kivikon yläaste.\n", "Kivikon yläaste"),
    ("The prize went to the pupils of Ekbackens lågstadium for their school garden.\n", "Ekbackens lågstadium"),
])
def test_school_level_heads_of_another_language(text, name):
    assert orgs(text).get(name) == "school"
