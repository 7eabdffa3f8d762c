"""The one store interface every reading and writing command uses.

Two implementations with the same methods and the same rdflib terms (URIRef, Literal, BNode) in and out:

- `OxigraphStore` — embedded pyoxigraph, on disk or in memory (the default store);
- `EndpointStore` — any SPARQL 1.1 endpoint: SPARQLWrapper for queries and updates, the Graph Store Protocol
  over plain urllib for whole-graph writes when the server offers it.

Query bindings are never pasted into query text as strings. Oxigraph gets them as `substitutions`
(SEP-0007); pyoxigraph only substitutes variables that the SELECT projects, so any other binding — and every
binding sent to a remote endpoint — becomes a typed `VALUES` row at the start of the WHERE group, built from
escaped terms. To give the same rows under both, a parameterised query uses its parameters in triple patterns
or in FILTERs of the outermost group (the named queries in `queries/` do).
"""
from __future__ import annotations

from pathlib import Path

from edukg.core.store.base import DEFAULT_STORE_PATH, DUMP_FORMATS, GRAPH_MEDIA_TYPES, RESULTS_MEDIA_TYPES, Row, Store, Term
from edukg.core.store.sparql_text import inject_values, ntriples, query_form, term_text
from edukg.core.store.oxigraph import OxigraphStore, is_store
from edukg.core.store.endpoint import EndpointStore


def open_store(path: str | Path | None = None, endpoint: str | None = None, *, create: bool = True,
               read_only: bool = False) -> Store:
    """Open the embedded store at `path` (None: in memory), or the SPARQL endpoint at `endpoint`.

    `create=False` is for commands that need data: a missing store directory is then an error instead of a new,
    empty store that would silently answer every query with nothing. `read_only` is for reading commands: no
    lock, so they work while a build writes (see `OxigraphStore`).
    """
    if endpoint:
        store = EndpointStore(endpoint)
        store.check()
        return store
    return OxigraphStore(path, create=create and not read_only, read_only=read_only)


__all__ = ["Store", "OxigraphStore", "EndpointStore", "open_store", "DEFAULT_STORE_PATH", "is_store", "Term", "Row",
           "inject_values", "query_form", "term_text", "ntriples",
           "DUMP_FORMATS", "GRAPH_MEDIA_TYPES", "RESULTS_MEDIA_TYPES"]
