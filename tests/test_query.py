"""The named queries on the hand-written fixture: columns, rows, parameters, output formats, users' own files."""
import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from edukg.core.errors import QueryError
from edukg.query import bind_params, format_result, list_queries, load_query, plain, run_query
from edukg.core.store import OxigraphStore

FIXTURE = Path(__file__).parent / "data" / "query-fixture.trig"
B = "https://w3id.org/edukg/"
A = B + "graph/source/doc-a-fi"  # the Finnish document
S = B + "graph/source/doc-b-sv"  # the Swedish document
ORG = B + "id/organisation/"
SAKKY = "Savon koulutuskuntayhtymä"
NVL = "Nordiskt nätverk för vuxnas lärande"
KKT = "Kestävää kasvua ja työtä 2014–2020"

# Every row of every named query on the fixture, as plain strings ("" where unbound).
EXPECTED = {
    "organisations": [
        (ORG + "etela-savon-ely-keskus", "Etelä-Savon ELY-keskus", "agency", A),
        (ORG + "kuopion-kaupunki", "Kuopion kaupunki", "municipality", A),
        (ORG + "opetushallitus", "Opetushallitus", "agency", A),  # the fi label in the fi document...
        (ORG + "opetushallitus", "Utbildningsstyrelsen", "agency", S),  # ...and the sv label in the sv one
        (ORG + "savon-koulutuskuntayhtyma", SAKKY, "vocational_institution", A),
        (ORG + "savon-koulutuskuntayhtyma", SAKKY, "vocational_institution", S),  # only a fi label there
        (ORG + "tyo-ja-elinkeinoministerio", "Työ- ja elinkeinoministeriö", "ministry", A),
        (ORG + "yrkeshogskolan-novia", "Yrkeshögskolan Novia", "university", S),
    ],
    "people": [
        (B + "id/person/anna-lindqvist", "Anna Lindqvist", "rektor", "Yrkeshögskolan Novia", S),
        (B + "id/person/liisa-virtanen", "Liisa Virtanen", "opetusneuvos", "", A),
        (B + "id/person/margit-patronen", "Margit Patronen", "projektipäällikkö", SAKKY, A),
    ],
    "projects": [
        (B + "id/project/yhessa", "Yhessä", "2017-12-13", "2019-12-31", A),
        (B + "id/project/yhessa", "Yhessä", "", "", S),
    ],
    "participants": [
        ("Yhessä", SAKKY, "coordinator", A),
        ("Yhessä", "Kuopion kaupunki", "partner", A),
        ("Yhessä", "Etelä-Savon ELY-keskus", "funder", A),
        ("Yhessä", "Kuopion kaupunki", "funder", A),
        ("Yhessä", "Yrkeshögskolan Novia", "partner", S),
    ],
    "funding": [
        ("Yhessä", "Etelä-Savon ELY-keskus", "635000", "EUR", KKT, A),
        ("Yhessä", "Kuopion kaupunki", "635000", "EUR", KKT, A),
    ],
    "coalitions": [
        (NVL, "Utbildningsstyrelsen", "organiser", S),
        (NVL, SAKKY, "member", S),
        (NVL, "Yrkeshögskolan Novia", "member", S),
    ],
    "events": [
        (B + "id/event/nordiskt-seminarium-om-vuxnas-larande", "Nordiskt seminarium om vuxnas lärande", "2021-06-07",
         S),
    ],
    "awards": [
        (B + "id/award/arets-pedagog", "Årets pedagog", "Anna Lindqvist", S),
        (B + "id/award/arets-utbildningsanordnare", "Årets utbildningsanordnare", SAKKY, S),
    ],
    "funding_by_funder": [
        ("Etelä-Savon ELY-keskus", "2017", "1", "635000", "EUR"),
        ("Kuopion kaupunki", "2017", "1", "635000", "EUR"),
    ],
    "projects_by_programme": [
        (KKT, "Työ- ja elinkeinoministeriö", "1", "635000", "EUR"),
    ],
    "organisations_by_type": [
        ("agency", "Government agency", "2"),
        ("ministry", "Ministry", "1"),
        ("municipality", "Municipality", "1"),
        ("university", "University", "1"),
        ("vocational_institution", "Vocational education provider", "1"),
    ],
    "sources": [
        (A, "doc-a-fi", "Yhessä-hanke", "fi", "text/plain", "file:///corpus/doc-a-fi.txt"),
        (S, "doc-b-sv", "Nordiskt samarbete", "sv", "text/plain", "file:///corpus/doc-b-sv.txt"),
    ],
    "collaborators": [
        (ORG + "savon-koulutuskuntayhtyma", SAKKY, ORG + "kuopion-kaupunki", "Kuopion kaupunki", "Yhessä", "project",
         A),
        (ORG + "savon-koulutuskuntayhtyma", SAKKY, ORG + "opetushallitus", "Utbildningsstyrelsen", NVL, "coalition", S),
        (ORG + "savon-koulutuskuntayhtyma", SAKKY, ORG + "yrkeshogskolan-novia", "Yrkeshögskolan Novia", NVL,
         "coalition", S),
        (ORG + "savon-koulutuskuntayhtyma", SAKKY, ORG + "yrkeshogskolan-novia", "Yrkeshögskolan Novia", "Yhessä",
         "project", S),
    ],
}
PARAMS = {"collaborators": {"org": "sakky"}, "actor": {"actor": "Margit Patronen"}}
DECLARED = {
    "organisations": "org, name, type, source",
    "people": "person, name, role, affiliation, source",
    "projects": "project, name, start, end, source",
    "participants": "project, organisation, role, source",
    "funding": "project, funder, amount, currency, programme, source",
    "coalitions": "coalition, organisation, role, source",
    "events": "event, name, date, source",
    "awards": "award, name, recipient, source",
    "collaborators": "org_iri, organisation, collaborator_iri, collaborator, via, via_kind, source",
    "actor": "actor_iri, property, value, evidence, source, rule, confidence",
    "funding_by_funder": "funder, year, projects, total_amount, currency",
    "projects_by_programme": "programme, managed_by, projects, total_amount, currency",
    "organisations_by_type": "type, label, organisations",
}


