"""SHACL validation of the knowledge graph against shapes/edukg.ttl.

`validate_dataset` is the library function behind `edukg validate` and the check at the end of `edukg build`.
It validates the union of all named graphs in one SHACL run on one in-memory Graph, because the shapes reach
across documents: a membership read from one document may point to an organisation described in another,
and the organisation types live in the schemes. Each result is then traced back to the named graph(s) that
hold its focus node, so the report can say which source document to look at.

The shape, ontology and scheme files are read through importlib.resources, so a wheel install works.
"""
from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import FOAF, RDF, SH, SKOS
from rdflib.term import Node

from edukg.core.namespaces import DEFAULT_BASE, ONTOLOGY_IRI, PREFIXES

__all__ = ["Result", "ValidationReport", "validate_dataset", "load_ontology_graph", "load_shapes_graph"]

log = logging.getLogger(__name__)

try:
    # pySHACL's API in Rust: the same reports on tests/test_shapes.py, 2.5x faster at 100k triples and
    # 5x at a few thousand (measured). pySHACL, a declared dependency, is the fallback.
    import pyshacl_turbo as shacl_engine
except ImportError:  # pragma: no cover - depends on what is installed
    import pyshacl as shacl_engine

SOURCE_GRAPH_PATH = "graph/source/"
NO_SOURCE = "(no source document)"
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


def ontology_graph_iri(base: str) -> str:
    """The named graph a build keeps the ontology in (validation reads its class hierarchy from there)."""
    return f"{base}graph/ontology"


@dataclass(frozen=True)
class Result:
    """One SHACL validation result, in the terms a user of edukg needs to fix it."""

    severity: str                 # "Violation", "Warning" or "Info"
    focus_node: Node              # the node that does not conform
    label: str | None             # its name as a source document writes it (skos:prefLabel or foaf:name)
    path: Node | None             # the property concerned (a blank node for complex SHACL paths)
    message: str
    sources: tuple[str, ...]      # ids of the source documents whose named graphs hold the focus node
    value: Node | None = None     # the offending value, where there is one


@dataclass
class ValidationReport:
    conforms: bool                # True when there is no violation (warnings do not count)
    results: list[Result]
    graph: Graph                  # the standard SHACL validation report
    triples: int = 0              # distinct triples of the dataset, for the summary line
    seconds: float = 0.0
    sources_checked: int = 0

    def text(self) -> str:
        """A human-readable report: one line per result, grouped by source document, then a summary."""
        groups: dict[str, list[Result]] = defaultdict(list)
        for result in self.results:
            groups[", ".join(result.sources) or NO_SOURCE].append(result)
        lines: list[str] = []
        for key in sorted(groups, key=lambda k: (k == NO_SOURCE, k)):
            lines.append(key)
            lines.extend("  " + _result_line(r) for r in groups[key])
        lines.append(self.summary())
        return "\n".join(lines) + "\n"

    def turtle(self) -> str:
        """The standard SHACL validation report as Turtle."""
        return self.graph.serialize(format="turtle")

    def summary(self) -> str:
        """One line: what was found, in how much data, and the verdict."""
        counts = Counter(r.severity for r in self.results)
        checked = f"{self.triples} triples from {_plural(self.sources_checked, 'source document')}"
        if not self.results:
            return f"No problems found in {checked}; the data conforms to the shapes."
        found = ", ".join(_plural(counts[s], s.lower()) for s in sorted(counts, key=_SEVERITY_ORDER.get))
        verdict = "conforms" if self.conforms else "does not conform"
        return f"{found} in {checked}; the data {verdict} to the shapes."


