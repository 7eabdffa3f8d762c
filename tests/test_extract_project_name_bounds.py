"""A name written before a project word ("Xyz-projektet", "Xyz-hankkeessa") starts at its first capitalised
word, but a function word opening the sentence has its capital from the sentence, not from the name
(the lexicons' [project_name_bounds]). Invented texts, in Swedish and Finnish, the languages that write a name
before the project word."""
import pytest

from extraction import grants


@pytest.mark.parametrize("text, project, parts", [
    ("Nyheter\n\nI Skolbro-projektet deltar Malmö universitet och Lunds universitet.\n",
     "Skolbro", {"Malmö universitet", "Lunds universitet"}),
    ("Nyheter\n\nInom Skolbro-projektet arbetar Malmö universitet tillsammans med Lunds universitet.\n",
     "Skolbro", {"Malmö universitet", "Lunds universitet"}),
    ("Uutiset\n\nMyös Koulusilta-hankkeessa ovat mukana Itä-Suomen yliopisto ja Turun yliopisto.\n",
     "Koulusilta", {"Itä-Suomen yliopisto", "Turun yliopisto"}),
])
def test_a_sentence_opening_function_word_is_no_part_of_the_project_name(text, project, parts):
    found = grants(text)
    assert set(found) == {project}
    assert {o for o, _ in found[project][0]} == parts


def test_a_capitalised_word_of_the_name_itself_stays():
    found = grants("Nyheter\n\nGröna Skolbro-projektet leds av Malmö universitet.\n")
    assert set(found) == {"Gröna Skolbro"}
