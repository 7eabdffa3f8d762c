"""The `Store` interface: the methods every store offers, with rdflib terms (URIRef, Literal, BNode) in and out."""
from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import BinaryIO, Callable, Mapping

from rdflib import BNode, Dataset, Graph, Literal, URIRef

Term = URIRef | Literal | BNode
Row = dict[str, Term | None]

DEFAULT_STORE_PATH = "edukg-store"

# Media types of the engine's own serialisations (query_raw): solutions and booleans, then graphs.
RESULTS_MEDIA_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                       "text/tab-separated-values")
GRAPH_MEDIA_TYPES = ("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")
DUMP_FORMATS = ("nquads", "trig")


class Store(ABC):
    """A quad store holding one named graph per source; see the `edukg.core.store` package docstring."""

    location: str  # the path or URL, for messages

    @abstractmethod
    def graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""

    @abstractmethod
    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        """Replace a named graph atomically: afterwards it holds either its old or its new content, whole."""

    @abstractmethod
    def load_graph(self, graph_iri: str, ntriples: bytes | Path) -> None:
        """Replace a named graph with the triples of `ntriples` (N-Triples, UTF-8: the text, or a file that holds
        it), for graphs of a million triples: as fast as the engine loads, and atomic as `replace_graph` is — a load that fails or is killed
        leaves the graph as it was, whole (on the embedded store, the next opening for writing rolls back a
        load that was killed; readers may see a new graph while it loads)."""

    @abstractmethod
    def change_graph(self, graph_iri: str, remove: Graph, add: Graph) -> None:
        """Remove some triples from a named graph and add others, in one transaction: for a small change to a
        large graph, which `replace_graph` would rewrite whole."""

    @abstractmethod
    def drop_graph(self, graph_iri: str) -> None:
        """Remove a named graph; dropping a graph that does not exist is not an error."""

    @abstractmethod
    def add_graphs(self, graphs: Mapping[str, Graph]) -> None:
        """Add triples to several named graphs at once (bulk load; existing triples stay)."""

    @abstractmethod
    def select(self, query: str, bindings: Mapping[str, Term] | None = None, *,
               union_default: bool = False) -> tuple[list[str], list[Row]]:
        """Run a SELECT; return the variable names and one dict per solution (None where unbound)."""

    @abstractmethod
    def construct(self, query: str, bindings: Mapping[str, Term] | None = None, *,
                  union_default: bool = False) -> Graph:
        """Run a CONSTRUCT or DESCRIBE and return the triples."""

    def construct_ntriples(self, query: str, *, union_default: bool = False) -> str:
        """Run a CONSTRUCT and return the triples as N-Triples text: for bulk reads that need no rdflib terms
        (an implementation may stream them without building any)."""
        from edukg.core.store.sparql_text import ntriples
        return ntriples(self.construct(query, union_default=union_default))

    def graph_ntriples(self, graph_iri: str) -> str:
        """The triples of one named graph as N-Triples text, for reading a large graph whole (an implementation
        may have its engine write them without evaluating a query)."""
        from edukg.core.store.sparql_text import term_text
        return self.construct_ntriples(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {term_text(URIRef(graph_iri))} "
                                       "{ ?s ?p ?o } }")

    @abstractmethod
    def ask(self, query: str, bindings: Mapping[str, Term] | None = None, *, union_default: bool = False) -> bool:
        """Run an ASK."""

    @abstractmethod
    def dataset(self) -> Dataset:
        """Every named graph as an rdflib Dataset (for validation and dumps)."""

    @abstractmethod
    def dump(self, out: BinaryIO, format: str = "nquads") -> None:
        """Write every named graph to `out` as N-Quads or TriG, streaming: never all quads in memory at once.

        Blank node labels are unique across graphs, so the dump loads back into one dataset unchanged."""

    @abstractmethod
    def query_raw(self, query: str, media_type: str, *, union_default: bool = False) -> bytes:
        """Run any query form and return the engine's own serialisation in `media_type`: one of
        RESULTS_MEDIA_TYPES for SELECT and ASK, GRAPH_MEDIA_TYPES for CONSTRUCT and DESCRIBE."""

    def quads_count(self) -> int:
        """The number of quads in named graphs."""
        _, rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows and rows[0]["n"] is not None else 0

    def reader(self) -> Callable[[], "Store"] | None:
        """A picklable callable that opens this same store for reading in another process (publication's worker
        processes each read their own pages), or None where no other process can reach it (a store in memory)."""
        return None

    def optimize(self, compact: bool = True) -> None:
        """Make pending writes durable and, with `compact`, compact the store after a bulk write, so that the
        next process to open it starts fast. Nothing to do for a store that manages that itself (a remote
        endpoint)."""

    def close(self) -> None:
        """Release the store (the lock on an embedded store's directory)."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_dump_format(format: str) -> None:
    from edukg.core.errors import InputError
    if format not in DUMP_FORMATS:
        raise InputError(f"unknown dump format {format!r} (use one of: {', '.join(DUMP_FORMATS)})")


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
