"""A project named after its project word in any case, a quoted name before the dashed project word, and a
title-case name of one capitalised word and a link after a lower-case project word. Texts written for these tests."""
import pytest

from extraction import run


def projects(text: str) -> list[str]:
    return sorted(p.name for p in run(text).projects)


@pytest.mark.parametrize("text, name", [
    ("Uutinen\n\nOpetushallitus rahoittaa Järvilaakson kaupungin hanketta Lukutaito kaikille.\n", "Lukutaito kaikille"),
    ("Uutinen\n\nKunta osallistuu hankkeeseen Liikkuva välitunti, jota rahoittaa Opetushallitus.\n", "Liikkuva välitunti"),
    ("Uutinen\n\n”Lukutaito kaikille” -hanke alkaa syksyllä. Hanketta hallinnoi Järvilaakson kaupunki.\n",
     "Lukutaito kaikille"),
    ("Uutinen\n\n\"Liikkuva välitunti\" -hankkeessa kehitetään koulupäivän liikuntaa.\n", "Liikkuva välitunti"),
    ("News\n\nIn the project Reading for All, Eastfield College develops new methods.\n", "Reading for All"),
    ("News\n\nIn the Erasmus+ project Maths for Life, five schools work together.\n", "Maths for Life"),
])
def test_the_project_is_named(text, name):
    assert projects(text) == [name]


def test_a_title_case_heading_with_the_project_word_names_no_project():
    assert projects("New Project Opens for Schools\n\nThe city has started new work with its schools.\n") == []
