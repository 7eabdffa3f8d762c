"""SHACL validation of a store part by part: the whole store in one run while it is small enough, else in slices
of source graphs (each cut into runs of at most `NODES_PER_RUN` nodes), or only what a build changed.

One SHACL run over the union of every graph grows faster than the data (pySHACL's own look-up tables), and a
build that changed one document need not look at the others. Whether a node conforms depends only on

- the triples whose subject it is, in every graph (labels, types and links that several documents give it);
- the types of the nodes it links to (sh:class), the ontology and schemes (sh:node on concepts);
- the links that point at it through a predicate that a shape targets the objects of (sh:targetObjectsOf).

A slice of graphs is validated on exactly that neighbourhood of its nodes, and only the results whose focus
node belongs to the slice are kept: the same results as one run over everything. For a build, the slice is
the changed graphs, with the nodes they held before the change and every node that links to one whose types
changed (a node whose description vanished makes its referrers' sh:class checks fail; a referrer's other
checks read only its own triples, so a change that keeps every node's types leaves the referrers as they were).

A store small enough for one run is read whole, but only the triples whose predicate a shape can read
(`shape_predicates`): the SHACL engine's loading of the data costs more than its checks, and a register holds
many triples that no shape looks at.

Everything is read through the `Store` interface, so an endpoint is validated the same way.
"""
from __future__ import annotations

import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from itertools import chain
from typing import Callable, Iterable

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from edukg.core.store import Store, ntriples, term_text
from edukg.validate import (SOURCE_GRAPH_PATH, Result, ValidationReport, _results, _shapes, load_ontology_graph,
                            ontology_graph_iri, result_order, shacl_engine)
from edukg.core.namespaces import DEFAULT_BASE, PREFIXES

__all__ = ["validate_store", "graph_nodes", "checks_everything", "shape_predicates", "SLICE", "NODES_PER_RUN",
           "WHOLE_STORE_QUADS"]

log = logging.getLogger(__name__)
announce = logging.getLogger("edukg.progress")  # shown by the command line unless -q

SLICE = 100          # source graphs per SHACL run when the whole store is validated
NODES_PER_RUN = 100_000  # at most this many nodes per SHACL run of a slice: bounds the memory of one run
# Up to this many quads (about 2 GB at the peak of the SHACL run), the whole store is read graph by graph and
# validated in one run: the neighbourhoods of its nodes are all of it, and looking them up in blocks of IRIs
# cost three times the reading (register store, 1.1M quads: 17 s of CONSTRUCTs and 4 s listing the nodes,
# against 6 s)
WHOLE_STORE_QUADS = 1_500_000
_VALUES_CHUNK = 400  # IRIs per VALUES block: keeps each query text small
_DUMP_SPLIT_GRAPHS = 100  # fewer graphs are read in one pass: a thread costs more than it saves
# in the text of a SPARQL target or constraint: a prefixed name, a full IRI, and a variable in the predicate
# place of a triple pattern (after a subject or a `;`, before an object), which can read any predicate
_PREFIXED = re.compile(r"(?<![\w<?$])([A-Za-z][\w.-]*)?:([\w.-]+)")
_FULL_IRI = re.compile(r"<([A-Za-z][\w+.-]*:[^<>\s\"{}|^`\\]*)>")
_VARIABLE_PREDICATE = re.compile(r"(?:[?$]\w+|[>;\])]|[\w.-]*:[\w.-]*)\s+[?$]\w+\s+(?:[?$<\"'_\[(]|[\w.-]*:|[\d+-]|true\b|false\b)")
_MAX_CHANGED_SHARE = 0.25  # beyond this share of changed graphs, validating everything in slices is cheaper


def shape_predicates(shapes: Graph) -> tuple[str, ...] | None:
    """The predicates whose triples a SHACL run with `shapes` can read, or None when it can read any.

    Every IRI the shapes name (paths, targets, sh:equals and its kin: a value or a shape IRI among them costs
    nothing), the IRIs their SPARQL texts name, and rdf:type and rdfs:subClassOf, which targets and sh:class
    follow. A closed shape reads every predicate of its nodes, and so does a SPARQL pattern with a variable
    predicate."""
    if (None, SH.closed, Literal(True)) in shapes:
        return None
    prefixes = {str(p): str(ns) for p, ns in shapes.namespaces()}
    for declared in shapes.objects(None, SH.declare):
        prefix, namespace = shapes.value(declared, SH.prefix), shapes.value(declared, SH.namespace)
        if prefix is not None and namespace is not None:
            prefixes[str(prefix)] = str(namespace)
    iris = {str(t) for triple in shapes for t in triple if isinstance(t, URIRef)} | {str(RDF.type), str(RDFS.subClassOf)}
    for text in chain(shapes.objects(None, SH.select), shapes.objects(None, SH.ask), shapes.objects(None, SH.construct)):
        body = str(text).split("{", 1)[-1]  # the projection of a SELECT is a list of variables
        if _VARIABLE_PREDICATE.search(body):
            return None
        iris.update(prefixes[p or ""] + local for p, local in _PREFIXED.findall(body) if (p or "") in prefixes)
        iris.update(_FULL_IRI.findall(body))
    return tuple(sorted(iris))


