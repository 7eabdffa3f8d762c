"""Ontology documentation: pyLODE's OntPub profile where it is installed and works, else a plain page of the
classes and properties with their labels and definitions (the same template set as the rest of the site)."""
from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

log = logging.getLogger(__name__)


def ontology_html(render_fallback) -> tuple[str, str]:
    """(html, generator): generator is 'pyLODE' or 'edukg' (the fallback page)."""
    text = resources.files("edukg.ontology").joinpath("edukg.ttl").read_text(encoding="utf-8")
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    if not handlers:
        root.addHandler(logging.NullHandler())  # pyLODE calls basicConfig; with a handler present that does nothing
    try:
        from pylode import OntPub
        return OntPub(ontology=text).make_html(), "pyLODE"
    except Exception as e:  # any failure of pyLODE falls back to the plain page
        log.info("pyLODE failed (%s); writing the plain ontology page", e)
    finally:
        # pyLODE configures the root logger on import; the command line decides what the user sees
        root.setLevel(level)
        root.handlers[:] = handlers
    return render_fallback(ontology_terms(Graph().parse(data=text, format="turtle"))), "edukg"


def ontology_terms(graph: Graph) -> list[dict[str, object]]:
    terms = []
    for kind, cls in (("class", OWL.Class), ("object property", OWL.ObjectProperty),
                      ("datatype property", OWL.DatatypeProperty)):
        for term in sorted(set(graph.subjects(RDF.type, cls)), key=str):
            terms.append({
                "iri": str(term), "kind": kind,
                "labels": {str(l.language or ""): str(l) for l in graph.objects(term, RDFS.label)},
                "definitions": {str(d.language or ""): str(d) for d in
                                [*graph.objects(term, SKOS.definition), *graph.objects(term, RDFS.comment)]},
            })
    return terms


def write_ontology_docs(out: Path, render_fallback) -> str:
    html, generator = ontology_html(render_fallback)
    path = out / "ontology" / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return generator
