"""Things a user notices at once: JSON output ends its last line, a query with an undeclared prefix is
answered by naming the prefix, a warning is printed once, and the build summary counts the documents' triples,
not the ontology stored beside them."""
from __future__ import annotations

import json

import pytest

import edukg.ingest.extract.registry as registry
import edukg.ingest.pipeline as pipeline
from edukg.build import build
from edukg.cli import main
from edukg.core.errors import QueryError
from edukg.query import run_query
from edukg.core.store import OxigraphStore

TEXT = "Opetushallitus tiedottaa\n\nOpetushallitus rahoittaa Tampereen yliopiston hanketta.\n"


def test_json_output_ends_with_a_newline(sample_store_copy, capsys):
    assert main(["query", "organisations", "--format", "json", "--store", str(sample_store_copy)]) == 0
    out = capsys.readouterr().out
    assert out.endswith("}\n")
    assert json.loads(out)["results"]["bindings"]


@pytest.mark.parametrize("query, prefix", [
    ("SELECT ?x WHERE { ?x a foo:Bar }", "foo"),
    ("PREFIX org: <http://www.w3.org/ns/org#>\nSELECT ?x WHERE { ?x a org:Organization ; skos:prefLabel ?l }", "skos"),
])
def test_an_undeclared_prefix_is_named(tmp_path, query, prefix):
    rq = tmp_path / "mine.rq"
    rq.write_text(query, encoding="utf-8")
    with OxigraphStore(None) as store:
        with pytest.raises(QueryError, match=f"prefix '{prefix}:' without declaring it"):
            run_query(str(rq), {}, store)


def test_a_true_syntax_error_is_still_called_one(tmp_path):
    rq = tmp_path / "mine.rq"
    rq.write_text('SELECT ?x WHERE { ?x <http://x/p> "a:b" } LIMIT', encoding="utf-8")
    with OxigraphStore(None) as store:
        with pytest.raises(QueryError, match="query syntax error"):
            run_query(str(rq), {}, store)


def test_the_build_summary_counts_only_the_documents_triples(tmp_path):
    doc = tmp_path / "news.txt"
    doc.write_text(TEXT, encoding="utf-8")
    with OxigraphStore(None) as store:
        report = build([doc], store, validate=True)
        in_source = len(store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/edukg/graph/source/news> { ?s ?p ?o } }"))
        everything = store.quads_count()
    assert report.triples == in_source
    assert everything > in_source  # the ontology graph is in the store, and not counted
    assert report.validation.triples == in_source


def test_a_failed_build_counts_no_triples(tmp_path, capsys):
    doc = tmp_path / "empty.txt"
    doc.write_bytes(b"")
    code = main(["build", str(doc), "--store", str(tmp_path / "store"), "--no-validate"])
    out = capsys.readouterr().out
    assert code == 2
    assert "0 triples in 0 source graphs" in out
    assert "Built 0 documents" in out and "0 organisations" in out


def test_the_same_warning_is_printed_once(tmp_path, capsys, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("one cause")

    # two steps named "people" fail on one cause: the user hears about it once
    monkeypatch.setattr(pipeline.PersonFinder, "find", fail)
    monkeypatch.setattr(registry, "build_people", fail)
    doc = tmp_path / "news.txt"
    doc.write_text(TEXT, encoding="utf-8")
    code = main(["build", str(doc), "--store", str(tmp_path / "store"), "--no-validate"])
    err = capsys.readouterr().err
    assert code == 0
    lines = err.strip().splitlines()
    assert lines == [f"edukg: warning: {doc}: people extraction failed (RuntimeError: one cause)"], err


def test_counts_of_one_are_singular(tmp_path, capsys):
    doc = tmp_path / "news.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert main(["build", str(doc), "--store", str(tmp_path / "store"), "--no-validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Built 1 document into {tmp_path / 'store'}")
    assert "in 1 source graph\n" in out
    assert "0 people, 1 project, 0 coalitions" in out


def test_a_validation_finding_is_listed_once():
    from rdflib import Dataset, Literal, Namespace, URIRef
    from rdflib.namespace import RDF, SKOS

    from edukg.validate import load_ontology_graph, validate_dataset

    org = Namespace("http://www.w3.org/ns/org#")
    node = URIRef("https://w3id.org/edukg/id/organisation/x")
    ds = Dataset()
    # two sources disagree on the name in two languages: SHACL reports each language, the user needs one line
    for i, name in enumerate(["A", "B"]):
        g = ds.graph(URIRef(f"https://w3id.org/edukg/graph/source/doc{i}"))
        g.add((node, RDF.type, org.Organization))
        g.add((node, SKOS.prefLabel, Literal(f"Koulu {name}", lang="fi")))
        g.add((node, SKOS.prefLabel, Literal(f"Skola {name}", lang="sv")))
        g.add((node, org.classification, URIRef("https://w3id.org/edukg/id/organisation-type/school")))
    report = validate_dataset(ds, ontology_graph=load_ontology_graph())
    lines = report.text().splitlines()
    assert any("different preferred labels" in line for line in lines), report.text()
    assert len(lines) == len(set(lines)), report.text()
    assert len(report.results) == len(set(report.results))
