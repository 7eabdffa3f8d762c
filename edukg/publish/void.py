"""The dataset's description in VoID and DCAT, with PROV about the build that published it.

Written to `void.ttl` and `.well-known/void` (RFC 8615, VoID §7.2). One graph describes the dataset
(`<base>void#dataset`): size, class partitions, licence, dumps as DCAT distributions, the SPARQL endpoint,
URI space, vocabularies, and the publication run as a prov:Activity that used the source documents.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, RDFS, VOID, XSD

from edukg import __version__
from edukg.core.namespaces import PREFIXES
from edukg.publish.dumps import Dump

VANN = Namespace("http://purl.org/vocab/vann/")


@dataclass
class Description:
    base: str
    title: str
    licence: str
    sparql_endpoint: str
    triples: int
    entities: int
    classes: dict[str, int]  # class IRI → distinct instances
    graphs: list[str]
    sources: list[str]
    dumps: list[Dump]
    dump_sizes: dict[str, int]
    example_resources: list[str]
    started: datetime
    ended: datetime


def void_graph(d: Description) -> Graph:
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("prov", PROV), ("foaf", FOAF)):
        g.bind(prefix, ns)
    ds = URIRef(f"{d.base}void#dataset")
    site = URIRef(d.base)
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal(d.title, lang="en")))
    g.add((ds, DCTERMS.description, Literal(
        "Education actors (organisations, people, projects, coalitions, events, awards) and their relations, "
        "extracted from Finnish, Swedish and English texts, with the sentence each fact came from.", lang="en")))
    g.add((ds, DCTERMS.license, URIRef(d.licence)))
    g.add((ds, DCTERMS.modified, Literal(d.ended.isoformat(), datatype=XSD.dateTime)))
    g.add((ds, FOAF.homepage, site))
    g.add((ds, DCAT.landingPage, site))
    g.add((ds, VOID.uriSpace, Literal(f"{d.base}id/")))
    g.add((ds, VOID.sparqlEndpoint, URIRef(d.sparql_endpoint)))
    g.add((ds, VOID.triples, Literal(d.triples, datatype=XSD.integer)))
    g.add((ds, VOID.entities, Literal(d.entities, datatype=XSD.integer)))
    g.add((ds, VOID.classes, Literal(len(d.classes), datatype=XSD.integer)))
    for ns in sorted(set(PREFIXES.values())):
        g.add((ds, VOID.vocabulary, URIRef(ns)))
    for example in d.example_resources:
        g.add((ds, VOID.exampleResource, URIRef(example)))
    for cls, n in sorted(d.classes.items()):
        part = BNode()
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
    for dump in d.dumps:
        url = URIRef(d.base + dump.path)
        g.add((ds, VOID.dataDump, url))
        dist = URIRef(f"{d.base}void#{Path(dump.path).name}")
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{dump.media_type}")))
        if dump.compressed:
            g.add((dist, DCAT.compressFormat, URIRef("https://www.iana.org/assignments/media-types/application/gzip")))
        if dump.path in d.dump_sizes:
            g.add((dist, DCAT.byteSize, Literal(d.dump_sizes[dump.path], datatype=XSD.nonNegativeInteger)))
        g.add((dist, DCTERMS.license, URIRef(d.licence)))
    service = URIRef(f"{d.base}void#sparql")
    g.add((ds, DCAT.distribution, service))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCAT.endpointURL, URIRef(d.sparql_endpoint)))
    g.add((service, DCAT.servesDataset, ds))
    # PROV: the publication run, what it used, and the software that ran it
    run = URIRef(f"{d.base}void#publication")
    agent = URIRef(f"{d.base}void#edukg")
    g.add((ds, RDF.type, PROV.Entity))
    g.add((ds, PROV.wasGeneratedBy, run))
    g.add((run, RDF.type, PROV.Activity))
    g.add((run, PROV.startedAtTime, Literal(d.started.isoformat(), datatype=XSD.dateTime)))
    g.add((run, PROV.endedAtTime, Literal(d.ended.isoformat(), datatype=XSD.dateTime)))
    g.add((run, PROV.wasAssociatedWith, agent))
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, RDFS.label, Literal(f"edukg {__version__}")))
    for source in d.sources:
        g.add((run, PROV.used, URIRef(source)))
        g.add((ds, PROV.wasDerivedFrom, URIRef(source)))
    for graph in d.graphs:
        g.add((ds, VOID.subset, URIRef(graph)))
    return g
