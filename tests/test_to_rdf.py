"""ingest/to_rdf.py against hand-written graphs (docs/model.md is the contract), one folder per case as in
morph-kgc's test suite: tests/data/rdf/<case>/expected.ttl. The extractions are built here by hand from the
dataclasses of ingest/model.py, so the mapping is tested apart from extraction.

Fact nodes (memberships, grants, conferrals, evidence) are named `<base>id/<kind>/<doc id>-<hash>`, the hash
being the implementation's key of the fact. The expected files write them as blank nodes, and the produced
graph is compared after turning each such IRI into a blank node of its own; their form and their stability
across rebuilds are tested separately below.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
# the namespace module, not XSD itself: pytest's collection probes module globals for attributes, and rdflib's
# DefinedNamespace warns about each unknown one
from rdflib import namespace as ns

from edukg.ingest.model import (AwardConferral, Coalition, Document, Event, Evidence, Extraction, Grant, Organisation,
                                Participation, Person, Project)
from edukg.ingest.to_rdf import to_rdf
from edukg.validate import validate_dataset

CASES = Path(__file__).parent / "data" / "rdf"
INGESTED = datetime(2026, 11, 24, 20, 0, 0, tzinfo=timezone.utc)
DEFAULT_BASE = "https://w3id.org/edukg/"
OTHER_BASE = "https://data.example.fi/kg/"
FACT_KINDS = ("membership", "grant", "conferral", "evidence")


def evidence(text: str, exact: str) -> Evidence:
    start = text.index(exact)
    return Evidence(start, start + len(exact), exact)


# --- the cases --------------------------------------------------------------------------------------------

def organisations_people() -> Extraction:
    text = ("Yhessä-hanke käynnistyy\n\n"
            "Savon koulutuskuntayhtymän (Sakky) Savon ammattiopisto ja Opetushallitus tekevät yhteistyötä.\n"
            "Margit Patronen, hankepäällikkö, Savon koulutuskuntayhtymä\n"
            "Opetusneuvos Minna Polvinen kommentoi hanketta.\n")
    first = "Savon koulutuskuntayhtymän (Sakky) Savon ammattiopisto ja Opetushallitus tekevät yhteistyötä."
    doc = Document(id="000_orgs", path="/srv/edukg/corpus/000_orgs.txt", text=text, format="text/plain",
                   sha256="a" * 64, lang="fi", title="Yhessä-hanke käynnistyy")
    sakky = Organisation(key="savon-koulutuskuntayhtyma", name="Savon koulutuskuntayhtymä", lang="fi",
                         type="vocational_institution", alt_labels={"Sakky"},
                         hidden_labels={"Savon koulutuskuntayhtymän", "Sakky"},
                         evidence=evidence(text, first))
    unit = Organisation(key="savon-ammattiopisto", name="Savon ammattiopisto", lang="fi",
                        type="vocational_institution", parent="savon-koulutuskuntayhtyma")
    oph = Organisation(key="opetushallitus", name="Opetushallitus", lang="fi", type="agency",
                       alt_labels={"OPH", "EDUFI", "Utbildningsstyrelsen"},
                       names={"fi": "Opetushallitus", "sv": "Utbildningsstyrelsen",
                              "en": "Finnish National Agency for Education"},
                       evidence=evidence(text, first))
    people = [
        Person("Margit Patronen", title="hankepäällikkö", organisation="savon-koulutuskuntayhtyma",
               evidence=evidence(text, "Margit Patronen, hankepäällikkö, Savon koulutuskuntayhtymä")),
        Person("Minna Polvinen", title="opetusneuvos",
               evidence=evidence(text, "Opetusneuvos Minna Polvinen kommentoi hanketta.")),
        Person("Venla Bernelius"),
    ]
    return Extraction(document=doc, organisations={o.key: o for o in (sakky, unit, oph)}, people=people)


def project_funding() -> Extraction:
    text = ("Yhessä\n\n"
            "Hankekoodi S30512. Toteutusaika 13.12.2017–12/2019.\n"
            "Hanketta hallinnoi Savon koulutuskuntayhtymä ja osatoteuttajana on Humanistinen ammattikorkeakoulu.\n"
            "Euroopan sosiaalirahasto myöntää hankkeelle 635 000 euroa ESR-ohjelmasta 2014–2020.\n"
            "Oikeus oppia -hanke toteutetaan vuosina 2021–2023, ja sitä rahoittavat Opetushallitus ja "
            "Euroopan sosiaalirahasto 1 300 000,50 eurolla.\n")
    doc = Document(id="001_project", path="/srv/edukg/corpus/001_project.md", text=text, format="text/markdown",
                   sha256="b" * 64, lang="fi", title="Yhessä")
    coordination = evidence(text, "Hanketta hallinnoi Savon koulutuskuntayhtymä ja osatoteuttajana on "
                                  "Humanistinen ammattikorkeakoulu.")
    esf_sentence = evidence(text, "Euroopan sosiaalirahasto myöntää hankkeelle 635 000 euroa ESR-ohjelmasta "
                                  "2014–2020.")
    oikeus = evidence(text, "Oikeus oppia -hanke toteutetaan vuosina 2021–2023, ja sitä rahoittavat Opetushallitus "
                            "ja Euroopan sosiaalirahasto 1 300 000,50 eurolla.")
    orgs = [
        Organisation("savon-koulutuskuntayhtyma", "Savon koulutuskuntayhtymä", "fi", "vocational_institution",
                     evidence=coordination),
        Organisation("humanistinen-ammattikorkeakoulu", "Humanistinen ammattikorkeakoulu", "fi", "university",
                     alt_labels={"Humak"}, evidence=coordination),
        Organisation("euroopan-sosiaalirahasto", "Euroopan sosiaalirahasto", "fi", "other", alt_labels={"ESR"},
                     evidence=esf_sentence),
        # resolved against the store: another document's node for the same agency
        Organisation("opetushallitus", "Opetushallitus", "fi", "agency", evidence=oikeus,
                     iri=f"{DEFAULT_BASE}id/organisation/utbildningsstyrelsen"),
    ]
    yhessa = Project(
        name="Yhessä", alt_labels={"Yhessä-hanke", "Yhessä"}, code="S30512", start="2017-12-13", end="2019-12",
        participants=[Participation("savon-koulutuskuntayhtyma", "coordinator", coordination, rule="projects.field",
                                    confidence=0.9),
                      Participation("humanistinen-ammattikorkeakoulu", "partner", coordination),
                      Participation("tuntematon-oy", "partner", coordination)],  # not an organisation found: skipped
        grants=[Grant(["euroopan-sosiaalirahasto"], amount=635000.0, currency="EUR",
                      programme="ESR-ohjelma 2014–2020", evidence=esf_sentence, rule="projects.sentence",
                      confidence=0.7)],
        evidence=evidence(text, "Yhessä"))
    oikeus_oppia = Project(
        name="Oikeus oppia", start="2021", end="2023",
        grants=[Grant(["opetushallitus", "euroopan-sosiaalirahasto"], amount=1300000.5, currency="EUR",
                      evidence=oikeus),
                Grant(["tuntematon-rahasto"], amount=100.0, currency="EUR")],  # no funder found: no grant
        evidence=oikeus)
    return Extraction(document=doc, organisations={o.key: o for o in orgs}, projects=[yhessa, oikeus_oppia])


def coalition_event_award() -> Extraction:
    text = ("Skolnätverket i Svenskfinland\n\n"
            "Åbo Akademi samordnar Skolnätverket i Svenskfinland (SNS), där Utbildningsstyrelsen är medlem.\n"
            "Skoldagarna ordnas i juni 2021 av Åbo Akademi.\n"
            "Kyrkslätt skola fick priset Årets skola av Utbildningsstyrelsen den 28 september 2015.\n"
            "Läraren Anna Andersson fick Lärarpriset 2019.\n"
            "Hedersomnämnandet gick till en elev.\n")
    doc = Document(id="sv-case", path="/srv/edukg/corpus/sv-case.html", text=text, format="text/html",
                   sha256="c" * 64, lang="sv", title="Skolnätverket i Svenskfinland")
    network = evidence(text, "Åbo Akademi samordnar Skolnätverket i Svenskfinland (SNS), där Utbildningsstyrelsen "
                             "är medlem.")
    days = evidence(text, "Skoldagarna ordnas i juni 2021 av Åbo Akademi.")
    prize = evidence(text, "Kyrkslätt skola fick priset Årets skola av Utbildningsstyrelsen den 28 september 2015.")
    teacher = evidence(text, "Läraren Anna Andersson fick Lärarpriset 2019.")
    orgs = [
        Organisation("abo-akademi", "Åbo Akademi", "sv", "university", alt_labels={"ÅA"}, evidence=network),
        Organisation("opetushallitus", "Utbildningsstyrelsen", "sv", "agency", evidence=network),
        Organisation("kyrkslatt-skola", "Kyrkslätt skola", "sv", "school", evidence=prize),
    ]
    return Extraction(
        document=doc, organisations={o.key: o for o in orgs},
        people=[Person("Anna Andersson", title="lärare", evidence=teacher)],
        coalitions=[Coalition("Skolnätverket i Svenskfinland", alt_labels={"SNS"}, evidence=network,
                              members=[Participation("abo-akademi", "organiser", network),
                                       Participation("opetushallitus", "member", network)])],
        events=[Event("Skoldagarna", date="2021-06", organisers=["abo-akademi", "okand"], evidence=days)],
        awards=[AwardConferral("Årets skola", "kyrkslatt-skola", recipient_kind="organisation", by="opetushallitus",
                               date="2015-09-28", evidence=prize),
                AwardConferral("Lärarpriset", "Anna Andersson", recipient_kind="person", date="2019",
                               evidence=teacher),
                # a recipient that is not among the people found: the award is kept, the conferral is not
                AwardConferral("Hedersomnämnande", "En Elev", recipient_kind="person")])


CASE_BUILDERS = {
    "organisations-people": (organisations_people, DEFAULT_BASE),
    "project-funding": (project_funding, DEFAULT_BASE),
    "coalition-event-award": (coalition_event_award, OTHER_BASE),
}


# --- comparing graphs -------------------------------------------------------------------------------------

def fact_pattern(base: str, doc_id: str) -> re.Pattern:
    return re.compile(rf"{re.escape(base)}id/({'|'.join(FACT_KINDS)})/{re.escape(doc_id)}-[0-9a-f]{{6,}}(#\w+)?")


def blank_facts(graph: Graph, base: str, doc_id: str) -> Graph:
    """The graph with each fact-node IRI replaced by a blank node (one per IRI)."""
    pattern = fact_pattern(base, doc_id)
    nodes: dict[URIRef, BNode] = {}

    def term(t):
        if isinstance(t, URIRef) and pattern.fullmatch(t):
            return nodes.setdefault(t, BNode())
        return t

    out = Graph()
    for s, p, o in graph:
        out.add((term(s), p, term(o)))
    return out


def dump(g: Graph) -> str:
    return "\n".join(sorted(line for line in g.serialize(format="nt").splitlines() if line.strip()))


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    if isomorphic(expected, actual):
        return
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    pytest.fail(f"graphs differ\n--- only in expected ({len(only_expected)}):\n{dump(only_expected)}\n"
                f"+++ only in produced ({len(only_actual)}):\n{dump(only_actual)}", pytrace=False)


def produce(case: str) -> tuple[Extraction, str, Graph]:
    builder, base = CASE_BUILDERS[case]
    ex = builder()
    return ex, base, to_rdf(ex, base, ingested_at=INGESTED)


def test_every_case_folder_has_a_builder():
    assert {p.name for p in CASES.iterdir() if p.is_dir()} == set(CASE_BUILDERS)


@pytest.mark.parametrize("case", list(CASE_BUILDERS))
def test_to_rdf_matches_the_expected_graph(case):
    ex, base, produced = produce(case)
    expected = Graph().parse(CASES / case / "expected.ttl", format="turtle")
    assert_isomorphic(expected, blank_facts(produced, base, ex.document.id))


@pytest.mark.parametrize("case", list(CASE_BUILDERS))
def test_the_produced_graph_validates(case):
    ex, base, produced = produce(case)
    ds = Dataset()
    graph = ds.graph(URIRef(f"{base}graph/source/{ex.document.id}"))
    graph += produced
    report = validate_dataset(ds)
    assert report.conforms, report.text()
    assert not report.results, report.text()  # not even a warning


@pytest.mark.parametrize("case", list(CASE_BUILDERS))
def test_fact_iris_are_named_after_the_document_and_stable(case):
    ex, base, produced = produce(case)
    again = to_rdf(CASE_BUILDERS[case][0](), base, ingested_at=INGESTED)
    assert set(produced) == set(again)  # a rebuild gives the same IRIs, fact nodes included
    pattern = fact_pattern(base, ex.document.id)
    kind_of = re.compile(rf"{re.escape(base)}id/([\w-]+)/")
    for term in {t for triple in produced for t in triple if isinstance(t, URIRef) and t.startswith(f"{base}id/")}:
        kind = kind_of.match(term)
        assert kind, term
        if kind.group(1) in FACT_KINDS:
            assert pattern.fullmatch(term), term
    assert not any(isinstance(t, BNode) for triple in produced for t in triple)  # nothing unnamed


def test_only_the_ingest_time_depends_on_the_clock():
    ex = project_funding()
    base = DEFAULT_BASE
    a = to_rdf(ex, base, ingested_at=INGESTED)
    b = to_rdf(project_funding(), base, ingested_at=datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    diff = {(str(p), o.toPython()) for _, p, o in set(a) ^ set(b)}
    assert diff == {("http://www.w3.org/ns/prov#generatedAtTime", INGESTED),
                    ("http://www.w3.org/ns/prov#generatedAtTime", datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc))}


def test_amounts_are_plain_decimals():
    _, _, g = produce("project-funding")
    values = [o for _, p, o in g if p == URIRef("https://schema.org/value")]
    assert sorted(str(v) for v in values) == ["1300000.5", "635000"]
    assert all(v.datatype == ns.XSD.decimal for v in values)


@pytest.mark.parametrize("value, datatype", [("2017-12-13", ns.XSD.date), ("2019-12", ns.XSD.gYearMonth),
                                             ("2021", ns.XSD.gYear)])
def test_dates_keep_the_precision_of_the_text(value, datatype):
    _, _, g = produce("project-funding")
    assert Literal(value, datatype=datatype) in set(g.objects())
