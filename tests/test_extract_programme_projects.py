"""A programme that is carried out ("Xyz -kehittämisohjelma", "utvecklingsprogrammet Xyz") is named as a project
is, a fund's programme is not (the lexicons' [project_name_bounds] programme_heads); and a name written in title
case after the project word goes on over a small link word ("Open Minds for Better Schools"), in any language.
Invented texts."""
import pytest

from extraction import grants


@pytest.mark.parametrize("text, project", [
    ("Uutiset\n\nVerkosto jatkaa aiemman Koulun Polku -kumppanuusohjelman työtä.\n", "Koulun Polku"),
    ("Uutiset\n\nTaustalla on kansainvälinen kehittämisohjelma Avoin Mieli, joka keskittyy oppimiseen.\n", "Avoin Mieli"),
    ("Nyheter\n\nNätverket bygger på utvecklingsprogrammet Öppna Sinnen, som startade 2019.\n", "Öppna Sinnen"),
])
def test_a_programme_carried_out_is_a_project(text, project):
    assert set(grants(text)) == {project}


def test_a_funds_programme_is_no_project():
    assert grants("Uutiset\n\nHanke saa rahoitusta Koulun Polku -rahoitusohjelmasta.\n") == {}


@pytest.mark.parametrize("text, project", [
    ("Uutiset\n\nTaustalla on kansainvälinen kehittämisohjelma Open Minds for Better Schools, joka keskittyy "
     "oppimiseen.\n", "Open Minds for Better Schools"),
    ("Nyheter\n\nMalmö universitet leder projektet Open Minds for Better Schools tillsammans med Lunds "
     "universitet.\n", "Open Minds for Better Schools"),
    ("News\n\nNorthfield University leads the project Open Minds for Better Schools with Lakeside University.\n",
     "Open Minds for Better Schools"),
])
def test_a_title_case_name_runs_over_its_link_words(text, project):
    assert set(grants(text)) == {project}
