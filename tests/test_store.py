"""The store interface on the embedded Oxigraph store: atomic replace, typed bindings, union default graph, errors."""
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

import edukg.core.store.oxigraph as oxigraph_module
from edukg.core.errors import QueryError, StoreError
from edukg.core.store import OxigraphStore, inject_values, open_store, query_form

FIXTURE = Path(__file__).parent / "data" / "query-fixture.trig"
B = "https://w3id.org/edukg/"
DOC_A = B + "graph/source/doc-a-fi"
DOC_B = B + "graph/source/doc-b-sv"
ONTOLOGY = B + "graph/ontology"
SAKKY = URIRef(B + "id/organisation/savon-koulutuskuntayhtyma")
# a plain Namespace: pytest probes module globals, which rdflib's closed XSD namespace warns about
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PREFIXES = "PREFIX org: <http://www.w3.org/ns/org#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "


def fixture_graphs() -> dict[str, Graph]:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return {str(g.identifier): g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)}


@pytest.fixture
def store():
    with OxigraphStore(None) as s:
        s.add_graphs(fixture_graphs())
        yield s


def graph_content(store: OxigraphStore, graph_iri: str) -> set:
    _, rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph_iri)})
    return {(r["s"], r["p"], r["o"]) for r in rows}


def small_graph(label: str) -> Graph:
    g = Graph()
    g.add((URIRef("http://example.org/a"), SKOS.prefLabel, Literal(label, lang="fi")))
    g.add((URIRef("http://example.org/a"), RDF.type, URIRef("http://example.org/Thing")))
    return g


def test_graphs_and_count(store):
    assert store.graphs() == [ONTOLOGY, DOC_A, DOC_B]
    assert store.quads_count() == sum(len(g) for g in fixture_graphs().values())


def test_replace_graph_swaps_the_whole_content(store):
    store.replace_graph(DOC_A, small_graph("uusi"))
    assert graph_content(store, DOC_A) == set(small_graph("uusi"))
    assert len(graph_content(store, DOC_B)) == len(fixture_graphs()[DOC_B])


def test_replace_with_an_empty_graph_removes_it(store):
    store.replace_graph(DOC_A, Graph())
    assert DOC_A not in store.graphs()


def test_replace_graph_failing_inside_the_transaction_keeps_the_old_graph(store, monkeypatch):
    before = graph_content(store, DOC_A)
    real = oxigraph_module._replace_update

    def fails_after_drop_and_insert(graph_iri, graph):
        # CREATE GRAPH on a graph that exists fails when it runs: after the DROP and the INSERT have run
        return real(graph_iri, graph) + f" ;\nCREATE GRAPH <{graph_iri}>"

    monkeypatch.setattr(oxigraph_module, "_replace_update", fails_after_drop_and_insert)
    with pytest.raises(StoreError, match="replace graph"):
        store.replace_graph(DOC_A, small_graph("uusi"))
    assert graph_content(store, DOC_A) == before


def test_replace_graph_with_an_unwritable_term_keeps_the_old_graph(store):
    before = graph_content(store, DOC_A)
    bad = small_graph("uusi")
    bad.add((URIRef("http://example.org/a"), SKOS.note, URIRef("http://example.org/not an iri")))
    with pytest.raises(StoreError, match="not a valid IRI"):
        store.replace_graph(DOC_A, bad)
    assert graph_content(store, DOC_A) == before


def test_literals_with_quotes_braces_and_newlines_survive_a_replace(store):
    tricky = 'a "quoted" } name ; DROP ALL {\n second line \\ backslash\ttab'
    g = Graph()
    g.add((URIRef("http://example.org/a"), SKOS.prefLabel, Literal(tricky, lang="sv")))
    g.add((URIRef("http://example.org/a"), SKOS.note, Literal("12.5", datatype=XSD.decimal)))
    store.replace_graph(DOC_B, g)
    assert graph_content(store, DOC_B) == set(g)
    assert DOC_A in store.graphs()


