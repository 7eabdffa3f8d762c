"""The analysis results as RDF, in the named graph `<base>graph/analytics`, replaced whole on each run.

    <base>id/analysis/actors a edukg:NetworkAnalysis ;           # a prov:Activity: one run on one network
        edukg:network "actors" ;                                 # actors | bipartite
        dcterms:description "all collaborations" ;               # the filters
        dcterms:temporal <…#period> ;                            # dcat:startDate / dcat:endDate as xsd:gYear
        prov:startedAtTime "…"^^xsd:dateTime ; prov:endedAtTime "…"^^xsd:dateTime ;
        prov:wasAssociatedWith <base>id/software/edukg-0.1.0 , <base>id/software/networkx-3.6.1 ;
        prov:used <base>graph/source/… .                         # the source graphs it read
    <base>id/measurement/actors-HASH a edukg:Measurement ;       # one actor's values in that run
        edukg:measuredNode <organisation> ; prov:wasGeneratedBy <base>id/analysis/actors ;
        edukg:degree 3 ; edukg:betweenness 0.03 ; … ; edukg:community 1 ; edukg:connectsCommunity 1, 2 .

A per-year slice (`edukg analyse --by-year`) is an analysis of its own, `dcterms:isPartOf` the main one, with
the year as its period. `edukg build` drops the graph when it changes any source graph, since the values no
longer describe the data (edukg.build).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, XSD

from edukg import __version__
from edukg.core.namespaces import DEFAULT_BASE, EDUKG, PREFIXES, SCHEMA
from edukg.core.store import Store

ANALYTICS_GRAPH = "graph/analytics"

# metric name in edukg.graph.metrics → (property, datatype)
PROPERTIES = {
    "degree": (EDUKG.degree, XSD.nonNegativeInteger),
    "weighted_degree": (EDUKG.weightedDegree, XSD.nonNegativeInteger),
    "betweenness": (EDUKG.betweenness, XSD.double),
    "eigenvector": (EDUKG.eigenvector, XSD.double),
    "pagerank": (EDUKG.pagerank, XSD.double),
    "constraint": (EDUKG.constraint, XSD.double),
    "effective_size": (EDUKG.effectiveSize, XSD.double),
    "core": (EDUKG.coreNumber, XSD.nonNegativeInteger),
    "community": (EDUKG.community, XSD.nonNegativeInteger),
}


def analytics_graph_iri(base: str = DEFAULT_BASE) -> str:
    return f"{base}{ANALYTICS_GRAPH}"


@dataclass
class AnalysisRun:
    """What the write-back says about one computation."""

    slug: str                       # "actors", "actors-2019"
    network: str                    # "actors" | "bipartite"
    description: str                # the filters, in words
    since: int | None
    until: int | None
    started: datetime
    ended: datetime
    software: dict[str, str]        # library → version
    sources: list[str]              # source graph IRIs read
    metrics: dict[str, dict]        # actor IRI → metric → value
    bridges: dict[str, list[int]]   # actor IRI → the communities its ties reach, its own included
    part_of: str | None = None      # slug of the main run, for a per-year slice


def run_graph(runs: list[AnalysisRun], base: str = DEFAULT_BASE) -> Graph:
    """The triples of `runs`."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    g.bind("dcat", DCAT)
    for run in runs:
        _add_run(g, run, base)
    return g


def write_back(store: Store, runs: list[AnalysisRun], base: str = DEFAULT_BASE) -> int:
    """Replace the analytics graph with `runs`; returns the number of triples written."""
    g = run_graph(runs, base)
    store.replace_graph(analytics_graph_iri(base), g)
    return len(g)


def _add_run(g: Graph, run: AnalysisRun, base: str) -> None:
    analysis = URIRef(f"{base}id/analysis/{run.slug}")
    g.add((analysis, RDF.type, EDUKG.NetworkAnalysis))
    g.add((analysis, RDFS.label, Literal(f"{run.network} network analysis: {run.description}", lang="en")))
    g.add((analysis, EDUKG.network, Literal(run.network)))
    g.add((analysis, DCTERMS.description, Literal(run.description, lang="en")))
    g.add((analysis, PROV.startedAtTime, _time(run.started)))
    g.add((analysis, PROV.endedAtTime, _time(run.ended)))
    if run.part_of:
        g.add((analysis, DCTERMS.isPartOf, URIRef(f"{base}id/analysis/{run.part_of}")))
    if run.since is not None or run.until is not None:
        period = URIRef(f"{analysis}#period")
        g.add((analysis, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        if run.since is not None:
            g.add((period, DCAT.startDate, Literal(f"{run.since:04d}", datatype=XSD.gYear)))
        if run.until is not None:
            g.add((period, DCAT.endDate, Literal(f"{run.until:04d}", datatype=XSD.gYear)))
    for name, version in sorted({"edukg": __version__, **run.software}.items()):
        agent = URIRef(f"{base}id/software/{name}-{version}")
        g.add((analysis, PROV.wasAssociatedWith, agent))
        g.add((agent, RDF.type, PROV.SoftwareAgent))
        g.add((agent, RDFS.label, Literal(f"{name} {version}")))
        g.add((agent, SCHEMA.name, Literal(name)))
        g.add((agent, SCHEMA.softwareVersion, Literal(version)))
    for source in run.sources:
        g.add((analysis, PROV.used, URIRef(source)))
    for actor, values in run.metrics.items():
        node = URIRef(f"{base}id/measurement/{run.slug}-{hashlib.sha1(actor.encode()).hexdigest()[:16]}")
        g.add((node, RDF.type, EDUKG.Measurement))
        g.add((node, EDUKG.measuredNode, URIRef(actor)))
        g.add((node, PROV.wasGeneratedBy, analysis))
        for name, (prop, datatype) in PROPERTIES.items():
            value = values.get(name)
            if value is not None:
                g.add((node, prop, Literal(value, datatype=datatype)))
        for community in run.bridges.get(actor, ()):
            g.add((node, EDUKG.connectsCommunity, Literal(community, datatype=XSD.nonNegativeInteger)))


def _time(moment: datetime) -> Literal:
    return Literal(moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=XSD.dateTime)
