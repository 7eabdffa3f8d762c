"""Register entries and project pages as sites print them: a period of months ("2024-03 – 2025-11"), a
heading over the description right under the partner list, a "Project ID:" label, a publication dateline
between the project's name and its fields, and a role written after a dash closing a partner item. Invented
texts, in each language where the construction occurs."""
import pytest

from extraction import run


def page(text: str):
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    [p] = ex.projects
    return p, {(name[x.organisation], x.role) for x in p.participants}


@pytest.mark.parametrize("text", [
    "Catalogue\n\nProject title: Moss Trails\nApplicant: Kolari municipality\nPeriod: 2024-03 – 2025-11\n"
    "Partner institutions:\nKolari municipality (FI)\nBodø School 2 (NO)\n",
    "Katalog\n\nProjekttitel: Mosstigar\nSökande: Kiruna kommun\nProjektperiod: 2024-03 – 2025-11\n"
    "Partner:\nKiruna kommun (SE)\nBodø School 2 (NO)\n",
    "Luettelo\n\nHankkeen nimi: Sammalpolut\nHakija: Kolarin kunta\nKesto: 2024-03 – 2025-11\n"
    "Kumppanit:\nKolarin kunta (FI)\nBodø School 2 (NO)\n",
])
def test_a_period_of_months_dates_the_project(text):
    p, _ = page(text)
    assert (p.start, p.end) == ("2024-03", "2025-11")


def test_school_years_are_no_period_of_months():
    from edukg.ingest.extract.dates import find_dates
    assert [d.value for d in find_dates("lukuvuodet 2022-23 – 2024-25", "fi")] == []


@pytest.mark.parametrize("text, heading", [
    ("Catalogue\n\nProject title: Moss Trails\nApplicant: Kolari municipality\n\nPartner institutions:\n"
     "Kolari municipality (FI)\nTromsø Nature School (NO)\n\nSummary\n"
     "Pupils of two schools map the mosses of their home valleys and compare them over the border each spring.\n",
     "Summary"),
    ("Katalog\n\nProjekttitel: Mosstigar\nKoordinerande institution: Kiruna kommun\n\nPartner:\n"
     "Kiruna kommun (Sverige)\nTromsø Nature School (Norge)\n\nSammanfattning\n"
     "Eleverna i två skolor kartlägger mossorna i sina hemdalar och jämför dem över gränsen varje vår.\n",
     "Sammanfattning"),
    ("Luettelo\n\nHankkeen nimi: Sammalpolut\nKoordinaattori: Kolarin kunta\n\nKumppanit:\n"
     "Kolarin kunta (Suomi)\nTromsø Nature School (Norja)\n\nTiivistelmä\n"
     "Kahden koulun oppilaat kartoittavat kotilaaksojensa sammalet ja vertaavat niitä rajan yli joka kevät.\n",
     "Tiivistelmä"),
])
def test_a_heading_over_the_description_is_no_partner(text, heading):
    _, roles = page(text)
    assert heading not in {n for n, _ in roles}
    assert any(n.startswith("Tromsø") for n, _ in roles)


def test_sv_coordinating_institution_label():
    _, roles = page("Katalog\n\nProjekttitel: Mosstigar\nKoordinerande institution: Kiruna kommun\n"
                    "Projektperiod: 2024-01-01 – 2025-12-31\n\nPartner:\nKiruna kommun (Sverige)\nPajala kommun (Sverige)\n")
    assert ("Kiruna kommun", "coordinator") in roles


def test_a_project_id_label_names_no_project():
    ex = run("Catalogue\n\nProject title: Moss Trails\nProject ID: MT-2024/7\nApplicant: Kolari municipality\n"
             "Period: 2024-01-01 – 2025-12-31\n")
    assert [p.name for p in ex.projects] == ["Moss Trails"]


