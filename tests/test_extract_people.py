"""People with titles and affiliations, through the whole pipeline (`extract`) on small documents.

All sentences and people are invented for these tests; organisations are real public bodies or invented.
A person's `organisation` is an organisation key; the tests compare the name of the organisation it points to.
"""
from __future__ import annotations


import pytest

from extraction import run




def people(text: str) -> list[tuple[str, str | None, str | None]]:
    """(name, title, affiliation's organisation name) of every person found."""
    ex = run(text)
    out = []
    for p in ex.people:
        org = ex.organisations[p.organisation].name if p.organisation else None
        out.append((p.name, p.title, org))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Finnish
# ---------------------------------------------------------------------------------------------------------------

def test_fi_title_before_name_without_affiliation():
    assert people("Hankkeen projektipäällikkö Maija Mäkinen kertoo, että kiinnostus on ollut suurta.\n") == \
        [("Maija Mäkinen", "projektipäällikkö", None)]


def test_fi_title_before_name_affiliation_in_elative_after():
    assert people("Hanketta esitteli yliopettaja Sari Koskinen Lapin ammattikorkeakoulusta.\n") == \
        [("Sari Koskinen", "yliopettaja", "Lapin ammattikorkeakoulu")]


def test_fi_title_and_affiliation_after_commas():
    assert people("Hanketta vetää Anna Korhonen, projektipäällikkö, Savon koulutuskuntayhtymä.\n") == \
        [("Anna Korhonen", "projektipäällikkö", "Savon koulutuskuntayhtymä")]


@pytest.mark.parametrize("text, expected", [
    ("Opetus- ja kulttuuriministeriön opetusneuvos Leena Nieminen korostaa yhteistyötä.\n",
     ("Leena Nieminen", "opetusneuvos", "Opetus- ja kulttuuriministeriö")),
    ("Tampereen yliopiston professori Juha Lehtonen johtaa tutkimusta.\n",
     ("Juha Lehtonen", "professori", "Tampereen yliopisto")),
    ("Seminaarin avasi Jyväskylän yliopiston rehtori Matti Ahonen.\n",
     ("Matti Ahonen", "rehtori", "Jyväskylän yliopisto")),
])
def test_fi_affiliation_in_genitive_before_title(text, expected):
    assert people(text) == [expected]


def test_fi_contact_block_name_and_organisation():
    text = ("Lisätietoja:\n"
            "Maija Mäkinen\n"
            "projektipäällikkö\n"
            "Savon koulutuskuntayhtymä\n"
            "maija.makinen@example.fi\n")
    [(name, _, org)] = people(text)
    assert (name, org) == ("Maija Mäkinen", "Savon koulutuskuntayhtymä")


def test_fi_contact_block_title_line():
    text = ("Lisätietoja:\n"
            "Maija Mäkinen\n"
            "projektipäällikkö\n"
            "Savon koulutuskuntayhtymä\n")
    assert people(text) == [("Maija Mäkinen", "projektipäällikkö", "Savon koulutuskuntayhtymä")]


def test_fi_inflected_surname_meets_nominative():
    text = "Palkinto myönnettiin Mikko Järviselle. Mikko Järvinen kiitti palkinnosta.\n"
    assert [p for p, _, _ in people(text)] == ["Mikko Järvinen"]


def test_fi_genitive_full_name_after_nominative():
    text = "Koulutusta ohjaa lehtori Anne Mattila. Anne Mattilan mukaan palaute on ollut hyvää.\n"
    assert people(text) == [("Anne Mattila", "lehtori", None)]


@pytest.mark.parametrize("text, expected", [
    ("Kunniamaininta myönnettiin opettaja Mikko Järviselle.\n", "Mikko Järvinen"),  # allative
    ("Haastattelimme rehtori Tuula Saarista.\n", "Tuula Saarinen"),  # partitive
    ("Hankkeesta vastaa projektipäällikkö Jussi Leppäsen tiimi.\n", "Jussi Leppänen"),  # genitive
])
def test_fi_inflected_surname_alone_to_nominative(text, expected):
    assert [p for p, _, _ in people(text)] == [expected]


def test_fi_place_genitive_after_name_starts_organisation():
    assert people("Rehtori Pekka Virtanen Kuopion lyseon lukiosta on tyytyväinen.\n") == \
        [("Pekka Virtanen", "rehtori", "Kuopion lyseon lukio")]


def test_fi_common_surname_that_is_also_a_foreign_given_name():
    assert people("Hanketta esitteli yliopettaja Sari Laine Lapin ammattikorkeakoulusta.\n") == \
        [("Sari Laine", "yliopettaja", "Lapin ammattikorkeakoulu")]


