"""The published vocabulary: the OWL ontology and the SKOS schemes agree with edukg.core.namespaces."""
from importlib import resources

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from edukg.core.namespaces import DEFAULT_BASE, EDUKG, ONTOLOGY_IRI, ORGANISATION_TYPES, ROLES
from edukg.validate import load_ontology_graph

LANGUAGES = {"en", "fi", "sv"}
ONTOLOGY = URIRef(ONTOLOGY_IRI)
TERMS = sorted(EDUKG.__annotations__)
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
SCHEMES = [("organisation-type", ORGANISATION_TYPES), ("role", ROLES)]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    text = resources.files("edukg.ontology").joinpath("edukg.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


@pytest.fixture(scope="module")
def schemes() -> Graph:
    return load_ontology_graph()


def languages(graph: Graph, subject, predicate) -> set[str]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal) and str(o).strip()}


def test_ontology_header(ontology):
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY, OWL.versionIRI) == URIRef(ONTOLOGY_IRI + "/0.1.0")
    assert ontology.value(ONTOLOGY, OWL.versionInfo) is not None
    for predicate in (DCTERMS.title, DCTERMS.description):
        assert languages(ontology, ONTOLOGY, predicate) >= LANGUAGES
    for predicate in (DCTERMS.creator, DCTERMS.license, DCTERMS.created):
        assert ontology.value(ONTOLOGY, predicate) is not None, predicate
    vann = "http://purl.org/vocab/vann/"
    assert str(ontology.value(ONTOLOGY, URIRef(vann + "preferredNamespacePrefix"))) == "edukg"
    assert str(ontology.value(ONTOLOGY, URIRef(vann + "preferredNamespaceUri"))) == str(EDUKG._NS)


@pytest.mark.parametrize("name", TERMS)
def test_every_namespace_term_is_declared_with_labels_in_three_languages(ontology, name):
    term = EDUKG[name]
    assert set(ontology.objects(term, RDF.type)) & DECLARATIONS, f"{name} is not declared"
    assert (term, RDFS.isDefinedBy, ONTOLOGY) in ontology
    assert languages(ontology, term, RDFS.label) == LANGUAGES
    assert languages(ontology, term, SKOS.definition) == LANGUAGES


def test_the_ontology_declares_no_term_that_the_code_does_not_know(ontology):
    declared = {str(s)[len(str(EDUKG._NS)):] for s in ontology.subjects()
                if isinstance(s, URIRef) and str(s).startswith(str(EDUKG._NS))}
    assert declared == set(TERMS)


@pytest.mark.parametrize("term, superclass", [
    (EDUKG.Coalition, URIRef("http://www.w3.org/ns/org#OrganizationalCollaboration")),
])
def test_class_alignment(ontology, term, superclass):
    assert (term, RDFS.subClassOf, superclass) in ontology


@pytest.mark.parametrize("prop, domain, range_", [
    (EDUKG.evidence, None, URIRef("http://www.w3.org/ns/oa#SpecificResource")),
    (EDUKG.programme, URIRef("https://schema.org/MonetaryGrant"), URIRef("https://schema.org/FundingScheme")),
    (EDUKG.award, EDUKG.AwardConferral, EDUKG.Award),
    (EDUKG.title, URIRef("http://www.w3.org/ns/org#Membership"), RDF.langString),
])
def test_property_domain_and_range(ontology, prop, domain, range_):
    assert ontology.value(prop, RDFS.domain) == domain
    assert ontology.value(prop, RDFS.range) == range_


@pytest.mark.parametrize("scheme_code, codes", SCHEMES)
def test_every_code_is_a_concept_of_its_scheme(schemes, scheme_code, codes):
    scheme = URIRef(f"{DEFAULT_BASE}id/scheme/{scheme_code}")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in schemes
    assert str(schemes.value(scheme, DCTERMS.identifier)) == scheme_code
    assert languages(schemes, scheme, SKOS.prefLabel) == LANGUAGES
    in_scheme = set(schemes.subjects(SKOS.inScheme, scheme))
    assert {str(schemes.value(c, SKOS.notation)) for c in in_scheme} == set(codes)
    for code in codes:
        concept = URIRef(f"{DEFAULT_BASE}id/{scheme_code}/{code}")
        assert (concept, RDF.type, SKOS.Concept) in schemes
        assert schemes.value(concept, SKOS.notation) == Literal(code)
        assert (concept, SKOS.topConceptOf, scheme) in schemes
        assert (scheme, SKOS.hasTopConcept, concept) in schemes
        assert languages(schemes, concept, SKOS.definition) == LANGUAGES
        pref = list(schemes.objects(concept, SKOS.prefLabel))
        assert sorted(label.language for label in pref) == sorted(LANGUAGES), f"{code}: one prefLabel per language"


def test_another_base_moves_the_schemes_but_not_the_vocabulary():
    base = "http://example.org/kg/"
    graph = load_ontology_graph(base)
    assert (URIRef(base + "id/organisation-type/school"), RDF.type, SKOS.Concept) in graph
    assert (URIRef(base + "id/role/staff"), SKOS.inScheme, URIRef(base + "id/scheme/role")) in graph
    assert not any(str(term).startswith(DEFAULT_BASE + "id/") for triple in graph for term in triple)
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in graph
    assert (EDUKG.Coalition, RDF.type, OWL.Class) in graph