@pytest.mark.parametrize("text, name", [
    ("Home › Projects\n\nMoss Trails – Outdoor Biology for Pupils\n\nPublished 3.4.2024 | Updated 5.6.2024\n\n"
     "Programme: Interreg Aurora\nDuration: 1 May 2024 – 30 April 2026\nCoordinator: Kolari municipality\n\n"
     "Partners:\n- Kolari municipality (Finland)\n- Kiruna kommun (Sweden)\n", "Moss Trails – Outdoor Biology for Pupils"),
    ("Etusivu › Hankkeet\n\nSammalpolut – ulkobiologian opetus kouluissa\n\nJulkaistu 3.4.2024\n\n"
     "Ohjelma: Interreg Aurora\nKesto: 1.5.2024–30.4.2026\nKoordinaattori: Kolarin kunta\n\n"
     "Kumppanit:\n- Kolarin kunta (Suomi)\n- Kiruna kommun (Ruotsi)\n", "Sammalpolut – ulkobiologian opetus kouluissa"),
    ("Hem › Projekt\n\nMosstigar – utomhusbiologi för elever\n\nPublicerad 2024-04-03 · Uppdaterad 2024-06-05\n\n"
     "Program: Interreg Aurora\nProjekttid: 2024-05-01 – 2026-04-30\nKoordinator: Kiruna kommun\n\n"
     "Partner:\n- Kiruna kommun (Sverige)\n- Kolarin kunta (Finland)\n", "Mosstigar – utomhusbiologi för elever"),
])
def test_a_dateline_between_the_name_and_the_fields(text, name):
    p, roles = page(text)
    assert p.name == name
    assert any(r == "coordinator" for _, r in roles) and len(roles) == 2


@pytest.mark.parametrize("text, lead", [
    ("Harbour Crafts\n\nHarbour Crafts is a three-year project. The partnership includes:\n\n"
     "• Kemi Sea Academy (Finland) – lead partner\n• Luleå Port School (Sweden)\n• Narvik Technical School (Norway)\n",
     "Kemi Sea Academy"),
    ("Satamataidot\n\nSatamataidot on kolmivuotinen hanke. Hankkeessa ovat mukana:\n\n"
     "• Kemin merenkulkuopisto (Suomi) – päätoteuttaja\n• Luleå Port School (Ruotsi)\n• Narvik Technical School (Norja)\n",
     "Kemin merenkulkuopisto"),
    ("Hamnkunskap\n\nHamnkunskap är ett treårigt projekt. I partnerskapet ingår:\n\n"
     "• Kemi sjöfartsinstitut (Finland) – huvudpartner\n• Luleå Port School (Sverige)\n• Narvik Technical School (Norge)\n",
     "Kemi sjöfartsinstitut"),
])
def test_a_role_after_a_dash_closes_a_partner_item(text, lead):
    _, roles = page(text)
    assert (lead, "coordinator") in roles
    assert len(roles) == 3


@pytest.mark.parametrize("text, heading", [
    ("Register\n\nProject name: Moss Trails\nApplicant: Kolari municipality\nPartners:\n- Tromsø Nature School\n"
     "- Kiruna kommun\nContact person: Anna Berg, Kolari municipality\n\nSummary\n\n"
     "Pupils of two schools map the mosses of their home valleys and compare them over the border each spring.\n",
     "Summary"),
    ("Register\n\nProjektnamn: Mosstigar\nProjektägare: Kiruna kommun\nSamverkanspartner:\n- Tromsø Nature School\n"
     "- Kolarin kunta\nKontaktperson: Anna Berg, Kiruna kommun\n\nSammanfattning\n\n"
     "Eleverna i två skolor kartlägger mossorna i sina hemdalar och jämför dem över gränsen varje vår.\n",
     "Sammanfattning"),
    ("Rekisteri\n\nHankkeen nimi: Sammalpolut\nHakija: Kolarin kunta\nKumppanit:\n- Tromsø Nature School\n"
     "- Kiruna kommun\nYhteyshenkilö: Anna Berg, Kolarin kunta\n\nTiivistelmä\n\n"
     "Kahden koulun oppilaat kartoittavat kotilaaksojensa sammalet ja vertaavat niitä rajan yli joka kevät.\n",
     "Tiivistelmä"),
])
def test_a_common_word_over_the_description_after_a_blank_line_is_no_partner(text, heading):
    _, roles = page(text)
    assert heading not in {n for n, _ in roles}
    assert ("Tromsø Nature School", "partner") in roles


@pytest.mark.parametrize("text, owner, other", [
    ("Register\n\nProject name: Moss Trails\nProject owner: Kolari municipality\nPartners:\n- Oulu University\n"
     "- Kiruna kommun\n\nThe teachers of the schools are trained by Oulu University in the mapping of mosses.\n",
     "Kolari municipality", "Oulu University"),
    ("Register\n\nProjektnamn: Mosstigar\nProjektägare: Kiruna kommun\nSamverkanspartner:\n- Umeå universitet\n"
     "- Kolarin kunta\n\nLärarna leds av Umeå universitet i hur man kartlägger mossor.\n",
     "Kiruna kommun", "Umeå universitet"),
    ("Rekisteri\n\nHankkeen nimi: Sammalpolut\nHakija: Kolarin kunta\nKumppanit:\n- Oulun yliopisto\n"
     "- Kiruna kommun\n\nOpettajien koulutusta koordinoi Oulun yliopisto.\n",
     "Kolarin kunta", "Oulun yliopisto"),
])
def test_the_coordinator_field_names_the_one_coordinator(text, owner, other):
    _, roles = page(text)
    assert (owner, "coordinator") in roles
    assert (other, "partner") in roles