def validate_dataset(ds: Dataset | Graph, *, ontology_graph: Graph | None = None) -> ValidationReport:
    """Validate every graph of `ds` together, plus the ontology and SKOS schemes, against the shapes.

    `ds` holds one named graph per source document (`<base>graph/source/ID`) and maybe an ontology or
    analytics graph; a plain Graph is accepted too. `ontology_graph` is the ontology with the schemes the
    data refers to (see `load_ontology_graph`); by default they are loaded for the base IRI of the
    dataset's source graphs. Only shapes are checked: no inference is run.
    """
    started = time.perf_counter()
    if ontology_graph is None:
        ontology_graph = load_ontology_graph(_base_of(ds))
    data = _union(ds)
    # the documents' distinct triples, as validate_store counts them (a rule or a label two documents both
    # state is one triple): not the ontology stored beside them
    sources = [g for g in ds.graphs() if SOURCE_GRAPH_PATH in str(g.identifier)] if isinstance(ds, Dataset) else []
    data_triples = sum(len(g) for g in sources) if sources else len(data)
    data.addN((s, p, o, data) for s, p, o in ontology_graph)
    conforms, report_graph, _ = shacl_engine.validate(
        data,
        shacl_graph=_shapes(),
        inference="none",
        allow_warnings=True,    # warnings are reported but do not fail a build
        inplace=True,           # `data` is our own copy; spare pySHACL a second one
        advanced=True,          # for the SPARQL target of the date-order check: one query, not one per node
        meta_shacl=False,
    )
    # SHACL reports one result per value pair; a user fixes the node once, so the same finding is listed once
    results = list(dict.fromkeys(_results(report_graph, ds, data)))
    seconds = time.perf_counter() - started
    log.debug("%s validated %d triples in %.3f s: %d results",
              shacl_engine.__name__, len(data), seconds, len(results))
    for prefix, namespace in PREFIXES.items():
        report_graph.bind(prefix, namespace)
    return ValidationReport(
        conforms=bool(conforms),
        results=results,
        graph=report_graph,
        triples=data_triples,
        seconds=seconds,
        sources_checked=len(_source_graph_names(ds)),
    )


def load_ontology_graph(base: str = DEFAULT_BASE) -> Graph:
    """The edukg ontology and its SKOS schemes, with the scheme and concept IRIs under `base`.

    The ontology's own IRIs never move: `base` is where the data lives, the vocabulary is published once.
    """
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph += _packaged("edukg.ontology", "edukg.ttl")
    graph += _rebased(_packaged("edukg.ontology", "schemes.ttl"), base)
    return graph


def load_shapes_graph() -> Graph:
    """A fresh copy of the SHACL shapes (shapes/edukg.ttl)."""
    graph = Graph()
    graph += _shapes()
    return graph


# --- loading ------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _packaged(package: str, name: str) -> Graph:
    # Cached: parsing is most of the fixed cost of a small validation. Callers copy before changing it.
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def _shapes() -> Graph:
    return _packaged("edukg.shapes", "edukg.ttl")


def _rebased(graph: Graph, base: str) -> Graph:
    if base == DEFAULT_BASE:
        return graph

    def move(term: Node) -> Node:
        if isinstance(term, URIRef) and term.startswith(DEFAULT_BASE) and not term.startswith(ONTOLOGY_IRI):
            return URIRef(base + term[len(DEFAULT_BASE):])
        return term

    moved = Graph()
    moved.addN((move(s), move(p), move(o), moved) for s, p, o in graph)
    return moved


# --- the data graph -----------------------------------------------------------------------------------

def _quads(ds: Dataset | Graph, pattern: tuple = (None, None, None)) -> Iterator[tuple[Node, Node, Node, Node | None]]:
    """Quads of a Dataset (graph name None for the default graph), or triples of a Graph as quads."""
    if isinstance(ds, Dataset):
        for s, p, o, name in ds.quads((*pattern, None)):
            yield s, p, o, (None if name in (None, DATASET_DEFAULT_GRAPH_ID) else name)
    else:
        for s, p, o in ds.triples(pattern):
            yield s, p, o, None


def _union(ds: Dataset | Graph) -> Graph:
    data = Graph()
    data.addN((s, p, o, data) for s, p, o, _ in _quads(ds))
    return data


def _source_graph_names(ds: Dataset | Graph) -> list[str]:
    if not isinstance(ds, Dataset):
        return []
    return [str(g.identifier) for g in ds.graphs() if SOURCE_GRAPH_PATH in str(g.identifier)]


