"""Validating a store part by part (edukg.validate_store) gives the report of one run over all of it: for the
whole store in slices of any size, and for a build that changed one graph."""
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from edukg.core.store import OxigraphStore
from edukg.validate import validate_dataset
from edukg import validate_store as vs
from test_shapes import CASES, SAKKY, Case, load_valid
from rdflib.namespace import ORG, RDF, SKOS


def _store(ds: Dataset) -> OxigraphStore:
    store = OxigraphStore(None)
    store.add_graphs({str(g.identifier): g for g in ds.graphs() if len(g)})
    return store


def _same(a, b) -> None:
    assert a.text() == b.text()
    assert a.conforms == b.conforms
    assert a.triples == b.triples
    assert len(list(a.graph.triples((None, None, None)))) and len(set(a.graph.objects(None, URIRef(
        "http://www.w3.org/ns/shacl#result")))) == len(set(b.graph.objects(None, URIRef("http://www.w3.org/ns/shacl#result"))))


@pytest.mark.parametrize("broken", CASES)
def test_slices_report_what_one_run_reports(broken: Case, monkeypatch):
    ds = load_valid()
    for edit in broken.edits:
        edit(ds)
    store = _store(ds)
    expected = validate_dataset(store.dataset())  # what `edukg validate` reported on the whole store
    assert expected.results  # every case breaks something
    _same(vs.validate_store(store), expected)  # small enough for one run over the whole store
    monkeypatch.setattr(vs, "_read_predicates", lambda: None)  # shapes that may read any triple: every graph dumped
    _same(vs.validate_store(store), expected)
    monkeypatch.setattr(vs, "_DUMP_SPLIT_GRAPHS", 1)  # its graphs read in two halves at once
    _same(vs.validate_store(store), expected)
    monkeypatch.setattr(vs, "WHOLE_STORE_QUADS", 0)
    monkeypatch.setattr(vs, "SLICE", 1)  # one source graph per run: every cross-graph link crosses a slice
    monkeypatch.setattr(vs, "NODES_PER_RUN", 3)  # and every slice cut into runs of a few nodes
    _same(vs.validate_store(store), expected)


@pytest.mark.parametrize("whole", [True, False])
def test_a_violation_in_a_big_store_is_found(whole: bool, monkeypatch):
    """A register-like graph of thousands of organisations, one of them without a name: found whether the store
    is read in one run or cut into runs of nodes, and reported as one run over the dataset reports it."""
    ds = load_valid()
    register = ds.graph(URIRef("https://w3id.org/edukg/graph/source/register-x"))
    described = {(p, o) for _, p, o, _ in ds.quads((SAKKY, None, None, None)) if p != SKOS.prefLabel}
    assert (RDF.type, ORG.Organization) in described
    bodies = [URIRef(f"{SAKKY}-{i:05d}") for i in range(3000)]
    for i, body in enumerate(bodies):
        for p, o in described:
            register.add((body, p, o))
        if i != 2718:
            register.add((body, SKOS.prefLabel, Literal(f"Kuntayhtymä {i}", lang="fi")))
    store = _store(ds)
    expected = validate_dataset(store.dataset())
    assert [(r.focus_node, r.path) for r in expected.results if r.severity == "Violation"] == \
        [(bodies[2718], SKOS.prefLabel)]
    if not whole:
        monkeypatch.setattr(vs, "WHOLE_STORE_QUADS", 0)
        monkeypatch.setattr(vs, "NODES_PER_RUN", 1000)
    runs: list[int] = []
    real = vs._run
    monkeypatch.setattr(vs, "_run", lambda text, ontology, focus=None: runs.append(1) or real(text, ontology, focus))
    _same(vs.validate_store(store), expected)
    assert len(runs) == (1 if whole else 4)  # 3,000 bodies and the fixture's nodes, 1,000 a run


def test_a_changed_graph_reports_what_it_broke_elsewhere():
    ds = load_valid()
    store = _store(ds)
    assert vs.validate_store(store).conforms
    # the graph that describes the organisation drops it; memberships in other graphs still point at it
    graph = sorted({g for _, _, _, g in ds.quads((SAKKY, ORG.classification, None, None))})[0]
    before = vs.graph_nodes(store, [str(graph)])
    changed = Graph()
    changed += ds.graph(graph)
    changed.remove((SAKKY, None, None))
    store.replace_graph(str(graph), changed)
    ds.remove((SAKKY, None, None, graph))
    incremental = vs.validate_store(store, changed=[str(graph)], previous_nodes=before)
    full = validate_dataset(store.dataset())
    assert not full.conforms
    assert [(r.focus_node, r.path, r.message) for r in incremental.results] == \
        [(r.focus_node, r.path, r.message) for r in full.results]


