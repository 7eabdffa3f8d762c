"""What publication needs from the store interface, on the embedded store and on a real Oxigraph server:
a streaming dump of every named graph, the engine's own serialisation of any query, a read-only open."""
import csv
import gc
import io
import json
from pathlib import Path

import pytest
import rdflib
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from edukg.core.errors import InputError, QueryError, StoreError
from edukg.core.store import EndpointStore, OxigraphStore, open_store
from edukg.core.store.sparql_text import cap_limit
from servers import oxigraph_server

FIXTURE = Path(__file__).parent / "data" / "query-fixture.trig"
B = "https://w3id.org/edukg/"
SAKKY = B + "id/organisation/savon-koulutuskuntayhtyma"


def fixture_graphs() -> dict[str, Graph]:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    graphs = {str(g.identifier): g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)}
    # two graphs with a blank node each: a dump must not merge them into one node
    for name in ("bnode-a", "bnode-b"):
        g = Graph()
        g.add((BNode(), SKOS.prefLabel, Literal(name, lang="en")))
        graphs[B + "graph/source/" + name] = g
    return graphs


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(params=["embedded", "endpoint"])
def store(request, tmp_path_factory):
    if request.param == "embedded":
        s = OxigraphStore(None)
    else:
        url = request.getfixturevalue("server")
        s = EndpointStore(url + "/query", gsp_url=url + "/store")
        for iri in s.graphs():
            s.drop_graph(iri)
    s.add_graphs(fixture_graphs())
    yield s
    s.close()


def as_dataset(data: bytes, fmt: str) -> Dataset:
    # literals as written (as the store's own dataset() gives them), not rdflib's canonical forms
    rdflib.NORMALIZE_LITERALS = False
    try:
        ds = Dataset()
        ds.parse(data=data.decode("utf-8"), format=fmt)
    finally:
        rdflib.NORMALIZE_LITERALS = True
    return ds


@pytest.mark.parametrize("fmt, rdflib_format", [("nquads", "nquads"), ("trig", "trig")])
def test_dump_holds_every_named_graph(store, fmt, rdflib_format):
    out = io.BytesIO()
    store.dump(out, fmt)
    dumped = as_dataset(out.getvalue(), rdflib_format)
    held = store.dataset()  # what the store holds (the engine may canonicalise a datatype on load)
    names = sorted(str(g.identifier) for g in dumped.graphs() if len(g))
    assert names == sorted(fixture_graphs()) == store.graphs()
    for iri in names:
        assert isomorphic(dumped.graph(URIRef(iri)), held.graph(URIRef(iri))), iri
    # the blank nodes of two graphs stay two nodes
    bnodes = {s for s, p, o, g in dumped.quads((None, SKOS.prefLabel, None, None)) if isinstance(s, BNode)}
    assert len(bnodes) == 2


def test_dump_rejects_an_unknown_format(store):
    with pytest.raises(InputError, match="unknown dump format"):
        store.dump(io.BytesIO(), "rdfxml")


def test_query_raw_select_in_each_results_format(store):
    q = f"SELECT ?label WHERE {{ GRAPH ?g {{ <{SAKKY}> <{SKOS.altLabel}> ?label }} }}"
    as_json = json.loads(store.query_raw(q, "application/sparql-results+json"))
    assert {b["label"]["value"] for b in as_json["results"]["bindings"]} == {"Sakky"}
    assert b"<sparql" in store.query_raw(q, "application/sparql-results+xml")
    rows = list(csv.reader(io.StringIO(store.query_raw(q, "text/csv").decode("utf-8"))))
    assert rows[0] == ["label"] and ["Sakky"] in rows[1:]
    tsv = store.query_raw(q, "text/tab-separated-values").decode("utf-8").splitlines()
    assert tsv[0] == "?label" and '"Sakky"@fi' in tsv[1:]