def load_fixture(store) -> None:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    store.add_graphs({str(g.identifier): g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)})


@pytest.fixture(scope="module")
def store():
    with OxigraphStore(None) as s:
        load_fixture(s)
        yield s


def plain_rows(result) -> list[tuple[str, ...]]:
    return sorted(tuple(plain(v) for v in row) for row in result.rows)


def test_every_shipped_query_has_a_complete_header():
    queries = {q.name: q for q in list_queries()}
    assert set(DECLARED) <= set(queries)
    for name, columns in DECLARED.items():
        q = queries[name]
        assert q.title and q.description and q.builtin, name
        assert ", ".join(q.columns) == columns, name
    assert queries["collaborators"].params.keys() == {"org"}
    assert queries["actor"].params.keys() == {"actor"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_named_query_rows(store, name):
    result = run_query(name, PARAMS.get(name, {}), store)
    assert result.columns == list(load_query(name).columns)
    assert plain_rows(result) == sorted(EXPECTED[name])


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_named_query_projects_exactly_its_declared_columns(store, query):
    # run_query orders values by the header; the query itself must already project these columns in this order
    variables, _ = store.select(query.text, bind_params(query, PARAMS.get(query.name, {})))
    assert variables == list(query.columns)


def test_typed_values_are_kept(store):
    rows = run_query("funding", {}, store).records()
    assert rows[0]["amount"] == Literal("635000", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))
    assert rows[0]["source"] == URIRef(A)
    people = {str(r["name"]): r for r in run_query("people", {}, store).records()}
    assert people["Margit Patronen"]["role"] == Literal("projektipäällikkö", lang="fi")


@pytest.mark.parametrize("value", ["sakky", "SAKKY", "Savon koulutuskuntayhtymästä",
                                   ORG + "savon-koulutuskuntayhtyma"])
def test_collaborators_by_any_label_or_by_iri(store, value):
    assert plain_rows(run_query("collaborators", {"org": value}, store)) == sorted(EXPECTED["collaborators"])


