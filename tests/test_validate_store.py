"""Validating a store part by part (edukg.validate_store) gives the report of one run over all of it: for the
whole store in slices of any size, and for a build that changed one graph."""
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from edukg.core.store import OxigraphStore
from edukg.validate import validate_dataset
from edukg import validate_store as vs
from test_shapes import CASES, SAKKY, Case, load_valid
from rdflib.namespace import ORG


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
    monkeypatch.setattr(vs, "SLICE", 1)  # one source graph per run: every cross-graph link crosses a slice
    _same(vs.validate_store(store), expected)


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
