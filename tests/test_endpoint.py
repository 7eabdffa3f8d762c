"""EndpointStore against a real Oxigraph server: every named query returns the rows it returns embedded.

The server is the `oxigraph` executable of the `oxigraph` pip package (`pip install -e .[test]`); its default
graph is empty, as on any endpoint out of the box, so this also checks that the named queries need no
union default graph.
"""
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from edukg.core.errors import QueryError, StoreError
from edukg.graph import analyse
from edukg.query import list_queries, run_query
from edukg.core.store import EndpointStore, OxigraphStore, open_store

from servers import oxigraph_server

FIXTURE = Path(__file__).parent / "data" / "query-fixture.trig"
B = "https://w3id.org/edukg/"
SAKKY = B + "id/organisation/savon-koulutuskuntayhtyma"
# every parameterised query runs with a name and with an IRI
PARAMS = {
    "collaborators": [{"org": "Sakky"}, {"org": SAKKY}, {"org": "yrkeshögskolan novia"}],
    "actor": [{"actor": "margit patronen"}, {"actor": SAKKY}, {"actor": B + "id/project/yhessa"}],
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-server")) as url:
        yield url


def fixture_graphs() -> dict[str, Graph]:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return {str(g.identifier): g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)}


@pytest.fixture(scope="module")
def remote(server):
    """The fixture loaded graph by graph: the ontology through the Graph Store Protocol, the sources by Update."""
    with_gsp = EndpointStore(server + "/query", gsp_url=server + "/store")
    by_update = open_store(endpoint=server + "/query")  # derives <server>/update
    graphs = fixture_graphs()
    for iri, graph in graphs.items():
        (with_gsp if iri.endswith("ontology") else by_update).replace_graph(iri, graph)
    analyse(by_update)  # the analytics graph that the centrality and brokers queries read, written remotely
    return by_update


@pytest.fixture(scope="module")
def embedded():
    with OxigraphStore(None) as s:
        s.add_graphs(fixture_graphs())
        analyse(s)
        yield s


def test_the_endpoint_holds_the_fixture(remote, embedded):
    assert remote.graphs() == embedded.graphs()
    assert remote.quads_count() == embedded.quads_count()
    # the endpoint's default graph is empty: plain patterns see nothing there
    assert not remote.ask("ASK { ?s ?p ?o }")


def runs():
    for query in list_queries():
        for params in PARAMS.get(query.name, [{}]):
            yield pytest.param(query.name, params, id=f"{query.name}-{'-'.join(params.values()) or 'all'}")


@pytest.mark.parametrize("name, params", list(runs()))
def test_named_query_gives_the_same_rows_remote_and_embedded(remote, embedded, name, params):
    here = run_query(name, params, embedded)
    there = run_query(name, params, remote)
    assert there.columns == here.columns
    # the fixture's few actors all sit in tightly knit groups: no broker between communities
    assert there.rows or name == "brokers", "every named query finds something in the fixture"
    assert sorted(there.rows, key=str) == sorted(here.rows, key=str)


def test_injection_attempt_is_only_a_value_remote(remote):
    before = remote.quads_count()
    evil = 'x" } ; DROP ALL ; INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> "c" } } #{'
    assert run_query("collaborators", {"org": evil}, remote).rows == []
    _, rows = remote.select("SELECT ?l WHERE { GRAPH ?g { ?s ?p ?l } FILTER(STR(?l) = ?name) }",
                            {"name": Literal(evil)})
    assert rows == []
    assert remote.quads_count() == before and "http://e/g" not in remote.graphs()


def test_replace_and_drop_a_graph_remote(server):
    store = EndpointStore(server + "/query", gsp_url=server + "/store")
    iri = B + "graph/source/scratch"
    g = Graph()
    g.add((URIRef("http://example.org/a"), SKOS.prefLabel, Literal('with "quotes" and }', lang="fi")))
    store.replace_graph(iri, g)
    store.replace_graph(iri, g)  # a PUT replaces, it does not add
    assert set(store.dataset().graph(URIRef(iri))) == set(g)
    store.drop_graph(iri)
    store.drop_graph(iri)  # dropping a missing graph is not an error
    assert iri not in store.graphs()


def test_change_graph_remote(server):
    store = EndpointStore(server + "/query")  # by SPARQL Update, the one request that the change is
    iri = B + "graph/source/changed"
    g = Graph()
    g.add((URIRef(SAKKY), SKOS.prefLabel, Literal("Sakky", lang="fi")))
    g.add((URIRef(SAKKY), SKOS.altLabel, Literal("SAKKY", lang="fi")))
    store.replace_graph(iri, g)
    remove, add = Graph(), Graph()
    remove.add((URIRef(SAKKY), SKOS.altLabel, Literal("SAKKY", lang="fi")))
    add.add((URIRef(SAKKY), SKOS.altLabel, Literal("Savon ammattiopisto", lang="fi")))
    store.change_graph(iri, remove, add)
    assert set(store.dataset().graph(URIRef(iri))) == {(URIRef(SAKKY), SKOS.prefLabel, Literal("Sakky", lang="fi")),
                                                       (URIRef(SAKKY), SKOS.altLabel, Literal("Savon ammattiopisto", lang="fi"))}
    store.drop_graph(iri)


def test_construct_and_errors_remote(remote, server):
    g = remote.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"s": URIRef(SAKKY)})
    assert (URIRef(SAKKY), SKOS.altLabel, Literal("Sakky", lang="fi")) in g
    with pytest.raises(QueryError, match="rejected the query"):
        remote.select("SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(StoreError, match=r"endpoint http://127\.0\.0\.1:9/query: cannot reach it"):
        EndpointStore("http://127.0.0.1:9/query").graphs()


def test_graph_ntriples_is_the_same_remote_and_embedded(remote, embedded):
    def values(text: str) -> set:  # rdflib writes some literals (doubles, dates) in other lexical forms
        return {(s, p, o.toPython() if isinstance(o, Literal) else o)
                for s, p, o in Graph().parse(data=text, format="nt")}
    for iri in [g for g in embedded.graphs() if "/graph/source/" in g]:  # the analytics graph has its own times
        there = values(remote.graph_ntriples(iri))
        assert there and there == values(embedded.graph_ntriples(iri))


def test_the_network_page_is_the_same_remote_and_embedded(remote, embedded, tmp_path):
    import json
    import re

    from edukg.viz import render_network

    def drawn(store, name):
        report = render_network(store, tmp_path / name)
        html = report.path.read_text(encoding="utf-8")
        data = json.loads(re.search(r'<script id="edukg-data" type="application/json">(.*?)</script>', html,
                                    re.S).group(1))
        ties = sorted((t["from"], t["to"], tuple(t["via"]), tuple(t["years"])) for t in data["ties"])
        return sorted(a["id"] for a in data["actors"]), ties, data["collaborations"]

    there, here = drawn(remote, "remote.html"), drawn(embedded, "embedded.html")
    assert there[1], "the fixture has ties to draw"
    assert there == here
