"""The vocabularies edukg writes, as checked namespaces.

`EDUKG` is a `DefinedNamespace` with `_fail = True`: a misspelt term is an AttributeError at import time
instead of a silent wrong triple. `tests/test_ontology.py` checks that every term listed here is declared
in `ontology/edukg.ttl`, so code and ontology cannot drift apart.

The ontology namespace is fixed (a published vocabulary); `--base` moves only the data IRIs.
"""
from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, OWL, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/edukg/ontology"
DEFAULT_BASE = "https://w3id.org/edukg/"

SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")


class EDUKG(DefinedNamespace):
    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    Coalition: URIRef
    Award: URIRef
    AwardConferral: URIRef
    evidence: URIRef
    title: URIRef
    sha256: URIRef
    programme: URIRef
    managedBy: URIRef
    award: URIRef
    awardedBy: URIRef
    # the provenance of an extracted fact
    ExtractionRule: URIRef
    confidence: URIRef
    # written back by graph analytics
    NetworkAnalysis: URIRef
    Measurement: URIRef
    network: URIRef
    measuredNode: URIRef
    degree: URIRef
    weightedDegree: URIRef
    betweenness: URIRef
    eigenvector: URIRef
    pagerank: URIRef
    constraint: URIRef
    effectiveSize: URIRef
    coreNumber: URIRef
    community: URIRef
    connectsCommunity: URIRef
    # structured registers (edukg import-register)
    RegisterRow: URIRef
    registerRow: URIRef
    line: URIRef
    status: URIRef
    programmeSection: URIRef
    priorityAxis: URIRef
    realisedAmount: URIRef
    plannedPublicFunding: URIRef
    realisedPublicFunding: URIRef
    totalCost: URIRef
    fundingScope: URIRef


PREFIXES = {
    "edukg": str(EDUKG._NS),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "oa": str(OA),
    "xsd": str(XSD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
}

ORGANISATION_TYPES = (
    "ministry", "agency", "municipality", "region", "school", "vocational_institution", "university",
    "research_institute", "ngo", "company", "network", "other",
)
ROLES = ("coordinator", "partner", "funder", "member", "organiser", "recipient", "staff")

__all__ = ["EDUKG", "SCHEMA", "OA", "DCTERMS", "FOAF", "ORG", "PROV", "RDF", "RDFS", "OWL", "SKOS", "XSD",
           "PREFIXES", "ORGANISATION_TYPES", "ROLES", "ONTOLOGY_IRI", "DEFAULT_BASE"]
