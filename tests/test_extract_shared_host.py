"""A body said once to host all the projects of a release (issue 12, construction 2): "N projects launched at X
have received …" and then the projects one by one; each is carried out at X. Invented texts in English and
Swedish (Finnish names the host in the genitive before the plural, which this rule does not read)."""
from __future__ import annotations

import pytest

from extraction import grants


@pytest.mark.parametrize("text, host", [
    ("Four research projects based at the Northfield University have been awarded funding by the Lumora "
     "Foundation this spring.\n"
     "Anna Berg leads the project Qorvex, which looks at outdoor teaching in small schools.\n"
     "The project Milvana studies reading aloud in the early grades.\n", "Northfield University"),
    ("Utvecklingsprojekten vid Norrby universitet har fått stöd av Lumorastiftelsen i år.\n"
     "Anna Berg leder projektet Qorvex, som undersöker undervisning utomhus i små skolor.\n"
     "Projektet Milvana undersöker högläsning i de tidiga årskurserna.\n", "Norrby universitet"),
])
def test_every_project_of_the_release_is_carried_out_at_its_host(text, host):
    got = grants(text)
    assert {"Qorvex", "Milvana"} <= set(got)
    for name in ("Qorvex", "Milvana"):
        assert (host, "partner") in got[name][0]


def test_a_sentence_about_one_named_project_gives_no_host_to_the_others():
    got = grants("The project Qorvex looks at outdoor teaching in small schools.\n"
                 "The project Milvana studies reading aloud in the early grades.\n"
                 "Projects at the Northfield University such as Qorvex get extra support this year.\n")
    assert "Milvana" in got
    assert not any(org == "Northfield University" for org, _ in got["Milvana"][0])
