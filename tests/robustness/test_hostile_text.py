"""Text edukg does not control: random Unicode (hypothesis) through the whole extraction never crashes a step and
always maps to RDF that conforms to the shapes; random bytes are read or refused with an InputError; a query
parameter is bound as a value, so text shaped like SPARQL is just a name that matches nothing."""
from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, URIRef

from edukg.core.errors import InputError
from edukg.ingest.model import Document
from edukg.ingest.pipeline import extract
from edukg.ingest.read import read_document
from edukg.ingest.to_rdf import to_rdf
from edukg.query import run_query
from edukg.core.store import OxigraphStore
from edukg.validate import load_ontology_graph, validate_dataset

ONTOLOGY = load_ontology_graph()
# Words the rules react to, so random text reaches the relation steps and not only the tokeniser.
CUES = ["Opetushallitus", "rahoittaa", "hanketta", "koulutuskuntayhtymä", "yliopisto", "Rahoittaja:", "Toteuttajat",
        "Utbildningsstyrelsen", "finansierar", "projektet", "Ministry of Education", "funds", "University of",
        "palkinto", "seminaari", "2021–2023", "1.1.2022", "500 000 euroa", "EUR", "•", "–", "(", ")", "\n", "\n\n",
        "ry", "Oy", "Ab", "-hanke", ":n", "OKM", "koalitio", "verkosto", "jäsenet", "projektipäällikkö"]
pieces = st.one_of(st.sampled_from(CUES), st.text(min_size=1, max_size=12),
                   st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=6))
texts = st.lists(pieces, min_size=1, max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_random_text_extracts_and_conforms(text):
    doc = Document(id="fuzz", path="/tmp/fuzz.txt", text=text, format="text/plain", sha256="0" * 64)
    ex = extract(doc)
    assert ex.warnings == []  # no step failed on it
    ds = Dataset()
    g = ds.graph(URIRef("https://w3id.org/edukg/graph/source/fuzz"))
    for triple in to_rdf(ex):
        g.add(triple)
    report = validate_dataset(ds, ontology_graph=ONTOLOGY)
    assert report.conforms, report.text()


@settings(max_examples=80, deadline=None)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_bytes_are_read_or_refused_in_one_line(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"random{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except InputError as e:
        assert str(path) in str(e) and "\n" not in str(e)
    else:
        assert doc.text.strip()


@pytest.mark.parametrize("value", ['"} ; DROP ALL ; #', "x> } DELETE WHERE { ?s ?p ?o } #", "\\u0022 ) }"])
def test_a_parameter_shaped_like_sparql_is_only_a_name(sample_store_copy, value):
    with OxigraphStore(sample_store_copy) as store:
        before = store.quads_count()
        result = run_query("collaborators", {"org": value}, store)
        assert result.rows == []
        assert store.quads_count() == before
