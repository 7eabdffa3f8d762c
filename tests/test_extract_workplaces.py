"""A person's title opens a slot for the organisation they work for, and the phrase in it is that
organisation even without an organisation head word (a brand or short name): "Name, title, Brand",
"Name, title at Brand", "Brandin rehtori Name". A town in the same slot is none. Invented texts and names."""
import pytest

from extraction import affiliations, run


@pytest.mark.parametrize("text, person, org", [
    # a comma after the title, the brand closing the line
    ("News\n\nThe course opens in May.\n\nContact: Maria Lind, project manager, Kestro\n", "Maria Lind", "Kestro"),
    ("Nyheter\n\nKursen börjar i maj.\n\nKontakt: Maria Lind, projektledare, Kestro\n", "Maria Lind", "Kestro"),
    ("Uutiset\n\nKurssi alkaa toukokuussa.\n\nLisätietoja: Maria Lind, projektipäällikkö, Kestro\n", "Maria Lind",
     "Kestro"),
    # a workplace preposition after the title, a place preposition closing the name
    ("News\n\nThe group is chaired by John Park, senior lecturer at Valtrix in Bergen.\n", "John Park", "Valtrix"),
    ("Nyheter\n\nGruppen leds av John Park, lektor vid Valtrix i Bergen.\n", "John Park", "Valtrix"),
    # the rest of a longer title before the preposition
    ("News\n\nThe award goes to Anna Berg, lecturer in physics at Norvana.\n", "Anna Berg", "Norvana"),
    # a name of several words with a head word of another language than the page's
    ("News\n\nThe award goes to Anna Berg, class teacher at Norvan koulu, for her lessons.\n", "Anna Berg",
     "Norvan koulu"),
    # a title before the name, the phrase in apposition after it: a name with an acronym, a brand
    ("Uutiset\n\nLisätietoja: projektiasiantuntija Maria Lind, Vaskio AMK\n", "Maria Lind", "Vaskio AMK"),
    ("Nyheter\n\nKontakt: projektledare Maria Lind, Kestro, och rektor John Park, Valtrix\n", "John Park", "Valtrix"),
    ("News\n\nPanel: principal Maria Lind, Kestro and lecturer John Park, Valtrix\n", "Maria Lind", "Kestro"),
    # the genitive before a title that stands before the name
    ("Uutiset\n\n– Työ jatkuu, sanoo Kestron rehtori Anna Berg.\n", "Anna Berg", "Kestro"),
])
def test_the_phrase_in_a_titles_workplace_slot_is_an_organisation(text, person, org):
    assert affiliations(text)[person] == org


@pytest.mark.parametrize("text, person", [
    # a town: the dictionaries know it
    ("News\n\nThe course opens in May.\n\nContact: Maria Lind, project manager, Tampere\n", "Maria Lind"),
    ("Uutiset\n\n– Työ jatkuu, sanoo Tampereen rehtori Anna Berg.\n", "Anna Berg"),
    # a clause, not a name, after the title
    ("News\n\nJohn Park, senior lecturer, said that the group meets in May.\n", "John Park"),
])
def test_no_organisation_where_the_slot_holds_none(text, person):
    ex = run(text)
    assert [p.organisation for p in ex.people if p.name == person] == [None]
    assert not ex.organisations


def test_a_title_later_in_the_sentence_belongs_to_the_person_it_follows():
    # the title after the second name is that one's; the first name (a prize's namesake) has none of it
    text = "News\n\nThe Northfield Foundation has awarded the Maria Lind Prize to John Park, teacher at Lakeside School.\n"
    assert affiliations(text) == {"Maria Lind": None, "John Park": "Lakeside School"}


def test_the_second_word_of_a_title_is_no_given_name():
    text = "News\n\n\"The work goes on,\" says Director General Maria Lind.\n"
    assert [p.name for p in run(text).people] == ["Maria Lind"]


def test_people_gathered_before_a_unit_share_the_organisation_the_unit_belongs_to():
    # English only: the lexicons of Finnish and Swedish give no unit links (a unit there is a genitive
    # compound before the organisation's name, which the mention itself covers)
    text = ("News\n\nThe work is led by Maria Lind and John Park, both from the Faculty of Arts and Crafts at "
            "Northfield University.\n")
    assert affiliations(text) == {"Maria Lind": "Northfield University", "John Park": "Northfield University"}
