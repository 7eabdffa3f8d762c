"""In a language that capitalises every word of a name, a lower-case head word after adjectives of the
language is a common noun ("a European university"), not an organisation; after a proper name it still names
one. Invented texts (English: the only title-case language of the three)."""
import pytest

from extraction import run


def organisations(text: str) -> set[str]:
    return {o.name for o in run(text).organisations.values()}


@pytest.mark.parametrize("text, phrase", [
    ("News\n\nNordLearn is a European university alliance founded in 2020.\n", "European university"),
    ("News\n\nNorthfield is a Finnish university with 12,000 students.\n", "Finnish university"),
])
def test_en_adjectives_before_a_lower_case_head_are_no_name(text, phrase):
    assert phrase not in organisations(text)


def test_en_a_proper_name_before_a_lower_case_head_still_names_a_body():
    assert "Northfield university" in organisations("News\n\nStudents at Northfield university met the minister.\n")