def test_fi_copular_title_affiliation():
    [(name, _, org)] = people("Hankkeen projektipäällikkö on Tiina Salminen Turun yliopistosta.\n")
    assert (name, org) == ("Tiina Salminen", "Turun yliopisto")


def test_fi_copular_title():
    assert people("Hankkeen projektipäällikkö on Tiina Salminen Turun yliopistosta.\n") == \
        [("Tiina Salminen", "projektipäällikkö", "Turun yliopisto")]


def test_fi_contact_details_after_name_are_not_affiliation():
    assert people("Lisätietoja antaa projektipäällikkö Heikki Rantanen, puh. 040 123 4567.\n") == \
        [("Heikki Rantanen", "projektipäällikkö", None)]


# ---------------------------------------------------------------------------------------------------------------
# Swedish
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Projektledare Karin Lindqvist vid Göteborgs universitet leder arbetet.\n",
     ("Karin Lindqvist", "projektledare", "Göteborgs universitet")),
    ("Lena Persson, universitetslektor vid Malmö universitet, leder projektet.\n",
     ("Lena Persson", "universitetslektor", "Malmö universitet")),
    ("Erik Holm, rektor på Solbackens skola, är nöjd med samarbetet.\n",
     ("Erik Holm", "rektor", "Solbackens skola")),
    ("Åsa Lindberg, projektledare på Region Skåne, berättar om arbetet.\n",
     ("Åsa Lindberg", "projektledare", "Region Skåne")),
    ("Rektor Anders Nyberg vid Vasa övningsskola tog emot besökarna.\n",
     ("Anders Nyberg", "rektor", "Vasa övningsskola")),
])
def test_sv_title_and_affiliation_with_vid_or_pa(text, expected):
    assert people(text) == [expected]


def test_sv_affiliation_in_genitive_before_title():
    assert people("Skolverkets undervisningsråd Maria Ek presenterade rapporten.\n") == \
        [("Maria Ek", "undervisningsråd", "Skolverket")]


def test_sv_contact_block_name_and_organisation():
    text = "För mer information:\nKarin Lindqvist\nprojektledare\nGöteborgs universitet\n"
    [(name, _, org)] = people(text)
    assert (name, org) == ("Karin Lindqvist", "Göteborgs universitet")


def test_sv_contact_block_title_line():
    text = "För mer information:\nKarin Lindqvist\nprojektledare\nGöteborgs universitet\n"
    assert people(text) == [("Karin Lindqvist", "projektledare", "Göteborgs universitet")]


# ---------------------------------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Professor Jane Smith at the University of Turku leads the project.\n",
     ("Jane Smith", "professor", "University of Turku")),
    ("The project is led by Dr John Miller, senior lecturer at Lund University.\n",
     ("John Miller", "senior lecturer", "Lund University")),
    ("Project manager Emma Virtanen from the University of Oulu presented the results.\n",
     ("Emma Virtanen", "project manager", "University of Oulu")),
])
def test_en_title_and_affiliation(text, expected):
    assert people(text) == [expected]


def test_en_possessive_organisation_before_title():
    assert people("According to Tampere University's vice rector Kari Lehto, the network is important.\n") == \
        [("Kari Lehto", "vice rector", "Tampere University")]


def test_en_contact_block_name_and_organisation():
    [(name, _, org)] = people("Contact:\nEmma Virtanen\nProject Manager\nUniversity of Oulu\n")
    assert (name, org) == ("Emma Virtanen", "University of Oulu")


def test_en_contact_block_title_line():
    assert people("Contact:\nEmma Virtanen\nProject Manager\nUniversity of Oulu\n") == \
        [("Emma Virtanen", "project manager", "University of Oulu")]


def test_person_key_evidence_points_at_text():
    text = "Tampereen yliopiston professori Juha Lehtonen johtaa tutkimusta.\n"
    ex = run(text)
    [p] = ex.people
    assert p.evidence is not None
    assert text[p.evidence.start:p.evidence.end] == p.evidence.exact
    assert "Juha Lehtonen" in p.evidence.exact


@pytest.mark.parametrize("text, expected", [
    # a given name that is also a common word of the language ("Mart"), known as a name by its apposed title
    ("The board has two new members: Mart Kivisaar, professor, University of Valmora.\n",
     ("Mart Kivisaar", "professor", "University of Valmora")),
    # the bare word "head" as a title before the unit it heads
    ("The board has two new members: Mart Kivisaar, head of the Institute of Pedagogy.\n",
     ("Mart Kivisaar", "head", "Institute of Pedagogy")),
])
def test_en_given_name_known_by_apposed_title(text, expected):
    assert people(text) == [expected]