def test_collaborators_across_documents(store):
    # Novia's own participation in Yhessä is in the Swedish document, Kuopio's in the Finnish one
    rows = plain_rows(run_query("collaborators", {"org": "Novia"}, store))
    assert (ORG + "yrkeshogskolan-novia", "Yrkeshögskolan Novia", ORG + "kuopion-kaupunki", "Kuopion kaupunki",
            "Yhessä", "project", A) in rows


def test_actor_shows_facts_with_their_evidence(store):
    margit = B + "id/person/margit-patronen"
    # a fact read from a text says which rule read it and how far that rule is trusted; the actor's own
    # statements have neither
    assert plain_rows(run_query("actor", {"actor": "margit patronen"}, store)) == [
        (margit, "name", "Margit Patronen", "", A, "", ""),
        (margit, "projektipäällikkö at", SAKKY,
         "Projektipäällikkönä toimii Margit Patronen Savon koulutuskuntayhtymästä.", A, "people.sentence", "0.7"),
        (margit, "type", "http://xmlns.com/foaf/0.1/Person", "", A, "", ""),
        (margit, "type", "https://schema.org/Person", "", A, "", ""),
    ]
    sakky = plain_rows(run_query("actor", {"actor": ORG + "savon-koulutuskuntayhtyma"}, store))
    properties = {(r[1], r[2], r[4]) for r in sakky}
    assert {("coordinator of", "Yhessä", A), ("has staff", "Margit Patronen", A), ("member of", NVL, S),
            ("received", "Årets utbildningsanordnare", S), ("classification", "vocational_institution", A),
            ("altLabel", "Sakky", A)} <= properties
    evidence = {r[1]: r[3] for r in sakky if r[4] == S}
    assert evidence["received"].startswith("Savon koulutuskuntayhtymä fick priset")


def test_a_name_that_matches_nothing_gives_no_rows(store):
    before = store.quads_count()
    for value in ['x" } ; DROP ALL ; #', "Sakky'} UNION { ?a ?b ?c }", "nobody"]:
        assert run_query("collaborators", {"org": value}, store).rows == []
    assert store.quads_count() == before


def test_parameter_errors_name_the_parameter(store):
    with pytest.raises(QueryError, match=r"needs parameter 'org' \(accepted: org\)"):
        run_query("collaborators", {}, store)
    with pytest.raises(QueryError, match=r"has no parameter 'organisation' \(accepted: org\)"):
        run_query("collaborators", {"org": "Sakky", "organisation": "x"}, store)
    with pytest.raises(QueryError, match=r"has no parameter 'year' \(accepted: none\)"):
        run_query("projects", {"year": "2017"}, store)
    with pytest.raises(QueryError, match=r"parameter 'org' is empty"):
        run_query("collaborators", {"org": " "}, store)


def test_unknown_query_lists_the_names(store):
    with pytest.raises(QueryError, match=r"no query named 'organizations' \(available: actor, awards, "):
        load_query("organizations")
    with pytest.raises(QueryError, match="cannot read"):
        load_query("missing/file.rq")