@lru_cache(maxsize=None)
def _read_predicates() -> tuple[str, ...] | None:
    return shape_predicates(_shapes())


def _target_object_predicates() -> list[URIRef]:
    return sorted({o for o in _shapes().objects(None, SH.targetObjectsOf) if isinstance(o, URIRef)})


def _chunks(items: list, n: int) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(term_text(URIRef(i)) for i in iris)} }}"


def graph_nodes(store: Store, graph_iris: list[str]) -> set[str]:
    """The nodes a slice of graphs is about: the IRIs they describe, and the IRIs they point at through a
    predicate whose objects a shape targets (a source or evidence that may be described nowhere)."""
    targets = " ".join(term_text(p) for p in _target_object_predicates())
    nodes: set[str] = set()
    for part in _chunks(graph_iris, _VALUES_CHUNK):
        _, rows = store.select(f"""SELECT DISTINCT ?n WHERE {{ {_values('g', part)}
  {{ GRAPH ?g {{ ?n ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?q ?n }} VALUES ?q {{ {targets} }} }}
  FILTER(isIRI(?n)) }}""")
        nodes.update(str(r["n"]) for r in rows if r.get("n") is not None)
    return nodes


def _referrers(store: Store, nodes: set[str]) -> set[str]:
    out: set[str] = set()
    for part in _chunks(sorted(nodes), _VALUES_CHUNK):
        _, rows = store.select(f"""SELECT DISTINCT ?x WHERE {{ {_values('n', part)}
  GRAPH ?g {{ ?x ?p ?n }} FILTER(isIRI(?x) && ?p != <{RDF.type}>) }}""")
        out.update(str(r["x"]) for r in rows if r.get("x") is not None)
    return out


def _neighbourhood(store: Store, nodes: set[str]) -> str:
    """The triples that decide whether `nodes` conform (see the module docstring), as N-Triples."""
    targets = ", ".join(term_text(p) for p in _target_object_predicates())
    parts: list[str] = []
    for part in _chunks(sorted(nodes), _VALUES_CHUNK):
        values = _values("s", part)
        parts.append(store.construct_ntriples(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {values} GRAPH ?g {{ ?s ?p ?o }} }}"))
        # the linked nodes first, each once: a body that many documents name is typed in each of their graphs,
        # and joining every link with every one of those types cost 8 times as much
        parts.append(store.construct_ntriples(f"""CONSTRUCT {{ ?o a ?t }} WHERE {{ {{ SELECT DISTINCT ?o WHERE {{
  {values} GRAPH ?h {{ ?s ?p ?o }} FILTER(isIRI(?o) && ?p != <{RDF.type}>) }} }} GRAPH ?g {{ ?o a ?t }} }}"""))
        # links into the slice: those a shape targets, and every link to a node described nowhere (the
        # graphs that refer to it are where the report sends the user)
        parts.append(store.construct_ntriples(f"""CONSTRUCT {{ ?x ?p ?s }} WHERE {{ {values} GRAPH ?g {{ ?x ?p ?s }}
  FILTER(?p IN ({targets}) || NOT EXISTS {{ GRAPH ?h {{ ?s ?q ?r }} }}) }}"""))
    return "".join(parts)


def _run(text: str, ontology: str, focus: set[URIRef] | None = None) -> Graph:
    """The SHACL report on N-Triples `text` with the ontology (N-Triples), for the nodes `focus` only (None: for
    every node of a whole store).

    A neighbourhood types the nodes the slice links to, so the engine would also check those, on a part of
    their description, and report what that part lacks: at 1,500 documents 140,000 report triples to be
    parsed into rdflib (most of the validation's time) for results that are thrown away."""
    text = text + ontology
    data = _native_input(text)
    if data is None:
        data = Graph().parse(data=text, format="nt")
    _, report, _ = shacl_engine.validate(data, shacl_graph=_shapes(), inference="none", allow_warnings=True,
                                         advanced=True, meta_shacl=False,
                                         focus_nodes=None if focus is None else sorted(focus))
    return report


