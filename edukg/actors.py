"""Cross-source resolution: the organisations a new source names meet the actors already in the store.

Every source goes through it, whatever reads it (a document's extraction, a register's rows): the source hands
over its organisations as `edukg.ingest.model.Organisation`s before its graph is written, and an organisation
named here by one of the names an earlier source gave an actor takes that actor's node (`Organisation.iri`).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import ORG

from edukg.core.store import Store
from edukg.ingest.model import Organisation
from edukg.ingest.resolve import name_key, settle_type
from edukg.ingest.to_rdf import IRIs


def _distinctive(alt_label: str) -> bool:
    # an acronym alone is too ambiguous across sources (one short name can stand for two bodies in one text)
    return not alt_label.isupper() and len(alt_label) > 5


class ActorIndex:
    """The names of the organisations already in the store, by folded name: read once per run and kept up to
    date as sources are written, so resolving one source costs no query over the whole store."""

    _Q = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?g ?org ?label ?kind WHERE {
  GRAPH ?g { ?org a org:Organization .
    { ?org skos:prefLabel ?label BIND("pref" AS ?kind) } UNION { ?org skos:hiddenLabel ?label BIND("hidden" AS ?kind) }
    UNION { ?org skos:altLabel ?label BIND("alt" AS ?kind) } } }"""

    _TYPES = """PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?g ?org ?type WHERE { GRAPH ?g { ?org a org:Organization ; org:classification ?type } }"""

    def __init__(self, store: Store, iris: IRIs, pending: dict[str, Graph] | None = None):
        self.store = store
        self.iris = iris
        self.pending = pending if pending is not None else {}  # graphs written but not yet in the store
        self.by_key: dict[str, set[tuple[str, str]]] = {}  # name key → {(organisation IRI, graph IRI)}
        self.types: dict[str, dict[str, str]] = {}  # organisation IRI → {graph IRI: type IRI}
        self.keys_of: dict[str, set[str]] = {}  # graph IRI → its name keys, so forgetting a graph is cheap
        _, rows = store.select(self._Q)
        for r in rows:
            if r.get("label") is not None:
                self.add(str(r["label"]), str(r["kind"]), str(r["org"]), str(r["g"]))
        _, rows = store.select(self._TYPES)
        for r in rows:
            self.types.setdefault(str(r["org"]), {})[str(r["g"])] = str(r["type"])

    def add(self, label: str, kind: str, org: str, graph: str) -> None:
        if kind == "alt" and not _distinctive(label):
            return
        key = name_key(label)
        self.by_key.setdefault(key, set()).add((org, graph))
        self.keys_of.setdefault(graph, set()).add(key)

    def candidates(self, labels: Iterable[str], graph_iri: str) -> set[str]:
        """The organisation nodes other sources gave one of these names."""
        found: set[str] = set()
        for label in labels:
            found |= {iri for iri, g in self.by_key.get(name_key(label), ()) if g != graph_iri}
        return found

    def forget(self, graph: str) -> None:
        for key in self.keys_of.pop(graph, ()):
            self.by_key[key] = {x for x in self.by_key[key] if x[1] != graph}
        for readings in self.types.values():
            readings.pop(graph, None)

    def own_iri(self, org: Organisation) -> str:
        return org.iri or str(self.iris.id("organisation", org.key))

    def resolve(self, organisations: Iterable[Organisation], graph_iri: str) -> None:
        """Actors already in the store, named here by another of their names, keep their node."""
        organisations = list(organisations)
        for org in organisations:
            labels = {org.name} | {a for a in org.alt_labels if _distinctive(a)} | set(org.hidden_labels)
            cands = self.candidates(labels, graph_iri)
            cands.discard(str(self.iris.id("organisation", org.key)))
            if len(cands) == 1:
                # the node is shared; the label stays the one this source writes (labels are per source)
                org.iri = cands.pop()
        # two organisations of one source are two bodies: a label that leads both to one node (a country named
        # beside two universities) identifies neither
        shared = Counter(org.iri for org in organisations if org.iri)
        for org in organisations:
            if org.iri and shared[org.iri] > 1:
                org.iri = None
        self._settle_types(organisations, graph_iri)

    def _settle_types(self, organisations: list[Organisation], graph_iri: str) -> None:
        """One type per organisation node across the store (the shapes allow one org:classification): where
        this source reads a type other sources do not, the settled type is written here and, where an
        earlier source's reading lost, into that source's graph too."""
        for org in organisations:
            iri = self.own_iri(org)
            others = {g: t for g, t in self.types.get(iri, {}).items() if g != graph_iri}
            codes = {t.rsplit("/", 1)[-1] for t in others.values()}
            if not others or codes == {org.type}:
                continue
            org.type = settle_type(iri.rsplit("/", 1)[-1], codes | {org.type})
            winner = str(self.iris.org_type(org.type))
            for g, t in others.items():
                if t != winner:
                    self._retype(g, iri, t, winner)

    def _retype(self, graph_iri: str, org: str, old: str, new: str) -> None:
        held = self.pending.get(graph_iri)
        if held is not None:  # changed where it waits for the store
            held.remove((URIRef(org), ORG.classification, URIRef(old)))
            held.add((URIRef(org), ORG.classification, URIRef(new)))
        else:
            # one triple changes: the graph may be a register's ten million (read whole, it took 6 GB and minutes)
            remove, add = Graph(), Graph()
            remove.add((URIRef(org), ORG.classification, URIRef(old)))
            add.add((URIRef(org), ORG.classification, URIRef(new)))
            self.store.change_graph(graph_iri, remove, add)
        self.types[org][graph_iri] = new

    def learn(self, organisations: Iterable[Organisation], graph_iri: str) -> None:
        self.forget(graph_iri)
        for org in organisations:
            iri = self.own_iri(org)
            self.add(org.name, "pref", iri, graph_iri)
            self.types.setdefault(iri, {})[graph_iri] = str(self.iris.org_type(org.type))
            for a in org.alt_labels:
                self.add(a, "alt", iri, graph_iri)
            for h in org.hidden_labels:
                self.add(h, "hidden", iri, graph_iri)
