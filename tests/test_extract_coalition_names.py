"""A network named by several capitalised words between an article and a lower-case cooperation noun ("the
Xyz Valley partnership"), and the members of a sentence that names a second network only after its member
word (as the body that leads the work). English only: Finnish and Swedish write such names as compounds or
with the noun first, which tests/test_extract_coalitions.py covers. Invented texts and names."""
from extraction import coalitions

TEXT = ("News\n\nThe Kestro Valley partnership, which builds study paths in the region, gained two new members this "
        "autumn. Members now include Valtrix University, Norvana College and Tellix School, and the work is led "
        "jointly by the Savola Education Consortium.\n")


def test_capitalised_words_before_a_lower_case_cooperation_noun_name_a_network():
    found = coalitions(TEXT)
    assert set(found) == {"Kestro Valley"}
    assert {"Valtrix University", "Norvana College", "Tellix School"} <= found["Kestro Valley"]


def test_a_sentence_initial_article_is_no_part_of_the_name():
    text = "News\n\nThe Kestro Valley partnership brings together Valtrix University and Norvana College.\n"
    assert set(coalitions(text)) == {"Kestro Valley"}