def test_a_users_query_file_sees_the_union_of_named_graphs(store, tmp_path):
    path = tmp_path / "alt-labels.rq"
    path.write_text("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                    "SELECT ?org ?alt WHERE { ?org skos:altLabel ?alt } ORDER BY ?alt\n", encoding="utf-8")
    result = run_query(path, {}, store)
    assert result.columns == ["org", "alt"]
    assert [plain(r[1]) for r in result.rows] == ["Novia", "OPH", "Sakky", "TEM"]
    # GRAPH ?g still selects one source
    path.write_text("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n# param: g — a graph IRI\n"
                    "SELECT ?alt WHERE { GRAPH ?g_iri { ?org skos:altLabel ?alt } } ORDER BY ?alt\n", encoding="utf-8")
    assert [plain(r[0]) for r in run_query(str(path), {"g": S}, store).rows] == ["Novia"]
    with pytest.raises(QueryError, match=r"declare it with a '# param: NAME"):
        run_query(str(path), {"g": S, "other": "x"}, store)


def test_a_users_ask_and_construct_files(store, tmp_path):
    ask = tmp_path / "ask.rq"
    ask.write_text("ASK { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?o }")
    result = run_query(ask, {}, store)
    assert result.boolean is True and format_result(result, "csv") == "result\ntrue\n"
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    construct = tmp_path / "construct.rq"
    construct.write_text("CONSTRUCT { ?s <http://example.org/alt> ?o } "
                         "WHERE { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?o }")
    assert len(run_query(construct, {}, store).rows) == 4


def test_csv_has_the_declared_header_and_plain_values(store):
    text = format_result(run_query("people", {}, store), "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["person", "name", "role", "affiliation", "source"]
    assert [B + "id/person/margit-patronen", "Margit Patronen", "projektipäällikkö", SAKKY, A] in rows
    assert [B + "id/person/liisa-virtanen", "Liisa Virtanen", "opetusneuvos", "", A] in rows
    assert "<" not in text and "@fi" not in text and "^^" not in text


def test_tsv_has_one_line_per_row(store):
    text = format_result(run_query("actor", {"actor": "Sakky"}, store), "tsv")
    lines = text.splitlines()
    assert lines[0] == "actor_iri\tproperty\tvalue\tevidence\tsource\trule\tconfidence"
    assert all(line.count("\t") == 6 for line in lines)


def test_json_is_sparql_results_json(store):
    doc = json.loads(format_result(run_query("funding", {}, store), "json"))
    assert doc["head"]["vars"] == ["project", "funder", "amount", "currency", "programme", "source"]
    first = doc["results"]["bindings"][0]
    assert first["amount"] == {"type": "literal", "value": "635000",
                               "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}
    assert first["project"] == {"type": "literal", "value": "Yhessä", "xml:lang": "fi"}
    assert first["currency"] == {"type": "literal", "value": "EUR"}
    assert first["source"] == {"type": "uri", "value": A}
    people = json.loads(format_result(run_query("people", {}, store), "json"))
    liisa = [b for b in people["results"]["bindings"] if b["name"]["value"] == "Liisa Virtanen"][0]
    assert "affiliation" not in liisa  # unbound values are left out, as the format says


def test_table_is_aligned_for_a_terminal(store):
    text = format_result(run_query("coalitions", {}, store), "table")
    lines = text.splitlines()
    assert lines[0].split() == ["coalition", "organisation", "role", "source"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[-1] == "(3 rows)"
    column = lines[0].index("organisation")
    assert all(line[column - 2:column] == "  " for line in lines[2:-1])
    long_text = format_result(run_query("actor", {"actor": "Sakky"}, store), "table")
    assert "…" in long_text  # evidence sentences are shortened, IRIs are not
    assert ORG + "savon-koulutuskuntayhtyma" in long_text


def test_unknown_format(store):
    with pytest.raises(QueryError, match="unknown format 'xml'"):
        format_result(run_query("events", {}, store), "xml")


def test_organisations_come_in_the_order_of_name_and_source(tmp_path):
    """The query's sort key compares the first characters before the whole values: the order must be the one
    of `ORDER BY ?name ?source`, also for names and sources that agree in their first characters."""
    from rdflib import Graph
    from rdflib.namespace import RDF, SKOS
    from rdflib import Namespace
    org = Namespace("http://www.w3.org/ns/org#")
    with OxigraphStore(None) as s:
        load_fixture(s)
        graphs = {}
        for i, name in enumerate(["Koulutuskuntayhtymä Pohjoinen", "Koulutuskuntayhtymä", "Koulutuskuntayhtymä Etelä",
                                  "koulutuskuntayhtymä etelä", "Åbo yrkesinstitut", "Ammattiopisto"]):
            for copy in ("long-source-name-b", "long-source-name-a", "long-source-name-ab"):
                g = graphs.setdefault(copy, Graph())
                node = URIRef(f"{ORG}o{i}")
                g.add((node, RDF.type, org.Organization))
                g.add((node, SKOS.prefLabel, Literal(name, lang="fi" if i % 2 else "sv")))
        s.add_graphs({f"{B}graph/source/{k}": g for k, g in graphs.items()})
        text = load_query("organisations").text
        plain_order = text[:text.index("ORDER BY")] + "ORDER BY ?name ?source\n"
        _, expected = s.select(plain_order)
        result = run_query("organisations", {}, s)
        assert [tuple(r[c] for c in result.columns) for r in expected] == \
            [tuple(r) for r in result.rows] and len(result.rows) == len(EXPECTED["organisations"]) + 18