def _write_through(store, graph: URIRef, new: Graph):
    """Replace one graph as a build does, collecting what validation needs to know about the change."""
    from edukg.write import SourceWriter
    writer = SourceWriter(store, track_previous=True)
    writer.checksums[str(graph)] = "before"  # the graph was built before
    writer.write(str(graph), str(graph).rsplit("/", 1)[-1], "file:///x", [], lambda: new)
    return writer


def test_a_writer_tells_validation_which_nodes_lost_their_description():
    ds = load_valid()
    store = _store(ds)
    graph = sorted({g for _, _, _, g in ds.quads((SAKKY, ORG.classification, None, None))})[0]
    changed = Graph()
    changed += ds.graph(graph)
    changed.remove((SAKKY, None, None))
    writer = _write_through(store, graph, changed)
    assert writer.retyped == {str(SAKKY)}
    incremental = vs.validate_store(store, changed=[str(graph)], previous_nodes=writer.previous,
                                    retyped=writer.retyped)
    full = validate_dataset(store.dataset())
    assert not full.conforms
    assert [(r.focus_node, r.path, r.message) for r in incremental.results] == \
        [(r.focus_node, r.path, r.message) for r in full.results]


def test_a_change_that_keeps_every_type_checks_no_referrer(monkeypatch):
    ds = load_valid()
    store = _store(ds)
    graph = sorted({g for _, _, _, g in ds.quads((SAKKY, ORG.classification, None, None))})[0]
    changed = Graph()
    changed += ds.graph(graph)
    changed.add((SAKKY, URIRef("http://www.w3.org/2004/02/skos/core#hiddenLabel"), Literal("Sakyn", lang="fi")))
    writer = _write_through(store, graph, changed)
    assert writer.retyped == set()
    asked: list[set] = []
    real = vs._referrers
    monkeypatch.setattr(vs, "_MAX_CHANGED_SHARE", 1.0)  # the fixture's few graphs: one is a large share
    monkeypatch.setattr(vs, "_referrers", lambda s, nodes: asked.append(set(nodes)) or real(s, nodes))
    report = vs.validate_store(store, changed=[str(graph)], previous_nodes=writer.previous, retyped=writer.retyped)
    assert asked == [set()] and report.conforms


def test_a_whole_store_run_reads_only_what_a_shape_can_read(monkeypatch):
    """Triples whose predicate no shape names stay in the store: the engine's loading of them was most of a run
    on a register. The report is still the one run over everything gives."""
    ds = load_valid()
    unread = URIRef("https://example.org/vocab/unreadNote")
    graph = sorted({g for _, _, _, g in ds.quads((SAKKY, ORG.classification, None, None))})[0]
    ds.graph(graph).add((SAKKY, unread, Literal("a note no shape checks")))
    ds.graph(graph).remove((SAKKY, SKOS.prefLabel, None))  # and a violation, found as before
    store = _store(ds)
    texts: list[str] = []
    real = vs._run
    monkeypatch.setattr(vs, "_run", lambda text, ontology, focus=None: texts.append(text) or real(text, ontology, focus))
    report = vs.validate_store(store)
    _same(report, validate_dataset(store.dataset()))
    assert not report.conforms
    assert len(texts) == 1 and str(unread) not in texts[0] and str(SKOS.prefLabel) in texts[0]


SHAPES_HEAD = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/vocab/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def _shapes(text: str) -> Graph:
    return Graph().parse(data=SHAPES_HEAD + text, format="turtle")


def test_the_predicates_a_shape_reads_include_those_of_its_sparql():
    predicates = vs.shape_predicates(_shapes("""
ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:name ; sh:minCount 1 ] ;
  sh:target [ a sh:SPARQLTarget ; sh:select "SELECT ?this WHERE { ?this ex:startsAt ?d ; <https://example.org/other/endsAt> ?e }" ] .
"""))
    assert predicates is not None
    for name in ("https://example.org/vocab/name", "https://example.org/vocab/startsAt",
                 "https://example.org/other/endsAt", str(RDF.type), "http://www.w3.org/2000/01/rdf-schema#subClassOf"):
        assert name in predicates
    assert "https://example.org/vocab/unreadNote" not in predicates
    assert vs.shape_predicates(vs._shapes()) is not None  # the shipped shapes: the store is read by predicate


@pytest.mark.parametrize("shapes", [
    'ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:closed true ; sh:property [ sh:path ex:name ] .',
    'ex:S a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select "SELECT ?this WHERE { ?this ?p ?o }" ] .',
    'ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:sparql [ sh:select "SELECT $this WHERE { $this ex:a ?x ; ?q 3 }" ] .',
])
def test_a_shape_that_can_read_any_predicate_reads_every_triple(shapes: str):
    assert vs.shape_predicates(_shapes(shapes)) is None
