"""The name of a project page over its fields: a short name over a line describing it, and a name in capitals
with its subtitle after a colon. Invented pages."""
import pytest

from extraction import run


@pytest.mark.parametrize("text, name", [
    ("Interreg Aurora › Projects\n\nSkillShip\n\nShared apprenticeships for the maritime sector\n\n"
     "Project code: AU0101\nProgramme: Interreg Aurora\nDuration: 1 September 2023 – 31 August 2026\n"
     "Total budget: EUR 1 200 000\n\nLead partner\nUmeå University, Sweden\n\nPartners\n"
     "Lapland University of Applied Sciences, Finland\n", "SkillShip"),
    ("Hankkeet › Koulutus\n\nMetsäTaito\n\nYhteinen oppisopimusmalli metsäalan yrityksille\n\n"
     "Hankekoodi: A12345\nRahoittaja: Pohjois-Pohjanmaan liitto\nKesto: 1.9.2023–31.8.2026\n"
     "Budjetti: 300 000 euroa\nKoordinaattori: Oulun yliopisto\n", "MetsäTaito"),
    ("Projekt › Utbildning\n\nSkogsVäg\n\nGemensam lärlingsmodell för skogsbranschen\n\n"
     "Projektkod: S1234\nFinansiär: Region Västerbotten\nProjekttid: 2023-09-01 – 2026-08-31\n"
     "Budget: 300 000 kronor\nKoordinator: Umeå universitet\n", "SkogsVäg"),
    # the short name in capitals
    ("Our projects\n\nTIDE MAKERS\n\nOpen lessons on coastal ecology for lower secondary pupils\n\n"
     "Coordinator: Fernhill University\nPartners: Brookvale College\nDuration: 1.4.2024 – 31.3.2026\n",
     "TIDE MAKERS"),
])
def test_a_short_name_over_a_line_that_describes_it(text, name):
    assert name in [p.name for p in run(text).projects]


def test_a_name_in_capitals_with_its_subtitle_after_a_colon_heads_the_fields():
    text = ("Research projects | University of Oulu\n\nNORTHLEARN 2030: Evidence for inclusive rural schools\n\n"
            "Acronym: NORTHLEARN\nFunding programme: Horizon Europe\nStart date: 01/02/2024\nEnd date: 31/01/2028\n"
            "EU contribution: EUR 2 000 000\nCoordinated by: University of Oulu, Finland\n")
    ex = run(text)
    assert [p.name for p in ex.projects] == ["NORTHLEARN 2030: Evidence for inclusive rural schools"]
    assert ("oulun-yliopisto", "coordinator") in {(x.organisation, x.role) for x in ex.projects[0].participants}


_FI = "Uutiset\n\nPohjois-Pohjanmaan liitto teki rahoituspäätöksiä.\n\n"


@pytest.mark.parametrize("sentence, name", [
    ("Konepaja 2030 -hanke sai 290 000 euroa.", "Konepaja 2030"),  # a number closes the name before the dashed cue
    ("Hankkeelle Metsätaito myönnettiin 290 000 euroa.", "Metsätaito"),  # an inflected cue opening the sentence
])
def test_fi_a_project_named_beside_its_cue_receives_the_sum(sentence, name):
    got = {p.name: [g.amount for g in p.grants] for p in run(_FI + sentence + "\n").projects}
    assert got == {name: [290000]}


@pytest.mark.parametrize("text, period", [
    ("News\n\nThe SkillShip project trains port technicians. The agency granted EUR 200,000 for the years 2024–2026.\n\n"
     "SkillShip in brief\n- Coordinator: Umeå University\n- Duration: 1.9.2024–31.8.2026\n", ("2024-09-01", "2026-08-31")),
    ("Uutiset\n\nMetsäTaito-hanke kouluttaa metsäkoneenkuljettajia.\n\nHanke lyhyesti\n- Koordinaattori: Oulun yliopisto\n"
     "- Kesto: 1.9.2024–31.8.2026\n", ("2024-09-01", "2026-08-31")),
    ("Nyheter\n\nProjektet SkogsVäg utbildar skogsmaskinförare.\n\nFakta\n• Koordinator: Umeå universitet\n"
     "• Projekttid: 2024-09-01 – 2026-08-31\n", ("2024-09-01", "2026-08-31")),
])
def test_a_bulleted_fact_box_gives_the_period_to_the_day(text, period):
    [p] = run(text).projects
    assert (p.start, p.end) == period

