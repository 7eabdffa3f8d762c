"""A project named for a coalition of the page is carried out by the coalition's members, and a phrase naming
them as a group by the coalition's brand is no participant of its own (ingest/extract/coalition_projects.py).
Invented texts and names, in Finnish and Swedish (an English page names such a project by the brand alone,
"the XYZ project", which the coalition rules leave to the project)."""
import pytest

from extraction import grants

FI = ("Uutiset\n\nKORU-liittouma on Hämeen ammattikorkeakoulun, Lahden ammattikorkeakoulun ja Oulun "
      "ammattikorkeakoulun muodostama strateginen liittouma.\n\n"
      "KORU-hanke vahvistaa liittouman korkeakoulujen yhteistä TKI-työtä. Opetus- ja kulttuuriministeriö rahoittaa "
      "KORU-hanketta.\n")
FI_GROUP = ("Uutiset\n\nKORU-liittouma on Hämeen ammattikorkeakoulun, Lahden ammattikorkeakoulun ja Oulun "
            "ammattikorkeakoulun muodostama strateginen liittouma.\n\n"
            "KORU-hankkeessa ovat mukana KORU-liittouman ammattikorkeakoulut. Opetus- ja kulttuuriministeriö "
            "rahoittaa KORU-hanketta.\n")
SV = ("Nyheter\n\nKORU-nätverket består av Malmö universitet, Lunds universitet och Umeå universitet.\n\n"
      "KORU-projektet stärker nätverkets gemensamma forskning. Vetenskapsrådet finansierar KORU-projektet.\n")
SV_GROUP = ("Nyheter\n\nKORU-nätverket består av Malmö universitet, Lunds universitet och Umeå universitet.\n\n"
            "KORU-nätverkets universitet deltar i KORU-projektet. Vetenskapsrådet finansierar KORU-projektet.\n")


@pytest.mark.parametrize("text, project, members, funder", [
    (FI, "KORU-hanke", {"Hämeen ammattikorkeakoulu", "Lahden ammattikorkeakoulu", "Oulun ammattikorkeakoulu"},
     "Opetus- ja kulttuuriministeriö"),
    (FI_GROUP, "KORU-hanke", {"Hämeen ammattikorkeakoulu", "Lahden ammattikorkeakoulu", "Oulun ammattikorkeakoulu"},
     "Opetus- ja kulttuuriministeriö"),
    (SV, "KORU-projekt", {"Malmö universitet", "Lunds universitet", "Umeå universitet"}, "Vetenskapsrådet"),
    (SV_GROUP, "KORU-projekt", {"Malmö universitet", "Lunds universitet", "Umeå universitet"}, "Vetenskapsrådet"),
])
def test_the_members_of_the_coalition_a_project_is_named_for_carry_it_out(text, project, members, funder):
    parts, funders, _, _ = grants(text)[project]
    # the members, as partners; not the group phrase ("KORU-liittouman ammattikorkeakoulut") as a body of its own
    assert parts == {(m, "partner") for m in members}
    assert funders == {funder}


def test_a_project_of_another_name_does_not_take_the_coalitions_members():
    text = FI.replace("KORU-hanke", "Tiedon polku -hanke").replace("KORU-hanketta", "Tiedon polku -hanketta")
    parts, _, _, _ = grants(text)["Tiedon polku"]
    assert parts == set()


FI_BARE = ("Uutiset\n\nLapin yliopiston, Vaasan yliopiston ja Kajaanin ammattikorkeakoulun välinen KIVI-konsortio "
           "uudistaa opettajankoulutusta.\n\nKonsortiota koordinoi Lapin yliopisto. Sen yhteistyökumppaneina ovat\n\n"
           "• Rovaniemen koulutuskuntayhtymä\n• Kemin kaupunki\n")


def test_fi_project_named_by_a_bare_cooperation_noun_is_the_coalition_and_a_partner_list_is_its_partners():
    from extraction import coalitions
    got = grants(FI_BARE)
    assert list(got) == ["KIVI-konsortio"]
    assert got["KIVI-konsortio"][0] == {("Lapin yliopisto", "coordinator"), ("Vaasan yliopisto", "partner"),
                                        ("Kajaanin ammattikorkeakoulu", "partner"),
                                        ("Rovaniemen koulutuskuntayhtymä", "partner"), ("Kemin kaupunki", "partner")}
    # the partners under a line with a partner word are no members of the consortium that line names
    assert coalitions(FI_BARE) == {"KIVI-konsortio": {"Lapin yliopisto", "Vaasan yliopisto", "Kajaanin ammattikorkeakoulu"}}