def _native_input(text: str):
    """N-Triples for pyshacl-turbo's own parser (no rdflib graph to build), where that engine is installed."""
    try:
        from pyshacl_turbo.rdf import Input
    except ImportError:
        return None
    return Input(text, "nt", None, {})


def _about(store: Store, focus: set[Node]) -> tuple[Dataset, Graph]:
    """The quads about some nodes (theirs and those pointing at them), for naming them and their sources."""
    ds, data, graphs = Dataset(), Graph(), {}
    for part in _chunks(sorted(str(f) for f in focus), _VALUES_CHUNK):
        values = _values("n", part)
        _, rows = store.select(f"""SELECT ?s ?p ?o ?g WHERE {{ {values}
  {{ GRAPH ?g {{ ?n ?p ?o }} BIND(?n AS ?s) }} UNION {{ GRAPH ?g {{ ?s ?p ?n }} BIND(?n AS ?o) }} }}""")
        for r in rows:
            g = r["g"]
            if g not in graphs:
                graphs[g] = ds.graph(g)
            graphs[g].add((r["s"], r["p"], r["o"]))
            data.add((r["s"], r["p"], r["o"]))
    return ds, data


def _copy_result(report: Graph, node: Node, into: Graph) -> None:
    """A result and the blank nodes under it (nested details, complex paths) into `into`."""
    todo, seen = [node], set()
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        for p, o in report.predicate_objects(n):
            into.add((n, p, o))
            if isinstance(o, BNode):
                todo.append(o)


def checks_everything(changed: int, sources: int) -> bool:
    """Whether a build that changed `changed` of `sources` source graphs is validated whole: when much of the
    store changed, the slices cost less than following the links of the changed graphs."""
    return changed > _MAX_CHANGED_SHARE * max(sources, 1)


def validate_store(store: Store, *, base: str = DEFAULT_BASE, changed: list[str] | None = None,
                   previous_nodes: Iterable[str] = (), retyped: Iterable[str] | None = None,
                   ontology_graph: Graph | None = None,
                   progress: Callable[[int, int], None] | None = None) -> ValidationReport:
    """Validate the store against the shapes, with the report `validate_dataset` gives on all of it.

    `changed`: only these named graphs changed since the store last conformed; the report then covers the
    nodes they hold or held (`previous_nodes`: what they described before the change, see `graph_nodes`) and
    the nodes linking to those whose types changed (`retyped`, as `SourceWriter` collects them; None: to any of
    them). None validates every graph: in one run up to `WHOLE_STORE_QUADS` quads, else in slices of `SLICE`
    source graphs.
    `progress(done, total)` is called after each slice.
    """
    started = time.perf_counter()
    ontology = ontology_graph if ontology_graph is not None else load_ontology_graph(base)
    ontology_text = ntriples(ontology)
    all_graphs = store.graphs()
    sources = [g for g in all_graphs if SOURCE_GRAPH_PATH in g]
    if changed is not None and checks_everything(len(changed), len(sources)):
        changed = None
    if changed is None:
        others = [g for g in all_graphs if SOURCE_GRAPH_PATH not in g and g != ontology_graph_iri(base)]
        slices = list(_chunks(sources, SLICE)) + ([others] if others else [])
    else:
        slices = [changed]
    report_graph = Graph()
    top = BNode()
    results: list[Result] = []

    def keep(report: Graph, wanted: set[URIRef]) -> None:
        ds, data = _about(store, {f for f in report.objects(None, SH.focusNode) if f in wanted})
        results.extend(r for r in _results(report, ds, data) if r.focus_node in wanted)
        for node in report.objects(None, SH.result):
            if report.value(node, SH.focusNode) in wanted:
                _copy_result(report, node, report_graph)
                report_graph.add((top, SH.result, node))

    counts = _quads_per_graph(store) if changed is None else {}
    data_graphs = [g for g in all_graphs if g != ontology_graph_iri(base)]
    if changed is None and sum(counts.get(g, 0) for g in data_graphs) <= WHOLE_STORE_QUADS:
        report = _run(_read(store, data_graphs, ontology_graph_iri(base)), ontology_text)
        keep(report, _data_nodes(store, {f for f in report.objects(None, SH.focusNode) if isinstance(f, URIRef)},
                                 base))
        slices = []
        if progress:
            progress(1, 1)
    done: set[URIRef] = set()  # a node's results come whole from the first slice that holds it
    for n, part in enumerate(slices, 1):
        nodes = graph_nodes(store, part)
        if changed is not None:
            nodes |= set(previous_nodes)
            nodes |= _referrers(store, nodes if retyped is None else set(retyped))
        wanted = {URIRef(x) for x in nodes} - done
        # a slice of a few large graphs (a register) holds most of the store's nodes: its runs are cut by node
        for run in _chunks(sorted(wanted), NODES_PER_RUN):
            keep(_run(_neighbourhood(store, {str(x) for x in run}), ontology_text, set(run)), set(run))
        done |= wanted
        if len(slices) > 1:
            announce.info("validated %d of %d parts of the store", n, len(slices))
        if progress:
            progress(n, len(slices))
    # SHACL reports one result per value pair; a user fixes the node once, so the same finding is listed once
    results = sorted(dict.fromkeys(results), key=result_order)
    conforms = not any(r.severity == "Violation" for r in results)
    report_graph.add((top, RDF.type, SH.ValidationReport))
    report_graph.add((top, SH.conforms, Literal(conforms)))
    for prefix, namespace in PREFIXES.items():
        report_graph.bind(prefix, namespace)
    # the documents' own, as build counts them
    data_triples = _source_triples(store, changed) if changed is not None else sum(counts.get(g, 0) for g in sources)
    seconds = time.perf_counter() - started
    return ValidationReport(conforms=conforms, results=results, graph=report_graph, triples=data_triples,
                            seconds=seconds, sources_checked=len(changed) if changed is not None else len(sources))