def test_query_raw_ask_and_construct(store):
    ask = json.loads(store.query_raw("ASK { GRAPH ?g { ?s ?p ?o } }", "application/sparql-results+json"))
    assert ask["boolean"] is True
    q = f"CONSTRUCT {{ <{SAKKY}> ?p ?o }} WHERE {{ GRAPH ?g {{ <{SAKKY}> ?p ?o }} }}"
    for media_type, fmt in [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                            ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")]:
        g = Graph().parse(data=store.query_raw(q, media_type).decode("utf-8"), format=fmt)
        assert (URIRef(SAKKY), SKOS.altLabel, Literal("Sakky", lang="fi")) in g, media_type


def test_query_raw_refuses_a_format_of_the_other_kind(store):
    with pytest.raises(QueryError):
        store.query_raw("SELECT * WHERE { ?s ?p ?o }", "text/turtle")
    with pytest.raises(QueryError):
        store.query_raw("CONSTRUCT WHERE { ?s ?p ?o }", "text/csv")


def test_query_raw_syntax_error_is_a_query_error(store):
    with pytest.raises(QueryError):
        store.query_raw("SELECT ?x WHERE { ?x ?y }", "application/sparql-results+json")


def test_query_raw_of_an_unreachable_endpoint_names_it():
    with pytest.raises(StoreError, match=r"http://127\.0\.0\.1:9/query: cannot reach it"):
        EndpointStore("http://127.0.0.1:9/query").query_raw("ASK {}", "application/sparql-results+json")


def test_read_only_open_reads_beside_another_reader_and_cannot_write(tmp_path):
    path = tmp_path / "store"
    with OxigraphStore(path) as s:
        s.add_graphs(fixture_graphs())
    del s
    gc.collect()
    first = open_store(path, read_only=True)
    second = open_store(path, read_only=True)  # a second reader: no lock taken
    assert first.graphs() == second.graphs() and first.quads_count() > 0
    with pytest.raises(StoreError):
        first.drop_graph(B + "graph/source/doc-a-fi")
    assert B + "graph/source/doc-a-fi" in second.graphs()


def _reopen_in_a_child(opener) -> list[str]:
    # what a publication worker does: the opener crosses to a spawned process by pickle and opens the store there
    import multiprocessing
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_graphs_of, (opener,))


def _graphs_of(opener) -> list[str]:
    with opener() as store:
        return store.graphs()


def test_reader_opens_the_same_store_in_another_process(tmp_path, store):
    if store.location == ":memory:":
        assert store.reader() is None  # nothing another process could open
        path = tmp_path / "store"
        with OxigraphStore(path) as on_disk:
            on_disk.add_graphs(fixture_graphs())
            graphs = on_disk.graphs()
            assert _reopen_in_a_child(on_disk.reader()) == graphs  # beside the writer that still holds it
        return
    assert _reopen_in_a_child(store.reader()) == store.graphs() and len(store.graphs()) > 3


def test_read_only_open_of_a_missing_store_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing", read_only=True)


@pytest.mark.parametrize("query, expected", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o }\nLIMIT 10\n"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 5", "SELECT * WHERE { ?s ?p ?o } LIMIT 5"),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 500 OFFSET 3",
     "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 10 OFFSET 3"),
    ("SELECT * WHERE { ?s ?p ?o } VALUES ?s { <http://e/a> }",
     "SELECT * WHERE { ?s ?p ?o }\nLIMIT 10\nVALUES ?s { <http://e/a> }"),
    ("ASK { ?s ?p ?o }", "ASK { ?s ?p ?o }"),
    ('SELECT * WHERE { ?s ?p "} LIMIT 99" } # }', 'SELECT * WHERE { ?s ?p "} LIMIT 99" } # }\nLIMIT 10\n'),
])
def test_cap_limit(query, expected):
    assert cap_limit(query, 10) == expected


def test_cap_limit_is_applied_by_the_engine():
    with OxigraphStore(None) as s:
        s.add_graphs(fixture_graphs())
        q = cap_limit("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1000", 3)
        body = json.loads(s.query_raw(q, "application/sparql-results+json"))
        assert len(body["results"]["bindings"]) == 3