def test_new_graphs_added_at_once_keep_their_literals_and_blank_nodes_apart():
    # new graphs go through the bulk loader as one N-Quads text: two graphs' blank nodes must stay two nodes
    from rdflib import BNode
    tricky = 'a "quoted" } name ; DROP ALL {\n second line \\ backslash\ttab'
    graphs = {}
    for iri, label in ((DOC_A, tricky), (DOC_B, "Åbo Akademi")):
        g, node = Graph(), BNode()
        g.add((URIRef("http://example.org/a"), SKOS.related, node))
        g.add((node, SKOS.prefLabel, Literal(label, lang="sv")))
        g.add((node, SKOS.note, Literal("12.5", datatype=XSD.decimal)))
        graphs[iri] = g
    with OxigraphStore(None) as s:
        s.add_graphs(graphs)
        _, rows = s.select(PREFIXES + "SELECT ?g ?n ?label WHERE { GRAPH ?g { ?n skos:prefLabel ?label } }")
        assert len({r["n"] for r in rows}) == 2
        assert {(str(r["g"]), r["label"]) for r in rows} == {(DOC_A, Literal(tricky, lang="sv")),
                                                              (DOC_B, Literal("Åbo Akademi", lang="sv"))}
        assert s.quads_count() == 6


def test_a_killed_load_of_several_graphs_is_rolled_back_whole(tmp_path):
    import json
    path = tmp_path / "store"
    with OxigraphStore(path) as s:
        s.add_graphs({DOC_A: small_graph("levyllä"), DOC_B: small_graph("på skivan"), ONTOLOGY: small_graph("x")})
    # what a process killed inside a bulk load of two new graphs leaves behind (a pid that is no process)
    (path / OxigraphStore._MARKER).write_text(json.dumps({"graphs": [DOC_A, DOC_B], "pid": -1, "host": "h"}))
    with pytest.raises(StoreError, match="killed before it finished") as e:
        OxigraphStore(path, read_only=True)
    assert DOC_A in str(e.value) and DOC_B in str(e.value)
    with OxigraphStore(path) as s:  # opening for writing rolls both back, and nothing else
        assert s.graphs() == [ONTOLOGY]
    assert not (path / OxigraphStore._MARKER).exists()


def test_drop_graph(store):
    store.drop_graph(DOC_B)
    store.drop_graph(B + "graph/source/never-there")
    assert store.graphs() == [ONTOLOGY, DOC_A]


def test_select_with_typed_bindings(store):
    query = PREFIXES + "SELECT ?org ?label WHERE { GRAPH ?g { ?org skos:prefLabel ?label } }"
    _, rows = store.select(query, {"org": SAKKY, "g": URIRef(DOC_A)})  # ?g is not projected: VALUES row
    assert rows == [{"org": SAKKY, "label": Literal("Savon koulutuskuntayhtymä", lang="fi")}]
    _, rows = store.select(PREFIXES + "SELECT ?org WHERE { GRAPH ?g { ?org skos:altLabel ?l } }",
                           {"l": Literal("Sakky", lang="fi")})
    assert [r["org"] for r in rows] == [SAKKY]


@pytest.mark.parametrize("variable", ["name", "hidden"])  # projected (substitution) and not (VALUES row)
def test_an_injection_attempt_in_a_binding_is_only_a_value(store, variable):
    before = store.quads_count()
    evil = Literal('x" } } ; DROP ALL ; INSERT DATA { <http://e/a> <http://e/b> "c" } #{')
    query = PREFIXES + "SELECT ?name ?org WHERE { GRAPH ?g { ?org skos:prefLabel ?label } FILTER(STR(?label) = ?%s) }"
    _, rows = store.select(query % variable, {variable: evil})
    assert rows == []
    assert store.quads_count() == before
    with pytest.raises(QueryError):
        store.select(query % variable, {variable: URIRef("http://e/> } ; DROP ALL ; #")})
    assert store.quads_count() == before


def test_inject_values_writes_one_escaped_values_row():
    text = inject_values('PREFIX a: <http://a/> # { not here\nSELECT ?x WHERE { ?x ?p "}" }',
                         {"x": URIRef("http://a/b"), "n": Literal('he said "}"\n', lang="fi")})
    assert text.endswith('WHERE {\n  VALUES (?x ?n) { (<http://a/b> "he said \\"}\\"\\n"@fi) }\n ?x ?p "}" }')
    construct = inject_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": URIRef("http://a/b")})
    assert construct.startswith("CONSTRUCT { ?s ?p ?o } WHERE {\n  VALUES (?s)")


def test_query_form_skips_prologue_and_comments():
    assert query_form("PREFIX select: <http://x#> # ASK\nconstruct { } where { }") == "CONSTRUCT"
    with pytest.raises(QueryError):
        query_form("INSERT DATA { }")