def _dump(store: Store, graphs: list[str]) -> str:
    """The graphs' triples as N-Triples, read in two halves at once: the engine's dump releases the GIL, and the
    two halves took 1.4 s of wall time where one pass took 2.2 (1,500 documents)."""
    if len(graphs) < _DUMP_SPLIT_GRAPHS:
        return "".join(store.graph_ntriples(g) for g in graphs)
    half = len(graphs) // 2
    with ThreadPoolExecutor(2) as pool:
        return "".join(pool.map(lambda part: "".join(store.graph_ntriples(g) for g in part), (graphs[:half], graphs[half:])))


def _read(store: Store, graphs: list[str], ontology: str) -> str:
    """The triples of `graphs` (every graph but `ontology`) that a SHACL run can read, as N-Triples.

    A register holds many triples no shape reads (a fifth of the register store: amounts by kind, statuses,
    programme sections), and the engine's loading of its data, not the checks, was most of a run. One
    CONSTRUCT per predicate read that part in 4.9 s of CPU where the dump of every triple took 6.9 s (register
    store); a predicate absent from the store costs a look-up."""
    predicates = _read_predicates()
    if predicates is None:
        return _dump(store, graphs)

    def triples(p: str) -> str:
        p = term_text(URIRef(p))
        return store.construct_ntriples(f"CONSTRUCT {{ ?s {p} ?o }} WHERE {{ GRAPH ?g {{ ?s {p} ?o }} "
                                        f"FILTER(?g != {term_text(URIRef(ontology))}) }}")
    with ThreadPoolExecutor(2) as pool:
        return "".join(pool.map(triples, predicates))


def _quads_per_graph(store: Store) -> dict[str, int]:
    _, rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {str(r["g"]): int(r["n"]) for r in rows if r.get("g") is not None and r.get("n") is not None}


def _data_nodes(store: Store, nodes: set[URIRef], base: str) -> set[URIRef]:
    """Those of `nodes` that `graph_nodes` gives for every graph but the ontology: the nodes a report on the
    whole store is about (the ontology's own classes and concepts are checked only as the data uses them)."""
    targets = " ".join(term_text(p) for p in _target_object_predicates())
    found: set[URIRef] = set()
    for part in _chunks(sorted(nodes), _VALUES_CHUNK):
        _, rows = store.select(f"""SELECT DISTINCT ?n WHERE {{ {_values('n', part)}
  {{ GRAPH ?g {{ ?n ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?q ?n }} VALUES ?q {{ {targets} }} }}
  FILTER(?g != <{ontology_graph_iri(base)}>) }}""")
        found.update(URIRef(str(r["n"])) for r in rows if r.get("n") is not None)
    return found


def _source_triples(store: Store, graphs: list[str] | None) -> int:
    where = "GRAPH ?g { ?s ?p ?o }" if graphs is None else f"{_values('g', graphs)} GRAPH ?g {{ ?s ?p ?o }}"
    # per graph, as the build summary and validate_dataset count them
    _, rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(rows[0]["n"]) if rows and rows[0].get("n") is not None else 0
