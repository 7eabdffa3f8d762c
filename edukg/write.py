"""The one write path of every source: resolve its organisations against the store, replace its named graph in
one transaction, keep the actor index and the record of sources up to date.

`build` (documents) and `import_register` (register files) both read their sources their own way and hand
each one here, so a document and a register row that name one body meet on one node, and a source that fails
before `write` leaves the store as it was.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from edukg.actors import ActorIndex
from edukg.core.namespaces import DEFAULT_BASE, EDUKG
from edukg.core.store import Store, term_text
from edukg.ingest.model import Organisation
from edukg.ingest.to_rdf import IRIs
from edukg.sources import StoredSource, stored_sources


def ensure_ontology(store: Store, base: str) -> None:
    from edukg.validate import load_ontology_graph, ontology_graph_iri

    iri = ontology_graph_iri(base)
    if iri not in store.graphs():
        store.replace_graph(iri, load_ontology_graph(base))


class SourceWriter:
    """Writes sources into one store, one named graph each, in the order they come."""

    def __init__(self, store: Store, base: str = DEFAULT_BASE, *, track_previous: bool = False):
        self.store = store
        self.base = base
        self.iris = IRIs(base)
        self.track_previous = track_previous  # collect what changed graphs described before, for validation
        self.previous: set[str] = set()
        self.retyped: set[str] = set()  # nodes whose types (over all graphs) the writes changed
        self.checksums = _stored_checksums(store)  # graph IRI → sha256 of the file it was read from
        self.stored = stored_sources(store, base)
        # file URI → graph IRIs read from it: a write looks up its file's other graphs here, not in every source
        self._by_uri: dict[str, set[str]] = {}
        for src in self.stored.values():
            self._by_uri.setdefault(src.uri, set()).add(src.graph)
        self._actors: ActorIndex | None = None  # read on the first write: a run of unchanged files needs none
        # With `batch`, graphs new to the store wait here for one bulk load (`flush`): a transaction per
        # document cost three times the CPU. Only where nothing reads the store between writes (no tracking).
        self.batch = False
        self.pending: dict[str, Graph] = {}
        self.pending_triples = 0

    @property
    def actors(self) -> ActorIndex:
        if self._actors is None:
            self._actors = ActorIndex(self.store, self.iris, pending=self.pending)
        return self._actors

    def flush(self, at_least: int = 0) -> None:
        """Load the graphs held back by `batch` into the store, when they hold at least `at_least` triples."""
        if self.pending and self.pending_triples >= at_least:
            self.store.add_graphs(self.pending)
            self.pending.clear()  # the same dict the actor index reads
            self.pending_triples = 0

    def graph_iri(self, source_id: str) -> str:
        return str(self.iris.source_graph(source_id))

    def owner(self, graph_iri: str, uri: str) -> StoredSource | None:
        """The source that holds this graph IRI for another file still on disk, if any (ids must not collide)."""
        owner = self.stored.get(graph_iri)
        if owner is not None and owner.uri != uri and owner.exists():
            return owner
        return None

    def unchanged(self, graph_iri: str, uri: str, sha256: str) -> bool:
        owner = self.stored.get(graph_iri)
        return self.checksums.get(graph_iri) == sha256 and (owner is None or owner.uri == uri)

    def write(self, graph_iri: str, source_id: str, uri: str, organisations: Iterable[Organisation],
              to_graph: Callable[[], Graph] | None = None, *,
              to_ntriples: Callable[[], bytes | Path] | None = None) -> None:
        """Resolve `organisations` (their `iri` is set where the store knows the body), then replace the source's
        graph with `to_graph()` in one transaction; a graph the same file had under another id is dropped.

        A large source (a register file) gives `to_ntriples` instead: its graph as N-Triples (or a file of them), loaded by
        `Store.load_graph`, as atomic and without building an rdflib Graph of a million triples."""
        from edukg.validate_store import graph_nodes

        organisations = list(organisations)
        self.actors.resolve(organisations, graph_iri)
        if to_ntriples is None and to_graph is None:
            raise TypeError("write() needs to_graph or to_ntriples")
        g = to_graph() if to_ntriples is None else None
        old: set[tuple[str, str]] = set()
        removed: set[tuple[str, str]] = set()
        if self.track_previous:
            if graph_iri in self.checksums:
                self.previous |= graph_nodes(self.store, [graph_iri])
            old = _typings(self.store, graph_iri) if graph_iri in self.checksums else set()
            if g is not None:
                new = {(str(n), str(t)) for n, t in g.subject_objects(RDF.type)
                       if isinstance(n, URIRef) and isinstance(t, URIRef)}
                # a node's types over all graphs change only by a typing this graph adds or drops, and only when
                # no other graph states it: each typing is one index look-up, however many graphs name the node
                self.retyped |= {n for n, _ in _stated_nowhere(self.store, new - old)}
                removed = old - new
        if g is not None and self.batch and not self.track_previous and graph_iri not in self.stored \
                and graph_iri not in self.checksums:
            self.pending[graph_iri] = g
            self.pending_triples += len(g)
        elif g is not None:
            self.store.replace_graph(graph_iri, g)
        else:
            self.store.load_graph(graph_iri, to_ntriples())
        if self.track_previous:
            if g is None:
                # a loaded graph is never parsed here: its typings are read back, and one it added was stated
                # nowhere before when no other graph states it
                new = _typings(self.store, graph_iri)
                self.retyped |= {n for n, _ in _stated_nowhere(self.store, new - old, exclude=graph_iri)}
                removed = old - new
            self.retyped |= {n for n, _ in _stated_nowhere(self.store, removed)}
        self.actors.learn(organisations, graph_iri)
        # one file, one graph: read before from another folder, it had another id
        for other in sorted(self._by_uri.get(uri, set()) - {graph_iri}):
            self.store.drop_graph(other)
            self.pending.pop(other, None)
            self.actors.forget(other)
            self._by_uri[uri].discard(other)
            del self.stored[other]
        replaced = self.stored.get(graph_iri)
        if replaced is not None and replaced.uri != uri:
            self._by_uri.get(replaced.uri, set()).discard(graph_iri)
        self.stored[graph_iri] = StoredSource(graph_iri, source_id, uri)
        self._by_uri.setdefault(uri, set()).add(graph_iri)


def _typings(store: Store, graph_iri: str) -> set[tuple[str, str]]:
    _, rows = store.select("SELECT ?n ?t WHERE { GRAPH ?g { ?n a ?t } FILTER(isIRI(?n) && isIRI(?t)) }",
                           {"g": URIRef(graph_iri)})
    return {(str(r["n"]), str(r["t"])) for r in rows if r.get("n") is not None and r.get("t") is not None}


def _stated_nowhere(store: Store, typings: set[tuple[str, str]], exclude: str | None = None) -> set[tuple[str, str]]:
    """The (node, type) pairs that no graph of the store (but `exclude`) states."""
    out: set[tuple[str, str]] = set()
    pairs = sorted(typings)
    skip = f"FILTER(?g != {term_text(URIRef(exclude))})" if exclude else ""
    for i in range(0, len(pairs), 400):
        values = " ".join(f"({term_text(URIRef(n))} {term_text(URIRef(t))})" for n, t in pairs[i:i + 400])
        _, rows = store.select(f"SELECT ?n ?t WHERE {{ VALUES (?n ?t) {{ {values} }} "
                               f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?n a ?t }} {skip} }} }}")
        out |= {(str(r["n"]), str(r["t"])) for r in rows}
    return out


def _stored_checksums(store: Store) -> dict[str, str]:
    q = """PREFIX edukg: <%s>
SELECT ?g ?sha WHERE { GRAPH ?g { ?s edukg:sha256 ?sha } }""" % EDUKG._NS
    _, rows = store.select(q)
    return {str(r["g"]): str(r["sha"]) for r in rows if r.get("g") is not None}