def test_union_default_graph(store):
    query = PREFIXES + "SELECT DISTINCT ?org WHERE { ?org a org:Organization }"
    assert store.select(query)[1] == []
    _, rows = store.select(query, union_default=True)
    assert len(rows) == 6
    assert store.ask(PREFIXES + "ASK { ?o skos:altLabel ?l }", union_default=True)
    assert not store.ask(PREFIXES + "ASK { ?o skos:altLabel ?l }")


def test_construct_and_ask_with_bindings(store):
    g = store.construct(PREFIXES + "CONSTRUCT { ?o skos:prefLabel ?l } WHERE { GRAPH ?g { ?o skos:prefLabel ?l } }",
                        {"o": SAKKY})
    assert set(g) == {(SAKKY, SKOS.prefLabel, Literal("Savon koulutuskuntayhtymä", lang="fi"))}
    assert store.ask(PREFIXES + "ASK { GRAPH ?g { ?o skos:altLabel ?l } }", {"o": SAKKY})
    with pytest.raises(QueryError, match="SELECT"):
        store.select("ASK {}")


INTEGER_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger, XSD.positiveInteger}


def by_value(graph: Graph) -> set:
    """Triples with literals compared by value: Oxigraph stores canonical lexical forms, and every
    xsd:integer-derived datatype (xsd:nonNegativeInteger of oa:start) as xsd:integer."""
    def term(t):
        if isinstance(t, Literal) and t.datatype is not None:
            datatype = XSD.integer if t.datatype in INTEGER_TYPES else t.datatype
            return ("literal", str(datatype), t.toPython())
        return t
    return {(s, p, term(o)) for s, p, o in graph}


def test_dataset_holds_every_named_graph(store):
    ds = store.dataset()
    expected = fixture_graphs()
    assert {str(g.identifier) for g in ds.graphs() if len(g)} == set(expected)
    for iri, graph in expected.items():
        assert by_value(ds.graph(URIRef(iri))) == by_value(graph), iri


def test_change_graph_changes_only_what_it_names(store):
    before = graph_content(store, DOC_A)
    s, p, o = sorted(before)[0]
    remove, add = Graph(), Graph()
    remove.add((s, p, o))
    add.add((s, SKOS.note, Literal("lisätty", lang="fi")))
    store.change_graph(DOC_A, remove, add)
    assert graph_content(store, DOC_A) == (before - {(s, p, o)}) | {(s, SKOS.note, Literal("lisätty", lang="fi"))}
    assert len(graph_content(store, DOC_B)) == len(fixture_graphs()[DOC_B])
    store.change_graph(DOC_A, Graph(), Graph())  # nothing to change is not an error


def test_graph_ntriples_is_one_graph_whole(store):
    from edukg.core.store import Store
    for iri in fixture_graphs():
        dumped = store.graph_ntriples(iri)  # the engine's dump, against the generic CONSTRUCT
        assert sorted(dumped.splitlines()) == sorted(Store.graph_ntriples(store, iri).splitlines())
        assert len(Graph().parse(data=dumped, format="nt")) == len(graph_content(store, iri))
    assert store.graph_ntriples(B + "graph/source/nowhere") == ""
    with pytest.raises(QueryError):
        store.graph_ntriples("not an iri")


def test_syntax_error_is_a_query_error(store):
    with pytest.raises(QueryError, match="syntax"):
        store.select("SELEC ?x WHERE { }")


def test_store_on_disk_persists_and_releases_its_lock(tmp_path):
    path = tmp_path / "store"
    with open_store(path) as s:
        s.add_graphs({DOC_A: small_graph("levyllä")})
    with open_store(path, create=False) as s:
        assert s.graphs() == [DOC_A]


def test_a_locked_store_is_a_store_error(tmp_path):
    first = OxigraphStore(tmp_path / "store")
    try:
        with pytest.raises(StoreError, match=r"in use by another process") as e:
            OxigraphStore(tmp_path / "store")
        assert str(tmp_path / "store") in str(e.value) and "\n" not in str(e.value)
    finally:
        first.close()


def test_bad_paths_are_store_errors(tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot create the folder") as e:
        open_store(a_file / "store")
    assert str(a_file / "store") in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing", create=False)


def test_a_closed_store_says_so():
    s = OxigraphStore(None)
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.graphs()


def test_an_unreachable_endpoint_is_a_store_error():
    with pytest.raises(StoreError, match=r"endpoint http://127\.0\.0\.1:9/query: cannot reach it") as e:
        open_store(endpoint="http://127.0.0.1:9/query")
    assert "\n" not in str(e.value)