@pytest.mark.parametrize("text, lang_head", [
    ("Grants 2025\n\nThe agency granted the following sums:\n\nHolder                      Amount\n"
     "Kolari municipality         820 000\nKiruna kommun               760 000\n", "Amount"),
    ("Bidrag 2025\n\nMyndigheten har fördelat följande bidrag:\n\nHuvudman                      Belopp\n"
     "Kiruna kommun                 820 000\nPajala kommun                 760 000\n", "Belopp"),
    ("Avustukset 2025\n\nVirasto myönsi seuraavat avustukset:\n\nHakija                      Summa\n"
     "Kolarin kunta               820 000\nSallan kunta                760 000\n", "Summa"),
])
def test_a_table_header_is_no_field(text, lang_head):
    ex = run(text)
    assert lang_head not in {o.name for o in ex.organisations.values()}


@pytest.mark.parametrize("text, names", [
    ("Polar Skills\n\nPolar Skills is a three-year project. Partners:\n\nKemi Sea Academy, Finland\n"
     "Inari Nature School (Inarin luontokoulu), Finland\nTromsø Arctic Institute (Tromsø arktiske institutt), Norway\n",
     {"Kemi Sea Academy", "Inari Nature School", "Tromsø Arctic Institute"}),
    ("Polartaidot\n\nPolartaidot on kolmivuotinen hanke. Kumppanit:\n\nKemin merenkulkuopisto, Suomi\n"
     "Saamelaisalueen luontokoulu (Sámi Nature School), Suomi\nTromsø Arctic Institute (Tromsø arktiske institutt), Norja\n",
     {"Kemin merenkulkuopisto", "Saamelaisalueen luontokoulu", "Tromsø Arctic Institute"}),
    ("Polarkunskap\n\nPolarkunskap är ett treårigt projekt. Partner:\n\nKemi sjöfartsinstitut, Finland\n"
     "Saamelaisalueen luontokoulu (Samiska naturskolan), Finland\nTromsø Arctic Institute (Tromsø arktiske institutt), Norge\n",
     {"Kemi sjöfartsinstitut", "Saamelaisalueen luontokoulu", "Tromsø Arctic Institute"}),
])
def test_a_partner_item_with_its_other_name_in_brackets_before_the_country(text, names):
    _, roles = page(text)
    assert {n for n, _ in roles} == names


@pytest.mark.parametrize("text, fund", [
    ("News\n\nKemi, 3 May 2024 – The municipality of Kemi has been granted EUR 400,000 by the Finnish National Agency "
     "for Education for the project \"Reading Buddies\", which will run from May 2024 to May 2026. The funding comes "
     "from the European Social Fund Plus (ESF+).\n", "European Social Fund Plus"),
    ("Uutiset\n\nKemi, 3.5.2024 – Kemille myönnettiin 400 000 euroa Opetushallitukselta Lukukaverit-hankkeeseen, joka "
     "kestää toukokuusta 2024 toukokuuhun 2026. Rahoitus tulee Euroopan sosiaalirahastosta (ESR+).\n", "Euroopan sosiaalirahasto"),
])
def test_the_fund_the_money_comes_from_takes_no_part(text, fund):
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    [p] = ex.projects
    assert not {name[x.organisation] for x in p.participants} & {fund, "ESF", "ESR"}


@pytest.mark.parametrize("text, leader", [
    ("About us\n\nBALTIKA – Nordic Teacher Network\n\nBALTIKA is a network of teacher colleges. The network "
     "is coordinated by Narva College from 2023 to 2025.\n\nLast year a grant went to the network for its exchange project "
     "\"Open Doors\", where trainee teachers run joint online lessons.\n", "Narva College"),
    ("Om oss\n\nBALTIKA – nordiskt lärarnätverk\n\nBALTIKA är ett nätverk av lärarhögskolor. Nätverket samordnas av "
     "Narva universitet under 2023–2025.\n\nI år fick nätverket ett bidrag för mobilitetsprojektet \"Öppna dörrar\", "
     "där lärarstudenter undervisar tillsammans.\n", "Narva universitet"),
])
def test_a_sentence_about_the_network_says_nothing_of_its_project(text, leader):
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    [p] = [p for p in ex.projects if p.name in ("Open Doors", "Öppna dörrar")]
    assert leader not in {name[x.organisation] for x in p.participants}
    assert (p.start, p.end) == (None, None)