def _base_of(ds: Dataset | Graph) -> str:
    """The base IRI the dataset was built with, read off its source graph names (`<base>graph/source/ID`)."""
    bases = Counter(name[: name.index(SOURCE_GRAPH_PATH)] for name in _source_graph_names(ds))
    return bases.most_common(1)[0][0] if bases else DEFAULT_BASE


def _source_id(graph_name: Node | None) -> str | None:
    if graph_name is None:
        return None
    name = str(graph_name)
    return name.split(SOURCE_GRAPH_PATH, 1)[1] if SOURCE_GRAPH_PATH in name else name


# --- the results --------------------------------------------------------------------------------------

def _results(report: Graph, ds: Dataset | Graph, data: Graph) -> list[Result]:
    results = []
    # Only the report's own results: nested ones (sh:detail, from sh:node and friends) explain a top-level
    # result and would read to a user as separate problems.
    for node in (r for report_node in report.subjects(RDF.type, SH.ValidationReport)
                 for r in report.objects(report_node, SH.result)):
        focus = report.value(node, SH.focusNode)
        graphs = _graphs_holding(ds, focus)
        severity = report.value(node, SH.resultSeverity)
        results.append(Result(
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            focus_node=focus,
            label=_label(ds, data, focus, graphs),
            path=report.value(node, SH.resultPath),
            message=_message(report.objects(node, SH.resultMessage)),
            sources=tuple(sorted({s for s in map(_source_id, graphs) if s})),
            value=report.value(node, SH.value),
        ))
    results.sort(key=result_order)
    return results


def result_order(r: Result) -> tuple:
    """Results by source document, severity, node and property; then message and value, so that engines that
    find them in another order give the same report."""
    return (r.sources, _SEVERITY_ORDER.get(r.severity, 3), str(r.focus_node), str(r.path), r.message, str(r.value))


def _graphs_holding(ds: Dataset | Graph, node: Node) -> list[Node]:
    """Named graphs that describe `node`; failing that, those that refer to it (a dangling link).

    Source graphs come first and, when there are any, alone: an organisation also described in the
    analytics graph is still to be fixed in the documents it was read from.
    """
    for pattern in ((node, None, None), (None, None, node)):
        graphs = {g for _, _, _, g in _quads(ds, pattern) if g is not None}
        sources = {g for g in graphs if SOURCE_GRAPH_PATH in str(g)}
        if graphs:
            return sorted(sources or graphs)
    return []


def _label(ds: Dataset | Graph, data: Graph, node: Node, graphs: list[Node]) -> str | None:
    """The node's name as its own source document writes it, else the first of the names it has."""
    for predicate in (FOAF.name, SKOS.prefLabel):
        own = sorted(o for _, _, o, g in _quads(ds, (node, predicate, None)) if graphs and g == graphs[0])
        names = own or sorted(data.objects(node, predicate))
        if names:
            return str(names[0])
    return None


def _message(messages: Iterable[Node]) -> str:
    messages = list(messages)
    english = [m for m in messages if isinstance(m, Literal) and m.language in (None, "en")]
    chosen = english or messages
    return str(chosen[0]) if chosen else "Does not conform to the shapes."


def _result_line(result: Result) -> str:
    who = f"{result.label} {_node_text(result.focus_node)}" if result.label else _node_text(result.focus_node)
    where = ""
    if result.path is not None:
        where = "  " + (_node_text(result.path) if isinstance(result.path, URIRef) else "(a complex path)")
    value = ""
    if result.value is not None and result.value != result.focus_node:
        value = f"  (value: {_node_text(result.value)})"
    return f"{result.severity}: {who}{where}  {result.message}{value}"


def _node_text(node: Node) -> str:
    if isinstance(node, URIRef):
        for prefix, namespace in PREFIXES.items():
            local = node[len(namespace):]
            if node.startswith(namespace) and local and not set(local) & set("/#"):
                return f"{prefix}:{local}"
        return f"<{node}>"
    if isinstance(node, Literal):
        if node.language:
            return f'"{node}"@{node.language}'
        if node.datatype:
            return f'"{node}"^^{_node_text(node.datatype)}'
        return f'"{node}"'
    return f"_:{node}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
